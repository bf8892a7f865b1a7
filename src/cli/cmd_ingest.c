/*
 * cmd_ingest.c - `corroborate ingest PATH...`: reads files, directories and stdin into the
 * store. Each input file is one transaction: a file whose articles cannot all be stored
 * leaves nothing behind. Problems are printed one line each; the rest still loads. On a
 * terminal, a long ingest shows its progress on stderr (files, articles, rate, ETA).
 */
#include "cli/cli.h"
#include "cli/progress.h"
#include "store/store.h"
#include "ingest/reader.h"
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ingest_run {
  cb_store *store;
  char current[4096];   /* the file whose transaction is open */
  int in_tx, file_failed, quiet;
  long added, known, problems, store_errors;
  cli_progress *prog;
} ingest_run;

static void close_file(ingest_run *r) {
  if (!r->in_tx) return;
  cb_error e;
  if (r->file_failed) cb_store_rollback(r->store);
  else if (cb_store_commit(r->store, &e)) { cli_problem(&e); r->problems++; r->store_errors++; cb_store_rollback(r->store); }
  r->in_tx = 0;
}

static int on_article(void *ud, cb_article *a) {
  ingest_run *r = ud;
  cb_error e;
  if (!r->in_tx || strcmp(r->current, a->source) != 0) {
    close_file(r);
    snprintf(r->current, sizeof r->current, "%s", a->source);
    r->file_failed = 0;
    if (cb_store_begin(r->store, &e)) { cli_problem(&e); r->problems++; r->store_errors++; cb_article_free(a); return 1; }
    r->in_tx = 1;
  }
  if (!r->file_failed) {
    int64_t id;
    int added;
    if (cb_store_put_article(r->store, a, &id, &added, &e)) {
      snprintf(e.file, sizeof e.file, "%s", a->source);
      cli_problem(&e);
      r->problems++;
      r->file_failed = 1;   /* the whole file is rolled back */
    } else if (added) {
      r->added++;
      if (!r->quiet) {
        cli_progress_hide(r->prog);
        if (a->line) printf("added %lld\t%s:%ld\t%s\n", (long long)id, a->source, a->line, a->title ? a->title : "(no title)");
        else printf("added %lld\t%s\t%s\n", (long long)id, a->source, a->title ? a->title : "(no title)");
      }
    } else {
      r->known++;
    }
  }
  cb_article_free(a);
  r->prog->items++;
  cli_progress_tick(r->prog);
  return 0;
}

/* After each input file: one more done. */
static void file_done(ingest_run *r, unsigned long long bytes) {
  r->prog->done++;
  r->prog->bytes_done += bytes;
  cli_progress_tick(r->prog);
}

static void on_problem(void *ud, const cb_error *e) {
  ingest_run *r = ud;
  cli_problem(e);
  r->problems++;
}

/* ---- parallel reading: workers read and clean files, this thread alone writes ---------- */
typedef struct file_slot {
  char *file;
  size_t bytes;               /* the file's size: read-ahead is bounded in bytes */
  int stream;                 /* WARC/gzip: read by the writer itself, streamed */
  int done;
  cb_article **arts; size_t narts, cap;
  cb_error *errs; size_t nerrs, ecap;
} file_slot;

#define READ_AHEAD_BYTES ((size_t)32 << 20)

typedef struct pool {
  file_slot *slots; size_t n, next, written;
  size_t window;              /* how many files workers may read ahead of the writer */
  size_t inflight;            /* bytes of files read or being read, not yet written */
  const cb_ingest_opts *o;
  pthread_mutex_t mu;
  pthread_cond_t cv;
} pool;

static int slot_article(void *ud, cb_article *a) {
  file_slot *s = ud;
  if (s->narts == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 8;
    cb_article **v = realloc(s->arts, cap * sizeof *v);
    if (!v) { cb_article_free(a); return 1; }
    s->arts = v;
    s->cap = cap;
  }
  s->arts[s->narts++] = a;
  return 0;
}

static void slot_problem(void *ud, const cb_error *e) {
  file_slot *s = ud;
  if (s->nerrs == s->ecap) {
    size_t cap = s->ecap ? s->ecap * 2 : 4;
    cb_error *v = realloc(s->errs, cap * sizeof *v);
    if (!v) return;
    s->errs = v;
    s->ecap = cap;
  }
  s->errs[s->nerrs++] = *e;
}

static void *worker(void *arg) {
  pool *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    /* memory stays flat: at most `window` files and READ_AHEAD_BYTES ahead of the writer */
    while (p->next < p->n && (p->next >= p->written + p->window ||
                              (p->inflight && p->inflight + p->slots[p->next].bytes > READ_AHEAD_BYTES)))
      pthread_cond_wait(&p->cv, &p->mu);
    if (p->next >= p->n) { pthread_mutex_unlock(&p->mu); return NULL; }
    file_slot *s = &p->slots[p->next++];
    if (!s->stream) p->inflight += s->bytes;
    pthread_mutex_unlock(&p->mu);
    if (!s->stream) cb_ingest_path(s->file, p->o, slot_article, slot_problem, s);
    pthread_mutex_lock(&p->mu);
    s->done = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
  }
}

