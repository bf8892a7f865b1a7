/*
 * train_parser.c - training the arc-eager parser and its arc labeler: an averaged
 * perceptron over the Zhang & Nivre features with the dynamic oracle of Goldberg & Nivre
 * (2012) (the cost of an action is the number of gold arcs it makes unreachable), exploring
 * the model's own mistakes from the second epoch (p = 0.9). The epoch count is chosen by
 * labelled attachment on dev, parsed through the library's own code from the exported model.
 */
#include "train.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Quantised weights under these (of 32767, the largest) are dropped: chosen on dev for a
 * model of a few MB at < 0.2 point of attachment score. */
enum { QMIN_PARSER = 500, QMIN_LABELER = 500 };

typedef struct oracle { const int *gh; char *in_stack; } oracle;
static long g_oracle_miss;   /* epoch 1 follows the oracle: heads that differ from gold (0 if sound) */

static int count_deps_in_buffer(const cb_syn_state *s, const int *gh, int h) {
  int c = 0;
  for (int k = s->b; k < s->n; k++) c += gh[k] == h;
  return c;
}
static int count_headless_stack_deps(const cb_syn_state *s, const int *gh, int h) {
  int c = 0;
  for (int i = 0; i < s->nstack; i++) {
    int k = s->stack[i];
    c += gh[k] == h && s->w[k].head < 0;
  }
  return c;
}

/* Gold arcs made unreachable by the action. */
static int cost(const cb_syn_state *s, const oracle *o, int act) {
  int s0 = s->nstack ? s->stack[s->nstack - 1] : -1, b = s->b, n = s->n;
  const int *gh = o->gh;
  switch (act) {
  case CB_SYN_LEFT:
    return (gh[s0] != b && gh[s0] >= b) + count_deps_in_buffer(s, gh, s0);
  case CB_SYN_RIGHT:
    return (gh[b] != s0 && (o->in_stack[gh[b]] || gh[b] > b)) + count_headless_stack_deps(s, gh, b);
  case CB_SYN_REDUCE:
    return count_deps_in_buffer(s, gh, s0);
  case CB_SYN_SHIFT:
    return (gh[b] < n && o->in_stack[gh[b]]) + count_headless_stack_deps(s, gh, b);
  }
  return 0;
}

static int label_arc(tp *lp, cb_syn_state *s, const tsent *t, int h, int d, const uint32_t *pk, size_t npk) {
  if (h >= s->n) return 0;
  uint32_t keys[2 * CB_SYN_MAX_FEATS];
  int64_t score[256] = {0};
  size_t nk = cb_syn_label_feats(s, h, d, pk, npk, keys);
  tp_score(lp, keys, nk, score);
  int best = 1;
  for (uint32_t l = 2; l < lp->ncls; l++) if (score[l] > score[best]) best = (int)l;
  if (t->gh[d] == h && t->gl[d] > 0) {
    if (best != t->gl[d]) {
      tp_update(lp, keys, nk, (uint32_t)t->gl[d], 1);
      tp_update(lp, keys, nk, (uint32_t)best, -1);
    }
    lp->c++;
  }
  return best;
}

/* The zero-cost (least-cost) action with the best score, and the predicted legal action. */
static void choose(const cb_syn_state *s, const oracle *o, const int64_t *score, int *gold, int *pred,
                   int *pred_ok) {
  int c[CB_SYN_NACT], minc = 1 << 30;
  *gold = *pred = -1;
  for (int a = 0; a < CB_SYN_NACT; a++) {
    c[a] = cb_syn_legal(s, a) ? cost(s, o, a) : -1;
    if (c[a] >= 0 && c[a] < minc) minc = c[a];
  }
  for (int a = 0; a < CB_SYN_NACT; a++) {
    if (c[a] < 0) continue;
    if (*pred < 0 || score[a] > score[*pred]) *pred = a;
    if (c[a] == minc && (*gold < 0 || score[a] > score[*gold])) *gold = a;
  }
  *pred_ok = c[*pred] == minc;
}

static void train_sentence(tp *pp, tp *lp, tsent *t, int epoch, uint64_t *rng, const uint8_t *upos) {
  cb_arena *a = cb_arena_new(0);
  cb_syn_state s;
  for (int i = 0; i < t->n; i++) { t->w[i].tag = t->ptag[i]; t->w[i].tag2 = t->ptag2[i]; }
  if (cb_syn_state_init(&s, a, t->w, t->n, upos)) abort();
  oracle o = {t->gh, calloc((size_t)t->n + 1, 1)};
  uint32_t keys[CB_SYN_MAX_FEATS];
  while (!cb_syn_done(&s)) {
    int64_t score[CB_SYN_NACT] = {0};
    size_t nk = cb_syn_parse_feats(&s, keys);
    tp_score(pp, keys, nk, score);
    int gold, pred, ok;
    choose(&s, &o, score, &gold, &pred, &ok);
    if (!ok) {
      tp_update(pp, keys, nk, (uint32_t)gold, 1);
      tp_update(pp, keys, nk, (uint32_t)pred, -1);
    }
    pp->c++;
    int act = ok || (epoch > 1 && rnd_next(rng) % 10 < 9) ? pred : gold;
    int s0 = s.nstack ? s.stack[s.nstack - 1] : -1, lab = -1;
    if (act == CB_SYN_LEFT) lab = label_arc(lp, &s, t, s.b, s0, keys, nk);
    if (act == CB_SYN_RIGHT) lab = label_arc(lp, &s, t, s0, s.b, keys, nk);
    if (act == CB_SYN_SHIFT || act == CB_SYN_RIGHT) o.in_stack[s.b] = 1;
    if (act == CB_SYN_REDUCE || act == CB_SYN_LEFT) o.in_stack[s0] = 0;
    cb_syn_apply(&s, act, lab);
  }
  for (int i = 0; epoch == 1 && i < t->n; i++) g_oracle_miss += t->w[i].head != t->gh[i];
  free(o.in_stack);
  cb_arena_free(a);
}

