/*
 * regroup.c - keeps the store's stories and near-duplicates up to date: after an ingest
 * the grouping engine (src/group) is restored from the state the store saved (see
 * store/group_sync.h), continues its online pass with the articles stored since, in id
 * order, and what changed is written back with the state, in one transaction. Articles
 * are signed in batches on every core and added to the engine in order, one thread.
 * Continuing the same pass in id order makes "ingest A, then B" give exactly the groups
 * of "ingest A and B together". A store without usable state is grouped from scratch once.
 */
#include "group/group.h"
#include "group/persist.h"
#include "store/group_sync.h"
#include "store/store.h"
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#define BATCH 1024   /* articles signed together, on every core, then added in order */

typedef struct batch_doc { char *title, *body, *published, *outlet; size_t body_len; cb_group_prep *prep; } batch_doc;

typedef struct regroup_run {
  cb_store *s;
  cb_group_sync sync;
  cb_error e;
  int64_t batch_ids[BATCH];
  batch_doc batch[BATCH]; size_t nbatch;
  int threads, failed;   /* failed: CB_ENOMEM or CB_ESTORE, e says what */
  cb_progress prog;
  cb_progress_fn on_progress; void *ud;   /* or NULL */
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
  cb_group_prep *preps[BATCH];
  for (size_t i = 0; i < run->nbatch; i++) preps[i] = run->batch[i].prep;
  if (!run->failed && cb_grouper_prepare_batch(run->sync.g, preps, run->nbatch)) run->failed = CB_ENOMEM;
  for (size_t i = 0; i < run->nbatch; i++) {
    batch_doc *b = &run->batch[i];
    if (!run->failed && !b->prep) run->failed = CB_ENOMEM;
    if (!run->failed) run->failed = cb_group_sync_prefetch(run->s, &run->sync, b->prep, &run->e);
    if (!run->failed && (cb_grouper_add_prepared(run->sync.g, b->prep) < 0 ||
                         cb_group_sync_added(&run->sync, run->batch_ids[i])))
      run->failed = CB_ENOMEM;
    else if (run->failed)
      cb_group_prep_free(b->prep);
    free(b->title); free(b->body); free(b->published); free(b->outlet);
    memset(b, 0, sizeof *b);
  }
  run->prog.done += run->nbatch;
  run->prog.items = run->prog.done;
  if (run->on_progress) run->on_progress(run->ud, &run->prog);
  run->nbatch = 0;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static int add_text(void *ud, const cb_text_row *r) {
  regroup_run *run = ud;
  run->batch_ids[run->nbatch] = r->id;
  batch_doc *b = &run->batch[run->nbatch++];
  b->title = dup_or_null(r->title);
  b->body = r->body ? malloc(r->body_len + 1) : NULL;
  if (b->body) { memcpy(b->body, r->body, r->body_len); b->body[r->body_len] = 0; }
  b->body_len = b->body ? r->body_len : 0;
  /* an inferred date is only a lower bound: it must not keep an article out of a story */
  b->published = r->published_inferred ? NULL : dup_or_null(r->published);
  b->outlet = dup_or_null(r->outlet);
  if (run->nbatch == BATCH) flush(run);
  return run->failed;
}

static void free_batch(regroup_run *run) {   /* a batch left by an error */
  for (size_t i = 0; i < run->nbatch; i++) {
    batch_doc *b = &run->batch[i];
    free(b->title); free(b->body); free(b->published); free(b->outlet);
  }
  run->nbatch = 0;
}

/* Restores, adds the articles stored after the state, saves: in the caller's transaction. */
static int continue_pass(regroup_run *run) {
  int rc = cb_group_sync_open(run->s, &run->sync, &run->e);
  if (!rc && run->on_progress) {
    int64_t pending = cb_store_count_articles(run->s) -
                      cb_store_count_articles_upto(run->s, run->sync.last_id);
    run->prog = (cb_progress){.phase = "ingest, grouping", .unit = "articles"};
    run->prog.total = pending > 0 ? (size_t)pending : 0;
    run->on_progress(run->ud, &run->prog);
  }
  if (!rc) rc = cb_store_each_text_after(run->s, run->sync.last_id, add_text, run, &run->e);
  if (!rc && !run->failed) flush(run);
  if (!rc && run->failed) rc = run->failed;
  if (rc == CB_ENOMEM) cb_error_set(&run->e, CB_ENOMEM, "", 0, "out of memory grouping articles");
  if (!rc) rc = cb_group_sync_save(run->s, &run->sync, &run->e);
  free_batch(run);
  cb_group_sync_free(&run->sync);
  return rc;
}

int cb_store_regroup(cb_store *s, const cb_store_ingest_opts *o, cb_error *e) {
  cb_store_ingest_opts d;
  if (!o) { cb_store_ingest_opts_init(&d); o = &d; }
  if (!cb_group_sync_pending(s)) return CB_OK;   /* the saved state holds every article */
  regroup_run *run = calloc(1, sizeof *run);   /* the batch is large: on the heap */
  if (!run) { cb_error_set(e, CB_ENOMEM, "", 0, "out of memory grouping articles"); return CB_ENOMEM; }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  run->threads = o->jobs > 0 ? o->jobs : cores > 0 ? (int)cores : 1;
  run->s = s;
  run->on_progress = o->on_progress;
  run->ud = o->ud;
  int rc = cb_store_begin(s, &run->e);
  if (!rc) rc = continue_pass(run);
  if (!rc) rc = cb_store_commit(s, &run->e);
  if (rc) { if (e) *e = run->e; cb_store_rollback(s); }
  free(run);
  return rc;
}
