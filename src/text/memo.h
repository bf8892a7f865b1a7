/*
 * memo.h - a small per-thread memo of answers that are costly to recompute and never change
 * (WordNet relations of two words, the stance of a lemma): a direct-mapped table keyed by a
 * 64-bit hash of the question. A slot holds one answer; a collision just asks again.
 */
#ifndef CB_TEXT_MEMO_H
#define CB_TEXT_MEMO_H
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

#define CB_MEMO_SLOTS 8192

typedef struct cb_memo_slot {
  uint64_t key;
  int value;
} cb_memo_slot;

/* The key of a question: a tag naming the function and up to two words. */
static inline uint64_t cb_memo_key(int tag, const char *a, const char *b) {
  uint64_t h = XXH3_64bits_withSeed(a ? a : "", a ? strlen(a) : 0, (uint64_t)tag + 1);
  return XXH3_64bits_withSeed(b ? b : "", b ? strlen(b) : 0, h ^ 0x9e3779b97f4a7c15ull) | 1;
}

/* 1 and *value when the answer is known; 0 otherwise. */
int cb_memo_get(uint64_t key, int *value);
void cb_memo_put(uint64_t key, int value);

/* The answer of fn(a, b), asked once per thread for each (tag, a, b). */
typedef int (*cb_memo_fn)(const char *a, const char *b);
int cb_memo_ask(int tag, cb_memo_fn fn, const char *a, const char *b);
#endif
