/*
 * lsh.c - banded LSH index: each band's rows are hashed (with the band number) into one
 * key; a key's items form a chain through a flat array, newest first.
 */
#include "group/lsh.h"
#include <stdlib.h>
#include <xxhash.h>

void cb_lsh_init(cb_lsh *l, int bands, int rows) {
  l->bands = bands; l->rows = rows;
  cb_u64map_init(&l->heads);
  l->next = NULL; l->items = l->cap = 0;
}

void cb_lsh_free(cb_lsh *l) {
  cb_u64map_free(&l->heads);
  free(l->next);
  l->next = NULL;
}

static uint64_t band_key(const uint32_t *sig, int band, int rows) {
  return XXH3_64bits_withSeed(sig + (size_t)band * (size_t)rows, (size_t)rows * sizeof *sig, (uint64_t)band + 1);
}

uint64_t cb_lsh_band_key(const cb_lsh *l, const uint32_t *sig, int band) { return band_key(sig, band, l->rows); }

static int room_for(cb_lsh *l, size_t items) {
  if (items <= l->cap) return 0;
  size_t cap = l->cap ? l->cap : 1024;
  while (cap < items) cap *= 2;
  uint32_t *nx = realloc(l->next, cap * (size_t)l->bands * sizeof *nx);
  if (!nx) return -1;
  l->next = nx; l->cap = cap;
  return 0;
}

int cb_lsh_insert_band(cb_lsh *l, size_t item, int band, uint64_t key) {
  uint32_t *head = cb_u64map_slot(&l->heads, key);
  if (!head) return -1;
  size_t e = item * (size_t)l->bands + (size_t)band;
  l->next[e] = *head;
  *head = (uint32_t)(e + 1);
  return 0;
}

int cb_lsh_skip(cb_lsh *l, size_t n) {
  if (room_for(l, l->items + n)) return -1;
  l->items += n;
  return 0;
}

int cb_lsh_insert(cb_lsh *l, const uint32_t *sig) {
  if (room_for(l, l->items + 1)) return -1;
  for (int b = 0; b < l->bands; b++)
    if (cb_lsh_insert_band(l, l->items, b, band_key(sig, b, l->rows))) return -1;
  l->items++;
  return 0;
}

void cb_lsh_query(const cb_lsh *l, const uint32_t *sig, size_t max_per_band,
                  void (*fn)(void *ud, uint32_t item), void *ud) {
  for (int b = 0; b < l->bands; b++) {
    uint32_t *head = cb_u64map_find(&l->heads, band_key(sig, b, l->rows));
    size_t seen = 0;
    for (uint32_t e = head ? *head : 0; e && seen < max_per_band; e = l->next[e - 1], seen++)
      fn(ud, (uint32_t)((e - 1) / (uint32_t)l->bands));
  }
}
