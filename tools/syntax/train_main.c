/*
 * train_main.c - cb-train-syntax: trains the tagger and the parser of src/syntax/ on a UD
 * treebank and writes the model file. The number of epochs of each is chosen on the dev
 * set; the parser learns from jackknifed (4-fold) predicted tags with a dynamic oracle
 * (Goldberg & Nivre 2012). Single-threaded, fixed seeds: the same treebank gives the same
 * model byte for byte.
 *
 *   cb-train-syntax --train TRAIN.conllu --dev DEV.conllu -o data/syntax/en_ewt.model
 */
#include "train.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

void train_parser_run(tsent *train, size_t ntrain, tsent *dev, size_t ndev, const tsets *ts, int max_epochs,
                      int bag, cb_buf *parser_out, cb_buf *labeler_out, const cb_buf *fixed[4]);

enum { QMIN_TAGGER = 100 };   /* quantised weights under this are dropped (see train_parser.c) */
enum { TAG_BAG = 2 };         /* taggers trained in different orders, summed into one */

typedef struct corpus { cb_conllu_sent *src; size_t n; tsent *s; } corpus;

static double now(void) { return (double)clock() / CLOCKS_PER_SEC; }

static int dominated(const int *gh, int n, int h, int k) {
  for (int steps = 0; k >= 0 && k < n && steps <= n; steps++) {
    if (gh[k] == h) return 1;
    k = gh[k];
  }
  return h == n;
}

/* Lifts non-projective arcs to the grandparent, shortest first, until the tree is projective. */
static void projectivize(int *gh, int n) {
  for (int round = 0; round < 4 * n; round++) {
    int best = -1, blen = 1 << 30;
    for (int d = 0; d < n; d++) {
      int h = gh[d], lo = d < h ? d : h, hi = d < h ? h : d;
      if (h < 0 || h >= n) continue;
      for (int k = lo + 1; k < hi; k++)
        if (!dominated(gh, n, h, k)) { if (hi - lo < blen) { blen = hi - lo; best = d; } break; }
    }
    if (best < 0) return;
    gh[best] = gh[gh[best]];
  }
}

static void corpus_build(corpus *c, cb_arena *a, const tsets *ts) {
  c->s = cb_arena_calloc(a, c->n + 1, sizeof *c->s);
  char tag[256];
  for (size_t i = 0; i < c->n; i++) {
    const cb_conllu_sent *src = &c->src[i];
    tsent *s = &c->s[i];
    int n = (int)src->n;
    s->src = src;
    s->n = n;
    s->w = cb_arena_calloc(a, (size_t)n + 1, sizeof *s->w);
    int *ints = cb_arena_calloc(a, 5 * ((size_t)n + 1), sizeof(int));
    s->gtag = ints; s->ptag = ints + n + 1; s->gh = ints + 2 * (n + 1); s->gl = ints + 3 * (n + 1);
    s->ptag2 = ints + 4 * (n + 1);
    for (int j = 0; j < n; j++) {
      const cb_conllu_word *w = &src->w[j];
      cb_syn_tok_init(&s->w[j], w->form, strlen(w->form));
      snprintf(tag, sizeof tag, "%s\t%s", w->upos, w->xpos);
      s->gtag[j] = lex_find(ts->tags, ts->ntags, tag);
      s->gh[j] = w->head <= 0 || w->head > n ? n : w->head - 1;
      s->gl[j] = strcmp(w->deprel, "root") ? lex_find(ts->labels + 1, ts->nlabels - 1, w->deprel) + 1 : 0;
      if (s->gl[j] == 0 && s->gh[j] != n) s->gl[j] = -1;
    }
    projectivize(s->gh, n);
  }
}

static int load_corpus(cb_arena *a, const char *path, corpus *c) {
  cb_error e;
  c->n = cb_conllu_read(a, path, &c->src, &e);
  if (c->n == (size_t)-1 || c->n == 0) {
    fprintf(stderr, "cb-train-syntax: %s: %s\n", path, c->n ? e.msg : "no sentences");
    return -1;
  }
  return 0;
}

/* A model made of the sections given (empty classifiers for NULL). */
static int make_model(const tsets *ts, const cb_buf *tagger, const cb_buf *freq, cb_syn_model *m) {
  cb_buf t, p, l, z, out;
  cb_buf_init(&t); cb_buf_init(&p); cb_buf_init(&l); cb_buf_init(&z); cb_buf_init(&out);
  if (!tagger) tp_export_empty((uint32_t)ts->ntags, &t);
  tp_export_empty(CB_SYN_NACT, &p);
  tp_export_empty((uint32_t)ts->nlabels, &l);
  put_u32(&z, 0);
  model_assemble(ts, tagger ? tagger : &t, &p, &l, freq, &z, &z, &out);
  int rc = model_load_raw(&out, m);
  cb_buf_free(&t); cb_buf_free(&p); cb_buf_free(&l); cb_buf_free(&z); cb_buf_free(&out);
  return rc;
}

