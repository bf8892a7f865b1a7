/*
 * parser.c - greedy arc-eager dependency parsing (Nivre 2003) with the root at the end of
 * the buffer (Ballesteros & Nivre 2013): the transitions, the Zhang & Nivre (2011) feature
 * templates hashed for an averaged-perceptron action classifier, and a second classifier
 * that labels each arc when it is made (head, dependent, their children so far).
 */
#include "syntax/syn_internal.h"
#include <string.h>

int cb_syn_state_init(cb_syn_state *s, cb_arena *a, cb_syn_tok *w, int n, const uint8_t *tag_upos) {
  memset(s, 0, sizeof *s);
  s->tag_upos = tag_upos;
  s->w = w;
  s->n = n;
  size_t m = (size_t)n + 1;
  s->stack = cb_arena_alloc(a, m * sizeof(int));
  int *ints = cb_arena_alloc(a, 6 * m * sizeof(int));
  uint64_t *sets = cb_arena_calloc(a, 2 * m, sizeof(uint64_t));
  if (!s->stack || !ints || !sets) return CB_ENOMEM;
  for (size_t i = 0; i < 4 * m; i++) ints[i] = -1;
  memset(ints + 4 * m, 0, 2 * m * sizeof(int));
  s->lc = ints; s->lc2 = ints + m; s->rc = ints + 2 * m; s->rc2 = ints + 3 * m;
  s->nl = ints + 4 * m; s->nr = ints + 5 * m;
  s->lset = sets; s->rset = sets + m;
  for (int i = 0; i < n; i++) { w[i].head = -1; w[i].label = -1; }
  return 0;
}

int cb_syn_done(const cb_syn_state *s) { return s->nstack == 0 && s->b >= s->n; }

int cb_syn_legal(const cb_syn_state *s, int act) {
  int s0 = s->nstack ? s->stack[s->nstack - 1] : -1;
  switch (act) {
  case CB_SYN_SHIFT: return s->b < s->n;
  case CB_SYN_REDUCE: return s0 >= 0 && s->w[s0].head >= 0;
  case CB_SYN_LEFT: return s0 >= 0 && s->w[s0].head < 0;
  case CB_SYN_RIGHT: return s0 >= 0 && s->b < s->n;
  }
  return 0;
}

static void add_arc(cb_syn_state *s, int h, int d, int lab) {
  s->w[d].head = h;
  s->w[d].label = lab;
  uint64_t bit = (uint64_t)1 << (lab & 63);
  if (d < h) {
    s->nl[h]++;
    s->lset[h] |= bit;
    if (s->lc[h] < 0 || d < s->lc[h]) { s->lc2[h] = s->lc[h]; s->lc[h] = d; }
    else if (s->lc2[h] < 0 || d < s->lc2[h]) s->lc2[h] = d;
  } else {
    s->nr[h]++;
    s->rset[h] |= bit;
    if (d > s->rc[h]) { s->rc2[h] = s->rc[h]; s->rc[h] = d; }
    else if (d > s->rc2[h]) s->rc2[h] = d;
  }
}

void cb_syn_apply(cb_syn_state *s, int act, int lab) {
  int s0 = s->nstack ? s->stack[s->nstack - 1] : -1;
  switch (act) {
  case CB_SYN_SHIFT: s->stack[s->nstack++] = s->b++; break;
  case CB_SYN_REDUCE: s->nstack--; break;
  case CB_SYN_LEFT: add_arc(s, s->b, s0, lab); s->nstack--; break;
  case CB_SYN_RIGHT: add_arc(s, s0, s->b, lab); s->stack[s->nstack++] = s->b++; break;
  }
}

/* ---- features --------------------------------------------------------------------------------------- */
enum { ROOT_W = 0x77, ROOT_P = 3000 };

