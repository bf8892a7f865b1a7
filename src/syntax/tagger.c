/*
 * tagger.c - part-of-speech tagging: an averaged perceptron over joint UPOS+XPOS tags,
 * greedy left to right, with hashed features of the word (form, lower case, prefixes,
 * suffixes, shape), its neighbours, the tags already chosen and the most frequent tag of
 * the next words; and the lemmatizer (form+tag dictionary, then suffix rules).
 */
#include "syntax/syn_internal.h"
#include "text/memo.h"
#include "text/wordnet.h"
#include <ctype.h>
#include <string.h>

enum { NONE_L = 0x51, NONE_R = 0x52 };   /* values of words before / after the sentence */

static uint64_t shape_hash(const char *s, size_t n) {
  char sh[24];
  size_t k = 0;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < n && k < sizeof sh; i++) {
    unsigned char c = (unsigned char)s[i];
    char m = isupper(c) ? 'X' : islower(c) ? 'x' : isdigit(c) ? 'd' : c >= 0x80 ? 'u' : (char)c;
    run = m == last ? run + 1 : 1;
    last = m;
    if (run <= 2) sh[k++] = m;
  }
  return cb_syn_hash(sh, k);
}

/* The parts of speech WordNet 3.0 knows the word in, as bits: noun, verb, adjective, adverb,
 * each from the word itself, and apart when only an irregular inflection makes it one
 * ("rose" is a noun, and the past of "rise"; "sank" only the past of "sink"). An ambiguity
 * class for words the treebank rarely or never shows. 0 without WordNet. */
static int wn_bits(const char *low, const char *unused) {
  (void)unused;
  int bits = 0;
  char base[64];
  for (int pos = 0; pos < 4; pos++) {
    size_t k = cb_wn_morphy((cb_wn_pos)pos, low, base, sizeof base);
    if (!k) continue;
    bits |= 1 << pos;
    if (strcmp(base, low)) bits |= 1 << (4 + pos);   /* an inflected form */
  }
  return bits + 1;
}

static uint32_t wn_class(const char *low, size_t n) {
  char w[64];
  if (n == 0 || n >= sizeof w) return 0;
  memcpy(w, low, n);
  w[n] = 0;
  for (size_t i = 0; i < n; i++) if (!isalpha((unsigned char)w[i]) && w[i] != '-' && w[i] != '\'') return 0;
  return (uint32_t)cb_memo_ask(40, wn_bits, w, NULL);
}

void cb_syn_tok_init(cb_syn_tok *t, const char *form, size_t n) {
  char low[64];
  size_t ln = n < sizeof low ? n : sizeof low;
  memset(t, 0, sizeof *t);
  t->form = form;
  t->n = n;
  int alpha = 0, upper = 0, punct = 1;
  for (size_t i = 0; i < ln; i++) {
    unsigned char c = (unsigned char)form[i];
    low[i] = (char)tolower(c);
    if (isalpha(c)) { alpha++; upper += isupper(c) != 0; }
    if (isalnum(c) || c >= 0x80) punct = 0;
    if (isdigit(c)) t->flags |= CB_SYN_F_DIGIT;
    if (c == '-') t->flags |= CB_SYN_F_HYPHEN;
  }
  if (n && isupper((unsigned char)form[0])) t->flags |= CB_SYN_F_UPPER;
  if (alpha > 1 && upper == alpha) t->flags |= CB_SYN_F_ALLCAP;
  if (punct) t->flags |= CB_SYN_F_PUNCT;
  t->h_form = cb_syn_hash(form, n);
  t->h_low = cb_syn_hash(low, ln);
  t->h_shape = shape_hash(form, n);
  t->wn = ln == n ? wn_class(low, ln) : 0;
  for (size_t k = 0; k < 3; k++) t->h_pre[k] = cb_syn_hash(low, ln < k + 1 ? ln : k + 1) + k;
  for (size_t k = 0; k < 4; k++) t->h_suf[k] = ln > k ? cb_syn_hash(low + ln - k - 1, k + 1) + 17 * k : 0;
  t->tag = t->tag1 = t->tag2 = -1;
  t->head = -1;
  t->label = -1;
}

