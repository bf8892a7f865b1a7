/*
 * html_nfc.c - cb_text_normalize with a fast path. Most page text is made of characters
 * that NFC leaves alone and that never combine with their neighbours (ASCII, Latin,
 * Cyrillic, CJK, kana, Hangul syllables, typographic punctuation, emoji); for such text
 * the clean-up cb_text_normalize does (CR/CRLF to LF, odd spaces and NBSP to ' ',
 * zero-width characters out, line/paragraph separators to LF) is done here in one pass
 * without utf8proc. Any other character sends the whole text to cb_text_normalize, so the
 * result is the same either way.
 */
#include "ingest/html.h"
#include "text/utf8.h"
#include <string.h>

/* NFC-stable, combining class 0, never the second half of a canonical composition. */
static int stable(int32_t c) {
  return (c >= 0xA0 && c < 0x300) || (c >= 0x400 && c <= 0x482) || (c >= 0x48A && c <= 0x52F) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20C0) ||
         (c >= 0x2100 && c <= 0x2125) || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2500 && c <= 0x27BF) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x3001 && c <= 0x3029) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xFF01 && c <= 0xFF5E) ||
         (c >= 0x1F300 && c <= 0x1FAFF);
}

static int zero_width(int32_t c) {
  return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xAD;
}

static int odd_space(int32_t c) {
  return c == 0xA0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

/* The fast path: 1 and the cleaned text in out (n + 1 bytes), or 0 if some character
 * needs the full normaliser. */
static int clean_simple(const char *s, size_t n, char *out, size_t *outlen) {
  size_t j = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c == '\r') { out[j++] = '\n'; i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1; continue; }
      out[j++] = (char)c;
      i++;
      continue;
    }
    int32_t cp;
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (cp == 0xFFFD) return 0;
    if (zero_width(cp)) { i += (size_t)k; continue; }
    if (odd_space(cp)) out[j++] = ' ';
    else if (cp == 0x2028 || cp == 0x2029) out[j++] = '\n';
    else if (stable(cp)) { memcpy(out + j, s + i, (size_t)k); j += (size_t)k; }
    else return 0;
    i += (size_t)k;
  }
  out[j] = 0;
  *outlen = j;
  return 1;
}

char *cb_html_normalize(cb_arena *ar, const char *s, size_t n, size_t *outlen) {
  char *out = cb_arena_alloc(ar, n + 1);
  if (!out) return NULL;
  size_t len = 0;
  if (!clean_simple(s, n, out, &len)) return cb_text_normalize(ar, s, n, outlen);
  if (outlen) *outlen = len;
  return out;
}
