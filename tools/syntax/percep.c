/*
 * percep.c - the training side of the averaged perceptron: integer weights, updated by
 * +1/-1 (exact and deterministic), averaged with the "sum of time x update" trick, and
 * exported as a model section: features sorted by key, weights quantised to int16 with one
 * scale per classifier, near-zero weights dropped.
 */
#include "train.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t n, size_t s) {
  void *p = calloc(n ? n : 1, s);
  if (!p) abort();
  return p;
}

void tp_init(tp *p, uint32_t ncls) {
  memset(p, 0, sizeof *p);
  p->ncls = ncls;
  p->mask = (1u << 16) - 1;
  p->slot_key = xcalloc((size_t)p->mask + 1, 4);
  p->slot_row = xcalloc((size_t)p->mask + 1, 4);
  p->c = 1;
}

void tp_free(tp *p) {
  free(p->slot_key); free(p->slot_row); free(p->row_key); free(p->w); free(p->u);
  memset(p, 0, sizeof *p);
}

static uint32_t slot_of(const tp *p, uint32_t k) {
  uint32_t s = (k * 2654435761u) & p->mask;
  while (p->slot_key[s] && p->slot_key[s] != k) s = (s + 1) & p->mask;
  return s;
}

static void grow(tp *p) {
  uint32_t nm = p->mask * 2 + 1;
  uint32_t *ok = p->slot_key, *orow = p->slot_row, om = p->mask;
  p->mask = nm;
  p->slot_key = xcalloc((size_t)nm + 1, 4);
  p->slot_row = xcalloc((size_t)nm + 1, 4);
  for (uint32_t i = 0; i <= om; i++) {
    if (!ok[i]) continue;
    uint32_t s = slot_of(p, ok[i]);
    p->slot_key[s] = ok[i];
    p->slot_row[s] = orow[i];
  }
  free(ok);
  free(orow);
  size_t cap = (size_t)(nm + 1) / 2;
  p->row_key = realloc(p->row_key, cap * 4);
  p->w = realloc(p->w, cap * p->ncls * sizeof *p->w);
  p->u = realloc(p->u, cap * p->ncls * sizeof *p->u);
  if (!p->row_key || !p->w || !p->u) abort();
}

void tp_score(const tp *p, const uint32_t *keys, size_t n, int64_t *score) {
  for (size_t i = 0; i < n; i++) {
    uint32_t s = slot_of(p, keys[i]);
    if (!p->slot_key[s]) continue;
    const int32_t *w = p->w + (size_t)p->slot_row[s] * p->ncls;
    for (uint32_t c = 0; c < p->ncls; c++) score[c] += w[c];
  }
}

static uint32_t row_of(tp *p, uint32_t k) {
  uint32_t s = slot_of(p, k);
  if (p->slot_key[s]) return p->slot_row[s];
  if ((p->nfeat + 1) * 2 > p->mask || !p->w) { grow(p); s = slot_of(p, k); }
  uint32_t r = p->nfeat++;
  p->slot_key[s] = k;
  p->slot_row[s] = r;
  p->row_key[r] = k;
  memset(p->w + (size_t)r * p->ncls, 0, p->ncls * sizeof *p->w);
  memset(p->u + (size_t)r * p->ncls, 0, p->ncls * sizeof *p->u);
  return r;
}

void tp_update(tp *p, const uint32_t *keys, size_t n, uint32_t cls, int delta) {
  for (size_t i = 0; i < n; i++) {
    size_t at = (size_t)row_of(p, keys[i]) * p->ncls + cls;
    p->w[at] += delta;
    p->u[at] += (int64_t)delta * p->c;
  }
}

void put_u8(cb_buf *b, unsigned v) { cb_buf_putc(b, (char)(v & 255)); }
void put_u32(cb_buf *b, uint32_t v) { for (int i = 0; i < 4; i++) put_u8(b, v >> (8 * i)); }
void put_u64(cb_buf *b, uint64_t v) { for (int i = 0; i < 8; i++) put_u8(b, (unsigned)(v >> (8 * i))); }
void put_str(cb_buf *b, const char *s) { cb_buf_append(b, s, strlen(s) + 1); }

