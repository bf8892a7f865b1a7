/*
 * warc_http.c - the HTTP layer inside WARC response records: status line, the headers
 * the reader needs (Content-Type with its charset, Transfer-Encoding, Content-Encoding)
 * and chunked bodies.
 */
#include "ingest/warc.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *line_end(const char *p, const char *end) {
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  return nl ? nl : end;
}

static int header_is(const char *p, const char *colon, const char *name) {
  size_t n = strlen(name);
  return (size_t)(colon - p) == n && strncasecmp(p, name, n) == 0;
}

static void trim(const char **b, const char **e) {
  while (*b < *e && isspace((unsigned char)**b)) (*b)++;
  while (*e > *b && isspace((unsigned char)(*e)[-1])) (*e)--;
}

void cb_http_charset(const char *v, size_t n, char *out, size_t cap) {
  out[0] = 0;
  const char *end = v + n;
  for (const char *p = v; p + 8 <= end; p++) {
    if (strncasecmp(p, "charset=", 8) != 0) continue;
    p += 8;
    while (p < end && (*p == '"' || *p == '\'' || *p == ' ')) p++;
    size_t k = 0;
    while (p < end && k + 1 < cap && (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
      out[k++] = (char)tolower((unsigned char)*p++);
    out[k] = 0;
    return;
  }
}

static void take_header(cb_http *h, const char *p, const char *colon, const char *e) {
  const char *v = colon + 1;
  trim(&v, &e);
  if (header_is(p, colon, "content-type")) {
    const char *semi = memchr(v, ';', (size_t)(e - v));
    const char *te = semi ? semi : e, *tb = v;
    trim(&tb, &te);
    h->content_type.ptr = tb;
    h->content_type.len = (size_t)(te - tb);
    cb_http_charset(v, (size_t)(e - v), h->charset, sizeof h->charset);
  } else if (header_is(p, colon, "transfer-encoding")) {
    h->chunked = (size_t)(e - v) >= 7 && strncasecmp(v, "chunked", 7) == 0;
  } else if (header_is(p, colon, "content-encoding")) {
    h->encoded = e > v && !((size_t)(e - v) == 8 && strncasecmp(v, "identity", 8) == 0);
  }
}

int cb_http_parse(const char *buf, size_t n, cb_http *h) {
  memset(h, 0, sizeof *h);
  const char *p = buf, *end = buf + n;
  if (n < 12 || strncmp(p, "HTTP/", 5) != 0) return CB_EPARSE;
  const char *le = line_end(p, end);
  const char *sp = memchr(p, ' ', (size_t)(le - p));
  if (!sp) return CB_EPARSE;
  for (const char *q = sp + 1; q < le && isdigit((unsigned char)*q) && h->status < 1000; q++)
    h->status = h->status * 10 + (*q - '0');
  p = le < end ? le + 1 : end;
  while (p < end) {
    le = line_end(p, end);
    const char *e = le > p && le[-1] == '\r' ? le - 1 : le;
    if (e == p) { p = le < end ? le + 1 : end; break; }
    const char *colon = memchr(p, ':', (size_t)(e - p));
    if (colon) take_header(h, p, colon, e);
    p = le < end ? le + 1 : end;
  }
  h->body = p;
  h->body_len = (size_t)(end - p);
  return 0;
}

size_t cb_http_unchunk(char *body, size_t n) {
  size_t r = 0, w = 0;
  while (r < n) {
    size_t size = 0;
    int digits = 0;
    while (r < n && isxdigit((unsigned char)body[r]) && digits < 15) {
      char c = (char)tolower((unsigned char)body[r++]);
      size = size * 16 + (size_t)(c <= '9' ? c - '0' : c - 'a' + 10);
      digits++;
    }
    if (!digits) break;
    while (r < n && body[r] != '\n') r++;   /* chunk extensions, CRLF */
    if (r < n) r++;
    if (size == 0) break;
    if (size > n - r) size = n - r;
    memmove(body + w, body + r, size);
    w += size;
    r += size;
    if (r < n && body[r] == '\r') r++;
    if (r < n && body[r] == '\n') r++;
  }
  return w;
}
