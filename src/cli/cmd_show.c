/*
 * cmd_show.c - `corroborate show ID`: one stored article: metadata, the clean text, and
 * what was dropped as noise and why.
 */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

static void field(const char *name, const char *v) {
  if (v && *v) printf("%-11s %s\n", name, v);
}

static void show_text(const cb_article *a, long long id) {
  char idbuf[32];
  snprintf(idbuf, sizeof idbuf, "%lld", id);
  field("id", idbuf);
  if (a->line) printf("%-11s %s:%ld\n", "file", a->source, a->line);
  else field("file", a->source);
  field("format", cb_format_name(a->format));
  field("title", a->title ? a->title : "(none found)");
  field("outlet", a->outlet ? a->outlet : "(none found)");
  field("author", a->author);
  field("url", a->url);
  if (a->published[0]) printf("%-11s %s%s%s%s\n", "published", a->published_inferred ? "on or after " : "", a->published,
                              a->published_why ? "  — " : "", a->published_why ? a->published_why : "");
  else field("published", "(not given)");
  field("fetched", a->fetched);
  field("dateline", a->dateline);
  field("credit", a->credit);
  for (size_t i = 0; i < a->nextra; i++) printf("%-11s %s = %s\n", i ? "" : "extra", a->extra[i].key, a->extra[i].value);
  printf("\n%s\n", a->body ? a->body : "");
  if (a->ncaptions) {
    printf("\ncaptions:\n");
    for (size_t i = 0; i < a->ncaptions; i++) printf("  %s\n", a->captions[i]);
  }
  if (a->ndropped) {
    printf("\ndropped as noise:\n");
    for (size_t i = 0; i < a->ndropped; i++)
      printf("  [%s] %s: \"%s\"\n", cb_drop_reason_name(a->dropped[i].reason), a->dropped[i].why ? a->dropped[i].why : "",
             a->dropped[i].text);
  }
}

int cmd_show(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate show [--db PATH] [--format text|json] ID\n\n"
           "Shows one stored article: its metadata (and where the date came from), the\n"
           "clean text, captions kept apart, and every piece dropped as noise with the reason.\n");
    return CLI_OK;
  }
  const char *db = NULL, *v, *idarg = NULL;
  int json = 0;
  for (int i = 1; i < argc; i++) {
    if ((v = cli_opt(argc, argv, &i, "--db"))) db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (strcmp(v, "json") == 0) json = 1;
      else if (strcmp(v, "text") != 0) { cli_errorf("show: unknown format '%s' (text, json)", v); return CLI_USAGE; }
    } else if (argv[i][0] != '-' && !idarg) idarg = argv[i];
    else { cli_errorf("show: unexpected argument '%s' (try --help)", argv[i]); return CLI_USAGE; }
  }
  char *end;
  long long id = idarg ? strtoll(idarg, &end, 10) : 0;
  if (!idarg || *end || id <= 0) { cli_errorf("show: give the article ID (a number from 'corroborate articles')"); return CLI_USAGE; }
  cb_store *s;
  cb_error e;
  if (cb_store_open(cli_db_path(db), &s, &e)) { cli_problem(&e); return CLI_FAIL; }
  cb_article *a;
  int rc = cb_store_get_article(s, id, &a, &e);
  cb_store_close(s);
  if (rc) { cli_problem(&e); return rc == CB_ENOTFOUND ? CLI_INPUT : CLI_FAIL; }
  if (json) {
    char *text;
    if (cb_article_to_json(a, id, &text, NULL, &e)) { cli_problem(&e); cb_article_free(a); return CLI_FAIL; }
    puts(text);
    cb_free(text);
  } else {
    show_text(a, id);
  }
  cb_article_free(a);
  return CLI_OK;
}