static uint64_t W(const cb_syn_state *s, int x) { return x < 0 ? 0 : x >= s->n ? ROOT_W : s->w[x].h_low; }
static uint64_t P(const cb_syn_state *s, int x) {
  return x < 0 ? 0 : x >= s->n ? ROOT_P : (uint64_t)s->w[x].tag + 2;
}
static uint64_t L(const cb_syn_state *s, int x) {
  return x < 0 || x >= s->n || s->w[x].head < 0 ? 0 : (uint64_t)s->w[x].label + 1;
}
static uint64_t P2(const cb_syn_state *s, int x) {
  return x < 0 ? 0 : x >= s->n ? ROOT_P : (uint64_t)s->w[x].tag2 + 2;
}
static uint64_t U(const cb_syn_state *s, int x) {
  return x < 0 ? 0 : x >= s->n ? 40 : (uint64_t)s->tag_upos[s->w[x].tag] + 2;
}
static uint64_t WP(const cb_syn_state *s, int x) { return cb_syn_mix(W(s, x), P(s, x)); }
static int head_of(const cb_syn_state *s, int x) { return x < 0 || x >= s->n ? -1 : s->w[x].head; }
static int at(const int *arr, int x) { return x < 0 ? -1 : arr[x]; }
static uint64_t dist(int a, int b, int n) {
  if (a < 0 || b < 0) return 0;
  if (b >= n) return 20;
  int d = b - a;
  return (uint64_t)(d > 10 ? 10 : d);
}

/* What lies between s0 and n0: the UPOS seen (bit set), commas and verbs. */
static void between(const cb_syn_state *s, int s0, int n0, uint64_t *upos, uint64_t *commas,
                    uint64_t *verbs) {
  *upos = *commas = *verbs = 0;
  if (s0 < 0) return;
  int end = n0 - s0 > 40 ? s0 + 40 : n0;
  for (int i = s0 + 1; i < end && i < s->n; i++) {
    int u = s->tag_upos[s->w[i].tag];
    *upos |= (uint64_t)1 << u;
    *commas += s->w[i].n == 1 && (s->w[i].form[0] == ',' || s->w[i].form[0] == ';');
    *verbs += u == CB_UPOS_VERB;
  }
  if (*commas > 3) *commas = 3;
  if (*verbs > 2) *verbs = 2;
}

