/*
 * text.c - the plain-text reader (first cut: the whole text is the body).
 */
#include "ingest/reader.h"
#include "text/utf8.h"

int cb_read_text(cb_article *a, const char *buf, size_t n, cb_error *e) {
  size_t bad;
  if (!cb_utf8_valid(buf, n, &bad)) {
    cb_error_set(e, CB_EUTF8, a->source, 0, "invalid UTF-8 at byte %zu", bad);
    return CB_EUTF8;
  }
  size_t len;
  char *t = cb_text_normalize(a->arena, buf, n, &len);
  if (!t) return CB_ENOMEM;
  a->body = t;
  a->body_len = len;
  return CB_OK;
}
