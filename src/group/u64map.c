/*
 * u64map.c - open-addressing (linear probing) map from uint64 keys to uint32 values,
 * doubling at 50% load.
 */
#include "group/u64map.h"
#include <stdlib.h>

static uint64_t fix_key(uint64_t k) { return k ? k : 0x9e3779b97f4a7c15ULL; }
static size_t slot_of(uint64_t k, size_t cap) { return (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 17) & (cap - 1); }

void cb_u64map_init(cb_u64map *m) { m->keys = NULL; m->vals = NULL; m->cap = m->len = 0; }

void cb_u64map_free(cb_u64map *m) {
  free(m->keys);
  free(m->vals);
  cb_u64map_init(m);
}

static int grow(cb_u64map *m) {
  size_t cap = m->cap ? m->cap * 2 : 1024;
  uint64_t *k = calloc(cap, sizeof *k);
  uint32_t *v = malloc(cap * sizeof *v);
  if (!k || !v) { free(k); free(v); return -1; }
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = slot_of(m->keys[i], cap);
    while (k[j]) j = (j + 1) & (cap - 1);
    k[j] = m->keys[i];
    v[j] = m->vals[i];
  }
  free(m->keys);
  free(m->vals);
  m->keys = k; m->vals = v; m->cap = cap;
  return 0;
}

uint32_t *cb_u64map_find(const cb_u64map *m, uint64_t key) {
  if (!m->cap) return NULL;
  key = fix_key(key);
  for (size_t j = slot_of(key, m->cap);; j = (j + 1) & (m->cap - 1)) {
    if (m->keys[j] == key) return &m->vals[j];
    if (!m->keys[j]) return NULL;
  }
}

uint32_t *cb_u64map_slot(cb_u64map *m, uint64_t key) {
  if ((m->len + 1) * 2 > m->cap && grow(m)) return NULL;
  key = fix_key(key);
  size_t j = slot_of(key, m->cap);
  while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
  if (!m->keys[j]) { m->keys[j] = key; m->vals[j] = 0; m->len++; }
  return &m->vals[j];
}

size_t cb_u64_unique(uint64_t *v, size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  uint64_t *set = calloc(cap, sizeof *set);
  if (!set) return (size_t)-1;
  int has_zero = 0;
  size_t u = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t x = v[i];
    if (!x) { if (!has_zero) { has_zero = 1; v[u++] = 0; } continue; }
    size_t j = slot_of(x, cap);
    while (set[j] && set[j] != x) j = (j + 1) & (cap - 1);
    if (!set[j]) { set[j] = x; v[u++] = x; }
  }
  free(set);
  return u;
}
