/*
 * cmd_report.c - `corroborate report [FILES...]`: the brief, story by story. With files it
 * reads them in memory (no database); without, it reports on the stored articles.
 */
#include "cli/cli.h"
#include "corroborate/brief.h"
#include "ingest/reader.h"
#include "report/render.h"
#include "store/store.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct collect { cb_article **v; int64_t *ids; size_t n, cap; long problems; } collect;

static int push(collect *c, cb_article *a, int64_t id) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    cb_article **v = realloc(c->v, cap * sizeof *v);
    if (v) c->v = v;
    int64_t *ids = realloc(c->ids, cap * sizeof *ids);
    if (ids) c->ids = ids;
    if (!v || !ids) return -1;
    c->cap = cap;
  }
  c->v[c->n] = a;
  c->ids[c->n++] = id;
  return 0;
}

static int on_article(void *ud, cb_article *a) {
  collect *c = ud;
  if (push(c, a, (int64_t)c->n + 1)) { cb_article_free(a); return 1; }
  return 0;
}

static void on_problem(void *ud, const cb_error *e) {
  ((collect *)ud)->problems++;
  cli_problem(e);
}

static int on_row(void *ud, const cb_article_row *r) {
  return push(ud, NULL, r->id);   /* the article itself is loaded after the listing */
}

static int on_member(void *ud, const cb_group_row *r) {
  return push(ud, NULL, r->article_id);
}

/* The stored articles, or only those of one stored story. */
static int load_store(const char *db, long story, collect *c) {
  cb_store *s;
  cb_error e;
  if (cb_store_open(cli_db_path(db), &s, &e)) { cli_problem(&e); return CLI_FAIL; }
  int rc = story > 0 ? cb_store_list_groups(s, story, on_member, c, &e) : cb_store_list_articles(s, on_row, c, &e);
  for (size_t i = 0; !rc && i < c->n; i++) rc = cb_store_get_article(s, c->ids[i], &c->v[i], &e);
  cb_store_close(s);
  if (rc) { cli_problem(&e); return CLI_FAIL; }
  return CLI_OK;
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
  long story = 0;
  int color = -1, width = 80;
  collect c = {0};
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
  if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "md") && strcmp(fmt, "markdown") && strcmp(fmt, "html")) {
    cli_errorf("report: unknown format '%s' (text, json, md, html)", fmt);
    free(files);
    return CLI_USAGE;
  }
  if (width < 40) width = 40;
  int rc = CLI_OK;
  if (nfiles) {
    for (int i = 0; i < nfiles; i++) cb_ingest_path(files[i], NULL, on_article, on_problem, &c);
    cb_articles_fill_years(c.v, c.n);
  } else {
    rc = load_store(db, story, &c);
    if (!rc && story > 0 && !c.n) { cli_errorf("report: no story with id %ld in the database", story); rc = CLI_INPUT; }
  }
  cb_brief *b = NULL;
  cb_error e;
  if (!rc && c.n == 0) { cli_errorf("report: no articles to report on"); rc = CLI_INPUT; }
  if (!rc && cb_brief_build(c.v, c.ids, c.n, &b, &e)) { cli_problem(&e); rc = CLI_FAIL; }
  if (!rc && story > 0 && !nfiles) {   /* the stored story's articles: its brief keeps the stored id */
    if (b->stories.n == 1) b->stories.v[0].id = story;
  } else if (!rc && story > 0) {   /* keep only the asked story */
    size_t k = 0;
    for (size_t i = 0; i < b->stories.n; i++) if (b->stories.v[i].id == story) b->stories.v[k++] = b->stories.v[i];
    if (!k) { cli_errorf("report: no story with id %ld", story); rc = CLI_INPUT; }
    b->stories.n = k;
  }
  if (!rc) {
    FILE *out = outpath ? fopen(outpath, "w") : stdout;
    if (!out) { cli_errorf("report: cannot write %s", outpath); rc = CLI_FAIL; }
    else {
      cb_buf o;
      cb_buf_init(&o);
      if (!strcmp(fmt, "json")) cb_render_json(&o, b);
      else if (!strcmp(fmt, "md") || !strcmp(fmt, "markdown")) cb_render_markdown(&o, b);
      else if (!strcmp(fmt, "html")) cb_render_html(&o, b);
      else cb_render_text(&o, b, color < 0 ? (!outpath && isatty(1)) : color, width);
      if (o.oom) { cli_errorf("report: out of memory"); rc = CLI_FAIL; }
      else if (fwrite(o.ptr, 1, o.len, out) != o.len) { cli_errorf("report: write error"); rc = CLI_FAIL; }
      cb_buf_free(&o);
      if (outpath && fclose(out) != 0) { cli_errorf("report: cannot write %s", outpath); rc = CLI_FAIL; }
    }
  }
  free(files);
  cb_brief_free(b);
  for (size_t i = 0; i < c.n; i++) cb_article_free(c.v[i]);
  free(c.v);
  free(c.ids);
  if (!rc && c.problems) rc = CLI_INPUT;
  return rc;
}
