/*
 * quote_marks.c - finds quoted passages by pairing double quote marks (" “ ” „ « »)
 * within a paragraph. Marks are paired in order, whatever their shape, so that a text
 * that closes with the wrong curly mark (“...“) still pairs. When a paragraph ends inside
 * a quote and the next paragraph opens with a mark, the quote goes on (the usual style for
 * quotes over several paragraphs); otherwise the unclosed mark is dropped.
 */
#include "extract/quote_internal.h"
#include <string.h>

enum { MARK_NONE = 0, MARK_OPEN, MARK_CLOSE, MARK_EITHER };

/* Length of the quote mark at s[i] (0 if none) and its direction in *dir. */
static size_t mark_at(const char *s, size_t n, size_t i, int *dir) {
  unsigned char c = (unsigned char)s[i];
  if (c == '"') { *dir = MARK_EITHER; return 1; }
  if (c == 0xC2 && i + 1 < n) {
    unsigned char d = (unsigned char)s[i + 1];
    if (d == 0xAB) { *dir = MARK_OPEN; return 2; }    /* « */
    if (d == 0xBB) { *dir = MARK_CLOSE; return 2; }   /* » */
  }
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
    unsigned char d = (unsigned char)s[i + 2];
    if (d == 0x9C || d == 0x9E) { *dir = MARK_OPEN; return 3; }   /* “ „ */
    if (d == 0x9D) { *dir = MARK_CLOSE; return 3; }               /* ” */
  }
  *dir = MARK_NONE;
  return 0;
}

/* If the paragraph after the newline at i opens with a mark, returns the offset just past
 * that mark; else 0. */
static size_t continues_at(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && (s[j] == '\n' || s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) j++;
  if (j >= n) return 0;
  int dir;
  size_t len = mark_at(s, n, j, &dir);
  return len && dir != MARK_CLOSE ? j + len : 0;
}

static int push(cb_arena *a, cb_quote **v, size_t *cap, size_t count, const cb_quote *q) {
  if (count == *cap) {
    size_t nc = *cap ? *cap * 2 : 16;
    cb_quote *nv = cb_arena_alloc(a, nc * sizeof *nv);
    if (!nv) return 0;
    if (*v) memcpy(nv, *v, count * sizeof *nv);
    *v = nv; *cap = nc;
  }
  (*v)[count] = *q;
  return 1;
}

/* A closing mark glued to the previous word ("word”") cannot open a quote, nor can a
 * mark after '=' (an attribute value in leftover markup). */
static int can_open(const char *s, size_t n, size_t i, size_t len, int dir) {
  if (i > 0 && s[i - 1] == '=') return 0;   /* markup: author="X" */
  if (dir == MARK_OPEN) return 1;
  if (i + len >= n || s[i + len] == ' ' || s[i + len] == '\n') return 0;
  return dir == MARK_EITHER || i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n';
}

size_t cb_quote_marks(cb_arena *a, const char *s, size_t n, cb_quote **out) {
  cb_quote *v = NULL, q;
  size_t cap = 0, count = 0;
  int open = 0;
  *out = NULL;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n') {
      if (!open) continue;
      size_t j = continues_at(s, n, i);
      if (j) { q.paragraphs++; i = j - 1; }
      else open = 0;
      continue;
    }
    int dir;
    size_t len = mark_at(s, n, i, &dir);
    if (!len) continue;
    if (!open) {
      if (!can_open(s, n, i, len, dir)) { i += len - 1; continue; }
      memset(&q, 0, sizeof q);
      q.start = i; q.inner_start = i + len; q.paragraphs = 1;
      open = 1;
    } else {
      q.inner_end = i; q.end = i + len;
      open = 0;
      if (q.inner_end > q.inner_start && !push(a, &v, &cap, count++, &q)) return 0;
    }
    i += len - 1;
  }
  *out = v;
  return count;
}
