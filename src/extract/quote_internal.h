/*
 * quote_internal.h - what the quote extraction files share: the raw quote spans found by
 * the mark pairing (quote_marks.c), the token context, and the speaker phrase found by
 * the cue search (quote_cue.c) before resolution (quote.c).
 */
#ifndef CB_EXTRACT_QUOTE_INTERNAL_H
#define CB_EXTRACT_QUOTE_INTERNAL_H
#include "extract/quote.h"
#include "extract/quote_lexicon.h"
#include "text/token.h"

/* Pairs quote marks paragraph by paragraph; fills start/end/inner/paragraphs only. */
size_t cb_quote_marks(cb_arena *a, const char *s, size_t n, cb_quote **out);

typedef struct cb_qtext {
  const char *s; size_t n;
  cb_token *tok; size_t ntok;
} cb_qtext;

typedef enum { CB_NP_NONE = 0, CB_NP_PRONOUN, CB_NP_NAME, CB_NP_DESC } cb_np_kind;

typedef struct cb_np {
  cb_np_kind kind;
  size_t b, e;          /* token range of the whole phrase */
  size_t name_b;        /* CB_NP_NAME: first token of the name after the titles */
  size_t head;          /* CB_NP_DESC: the head noun token */
  int according_to;     /* found through "according to" */
} cb_np;

/* Folds token i into buf (cap bytes, ASCII fast path, trailing dot dropped); returns length. */
size_t cb_qkey(const cb_qtext *t, size_t i, char *buf, size_t cap);
/* The text of tokens [b, e) without a final possessive "'s", in the arena. */
const char *cb_qname(cb_arena *a, const cb_qtext *t, size_t b, size_t e);
/* 1 if token i ends a sentence: "!", "?" or a "." that is not an abbreviation's ("R-Ky.,", "Gov."). */
int cb_qsentence_end(const cb_qtext *t, size_t i);
/* 1 if token i is in the list. */
int cb_qis(const cb_qtext *t, size_t i, cb_qlex list);
/* Finds the cue and the speaker phrase for quote q; sets q->cue_* and returns the phrase. */
cb_np cb_quote_find_cue(const cb_qtext *t, cb_quote *q, size_t prev_end, size_t next_start);
#endif
