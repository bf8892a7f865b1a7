/*
 * store_ingest.c - reading inputs into the store: each input file is one transaction, so
 * a file whose articles cannot all be stored leaves nothing behind; problems are reported
 * one by one and the rest still loads. Files are read and cleaned on worker threads while
 * this thread alone writes, in the order of the files, with bounded read-ahead. Then the
 * dates without a year take the run's year, and the stories are brought up to date.
 */
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
  const cb_store_ingest_opts *o;
  char current[4096];   /* the file whose transaction is open */
  int in_tx, file_failed;
  cb_ingest_stats st;
  cb_error first;       /* the store's first failure */
  cb_progress prog;
} ingest_run;

static void tick(ingest_run *r) {
  if (r->o->on_progress) r->o->on_progress(r->o->ud, &r->prog);
}

static void report(ingest_run *r, const cb_error *e, int store_error) {
  r->st.problems++;
  if (store_error && !r->st.store_errors++) r->first = *e;
  if (r->o->on_problem) r->o->on_problem(r->o->ud, e);
}

static void close_file(ingest_run *r) {
  if (!r->in_tx) return;
  cb_error e;
  if (r->file_failed) cb_store_rollback(r->store);
  else if (cb_store_commit(r->store, &e)) { report(r, &e, 1); cb_store_rollback(r->store); }
  r->in_tx = 0;
}

static int on_article(void *ud, cb_article *a) {
  ingest_run *r = ud;
  cb_error e;
  if (!r->in_tx || strcmp(r->current, a->source) != 0) {
    close_file(r);
    snprintf(r->current, sizeof r->current, "%s", a->source);
    r->file_failed = 0;
    if (cb_store_begin(r->store, &e)) { report(r, &e, 1); cb_article_free(a); return 1; }
    r->in_tx = 1;
  }
  if (!r->file_failed) {
    int64_t id;
    int added;
    if (cb_store_put_article(r->store, a, &id, &added, &e)) {
      snprintf(e.file, sizeof e.file, "%s", a->source);
      report(r, &e, 0);     /* this file's problem: the others are still stored */
      r->file_failed = 1;   /* the whole file is rolled back */
    } else {
      if (added) r->st.added++;
      else r->st.known++;
      cb_stored st = {a, id, added};
      if (r->o->on_stored) r->o->on_stored(r->o->ud, &st);
    }
  }
  cb_article_free(a);
  r->prog.items++;
  tick(r);
  return 0;
}

/* After each input file: one more done. */
static void file_done(ingest_run *r, unsigned long long bytes) {
  r->prog.done++;
  r->prog.bytes_done += bytes;
  tick(r);
}

