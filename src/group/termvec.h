/*
 * termvec.h - TF-IDF term vectors for story grouping: content words (stop words and
 * numbers left out) with named entities and title words weighted up, IDF from the document
 * frequencies the engine keeps, cut to the strongest terms and L2-normalised. Vectors are
 * sorted by term key so two of them meet in one merge pass.
 */
#ifndef CB_GROUP_TERMVEC_H
#define CB_GROUP_TERMVEC_H
#include "group/words.h"
#include "group/u64map.h"
#include <stddef.h>
#include <stdint.h>

typedef struct cb_term { uint64_t key; float w; } cb_term;

typedef struct cb_termvec_opts {
  double entity_boost;   /* extra term frequency for a named-entity occurrence */
  double title_boost;    /* extra term frequency for a title occurrence */
  int max_terms;         /* strongest terms kept */
} cb_termvec_opts;

/* Distinct content-term keys of w (for document frequencies), written to keys (room for
 * n); returns how many. */
size_t cb_content_terms(const cb_word *w, size_t n, uint64_t *keys);
/* Builds the vector of w into out (room for o->max_terms); returns its length.
 * df: term -> document count, ndocs: documents counted. -1 on OOM. */
long cb_termvec_build(const cb_word *w, size_t n, const cb_termvec_opts *o, const cb_u64map *df,
                      uint32_t ndocs, cb_term *out);
/* Dot product of two key-sorted vectors. */
double cb_termvec_dot(const cb_term *a, size_t na, const cb_term *b, size_t nb);
/* Sorts by key / by weight (descending, key as tie-break). */
void cb_terms_sort_key(cb_term *t, size_t n);
void cb_terms_sort_weight(cb_term *t, size_t n);
#endif
