/*
 * token.h - words, numbers and punctuation with byte offsets into the text, and their
 * folded keys ("Nicolás" and "NICOLAS" share the key "nicolas"). Never fails on bad bytes:
 * an invalid byte becomes a one-byte punctuation token.
 */
#ifndef CB_TEXT_TOKEN_H
#define CB_TEXT_TOKEN_H
#include "corroborate.h"

typedef enum cb_token_kind { CB_TOK_WORD = 1, CB_TOK_NUMBER, CB_TOK_PUNCT } cb_token_kind;

typedef struct cb_token {
  size_t start, end;      /* [start, end) byte offsets */
  unsigned char kind;     /* cb_token_kind */
  unsigned char upper;    /* 1: the first letter is upper case */
} cb_token;

/* Splits s[0..n) into tokens (arena array in *out). Words keep inner apostrophes, hyphens
 * and dots ("don't", "al-Assad", "U.S."); numbers keep inner separators ("4.5", "1,200").
 * Returns the count; 0 with *out == NULL on OOM or when there is no token. */
size_t cb_tokens(cb_arena *a, const char *s, size_t n, cb_token **out);
/* The folded key of a token (case and accents removed, a trailing dot dropped). */
char *cb_token_key(cb_arena *a, const char *s, const cb_token *t);
/* 1 if the token is the single punctuation character c. */
int cb_token_is(const char *s, const cb_token *t, char c);
#endif
