/*
 * minhash.h - MinHash signatures of a text's word shingles (k consecutive words, hashed
 * with xxhash): a fixed number of 32-bit minima whose agreement estimates the Jaccard
 * similarity of two texts' shingle sets.
 */
#ifndef CB_GROUP_MINHASH_H
#define CB_GROUP_MINHASH_H
#include "group/words.h"
#include <stdint.h>

#define CB_MINHASH_MAX 512

/* Fills sig[0..nh) for the words w[0..n) with k-word shingles; *nshingles gets the number
 * of distinct shingles. 0 ok, -1 on OOM. An empty text gets an all-ones signature. */
int cb_minhash_sign(const cb_word *w, size_t n, int k, int nh, uint32_t *sig, uint32_t *nshingles);
/* Fraction of equal positions: the Jaccard estimate. */
double cb_minhash_jaccard(const uint32_t *a, const uint32_t *b, int nh);
/* The number of equal positions, or -1 as soon as fewer than `need` can still be equal
 * (compared 16 at a time, a block the compiler turns into vector compares). */
int cb_minhash_agree(const uint32_t *a, const uint32_t *b, int nh, int need);
#endif
