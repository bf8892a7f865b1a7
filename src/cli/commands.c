/*
 * commands.c - the table of commands, in the order --help lists them.
 */
#include "cli/cli.h"

const cli_command cli_commands[] = {
  {"ingest", "read articles (text, HTML, JSON Lines, WARC) into the store", cmd_ingest},
  {"articles", "list the stored articles", cmd_articles},
  {"show", "show one article: metadata, clean text, dropped noise", cmd_show},
  {"stories", "list the stories of the stored articles", cmd_stories},
  {"story", "one story's articles, copies under their original", cmd_story},
  {"duplicates", "stored articles that copy another, with similarity", cmd_duplicates},
  {"extract", "print every quantity, date, quote and name found in articles", cmd_extract},
  {"report", "the brief: agreements, conflicts, quotes, names, flags, timeline", cmd_report},
  {"parse", "tag, lemmatize and parse plain text into CoNLL-U (Universal Dependencies)", cmd_parse},
  {"serve", "a web app and JSON API over the store: browse, search, briefs, paste articles", cmd_serve},
  {"eval", "score the extractors on annotated data", cmd_eval},
  {"version", "print the version", cmd_version},
  {NULL, NULL, NULL}
};
