/*
 * regroup.c - keeps the store's stories and near-duplicates up to date: after an ingest
 * the grouping engine (src/group) reads every stored article in id order and the result
 * replaces the stored groups. Reading in id order makes "ingest A, then B" give the same
 * groups as "ingest A and B together" (up to story ids).
 */
#include "cli/cli.h"
#include "group/group.h"
#include "store/store.h"
#include <stdlib.h>
#include <string.h>

typedef struct regroup_run { cb_grouper *g; int64_t *ids; size_t n, cap; int oom; } regroup_run;

static int add_text(void *ud, const cb_text_row *r) {
  regroup_run *run = ud;
  if (run->n == run->cap) {
    size_t cap = run->cap ? run->cap * 2 : 1024;
    int64_t *v = realloc(run->ids, cap * sizeof *v);
    if (!v) { run->oom = 1; return 1; }
    run->ids = v;
    run->cap = cap;
  }
  /* an inferred date is only a lower bound: it must not keep an article out of a story */
  cb_group_doc d = {r->title, r->body ? r->body : "", r->body_len, r->published_inferred ? NULL : r->published, r->outlet};
  if (cb_grouper_add(run->g, &d) < 0) { run->oom = 1; return 1; }
  run->ids[run->n++] = r->id;
  return 0;
}

int cli_regroup(cb_store *s) {
  cb_error e;
  regroup_run run = {0};
  run.g = cb_grouper_new(NULL);
  if (!run.g) { cli_errorf("out of memory grouping articles"); return 1; }
  int rc = cb_store_each_text(s, add_text, &run, &e);
  if (rc) cli_problem(&e);
  if (!rc && run.oom) { cli_errorf("out of memory grouping articles"); rc = 1; }
  size_t ns = rc ? 0 : cb_grouper_nstories(run.g);
  cb_story_row *stories = calloc(ns + 1, sizeof *stories);
  cb_group_row *groups = calloc(run.n + 1, sizeof *groups);
  char (*spans)[2][11] = calloc(ns + 1, sizeof *spans);   /* the rows point into these */
  if (!rc && (!stories || !groups || !spans)) { cli_errorf("out of memory grouping articles"); rc = 1; }
  size_t k = 0;
  for (size_t i = 0; !rc && i < ns; i++) {
    cb_story_info info;
    if (cb_grouper_story(run.g, i, &info)) continue;
    memcpy(spans[k][0], info.first, 11);
    memcpy(spans[k][1], info.last, 11);
    stories[k] = (cb_story_row){(int64_t)i + 1, info.headline, spans[k][0], spans[k][1], (long)info.articles,
                                (long)info.outlets, (long)info.duplicates};
    k++;
  }
  for (size_t i = 0; !rc && i < run.n; i++) {
    double sim = 0, cont = 0;
    long d = cb_grouper_duplicate_of(run.g, i, &sim, &cont);
    groups[i] = (cb_group_row){run.ids[i], (int64_t)cb_grouper_story_of(run.g, i) + 1, d >= 0 ? run.ids[d] : 0,
                               sim > cont ? sim : cont};
  }
  if (!rc && cb_store_put_groups(s, stories, k, groups, run.n, &e)) { cli_problem(&e); rc = 1; }
  free(stories);
  free(spans);
  free(groups);
  free(run.ids);
  cb_grouper_free(run.g);
  return rc;
}