size_t cb_syn_parse_feats(const cb_syn_state *s, uint32_t *k) {
  int n = s->n, s0 = s->nstack ? s->stack[s->nstack - 1] : -1;
  int s1 = s->nstack > 1 ? s->stack[s->nstack - 2] : -1;
  int n0 = s->b, n1 = s->b + 1 <= n ? s->b + 1 : -1, n2 = s->b + 2 <= n ? s->b + 2 : -1;
  int s0h = head_of(s, s0), s0h2 = head_of(s, s0h);
  int s0l = at(s->lc, s0), s0r = at(s->rc, s0), s0l2 = at(s->lc2, s0), s0r2 = at(s->rc2, s0);
  int n0l = at(s->lc, n0), n0l2 = at(s->lc2, n0);
  uint64_t d = dist(s0, n0, n);
  uint64_t vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 99, vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 99;
  uint64_t nvl = (uint64_t)s->nl[n0], sr = s0 >= 0 ? s->rset[s0] : 1, sl = s0 >= 0 ? s->lset[s0] : 1;
  uint64_t nsl = s->lset[n0];
  size_t c = 0;
#define F1(t, a) k[c++] = cb_syn_key(t, a, 0, 0)
#define F2(t, a, b) k[c++] = cb_syn_key(t, a, b, 0)
#define F3(t, a, b, x) k[c++] = cb_syn_key(t, a, b, x)
  F1(1, W(s, s0)); F1(2, P(s, s0)); F1(3, WP(s, s0)); F1(4, W(s, n0)); F1(5, P(s, n0)); F1(6, WP(s, n0));
  F1(7, W(s, n1)); F1(8, P(s, n1)); F1(9, WP(s, n1)); F1(10, W(s, n2)); F1(11, P(s, n2)); F1(12, WP(s, n2));
  F2(13, WP(s, s0), WP(s, n0)); F2(14, WP(s, s0), W(s, n0)); F2(15, W(s, s0), WP(s, n0));
  F2(16, WP(s, s0), P(s, n0)); F2(17, P(s, s0), WP(s, n0)); F2(18, W(s, s0), W(s, n0));
  F2(19, P(s, s0), P(s, n0)); F2(20, P(s, n0), P(s, n1));
  F3(21, P(s, n0), P(s, n1), P(s, n2)); F3(22, P(s, s0), P(s, n0), P(s, n1));
  F3(23, P(s, s0h), P(s, s0), P(s, n0)); F3(24, P(s, s0), P(s, s0l), P(s, n0));
  F3(25, P(s, s0), P(s, s0r), P(s, n0)); F3(26, P(s, s0), P(s, n0), P(s, n0l));
  F2(27, W(s, s0), d); F2(28, P(s, s0), d); F2(29, W(s, n0), d); F2(30, P(s, n0), d);
  F3(31, W(s, s0), W(s, n0), d); F3(32, P(s, s0), P(s, n0), d);
  F2(33, W(s, s0), vr); F2(34, P(s, s0), vr); F2(35, W(s, s0), vl); F2(36, P(s, s0), vl);
  F2(37, W(s, n0), nvl); F2(38, P(s, n0), nvl);
  F1(39, W(s, s0h)); F1(40, P(s, s0h)); F1(41, L(s, s0)); F1(42, W(s, s0l)); F1(43, P(s, s0l));
  F1(44, L(s, s0l)); F1(45, W(s, s0r)); F1(46, P(s, s0r)); F1(47, L(s, s0r)); F1(48, W(s, n0l));
  F1(49, P(s, n0l)); F1(50, L(s, n0l));
  F1(51, W(s, s0h2)); F1(52, P(s, s0h2)); F1(53, L(s, s0h)); F1(54, W(s, s0l2)); F1(55, P(s, s0l2));
  F1(56, L(s, s0l2)); F1(57, W(s, s0r2)); F1(58, P(s, s0r2)); F1(59, L(s, s0r2)); F1(60, W(s, n0l2));
  F1(61, P(s, n0l2)); F1(62, L(s, n0l2));
  F3(63, P(s, s0), P(s, s0l), P(s, s0l2)); F3(64, P(s, s0), P(s, s0r), P(s, s0r2));
  F3(65, P(s, s0), P(s, s0h), P(s, s0h2)); F3(66, P(s, n0), P(s, n0l), P(s, n0l2));
  F2(67, W(s, s0), sr); F2(68, P(s, s0), sr); F2(69, W(s, s0), sl); F2(70, P(s, s0), sl);
  F2(71, W(s, n0), nsl); F2(72, P(s, n0), nsl);
  F1(73, P(s, s1)); F1(74, W(s, s1)); F3(75, P(s, s1), P(s, s0), P(s, n0));
  F2(76, s0 >= 0 && s->w[s0].head >= 0, P(s, n0)); F1(77, 1);
  F3(78, P(s, s0), s0 >= 0 && s->w[s0].head >= 0, P(s, n0));
  F2(79, P(s, n0 - 1 >= 0 && n0 - 1 != s0 ? n0 - 1 : -1), P(s, n0));
  F2(80, U(s, s0), U(s, n0)); F3(81, U(s, s0), U(s, n0), U(s, n1)); F3(82, U(s, s1), U(s, s0), U(s, n0));
  F3(83, W(s, s0), U(s, n0), U(s, n1)); F2(84, W(s, n0), W(s, n1)); F2(85, W(s, n0), P(s, n1));
  F2(86, P(s, n0), W(s, n1)); F3(87, W(s, s0), P(s, n0), P(s, n1)); F3(88, P(s, s0), W(s, n0), P(s, n1));
  F3(89, cb_syn_mix(P(s, s0), P(s, s0l)), P(s, s0r), P(s, n0)); F3(90, U(s, s0), U(s, s0h), U(s, n0));
  F2(91, W(s, s1), W(s, s0)); F2(92, P(s, s1), P(s, s0)); F2(93, n0 == n - 1, P(s, n0));
  F2(94, s->nstack > 4 ? 4 : s->nstack, P(s, n0)); F3(95, P(s, s1), W(s, s0), P(s, n0));
  uint64_t bu, bc, bv;
  between(s, s0, n0, &bu, &bc, &bv);
  F3(96, bu, U(s, s0), U(s, n0)); F3(97, bc, P(s, s0), P(s, n0));
  F3(98, bv, d, cb_syn_mix(U(s, s0), U(s, n0)));
  F3(99, bc, bv, d); F3(100, W(s, s0), W(s, s0l), P(s, n0));
  F2(101, P2(s, s0), P(s, n0)); F2(102, P(s, s0), P2(s, n0)); F2(103, P2(s, n0), P(s, n1));
  F2(104, P(s, s0), P2(s, s0)); F2(105, P(s, n0), P2(s, n0)); F3(106, W(s, n0), P(s, n0), P2(s, n0));
  return c;
}