static void on_problem(void *ud, const cb_error *e) {
  report(ud, e, 0);
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
static void ingest_parallel(ingest_run *r, const char *const *paths, size_t npaths, const cb_ingest_opts *o, int jobs) {
  file_list fl = {0};
  fl.r = r;
  for (size_t i = 0; i < npaths; i++) cb_ingest_walk(paths[i], list_file, list_problem, &fl);
  pool p = {0};
  p.slots = calloc(fl.n + 1, sizeof *p.slots);
  if (!p.slots) {
    cb_error e;
    cb_error_set(&e, CB_ENOMEM, "", 0, "out of memory listing the files");
    report(r, &e, 1);
    return;
  }
  p.n = fl.n;
  p.window = (size_t)jobs * 4;
  p.o = o;
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv, NULL);
  r->prog = (cb_progress){.phase = "ingest", .unit = "files", .total = fl.n, .items_unit = "articles"};
  for (size_t i = 0; i < fl.n; i++) {
    p.slots[i].file = fl.v[i];
    struct stat st;
    p.slots[i].bytes = strcmp(fl.v[i], "-") && stat(fl.v[i], &st) == 0 ? (size_t)st.st_size : 0;
    p.slots[i].stream = !strcmp(fl.v[i], "-") || (cb_ingest_is_stream(fl.v[i]) && archive_or_big(fl.v[i], o));
    r->prog.bytes_total += p.slots[i].bytes;
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
  r->prog.total++;
  if (strcmp(file, "-") && stat(file, &st) == 0) r->prog.bytes_total += (unsigned long long)st.st_size;
  return 0;
}

static void ingest_serial(ingest_run *r, const char *const *paths, size_t npaths, const cb_ingest_opts *o) {
  serial_run sr = {r, o};
  r->prog = (cb_progress){.phase = "ingest", .unit = "files", .items_unit = "articles"};
  if (r->o->on_progress)   /* the total, for the ETA: a walk that reports nothing (the real one will) */
    for (size_t i = 0; i < npaths; i++) cb_ingest_walk(paths[i], count_file, NULL, r);
  for (size_t i = 0; i < npaths; i++) cb_ingest_walk(paths[i], serial_file, serial_problem, &sr);
}

/* Dates the text gives without a year ("on December 1") take the year of the articles
 * read in the same run (or, failing that, of the store). One transaction. */
static void fill_years(ingest_run *r, int64_t first_id) {
  cb_store *s = r->store;
  cb_error e;
  int year = cb_store_common_year(s, first_id);
  int64_t *ids;
  size_t n;
  if (!year) return;
  if (cb_store_undated(s, first_id, &ids, &n, &e)) { report(r, &e, 1); return; }
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
  if (rc) { report(r, &e, 1); cb_store_rollback(s); }
  free(ids);
}

void cb_store_ingest_opts_init(cb_store_ingest_opts *o) {
  memset(o, 0, sizeof *o);
  o->version = CB_STORE_INGEST_OPTS_VERSION;
}

/* After the articles are in: years, then the stories (unless no_group). */
static int finish(ingest_run *r, int64_t first_id, cb_ingest_stats *st, cb_error *e) {
  if (r->st.added) fill_years(r, first_id);
  if (!r->o->no_group && cb_store_count_articles(r->store) > 0) {
    cb_error ge;
    if (cb_store_regroup(r->store, r->o, &ge)) report(r, &ge, 1);
  }
  if (st) *st = r->st;
  if (!r->st.store_errors) return CB_OK;
  if (e) *e = r->first;
  return r->first.code ? r->first.code : CB_ESTORE;
}

static int start(ingest_run *r, cb_store *s, const cb_store_ingest_opts *o, cb_store_ingest_opts *d, cb_error *e) {
  memset(r, 0, sizeof *r);
  if (!o) { cb_store_ingest_opts_init(d); o = d; }
  r->store = s;
  r->o = o;
  if (!s) { cb_error_set(e, CB_EUSAGE, "", 0, "no store"); return CB_EUSAGE; }
  return CB_OK;
}

int cb_store_ingest(cb_store *s, const char *const *paths, size_t n, const cb_store_ingest_opts *o,
                    cb_ingest_stats *st, cb_error *e) {
  cb_store_ingest_opts d;
  ingest_run *r = malloc(sizeof *r);
  if (!r) { cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  int rc = start(r, s, o, &d, e);
  if (!rc) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = r->o->jobs > 0 ? r->o->jobs : cores > 0 ? (int)cores : 1;
    int64_t first_id = cb_store_max_id(s) + 1;
    if (jobs > 1) ingest_parallel(r, paths, n, &r->o->read, jobs);
    else ingest_serial(r, paths, n, &r->o->read);
    rc = finish(r, first_id, st, e);
  }
  free(r);
  return rc;
}

int cb_store_ingest_buffer(cb_store *s, const char *name, const char *buf, size_t len,
                           const cb_store_ingest_opts *o, cb_ingest_stats *st, cb_error *e) {
  cb_store_ingest_opts d;
  ingest_run *r = malloc(sizeof *r);
  if (!r) { cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  int rc = start(r, s, o, &d, e);
  if (!rc) {
    int64_t first_id = cb_store_max_id(s) + 1;
    cb_ingest_buffer(name ? name : "-", buf ? buf : "", buf ? len : 0, &r->o->read, on_article, on_problem, r);
    close_file(r);
    rc = finish(r, first_id, st, e);
  }
  free(r);
  return rc;
}
