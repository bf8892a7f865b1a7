/*
 * html_diff.c - word-level LCS marking of quote variants; see html_diff.h. Words compare
 * case-insensitively without the punctuation around them (ASCII fold; other letters as is).
 */
#include "report/html_diff.h"
#include "report/html_esc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct word { size_t start, end; size_t kstart, kend; } word;

/* Splits s into words (runs of non-space); the key span drops leading/trailing ASCII punctuation. */
static size_t split(const char *s, word *w, size_t max) {
  size_t n = 0, len = strlen(s);
  for (size_t i = 0; i < len && n < max;) {
    while (i < len && isspace((unsigned char)s[i])) i++;
    if (i >= len) break;
    size_t j = i;
    while (j < len && !isspace((unsigned char)s[j])) j++;
    size_t ks = i, ke = j;
    while (ks < ke && ispunct((unsigned char)s[ks])) ks++;
    while (ke > ks && ispunct((unsigned char)s[ke - 1])) ke--;
    w[n++] = (word){i, j, ks, ke};
    i = j;
  }
  return n;
}

static size_t count_words(const char *s) {
  size_t n = 0;
  for (int in = 0; *s; s++) {
    int sp = isspace((unsigned char)*s);
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

static int same(const char *a, const word *x, const char *b, const word *y) {
  size_t n = x->kend - x->kstart;
  if (n != y->kend - y->kstart) return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)a[x->kstart + i]) != tolower((unsigned char)b[y->kstart + i])) return 0;
  return 1;
}

/* keep[i] = 1 when word i of a is in an LCS with b. Returns 0 on OOM. */
static int lcs_keep(const char *a, const word *wa, size_t na, const char *b, const word *wb, size_t nb, char *keep) {
  unsigned short *t = calloc((na + 1) * (nb + 1), sizeof *t);
  if (!t) return 0;
#define T(i, j) t[(i) * (nb + 1) + (j)]
  for (size_t i = na; i-- > 0;)
    for (size_t j = nb; j-- > 0;)
      T(i, j) = same(a, &wa[i], b, &wb[j]) ? T(i + 1, j + 1) + 1 : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (same(a, &wa[i], b, &wb[j])) { keep[i++] = 1; j++; }
    else if (T(i + 1, j) >= T(i, j + 1)) i++;
    else j++;
  }
#undef T
  free(t);
  return 1;
}

void cb_html_diff(cb_buf *o, const char *text, const char *other) {
  if (!text) return;
  size_t na = count_words(text), nb = other ? count_words(other) : 0;
  word *wa = NULL, *wb = NULL;
  char *keep = NULL;
  int marked = 0;
  if (other && na && nb && na <= CB_DIFF_MAX && nb <= CB_DIFF_MAX) {
    wa = malloc(na * sizeof *wa);
    wb = malloc(nb * sizeof *wb);
    keep = calloc(na, 1);
    if (wa && wb && keep) {
      na = split(text, wa, na);
      nb = split(other, wb, nb);
      marked = lcs_keep(text, wa, na, other, wb, nb, keep);
    }
  }
  if (!marked) cb_html_esc(o, text, strlen(text));
  else {
    size_t at = 0;
    for (size_t i = 0; i < na; i++) {
      cb_html_esc(o, text + at, wa[i].start - at);
      if (!keep[i]) cb_buf_puts(o, "<mark class=\"diff\">");
      cb_html_esc(o, text + wa[i].start, wa[i].end - wa[i].start);
      if (!keep[i]) cb_buf_puts(o, "</mark>");
      at = wa[i].end;
    }
    cb_html_esc(o, text + at, strlen(text) - at);
  }
  free(wa);
  free(wb);
  free(keep);
}
