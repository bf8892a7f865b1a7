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

void cb_terms_sort_key(cb_term *t, size_t n) { qsort(t, n, sizeof *t, cmp_key); }
void cb_terms_sort_weight(cb_term *t, size_t n) { qsort(t, n, sizeof *t, cmp_weight); }

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

size_t cb_content_terms(const cb_word *w, size_t n, uint64_t *keys) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) if (is_content(&w[i])) keys[k++] = w[i].key;
  qsort(keys, k, sizeof *keys, cmp_u64);
  size_t u = 0;
  for (size_t i = 0; i < k; i++) if (i == 0 || keys[i] != keys[i - 1]) keys[u++] = keys[i];
  return u;
}

/* Term frequencies: one entry per occurrence, then summed per key. */
static size_t count_terms(const cb_word *w, size_t n, const cb_termvec_opts *o, cb_term *t) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!is_content(&w[i])) continue;
    float f = 1;
    if (w[i].flags & CB_W_ENTITY) f += (float)o->entity_boost;
    if (w[i].flags & CB_W_TITLE) f += (float)o->title_boost;
    t[k].key = w[i].key;
    t[k++].w = f;
  }
  cb_terms_sort_key(t, k);
  size_t u = 0;
  for (size_t i = 0; i < k; i++) {
    if (u && t[u - 1].key == t[i].key) t[u - 1].w += t[i].w;
    else t[u++] = t[i];
  }
  return u;
}

long cb_termvec_build(const cb_word *w, size_t n, const cb_termvec_opts *o, const cb_u64map *df,
                      uint32_t ndocs, cb_term *out) {
  cb_term *t = malloc((n ? n : 1) * sizeof *t);
  if (!t) return -1;
  size_t u = count_terms(w, n, o, t);
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
