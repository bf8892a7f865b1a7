/*
 * serve_json.c - JSON for the answers of `corroborate serve`, written into the command line's
 * text buffer (out.h): string escaping safe to put in a page (<, >, &, ' and controls as
 * \u escapes, invalid UTF-8 as U+FFFD) and object keys.
 */
#include "cli/serve.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void cli_sb_json(cli_buf *b, const char *s) {
  if (!s) { cli_buf_puts(b, "null"); return; }
  cli_buf_append(b, "\"", 1);
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p;
    if (c == '"' || c == '\\') { char e[2] = {'\\', (char)c}; cli_buf_append(b, e, 2); p++; continue; }
    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == 0x7F) {
      cli_buf_printf(b, "\\u%04x", c);
      p++;
      continue;
    }
    size_t n = utf8_len(p);
    if (!n) { cli_buf_puts(b, "\\ufffd"); p++; continue; }
    cli_buf_append(b, (const char *)p, n);
    p += n;
  }
  cli_buf_append(b, "\"", 1);
}

void cli_sb_key(cli_buf *b, const char *key, int first) {
  if (!first) cli_buf_append(b, ",", 1);
  cli_sb_json(b, key);
  cli_buf_append(b, ":", 1);
}