size_t cb_syn_label_feats(const cb_syn_state *s, int h, int d, const uint32_t *pk, size_t npk, uint32_t *k) {
  int n = s->n;
  uint64_t dir = d < h ? 1 : 2, pd = P(s, d), wd = W(s, d), ph = P(s, h), wh = W(s, h);
  int hh = head_of(s, h), dl = s->lc[d], dr = s->rc[d];
  size_t c = 0;
  F1(101, dir); F2(102, dir, pd); F2(103, dir, wd); F2(104, dir, ph); F2(105, dir, wh);
  F3(106, ph, pd, dir); F3(107, wh, pd, dir); F3(108, ph, wd, dir); F3(109, wh, wd, dir);
  F3(110, dist(d < h ? d : h, d < h ? h : d, n + 1), ph, pd);
  F3(111, s->lset[d], pd, dir); F3(112, s->rset[d], pd, dir); F3(113, s->lset[h], pd, dir);
  F3(114, s->rset[h], pd, dir);
  F2(115, W(s, dl), pd); F3(116, P(s, dl), pd, dir); F2(117, L(s, dl), pd); F2(118, W(s, dr), pd);
  F2(119, L(s, dr), pd);
  F3(120, P(s, hh), ph, pd); F3(121, L(s, h), pd, dir); F2(122, W(s, d - 1), pd);
  F3(123, P(s, d - 1), pd, P(s, d + 1 < n ? d + 1 : -1)); F3(124, d == 0, pd, dir);
  F3(125, s->w[d].h_suf[2], pd, dir); F3(126, (uint64_t)s->nl[h], dir, pd); F3(127, P(s, s->lc[h]), pd, dir);
  F3(128, wd, W(s, dl), dir); F3(129, wh, L(s, h), pd); F3(130, P(s, dl), L(s, dl), pd);
  F3(131, wh, wd, P(s, dl)); F3(132, U(s, h), U(s, d), dir); F3(133, wd, s->rset[h], dir);
  F3(134, cb_syn_mix(ph, L(s, h)), pd, dir); F3(135, dist(d < h ? d : h, d < h ? h : d, n + 1), dir, U(s, d));
  F2(136, W(s, d + 1 < n ? d + 1 : -1), pd); F3(137, hh >= n, pd, dir); F3(138, wh, pd, P(s, hh));
  for (size_t i = 0; i < npk; i++) k[c++] = cb_syn_key(200, pk[i], dir, 0);
  return c;
#undef F1
#undef F2
#undef F3
}

int cb_syn_best_legal(const cb_syn_state *s, const int32_t *score) {
  int best = -1;
  for (int a = 0; a < CB_SYN_NACT; a++)
    if (cb_syn_legal(s, a) && (best < 0 || score[a] > score[best])) best = a;
  return best;
}

int cb_syn_best_label(const cb_syn_model *m, const cb_syn_state *s, int h, int d, const uint32_t *pk,
                      size_t npk) {
  if (h >= s->n) return 0;
  uint32_t keys[2 * CB_SYN_MAX_FEATS];
  int32_t score[256] = {0};
  size_t nk = cb_syn_label_feats(s, h, d, pk, npk, keys);
  cb_syn_clf_score(&m->labeler, keys, nk, score);
  int best = 1;
  for (uint32_t l = 2; l < m->nlabels; l++)
    if (score[l] > score[best]) best = (int)l;
  return best;
}

void cb_syn_one_root(cb_syn_tok *w, int n, int parataxis) {
  int root = -1;
  for (int i = 0; i < n; i++) {
    if (w[i].head != n) continue;
    if (root < 0) { root = i; w[i].label = 0; continue; }
    w[i].head = root;
    w[i].label = parataxis;
  }
}

int cb_syn_parse_words(const cb_syn_model *m, cb_arena *a, cb_syn_tok *w, int n) {
  cb_syn_state s;
  if (cb_syn_state_init(&s, a, w, n, m->tag_upos)) return CB_ENOMEM;
  uint32_t keys[CB_SYN_MAX_FEATS];
  while (!cb_syn_done(&s)) {
    int32_t score[CB_SYN_NACT] = {0};
    size_t nk = cb_syn_parse_feats(&s, keys);
    cb_syn_clf_score(&m->parser, keys, nk, score);
    int act = cb_syn_best_legal(&s, score), lab = -1;
    int s0 = s.stack[s.nstack > 0 ? s.nstack - 1 : 0];
    if (act == CB_SYN_LEFT) lab = cb_syn_best_label(m, &s, s.b, s0, keys, nk);
    else if (act == CB_SYN_RIGHT) lab = cb_syn_best_label(m, &s, s0, s.b, keys, nk);
    cb_syn_apply(&s, act, lab);
  }
  cb_syn_one_root(w, n, m->lab_parataxis);
  return 0;
}