void cb_syn_freq_tags(const cb_syn_model *m, const cb_syn_tok *w, size_t n, int *out) {
  for (size_t i = 0; i < n; i++) {
    const cb_syn_lex *l = cb_syn_lex_find(m->freq_tag, m->freq_mask, w[i].h_low);
    out[i] = l ? (int)(l->val & 0x7fffffff) : 0;
  }
}

static uint64_t low_at(const cb_syn_tok *w, size_t n, long i) {
  return i < 0 ? NONE_L : (size_t)i >= n ? NONE_R : w[i].h_low;
}
static uint64_t suf_at(const cb_syn_tok *w, size_t n, long i) {
  return i < 0 ? NONE_L : (size_t)i >= n ? NONE_R : w[i].h_suf[2];
}
static uint64_t ft_at(const int *ft, size_t n, long i) {
  return i < 0 ? 1000 : (size_t)i >= n ? 1001 : (uint64_t)(ft[i] & 255);
}


size_t cb_syn_tag_feats(const cb_syn_model *m, const cb_syn_tok *w, size_t n, size_t i,
                        const int *ft, uint32_t *k) {
  (void)m;
  const cb_syn_tok *t = &w[i];
  long j = (long)i;
  uint64_t p1 = i > 0 ? (uint64_t)w[i - 1].tag + 2 : 1, p2 = i > 1 ? (uint64_t)w[i - 2].tag + 2 : 1;
  size_t c = 0;
  k[c++] = cb_syn_key(1, 0, 0, 0);
  k[c++] = cb_syn_key(2, t->h_low, 0, 0);
  k[c++] = cb_syn_key(3, t->h_form, 0, 0);
  for (int s = 0; s < 4; s++) if (t->h_suf[s]) k[c++] = cb_syn_key(4 + (uint32_t)s, t->h_suf[s], 0, 0);
  for (int s = 0; s < 3; s++) k[c++] = cb_syn_key(8 + (uint32_t)s, t->h_pre[s], 0, 0);
  k[c++] = cb_syn_key(11, t->h_shape, 0, 0);
  k[c++] = cb_syn_key(12, p1, 0, 0);
  k[c++] = cb_syn_key(13, p1, p2, 0);
  k[c++] = cb_syn_key(14, p1, t->h_low, 0);
  k[c++] = cb_syn_key(15, low_at(w, n, j - 1), 0, 0);
  k[c++] = cb_syn_key(16, suf_at(w, n, j - 1), 0, 0);
  k[c++] = cb_syn_key(17, low_at(w, n, j - 2), 0, 0);
  k[c++] = cb_syn_key(18, low_at(w, n, j + 1), 0, 0);
  k[c++] = cb_syn_key(19, suf_at(w, n, j + 1), 0, 0);
  k[c++] = cb_syn_key(20, low_at(w, n, j + 2), 0, 0);
  k[c++] = cb_syn_key(21, ft_at(ft, n, j + 1), 0, 0);
  k[c++] = cb_syn_key(22, ft_at(ft, n, j + 1), ft_at(ft, n, j + 2), 0);
  k[c++] = cb_syn_key(23, ft_at(ft, n, j + 1), t->h_low, 0);
  k[c++] = cb_syn_key(24, t->flags, i == 0, 0);
  k[c++] = cb_syn_key(25, low_at(w, n, j - 1), t->h_low, 0);
  k[c++] = cb_syn_key(26, t->h_low, low_at(w, n, j + 1), 0);
  k[c++] = cb_syn_key(27, i == 0, t->h_shape, 0);
  k[c++] = cb_syn_key(28, p1, ft_at(ft, n, j + 1), 0);
  k[c++] = cb_syn_key(29, ft_at(ft, n, j), 0, 0);
  k[c++] = cb_syn_key(30, p1, t->h_suf[2], 0);
  k[c++] = cb_syn_key(31, t->wn, 0, 0);             /* WordNet's parts of speech */
  k[c++] = cb_syn_key(32, t->wn, p1, 0);
  k[c++] = cb_syn_key(33, t->wn, t->h_suf[1], 0);
  if (w[0].tag1 < 0) return c;   /* first pass */
  uint64_t r1 = i + 1 < n ? (uint64_t)w[i + 1].tag1 + 2 : 1, r2 = i + 2 < n ? (uint64_t)w[i + 2].tag1 + 2 : 1;
  k[c++] = cb_syn_key(41, r1, 0, 0);
  k[c++] = cb_syn_key(42, r1, r2, 0);
  k[c++] = cb_syn_key(43, r1, t->h_low, 0);
  k[c++] = cb_syn_key(44, p1, r1, 0);
  k[c++] = cb_syn_key(45, r1, t->h_suf[2], 0);
  k[c++] = cb_syn_key(46, (uint64_t)t->tag1 + 2, 0, 0);
  return c;
}

