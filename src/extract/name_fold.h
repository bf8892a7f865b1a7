/*
 * name_fold.h - the folded key of a word or phrase for name matching: lower case, accents
 * stripped, dots dropped ("U.S." -> "us"), curly apostrophes and dashes made ASCII, runs of
 * spaces made one. ASCII text is folded without allocation.
 */
#ifndef CB_EXTRACT_NAME_FOLD_H
#define CB_EXTRACT_NAME_FOLD_H
#include <stddef.h>

enum { CB_NAME_KEY_MAX = 256 };

/* Folds s[0..n) into out (room for CB_NAME_KEY_MAX bytes, NUL-terminated; longer keys are
 * cut at a character boundary). Returns the key length. */
size_t cb_name_fold(const char *s, size_t n, char *out);
/* 1 if s[0..n) holds a byte >= 0x80 (maybe an accented letter). */
int cb_name_has_nonascii(const char *s, size_t n);
#endif
