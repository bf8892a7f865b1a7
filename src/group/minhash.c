/*
 * minhash.c - MinHash over word shingles: each distinct shingle hash x goes through nh
 * multiply-shift hash functions (a_j * x + b_j) >> 32 with fixed odd multipliers, and the
 * signature keeps the minimum of each.
 */
#include "group/minhash.h"
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static uint64_t mul_a[CB_MINHASH_MAX], add_b[CB_MINHASH_MAX];

static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void init_hashes(void) {
  if (mul_a[0]) return;
  uint64_t s = 0x636f72726f626f72ULL;   /* fixed: signatures must be stable across runs */
  for (int j = 0; j < CB_MINHASH_MAX; j++) { add_b[j] = splitmix(&s); mul_a[j] = splitmix(&s) | 1; }
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int cb_minhash_sign(const cb_word *w, size_t n, int k, int nh, uint32_t *sig, uint32_t *nshingles) {
  init_hashes();
  for (int j = 0; j < nh; j++) sig[j] = UINT32_MAX;
  *nshingles = 0;
  if (n == 0) return 0;
  size_t m = n >= (size_t)k ? n - (size_t)k + 1 : 1, kk = n >= (size_t)k ? (size_t)k : n;
  uint64_t *sh = malloc(m * sizeof *sh);
  if (!sh) return -1;
  uint64_t keys[16];
  if (kk > 16) kk = 16;
  for (size_t i = 0; i < m; i++) {
    for (size_t t = 0; t < kk; t++) keys[t] = w[i + t].key;
    sh[i] = XXH3_64bits(keys, kk * sizeof keys[0]);
  }
  qsort(sh, m, sizeof *sh, cmp_u64);
  size_t u = 0;
  for (size_t i = 0; i < m; i++) if (i == 0 || sh[i] != sh[i - 1]) sh[u++] = sh[i];
  for (size_t i = 0; i < u; i++) {
    uint64_t x = sh[i];
    for (int j = 0; j < nh; j++) {
      uint32_t v = (uint32_t)((mul_a[j] * x + add_b[j]) >> 32);
      if (v < sig[j]) sig[j] = v;
    }
  }
  *nshingles = (uint32_t)(u > UINT32_MAX ? UINT32_MAX : u);
  free(sh);
  return 0;
}

double cb_minhash_jaccard(const uint32_t *a, const uint32_t *b, int nh) {
  int eq = 0;
  for (int j = 0; j < nh; j++) eq += a[j] == b[j];
  return nh ? (double)eq / nh : 0;
}
