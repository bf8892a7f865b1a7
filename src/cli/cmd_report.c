/*
 * cmd_report.c - `corroborate report [FILES...]`: the brief, story by story. With files it
 * reads them in memory (no database); without, it reports on the stored articles.
 */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void on_problem(void *ud, const cb_error *e) {
  (void)ud;
  cli_problem(e);
}

/* The brief of the files, or of the stored articles (or of one stored story). */
static int build(char **files, int nfiles, const char *db, long story, long *problems, cb_brief **b) {
  cb_error e;
  int rc;
  if (nfiles) {
    rc = cb_brief_of_paths((const char *const *)files, (size_t)nfiles, NULL, on_problem, NULL, problems, b, &e);
    if (!rc && story > 0) rc = cb_brief_select_story(*b, story, &e);
  } else {
    cb_store *s;
    if (cb_store_open(cli_db_path(db), &s, &e)) { cli_problem(&e); return CLI_FAIL; }
    rc = cb_store_brief(s, story > 0 ? story : 0, b, &e);
    cb_store_close(s);
  }
  if (rc == CB_EEMPTY) { cli_errorf("report: no articles to report on"); return CLI_INPUT; }
  if (rc == CB_ENOTFOUND) {
    cli_errorf("report: no story with id %ld%s", story, nfiles ? "" : " in the database");
    return CLI_INPUT;
  }
  if (rc) { cli_problem(&e); return CLI_FAIL; }
  return CLI_OK;
}

static int write_out(const cb_brief *b, const cb_render_opts *ro, const char *outpath) {
  char *text;
  size_t len;
  cb_error e;
  if (cb_brief_render(b, ro, &text, &len, &e)) { cli_problem(&e); return CLI_FAIL; }
  int rc = CLI_OK;
  FILE *out = outpath ? fopen(outpath, "w") : stdout;
  if (!out) { cli_errorf("report: cannot write %s", outpath); rc = CLI_FAIL; }
  else if (fwrite(text, 1, len, out) != len) { cli_errorf("report: write error"); rc = CLI_FAIL; }
  if (out && outpath && fclose(out) != 0) { cli_errorf("report: cannot write %s", outpath); rc = CLI_FAIL; }
  cb_free(text);
  return rc;
}

static void help(void) {
  printf("usage: corroborate report [options] [FILE...]\n\n"
         "Prints the brief: for each story, what the sources agree on, where they differ\n"
         "(with a verdict: agree, compatible, conflict, variant, single), the names and\n"
         "their forms, flags on single articles, a timeline and the supported facts.\n"
         "With FILEs (or directories, or - for stdin) the articles are read in memory and\n"
         "nothing is stored; without, the brief covers the articles in the database.\n\n"
         "options:\n"
         "  --format FMT    text (default), json, md, html\n"
         "  -o, --output F  write to file F instead of standard output\n"
         "  --story ID      only this story\n"
         "  --no-color      no colour in text output (colour is used only on a terminal)\n"
         "  --width N       text width (default 80)\n"
         "  --db PATH       the database, when no FILE is given\n\n"
         "exit: 0 ok; 1 some input could not be read (the brief covers the rest);\n"
         "      2 usage error; 3 internal or database error\n");
}

int cmd_report(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { help(); return CLI_OK; }
  const char *db = NULL, *fmt = "text", *outpath = NULL, *v;
  long story = 0, problems = 0;
  int color = -1, width = 80;
  char **files = calloc((size_t)argc, sizeof *files);
  int nfiles = 0;
  if (!files) return CLI_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) files[nfiles++] = argv[i];
    else if ((v = cli_opt(argc, argv, &i, "--db"))) db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) fmt = v;
    else if ((v = cli_opt(argc, argv, &i, "--output")) || (v = cli_opt(argc, argv, &i, "-o"))) outpath = v;
    else if ((v = cli_opt(argc, argv, &i, "--story"))) story = atol(v);
    else if ((v = cli_opt(argc, argv, &i, "--width"))) width = atoi(v);
    else if (strcmp(a, "--no-color") == 0) color = 0;
    else if (strcmp(a, "--color") == 0) color = 1;
    else { cli_errorf("report: unknown option '%s' (try --help)", a); free(files); return CLI_USAGE; }
  }
  cb_render_opts ro;
  cb_render_opts_init(&ro);
  if (cb_render_format_parse(fmt, &ro.format)) {
    cli_errorf("report: unknown format '%s' (text, json, md, html)", fmt);
    free(files);
    return CLI_USAGE;
  }
  ro.width = width < 40 ? 40 : width;
  ro.color = color < 0 ? (!outpath && isatty(1)) : color;
  cb_brief *b = NULL;
  int rc = build(files, nfiles, db, story, &problems, &b);
  if (!rc) rc = write_out(b, &ro, outpath);
  free(files);
  cb_brief_free(b);
  if (!rc && problems) rc = CLI_INPUT;
  return rc;
}
