/*
 * timex_tok.c - splits text into the tokens the timex matcher reads. Letters (ASCII and
 * any non-punctuation UTF-8) make words, an apostrophe between letters stays in the word
 * ("year's"), digits make numbers, everything else is a one-mark token. Multi-word
 * lexicon keys are merged into one token afterwards. Linear in the input.
 */
#include "extract/timex_tok.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* byte classes: 1 ASCII letter, 2 digit, 4 space */
static unsigned char byte_class[256];
static void init_classes(void) {
  for (int c = 0; c < 256; c++)
    byte_class[c] = (unsigned char)((isalpha(c) && c < 128 ? 1 : 0) | (isdigit(c) ? 2 : 0) |
                                    (c == ' ' || c == '\t' || c == '\r' || c == '\n' ? 4 : 0));
}
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;
#define IS_ALPHA(c) (byte_class[(unsigned char)(c)] & 1)

static int is_quote_seq(const unsigned char *p, size_t left) {   /* ’ */
  return left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99;
}

static int is_punct_seq(const unsigned char *p, size_t left) {   /* U+2000..U+206F, NBSP */
  return (left >= 3 && p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81)) ||
         (left >= 2 && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] < 0xC0));
}

static int word_byte(const unsigned char *p, size_t left) {
  if (IS_ALPHA(p[0])) return 1;
  if (p[0] >= 0x80 && !is_punct_seq(p, left)) return 1;
  return 0;
}

static size_t seq_len(const unsigned char *p, size_t left) {
  size_t k = p[0] < 0xC0 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
  return k > left ? left : k;
}

/* A possessive "'s" / "’s" at p[i] ends the word before it ("Friday's" -> "Friday"). */
static int possessive(const unsigned char *p, size_t i, size_t n) {
  size_t k = p[i] == '\'' ? 1 : 3;
  return i + k < n && (p[i + k] == 's' || p[i + k] == 'S') && (i + k + 1 >= n || !isalpha(p[i + k + 1]));
}

static size_t scan_word(const unsigned char *p, size_t i, size_t n) {
  while (i < n) {
    if (IS_ALPHA(p[i])) { i++; continue; }
    if ((p[i] == '\'' || is_quote_seq(p + i, n - i)) && possessive(p, i, n)) break;
    if (word_byte(p + i, n - i)) { i += seq_len(p + i, n - i); continue; }
    if (p[i] == '\'' && i + 1 < n && isalpha(p[i + 1])) { i++; continue; }
    if (is_quote_seq(p + i, n - i) && i + 3 < n && isalpha(p[i + 3])) { i += 3; continue; }
    break;
  }
  return i;
}

size_t cb_tt_lower(const char *s, const cb_tt *t, char *buf, size_t bufsz) {
  size_t k = 0;
  int space = 0;
  for (size_t i = t->s; i < t->e; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = 1; continue; }
    if (space && k) { if (k + 1 >= bufsz) return 0; buf[k++] = ' '; }
    space = 0;
    if (is_quote_seq((const unsigned char *)s + i, t->e - i)) { c = '\''; i += 2; }
    if (k + 1 >= bufsz) return 0;
    buf[k++] = (char)tolower(c);
  }
  buf[k] = 0;
  return k;
}

static int grow(cb_tt **v, size_t *cap, size_t need) {
  if (need <= *cap) return 1;
  size_t nc = *cap ? *cap * 2 : 256;
  cb_tt *nv = realloc(*v, nc * sizeof *nv);
  if (!nv) return 0;
  *v = nv; *cap = nc;
  return 1;
}

static void classify(const char *s, cb_tt *t) {
  size_t k = t->e - t->s;
  t->lex = NULL;
  if (k >= 32) return;
  char buf[32];
  buf[0] = (char)tolower((unsigned char)s[t->s]);
  buf[1] = k > 1 ? (char)tolower((unsigned char)s[t->s + 1]) : 0;
  if (!cb_tl_maybe(buf, k)) return;            /* most words stop here */
  for (size_t i = 2; i < k; i++) {
    unsigned char ch = (unsigned char)s[t->s + i];
    if (ch >= 0x80) { k = cb_tt_lower(s, t, buf, sizeof buf); break; }   /* ’ inside */
    buf[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  t->lex = k ? cb_tl_lookup(buf, k) : NULL;
}

/* Merges runs like "more" "than" into one token when the lexicon knows the whole key. */
static size_t merge_multiword(const char *s, cb_tt *v, size_t nt) {
  size_t w = 0;
  for (size_t i = 0; i < nt; i++) {
    size_t best = i;
    const cb_tl_entry *be = v[i].lex;
    if (v[i].lex && (v[i].lex->flags & TLF_PREFIX))
      for (size_t j = i + 1; j < nt && j < i + 5 && v[j].gap < 2; j++) {
        cb_tt span = v[i];
        span.e = v[j].e;
        char buf[32];
        size_t k = cb_tt_lower(s, &span, buf, sizeof buf);
        if (!k) break;
        const cb_tl_entry *e = cb_tl_lookup(buf, k);
        if (!e) break;
        if (e->mask) { best = j; be = e; }
      }
    v[w] = v[i];
    v[w].e = v[best].e;
    v[w].lex = be && be->mask ? be : NULL;
    w++;
    i = best;
  }
  return w;
}

size_t cb_tt_scan(const char *s, size_t n, cb_tt **v, size_t *cap) {
  const unsigned char *p = (const unsigned char *)s;
  size_t nt = 0, i = 0;
  pthread_once(&classes_once, init_classes);
  cb_tl_init();
  int gap = 1;
  while (i < n) {
    unsigned char c = p[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { gap = c == '\n' ? 2 : (gap > 1 ? gap : 1); i++; continue; }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) { if (gap < 1) gap = 1; i += 2; continue; }
    if (!grow(v, cap, nt + 1)) return (size_t)-1;
    cb_tt *t = &(*v)[nt++];
    memset(t, 0, sizeof *t);
    t->s = i; t->gap = (uint8_t)gap; t->num = -1;
    gap = 0;
    if (isdigit(c)) {
      size_t j = i;
      long long val = 0;
      while (j < n && isdigit(p[j])) { if (j - i < 9) val = val * 10 + (p[j] - '0'); j++; }
      t->kind = TK_NUM; t->e = j;
      t->ndig = (uint8_t)(j - i > 255 ? 255 : j - i);
      t->num = j - i <= 9 ? (int32_t)val : -1;
    } else if (word_byte(p + i, n - i)) {
      t->kind = TK_WORD; t->e = scan_word(p, i, n);
      t->cap = isupper(c) ? 1 : 0;
      classify(s, t);
    } else {
      size_t k = seq_len(p + i, n - i);
      t->kind = TK_PUNCT; t->e = i + k;
      t->ch = k == 1 ? (char)c : (k == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] >= 0x90 && p[i + 2] <= 0x95) ? '-' : '?';
    }
    i = t->e;
  }
  return merge_multiword(s, *v, nt);
}
