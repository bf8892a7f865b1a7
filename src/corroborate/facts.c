/*
 * facts.c - sentences from all articles of a story clustered into facts: two sentences of
 * different sources say the same thing when their weighted content-word overlap is high
 * and they share enough words. Each fact keeps every article's sentence and counts the
 * independent sources behind it (copies of one original count once).
 */
#include "corroborate/align.h"
#include <stdlib.h>
#include <string.h>

#define FACT_SIMILARITY 0.45   /* weighted overlap needed (smaller sentence's weight) */
#define FACT_MIN_SHARED 3      /* shared content words needed */
#define FACT_MIN_DISTINCT 2    /* or: shared words no other article uses */
#define CLAUSE_WIDTH 12        /* or: two clauses alike, a clause being a window of */
#define CLAUSE_STEP 4          /* 12 content words, one every 4 words, */
#define CLAUSE_SIMILARITY 0.30 /* with this weighted overlap */
#define CLAUSE_MIN_SHARED 4    /* of at least this many words, */
#define CLAUSE_MIN_TELLING 3   /* three of them words not every article of the story uses */
#define REPEAT_CORE_SHARE 0.5  /* a fact repeats another that holds its sentences and words */

typedef struct pair { int i, j; double sim; } pair;

static int by_sim(const void *a, const void *b) {
  const pair *x = a, *y = b;
  return x->sim < y->sim ? 1 : x->sim > y->sim ? -1 : (x->i - y->i) * 65536 + (x->j - y->j);
}