static int same_label(const char *a, const char *b) {
  size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
  return la == lb && strncmp(a, b, la) == 0;
}

/* Parses dev with the model m (tags predicted); LAS on universal labels, UAS in *uas. */
static double dev_las(const cb_syn_model *m, tsent *dev, size_t ndev, const tsets *ts, double *uas) {
  size_t all = 0, u = 0, l = 0;
  for (size_t q = 0; q < ndev; q++) {
    tsent *t = &dev[q];
    if (t->n > CB_SYN_MAX_WORDS) continue;
    cb_arena *a = cb_arena_new(0);
    for (int i = 0; i < t->n; i++) { t->w[i].tag = t->ptag[i]; t->w[i].tag2 = t->ptag2[i]; }
    cb_syn_parse_words(m, a, t->w, t->n);
    for (int i = 0; i < t->n; i++) {
      int gh = t->src->w[i].head - 1, ph = t->w[i].head >= t->n ? -1 : t->w[i].head;
      all++;
      if (gh != ph) continue;
      u++;
      l += same_label(m->label[t->w[i].label], t->src->w[i].deprel);
    }
    cb_arena_free(a);
  }
  (void)ts;
  *uas = 100.0 * (double)u / (double)all;
  return 100.0 * (double)l / (double)all;
}

/* One epoch of parser k of the ensemble, in its own order. */
static void parser_epoch(tp *pp, tp *lp, tsent *train, size_t *idx, size_t ntrain, int ep, uint64_t *rng,
                         uint64_t *erng, const uint8_t *upos) {
  rnd_shuffle(idx, ntrain, rng);
  for (size_t q = 0; q < ntrain; q++)
    if (train[idx[q]].n <= CB_SYN_MAX_WORDS) train_sentence(pp, lp, &train[idx[q]], ep, erng, upos);
}

void train_parser_run(tsent *train, size_t ntrain, tsent *dev, size_t ndev, const tsets *ts, int max_epochs,
                      int bag, cb_buf *parser_out, cb_buf *labeler_out, const cb_buf *fixed[4]) {
  tp pp[4], lp[4];
  const tp *ppp[4], *lpp[4];
  size_t *idx[4];
  uint64_t rng[4], erng[4];
  for (int k = 0; k < bag; k++) {
    tp_init(&pp[k], CB_SYN_NACT);
    tp_init(&lp[k], (uint32_t)ts->nlabels);
    ppp[k] = &pp[k]; lpp[k] = &lp[k];
    idx[k] = malloc((ntrain + 1) * sizeof *idx[k]);
    for (size_t i = 0; i < ntrain; i++) idx[k][i] = i;
    rng[k] = 987654321 + 1000 * (uint64_t)k;
    erng[k] = 4242 + 7 * (uint64_t)k;
  }
  double best = -1;
  int best_ep = 0;
  for (int ep = 1; ep <= max_epochs; ep++) {
    for (int k = 0; k < bag; k++)
      parser_epoch(&pp[k], &lp[k], train, idx[k], ntrain, ep, &rng[k], &erng[k], ts->upos);
    cb_buf p, l, raw;
    cb_buf_init(&p); cb_buf_init(&l); cb_buf_init(&raw);
    tp_export_sum(ppp, bag, QMIN_PARSER, &p);
    tp_export_sum(lpp, bag, QMIN_LABELER, &l);
    model_assemble(ts, fixed[0], &p, &l, fixed[1], fixed[2], fixed[3], &raw);
    cb_syn_model m;
    if (model_load_raw(&raw, &m)) { fprintf(stderr, "cannot load the exported model\n"); abort(); }
    double uas, las = dev_las(&m, dev, ndev, ts, &uas);
    if (ep == 1) fprintf(stderr, "oracle check: %ld heads off the projectivized gold\n", g_oracle_miss);
    fprintf(stderr, "parser epoch %d: dev UAS %.2f LAS %.2f, %u+%u features kept, %zu bytes (%.0fs)\n", ep,
            uas, las, m.parser.nfeat, m.labeler.nfeat, p.len + l.len, (double)clock() / CLOCKS_PER_SEC);
    cb_syn_model_free(&m);
    if (las > best) {
      best = las; best_ep = ep;
      cb_buf_reset(parser_out); cb_buf_append(parser_out, p.ptr, p.len);
      cb_buf_reset(labeler_out); cb_buf_append(labeler_out, l.ptr, l.len);
    }
    cb_buf_free(&p); cb_buf_free(&l); cb_buf_free(&raw);
    if (ep - best_ep >= 4) break;
  }
  fprintf(stderr, "parser: %d epochs (dev LAS %.2f)\n", best_ep, best);
  for (int k = 0; k < bag; k++) { free(idx[k]); tp_free(&pp[k]); tp_free(&lp[k]); }
}
