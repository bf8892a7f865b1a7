/*
 * align.c - best-first, complete-link grouping of claims; see align.h.
 *
 * Candidates come from blocking, not from all pairs: items are indexed by their topic
 * keys and their rarest context words that another article also uses, and only items
 * that share such a block are scored. A block shared by very many items (a toll every one of ten thousand articles
 * gives) pairs each item with its next BLOCK_WINDOW neighbours only, so the work stays
 * linear in the number of claims; greedy joining then links the rest through the groups.
 */
#include "corroborate/align.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_ALL_PAIRS 128   /* blocks up to this size are compared pair by pair */
#define BLOCK_WINDOW 48       /* larger ones: each item against its next 48 */
#define BLOCK_CTX_WORDS 8     /* rarest context words used as blocks */

typedef struct apair { int i, j; double s; } apair;
typedef struct posting { uint64_t key; int item; } posting;
typedef struct group { int *m; size_t n, cap; } group;

static int by_score(const void *a, const void *b) {
  const apair *x = a, *y = b;
  if (x->s != y->s) return x->s < y->s ? 1 : -1;
  return x->i != y->i ? x->i - y->i : x->j - y->j;
}

static int by_key(const void *a, const void *b) {
  const posting *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->item - y->item;
}

static int by_pair(const void *a, const void *b) {
  const apair *x = a, *y = b;
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

/* The block keys of an item: its topic keys and its rarest context words. */
static size_t blocks_of(const cb_story_ctx *c, const cb_item *it, uint64_t *out) {
  size_t n = 0;
  for (int k = 0; k < it->nkeys; k++) out[n++] = it->keys[k];
  uint64_t best[BLOCK_CTX_WORDS] = {0};
  double w[BLOCK_CTX_WORDS] = {0};
  for (size_t k = 0; k < it->ctx.n; k++) {
    if (cb_ctx_article_df(c, it->ctx.keys[k]) < 2) continue;   /* a word one article uses pairs nothing */
    double x = cb_ctx_weight(c, it->ctx.keys[k]);
    for (int b = 0; b < BLOCK_CTX_WORDS; b++) {
      if (x <= w[b]) continue;
      memmove(&best[b + 1], &best[b], (BLOCK_CTX_WORDS - b - 1) * sizeof *best);
      memmove(&w[b + 1], &w[b], (BLOCK_CTX_WORDS - b - 1) * sizeof *w);
      best[b] = it->ctx.keys[k];
      w[b] = x;
      break;
    }
  }
  for (int b = 0; b < BLOCK_CTX_WORDS; b++) if (best[b]) out[n++] = best[b] ^ 0x5bd1e995u;   /* apart from topic keys */
  return n;
}

typedef struct pairs { apair *v; size_t n, cap; } pairs;

static int push_pair(pairs *p, int i, int j) {
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    apair *v = realloc(p->v, cap * sizeof *v);
    if (!v) return CB_ENOMEM;
    p->v = v;
    p->cap = cap;
  }
  p->v[p->n++] = (apair){i < j ? i : j, i < j ? j : i, 0};
  return CB_OK;
}

/* Candidate pairs of originals (copies join later) that share a block. */
static int candidates(const cb_story_ctx *c, const cb_item *items, size_t n, pairs *out) {
  posting *post = malloc((n * (CB_ITEM_KEYS + BLOCK_CTX_WORDS) + 1) * sizeof *post);
  if (!post) return CB_ENOMEM;
  size_t np = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_copy(c, &items[i])) continue;
    uint64_t b[CB_ITEM_KEYS + BLOCK_CTX_WORDS];
    size_t nb = blocks_of(c, &items[i], b);
    for (size_t k = 0; k < nb; k++) post[np++] = (posting){b[k], (int)i};
  }
  if (np) qsort(post, np, sizeof *post, by_key);
  int rc = CB_OK;
  for (size_t s = 0; s < np && !rc;) {
    size_t e = s;
    while (e < np && post[e].key == post[s].key) e++;
    size_t len = e - s;
    for (size_t a = s; a < e && !rc; a++) {
      size_t stop = len <= BLOCK_ALL_PAIRS ? e : (a + 1 + BLOCK_WINDOW < e ? a + 1 + BLOCK_WINDOW : e);
      for (size_t b = a + 1; b < stop && !rc; b++) {
        const cb_item *x = &items[post[a].item], *y = &items[post[b].item];
        if (c->source_of[x->article] != c->source_of[y->article]) rc = push_pair(out, post[a].item, post[b].item);
      }
    }
    s = e;
  }
  free(post);
  if (rc) return rc;
  if (out->n) qsort(out->v, out->n, sizeof *out->v, by_pair);   /* one entry per pair */
  size_t k = 0;
  for (size_t i = 0; i < out->n; i++)
    if (!k || out->v[i].i != out->v[k - 1].i || out->v[i].j != out->v[k - 1].j) out->v[k++] = out->v[i];
  out->n = k;
  return CB_OK;
}

