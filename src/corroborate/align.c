/*
 * align.c - best-first, complete-link grouping of claims; see align.h.
 */
#include "corroborate/align.h"
#include <ctype.h>
#include <stdlib.h>

typedef struct apair { int i, j; double s; } apair;

static int by_score(const void *a, const void *b) {
  const apair *x = a, *y = b;
  if (x->s != y->s) return x->s < y->s ? 1 : -1;
  return x->i != y->i ? x->i - y->i : x->j - y->j;
}

int cb_item_shared_keys(const cb_item *x, const cb_item *y) {
  int n = 0;
  for (int i = 0; i < x->nkeys; i++)
    for (int j = 0; j < y->nkeys; j++) n += x->keys[i] == y->keys[j];
  return n;
}

void cb_item_add_key(cb_item *it, uint64_t key) {
  if (!key || it->nkeys >= CB_ITEM_KEYS) return;
  for (int i = 0; i < it->nkeys; i++) if (it->keys[i] == key) return;
  it->keys[it->nkeys++] = key;
}

int cb_item_context(const cb_story_ctx *c, cb_item *it, size_t start, size_t end, int words) {
  const cb_article *a = c->brief->articles[it->article];
  long si = cb_ctx_sentence_at(c, it->article, start);
  size_t lo = si >= 0 ? c->sents.v[si].start : 0, hi = si >= 0 ? c->sents.v[si].end : a->body_len;
  size_t s = start, e = end;
  for (int w = 0; w < words && s > lo; w++) {
    while (s > lo && isspace((unsigned char)a->body[s - 1])) s--;
    while (s > lo && !isspace((unsigned char)a->body[s - 1])) s--;
  }
  for (int w = 0; w < words && e < hi; w++) {
    while (e < hi && isspace((unsigned char)a->body[e])) e++;
    while (e < hi && !isspace((unsigned char)a->body[e])) e++;
  }
  return cb_bag_of(c->arena, a->body + s, e - s, &it->ctx);
}

/* A claim from a syndicated or copied article (its source is another article). */
static int is_copy(const cb_story_ctx *c, const cb_item *it) { return c->source_of[it->article] != it->article; }

static int joins(const cb_story_ctx *c, const cb_item *items, const int *group_of, size_t n, int g, int x,
                 cb_item_score_fn score, void *ud, double min) {
  for (size_t k = 0; k < n; k++) {
    if (group_of[k] != g) continue;
    if (c->source_of[items[k].article] == c->source_of[items[x].article]) return 0;
    if (score(c, &items[k], &items[x], ud) < min) return 0;
  }
  return 1;
}

/* Two groups merge when every member of one joins the other (complete link). */
static int groups_join(const cb_story_ctx *c, const cb_item *items, const int *group_of, size_t n, int ga, int gb,
                       cb_item_score_fn score, void *ud, double min) {
  for (size_t k = 0; k < n; k++)
    if (group_of[k] == gb && !joins(c, items, group_of, n, ga, (int)k, score, ud, min)) return 0;
  return 1;
}

int cb_align(const cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud,
             double min, int *group_of, int *ngroups) {
  size_t np = 0, cap = 64;
  apair *p = malloc(cap * sizeof *p);
  if (!p) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) group_of[i] = -1;
  for (size_t i = 0; i < n; i++) {
    if (is_copy(c, &items[i])) continue;
    for (size_t j = i + 1; j < n; j++) {
      if (is_copy(c, &items[j]) || c->source_of[items[i].article] == c->source_of[items[j].article]) continue;
      double s = score(c, &items[i], &items[j], ud);
      if (s < min) continue;
      if (np == cap) {
        apair *q = realloc(p, cap * 2 * sizeof *q);
        if (!q) { free(p); return CB_ENOMEM; }
        p = q; cap *= 2;
      }
      p[np++] = (apair){(int)i, (int)j, s};
    }
  }
  qsort(p, np, sizeof *p, by_score);
  int ng = 0;
  for (size_t k = 0; k < np; k++) {
    int i = p[k].i, j = p[k].j, gi = group_of[i], gj = group_of[j];
    if (gi < 0 && gj < 0) group_of[i] = group_of[j] = ng++;
    else if (gi >= 0 && gj < 0 && joins(c, items, group_of, n, gi, j, score, ud, min)) group_of[j] = gi;
    else if (gj >= 0 && gi < 0 && joins(c, items, group_of, n, gj, i, score, ud, min)) group_of[i] = gj;
    else if (gi >= 0 && gj >= 0 && gi != gj && groups_join(c, items, group_of, n, gi, gj, score, ud, min))
      for (size_t k2 = 0; k2 < n; k2++) if (group_of[k2] == gj) group_of[k2] = gi;
  }
  free(p);
  /* a copy's claim goes with the claim of its original that it matches best */
  for (size_t i = 0; i < n; i++) {
    if (!is_copy(c, &items[i])) continue;
    double best = min;
    for (size_t j = 0; j < n; j++) {
      if (is_copy(c, &items[j]) || c->source_of[items[j].article] != c->source_of[items[i].article]) continue;
      double s = score(c, &items[j], &items[i], ud);
      if (s >= best) {
        best = s;
        if (group_of[j] < 0) group_of[j] = ng++;
        group_of[i] = group_of[j];
      }
    }
  }
  for (size_t i = 0; i < n; i++) if (group_of[i] < 0) group_of[i] = ng++;
  *ngroups = ng;
  return CB_OK;
}

int cb_align_each(cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud, double min,
                  cb_group_emit_fn emit, void *emit_ud) {
  if (!n) return CB_OK;
  int *group_of = malloc(n * sizeof *group_of), *members = malloc(n * sizeof *members), ng = 0;
  int rc = group_of && members ? cb_align(c, items, n, score, ud, min, group_of, &ng) : CB_ENOMEM;
  for (int g = 0; g < ng && !rc; g++) {
    size_t m = 0;
    for (size_t i = 0; i < n; i++) if (group_of[i] == g) members[m++] = (int)i;
    rc = emit(c, items, members, m, emit_ud);
  }
  free(members);
  free(group_of);
  return rc;
}
