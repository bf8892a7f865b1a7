/*
 * model.c - the syntax model: reading the model file (zlib-compressed tables written by
 * tools/syntax/), the embedded copy loaded once for every thread, and the sparse
 * classifiers' scoring.
 *
 * File: "CBSYNZ01", u64 size of the inflated bytes, zlib stream. Inflated: "CBSYNM01"; tags
 * (u32 n; n x {u8 upos, xpos\0}); labels (u32 n; n x name\0); the tagger, parser and
 * labeler (u32 classes, u32 features, keys ascending as varint deltas, u8 pair counts[],
 * u8 classes[], i16 weights[]); the frequent-tag lexicon (u32 n; n x {u64 key, u32 tag + 1}); lemmas (u32 n;
 * n x {u64 key, lemma\0}); suffix rules (u32 n; n x {u64 key, u8 strip, add\0}).
 */
#include "syntax/syn_internal.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* assembled in by cmake (cb_syn_model.S), hidden: never exported from libcorroborate.so */
extern const unsigned char cb_syn_model_blob[] __attribute__((visibility("hidden")));
extern const unsigned char cb_syn_model_blob_end[] __attribute__((visibility("hidden")));

uint64_t cb_syn_hash(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
  return cb_syn_mix(h, n);
}

void cb_syn_clf_score(const cb_syn_clf *c, const uint32_t *keys, size_t n, int32_t *score) {
  if (!c->nfeat) return;
  for (size_t i = 0; i < n; i++) __builtin_prefetch(&c->slot[(keys[i] * 2654435761u) & c->mask]);
  for (size_t i = 0; i < n; i++) {
    uint32_t k = keys[i], s = (k * 2654435761u) & c->mask;
    while (c->slot[s].key && c->slot[s].key != k) s = (s + 1) & c->mask;
    if (!c->slot[s].key) continue;
    uint32_t row = c->slot[s].row, p = row >> 8, end = p + (row & 255);
    for (; p < end; p++) score[c->pair[p] >> 16] += (int16_t)(uint16_t)(c->pair[p] & 0xffff);
  }
}

const cb_syn_lex *cb_syn_lex_find(const cb_syn_lex *t, uint32_t mask, uint64_t key) {
  if (!t) return NULL;
  for (uint32_t s = (uint32_t)(key ^ (key >> 32)) & mask;; s = (s + 1) & mask) {
    if (t[s].key == key) return &t[s];
    if (!t[s].key) return NULL;
  }
}

/* ---- reading the inflated bytes ------------------------------------------------------------------ */
typedef struct rd { const unsigned char *p, *end; int bad; } rd;

static const void *take(rd *r, size_t n) {
  if (r->bad || (size_t)(r->end - r->p) < n) { r->bad = 1; return NULL; }
  const void *q = r->p;
  r->p += n;
  return q;
}
static uint64_t get_le(rd *r, int bytes) {
  const unsigned char *q = take(r, (size_t)bytes);
  uint64_t v = 0;
  for (int i = bytes - 1; q && i >= 0; i--) v = v << 8 | q[i];
  return v;
}
static const char *get_str(rd *r) {
  const unsigned char *z = r->bad ? NULL : memchr(r->p, 0, (size_t)(r->end - r->p));
  if (!z) { r->bad = 1; return ""; }
  const char *s = (const char *)r->p;
  r->p = z + 1;
  return s;
}
static uint32_t pow2_above(uint32_t n) {
  uint32_t m = 16;
  while (m < 2 * n) m <<= 1;
  return m;
}

/* n keys stored as varint deltas, ascending, none 0. */
static int read_keys(rd *r, uint32_t *keys, uint32_t n) {
  uint32_t last = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t d = 0;
    for (int shift = 0;; shift += 7) {
      const unsigned char *b = take(r, 1);
      if (!b || shift > 28) return -1;
      d |= (uint32_t)(*b & 127) << shift;
      if (!(*b & 128)) break;
    }
    last += d;
    if (!last || (i && !d)) return -1;
    keys[i] = last;
  }
  return 0;
}

