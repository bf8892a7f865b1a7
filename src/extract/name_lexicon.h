/*
 * name_lexicon.h - the name lexicons of data/names/ as hash tables of folded phrases.
 * Each table maps a folded phrase ("secretary of state", "us") to its canonical form
 * ("Secretary of State", "US"). Tables are loaded once per process and never freed.
 */
#ifndef CB_EXTRACT_NAME_LEXICON_H
#define CB_EXTRACT_NAME_LEXICON_H
#include <stddef.h>

typedef enum cb_name_lex_id {
  CB_LEX_TITLES, CB_LEX_ROLE_NOUNS, CB_LEX_MODIFIERS, CB_LEX_DEMONYMS, CB_LEX_HONORIFICS,
  CB_LEX_PARTICLES, CB_LEX_STOPWORDS, CB_LEX_PLACES, CB_LEX_ORGS, CB_LEX_OUTLETS,
  CB_LEX_ORG_CUES, CB_LEX_OUTLET_CUES, CB_LEX_OUTLET_NOUNS, CB_LEX_TRANSLATE, CB_LEX_ALIASES,
  CB_LEX_PREFIXES, CB_LEX_PLACE_CUES, CB_LEX_COUNT
} cb_name_lex_id;

/* The canonical form of the folded key[0..n) in lexicon id, or NULL. */
const char *cb_name_lex_get(cb_name_lex_id id, const char *key, size_t n);
/* Bit masks (1 << cb_name_lex_id) of the lexicons holding the one-word key as a whole
 * entry (return value) and as the first word of a longer entry (*first). */
unsigned cb_name_lex_word(const char *key, size_t n, unsigned *first);
/* The most words any phrase of lexicon id has (for longest-match scans). */
int cb_name_lex_max_words(cb_name_lex_id id);
#endif
