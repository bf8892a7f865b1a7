/*
 * wordnet.c - the questions the corroboration stage asks WordNet: base forms (morphy),
 * shared synsets, hypernym paths, siblings and derivational links between two words.
 * Every answer is read from the mmap'd files (wordnet_db.c); nothing is cached or allocated.
 */
#include "text/wordnet_db.h"
#include <string.h>

#define SEEN_MAX 512   /* synsets one hypernym walk visits at most */

int cb_wn_available(cb_error *e) {
  const char *file, *why;
  if (cb_wn_db_ok(&file, &why)) return 1;
  if (e) cb_error_set(e, CB_EIO, file, 0, "%s", why);
  return 0;
}

size_t cb_wn_synsets(cb_wn_pos pos, const char *lemma, uint32_t *offsets, size_t max,
                     int max_senses) {
  char key[CB_WN_KEY_MAX];
  size_t klen = cb_wn_fold(lemma, key);
  if (!offsets || !klen) return 0;
  return cb_wn_index_senses(pos, key, klen, offsets, max, max_senses);
}

static int has(const uint32_t *v, size_t n, uint32_t x) {
  for (size_t i = 0; i < n; i++) if (v[i] == x) return 1;
  return 0;
}

/* A word's base forms and the first max_senses senses of each, each with its form. */
typedef struct senses {
  cb_wn_forms f;
  size_t n;
  uint32_t v[CB_WN_SENSES_MAX];
  unsigned char form[CB_WN_SENSES_MAX];
} senses;

static size_t senses_of(cb_wn_pos pos, const char *word, int max_senses, senses *s) {
  s->n = 0;
  uint32_t v[CB_WN_SENSES_MAX];
  size_t nf = cb_wn_forms_of(pos, word, &s->f);
  for (size_t i = 0; i < nf; i++) {
    size_t n = cb_wn_line_senses(s->f.line[i], s->f.eol[i], v, CB_WN_SENSES_MAX, max_senses);
    for (size_t k = 0; k < n && s->n < CB_WN_SENSES_MAX; k++) {
      if (has(s->v, s->n, v[k])) continue;
      s->v[s->n] = v[k];
      s->form[s->n++] = (unsigned char)i;
    }
  }
  return s->n;
}

static int share(const senses *a, const senses *b) {
  for (size_t i = 0; i < a->n; i++) if (has(b->v, b->n, a->v[i])) return 1;
  return 0;
}

int cb_wn_synonyms_share(cb_wn_pos pos, const char *a, const char *b, int max_senses) {
  senses sa, sb;
  return senses_of(pos, a, max_senses, &sa) && senses_of(pos, b, max_senses, &sb) && share(&sa, &sb);
}

static int is_hyper(const cb_wn_ptr *p, cb_wn_pos pos) {
  return p->pos == pos && p->sym[0] == '@' && (p->sym[1] == 0 || (p->sym[1] == 'i' && !p->sym[2]));
}

/* Breadth-first walk up the hypernyms of a's senses until one of b's: the depth or -1. */
static int climb(cb_wn_pos pos, const senses *a, const senses *b, int max_depth,
                 uint32_t *a_syn, uint32_t *b_syn) {
  uint32_t seen[SEEN_MAX], from[SEEN_MAX];
  size_t n = 0;
  for (size_t i = 0; i < a->n && n < SEEN_MAX; i++)
    if (!has(seen, n, a->v[i])) { seen[n] = a->v[i]; from[n++] = a->v[i]; }
  if (max_depth > 32) max_depth = 32;
  size_t lo = 0;
  for (int d = 0; d <= max_depth && lo < n; d++) {
    size_t hi = n;
    for (size_t i = lo; i < hi; i++)
      if (has(b->v, b->n, seen[i])) {
        if (a_syn) *a_syn = from[i];
        if (b_syn) *b_syn = seen[i];
        return d;
      }
    for (size_t i = lo; i < hi && d < max_depth; i++) {
      cb_wn_syn s;
      if (!cb_wn_syn_open(pos, seen[i], &s)) continue;
      cb_wn_cur c = {s.ptrs, s.end};
      cb_wn_ptr p;
      for (unsigned k = 0; cb_wn_syn_ptr(&s, &c, &k, &p);)
        if (is_hyper(&p, pos) && n < SEEN_MAX && !has(seen, n, p.off)) {
          seen[n] = p.off;
          from[n++] = from[i];
        }
    }
    lo = hi;
  }
  return -1;
}

int cb_wn_hypernym_link(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                        int max_depth, uint32_t *a_syn, uint32_t *b_syn) {
  senses sa, sb;
  if (!senses_of(pos, a, max_senses, &sa) || !senses_of(pos, b, max_senses, &sb)) return -1;
  return climb(pos, &sa, &sb, max_depth, a_syn, b_syn);
}

int cb_wn_hypernym_depth(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                         int max_depth) {
  return cb_wn_hypernym_link(pos, a, b, max_senses, max_depth, NULL, NULL);
}

/* The direct hypernyms of s's senses into out (at most max). */
static size_t parents(cb_wn_pos pos, const senses *s, uint32_t *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++) {
    cb_wn_syn y;
    if (!cb_wn_syn_open(pos, s->v[i], &y)) continue;
    cb_wn_cur c = {y.ptrs, y.end};
    cb_wn_ptr p;
    for (unsigned k = 0; cb_wn_syn_ptr(&y, &c, &k, &p);)
      if (is_hyper(&p, pos) && n < max && !has(out, n, p.off)) out[n++] = p.off;
  }
  return n;
}

