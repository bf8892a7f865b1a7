/*
 * utf8.h - UTF-8 checks and normalisation shared by every stage: validation with the
 * offset of the first bad byte, binary detection, NFC, and folded keys for matching
 * ("Nicolás" and "NICOLAS" fold to the same key).
 */
#ifndef CB_TEXT_UTF8_H
#define CB_TEXT_UTF8_H
#include "corroborate.h"
#include <stddef.h>
#include <stdint.h>

/* Returns 1 if s[0..n) is valid UTF-8; otherwise 0 and *bad = offset of the first bad byte. */
int cb_utf8_valid(const char *s, size_t n, size_t *bad);
/* Returns 1 if the bytes look binary (NUL bytes or many control characters). */
int cb_looks_binary(const char *s, size_t n);
/* Decodes one code point at s (n bytes left); returns its length (>=1) and sets *cp
 * (U+FFFD for a bad sequence, length 1). */
int cb_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
int cb_utf8_encode(int32_t cp, char *out);
/* NFC-normalises valid UTF-8 into the arena; CRLF/CR become LF, NBSP and other spaces
 * become ' ', zero-width characters and the BOM vanish. NULL on OOM. */
char *cb_text_normalize(cb_arena *a, const char *s, size_t n, size_t *outlen);
/* Folded key: case-folded, accents stripped, curly quotes/dashes mapped to ASCII. */
char *cb_fold(cb_arena *a, const char *s, size_t n, size_t *outlen);
/* Converts Latin-1/Windows-1252 bytes to UTF-8 in the arena. */
char *cb_cp1252_to_utf8(cb_arena *a, const char *s, size_t n, size_t *outlen);
#endif