/* Read on the writer thread, streamed: archives, and files too big to hold in a worker. */
static int archive_or_big(const char *file, const cb_ingest_opts *o) {
  struct stat st;
  size_t limit = o && o->max_bytes ? o->max_bytes : ((size_t)64 << 20);
  size_t n = strlen(file);
  if ((n > 5 && !strcmp(file + n - 5, ".warc")) || (n > 3 && !strcmp(file + n - 3, ".gz")) || (n > 4 && !strcmp(file + n - 4, ".wet")))
    return 1;
  return stat(file, &st) != 0 || (size_t)st.st_size > limit;
}

typedef struct file_list { char **v; size_t n, cap; ingest_run *r; } file_list;

static void list_problem(void *ud, const cb_error *e) { on_problem(((file_list *)ud)->r, e); }

static int list_file(void *ud, const char *file) {
  file_list *l = ud;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    char **v = realloc(l->v, cap * sizeof *v);
    if (!v) return 1;
    l->v = v;
    l->cap = cap;
  }
  if (!(l->v[l->n] = strdup(file))) return 1;
  l->n++;
  return 0;
}

/* Reads the files on `jobs` threads, in order of the list, and stores them here. */
static void ingest_parallel(ingest_run *r, char **paths, int npaths, const cb_ingest_opts *o, int jobs) {
  file_list fl = {0};
  fl.r = r;
  for (int i = 0; i < npaths; i++) cb_ingest_walk(paths[i], list_file, list_problem, &fl);
  pool p = {0};
  p.slots = calloc(fl.n + 1, sizeof *p.slots);
  if (!p.slots) { cli_errorf("out of memory"); r->problems++; return; }
  p.n = fl.n;
  p.window = (size_t)jobs * 4;
  p.o = o;
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv, NULL);
  cli_progress_phase(r->prog, "ingest", "files", fl.n, "articles");
  for (size_t i = 0; i < fl.n; i++) {
    p.slots[i].file = fl.v[i];
    struct stat st;
    p.slots[i].bytes = strcmp(fl.v[i], "-") && stat(fl.v[i], &st) == 0 ? (size_t)st.st_size : 0;
    p.slots[i].stream = !strcmp(fl.v[i], "-") || (cb_ingest_is_stream(fl.v[i]) && archive_or_big(fl.v[i], o));
    r->prog->bytes_total += p.slots[i].bytes;
  }
  cb_ingest_init();
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  int started = 0;
  for (int t = 0; th && t < jobs; t++) started += pthread_create(&th[t], NULL, worker, &p) == 0;
  for (size_t i = 0; i < p.n; i++) {
    file_slot *s = &p.slots[i];
    pthread_mutex_lock(&p.mu);
    while (!s->done && started) pthread_cond_wait(&p.cv, &p.mu);
    pthread_mutex_unlock(&p.mu);
    if (s->stream || !started) {
      cb_ingest_path(s->file, o, on_article, on_problem, r);     /* streamed here, constant memory */
    } else {
      for (size_t k = 0; k < s->nerrs; k++) on_problem(r, &s->errs[k]);
      for (size_t k = 0; k < s->narts; k++) on_article(r, s->arts[k]);
    }
    close_file(r);
    file_done(r, s->bytes);
    free(s->arts);
    free(s->errs);
    /* articles are made on the workers' malloc arenas and freed here: hand the freed
     * memory back now and then, so resident memory stays flat over a long ingest */
    if (i % 8 == 7) malloc_trim(0);
    pthread_mutex_lock(&p.mu);
    if (!s->stream && started) p.inflight -= s->bytes;
    p.written = i + 1;
    pthread_cond_broadcast(&p.cv);
    pthread_mutex_unlock(&p.mu);
  }
  for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
  free(th);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.cv);
  for (size_t i = 0; i < fl.n; i++) free(fl.v[i]);
  free(fl.v);
  free(p.slots);
}

/* ---- one thread: each file as the walk finds it, as cb_ingest_path does ---------------- */
typedef struct serial_run { ingest_run *r; const cb_ingest_opts *o; } serial_run;

static int serial_file(void *ud, const char *file) {
  serial_run *sr = ud;
  struct stat st;
  unsigned long long bytes = strcmp(file, "-") && stat(file, &st) == 0 ? (unsigned long long)st.st_size : 0;
  int problems = cb_ingest_path(file, sr->o, on_article, on_problem, sr->r);
  close_file(sr->r);
  file_done(sr->r, bytes);
  return problems;
}

static void serial_problem(void *ud, const cb_error *e) { on_problem(((serial_run *)ud)->r, e); }