int cb_align_candidates(const cb_story_ctx *c, const cb_item *items, size_t n, int **out, size_t *npairs) {
  pairs p = {0};
  int rc = candidates(c, items, n, &p);
  *out = NULL;
  *npairs = 0;
  if (rc) { free(p.v); return rc; }
  int *v = malloc((p.n * 2 + 1) * sizeof *v);
  if (!v) { free(p.v); return CB_ENOMEM; }
  for (size_t k = 0; k < p.n; k++) { v[2 * k] = p.v[k].i; v[2 * k + 1] = p.v[k].j; }
  free(p.v);
  *out = v;
  *npairs = p.n;
  return CB_OK;
}

static int add_member(group *g, int x) {
  if (g->n == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 4;
    int *m = realloc(g->m, cap * sizeof *m);
    if (!m) return CB_ENOMEM;
    g->m = m;
    g->cap = cap;
  }
  g->m[g->n++] = x;
  return CB_OK;
}

/* Complete link: x joins g only if its source is new there and the members match it.
 * In a large group the match is checked against its first and last LINK_SAMPLE members,
 * so joining stays linear however many sources give the same figure. */
#define LINK_SAMPLE 12
static int joins(const cb_story_ctx *c, const cb_item *items, const group *g, int x, cb_item_score_fn score,
                 void *ud, double min) {
  for (size_t k = 0; k < g->n; k++)
    if (c->source_of[items[g->m[k]].article] == c->source_of[items[x].article]) return 0;
  for (size_t k = 0; k < g->n; k++) {
    if (k == LINK_SAMPLE && g->n > 2 * LINK_SAMPLE) k = g->n - LINK_SAMPLE;
    if (score(c, &items[g->m[k]], &items[x], ud) < min) return 0;
  }
  return 1;
}

static int groups_join(const cb_story_ctx *c, const cb_item *items, const group *a, const group *b,
                       cb_item_score_fn score, void *ud, double min) {
  for (size_t k = 0; k < b->n; k++) if (!joins(c, items, a, b->m[k], score, ud, min)) return 0;
  return 1;
}

