/*
 * cmd_extract.c - `corroborate extract FILE...`: every mention the extractors find in each
 * article (quantities, dates and times, quotes with speakers, names with roles), with type,
 * byte offsets into the clean text, surface words and normalised value.
 */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

typedef struct extract_run { int json, first; long problems; } extract_run;

static int on_article(void *ud, cb_article *a) {
  extract_run *r = ud;
  cb_extraction *x;
  cb_error e;
  char *text;
  size_t len;
  if (cb_extract(a, &x, &e) == CB_OK) {
    if (cb_extraction_render(x, r->json ? CB_RENDER_JSON : CB_RENDER_TEXT, &text, &len, &e) == CB_OK) {
      if (r->json) fputs(r->first ? "\n  " : ",\n  ", stdout);
      r->first = 0;
      fwrite(text, 1, len, stdout);
      cb_free(text);
    } else {
      cli_problem(&e);
      r->problems++;
    }
    cb_extraction_free(x);
  } else {
    cli_problem(&e);
    r->problems++;
  }
  cb_article_free(a);
  return 0;
}

static void on_problem(void *ud, const cb_error *e) {
  ((extract_run *)ud)->problems++;
  cli_problem(e);
}

int cmd_extract(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate extract [--format text|json] FILE...\n\n"
           "Prints every mention found in each article: quantities (value, qualifier, unit,\n"
           "what they count), dates and times (TIMEX3 value, normalised against the article's\n"
           "date), quotes with speakers, and names with roles, each with byte offsets into the\n"
           "article's clean text (see 'corroborate show').\n");
    return CLI_OK;
  }
  extract_run r = {0};
  r.first = 1;
  const char *v;
  int nfiles = 0;
  for (int i = 1; i < argc; i++) {
    if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (!strcmp(v, "json")) r.json = 1;
      else if (strcmp(v, "text")) { cli_errorf("extract: unknown format '%s' (text, json)", v); return CLI_USAGE; }
    } else if (argv[i][0] == '-' && strcmp(argv[i], "-")) { cli_errorf("extract: unknown option '%s'", argv[i]); return CLI_USAGE; }
  }
  if (r.json) fputs("[", stdout);
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--format")) { i++; continue; }
    if (!strncmp(argv[i], "--format=", 9)) continue;
    nfiles++;
    cb_ingest_path(argv[i], NULL, on_article, on_problem, &r);
  }
  if (r.json) fputs(r.first ? "]\n" : "\n]\n", stdout);
  if (!nfiles) { cli_errorf("extract: no FILE given (try --help)"); return CLI_USAGE; }
  return r.problems ? CLI_INPUT : CLI_OK;
}
