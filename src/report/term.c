/*
 * term.c - labels, cleaning and word wrapping for the human-readable renderers; see term.h.
 */
#include "report/term.h"
#include "text/utf8.h"
#include <string.h>
#include <utf8proc.h>

const char *cb_report_basename(const char *path) {
  if (!path) return "";
  const char *slash = strrchr(path, '/');
  return slash && slash[1] ? slash + 1 : path;
}

const char *cb_report_label(const cb_brief *b, int article) {
  if (article < 0 || (size_t)article >= b->narticles || !b->articles[article]) return "?";
  const cb_article *a = b->articles[article];
  if (a->outlet && a->outlet[0]) return a->outlet;
  const char *base = cb_report_basename(a->source);
  return base[0] ? base : "?";
}

size_t cb_report_independent(const cb_brief *b, const cb_story_brief *s) {
  size_t n = 0;
  for (size_t i = 0; i < s->articles.n; i++) {
    int a = s->articles.v[i];
    if (a >= 0 && (size_t)a < b->narticles && b->duplicate_of[a] < 0) n++;
  }
  return n;
}

static int is_control(int32_t cp) { return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029; }

void cb_term_clean(cb_buf *o, const char *s) {
  if (!s) return;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = cb_utf8_decode(s + i, n - i, &cp);
    if (len < 1) len = 1;
    if (cp == '\n' || cp == '\t' || cp == '\r') cb_buf_putc(o, ' ');
    else if (!is_control(cp)) {
      char enc[4];
      cb_buf_append(o, enc, (size_t)cb_utf8_encode(cp, enc));
    }
    i += (size_t)len;
  }
}

static int cp_columns(int32_t cp) {
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : w;
}

int cb_term_columns(const char *s, size_t n) {
  int cols = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = cb_utf8_decode(s + i, n - i, &cp);
    cols += cp_columns(cp);
    i += (size_t)(len < 1 ? 1 : len);
  }
  return cols;
}

const char *cb_term_style(const cb_term *t, const char *code) { return t->color ? code : ""; }

static void spaces(cb_buf *o, int n) { for (int i = 0; i < n; i++) cb_buf_putc(o, ' '); }

/* Writes a word too long for any line, breaking it at the column limit. */
static int long_word(cb_term *t, const char *w, size_t n, int col, int hang) {
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = cb_utf8_decode(w + i, n - i, &cp);
    if (len < 1) len = 1;
    int cw = cp_columns(cp);
    if (col + cw > t->width && col > hang) { cb_buf_putc(t->o, '\n'); spaces(t->o, hang); col = hang; }
    cb_buf_append(t->o, w + i, (size_t)len);
    col += cw;
    i += (size_t)len;
  }
  return col;
}

/* Appends the words of s from column col; returns the column where it stops. space: put a
 * space before the first word. */
static int wrap(cb_term *t, const char *s, size_t n, int col, int hang, int space) {
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (j == i) break;
    int wc = cb_term_columns(s + i, j - i);
    if (col > hang && col + space + wc > t->width) { cb_buf_putc(t->o, '\n'); spaces(t->o, hang); col = hang; space = 0; }
    if (space) { cb_buf_putc(t->o, ' '); col++; }
    if (col + wc > t->width) col = long_word(t, s + i, j - i, col, hang);
    else { cb_buf_append(t->o, s + i, j - i); col += wc; }
    space = 1;
    i = j;
  }
  return col;
}

void cb_term_para(cb_term *t, int indent, const char *lead, const char *lead_style, const char *text) {
  cb_buf lb, tb;
  cb_buf_init(&lb);
  cb_buf_init(&tb);
  cb_term_clean(&lb, lead);
  cb_term_clean(&tb, text);
  int lw = lb.ptr ? cb_term_columns(lb.ptr, lb.len) : 0;
  if (indent > t->width / 2) indent = t->width / 2;
  spaces(t->o, indent);
  int col = indent, hang = lw ? indent + lw + 1 : indent;
  if (lw > 24 || hang > t->width / 2) hang = indent + 4;
  int styled = lw && lead_style && t->color;
  if (styled) cb_buf_puts(t->o, lead_style);
  if (lw && indent + lw <= t->width) { cb_buf_append(t->o, lb.ptr, lb.len); col += lw; }
  else if (lw) col = wrap(t, lb.ptr, lb.len, col, hang, 0);
  if (styled) cb_buf_puts(t->o, "\033[0m");
  if (tb.len) wrap(t, tb.ptr, tb.len, col, hang, lw > 0);
  cb_buf_putc(t->o, '\n');
  cb_buf_free(&lb);
  cb_buf_free(&tb);
}