int cb_align(const cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud,
             double min, int *group_of, int *ngroups) {
  pairs p = {0};
  int rc = candidates(c, items, n, &p);
  size_t kept = 0;
  for (size_t k = 0; !rc && k < p.n; k++) {
    double s = score(c, &items[p.v[k].i], &items[p.v[k].j], ud);
    if (s >= min) { p.v[kept] = p.v[k]; p.v[kept++].s = s; }
  }
  p.n = kept;
  if (!rc && p.n) qsort(p.v, p.n, sizeof *p.v, by_score);
  group *g = rc ? NULL : calloc(n + 1, sizeof *g);
  if (!rc && !g) rc = CB_ENOMEM;
  int ng = 0;
  for (size_t i = 0; i < n; i++) group_of[i] = -1;
  for (size_t k = 0; !rc && k < p.n; k++) {
    int i = p.v[k].i, j = p.v[k].j, gi = group_of[i], gj = group_of[j];
    if (gi < 0 && gj < 0) {
      rc = add_member(&g[ng], i);
      if (!rc) rc = add_member(&g[ng], j);
      group_of[i] = group_of[j] = ng++;
    } else if (gi >= 0 && gj < 0 && joins(c, items, &g[gi], j, score, ud, min)) {
      rc = add_member(&g[gi], j);
      group_of[j] = gi;
    } else if (gj >= 0 && gi < 0 && joins(c, items, &g[gj], i, score, ud, min)) {
      rc = add_member(&g[gj], i);
      group_of[i] = gj;
    } else if (gi >= 0 && gj >= 0 && gi != gj && groups_join(c, items, &g[gi], &g[gj], score, ud, min)) {
      for (size_t m = 0; !rc && m < g[gj].n; m++) {
        group_of[g[gj].m[m]] = gi;
        rc = add_member(&g[gi], g[gj].m[m]);
      }
      g[gj].n = 0;
    }
  }
  free(p.v);
  /* a copy's claim goes with the claim of its original that it matches best; items are
   * made article by article, so each article's items are one run: find the runs once */
  size_t na = c->brief->narticles;
  size_t *run_start = rc ? NULL : malloc((na + 1) * sizeof *run_start), *run_end = rc ? NULL : calloc(na + 1, sizeof *run_end);
  if (!rc && (!run_start || !run_end)) rc = CB_ENOMEM;
  for (size_t i = 0; !rc && i <= na; i++) run_start[i] = (size_t)-1;
  for (size_t i = 0; !rc && i < n; i++) {
    size_t a = (size_t)items[i].article;
    if (run_start[a] == (size_t)-1) run_start[a] = i;
    run_end[a] = i + 1;
  }
  for (size_t i = 0; !rc && i < n; i++) {
    if (!is_copy(c, &items[i])) continue;
    size_t orig = (size_t)c->source_of[items[i].article];
    if (run_start[orig] == (size_t)-1) continue;
    double best = min;
    for (size_t j = run_start[orig]; j < run_end[orig]; j++) {
      if (items[j].article != (int)orig) continue;
      double s = score(c, &items[j], &items[i], ud);
      if (s >= best) {
        best = s;
        if (group_of[j] < 0) group_of[j] = ng++;
        group_of[i] = group_of[j];
      }
    }
  }
  free(run_start);
  free(run_end);
  for (int k = 0; g && k < ng; k++) free(g[k].m);
  free(g);
  if (rc) return rc;
  for (size_t i = 0; i < n; i++) if (group_of[i] < 0) group_of[i] = ng++;
  /* number the groups densely, in order of first item */
  int *renum = malloc(((size_t)ng + 1) * sizeof *renum), next = 0;
  if (!renum) return CB_ENOMEM;
  for (int k = 0; k < ng; k++) renum[k] = -1;
  for (size_t i = 0; i < n; i++) {
    if (renum[group_of[i]] < 0) renum[group_of[i]] = next++;
    group_of[i] = renum[group_of[i]];
  }
  free(renum);
  *ngroups = next;
  return CB_OK;
}

int cb_align_each(cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud, double min,
                  cb_group_emit_fn emit, void *emit_ud) {
  if (!n) return CB_OK;
  int *group_of = malloc(n * sizeof *group_of), ng = 0;
  int rc = group_of ? cb_align(c, items, n, score, ud, min, group_of, &ng) : CB_ENOMEM;
  /* members of every group, by a counting sort on the group number */
  size_t *start = rc ? NULL : calloc((size_t)ng + 1, sizeof *start);
  int *members = rc ? NULL : malloc(n * sizeof *members);
  if (!rc && (!start || !members)) rc = CB_ENOMEM;
  if (!rc) {
    for (size_t i = 0; i < n; i++) start[group_of[i] + 1]++;
    for (int g = 0; g < ng; g++) start[g + 1] += start[g];
    size_t *fill = malloc(((size_t)ng + 1) * sizeof *fill);
    if (!fill) rc = CB_ENOMEM;
    else {
      memcpy(fill, start, ((size_t)ng + 1) * sizeof *fill);
      for (size_t i = 0; i < n; i++) members[fill[group_of[i]]++] = (int)i;
      free(fill);
    }
  }
  for (int g = 0; g < ng && !rc; g++) rc = emit(c, items, members + start[g], start[g + 1] - start[g], emit_ud);
  free(start);
  free(members);
  free(group_of);
  return rc;
}
