/*
 * name_map.c - open-addressing string -> size_t map in an arena (see name_map.h); doubles
 * when half full.
 */
#include "extract/name_map.h"
#include <string.h>
#include <xxhash.h>

int cb_name_map_init(cb_name_map *m, cb_arena *a, size_t expected) {
  m->arena = a;
  m->count = 0;
  m->cap = 16;
  while (m->cap < expected * 2 && m->cap < ((size_t)1 << 40)) m->cap *= 2;
  m->slots = cb_arena_calloc(a, m->cap, sizeof *m->slots);
  return m->slots ? CB_OK : CB_ENOMEM;
}

static size_t find(const cb_name_slot *slots, size_t cap, const char *key, size_t len) {
  size_t i = (size_t)XXH3_64bits(key, len) & (cap - 1);
  while (slots[i].key && !(slots[i].len == len && memcmp(slots[i].key, key, len) == 0))
    i = (i + 1) & (cap - 1);
  return i;
}

size_t *cb_name_map_get(const cb_name_map *m, const char *key, size_t len) {
  if (!m->slots) return NULL;
  size_t i = find(m->slots, m->cap, key, len);
  return m->slots[i].key ? &m->slots[i].value : NULL;
}

static int grow(cb_name_map *m) {
  size_t cap = m->cap * 2;
  cb_name_slot *s = cb_arena_calloc(m->arena, cap, sizeof *s);
  if (!s) return CB_ENOMEM;
  for (size_t i = 0; i < m->cap; i++)
    if (m->slots[i].key) s[find(s, cap, m->slots[i].key, m->slots[i].len)] = m->slots[i];
  m->slots = s;
  m->cap = cap;
  return CB_OK;
}

size_t *cb_name_map_put(cb_name_map *m, const char *key, size_t len, size_t init, int *added) {
  if (added) *added = 0;
  if (!m->slots) return NULL;
  size_t i = find(m->slots, m->cap, key, len);
  if (m->slots[i].key) return &m->slots[i].value;
  if ((m->count + 1) * 2 > m->cap) {
    if (grow(m) != CB_OK) return NULL;
    i = find(m->slots, m->cap, key, len);
  }
  m->slots[i].key = key;
  m->slots[i].len = len;
  m->slots[i].value = init;
  m->count++;
  if (added) *added = 1;
  return &m->slots[i].value;
}
