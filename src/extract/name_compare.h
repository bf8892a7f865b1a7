/*
 * name_compare.h - how two written forms of a name differ: edit distance, misspelling of
 * one word, acronym (Schwartz-Hearst letter matching), translation key (words translated
 * through data/names/translate.tsv), alias table, and the overall kind of difference.
 * Inputs are folded keys (name_fold.h) unless said otherwise.
 */
#ifndef CB_EXTRACT_NAME_COMPARE_H
#define CB_EXTRACT_NAME_COMPARE_H
#include "extract/names.h"
#include <stddef.h>

/* Optimal-string-alignment distance of a and b, or max + 1 when larger than max. */
int cb_name_distance(const char *a, size_t an, const char *b, size_t bn, int max);
/* 1 if word b is likely a misspelling of word a: same first letter, both 4+ letters, not
 * the beginning of the other (plural, adjective), and one edit apart, where a vowel for a vowel or a doubled letter
 * counts half ("Hegseth" / "Higgseth", "Okafor" / "Okafur", "Soles" / "Sols"; not "Carson" /
 * "Cardin"). */
int cb_name_misspelt(const char *a, size_t an, const char *b, size_t bn);
/* 1 if the single word acr (3-8 letters) abbreviates the multi-word key lng: the initials
 * of every content word in order (particles may give theirs), plus at most one letter that
 * starts the second part of a compound word ("vtv" / "venezolana de tele|vision"). */
int cb_name_is_acronym(const char *acr, size_t an, const char *lng, size_t ln);
/* The translation key of a multi-word key: each word translated to English where the
 * table knows it, function words dropped, words sorted. *translated: a word changed.
 * Returns the key length written into out (CB_NAME_KEY_MAX bytes). */
size_t cb_name_translation_key(const char *key, size_t n, char *out, int *translated);
/* The folded key of the canonical name key is an alias of, or NULL. */
const char *cb_name_alias_of(const char *key, size_t n, char *out, size_t *outn);
/* How written form differs from written name (both surface text). */
cb_form_diff cb_name_compare(const char *form, const char *name);
#endif