static int read_clf(rd *r, cb_syn_clf *c) {
  c->ncls = (uint32_t)get_le(r, 4);
  c->nfeat = (uint32_t)get_le(r, 4);
  if (r->bad || c->nfeat > (uint32_t)(r->end - r->p) / 2 || c->ncls > 256) return -1;
  c->mask = pow2_above(c->nfeat) - 1;
  c->slot = calloc((size_t)c->mask + 1, sizeof *c->slot);
  uint32_t *keys = malloc((size_t)c->nfeat * 4 + 4);
  int rc = !c->slot || !keys || read_keys(r, keys, c->nfeat) ? -1 : 0;
  const unsigned char *cnt = rc ? NULL : take(r, c->nfeat);
  uint32_t np = 0;
  for (uint32_t f = 0; cnt && f < c->nfeat; f++) {
    uint32_t s = (keys[f] * 2654435761u) & c->mask;
    while (c->slot[s].key) s = (s + 1) & c->mask;
    c->slot[s].key = keys[f];
    c->slot[s].row = np << 8 | cnt[f];
    np += cnt[f];
  }
  free(keys);
  const unsigned char *cls = cnt ? take(r, np) : NULL, *w = cls ? take(r, (size_t)np * 2) : NULL;
  if (!w || np >= (1u << 24)) return -1;
  c->pair = malloc((size_t)np * 4 + 4);
  if (!c->pair) return -1;
  for (uint32_t p = 0; p < np; p++) {
    if (cls[p] >= c->ncls) return -1;
    c->pair[p] = (uint32_t)cls[p] << 16 | (uint32_t)(w[2 * p] | w[2 * p + 1] << 8);
  }
  return 0;
}

/* An open-addressing table of n entries {u64 key, value}; value read by val(). */
static cb_syn_lex *read_lex(rd *r, uint32_t *mask, int with_str, const char ***strs) {
  uint32_t n = (uint32_t)get_le(r, 4);
  if (r->bad || n > (uint32_t)(r->end - r->p) / 9) { r->bad = 1; return NULL; }
  *mask = pow2_above(n) - 1;
  cb_syn_lex *t = calloc((size_t)*mask + 1, sizeof *t);
  if (with_str && strs) *strs = calloc((size_t)n + 1, sizeof **strs);
  if (!t || (with_str && strs && !*strs)) { r->bad = 1; return t; }
  for (uint32_t i = 0; i < n && !r->bad; i++) {
    uint64_t key = get_le(r, 8);
    uint32_t v = with_str ? i : (uint32_t)get_le(r, 4);
    if (with_str) (*strs)[i] = get_str(r);
    uint32_t s = (uint32_t)(key ^ (key >> 32)) & *mask;
    while (t[s].key) s = (s + 1) & *mask;
    t[s].key = key;
    t[s].val = v;
  }
  return t;
}

static int read_rules(rd *r, cb_syn_model *m) {
  uint32_t n = (uint32_t)get_le(r, 4);
  if (r->bad || n > (uint32_t)(r->end - r->p) / 10) return -1;
  m->rule_mask = pow2_above(n) - 1;
  m->rule = calloc((size_t)m->rule_mask + 1, sizeof *m->rule);
  if (!m->rule) return -1;
  for (uint32_t i = 0; i < n && !r->bad; i++) {
    uint64_t key = get_le(r, 8);
    uint32_t s = (uint32_t)(key ^ (key >> 32)) & m->rule_mask;
    while (m->rule[s].key) s = (s + 1) & m->rule_mask;
    m->rule[s].key = key;
    m->rule[s].strip = (uint8_t)get_le(r, 1);
    m->rule[s].add = get_str(r);
  }
  return r->bad ? -1 : 0;
}

