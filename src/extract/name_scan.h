/*
 * name_scan.h - the first stage of cb_names_extract: finds name mentions in the tokens,
 * with the title and modifiers written before them ("former U.S. President Donald Trump",
 * "White House press secretary Caroline Leavitt") and role phrases ("the Venezuelan
 * leader"), plus hints about the kind of name. Entities are made later (entity_merge.c).
 */
#ifndef CB_EXTRACT_NAME_SCAN_H
#define CB_EXTRACT_NAME_SCAN_H
#include "extract/names.h"
#include "extract/name_token.h"

enum {
  CB_HINT_PERSON = 1,     /* title or honorific before it */
  CB_HINT_OUTLET = 2,     /* "channel", "newspaper" ... before it */
  CB_HINT_TENTATIVE = 4,  /* one capitalised word at a sentence start: maybe not a name */
  CB_HINT_HEADLINE = 8,   /* found on a title-case line */
  CB_HINT_BRACKETED = 16, /* "X (Y)": Y, another name of X */
  CB_HINT_PLACE = 32      /* the place of a dateline ("PORT VELIN —", "LONDON, March 3 (Reuters) -") */
};

typedef struct cb_name_hit {
  cb_name_mention m;      /* entity == CB_NAME_NONE at this stage */
  size_t t0, t1;          /* the name's tokens [t0, t1) (t0 == t1 for a role phrase) */
  unsigned hints;
} cb_name_hit;

/* Finds the mentions of s[0..n) given its tokens; arena array in *out. Returns the
 * count; sets *oom on allocation failure. */
size_t cb_name_scan(cb_arena *a, const char *s, size_t n, const cb_ntok *t, size_t nt,
                    cb_name_hit **out, int *oom);

/* Longest phrase of lexicon id starting at token i (following words joined by spaces).
 * Returns its number of tokens (0: none) and sets *canon. */
size_t cb_name_lex_match(int id, const cb_ntok *t, size_t nt, size_t i, const char **canon);
#endif
