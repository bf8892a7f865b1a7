/*
 * minhash.c - MinHash over word shingles, computed with one permutation (Li, Owen & Zhang
 * 2012): each distinct shingle is hashed once (xxhash, then a 64-bit mixer); the high bits
 * choose one of nh bins, the low bits compete for the bin's minimum; empty bins are filled
 * by optimal densification. Two signatures agree in a bin with probability close to the
 * Jaccard similarity of the shingle sets, at the cost of one hash per shingle instead of nh.
 */
#include "group/minhash.h"
#include "group/u64map.h"
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Empty bins borrow from a non-empty bin chosen by a fixed hash sequence of the bin number
 * (optimal densification, Shrivastava 2017): the same choice for every text, so two texts
 * agree on a borrowed bin exactly when they agree on the bin it came from. */
static void densify(uint32_t *sig, const uint8_t *full, int nh) {
  for (int j = 0; j < nh; j++) {
    if (full[j]) continue;
    for (uint64_t attempt = 1;; attempt++) {
      uint64_t h = mix64(((uint64_t)j << 32) ^ attempt ^ 0x5bd1e995ULL);
      int src = (int)(((h >> 32) * (uint64_t)nh) >> 32);
      if (full[src]) { sig[j] = sig[src]; break; }
    }
  }
}

int cb_minhash_sign(const cb_word *w, size_t n, int k, int nh, uint32_t *sig, uint32_t *nshingles) {
  for (int j = 0; j < nh; j++) sig[j] = UINT32_MAX;
  *nshingles = 0;
  if (n == 0 || nh <= 0 || nh > CB_MINHASH_MAX) return 0;
  size_t m = n >= (size_t)k ? n - (size_t)k + 1 : 1, kk = n >= (size_t)k ? (size_t)k : n;
  uint64_t *sh = malloc(m * sizeof *sh);
  if (!sh) return -1;
  uint64_t keys[16];
  if (kk > 16) kk = 16;
  for (size_t i = 0; i < m; i++) {
    for (size_t t = 0; t < kk; t++) keys[t] = w[i + t].key;
    sh[i] = XXH3_64bits(keys, kk * sizeof keys[0]);
  }
  size_t u = cb_u64_unique(sh, m);
  if (u == (size_t)-1) { free(sh); return -1; }
  /* One permutation: each shingle falls in one bin (high bits) and competes there with
   * its low bits for the minimum. */
  uint8_t full[CB_MINHASH_MAX] = {0};
  for (size_t i = 0; i < u; i++) {
    uint64_t h = mix64(sh[i]);
    int bin = (int)(((h >> 32) * (uint64_t)nh) >> 32);
    uint32_t v = (uint32_t)h;
    if (v < sig[bin] || !full[bin]) { sig[bin] = v; full[bin] = 1; }
  }
  densify(sig, full, nh);
  *nshingles = (uint32_t)(u > UINT32_MAX ? UINT32_MAX : u);
  free(sh);
  return 0;
}

#define AGREE_BLOCK 16

int cb_minhash_agree(const uint32_t *a, const uint32_t *b, int nh, int need) {
  int eq = 0, j = 0;
  for (; j + AGREE_BLOCK <= nh; j += AGREE_BLOCK) {
    int block = 0;
    for (int t = 0; t < AGREE_BLOCK; t++) block += a[j + t] == b[j + t];
    eq += block;
    if (eq + (nh - j - AGREE_BLOCK) < need) return -1;
  }
  for (; j < nh; j++) eq += a[j] == b[j];
  return eq < need ? -1 : eq;
}

double cb_minhash_jaccard(const uint32_t *a, const uint32_t *b, int nh) {
  int eq = 0;
  for (int j = 0; j < nh; j++) eq += a[j] == b[j];
  return nh ? (double)eq / nh : 0;
}
