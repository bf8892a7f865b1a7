/*
 * tally.h - vote tallies in clean text: "the House voted 396-9", "passed 301-112", "a
 * 12-to-7 vote", "voted six to one", "by a vote of 60 to 40", "ruled 5-4". A pair of counts
 * is a tally when a word of voting or deciding (data/quantity/tally-cues.txt) stands within
 * three words of it; a score in a game ("won 3-1") is not one.
 */
#ifndef CB_EXTRACT_TALLY_H
#define CB_EXTRACT_TALLY_H
#include "corroborate.h"

typedef struct cb_tally {
  size_t start, end; /* [start, end) byte offsets of "396-9", "six to one" */
  long yes, no; /* the two counts as written, larger first as votes are told */
} cb_tally;

/* Finds the tallies of text[0..n) in order; *out is an arena array. Returns the count. */
size_t cb_tally_extract(cb_arena *a, const char *text, size_t n, cb_tally **out);
#endif
