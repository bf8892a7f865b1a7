/*
 * sentence.h - sentence boundaries with byte offsets into the clean text. Survives
 * abbreviations (U.S., Gov., Dec.), initials, decimals and closing quotes.
 */
#ifndef CB_TEXT_SENTENCE_H
#define CB_TEXT_SENTENCE_H
#include "corroborate.h"

typedef struct cb_span { size_t start, end; } cb_span;   /* [start, end) byte offsets */

/* Splits s[0..n) into sentences (arena array in *out). Returns the count; 0 with
 * *out == NULL on OOM or empty text. */
size_t cb_sentences(cb_arena *a, const char *s, size_t n, cb_span **out);
#endif
