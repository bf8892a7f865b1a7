/*
 * train.h - what the parts of cb-train-syntax share: the training perceptron (integer
 * weights with the averaging trick, exported pruned and quantised), the training
 * sentences, and the builders of the model's tables.
 */
#ifndef CB_SYN_TRAIN_H
#define CB_SYN_TRAIN_H
#include "syntax/syn_internal.h"
#include "core/buf.h"
#include <stdint.h>

/* ---- averaged perceptron --------------------------------------------------------------------- */
typedef struct tp {
  uint32_t ncls, nfeat, mask;
  uint32_t *slot_key, *slot_row;   /* open addressing: key -> row */
  uint32_t *row_key;               /* key of each row */
  int32_t *w;                      /* nfeat x ncls */
  int64_t *u;                      /* sum of (time x update) */
  int64_t c;                       /* examples seen */
} tp;

void tp_init(tp *p, uint32_t ncls);
void tp_free(tp *p);
void tp_score(const tp *p, const uint32_t *keys, size_t n, int64_t *score);
void tp_update(tp *p, const uint32_t *keys, size_t n, uint32_t cls, int delta);
/* Appends the classifier section (averaged, quantised, |q| < qmin dropped) to b. */
void tp_export(const tp *p, int qmin, cb_buf *b);
/* The same for the sum of k models (a bagged ensemble: one linear model). */
void tp_export_sum(const tp *const *ps, int k, int qmin, cb_buf *b);
/* An empty classifier section of ncls classes. */
void tp_export_empty(uint32_t ncls, cb_buf *b);

/* ---- data ---------------------------------------------------------------------------------------- */
typedef struct tsent {
  cb_syn_tok *w; int n;
  int *gtag, *ptag, *ptag2;   /* gold joint tag; predicted (jackknifed) tag and second best */
  int *gh, *gl;           /* gold head (n = root) and label, projectivized */
  const cb_conllu_sent *src;
} tsent;

typedef struct tsets {
  char **tags; int ntags;      /* "UPOS\tXPOS", sorted */
  uint8_t *upos;               /* the UPOS of each tag */
  char **labels; int nlabels;  /* "root" first, then sorted */
} tsets;

void put_u8(cb_buf *b, unsigned v);
void put_u32(cb_buf *b, uint32_t v);
void put_u64(cb_buf *b, uint64_t v);
void put_str(cb_buf *b, const char *s);

/* lexicon.c: the tables learned by counting. */
void lex_sets(const cb_conllu_sent *s, size_t n, tsets *out);
int lex_find(char **arr, int n, const char *s);
/* Frequent-tag lexicon of the sentences idx[0..n) (min count mincount) as a model section. */
void lex_freq_tags(const tsent *s, const size_t *idx, size_t n, int mincount, cb_buf *b);
void lex_lemmas(const tsent *s, size_t n, cb_buf *b);
void lex_rules(const tsent *s, size_t n, cb_buf *b);

/* The model bytes (inflated) from its sections. */
void model_assemble(const tsets *ts, const cb_buf *tagger, const cb_buf *parser, const cb_buf *labeler,
                    const cb_buf *freq, const cb_buf *lemmas, const cb_buf *rules, cb_buf *out);
int model_load_raw(const cb_buf *raw, cb_syn_model *m);

/* Deterministic random numbers. */
uint64_t rnd_next(uint64_t *s);
void rnd_shuffle(size_t *a, size_t n, uint64_t *s);
#endif
