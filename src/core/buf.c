/*
 * buf.c - growable byte buffer; see buf.h.
 */
#include "core/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cb_buf_init(cb_buf *b) { memset(b, 0, sizeof *b); }
void cb_buf_free(cb_buf *b) { free(b->ptr); memset(b, 0, sizeof *b); }
void cb_buf_reset(cb_buf *b) { b->len = 0; if (b->ptr) b->ptr[0] = 0; }

int cb_buf_reserve(cb_buf *b, size_t extra) {
  if (b->oom) return -1;
  if (b->len + extra + 1 <= b->cap) return 0;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) {
    if (cap > ((size_t)-1) / 2) { b->oom = 1; return -1; }
    cap *= 2;
  }
  char *p = realloc(b->ptr, cap);
  if (!p) { b->oom = 1; return -1; }
  b->ptr = p; b->cap = cap;
  return 0;
}

void cb_buf_append(cb_buf *b, const char *s, size_t n) {
  if (cb_buf_reserve(b, n)) return;
  if (n) memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = 0;
}

void cb_buf_puts(cb_buf *b, const char *s) { cb_buf_append(b, s, strlen(s)); }
void cb_buf_putc(cb_buf *b, char c) { cb_buf_append(b, &c, 1); }

void cb_buf_printf(cb_buf *b, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n > 0 && !cb_buf_reserve(b, (size_t)n)) {
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
}

void cb_buf_json_escape(cb_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"': cb_buf_append(b, "\\\"", 2); break;
    case '\\': cb_buf_append(b, "\\\\", 2); break;
    case '\n': cb_buf_append(b, "\\n", 2); break;
    case '\r': cb_buf_append(b, "\\r", 2); break;
    case '\t': cb_buf_append(b, "\\t", 2); break;
    default:
      if (c < 0x20) {
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        cb_buf_append(b, u, 6);
      } else {
        cb_buf_putc(b, (char)c);
      }
    }
  }
}

void cb_buf_json_str(cb_buf *b, const char *s) {
  if (!s) { cb_buf_puts(b, "null"); return; }
  cb_buf_putc(b, '"');
  cb_buf_json_escape(b, s, strlen(s));
  cb_buf_putc(b, '"');
}

int cb_buf_hand_over(cb_buf *b, char **out, size_t *len, cb_error *e) {
  if (!b->oom) cb_buf_putc(b, '\0');
  if (b->oom || !b->ptr) {
    cb_buf_free(b);
    cb_error_set(e, CB_ENOMEM, "", 0, "out of memory");
    return CB_ENOMEM;
  }
  *out = b->ptr;
  if (len) *len = b->len - 1;
  cb_buf_init(b);
  return CB_OK;
}
