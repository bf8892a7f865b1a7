/*
 * quantity_tokhelp.c - small helpers over the quantity token stream: stepping over spaces
 * (but never over a line break), lower-casing, comparing, and building lexicon keys from
 * several tokens.
 */
#include "extract/quantity_internal.h"
#include <string.h>

size_t cb_q_next(const cb_qctx *c, size_t i) {
  size_t j = i + 1;
  if (j < c->nt && c->t[j].kind == QT_SPACE) {
    if (c->t[j].newline) return c->nt;
    j++;
  }
  return j < c->nt ? j : c->nt;
}

size_t cb_q_prev(const cb_qctx *c, size_t i) {
  if (i == 0 || i > c->nt) return (size_t)-1;
  size_t j = i - 1;
  if (c->t[j].kind == QT_SPACE) {
    if (c->t[j].newline || j == 0) return (size_t)-1;
    j--;
  }
  return j;
}

int cb_q_glued(const cb_qctx *c, size_t i) {
  return i > 0 && i < c->nt && c->t[i - 1].kind != QT_SPACE;
}

size_t cb_q_lower(const cb_qctx *c, size_t i, char *buf, size_t cap) {
  if (i >= c->nt) return 0;
  size_t n = c->t[i].end - c->t[i].start;
  if (n + 1 > cap) return 0;
  const char *p = c->s + c->t[i].start;
  for (size_t k = 0; k < n; k++) buf[k] = (p[k] >= 'A' && p[k] <= 'Z') ? (char)(p[k] + 32) : p[k];
  buf[n] = 0;
  return n;
}

int cb_q_is(const cb_qctx *c, size_t i, const char *word) {
  if (i >= c->nt) return 0;
  const char *p = c->s + c->t[i].start;
  size_t n = c->t[i].end - c->t[i].start, k = 0;
  for (; k < n; k++) {
    char ch = p[k];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if (!word[k] || ch != word[k]) return 0;
  }
  return word[k] == 0;
}

int cb_q_punct(const cb_qctx *c, size_t i, char ch) {
  return i < c->nt && c->t[i].kind == QT_PUNCT && c->t[i].end - c->t[i].start == 1 && c->s[c->t[i].start] == ch;
}

static int joiner(const cb_qctx *c, size_t i) {
  return cb_q_punct(c, i, '-') || cb_q_punct(c, i, '/');
}

size_t cb_q_key(const cb_qctx *c, size_t i, int k, int lower, char *buf, size_t cap, size_t *last) {
  size_t len = 0, j = i;
  int taken = 0;
  while (j < c->nt && taken < k) {
    const cb_qtok *t = &c->t[j];
    if (t->kind == QT_SPACE) {
      if (t->newline || taken == 0) return 0;
      /* a space next to '-' or '/' vanishes */
      if (!joiner(c, j - 1) && !(j + 1 < c->nt && joiner(c, j + 1))) {
        if (len + 1 >= cap) return 0;
        buf[len++] = ' ';
      }
      j++;
      continue;
    }
    size_t n = t->end - t->start;
    if (len + n >= cap) return 0;
    for (size_t m = 0; m < n; m++) {
      char ch = c->s[t->start + m];
      buf[len++] = (lower && ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
    *last = j;
    taken++;
    j++;
  }
  if (taken < k) return 0;
  buf[len] = 0;
  return len;
}

const cb_qword *cb_q_word(const cb_qctx *c, size_t i) {
  char b[24];
  if (i >= c->nt || c->t[i].kind != QT_WORD) return NULL;
  size_t n = cb_q_lower(c, i, b, sizeof b);
  return n ? cb_qlex_word(c->lx, b, n) : NULL;
}
