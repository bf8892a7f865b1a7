/*
 * timex_tok.h - the token stream the timex matcher reads: words (with their lexicon
 * entry; multi-word lexicon keys such as "more than" or "new year's day" become one
 * token), digit runs with their value, and single punctuation marks, all with offsets.
 */
#ifndef CB_EXTRACT_TIMEX_TOK_H
#define CB_EXTRACT_TIMEX_TOK_H
#include "extract/timex_lex.h"
#include <stddef.h>
#include <stdint.h>

enum { TK_WORD = 1, TK_NUM, TK_PUNCT };

typedef struct cb_tt {
  size_t s, e;                 /* byte offsets [s, e) */
  const cb_tl_entry *lex;      /* NULL when not in the lexicon */
  int32_t num;                 /* TK_NUM: the value (digit runs of up to 9 digits), else -1 */
  uint8_t kind, cap, gap;      /* gap: 0 glued to the previous token, 1 space, 2 line break */
  uint8_t ndig;                /* TK_NUM: number of digits */
  char ch;                     /* TK_PUNCT: the ASCII mark; '-' also for en/em dashes */
} cb_tt;

/* Tokenises s[0..n) into *v (grown with realloc; *cap is its capacity). Returns the count,
 * or (size_t)-1 on OOM. */
size_t cb_tt_scan(const char *s, size_t n, cb_tt **v, size_t *cap);
/* The token's lower-case text (ASCII folding, ’ as '), NUL-terminated in buf; 0 if too long. */
size_t cb_tt_lower(const char *s, const cb_tt *t, char *buf, size_t bufsz);
#endif