static int read_sets(rd *r, cb_syn_model *m) {
  m->ntags = (uint32_t)get_le(r, 4);
  if (r->bad || m->ntags == 0 || m->ntags > 250) return -1;
  m->tag_xpos = calloc(m->ntags, sizeof *m->tag_xpos);
  m->tag_upos = calloc(m->ntags, 1);
  if (!m->tag_xpos || !m->tag_upos) return -1;
  for (uint32_t t = 0; t < m->ntags; t++) {
    m->tag_upos[t] = (uint8_t)get_le(r, 1);
    m->tag_xpos[t] = get_str(r);
  }
  m->nlabels = (uint32_t)get_le(r, 4);
  if (r->bad || m->nlabels == 0 || m->nlabels > 250) return -1;
  m->label = calloc(m->nlabels, sizeof *m->label);
  if (!m->label) return -1;
  m->lab_parataxis = m->lab_punct = 0;
  for (uint32_t l = 0; l < m->nlabels; l++) {
    m->label[l] = get_str(r);
    if (strcmp(m->label[l], "parataxis") == 0) m->lab_parataxis = (int)l;
    if (strcmp(m->label[l], "punct") == 0) m->lab_punct = (int)l;
  }
  return r->bad ? -1 : 0;
}

static int read_model(rd *r, cb_syn_model *m) {
  const char *magic = take(r, 8);
  if (!magic || memcmp(magic, "CBSYNM01", 8)) return -1;
  if (read_sets(r, m) || read_clf(r, &m->tagger) || read_clf(r, &m->parser) || read_clf(r, &m->labeler))
    return -1;
  if (m->tagger.ncls != m->ntags || m->parser.ncls != CB_SYN_NACT || m->labeler.ncls != m->nlabels) return -1;
  m->freq_tag = read_lex(r, &m->freq_mask, 0, NULL);
  m->lemma = read_lex(r, &m->lemma_mask, 1, &m->lemma_str);
  if (r->bad || read_rules(r, m)) return -1;
  return 0;
}

int cb_syn_model_load_raw(void *mem, size_t len, cb_syn_model *m, cb_error *e) {
  memset(m, 0, sizeof *m);
  m->mem = mem;
  rd r = {mem, (unsigned char *)mem + len, 0};
  if (read_model(&r, m)) {
    cb_error_set(e, CB_EPARSE, "syntax model", 0, "malformed model tables");
    cb_syn_model_free(m);
    return CB_EPARSE;
  }
  return 0;
}

int cb_syn_model_load(const unsigned char *data, size_t len, cb_syn_model *m, cb_error *e) {
  memset(m, 0, sizeof *m);
  if (len < 16 || memcmp(data, "CBSYNZ01", 8)) {
    cb_error_set(e, CB_EPARSE, "syntax model", 0, "not a syntax model (run `make model`)");
    return CB_EPARSE;
  }
  uint64_t raw = 0;
  for (int i = 15; i >= 8; i--) raw = raw << 8 | data[i];
  uLongf got = (uLongf)raw;
  void *mem = raw < ((uint64_t)1 << 31) ? malloc((size_t)raw + 1) : NULL;
  if (!mem || uncompress(mem, &got, data + 16, (uLong)(len - 16)) != Z_OK || got != raw) {
    cb_error_set(e, CB_EPARSE, "syntax model", 0, "cannot inflate the model");
    free(mem);
    return CB_EPARSE;
  }
  return cb_syn_model_load_raw(mem, (size_t)raw, m, e);
}

static cb_syn_model g_model;
static cb_error g_err;
static int g_ok;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void load_once(void) {
  size_t len = (size_t)(cb_syn_model_blob_end - cb_syn_model_blob);
  g_ok = cb_syn_model_load(cb_syn_model_blob, len, &g_model, &g_err) == 0;
}

const cb_syn_model *cb_syn_model_get(cb_error *e) {
  pthread_once(&g_once, load_once);
  if (!g_ok && e) *e = g_err;
  return g_ok ? &g_model : NULL;
}

static void clf_free(cb_syn_clf *c) {
  free(c->slot);
  free(c->pair);
}

void cb_syn_model_free(cb_syn_model *m) {
  clf_free(&m->tagger);
  clf_free(&m->parser);
  clf_free(&m->labeler);
  free(m->tag_xpos);
  free(m->tag_upos);
  free(m->label);
  free(m->freq_tag);
  free(m->lemma);
  free(m->lemma_str);
  free(m->rule);
  free(m->mem);
  memset(m, 0, sizeof *m);
}
