/*
 * serve_json.c - the growable text buffer the handlers of `corroborate serve` write their
 * answers into, and JSON string escaping safe to put in a page: <, >, &, ' and controls as
 * \u escapes, invalid UTF-8 as U+FFFD. Out of memory is remembered (oom), not fatal.
 */
#include "cli/serve.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(cli_sbuf *b, size_t n) {
  if (b->oom) return -1;
  if (b->len + n + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + n + 1) cap *= 2;
  char *p = realloc(b->p, cap);
  if (!p) { b->oom = 1; return -1; }
  b->p = p;
  b->cap = cap;
  return 0;
}

void cli_sb_put(cli_sbuf *b, const char *s, size_t n) {
  if (grow(b, n)) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}

void cli_sb_puts(cli_sbuf *b, const char *s) { cli_sb_put(b, s, strlen(s)); }

void cli_sb_printf(cli_sbuf *b, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof small) { cli_sb_put(b, small, (size_t)n); return; }
  if (grow(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* The length of the valid UTF-8 sequence at s (1-4), 0 if none. */
static size_t utf8_len(const unsigned char *s) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;  /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) return 0;
    return 4;
  }
  return 0;
}

void cli_sb_json(cli_sbuf *b, const char *s) {
  if (!s) { cli_sb_puts(b, "null"); return; }
  cli_sb_put(b, "\"", 1);
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p;
    if (c == '"' || c == '\\') { char e[2] = {'\\', (char)c}; cli_sb_put(b, e, 2); p++; continue; }
    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == 0x7F) {
      cli_sb_printf(b, "\\u%04x", c);
      p++;
      continue;
    }
    size_t n = utf8_len(p);
    if (!n) { cli_sb_puts(b, "\\ufffd"); p++; continue; }
    cli_sb_put(b, (const char *)p, n);
    p += n;
  }
  cli_sb_put(b, "\"", 1);
}

void cli_sb_key(cli_sbuf *b, const char *key, int first) {
  if (!first) cli_sb_put(b, ",", 1);
  cli_sb_json(b, key);
  cli_sb_put(b, ":", 1);
}

void cli_sb_free(cli_sbuf *b) {
  free(b->p);
  memset(b, 0, sizeof *b);
}
