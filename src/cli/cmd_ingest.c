/*
 * cmd_ingest.c - `corroborate ingest PATH...`: reads files, directories and stdin into the
 * store. Each input file is one transaction: a file whose articles cannot all be stored
 * leaves nothing behind. Problems are printed one line each; the rest still loads. On a
 * terminal, a long ingest shows its progress on stderr (files, articles, rate, ETA).
 */
#include "cli/cli.h"
#include "cli/progress.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct ingest_ui { cli_progress prog; int quiet; } ingest_ui;

static void on_stored(void *ud, const cb_stored *st) {
  ingest_ui *u = ud;
  const cb_article *a = st->article;
  if (!st->added || u->quiet) return;
  cli_progress_hide(&u->prog);
  if (a->line) printf("added %lld\t%s:%ld\t%s\n", (long long)st->id, a->source, a->line, a->title ? a->title : "(no title)");
  else printf("added %lld\t%s\t%s\n", (long long)st->id, a->source, a->title ? a->title : "(no title)");
}

static void on_problem(void *ud, const cb_error *e) {
  (void)ud;
  cli_problem(e);
}

/* The library's progress, drawn: a new phase or unit starts a new pass of the line. */
static void on_progress(void *ud, const cb_progress *p) {
  cli_progress *l = &((ingest_ui *)ud)->prog;
  if (!l->what || strcmp(l->what, p->phase) || !l->unit || strcmp(l->unit, p->unit))
    cli_progress_phase(l, p->phase, p->unit, p->total, p->items_unit);
  l->total = p->total;
  l->done = p->done;
  l->items = p->items;
  l->bytes_done = p->bytes_done;
  l->bytes_total = p->bytes_total;
  cli_progress_tick(l);
}

static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return -1;
  switch (*end) {
  case 'k': case 'K': v <<= 10; end++; break;
  case 'm': case 'M': v <<= 20; end++; break;
  case 'g': case 'G': v <<= 30; end++; break;
  }
  if (*end == 'B' || *end == 'b') end++;
  if (*end || v == 0) return -1;
  *out = (size_t)v;
  return 0;
}

static void help(void) {
  printf("usage: corroborate ingest [options] PATH...\n\n"
         "Reads articles into the store. PATH is a file, a directory (read recursively,\n"
         "dot files skipped) or - for standard input. The format of each file is detected\n"
         "from its content: plain text, HTML, JSON Lines, WARC (gzip or plain).\n"
         "Ingesting the same content again adds nothing. Each file is stored all or nothing.\n\n"
         "options:\n"
         "  --db PATH          the database (default: $CORROBORATE_DB, else\n"
         "                     $XDG_DATA_HOME/corroborate/corroborate.db)\n"
         "  --format FMT       force the format: text, html, jsonl, warc\n"
         "  --max-size SIZE    skip files larger than SIZE (e.g. 500K, 64M; default 64M)\n"
         "  -j, --jobs N       read and clean files on N threads (default: the number of\n"
         "                     cores); one writer stores them, in the order of the files\n"
         "  --no-group         do not update the stories and near-duplicates now (a bulk\n"
         "                     load; the next ingest without it updates them)\n"
         "  -q, --quiet        print only the summary and problems (and no progress line)\n\n"
         "On a terminal, an ingest that runs over a second shows its progress on stderr:\n"
         "files done of all, articles read, articles per second and the time left.\n\n"
         "exit: 0 all read; 1 some input could not be read (the rest was stored);\n"
         "      2 usage error; 3 the database could not be written\n");
}

int cmd_ingest(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { help(); return CLI_OK; }
  const char *db = NULL, *v;
  ingest_ui ui = {0};
  cb_store_ingest_opts o;
  cb_store_ingest_opts_init(&o);
  char **paths = calloc((size_t)argc, sizeof *paths);
  int npaths = 0, opts_done = 0;
  if (!paths) return CLI_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) { paths[npaths++] = argv[i]; continue; }
    if (strcmp(a, "--") == 0) opts_done = 1;
    else if ((v = cli_opt(argc, argv, &i, "--db"))) db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (cb_format_parse(v, &o.read.format)) { cli_errorf("ingest: unknown format '%s' (text, html, jsonl, warc)", v); free(paths); return CLI_USAGE; }
    } else if ((v = cli_opt(argc, argv, &i, "--max-size"))) {
      if (parse_size(v, &o.read.max_bytes)) { cli_errorf("ingest: --max-size wants a size like 500K or 64M, not '%s'", v); free(paths); return CLI_USAGE; }
    } else if ((v = cli_opt(argc, argv, &i, "--jobs")) || (v = cli_opt(argc, argv, &i, "-j"))) {
      o.jobs = atoi(v);
      if (o.jobs < 1 || o.jobs > 256) { cli_errorf("ingest: --jobs wants a number from 1 to 256, not '%s'", v); free(paths); return CLI_USAGE; }
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) ui.quiet = 1;
    else if (strcmp(a, "--no-group") == 0) o.no_group = 1;
    else { cli_errorf("ingest: unknown option '%s' (try --help)", a); free(paths); return CLI_USAGE; }
  }
  if (!npaths) { cli_errorf("ingest: no PATH given (try --help)"); free(paths); return CLI_USAGE; }
  cb_error e;
  cb_store *s;
  if (cb_store_open(cli_db_path(db), &s, &e)) { cli_problem(&e); free(paths); return CLI_FAIL; }
  cli_progress_begin(&ui.prog, ui.quiet);
  o.on_stored = on_stored;
  o.on_problem = on_problem;
  o.on_progress = ui.prog.on ? on_progress : NULL;
  o.ud = &ui;
  cb_ingest_stats st;
  int rc = cb_store_ingest(s, (const char *const *)paths, (size_t)npaths, &o, &st, &e);
  cli_progress_end(&ui.prog);
  cb_store_close(s);
  free(paths);
  fprintf(stderr, "corroborate: %ld new article%s, %ld already stored, %ld problem%s\n", st.added,
          st.added == 1 ? "" : "s", st.known, st.problems, st.problems == 1 ? "" : "s");
  if (rc) return CLI_FAIL;
  return st.problems ? CLI_INPUT : CLI_OK;
}
