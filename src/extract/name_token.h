/*
 * name_token.h - the word tokens the name finder works on: words with byte offsets, a
 * folded key, and flags saying whether the word is capitalised, whether only spaces join it
 * to the word before, and whether it starts a sentence.
 */
#ifndef CB_EXTRACT_NAME_TOKEN_H
#define CB_EXTRACT_NAME_TOKEN_H
#include "corroborate.h"

enum {
  CB_NT_CAP = 1,         /* first letter upper case ("Maduro", "al-Assad" counts too) */
  CB_NT_ALLCAPS = 2,     /* two or more letters, all upper case ("VTV", "U.S.") */
  CB_NT_JOINED = 4,      /* only one or two spaces (or a dot after an abbreviation) before it */
  CB_NT_SENT_START = 8,  /* first word of a sentence, line or quotation */
  CB_NT_POSS = 16,       /* followed by a possessive 's (not part of the token) */
  CB_NT_DOT_AFTER = 32,  /* a '.' follows directly */
  CB_NT_PAREN_BEFORE = 64, /* " (" right before it */
  CB_NT_PAREN_AFTER = 128, /* ")" right after it */
  CB_NT_COMMA_AFTER = 256, /* "," right after it */
  CB_NT_HEADLINE = 512   /* on a title-case line ("Maduro Confirms Phone Call ...") */
};

typedef struct cb_ntok {
  size_t start, end;     /* bytes of the word in the text */
  const char *key;       /* folded key: keylen bytes, not NUL-terminated (may point into the text) */
  unsigned short keylen;
  unsigned short flags;
  unsigned lex;          /* lexicons holding the word as an entry (1 << cb_name_lex_id) */
  unsigned lex_first;    /* lexicons holding a longer entry that starts with the word */
} cb_ntok;

/* 1 if the token's key is the NUL-terminated word w. */
int cb_ntok_is(const cb_ntok *t, const char *w);

/* Splits s[0..n) into word tokens (arena array in *out). Returns the count; 0 with
 * *out == NULL when there are none or on OOM (*oom set then). */
size_t cb_name_tokens(cb_arena *a, const char *s, size_t n, cb_ntok **out, int *oom);
#endif
