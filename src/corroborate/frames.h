/*
 * frames.h - are two claims about the same thing? Their frames (src/extract/frame.h) are
 * compared part by part: what is measured (the same lemma, or WordNet synonyms or a kind of
 * the other), whose (two different named owners are two things), the predicate's stance,
 * negation and modality (a demand is not an offer), tense and time (a future target is not
 * a past count; "on Monday" is not "on Friday"), and the voice (a figure quoted in order to
 * deny it is not the outlet's). Values that differ are a conflict only when the frames are
 * the same; when they may be (a part is missing on one side) the finding is uncertain.
 */
#ifndef CB_CORRO_FRAMES_H
#define CB_CORRO_FRAMES_H
#include "extract/frame.h"

typedef enum cb_frames_match {
  CB_FRAMES_APART = 0, /* different things: never compared */
  CB_FRAMES_MAYBE, /* may be the same: compared, a disagreement is only uncertain */
  CB_FRAMES_SAME /* the same thing: a disagreement is a conflict */
} cb_frames_match;

/* kind: cb_frame_head of the claims. *why (may be NULL) gets the part that kept the frames
 * from SAME, in words ("different owners: Smith / Jones"), in arena a (may be NULL). */
cb_frames_match cb_frames_compare(cb_arena *a, const cb_frame *x, const cb_frame *y, int kind,
                                  const char **why);

/* How two measured nouns relate: 2 the same (lemma, WordNet synonym, or one a kind of the
 * other within two steps), 1 related (siblings, or one is a generic count noun), 0 apart. */
int cb_frames_same_measure(const char *x, const char *y);
#endif
