/*
 * lexicon.c - the tables cb-train-syntax learns by counting: the tag and label sets, the
 * most frequent tag of common words, the form+tag -> lemma dictionary and the suffix
 * rewrite rules for unseen words; and the assembly of the model's bytes.
 */
#include "train.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Sorts arr[0..n) and drops duplicates; returns the new count. */
static int uniq(char **arr, int n) {
  qsort(arr, (size_t)n, sizeof *arr, cmp_str);
  int k = 0;
  for (int i = 0; i < n; i++)
    if (k == 0 || strcmp(arr[k - 1], arr[i])) arr[k++] = arr[i];
    else free(arr[i]);
  return k;
}

int lex_find(char **arr, int n, const char *s) {
  char **p = bsearch(&s, arr, (size_t)n, sizeof *arr, cmp_str);
  return p ? (int)(p - arr) : -1;
}

void lex_sets(const cb_conllu_sent *s, size_t n, tsets *out) {
  size_t nw = 0;
  for (size_t i = 0; i < n; i++) nw += s[i].n;
  char **tags = malloc((nw + 1) * sizeof *tags), **labs = malloc((nw + 2) * sizeof *labs);
  int nt = 0, nl = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < s[i].n; j++) {
      const cb_conllu_word *w = &s[i].w[j];
      size_t a = strlen(w->upos), b = strlen(w->xpos);
      tags[nt] = malloc(a + b + 2);
      memcpy(tags[nt], w->upos, a);
      tags[nt][a] = '\t';
      memcpy(tags[nt++] + a + 1, w->xpos, b + 1);
      if (strcmp(w->deprel, "root")) labs[nl++] = strdup(w->deprel);
    }
  out->ntags = uniq(tags, nt);
  out->upos = calloc((size_t)out->ntags + 1, 1);
  for (int t = 0; t < out->ntags; t++) {
    char u[32];
    snprintf(u, sizeof u, "%.*s", (int)strcspn(tags[t], "\t"), tags[t]);
    out->upos[t] = (uint8_t)cb_upos_parse(u);
  }
  nl = uniq(labs, nl);
  memmove(labs + 1, labs, (size_t)nl * sizeof *labs);
  labs[0] = strdup("root");
  out->tags = tags;
  out->labels = labs;
  out->nlabels = nl + 1;
}

typedef struct kv { uint64_t key; int val; const char *str; uint8_t strip; } kv;

static int cmp_kv(const void *a, const void *b) {
  const kv *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  if (x->val != y->val) return x->val < y->val ? -1 : 1;
  if (x->strip != y->strip) return x->strip < y->strip ? -1 : 1;
  return strcmp(x->str ? x->str : "", y->str ? y->str : "");
}
static int same_kv(const kv *x, const kv *y) { return cmp_kv(x, y) == 0; }

/* For each key of sorted e[0..n): the most frequent entry (ties: the first), if its key
 * has at least mincount entries; calls emit for it. */
static void best_per_key(kv *e, size_t n, int mincount, void (*emit)(cb_buf *, const kv *), cb_buf *b,
                         uint32_t *count) {
  qsort(e, n, sizeof *e, cmp_kv);
  for (size_t i = 0; i < n;) {
    size_t j = i, best = i, bestn = 0;
    while (j < n && e[j].key == e[i].key) {
      size_t k = j;
      while (k < n && same_kv(&e[k], &e[j])) k++;
      if (k - j > bestn) { bestn = k - j; best = j; }
      j = k;
    }
    if ((int)(j - i) >= mincount) { emit(b, &e[best]); (*count)++; }
    i = j;
  }
}

/* Writes the entry count at the start of the section b once known. */
static void patch_count(cb_buf *b, size_t at, uint32_t n) {
  for (int i = 0; i < 4; i++) b->ptr[at + (size_t)i] = (char)((n >> (8 * i)) & 255);
}

static void emit_freq(cb_buf *b, const kv *e) { put_u64(b, e->key); put_u32(b, (uint32_t)e->val + 1); }

void lex_freq_tags(const tsent *s, const size_t *idx, size_t n, int mincount, cb_buf *b) {
  size_t nw = 0, k = 0;
  for (size_t i = 0; i < n; i++) nw += (size_t)s[idx[i]].n;
  kv *e = calloc(nw + 1, sizeof *e);
  for (size_t i = 0; i < n; i++)
    for (int j = 0; j < s[idx[i]].n; j++) e[k++] = (kv){s[idx[i]].w[j].h_low, s[idx[i]].gtag[j], NULL, 0};
  size_t at = b->len;
  uint32_t cnt = 0;
  put_u32(b, 0);
  best_per_key(e, k, mincount, emit_freq, b, &cnt);
  patch_count(b, at, cnt);
  free(e);
}

static void emit_lemma(cb_buf *b, const kv *e) { put_u64(b, e->key); put_str(b, e->str); }

static char *lower(const char *s) {
  char *l = strdup(s);
  for (char *p = l; *p; p++) *p = (char)tolower((unsigned char)*p);
  return l;
}

