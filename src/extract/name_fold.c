/*
 * name_fold.c - folded keys for names (see name_fold.h): an ASCII fast path, utf8proc for
 * the rest.
 */
#include "extract/name_fold.h"
#include "text/utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

int cb_name_has_nonascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) return 1;
  return 0;
}

static int32_t ascii_form(int32_t c) {
  switch (c) {
  case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return '-';
  }
  return c;
}

/* Appends cp to out[*j] unless it is a dot or a repeated space; keeps room for the NUL. */
static void put(char *out, size_t *j, int32_t cp) {
  if (cp == '.') return;
  if (cp > ' ' && cp < 0x80) {
    if (*j + 1 < CB_NAME_KEY_MAX) out[(*j)++] = (char)cp;
    return;
  }
  if (cp == ' ' || cp == '\t' || cp == '\n') {
    if (*j == 0 || out[*j - 1] == ' ') return;
    cp = ' ';
  }
  char tmp[4];
  int k = cb_utf8_encode(cp, tmp);
  if (*j + (size_t)k >= CB_NAME_KEY_MAX) return;
  for (int i = 0; i < k; i++) out[(*j)++] = tmp[i];
}

size_t cb_name_fold(const char *s, size_t n, char *out) {
  size_t j = 0;
  if (!cb_name_has_nonascii(s, n)) {
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      put(out, &j, (c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
  } else {
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    if (r < 0 || !f) {   /* invalid UTF-8 or no memory: fold the ASCII bytes only */
      free(f);
      for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) put(out, &j, (c >= 'A' && c <= 'Z') ? c + 32 : c);
      }
    } else {
      for (utf8proc_ssize_t i = 0; i < r;) {
        int32_t cp;
        int k = cb_utf8_decode((const char *)f + i, (size_t)(r - i), &cp);
        put(out, &j, ascii_form(cp));
        i += k;
      }
      free(f);
    }
  }
  while (j > 0 && out[j - 1] == ' ') j--;
  out[j] = 0;
  return j;
}
