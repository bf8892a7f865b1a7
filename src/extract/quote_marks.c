/*
 * quote_marks.c - finds quoted passages by pairing double quote marks (" “ ” „ « »)
 * within a paragraph. Marks are paired in order, whatever their shape, so that a text
 * that closes with the wrong curly mark (“...“) still pairs; inside a curly quote, a “
 * after a space and before a word opens a nested quote instead. When a paragraph ends inside
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
  if (i + len >= n || strchr(" \n\t,.;:!?)]", s[i + len])) return 0;   /* looks like a closing mark */
  return dir == MARK_EITHER || i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n';
}

/* The pairing state of one pass. */
typedef struct pairing {
  cb_quote q;
  int open, curly;           /* a quote is open; it opened with a curly mark */
  int nested;                /* a curly quote inside it is open (“... “word” ...”) */
  size_t nested_at, nested_len;
  cb_quote *v; size_t cap, count;
  int oom;
} pairing;

/* A curly opening mark inside an open curly quote starts a nested quote when it follows a
 * space and a word follows it; otherwise it closes the quote (the “...“ typing slip). */
static int opens_nested(const char *s, size_t n, size_t i, size_t len) {
  if (i == 0 || i + len >= n || s[i + len] == ' ' || s[i + len] == '\n') return 0;
  return s[i - 1] == ' ' || s[i - 1] == '(';
}

static void close_at(cb_arena *a, pairing *p, size_t at, size_t len) {
  p->q.inner_end = at; p->q.end = at + len;
  p->open = p->nested = 0;
  if (p->q.inner_end > p->q.inner_start && !push(a, &p->v, &p->cap, p->count++, &p->q)) p->oom = 1;
}

/* A paragraph ends inside a quote: it goes on if the next paragraph opens with a mark; a
 * nested quote left open was in fact the closing mark. Returns where to resume. */
static size_t end_paragraph(cb_arena *a, pairing *p, const char *s, size_t n, size_t i) {
  if (p->nested) { close_at(a, p, p->nested_at, p->nested_len); return i; }
  size_t j = continues_at(s, n, i);
  if (j) { p->q.paragraphs++; return j - 1; }
  p->open = 0;
  return i;
}

static void on_mark(cb_arena *a, pairing *p, const char *s, size_t n, size_t i, size_t len, int dir) {
  if (!p->open) {
    if (!can_open(s, n, i, len, dir)) return;
    memset(&p->q, 0, sizeof p->q);
    p->q.start = i; p->q.inner_start = i + len; p->q.paragraphs = 1;
    p->open = 1; p->curly = dir == MARK_OPEN; p->nested = 0;
  } else if (p->curly && !p->nested && dir == MARK_OPEN && opens_nested(s, n, i, len)) {
    p->nested = 1; p->nested_at = i; p->nested_len = len;
  } else if (p->nested && dir != MARK_OPEN) {
    p->nested = 0;
  } else {
    close_at(a, p, i, len);
  }
}

size_t cb_quote_marks(cb_arena *a, const char *s, size_t n, cb_quote **out) {
  pairing p;
  memset(&p, 0, sizeof p);
  *out = NULL;
  for (size_t i = 0; i < n && !p.oom; i++) {
    if (s[i] == '\n') {
      if (p.open) i = end_paragraph(a, &p, s, n, i);
      continue;
    }
    int dir;
    size_t len = mark_at(s, n, i, &dir);
    if (!len) continue;
    on_mark(a, &p, s, n, i, len, dir);
    i += len - 1;
  }
  if (p.open && p.nested && !p.oom) close_at(a, &p, p.nested_at, p.nested_len);
  if (p.oom) return 0;
  *out = p.v;
  return p.count;
}
