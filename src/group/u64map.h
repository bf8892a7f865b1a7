/*
 * u64map.h - an open-addressing hash map from 64-bit keys to 32-bit values, for term ids,
 * document frequencies and LSH buckets (key 0 is reserved as "empty"; callers map it).
 */
#ifndef CB_GROUP_U64MAP_H
#define CB_GROUP_U64MAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct cb_u64map {
  uint64_t *keys;
  uint32_t *vals;
  size_t cap, len;   /* cap is a power of two */
} cb_u64map;

void cb_u64map_init(cb_u64map *m);
void cb_u64map_free(cb_u64map *m);
/* Pointer to the value of key (inserted as 0 when absent); NULL on OOM. */
uint32_t *cb_u64map_slot(cb_u64map *m, uint64_t key);
/* Pointer to the value of key, or NULL when absent. */
uint32_t *cb_u64map_find(const cb_u64map *m, uint64_t key);


/* Removes repeated values from v[0..n) in place (order not kept, 0 counts as a value);
 * returns how many distinct remain, or (size_t)-1 on OOM. Linear time. */
size_t cb_u64_unique(uint64_t *v, size_t n);
#endif
