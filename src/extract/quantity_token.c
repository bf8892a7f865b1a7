/*
 * quantity_token.c - a single left-to-right pass that cuts text into the tokens of
 * quantity_token.h. ASCII takes a table-free fast path; other code points are decoded
 * and letters of the Latin, Greek, Cyrillic and Tamil blocks join words.
 */
#include "extract/quantity_token.h"
#include "text/utf8.h"
#include <stdint.h>

static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int is_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26u; }
static inline int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int letter_cp(int32_t cp) {
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  return (cp >= 0x370 && cp <= 0x3FF && cp != 0x37E) || (cp >= 0x400 && cp <= 0x4FF)
      || (cp >= 0xB80 && cp <= 0xBFF) || cp == 0xB5;
}

/* Length of a letter at s (0 if none). */
static size_t letter_len(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) return is_alpha(c) ? 1 : 0;
  int32_t cp;
  int k = cb_utf8_decode(s, n, &cp);
  return letter_cp(cp) ? (size_t)k : 0;
}

static size_t scan_number(const char *s, size_t n, size_t i) {
  while (i < n && is_digit((unsigned char)s[i])) i++;
  for (;;) {
    if (i + 1 < n && s[i] == '.' && is_digit((unsigned char)s[i + 1])) {
      i++;
      while (i < n && is_digit((unsigned char)s[i])) i++;
    } else if (i + 3 < n && s[i] == ',' && is_digit((unsigned char)s[i + 1]) && is_digit((unsigned char)s[i + 2])
               && is_digit((unsigned char)s[i + 3]) && (i + 4 >= n || !is_digit((unsigned char)s[i + 4]))) {
      i += 4;
    } else if (i + 5 < n && s[i] == ',' && is_digit((unsigned char)s[i + 1]) && is_digit((unsigned char)s[i + 2])
               && s[i + 3] == ',' && is_digit((unsigned char)s[i + 4])) {
      i += 3;   /* Indian grouping "12,34,567" */
    } else {
      return i;
    }
  }
}

static size_t scan_word(const char *s, size_t n, size_t i, cb_qtok *t) {
  for (;;) {
    while (i < n && is_alpha((unsigned char)s[i])) i++;   /* ASCII fast path */
    if (i >= n) return i;
    if (is_digit((unsigned char)s[i])) { t->digit_in = 1; i++; continue; }
    size_t k = letter_len(s + i, n - i);
    if (!k) return i;
    i += k;
  }
}

size_t cb_qtokenize(const char *s, size_t n, cb_qtok *t) {
  size_t i = 0, k = 0;
  while (i < n) {
    cb_qtok *o = &t[k++];
    unsigned char c = (unsigned char)s[i];
    o->start = (uint32_t)i; o->newline = 0; o->digit_in = 0; o->upper = 0;
    if (c == ' ' && (i + 1 >= n || !is_space((unsigned char)s[i + 1]))) {   /* the usual single space */
      o->kind = QT_SPACE;
      i++;
    } else if (is_alpha(c)) {
      o->kind = QT_WORD;
      o->upper = c <= 'Z';
      i = scan_word(s, n, i + 1, o);
    } else if (is_digit(c)) {
      o->kind = QT_NUM;
      i = scan_number(s, n, i);
    } else if (is_space(c)) {
      o->kind = QT_SPACE;
      while (i < n && is_space((unsigned char)s[i])) { if (s[i] == '\n') o->newline = 1; i++; }
    } else if (c >= 0x80 && letter_len(s + i, n - i)) {
      o->kind = QT_WORD;
      i = scan_word(s, n, i, o);
    } else {
      o->kind = QT_PUNCT;
      if (c < 0x80) i++;
      else { int32_t cp; i += (size_t)cb_utf8_decode(s + i, n - i, &cp); }
    }
    o->end = (uint32_t)i;
  }
  return k;
}
