/*
 * utf8.c - UTF-8 validation, normalisation (via utf8proc) and folding; see utf8.h.
 */
#include "text/utf8.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int cb_utf8_decode(const char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
  if (k <= 0) { *cp = 0xFFFD; return 1; }
  *cp = c;
  return (int)k;
}

int cb_utf8_encode(int32_t cp, char *out) {
  return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

int cb_utf8_valid(const char *s, size_t n, size_t *bad) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { i++; continue; }
    int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) { if (bad) *bad = i; return 0; }
    i += (size_t)k;
  }
  return 1;
}

int cb_looks_binary(const char *s, size_t n) {
  size_t ctrl = 0, look = n < 65536 ? n : 65536;
  for (size_t i = 0; i < look; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0) return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ctrl++;
  }
  return look && ctrl * 20 > look;   /* more than 5% control bytes */
}

static int is_zero_width(int32_t c) {
  return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xAD;
}

static int is_odd_space(int32_t c) {
  return c == 0xA0 || c == 0x2007 || c == 0x202F || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x3000 || c == '\t' || c == '\f' || c == '\v';
}

/* 1 if NFC might change this code point's neighbourhood: a combining mark, a Hangul jamo,
 * or a character NFC never keeps (a singleton or composition exclusion). */
static int nfc_sensitive(int32_t cp) {
  if (cp < 0x300) return 0;
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) return 1;
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->combining_class != 0 || p->comp_exclusion || (p->decomp_seqindex != UINT16_MAX && !p->decomp_type && !p->comb_index);
}

char *cb_text_normalize(cb_arena *a, const char *s, size_t n, size_t *outlen) {
  cb_buf b;
  cb_buf_init(&b);
  cb_buf_reserve(&b, n);
  size_t i = 0;
  int need_nfc = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\r') { cb_buf_putc(&b, '\n'); i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1; continue; }
    if (c < 0x80) {
      size_t j = i + 1;   /* copy a run of plain ASCII at once */
      while (j < n && (unsigned char)s[j] < 0x80 && s[j] != '\r') j++;
      cb_buf_append(&b, s + i, j - i);
      i = j;
      continue;
    }
    int32_t cp;
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (nfc_sensitive(cp)) need_nfc = 1;
    if (is_zero_width(cp)) { i += (size_t)k; continue; }
    if (is_odd_space(cp)) { cb_buf_putc(&b, ' '); i += (size_t)k; continue; }
    if (cp == 0x2028 || cp == 0x2029) { cb_buf_putc(&b, '\n'); i += (size_t)k; continue; }
    char enc[4];
    int m = cb_utf8_encode(cp, enc);   /* a bad byte becomes U+FFFD */
    cb_buf_append(&b, enc, (size_t)m);
    i += (size_t)k;
  }
  if (b.oom) { cb_buf_free(&b); return NULL; }
  if (!need_nfc) {   /* already NFC: nothing could compose or decompose */
    char *out = cb_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
    if (outlen) *outlen = b.len;
    cb_buf_free(&b);
    return out;
  }
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t r = b.len ? utf8proc_map((const utf8proc_uint8_t *)b.ptr, (utf8proc_ssize_t)b.len,
                                   &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE) : 0;
  char *out;
  if (r < 0) {  /* cannot happen on the cleaned input; keep it as it is */
    out = cb_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
    if (outlen) *outlen = b.len;
  } else {
    out = cb_arena_strndup(a, nfc ? (const char *)nfc : "", (size_t)r);
    if (outlen) *outlen = (size_t)r;
  }
  free(nfc);
  cb_buf_free(&b);
  return out;
}

static int32_t ascii_punct(int32_t c) {
  switch (c) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB: return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return '-';
  }
  return c;
}

char *cb_fold(cb_arena *a, const char *s, size_t n, size_t *outlen) {
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  if (r < 0) {  /* invalid UTF-8: fold ASCII only */
    char *o = cb_arena_strndup(a, s, n);
    if (!o) return NULL;
    for (size_t i = 0; i < n; i++) if (o[i] >= 'A' && o[i] <= 'Z') o[i] = (char)(o[i] + 32);
    if (outlen) *outlen = n;
    return o;
  }
  char *o = cb_arena_alloc(a, (size_t)r + 1);
  size_t j = 0;
  for (utf8proc_ssize_t i = 0; o && i < r;) {
    int32_t cp;
    int k = cb_utf8_decode((const char *)f + i, (size_t)(r - i), &cp);
    j += (size_t)cb_utf8_encode(ascii_punct(cp), o + j);
    i += k;
  }
  if (o) o[j] = 0;
  free(f);
  if (outlen) *outlen = j;
  return o;
}

char *cb_cp1252_to_utf8(cb_arena *a, const char *s, size_t n, size_t *outlen) {
  static const uint16_t hi[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  if (n > ((size_t)-1) / 3 - 1) return NULL;
  char *o = cb_arena_alloc(a, n * 3 + 1);
  if (!o) return NULL;
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp = c < 0x80 ? c : (c < 0xA0 ? hi[c - 0x80] : c);
    j += (size_t)cb_utf8_encode(cp, o + j);
  }
  o[j] = 0;
  if (outlen) *outlen = j;
  return o;
}
