/*
 * lsh.h - locality-sensitive hashing over MinHash signatures: the signature is cut into
 * bands of rows; texts sharing any whole band become candidates. Memory per text is
 * fixed (one chain link per band), and no pass compares all pairs.
 */
#ifndef CB_GROUP_LSH_H
#define CB_GROUP_LSH_H
#include "group/u64map.h"
#include <stddef.h>
#include <stdint.h>

typedef struct cb_lsh {
  int bands, rows;
  cb_u64map heads;     /* band key -> newest entry + 1 */
  uint32_t *next;      /* entry (item * bands + band) -> older entry + 1, 0: end */
  size_t items, cap;
} cb_lsh;

void cb_lsh_init(cb_lsh *l, int bands, int rows);
void cb_lsh_free(cb_lsh *l);
/* Indexes item number l->items (items are numbered in order of insertion). 0 ok, -1 OOM. */
int cb_lsh_insert(cb_lsh *l, const uint32_t *sig);
/* Restoring a saved index lazily: counts items 0..n-1 as present without indexing them;
 * cb_lsh_insert_band then indexes one band of one of them. A key's chain stays newest
 * first as long as its old items are indexed (in ascending order) before any newer item
 * with that key. 0 ok, -1 OOM. */
int cb_lsh_skip(cb_lsh *l, size_t n);
int cb_lsh_insert_band(cb_lsh *l, size_t item, int band, uint64_t key);
/* The key of band b of sig. */
uint64_t cb_lsh_band_key(const cb_lsh *l, const uint32_t *sig, int band);
/* Calls fn(ud, item) for every indexed item sharing a band with sig (an item may come more
 * than once; callers de-duplicate). At most max_per_band items are visited per band. */
void cb_lsh_query(const cb_lsh *l, const uint32_t *sig, size_t max_per_band,
                  void (*fn)(void *ud, uint32_t item), void *ud);
#endif