void cb_syn_tag(const cb_syn_model *m, cb_syn_tok *w, size_t n) {
  int ft[CB_SYN_MAX_WORDS];
  uint32_t keys[CB_SYN_MAX_FEATS];
  int32_t score[256];
  cb_syn_freq_tags(m, w, n, ft);
  for (size_t i = 0; i < n; i++) w[i].tag1 = -1;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < n; i++) {
      size_t nk = cb_syn_tag_feats(m, w, n, i, ft, keys);
      memset(score, 0, sizeof score);
      cb_syn_clf_score(&m->tagger, keys, nk, score);
      int best = 0, second = -1;
      for (uint32_t c = 1; c < m->ntags; c++)
        if (score[c] > score[best]) { second = best; best = (int)c; }
        else if (second < 0 || score[c] > score[second]) second = (int)c;
      w[i].tag = best;
      w[i].tag2 = second;
    }
    for (size_t i = 0; i < n && pass == 0; i++) w[i].tag1 = w[i].tag;
  }
}

/* ---- lemmas ------------------------------------------------------------------------------------ */
uint64_t cb_syn_lemma_key(const char *form, size_t n, int tag) {
  return cb_syn_mix(cb_syn_hash(form, n), (uint64_t)tag + 1) | 1;
}
uint64_t cb_syn_rule_key(const char *suffix, size_t n, int tag) {
  return cb_syn_mix(cb_syn_hash(suffix, n) + 3, (uint64_t)tag + 101) | 1;
}

const char *cb_syn_lemma(const cb_syn_model *m, cb_arena *a, const cb_syn_tok *w) {
  char low[256];
  size_t n = w->n < sizeof low - 1 ? w->n : sizeof low - 1;
  const cb_syn_lex *l = cb_syn_lex_find(m->lemma, m->lemma_mask, cb_syn_lemma_key(w->form, n, w->tag));
  if (l) return m->lemma_str[l->val];
  int propn = w->tag >= 0 && m->tag_upos[w->tag] == CB_UPOS_PROPN;
  if (propn) return cb_arena_strndup(a, w->form, n);
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w->form[i]);
  l = cb_syn_lex_find(m->lemma, m->lemma_mask, cb_syn_lemma_key(low, n, w->tag));
  if (l) return m->lemma_str[l->val];
  for (size_t k = n > 6 ? 6 : n; k >= 1; k--) {
    uint64_t key = cb_syn_rule_key(low + n - k, k, w->tag);
    uint32_t s = (uint32_t)(key ^ (key >> 32)) & m->rule_mask;
    for (; m->rule && m->rule[s].key; s = (s + 1) & m->rule_mask) {
      if (m->rule[s].key != key) continue;
      const cb_syn_rule *r = &m->rule[s];
      size_t keep = r->strip < n ? n - r->strip : 0;
      return cb_arena_printf(a, "%.*s%s", (int)keep, low, r->add);
    }
  }
  return cb_arena_strndup(a, low, n);
}
