/*
 * html_esc.h - escaping for the HTML brief: article text is data, never markup. Every
 * string from an article goes through these (text and attribute values alike).
 */
#ifndef CB_REPORT_HTML_ESC_H
#define CB_REPORT_HTML_ESC_H
#include "core/buf.h"
#include <stddef.h>

/* Appends s[0..n) escaped for HTML text or a quoted attribute: & < > " ' become entities,
 * control characters (but newline) are dropped, invalid UTF-8 becomes U+FFFD. */
void cb_html_esc(cb_buf *o, const char *s, size_t n);
/* Same for a NUL-terminated string; NULL appends fallback (unescaped, a literal). */
void cb_html_str(cb_buf *o, const char *s, const char *fallback);
/* Appends an href for a link the user gave (http or https only); returns 0 if unsafe. */
int cb_html_url_ok(const char *url);
#endif
