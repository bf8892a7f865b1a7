/*
 * html_esc.c - HTML escaping of article text; see html_esc.h.
 */
#include "report/html_esc.h"
#include "text/utf8.h"
#include <string.h>
#include <strings.h>

void cb_html_esc(cb_buf *o, const char *s, size_t n) {
  for (size_t i = 0; s && i < n;) {
    int32_t cp;
    int len = cb_utf8_decode(s + i, n - i, &cp);
    if (len < 1) len = 1;
    i += (size_t)len;
    switch (cp) {
    case '&': cb_buf_puts(o, "&amp;"); continue;
    case '<': cb_buf_puts(o, "&lt;"); continue;
    case '>': cb_buf_puts(o, "&gt;"); continue;
    case '"': cb_buf_puts(o, "&quot;"); continue;
    case '\'': cb_buf_puts(o, "&#39;"); continue;
    case '\n': cb_buf_putc(o, '\n'); continue;
    case '\t': cb_buf_putc(o, ' '); continue;
    default: break;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    char enc[4];
    cb_buf_append(o, enc, (size_t)cb_utf8_encode(cp, enc));
  }
}

void cb_html_str(cb_buf *o, const char *s, const char *fallback) {
  if (s) cb_html_esc(o, s, strlen(s));
  else if (fallback) cb_buf_puts(o, fallback);
}

int cb_html_url_ok(const char *url) {
  if (!url) return 0;
  if (strncasecmp(url, "https://", 8) && strncasecmp(url, "http://", 7)) return 0;
  for (const char *p = url; *p; p++) if ((unsigned char)*p <= ' ') return 0;
  return 1;
}