static int count_file(void *ud, const char *file) {
  struct stat st;
  ingest_run *r = ud;
  r->prog->total++;
  if (strcmp(file, "-") && stat(file, &st) == 0) r->prog->bytes_total += (unsigned long long)st.st_size;
  return 0;
}

static void ingest_serial(ingest_run *r, char **paths, int npaths, const cb_ingest_opts *o) {
  serial_run sr = {r, o};
  cli_progress_phase(r->prog, "ingest", "files", 0, "articles");
  if (r->prog->on)   /* the total, for the ETA: a walk that reports nothing (the real one will) */
    for (int i = 0; i < npaths; i++) cb_ingest_walk(paths[i], count_file, NULL, r);
  for (int i = 0; i < npaths; i++) cb_ingest_walk(paths[i], serial_file, serial_problem, &sr);
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

/* Dates the text gives without a year ("on December 1") take the year of the articles
 * read in the same run (or, failing that, of the store). One transaction. */
static int fill_years(cb_store *s, int64_t first_id) {
  cb_error e;
  int year = cb_store_common_year(s, first_id);
  int64_t *ids;
  size_t n;
  if (!year) return 0;
  if (cb_store_undated(s, first_id, &ids, &n, &e)) { cli_problem(&e); return 1; }
  int rc = n ? cb_store_begin(s, &e) : 0;
  for (size_t i = 0; i < n && !rc; i++) {
    cb_article *a;
    if ((rc = cb_store_get_article(s, ids[i], &a, &e))) break;
    a->published[0] = 0;
    if (cb_article_infer_published(a, year) && strncmp(a->published, "XXXX", 4) != 0)
      rc = cb_store_set_published(s, ids[i], a->published, 1, a->published_why, &e);
    cb_article_free(a);
  }
  if (n && !rc) rc = cb_store_commit(s, &e);
  if (rc) { cli_problem(&e); cb_store_rollback(s); }
  free(ids);
  return rc != 0;
}

int cmd_ingest(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { help(); return CLI_OK; }
  const char *db = NULL, *v;
  cb_ingest_opts o = {0};
  ingest_run r = {0};
  cli_progress prog;
  char **paths = calloc((size_t)argc, sizeof *paths);
  int npaths = 0, opts_done = 0;
  int no_group = 0;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  int jobs = cores > 0 ? (int)cores : 1;
  if (!paths) return CLI_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts_done || a[0] != '-' || strcmp(a, "-") == 0) { paths[npaths++] = argv[i]; continue; }
    if (strcmp(a, "--") == 0) opts_done = 1;
    else if ((v = cli_opt(argc, argv, &i, "--db"))) db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (cb_format_parse(v, &o.format)) { cli_errorf("ingest: unknown format '%s' (text, html, jsonl, warc)", v); free(paths); return CLI_USAGE; }
    } else if ((v = cli_opt(argc, argv, &i, "--max-size"))) {
      if (parse_size(v, &o.max_bytes)) { cli_errorf("ingest: --max-size wants a size like 500K or 64M, not '%s'", v); free(paths); return CLI_USAGE; }
    } else if ((v = cli_opt(argc, argv, &i, "--jobs")) || (v = cli_opt(argc, argv, &i, "-j"))) {
      jobs = atoi(v);
      if (jobs < 1 || jobs > 256) { cli_errorf("ingest: --jobs wants a number from 1 to 256, not '%s'", v); free(paths); return CLI_USAGE; }
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) r.quiet = 1;
    else if (strcmp(a, "--no-group") == 0) no_group = 1;
    else { cli_errorf("ingest: unknown option '%s' (try --help)", a); free(paths); return CLI_USAGE; }
  }
  if (!npaths) { cli_errorf("ingest: no PATH given (try --help)"); free(paths); return CLI_USAGE; }
  cb_error e;
  if (cb_store_open(cli_db_path(db), &r.store, &e)) { cli_problem(&e); free(paths); return CLI_FAIL; }
  int64_t first_id = cb_store_max_id(r.store) + 1;
  cli_progress_begin(&prog, r.quiet);
  r.prog = &prog;
  if (jobs > 1) ingest_parallel(&r, paths, npaths, &o, jobs);
  else ingest_serial(&r, paths, npaths, &o);
  cli_progress_hide(&prog);
  if (r.added) r.store_errors += fill_years(r.store, first_id);
  if (!no_group && cb_store_count_articles(r.store) > 0) r.store_errors += cli_regroup(r.store, jobs, &prog);
  cli_progress_end(&prog);
  cb_store_close(r.store);
  free(paths);
  fprintf(stderr, "corroborate: %ld new article%s, %ld already stored, %ld problem%s\n", r.added,
          r.added == 1 ? "" : "s", r.known, r.problems, r.problems == 1 ? "" : "s");
  if (r.store_errors) return CLI_FAIL;
  return r.problems ? CLI_INPUT : CLI_OK;
}