void lex_lemmas(const tsent *s, size_t n, cb_buf *b) {
  size_t nw = 0, k = 0;
  for (size_t i = 0; i < n; i++) nw += (size_t)s[i].n;
  kv *e = calloc(2 * nw + 1, sizeof *e);
  for (size_t i = 0; i < n; i++)
    for (int j = 0; j < s[i].n; j++) {
      const cb_conllu_word *w = &s[i].src->w[j];
      int t = s[i].gtag[j];
      e[k++] = (kv){cb_syn_lemma_key(w->form, strlen(w->form), t), 0, w->lemma, 0};
      char *lf = lower(w->form);
      if (strcmp(lf, w->form)) e[k++] = (kv){cb_syn_lemma_key(lf, strlen(lf), t), 0, w->lemma, 0};
      free(lf);
    }
  size_t at = b->len;
  uint32_t cnt = 0;
  put_u32(b, 0);
  best_per_key(e, k, 1, emit_lemma, b, &cnt);
  patch_count(b, at, cnt);
  free(e);
}

static void emit_rule(cb_buf *b, const kv *e) { put_u64(b, e->key); put_u8(b, e->strip); put_str(b, e->str); }

/* The rules of one word: (suffix of length k, tag) -> strip the last `strip` bytes, add. */
static size_t word_rules(const char *lf, const char *ll, int t, kv *out, char **adds, size_t *nadds) {
  size_t n = strlen(lf), m = strlen(ll), cp = 0, k = 0;
  while (cp < n && cp < m && lf[cp] == ll[cp]) cp++;
  size_t strip = n - cp;
  if (strip > 20) return 0;
  char *add = strdup(ll + cp);
  adds[(*nadds)++] = add;
  for (size_t len = strip > 1 ? strip : 1; len <= 6 && len < n; len++)
    out[k++] = (kv){cb_syn_rule_key(lf + n - len, len, t), 0, add, (uint8_t)strip};
  return k;
}

void lex_rules(const tsent *s, size_t n, cb_buf *b) {
  size_t nw = 0, k = 0, nadds = 0;
  for (size_t i = 0; i < n; i++) nw += (size_t)s[i].n;
  char **types = calloc(nw + 1, sizeof *types), **adds = calloc(nw + 1, sizeof *adds);
  int nt = 0;
  for (size_t i = 0; i < n; i++)
    for (int j = 0; j < s[i].n; j++) {
      const cb_conllu_word *w = &s[i].src->w[j];
      if (cb_upos_parse(w->upos) == CB_UPOS_PROPN) continue;
      char *lf = lower(w->form), *ll = lower(w->lemma);
      types[nt] = malloc(strlen(lf) + strlen(ll) + 16);
      sprintf(types[nt++], "%s\x01%d\x01%s", lf, s[i].gtag[j], ll);
      free(lf); free(ll);
    }
  nt = uniq(types, nt);
  kv *e = calloc((size_t)nt * 6 + 1, sizeof *e);
  for (int i = 0; i < nt; i++) {
    char *a = types[i], *p = strchr(a, 1), *q = strchr(p + 1, 1);
    *p = *q = 0;
    k += word_rules(a, q + 1, atoi(p + 1), e + k, adds, &nadds);
  }
  size_t at = b->len;
  uint32_t cnt = 0;
  put_u32(b, 0);
  best_per_key(e, k, 2, emit_rule, b, &cnt);
  patch_count(b, at, cnt);
  for (int i = 0; i < nt; i++) free(types[i]);
  for (size_t i = 0; i < nadds; i++) free(adds[i]);
  free(types); free(adds); free(e);
}

void model_assemble(const tsets *ts, const cb_buf *tagger, const cb_buf *parser, const cb_buf *labeler,
                    const cb_buf *freq, const cb_buf *lemmas, const cb_buf *rules, cb_buf *out) {
  cb_buf_append(out, "CBSYNM01", 8);
  put_u32(out, (uint32_t)ts->ntags);
  for (int t = 0; t < ts->ntags; t++) {
    char *tab = strchr(ts->tags[t], '\t');
    *tab = 0;
    put_u8(out, (unsigned)cb_upos_parse(ts->tags[t]));
    *tab = '\t';
    put_str(out, tab + 1);
  }
  put_u32(out, (uint32_t)ts->nlabels);
  for (int l = 0; l < ts->nlabels; l++) put_str(out, ts->labels[l]);
  const cb_buf *parts[] = {tagger, parser, labeler, freq, lemmas, rules};
  for (int i = 0; i < 6; i++) cb_buf_append(out, parts[i]->ptr, parts[i]->len);
}

int model_load_raw(const cb_buf *raw, cb_syn_model *m) {
  void *mem = malloc(raw->len + 1);
  if (!mem) return -1;
  memcpy(mem, raw->ptr, raw->len);
  cb_error e;
  return cb_syn_model_load_raw(mem, raw->len, m, &e);
}