void tp_export_empty(uint32_t ncls, cb_buf *b) { put_u32(b, ncls); put_u32(b, 0); }

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The keys of every model, ascending, once each; their count in *n. */
static uint32_t *union_keys(const tp *const *ps, int k, uint32_t *n) {
  size_t all = 0;
  for (int i = 0; i < k; i++) all += ps[i]->nfeat;
  uint32_t *keys = xcalloc(all + 1, 4);
  size_t m = 0;
  for (int i = 0; i < k; i++) {
    if (ps[i]->nfeat) memcpy(keys + m, ps[i]->row_key, (size_t)ps[i]->nfeat * 4);
    m += ps[i]->nfeat;
  }
  qsort(keys, m, 4, cmp_u32);
  size_t u = 0;
  for (size_t i = 0; i < m; i++) if (!u || keys[u - 1] != keys[i]) keys[u++] = keys[i];
  *n = (uint32_t)u;
  return keys;
}

/* The summed averaged weights of key for each class into w[0..ncls). */
static void avg_row(const tp *const *ps, int k, uint32_t key, double *w) {
  memset(w, 0, ps[0]->ncls * sizeof *w);
  for (int i = 0; i < k; i++) {
    const tp *p = ps[i];
    uint32_t s = slot_of(p, key);
    if (!p->slot_key[s]) continue;
    size_t r = (size_t)p->slot_row[s] * p->ncls;
    for (uint32_t c = 0; c < p->ncls; c++) w[c] += (double)p->w[r + c] - (double)p->u[r + c] / (double)p->c;
  }
}

static void write_section(cb_buf *b, uint32_t ncls, const uint32_t *keys, const int16_t *q, uint32_t n,
                          const uint32_t *order, uint32_t kept) {
  put_u32(b, ncls);
  put_u32(b, kept);
  for (uint32_t i = 0, last = 0; i < kept; i++) {   /* keys ascending: varint deltas */
    uint32_t d = keys[order[i]] - last;
    last = keys[order[i]];
    for (; d >= 128; d >>= 7) put_u8(b, (d & 127) | 128);
    put_u8(b, d);
  }
  (void)n;
  for (uint32_t i = 0; i < kept; i++) {
    unsigned cnt = 0;
    for (uint32_t c = 0; c < ncls; c++) cnt += q[(size_t)order[i] * ncls + c] != 0;
    put_u8(b, cnt);
  }
  for (uint32_t i = 0; i < kept; i++)
    for (uint32_t c = 0; c < ncls; c++) if (q[(size_t)order[i] * ncls + c]) put_u8(b, c);
  for (uint32_t i = 0; i < kept; i++)
    for (uint32_t c = 0; c < ncls; c++) {
      int16_t v = q[(size_t)order[i] * ncls + c];
      if (v) { put_u8(b, (unsigned)(uint16_t)v & 255); put_u8(b, (unsigned)(uint16_t)v >> 8); }
    }
}

void tp_export_sum(const tp *const *ps, int k, int qmin, cb_buf *b) {
  uint32_t n, ncls = ps[0]->ncls, *keys = union_keys(ps, k, &n);
  double *avg = xcalloc((size_t)n * ncls, sizeof *avg), maxabs = 1e-9;
  for (uint32_t f = 0; f < n; f++) avg_row(ps, k, keys[f], avg + (size_t)f * ncls);
  for (size_t i = 0; i < (size_t)n * ncls; i++) if (fabs(avg[i]) > maxabs) maxabs = fabs(avg[i]);
  double scale = 32767.0 / maxabs;
  int16_t *q = xcalloc((size_t)n * ncls, sizeof *q);
  uint32_t *order = xcalloc(n, 4), kept = 0;
  for (uint32_t f = 0; f < n; f++) {
    int any = 0;
    for (uint32_t c = 0; c < ncls; c++) {
      long v = lrint(avg[(size_t)f * ncls + c] * scale);
      q[(size_t)f * ncls + c] = (int16_t)(labs(v) >= qmin ? v : 0);
      any |= labs(v) >= qmin;
    }
    if (any) order[kept++] = f;
  }
  write_section(b, ncls, keys, q, n, order, kept);
  free(avg); free(q); free(order); free(keys);
}

void tp_export(const tp *p, int qmin, cb_buf *b) { tp_export_sum(&p, 1, qmin, b); }

uint64_t rnd_next(uint64_t *s) {
  uint64_t x = *s += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

void rnd_shuffle(size_t *a, size_t n, uint64_t *s) {
  for (size_t i = n; i > 1; i--) {
    size_t j = (size_t)(rnd_next(s) % i), t = a[i - 1];
    a[i - 1] = a[j];
    a[j] = t;
  }
}
