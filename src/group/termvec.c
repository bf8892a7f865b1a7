/*
 * termvec.c - TF-IDF vectors (see termvec.h): term counts with entity and title boosts,
 * weight (1 + ln tf) * ln(1 + N / df), strongest terms kept, unit length.
 */
#include "group/termvec.h"
#include <math.h>
#include <stdlib.h>

static int is_content(const cb_word *w) { return !(w->flags & (CB_W_STOP | CB_W_NUMBER)); }

static int cmp_key(const void *a, const void *b) {
  uint64_t x = ((const cb_term *)a)->key, y = ((const cb_term *)b)->key;
  return x < y ? -1 : x > y;
}

static int cmp_weight(const void *a, const void *b) {
  const cb_term *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return x->key < y->key ? -1 : x->key > y->key;
}

void cb_terms_sort_key(cb_term *t, size_t n) { if (n) qsort(t, n, sizeof *t, cmp_key); }
void cb_terms_sort_weight(cb_term *t, size_t n) { if (n) qsort(t, n, sizeof *t, cmp_weight); }

size_t cb_content_terms(const cb_word *w, size_t n, uint64_t *keys) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) if (is_content(&w[i])) keys[k++] = w[i].key;
  size_t u = cb_u64_unique(keys, k);
  return u == (size_t)-1 ? 0 : u;
}

/* Term frequencies summed per key in an open-addressing table; -1 on OOM. */
static long count_terms(const cb_word *w, size_t n, const cb_termvec_opts *o, cb_term *t) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  uint32_t *slot = calloc(cap, sizeof *slot);   /* index + 1 into t */
  if (!slot) return -1;
  size_t u = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_content(&w[i])) continue;
    float f = 1;
    if (w[i].flags & CB_W_ENTITY) f += (float)o->entity_boost;
    if (w[i].flags & CB_W_TITLE) f += (float)o->title_boost;
    size_t j = (size_t)((w[i].key * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
    while (slot[j] && t[slot[j] - 1].key != w[i].key) j = (j + 1) & (cap - 1);
    if (!slot[j]) { t[u].key = w[i].key; t[u].w = 0; slot[j] = (uint32_t)++u; }
    t[slot[j] - 1].w += f;
  }
  free(slot);
  return (long)u;
}

long cb_termvec_build(const cb_word *w, size_t n, const cb_termvec_opts *o, const cb_u64map *df,
                      uint32_t ndocs, cb_term *out) {
  cb_term *t = malloc((n ? n : 1) * sizeof *t);
  if (!t) return -1;
  long cu = count_terms(w, n, o, t);
  if (cu < 0) { free(t); return -1; }
  size_t u = (size_t)cu;
  for (size_t i = 0; i < u; i++) {
    const uint32_t *d = cb_u64map_find(df, t[i].key);
    double dfv = d && *d ? *d : 1;
    t[i].w = (float)((1.0 + log(t[i].w)) * log(1.0 + (double)(ndocs ? ndocs : 1) / dfv));
  }
  cb_terms_sort_weight(t, u);
  size_t k = u < (size_t)o->max_terms ? u : (size_t)o->max_terms;
  double norm = 0;
  for (size_t i = 0; i < k; i++) norm += (double)t[i].w * t[i].w;
  norm = sqrt(norm);
  for (size_t i = 0; i < k; i++) { out[i] = t[i]; out[i].w = norm > 0 ? (float)(t[i].w / norm) : 0; }
  free(t);
  cb_terms_sort_key(out, k);
  return (long)k;
}

double cb_termvec_dot(const cb_term *a, size_t na, const cb_term *b, size_t nb) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].key < b[j].key) i++;
    else if (a[i].key > b[j].key) j++;
    else s += (double)a[i++].w * b[j++].w;
  }
  return s;
}