static int cmp_key(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

typedef struct fact_tmp { int id; int independent; size_t nsent; } fact_tmp;

static int by_support(const void *a, const void *b) {
  const fact_tmp *x = a, *y = b;
  if (x->independent != y->independent) return y->independent - x->independent;
  if (x->nsent != y->nsent) return (int)y->nsent - (int)x->nsent;
  return x->id - y->id;
}

typedef struct distinct_ud { const cb_story_ctx *c; int n; } distinct_ud;
static void count_distinct(void *ud, uint64_t k) {
  distinct_ud *d = ud;
  d->n += cb_ctx_article_df(d->c, k) == 2;
}

static int windows_of(const cb_story_ctx *c, cb_sent *s) {
  if (s->windows) return CB_OK;
  const char *text = c->brief->articles[s->article]->body + s->start;
  return cb_bag_windows(c->arena, text, s->end - s->start, CLAUSE_WIDTH, CLAUSE_STEP, &s->windows, &s->nwindows);
}

/* Shared words that not every article uses: the story's topic words tell nothing. */
typedef struct telling_ud { const cb_story_ctx *c; int n; } telling_ud;
static void count_telling(void *ud, uint64_t k) {
  telling_ud *t = ud;
  t->n += cb_ctx_article_df(t->c, k) < t->c->story->articles.n;
}

/* The best likeness of a clause of x and a clause of y (two long sentences that say one
 * thing in passing: "the alleged conditions he offered for stepping down, which included
 * amnesty" and "discussions about amnesty conditions if he were to step down"). */
static double clause_similarity(const cb_story_ctx *c, cb_sent *x, cb_sent *y) {
  if (windows_of(c, x) || windows_of(c, y)) return 0;
  double best = 0;
  for (size_t a = 0; a < x->nwindows; a++)
    for (size_t b = 0; b < y->nwindows; b++) {
      size_t shared;
      double s = cb_ctx_similarity(c, &x->windows[a], &y->windows[b], &shared);
      if (shared < CLAUSE_MIN_SHARED || s <= best) continue;
      telling_ud t = {c, 0};
      cb_bag_each_shared(&x->windows[a], &y->windows[b], count_telling, &t);
      if (t.n >= CLAUSE_MIN_TELLING) best = s;
    }
  return best;
}

/* Alike when the weighted overlap is high, of the sentences or of one clause of each, or
 * when the two share words that no other article of the story uses. */
static int similar(cb_story_ctx *c, int i, int j, double *sim) {
  cb_sent *x = &c->sents.v[i], *y = &c->sents.v[j];
  if (x->bag.n < FACT_MIN_SHARED || y->bag.n < FACT_MIN_SHARED) return 0;
  size_t shared;
  *sim = cb_ctx_similarity(c, &x->bag, &y->bag, &shared);
  if (shared < FACT_MIN_SHARED) return 0;
  if (*sim >= FACT_SIMILARITY) return 1;
  if (x->bag.n > CLAUSE_WIDTH || y->bag.n > CLAUSE_WIDTH) {
    double s = clause_similarity(c, x, y);
    if (s >= CLAUSE_SIMILARITY) { *sim = s; return 1; }
  }
  if (c->story->articles.n < 3) return 0;
  distinct_ud d = {c, 0};
  cb_bag_each_shared(&x->bag, &y->bag, count_distinct, &d);
  return d.n >= FACT_MIN_DISTINCT;
}

/* A forming fact: its member sentences (one per independent source at most). */
typedef struct group { int *m; size_t n, cap; double *score; } group;

/* Complete link: x joins a fact only if it is similar to every member and its source is
 * not there yet; this keeps facts from chaining across a story. A sentence may support
 * several facts (a long sentence makes several claims). */
static int can_join(cb_story_ctx *c, const group *g, int x) {
  for (size_t k = 0; k < g->n; k++)
    if (c->source_of[c->sents.v[g->m[k]].article] == c->source_of[c->sents.v[x].article]) return 0;
  for (size_t k = 0; k < g->n; k++) {   /* a large fact: its first and last 12 sentences stand for it */
    double s;
    if (k == 12 && g->n > 24) k = g->n - 12;
    if (!similar(c, g->m[k], x, &s)) return 0;
  }
  return 1;
}

/* The facts a sentence is in (few), so that a pair looks only at its two sentences' facts. */
typedef struct member_of { int *f; size_t n, cap; } member_of;

static int member_of_add(member_of *m, int f) {
  if (m->n == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 2;
    int *v = realloc(m->f, cap * sizeof *v);
    if (!v) return CB_ENOMEM;
    m->f = v;
    m->cap = cap;
  }
  m->f[m->n++] = f;
  return CB_OK;
}

static int member_of_has(const member_of *m, int f) {
  for (size_t k = 0; k < m->n; k++) if (m->f[k] == f) return 1;
  return 0;
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static int add_member(group *g, int x, double sim) {
  if (g->n == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 4;
    int *m = realloc(g->m, cap * sizeof *m);
    double *sc = m ? realloc(g->score, cap * sizeof *sc) : NULL;
    if (m) g->m = m;
    if (!sc) return CB_ENOMEM;
    g->score = sc;
    g->cap = cap;
  }
  g->m[g->n] = x;
  g->score[g->n++] = sim;
  return CB_OK;
}

/* What a fact's sentences have in common: the words two or more of them use. */
static int core_of(cb_story_ctx *c, const group *g, cb_bag *core) {
  size_t total = 0;
  for (size_t k = 0; k < g->n; k++) total += c->sents.v[g->m[k]].bag.n;
  memset(core, 0, sizeof *core);
  uint64_t *all = cb_arena_alloc(c->arena, (total + 1) * sizeof *all);
  if (!all) return CB_ENOMEM;
  for (size_t k = 0, n = 0; k < g->n; k++) {
    const cb_bag *b = &c->sents.v[g->m[k]].bag;
    memcpy(all + n, b->keys, b->n * sizeof *all);
    n += b->n;
  }
  qsort(all, total, sizeof *all, cmp_key);
  core->keys = all;
  for (size_t a = 0; a < total;) {
    size_t e = a;
    while (e < total && all[e] == all[a]) e++;
    if (e - a >= 2) all[core->n++] = all[a];
    a = e;
  }
  return CB_OK;
}

/* A fact that says again what a better-supported one said: half or more of its sentences
 * are already in one earlier fact, and what its sentences share is mostly what that
 * fact's share. (One long sentence may back two facts that share little: "conditions for
 * stepping down, which included amnesty" with one source, "regime change" with another.) */
typedef struct overlap {
  const member_of *in;   /* the facts each sentence is in (group ids) */
  const int *rank;       /* a group's place in the order of support (tmp) */
  int *common;           /* per group: members of the fact under test it holds (0 between calls) */
  int *touched;
} overlap;

/* Counts, through the sentences' lists of facts, the members of fact f each earlier fact
 * holds, and looks at those that hold half or more. */
static int repeats(const cb_story_ctx *c, const group *groups, const cb_bag *cores, const fact_tmp *tmp, int f,
                   overlap *o) {
  const group *g = &groups[tmp[f].id];
  size_t nt = 0;
  int found = 0;
  for (size_t k = 0; k < g->n; k++) {
    const member_of *m = &o->in[g->m[k]];
    for (size_t q = 0; q < m->n; q++) {
      int h = m->f[q];
      if (o->rank[h] >= f || tmp[o->rank[h]].independent < 2) continue;
      if (!o->common[h]++) o->touched[nt++] = h;
    }
  }
  for (size_t t = 0; t < nt && !found; t++) {
    int h = o->touched[t];
    size_t common = (size_t)o->common[h];
    if (common * 2 < g->n) continue;
    found = common == g->n || cb_ctx_similarity(c, &cores[tmp[f].id], &cores[h], NULL) >= REPEAT_CORE_SHARE;
  }
  for (size_t t = 0; t < nt; t++) o->common[o->touched[t]] = 0;
  return found;
}

int cb_facts_build(cb_story_ctx *c) {
  size_t n = c->sents.n, np = 0, cap = 64;
  if (!n) return CB_OK;
  /* candidates by blocking on the sentences' rarest words, not all pairs */
  cb_item *items = calloc(n, sizeof *items);
  if (!items) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) { items[i].article = c->sents.v[i].article; items[i].ctx = c->sents.v[i].bag; items[i].idx = i; }
  int *cand = NULL;
  size_t ncand = 0;
  int crc = cb_align_candidates(c, items, n, &cand, &ncand);
  free(items);
  if (crc) return crc;
  pair *pairs = malloc((ncand + 1) * sizeof *pairs);
  if (!pairs) { free(cand); return CB_ENOMEM; }
  for (size_t k = 0; k < ncand; k++) {
    double s;
    int i = cand[2 * k], j = cand[2 * k + 1];
    if (similar(c, i, j, &s)) pairs[np++] = (pair){i, j, s};
  }
  free(cand);
  (void)cap;
  if (np) qsort(pairs, np, sizeof *pairs, by_sim);
  group *groups = calloc(np + 1, sizeof *groups);
  member_of *in = calloc(n, sizeof *in);
  int *near = NULL;
  size_t ng = 0, near_cap = 0;
  int rc = groups && in ? CB_OK : CB_ENOMEM;
  for (size_t p = 0; p < np && !rc; p++) {
    int i = pairs[p].i, j = pairs[p].j, placed = 0, together = 0;
    for (size_t k = 0; k < in[i].n && !together; k++) together = member_of_has(&in[j], in[i].f[k]);
    if (together) continue;
    /* the facts that hold i or j, in fact order: only they can take the other one */
    size_t nn = in[i].n + in[j].n;
    if (nn > near_cap) {
      int *v = realloc(near, (nn + 8) * sizeof *v);
      if (!v) { rc = CB_ENOMEM; break; }
      near = v;
      near_cap = nn + 8;
    }
    if (in[i].n) memcpy(near, in[i].f, in[i].n * sizeof *near);
    if (in[j].n) memcpy(near + in[i].n, in[j].f, in[j].n * sizeof *near);
    if (nn > 1) qsort(near, nn, sizeof *near, cmp_int);
    for (size_t k = 0; k < nn && !rc; k++) {
      int g = near[k];
      if (member_of_has(&in[i], g) && can_join(c, &groups[g], j)) {
        rc = add_member(&groups[g], j, pairs[p].sim);
        if (!rc) rc = member_of_add(&in[j], g);
        placed = 1;
      } else if (member_of_has(&in[j], g) && can_join(c, &groups[g], i)) {
        rc = add_member(&groups[g], i, pairs[p].sim);
        if (!rc) rc = member_of_add(&in[i], g);
        placed = 1;
      }
    }
    if (!placed && !rc) {
      rc = add_member(&groups[ng], i, pairs[p].sim);
      if (!rc) rc = add_member(&groups[ng], j, pairs[p].sim);
      if (!rc) rc = member_of_add(&in[i], (int)ng);
      if (!rc) rc = member_of_add(&in[j], (int)ng);
      ng++;
    }
  }
  free(near);
  free(pairs);
  int nf = (int)ng;
  fact_tmp *tmp = rc ? NULL : calloc((size_t)nf + 1, sizeof *tmp);
  if (!tmp) rc = CB_ENOMEM;
  for (int f = 0; f < nf && !rc; f++) {
    int arts[64];
    size_t na = 0;
    for (size_t j = 0; j < groups[f].n && na < 64; j++) arts[na++] = c->sents.v[groups[f].m[j]].article;
    tmp[f] = (fact_tmp){f, cb_ctx_independent(c, arts, na), groups[f].n};
  }
  if (tmp) qsort(tmp, (size_t)nf, sizeof *tmp, by_support);
  overlap ov = {in, NULL, NULL, NULL};
  int *rank = rc ? NULL : calloc((size_t)nf + 1, sizeof *rank);
  ov.common = rank ? calloc((size_t)nf + 1, sizeof *ov.common) : NULL;
  ov.touched = ov.common ? calloc((size_t)nf + 1, sizeof *ov.touched) : NULL;
  if (!rc && !ov.touched) rc = CB_ENOMEM;
  for (int f = 0; f < nf && !rc; f++) rank[tmp[f].id] = f;
  ov.rank = rank;
  cb_bag *cores = rc ? NULL : cb_arena_calloc(c->arena, (size_t)nf + 1, sizeof *cores);
  if (!cores) rc = CB_ENOMEM;
  for (int f = 0; f < nf && !rc; f++) rc = core_of(c, &groups[f], &cores[f]);
  for (int f = 0; f < nf && !rc; f++) {
    if (tmp[f].independent < 2 || repeats(c, groups, cores, tmp, f, &ov)) continue;
    cb_fact *fact = CB_VEC_PUSH(c->arena, &c->story->facts);
    if (!fact) { rc = CB_ENOMEM; break; }
    fact->independent = tmp[f].independent;
    const group *g = &groups[tmp[f].id];
    long best = -1;
    double best_score = -1;
    for (size_t k = 0; k < g->n && !rc; k++) {
      const cb_sent *s = &c->sents.v[g->m[k]];
      if (g->score[k] > best_score) { best = g->m[k]; best_score = g->score[k]; }
      int *slot = CB_VEC_PUSH(c->arena, &fact->articles);
      cb_claim *cl = slot ? CB_VEC_PUSH(c->arena, &fact->sentences) : NULL;
      if (!cl || cb_ctx_claim(c, cl, s->article, s->start, s->end, NULL)) { rc = CB_ENOMEM; break; }
      *slot = s->article;
    }
    if (best >= 0 && !rc) {
      const cb_sent *s = &c->sents.v[best];
      fact->text = cb_arena_strndup(c->arena, c->brief->articles[s->article]->body + s->start, s->end - s->start);
    }
  }
  free(tmp);
  free(rank);
  free(ov.common);
  free(ov.touched);
  for (size_t k = 0; in && k < n; k++) free(in[k].f);
  free(in);
  for (size_t g = 0; groups && g < ng; g++) { free(groups[g].m); free(groups[g].score); }
  free(groups);
  return rc;
}