static int siblings(cb_wn_pos pos, const senses *a, const senses *b) {
  uint32_t pa[SEEN_MAX], pb[SEEN_MAX];
  size_t na = parents(pos, a, pa, SEEN_MAX), nb = na ? parents(pos, b, pb, SEEN_MAX) : 0;
  for (size_t i = 0; i < na; i++) if (has(pb, nb, pa[i])) return 1;
  return 0;
}

/* 1 if a sense of a has a pointer sym to a sense of b. */
static int linked(cb_wn_pos pos, const senses *a, const senses *b, const char *sym) {
  for (size_t i = 0; i < a->n; i++) {
    cb_wn_syn s;
    if (!cb_wn_syn_open(pos, a->v[i], &s)) continue;
    cb_wn_cur c = {s.ptrs, s.end};
    cb_wn_ptr p;
    for (unsigned k = 0; cb_wn_syn_ptr(&s, &c, &k, &p);)
      if (p.pos == pos && strcmp(p.sym, sym) == 0 && has(b->v, b->n, p.off)) return 1;
  }
  return 0;
}

cb_wn_rel cb_wn_relation(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                         int max_depth) {
  senses sa, sb;
  if (!senses_of(pos, a, max_senses, &sa) || !senses_of(pos, b, max_senses, &sb)) return CB_WN_NONE;
  if (share(&sa, &sb)) return CB_WN_SAME;
  if (climb(pos, &sa, &sb, max_depth, NULL, NULL) > 0) return CB_WN_BROADER;
  if (climb(pos, &sb, &sa, max_depth, NULL, NULL) > 0) return CB_WN_NARROWER;
  if (linked(pos, &sa, &sb, "%m")) return CB_WN_MEMBER;
  if (linked(pos, &sa, &sb, "#m")) return CB_WN_GROUP;
  return siblings(pos, &sa, &sb) ? CB_WN_SIBLING : CB_WN_NONE;
}

const char *cb_wn_rel_name(cb_wn_rel r) {
  static const char *const names[] = {"none", "same", "broader", "narrower", "sibling", "member",
                                      "group"};
  return (unsigned)r < sizeof names / sizeof *names ? names[r] : "none";
}

/* The 1-based number of key among the words of s, 0 if absent. */
static unsigned word_no(const cb_wn_syn *s, const char *key, size_t klen) {
  for (unsigned i = 0; i < s->nwords; i++) if (cb_wn_syn_word_is(s, i, key, klen)) return i + 1;
  return 0;
}

static int word_is_form(const cb_wn_syn *s, unsigned i, const cb_wn_forms *f) {
  for (size_t k = 0; k < f->n; k++) if (cb_wn_syn_word_is(s, i, f->key[k], f->len[k])) return 1;
  return 0;
}

/* 1 if a + pointer leaves the word a in one of its senses for the word b in one of its. */
static int derived_from(cb_wn_pos ap, const senses *a, cb_wn_pos bp, const senses *b) {
  for (size_t i = 0; i < a->n; i++) {
    cb_wn_syn s;
    if (!cb_wn_syn_open(ap, a->v[i], &s)) continue;
    unsigned me = word_no(&s, a->f.key[a->form[i]], a->f.len[a->form[i]]);
    cb_wn_cur c = {s.ptrs, s.end};
    cb_wn_ptr p;
    for (unsigned k = 0; cb_wn_syn_ptr(&s, &c, &k, &p);) {
      if (strcmp(p.sym, "+") || p.pos != bp || (p.src && p.src != me) || !has(b->v, b->n, p.off)) continue;
      cb_wn_syn t;
      if (!p.dst || (cb_wn_syn_open(bp, p.off, &t) && word_is_form(&t, p.dst - 1, &b->f))) return 1;
    }
  }
  return 0;
}

int cb_wn_derived(cb_wn_pos a_pos, const char *a, cb_wn_pos b_pos, const char *b,
                  int max_senses) {
  senses sa, sb;
  if (!senses_of(a_pos, a, max_senses, &sa) || !senses_of(b_pos, b, max_senses, &sb)) return 0;
  return derived_from(a_pos, &sa, b_pos, &sb) || derived_from(b_pos, &sb, a_pos, &sa);
}

int cb_wn_synset_word(cb_wn_pos pos, uint32_t offset, size_t i, char *out, size_t outsize) {
  cb_wn_syn s;
  const char *w;
  size_t n;
  if (!out || !outsize) return 0;
  out[0] = 0;
  if (i >= 256 || !cb_wn_syn_open(pos, offset, &s) || !cb_wn_syn_word(&s, (unsigned)i, &w, &n)) return 0;
  if (n + 1 > outsize) return 0;
  for (size_t k = 0; k < n; k++) out[k] = w[k] == '_' ? ' ' : w[k];
  out[n] = 0;
  return 1;
}

size_t cb_wn_classes(cb_wn_pos pos, const char *word, int max_senses, uint32_t *out, size_t max) {
  senses sa;
  if (!senses_of(pos, word, max_senses, &sa)) return 0;
  size_t n = 0;
  for (size_t i = 0; i < sa.n && n < max; i++) {
    if (!has(out, n, sa.v[i])) out[n++] = sa.v[i];
    cb_wn_syn s;
    if (!cb_wn_syn_open(pos, sa.v[i], &s)) continue;
    cb_wn_cur c = {s.ptrs, s.end};
    cb_wn_ptr p;
    for (unsigned k = 0; cb_wn_syn_ptr(&s, &c, &k, &p) && n < max;)
      if (is_hyper(&p, pos) && !has(out, n, p.off)) out[n++] = p.off;
  }
  return n;
}
