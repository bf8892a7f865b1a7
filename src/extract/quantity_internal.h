/*
 * quantity_internal.h - what the parts of the quantity extractor share: the token walk
 * context, token helpers, and the parsed number.
 */
#ifndef CB_EXTRACT_QUANTITY_INTERNAL_H
#define CB_EXTRACT_QUANTITY_INTERNAL_H
#include "extract/quantity_lex.h"
#include "extract/quantity_token.h"
#include "corroborate.h"
#include <stddef.h>

typedef struct cb_qctx {
  const char *s;             /* the whole text: token offsets point into it */
  const cb_qtok *t;
  size_t nt;
  const struct cb_qlex *lx;
  const unsigned char *bloom;  /* cb_qlex_start_bloom(lx) */
} cb_qctx;

/* A number as parsed from tokens first..last (inclusive). */
typedef struct cb_qnum {
  size_t first, last;
  double value;
  int digits;        /* written with digits (not words) */
  int integer;       /* no decimal part, no fraction */
  int int_digits;    /* digits before the decimal point, separators not counted */
  int separators;    /* had thousands separators */
  int scaled;        /* multiplied by a scale word or suffix ("million", "bn") */
  int suffix_money;  /* the scale suffix only holds next to money ("50m") */
  double suffix_factor; /* that suffix's factor, to undo it when there is no money */
  int decimals;      /* digits after the decimal point */
  int vague;         /* "hundreds of": a lower bound, not a count */
} cb_qnum;

/* Token helpers. Next/previous token skipping one space run; cb_qctx.nt (or (size_t)-1 for
 * prev) when there is none or the space holds a line break. */
size_t cb_q_next(const cb_qctx *c, size_t i);
size_t cb_q_prev(const cb_qctx *c, size_t i);
int cb_q_glued(const cb_qctx *c, size_t i);      /* token i touches token i-1 */
size_t cb_q_lower(const cb_qctx *c, size_t i, char *buf, size_t cap);  /* 0: too long */
int cb_q_is(const cb_qctx *c, size_t i, const char *word);  /* case-insensitive */
int cb_q_punct(const cb_qctx *c, size_t i, char ch);
/* Key of the k significant tokens from i (spaces as one ' ', none around '-' and '/');
 * sets *last. 0 when not possible. */
size_t cb_q_key(const cb_qctx *c, size_t i, int k, int lower, char *buf, size_t cap, size_t *last);

/* Parses a number starting at token i. Returns 1 and fills n, 0 if none starts there, -1 if
 * the digits are junk (an id, a malformed group) and must be skipped. */
int cb_qnum_parse(const cb_qctx *c, size_t i, cb_qnum *n);
/* 1 if token i starts a number word ("two", "a dozen", "half a"). */
int cb_qnum_word_start(const cb_qctx *c, size_t i);

/* Lower-cased word of token i looked up in words.tsv; NULL if absent. */
const cb_qword *cb_q_word(const cb_qctx *c, size_t i);

/* A unit found after a number: tokens first..last. */
typedef struct cb_qunitm {
  const cb_qunit *u;
  size_t first, last;
  const char *per;       /* "share", "year" for compound units ("$70 a share"), or NULL */
} cb_qunitm;
/* Looks for a unit right after the number n (quantity_unit.c). 1 when found. */
int cb_q_unit_after(const cb_qctx *c, const cb_qnum *n, cb_qunitm *m);
/* Looks for "a share", "per year", "of jet fuel a year" after token last; returns the
 * denominator's normalised name and sets *end, or NULL. */
const char *cb_q_per_after(const cb_qctx *c, size_t last, size_t *end);

/* Traps (quantity_traps.c): each returns 1 when the number is not a quantity, and may set
 * *skip_to to the last token the non-quantity covers. */
int cb_q_is_time(const cb_qctx *c, const cb_qnum *n, size_t *skip_to);
int cb_q_is_date(const cb_qctx *c, const cb_qnum *n);
int cb_q_is_code(const cb_qctx *c, const cb_qnum *n, size_t *skip_to);
int cb_q_is_year(const cb_qctx *c, const cb_qnum *n);
int cb_q_is_address(const cb_qctx *c, const cb_qnum *n);
int cb_q_is_reference(const cb_qctx *c, const cb_qnum *n);   /* "No. 2", "verse 71" */
int cb_q_is_pronoun_one(const cb_qctx *c, const cb_qnum *n);
int cb_q_near_score_word(const cb_qctx *c, size_t i);
/* "FRANCE 24", "Apollo 11": an integer right after a capitalised word inside a sentence. */
int cb_q_is_name_number(const cb_qctx *c, const cb_qnum *n);
/* "1 ) explains", "2) cautions": a list item number with no opening parenthesis before it. */
int cb_q_is_enumerator(const cb_qctx *c, const cb_qnum *n);

/* Counted noun after token i (quantity_noun.c): lower-case singular head phrase in the
 * arena, and the index of its last token; NULL when the next words are not a noun. */
const char *cb_q_noun_after(const cb_qctx *c, cb_arena *a, size_t i, size_t *last, const char **event);
/* Event word within a few words before token i (same sentence); lemma or NULL; *dist is
 * how many tokens back it is. */
const char *cb_q_event_before(const cb_qctx *c, size_t i, int *dist);
/* Event word within a few words after token i; lemma or NULL; *dist as above. */
const char *cb_q_event_after(const cb_qctx *c, size_t i, int *dist);
#endif
