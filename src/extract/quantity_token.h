/*
 * quantity_token.h - the token stream the quantity extractor walks: numbers (digits with
 * thousands separators and decimals), words (letters, then letters or digits: "km2",
 * "L202"), runs of white space, and single other code points ("$", "%", "-", "½").
 */
#ifndef CB_EXTRACT_QUANTITY_TOKEN_H
#define CB_EXTRACT_QUANTITY_TOKEN_H
#include <stddef.h>
#include <stdint.h>

enum { QT_NUM = 1, QT_WORD, QT_SPACE, QT_PUNCT };

typedef struct cb_qtok {
  uint32_t start, end;      /* offsets into the chunk being walked */
  unsigned char kind;
  unsigned char newline;    /* QT_SPACE: contains a line break */
  unsigned char digit_in;   /* QT_WORD: contains a digit */
  unsigned char upper;      /* QT_WORD: starts with an upper-case ASCII letter */
} cb_qtok;

/* Tokenises s[0..n) into t (room for n tokens; n < 4 GiB); returns the count. */
size_t cb_qtokenize(const char *s, size_t n, cb_qtok *t);
#endif
