/*
 * group.c - adding an article to the grouping engine: words, MinHash signature, LSH
 * candidates verified on the whole signature (Jaccard, containment) for copies; a copy
 * joins its original's story, any other article is placed by TF-IDF cosine against the
 * story centroids within the time window, or opens a story.
 */
#include "group/group_impl.h"
#include "group/minhash.h"
#include "group/termvec.h"
#include "group/words.h"
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define MAX_PER_BAND 64
#define MAX_POSTINGS 400
#define LOOKUP_TERMS CB_LOOKUP_TERMS

void cb_group_opts_default(cb_group_opts *o) {
  o->shingle_words = 3;
  o->bands = 42;
  o->rows = 3;
  o->dup_jaccard = 0.5;
  o->dup_containment = 0.7;
  o->dup_min_shingles = 20;
  o->story_threshold = 0.15;
  o->window_days = 7;
  o->max_span_days = 30;
  o->terms_per_article = 60;
  o->terms_per_story = 300;
  o->entity_boost = 1.0;
  o->title_boost = 2.0;
}

cb_grouper *cb_grouper_new(const cb_group_opts *o) {
  cb_grouper *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  if (o) g->o = *o; else cb_group_opts_default(&g->o);
  if (g->o.bands < 1) g->o.bands = 1;
  if (g->o.rows < 1) g->o.rows = 1;
  while (g->o.bands * g->o.rows > CB_MINHASH_MAX) g->o.bands--;
  if (g->o.shingle_words < 1) g->o.shingle_words = 1;
  if (g->o.shingle_words > 16) g->o.shingle_words = 16;
  if (g->o.terms_per_article < 1) g->o.terms_per_article = 1;
  if (g->o.terms_per_story < 1) g->o.terms_per_story = 1;
  g->nh = g->o.bands * g->o.rows;
  cb_lsh_init(&g->lsh, g->o.bands, g->o.rows);
  cb_u64map_init(&g->df);
  cb_u64map_init(&g->outlet_ids);
  cb_u64map_init(&g->df_dirty);
  cb_u64map_init(&g->lsh_done);
  cb_stories_init(&g->stories, g->o.terms_per_story);
  return g;
}

void cb_grouper_free(cb_grouper *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n; i++) free(g->title[i]);
  free(g->title); free(g->sig); free(g->nsh); free(g->day); free(g->parent); free(g->match);
  free(g->story); free(g->outlet); free(g->stamp);
  cb_lsh_free(&g->lsh);
  cb_u64map_free(&g->df);
  cb_u64map_free(&g->outlet_ids);
  cb_u64map_free(&g->df_dirty);
  cb_u64map_free(&g->lsh_done);
  free(g->kept); free(g->nkept); free(g->outlet_keys);
  cb_stories_free(&g->stories);
  free(g);
}

#define GROW(ptr, cap) do { void *p_ = realloc((ptr), (cap) * sizeof *(ptr)); if (!p_) return -1; (ptr) = p_; } while (0)

int cb_grouper_reserve(cb_grouper *g) {
  if (g->n < g->cap) return 0;
  size_t cap = g->cap ? g->cap * 2 : 256;
  GROW(g->title, cap); GROW(g->nsh, cap); GROW(g->day, cap); GROW(g->parent, cap);
  GROW(g->match, cap); GROW(g->story, cap); GROW(g->outlet, cap); GROW(g->stamp, cap);
  void *p = realloc(g->sig, cap * (size_t)g->nh * sizeof *g->sig);
  if (!p) return -1;
  g->sig = p;
  g->cap = cap;
  return 0;
}

uint32_t cb_grouper_root(const cb_grouper *g, uint32_t i) {
  while (g->parent[i] != i) i = g->parent[i];
  return i;
}

int cb_grouper_earlier(const cb_grouper *g, uint32_t a, uint32_t b) {
  int32_t da = g->day[a], db = g->day[b];
  if (da != db) {
    if (da == CB_NO_DATE) return 0;
    if (db == CB_NO_DATE) return 1;
    return da < db;
  }
  return a < b;
}

/* Joins the copy groups of a and b; the earliest article becomes the root. */
static void join_copies(cb_grouper *g, uint32_t a, uint32_t b) {
  uint32_t ra = cb_grouper_root(g, a), rb = cb_grouper_root(g, b);
  if (ra == rb) return;
  if (cb_grouper_earlier(g, ra, rb)) g->parent[rb] = ra; else g->parent[ra] = rb;
}

typedef struct dup_search {
  cb_grouper *g;
  uint32_t self;
  long best;
  double best_score;
} dup_search;

/* Verifies one LSH candidate on the whole signature. */
/* A floor on the equal bins of a copy of texts of na and nb shingles, one bin below what the
 * tests of check_candidate need (so rounding cannot turn a copy away): Jaccard j >= dup_jaccard,
 * or containment j (na + nb) / ((1 + j) small) >= dup_containment, i.e. j >= r / (1 - r) with
 * r = dup_containment small / (na + nb), for texts long enough to trust it. */
