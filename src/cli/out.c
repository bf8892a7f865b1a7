/*
 * out.c - the command line's text buffer (out.h). On a failed allocation it remembers it
 * (oom) and ignores further appends, so a command checks once.
 */
#include "cli/out.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_buf_init(cli_buf *b) { memset(b, 0, sizeof *b); }

void cli_buf_free(cli_buf *b) {
  free(b->ptr);
  cli_buf_init(b);
}

void cli_buf_reset(cli_buf *b) {
  b->len = 0;
  if (b->ptr) b->ptr[0] = 0;
}

static int reserve(cli_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->ptr, cap);
  if (!p) { b->oom = 1; return -1; }
  b->ptr = p;
  b->cap = cap;
  return 0;
}

void cli_buf_append(cli_buf *b, const char *s, size_t n) {
  if (reserve(b, n)) return;
  memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = 0;
}

void cli_buf_puts(cli_buf *b, const char *s) { cli_buf_append(b, s, strlen(s)); }

void cli_buf_putc(cli_buf *b, char c) { cli_buf_append(b, &c, 1); }

void cli_buf_printf(cli_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void cli_buf_json_str(cli_buf *b, const char *s) {
  static const char hex[] = "0123456789abcdef";
  if (!s) { cli_buf_puts(b, "null"); return; }
  cli_buf_putc(b, '"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '"': cli_buf_puts(b, "\\\""); break;
    case '\\': cli_buf_puts(b, "\\\\"); break;
    case '\n': cli_buf_puts(b, "\\n"); break;
    case '\r': cli_buf_puts(b, "\\r"); break;
    case '\t': cli_buf_puts(b, "\\t"); break;
    default:
      if (c < 0x20) {
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        cli_buf_append(b, u, 6);
      } else {
        cli_buf_putc(b, (char)c);
      }
    }
  }
  cli_buf_putc(b, '"');
}
