/*
 * quote_lexicon.h - the word lists behind quote extraction (the embedded data/quotes/ files):
 * cue verbs, pronouns, titles, role nouns, determiners and the words that may stand
 * between a speaker and a cue. Loaded once, shared read-only by every thread.
 */
#ifndef CB_EXTRACT_QUOTE_LEXICON_H
#define CB_EXTRACT_QUOTE_LEXICON_H
#include <stddef.h>

typedef enum cb_qlex {
  CB_QLEX_CUE = 0, CB_QLEX_PRONOUN, CB_QLEX_TITLE, CB_QLEX_ROLE, CB_QLEX_DETERMINER, CB_QLEX_SKIP, CB_QLEX_STOP, CB_QLEX_ORG,
  CB_QLEX_COUNT
} cb_qlex;

/* Looks up a folded key (key[0..n)) in a list. Returns NULL if absent, else the entry's
 * value (the text after a TAB on its line, or "" when there is none). NULL too when the
 * lists cannot be loaded (out of memory). */
const char *cb_qlex_find(cb_qlex list, const char *key, size_t n);
#endif