/* Tags word i of t with the current weights and learns from the gold tag. */
static void tagger_step(tp *p, tsent *t, int i, const int *ft) {
  uint32_t keys[CB_SYN_MAX_FEATS];
  int64_t score[256] = {0};
  size_t nk = cb_syn_tag_feats(NULL, t->w, (size_t)t->n, (size_t)i, ft, keys);
  tp_score(p, keys, nk, score);
  int best = 0;
  for (uint32_t c = 1; c < p->ncls; c++) if (score[c] > score[best]) best = (int)c;
  if (best != t->gtag[i] && t->gtag[i] >= 0) {
    tp_update(p, keys, nk, (uint32_t)t->gtag[i], 1);
    tp_update(p, keys, nk, (uint32_t)best, -1);
  }
  t->w[i].tag = best;
  p->c++;
}

static void tagger_epoch(tp *p, tsent *s, size_t *idx, size_t n, uint64_t *rng, const cb_syn_model *lm) {
  int ft[CB_SYN_MAX_WORDS];
  rnd_shuffle(idx, n, rng);
  for (size_t q = 0; q < n; q++) {
    tsent *t = &s[idx[q]];
    if (t->n > CB_SYN_MAX_WORDS) continue;
    cb_syn_freq_tags(lm, t->w, (size_t)t->n, ft);
    for (int i = 0; i < t->n; i++) t->w[i].tag1 = -1;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < t->n; i++) tagger_step(p, t, i, ft);
      for (int i = 0; i < t->n && pass == 0; i++) t->w[i].tag1 = t->w[i].tag;
    }
  }
}

/* Tags s[idx] with model m into ptag; returns the accuracy against gtag. */
static double tag_with(const cb_syn_model *m, tsent *s, const size_t *idx, size_t n) {
  size_t ok = 0, all = 0;
  for (size_t q = 0; q < n; q++) {
    tsent *t = &s[idx ? idx[q] : q];
    for (int off = 0; off < t->n; off += CB_SYN_MAX_WORDS) {
      int k = t->n - off < CB_SYN_MAX_WORDS ? t->n - off : CB_SYN_MAX_WORDS;
      cb_syn_tag(m, t->w + off, (size_t)k);
    }
    for (int i = 0; i < t->n; i++) {
      t->ptag[i] = t->w[i].tag;
      t->ptag2[i] = t->w[i].tag2;
      ok += t->ptag[i] == t->gtag[i];
      all++;
    }
  }
  return all ? 100.0 * (double)ok / (double)all : 0;
}

static size_t *range(size_t n) {
  size_t *idx = malloc((n + 1) * sizeof *idx);
  for (size_t i = 0; i < n; i++) idx[i] = i;
  return idx;
}

/* Trains the tagger on s[idx[0..n)]; epochs 0: choose on dev (then *epochs says how many). */
static void train_tagger(const tsets *ts, tsent *s, size_t *idx, size_t n, corpus *dev, int *epochs,
                         cb_buf *out, cb_buf *freq) {
  cb_syn_model lm;
  lex_freq_tags(s, idx, n, 3, freq);
  make_model(ts, NULL, freq, &lm);
  tp p[TAG_BAG];
  const tp *pp[TAG_BAG];
  uint64_t rng[TAG_BAG];
  for (int k = 0; k < TAG_BAG; k++) {
    tp_init(&p[k], (uint32_t)ts->ntags);
    pp[k] = &p[k];
    rng[k] = 12345 + 99 * (uint64_t)k;
  }
  double best = -1;
  int max = *epochs ? *epochs : 20, best_ep = 0;
  for (int ep = 1; ep <= max; ep++) {
    for (int k = 0; k < TAG_BAG; k++) tagger_epoch(&p[k], s, idx, n, &rng[k], &lm);
    if (*epochs) continue;
    cb_buf t; cb_buf_init(&t);
    tp_export_sum(pp, TAG_BAG, QMIN_TAGGER, &t);
    cb_syn_model m;
    make_model(ts, &t, freq, &m);
    double acc = tag_with(&m, dev->s, NULL, dev->n);
    fprintf(stderr, "tagger epoch %d: dev joint tag accuracy %.2f (%.0fs)\n", ep, acc, now());
    cb_syn_model_free(&m);
    if (acc > best) { best = acc; best_ep = ep; cb_buf_reset(out); cb_buf_append(out, t.ptr, t.len); }
    cb_buf_free(&t);
    if (ep - best_ep >= 3) break;
  }
  if (*epochs) tp_export_sum(pp, TAG_BAG, QMIN_TAGGER, out);
  else *epochs = best_ep;
  for (int k = 0; k < TAG_BAG; k++) tp_free(&p[k]);
  cb_syn_model_free(&lm);
}

