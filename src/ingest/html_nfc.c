/*
 * html_nfc.c - NFC normalisation with a fast path: most page text is ASCII, Latin letters
 * and typographic punctuation that NFC and cb_text_normalize leave as they are; such text
 * is copied, anything else goes through cb_text_normalize (utf8proc). The output is the
 * same either way.
 */
#include "ingest/html.h"
#include "text/utf8.h"
#include <string.h>

/* 1 if cb_text_normalize would return s unchanged. */
static int already_normal(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '\r' || c == '\t' || c == '\f' || c == '\v') return 0;
      i++;
      continue;
    }
    int32_t cp;
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (cp == 0xFFFD) return 0;
    /* Latin-1 and Latin Extended letters (no NBSP, no soft hyphen), typographic
     * punctuation (dashes, quotes, bullets, ellipsis, primes), currency signs */
    int safe = (cp >= 0xA1 && cp < 0x300 && cp != 0xAD) || (cp >= 0x2010 && cp <= 0x2027) ||
               (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
    if (!safe) return 0;
    i += (size_t)k;
  }
  return 1;
}

char *cb_html_normalize(cb_arena *ar, const char *s, size_t n, size_t *outlen) {
  if (!already_normal(s, n)) return cb_text_normalize(ar, s, n, outlen);
  char *t = cb_arena_strndup(ar, s, n);
  if (t && outlen) *outlen = n;
  return t;
}