static int copy_floor(const cb_grouper *g, double na, double nb) {
  double need = g->o.dup_jaccard, small = na < nb ? na : nb;
  if (small >= g->o.dup_min_shingles && na + nb > 0) {
    double r = g->o.dup_containment * small / (na + nb);
    if (r < 1 && r / (1 - r) < need) need = r / (1 - r);
  }
  int bins = (int)(need * g->nh) - 1;
  return bins > 0 ? bins : 0;
}

static void check_candidate(void *ud, uint32_t c) {
  dup_search *s = ud;
  cb_grouper *g = s->g;
  if (g->stamp[c] == g->cur) return;
  g->stamp[c] = g->cur;
  const uint32_t *a = g->sig + (size_t)s->self * (size_t)g->nh, *b = g->sig + (size_t)c * (size_t)g->nh;
  double na = g->nsh[s->self], nb = g->nsh[c];
  int eq = cb_minhash_agree(a, b, g->nh, copy_floor(g, na, nb));
  if (eq < 0) return;   /* too few equal bins for either test below to call it a copy */
  double j = (double)eq / g->nh;
  double inter = j * (na + nb) / (1 + j), small = na < nb ? na : nb;
  double cont = small > 0 ? inter / small : 0;
  if (cont > 1) cont = 1;
  int copy = j >= g->o.dup_jaccard ||
             (cont >= g->o.dup_containment && small >= g->o.dup_min_shingles);
  double score = j > cont ? j : cont;
  if (copy && (score > s->best_score || (score == s->best_score && (long)c < s->best))) {
    s->best = c;
    s->best_score = score;
  }
}

static long find_copy(cb_grouper *g, uint32_t self) {
  if (++g->cur == 0) { memset(g->stamp, 0, g->n * sizeof *g->stamp); g->cur = 1; }
  dup_search s = {g, self, -1, 0};
  g->stamp[self] = g->cur;
  if (g->nsh[self] == 0) return -1;
  cb_lsh_query(&g->lsh, g->sig + (size_t)self * (size_t)g->nh, MAX_PER_BAND, check_candidate, &s);
  return s.best;
}

uint32_t cb_grouper_outlet_key_id(cb_grouper *g, uint64_t key) {
  if (!key) return 0;
  uint32_t *v = cb_u64map_slot(&g->outlet_ids, key);
  if (!v) return 0;
  if (!*v) {
    if (g->noutlets + 1 >= g->outlet_keys_cap) {
      size_t cap = g->outlet_keys_cap ? g->outlet_keys_cap * 2 : 64;
      uint64_t *k = realloc(g->outlet_keys, cap * sizeof *k);
      if (!k) return 0;
      g->outlet_keys = k;
      g->outlet_keys_cap = cap;
    }
    *v = ++g->noutlets;
    g->outlet_keys[*v] = key;
  }
  return *v;
}

uint32_t cb_grouper_outlet_id(cb_grouper *g, const char *outlet) {
  return outlet && outlet[0] ? cb_grouper_outlet_key_id(g, XXH3_64bits(outlet, strlen(outlet))) : 0;
}

/* Counts the article's content terms in the document frequencies. */
static int count_df(cb_grouper *g, const cb_words *ws) {
  uint64_t *keys = malloc((ws->n ? ws->n : 1) * sizeof *keys);
  if (!keys) return -1;
  size_t k = cb_content_terms(ws->w, ws->n, keys);
  for (size_t i = 0; i < k; i++) {
    uint32_t *v = cb_u64map_slot(&g->df, keys[i]);
    if (!v || (g->keeping && !cb_u64map_slot(&g->df_dirty, keys[i]))) { free(keys); return -1; }
    (*v)++;
  }
  g->ndocs++;
  free(keys);
  return 0;
}

/* The LOOKUP_TERMS strongest keys of v (ties by key). */
static size_t strongest_keys(const cb_term *v, size_t nv, uint64_t *keys) {
  cb_term top[LOOKUP_TERMS];
  size_t k = 0;
  for (size_t i = 0; i < nv; i++) {   /* insertion into a short sorted list */
    size_t j = k < LOOKUP_TERMS ? k++ : LOOKUP_TERMS;
    while (j > 0 && (v[i].w > top[j - 1].w || (v[i].w == top[j - 1].w && v[i].key < top[j - 1].key))) {
      if (j < LOOKUP_TERMS) top[j] = top[j - 1];
      j--;
    }
    if (j < LOOKUP_TERMS) top[j] = v[i];
  }
  for (size_t i = 0; i < k; i++) keys[i] = top[i].key;
  return k;
}

