/*
 * regroup.c - keeps the store's stories and near-duplicates up to date: after an ingest
 * the grouping engine (src/group) reads every stored article in id order and the result
 * replaces the stored groups. Articles are signed in batches on every core and added to
 * the engine in order, one thread. Reading in id order makes "ingest A, then B" give the same
 * groups as "ingest A and B together" (up to story ids).
 */
#include "cli/cli.h"
#include "group/group.h"
#include "store/store.h"
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#define BATCH 1024   /* articles signed together, on every core, then added in order */

typedef struct batch_doc { char *title, *body, *published, *outlet; size_t body_len; cb_group_prep *prep; } batch_doc;

typedef struct regroup_run {
  cb_grouper *g;
  int64_t *ids; size_t n, cap;
  batch_doc batch[BATCH]; size_t nbatch;
  int threads, oom;
} regroup_run;

typedef struct sign_job { regroup_run *run; int t; } sign_job;

static void *sign_part(void *arg) {
  sign_job *j = arg;
  regroup_run *run = j->run;
  for (size_t i = (size_t)j->t; i < run->nbatch; i += (size_t)run->threads) {
    batch_doc *b = &run->batch[i];
    cb_group_doc d = {b->title, b->body ? b->body : "", b->body_len, b->published, b->outlet};
    b->prep = cb_group_prepare(NULL, &d);
  }
  return NULL;
}

/* Signs the batch on every core (thread-safe), then adds it in article order. */
static void flush(regroup_run *run) {
  pthread_t th[64];
  sign_job jobs[64];
  int started = 0;
  for (int t = 1; t < run->threads && t < 64; t++) {
    jobs[t] = (sign_job){run, t};
    if (pthread_create(&th[t], NULL, sign_part, &jobs[t]) == 0) started++;
    else break;
  }
  int used = started + 1;
  int saved = run->threads;
  run->threads = used;                 /* the threads that really run share the work */
  jobs[0] = (sign_job){run, 0};
  sign_part(&jobs[0]);
  for (int t = 1; t <= started; t++) pthread_join(th[t], NULL);
  run->threads = saved;
  for (size_t i = 0; i < run->nbatch; i++) {
    batch_doc *b = &run->batch[i];
    if (!b->prep || cb_grouper_add_prepared(run->g, b->prep) < 0) run->oom = 1;
    free(b->title); free(b->body); free(b->published); free(b->outlet);
    memset(b, 0, sizeof *b);
  }
  run->nbatch = 0;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int add_text(void *ud, const cb_text_row *r) {
  regroup_run *run = ud;
  if (run->n == run->cap) {
    size_t cap = run->cap ? run->cap * 2 : 1024;
    int64_t *v = realloc(run->ids, cap * sizeof *v);
    if (!v) { run->oom = 1; return 1; }
    run->ids = v;
    run->cap = cap;
  }
  batch_doc *b = &run->batch[run->nbatch++];
  b->title = dup_or_null(r->title);
  b->body = r->body ? malloc(r->body_len + 1) : NULL;
  if (b->body) { memcpy(b->body, r->body, r->body_len); b->body[r->body_len] = 0; }
  b->body_len = b->body ? r->body_len : 0;
  /* an inferred date is only a lower bound: it must not keep an article out of a story */
  b->published = r->published_inferred ? NULL : dup_or_null(r->published);
  b->outlet = dup_or_null(r->outlet);
  run->ids[run->n++] = r->id;
  if (run->nbatch == BATCH) flush(run);
  return run->oom;
}

int cli_regroup(cb_store *s, int threads) {
  cb_error e;
  regroup_run *run = calloc(1, sizeof *run);   /* the batch is large: on the heap */
  if (!run) { cli_errorf("out of memory grouping articles"); return 1; }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  run->threads = threads > 0 ? threads : cores > 0 ? (int)cores : 1;
  run->g = cb_grouper_new(NULL);
  if (!run->g) { cli_errorf("out of memory grouping articles"); free(run); return 1; }
  int rc = cb_store_each_text(s, add_text, run, &e);
  if (!rc) flush(run);
  if (rc) cli_problem(&e);
  if (!rc && run->oom) { cli_errorf("out of memory grouping articles"); rc = 1; }
  size_t ns = rc ? 0 : cb_grouper_nstories(run->g);
  cb_story_row *stories = calloc(ns + 1, sizeof *stories);
  cb_group_row *groups = calloc(run->n + 1, sizeof *groups);
  char (*spans)[2][11] = calloc(ns + 1, sizeof *spans);   /* the rows point into these */
  if (!rc && (!stories || !groups || !spans)) { cli_errorf("out of memory grouping articles"); rc = 1; }
  size_t k = 0;
  for (size_t i = 0; !rc && i < ns; i++) {
    cb_story_info info;
    if (cb_grouper_story(run->g, i, &info)) continue;
    memcpy(spans[k][0], info.first, 11);
    memcpy(spans[k][1], info.last, 11);
    stories[k] = (cb_story_row){(int64_t)i + 1, info.headline, spans[k][0], spans[k][1], (long)info.articles,
                                (long)info.outlets, (long)info.duplicates};
    k++;
  }
  for (size_t i = 0; !rc && i < run->n; i++) {
    double sim = 0, cont = 0;
    long d = cb_grouper_duplicate_of(run->g, i, &sim, &cont);
    groups[i] = (cb_group_row){run->ids[i], (int64_t)cb_grouper_story_of(run->g, i) + 1, d >= 0 ? run->ids[d] : 0,
                               sim > cont ? sim : cont};
  }
  if (!rc && cb_store_put_groups(s, stories, k, groups, run->n, &e)) { cli_problem(&e); rc = 1; }
  free(stories);
  free(spans);
  free(groups);
  free(run->ids);
  cb_grouper_free(run->g);
  for (size_t i = 0; i < run->nbatch; i++) {   /* a batch left by an error */
    batch_doc *b = &run->batch[i];
    free(b->title); free(b->body); free(b->published); free(b->outlet);
  }
  free(run);
  return rc;
}
