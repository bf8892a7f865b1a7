/*
 * entity_kind.c - the kind of a name (see entity_kind.h). Order of evidence: the whole name
 * in a lexicon (outlets, organisations, places), a cue word inside it ("Times",
 * "Department"), a hint from its context (a title: person; "channel": outlet; a dateline:
 * place), then its shape (two or more capitalised words: a person; an all-capitals word: an
 * organisation).
 */
#include "extract/entity_kind.h"
#include "extract/name_lexicon.h"
#include "extract/name_scan.h"
#include <string.h>

/* 1 if the last word or the last two words of key are in lexicon id. */
static int ends_with(cb_name_lex_id id, const char *key, size_t n) {
  int found = 0;
  for (size_t i = n, spaces = 0; i-- > 0 && spaces < 2 && !found;) {
    if (key[i] != ' ') continue;
    spaces++;
    found = cb_name_lex_get(id, key + i + 1, n - i - 1) != NULL;
  }
  return found;
}

/* 1 if word w, or its English translation, is in lexicon id. */
static int word_in(cb_name_lex_id id, const char *w, size_t n) {
  if (cb_name_lex_get(id, w, n)) return 1;
  const char *en = cb_name_lex_get(CB_LEX_TRANSLATE, w, n);
  return en && cb_name_lex_get(id, en, strlen(en));
}

/* 1 if any word (or two-word run) of key is in lexicon id ("Ejército" counts as "army"). */
static int holds(cb_name_lex_id id, const char *key, size_t n) {
  size_t b = 0, prev = (size_t)-1;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && key[i] != ' ') continue;
    if (i > b && word_in(id, key + b, i - b)) return 1;
    if (prev != (size_t)-1 && cb_name_lex_get(id, key + prev, i - prev)) return 1;
    prev = b;
    b = i + 1;
  }
  return 0;
}

cb_name_kind cb_entity_kind(const char *key, size_t n, unsigned hints, int allcaps) {
  if (cb_name_lex_get(CB_LEX_OUTLETS, key, n)) return CB_NAME_OUTLET;
  if (cb_name_lex_get(CB_LEX_ORGS, key, n)) return CB_NAME_ORG;
  if (cb_name_lex_get(CB_LEX_PLACES, key, n)) return CB_NAME_PLACE;
  if (hints & CB_HINT_OUTLET) return CB_NAME_OUTLET;
  if (hints & CB_HINT_PLACE) return CB_NAME_PLACE;
  int words = n > 0 && memchr(key, ' ', n) != NULL;
  if (words && ends_with(CB_LEX_OUTLET_CUES, key, n)) return CB_NAME_OUTLET;
  if (words && ends_with(CB_LEX_PLACE_CUES, key, n)) return CB_NAME_PLACE;
  if (holds(CB_LEX_ORG_CUES, key, n)) return CB_NAME_ORG;
  if (hints & CB_HINT_PERSON) return CB_NAME_PERSON;
  if (allcaps) return CB_NAME_ORG;
  const char *sp = memchr(key, ' ', n);
  if (sp && cb_name_lex_get(CB_LEX_DEMONYMS, key, (size_t)(sp - key))) return CB_NAME_UNKNOWN;   /* "American Muslims" */
  if (words) return CB_NAME_PERSON;
  return CB_NAME_UNKNOWN;
}