/* 4-fold jackknifing: each quarter of train tagged by a tagger trained on the rest. */
static void jackknife(const tsets *ts, corpus *tr, int epochs) {
  for (size_t f = 0; f < 4; f++) {
    size_t *in = malloc(tr->n * sizeof *in), *out = malloc(tr->n * sizeof *out), ni = 0, no = 0;
    for (size_t i = 0; i < tr->n; i++) { if (i % 4 == f) out[no++] = i; else in[ni++] = i; }
    cb_buf t, fq;
    cb_buf_init(&t); cb_buf_init(&fq);
    int ep = epochs;
    train_tagger(ts, tr->s, in, ni, NULL, &ep, &t, &fq);
    cb_syn_model m;
    make_model(ts, &t, &fq, &m);
    double acc = tag_with(&m, tr->s, out, no);
    fprintf(stderr, "jackknife fold %zu: accuracy %.2f (%.0fs)\n", f, acc, now());
    cb_syn_model_free(&m);
    cb_buf_free(&t); cb_buf_free(&fq);
    free(in); free(out);
  }
}

static int write_model(const char *path, const cb_buf *raw) {
  uLongf zn = compressBound((uLong)raw->len);
  unsigned char *z = malloc(zn);
  if (!z || compress2(z, &zn, (const Bytef *)raw->ptr, (uLong)raw->len, 9) != Z_OK) return -1;
  FILE *f = fopen(path, "wb");
  if (!f) { free(z); return -1; }
  cb_buf h; cb_buf_init(&h);
  cb_buf_append(&h, "CBSYNZ01", 8);
  put_u64(&h, raw->len);
  int ok = fwrite(h.ptr, 1, h.len, f) == h.len && fwrite(z, 1, zn, f) == zn;
  ok &= fclose(f) == 0;
  fprintf(stderr, "wrote %s: %lu bytes (%zu inflated)\n", path, (unsigned long)(zn + 16), raw->len);
  cb_buf_free(&h);
  free(z);
  return ok ? 0 : -1;
}

int main(int argc, char **argv) {
  const char *train = NULL, *devp = NULL, *out = NULL;
  int pepochs = 20, bag = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--train")) train = argv[i + 1];
    else if (!strcmp(argv[i], "--dev")) devp = argv[i + 1];
    else if (!strcmp(argv[i], "-o")) out = argv[i + 1];
    else if (!strcmp(argv[i], "--parser-epochs")) pepochs = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--bag")) bag = atoi(argv[i + 1]);
  }
  if (bag < 1) bag = 1;
  if (bag > 4) bag = 4;
  if (!train || !devp || !out) {
    fprintf(stderr, "usage: cb-train-syntax --train T.conllu --dev D.conllu -o MODEL [--parser-epochs N]"
                    " [--bag K]\n");
    return 2;
  }
  cb_arena *a = cb_arena_new(1 << 22);
  corpus tr = {0}, dev = {0};
  if (load_corpus(a, train, &tr) || load_corpus(a, devp, &dev)) return 1;
  tsets ts;
  lex_sets(tr.src, tr.n, &ts);
  fprintf(stderr, "%zu train, %zu dev sentences; %d tags, %d labels\n", tr.n, dev.n, ts.ntags, ts.nlabels);
  corpus_build(&tr, a, &ts);
  corpus_build(&dev, a, &ts);
  cb_buf tagger, freq, lemmas, rules, parser, labeler, raw;
  cb_buf_init(&tagger); cb_buf_init(&freq); cb_buf_init(&lemmas); cb_buf_init(&rules);
  cb_buf_init(&parser); cb_buf_init(&labeler); cb_buf_init(&raw);
  size_t *all = range(tr.n);
  int tepochs = 0;
  train_tagger(&ts, tr.s, all, tr.n, &dev, &tepochs, &tagger, &freq);
  fprintf(stderr, "tagger: %d epochs\n", tepochs);
  cb_syn_model tm;
  make_model(&ts, &tagger, &freq, &tm);
  tag_with(&tm, dev.s, NULL, dev.n);
  cb_syn_model_free(&tm);
  jackknife(&ts, &tr, tepochs);
  lex_lemmas(tr.s, tr.n, &lemmas);
  lex_rules(tr.s, tr.n, &rules);
  const cb_buf *fixed[4] = {&tagger, &freq, &lemmas, &rules};
  train_parser_run(tr.s, tr.n, dev.s, dev.n, &ts, pepochs, bag, &parser, &labeler, fixed);
  model_assemble(&ts, &tagger, &parser, &labeler, &freq, &lemmas, &rules, &raw);
  int rc = write_model(out, &raw) ? 1 : 0;
  if (rc) fprintf(stderr, "cb-train-syntax: cannot write %s\n", out);
  free(all);
  cb_arena_free(a);
  return rc;
}
