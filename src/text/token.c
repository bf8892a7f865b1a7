/*
 * token.c - the tokenizer behind token.h: one linear pass over code points, classified
 * with utf8proc (letters, marks and digits make words; everything else is punctuation).
 */
#include "text/token.h"
#include "text/utf8.h"
#include <string.h>
#include <utf8proc.h>

static int is_wordish(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);   /* L*, M*, N* */
}

static int is_digit_cp(int32_t cp) { return cp >= '0' && cp <= '9'; }

static int is_joiner(int32_t cp) {   /* may sit inside a word when a word char follows */
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == ',' || cp == 0x2010;
}

/* End of the word or number starting at i. */
static size_t word_end(const char *s, size_t n, size_t i, int number) {
  int32_t cp;
  while (i < n) {
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (is_wordish(cp)) { i += (size_t)k; continue; }
    if (!is_joiner(cp) || i + (size_t)k >= n) break;
    if (cp == ',' && !number) break;
    int32_t next;
    cb_utf8_decode(s + i + k, n - i - (size_t)k, &next);
    if (number ? !is_digit_cp(next) : !is_wordish(next)) break;
    i += (size_t)k;
  }
  return i;
}

/* "U.S." and "J." keep their final dot when the word already holds a dot or is one capital. */
static size_t keep_final_dot(const char *s, size_t n, size_t b, size_t e) {
  if (e >= n || s[e] != '.') return e;
  if (memchr(s + b, '.', e - b) || (e - b == 1 && s[b] >= 'A' && s[b] <= 'Z')) return e + 1;
  return e;
}

static int push(cb_arena *a, cb_token **v, size_t *cap, size_t count, cb_token t) {
  if (count == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    cb_token *nv = cb_arena_alloc(a, nc * sizeof *nv);
    if (!nv) return 0;
    if (*v) memcpy(nv, *v, count * sizeof *nv);
    *v = nv; *cap = nc;
  }
  (*v)[count] = t;
  return 1;
}

size_t cb_tokens(cb_arena *a, const char *s, size_t n, cb_token **out) {
  cb_token *v = NULL;
  size_t cap = 0, count = 0;
  *out = NULL;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') { i += (size_t)k; continue; }
    cb_token t = {i, i + (size_t)k, CB_TOK_PUNCT, 0};
    if (is_wordish(cp)) {
      int number = is_digit_cp(cp);
      t.end = word_end(s, n, i, number);
      if (!number) t.end = keep_final_dot(s, n, i, t.end);
      t.kind = number ? CB_TOK_NUMBER : CB_TOK_WORD;
      t.upper = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
    }
    if (!push(a, &v, &cap, count, t)) return 0;
    count++;
    i = t.end;
  }
  *out = v;
  return count;
}

char *cb_token_key(cb_arena *a, const char *s, const cb_token *t) {
  size_t len = t->end - t->start;
  if (len > 1 && s[t->end - 1] == '.') len--;
  return cb_fold(a, s + t->start, len, NULL);
}

int cb_token_is(const char *s, const cb_token *t, char c) {
  return t->kind == CB_TOK_PUNCT && t->end == t->start + 1 && s[t->start] == c;
}