/* Places a non-copy in the best story in reach, or a new one. */
static int place_in_story(cb_grouper *g, uint32_t i, const cb_words *ws) {
  if (count_df(g, ws)) return -1;
  cb_termvec_opts to = {g->o.entity_boost, g->o.title_boost, g->o.terms_per_article};
  cb_term *v = malloc((size_t)g->o.terms_per_article * sizeof *v);
  if (!v) return -1;
  long nv = cb_termvec_build(ws->w, ws->n, &to, &g->df, g->ndocs, v);
  if (nv < 0) { free(v); return -1; }
  uint64_t keys[LOOKUP_TERMS];
  size_t nk = strongest_keys(v, (size_t)nv, keys);
  double cos = 0;
  long sid = cb_story_best(&g->stories, v, (size_t)nv, keys, nk, g->day[i], g->o.window_days,
                          g->o.max_span_days, MAX_POSTINGS, &cos);
  if (sid < 0 || cos < g->o.story_threshold) sid = cb_story_open(&g->stories);
  int rc = sid < 0 ? -1 : cb_story_add(&g->stories, (uint32_t)sid, i, g->day[i], v, (size_t)nv, keys, nk);
  if (!rc) rc = cb_grouper_keep_terms(g, i, keys, nk);
  free(v);
  g->story[i] = (uint32_t)sid;
  return rc;
}

void cb_group_prep_free(cb_group_prep *p) {
  if (!p) return;
  cb_words_free(&p->ws);
  free(p->title);
  free(p->outlet);
  free(p);
}

cb_group_prep *cb_group_prepare(const cb_group_opts *o, const cb_group_doc *d) {
  cb_group_opts def;
  if (!o) { cb_group_opts_default(&def); o = &def; }
  cb_group_prep *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  cb_words_init(&p->ws);
  int k = o->shingle_words < 1 ? 1 : o->shingle_words > 16 ? 16 : o->shingle_words;
  int bands = o->bands < 1 ? 1 : o->bands, rows = o->rows < 1 ? 1 : o->rows;
  while (bands * rows > CB_MINHASH_MAX) bands--;
  p->nh = bands * rows;
  p->day = cb_day_number(d->published);
  int bad = (d->title && !(p->title = strdup(d->title))) || (d->outlet && !(p->outlet = strdup(d->outlet)));
  if (!bad && d->body) bad = cb_words_add(&p->ws, d->body, d->body_len, 0);
  if (!bad) bad = cb_minhash_sign(p->ws.w, p->ws.n, k, p->nh, p->sig, &p->nsh);
  if (!bad && d->title) bad = cb_words_add(&p->ws, d->title, strlen(d->title), CB_W_TITLE);
  if (bad) { cb_group_prep_free(p); return NULL; }
  return p;
}

long cb_grouper_add_prepared(cb_grouper *g, cb_group_prep *p) {
  if (!g || !p || p->nh != g->nh || g->lsh.items != g->n || cb_grouper_index_restored(g, &p, 1) ||
      cb_grouper_reserve(g)) {
    cb_group_prep_free(p);
    return -1;
  }
  uint32_t i = (uint32_t)g->n;
  g->title[i] = p->title;
  p->title = NULL;
  g->day[i] = p->day;
  g->parent[i] = i;
  g->match[i] = -1;
  g->outlet[i] = cb_grouper_outlet_id(g, p->outlet);
  g->stamp[i] = 0;
  g->nsh[i] = p->nsh;
  memcpy(g->sig + (size_t)i * (size_t)g->nh, p->sig, (size_t)g->nh * sizeof *p->sig);
  g->n++;
  int rc = 0;
  long copy = find_copy(g, i);
  if (copy >= 0) {
    g->match[i] = (int32_t)copy;
    join_copies(g, i, (uint32_t)copy);
  }
  /* a copy joins its original's story, unless it came out so much later that the story
   * would stretch past its span: then it is placed as any article is (a copy still) */
  if (copy >= 0 && cb_story_takes(&g->stories, g->story[copy], g->day[i], -1, g->o.max_span_days)) {
    g->story[i] = g->story[copy];
    rc = cb_story_add(&g->stories, g->story[i], i, g->day[i], NULL, 0, NULL, 0);
    if (!rc) rc = cb_grouper_keep_terms(g, i, NULL, 0);
  } else {
    rc = place_in_story(g, i, &p->ws);
  }
  if (!rc) rc = cb_lsh_insert(&g->lsh, g->sig + (size_t)i * (size_t)g->nh);
  cb_group_prep_free(p);
  if (rc) { free(g->title[i]); g->n--; return -1; }
  return (long)i;
}

long cb_grouper_add(cb_grouper *g, const cb_group_doc *d) {
  if (!g || !d) return -1;
  return cb_grouper_add_prepared(g, cb_group_prepare(&g->o, d));
}
