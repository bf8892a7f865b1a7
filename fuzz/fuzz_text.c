/*
 * fuzz_text.c - libFuzzer harness for the plain-text reader (cb_read_text followed by
 * cb_article_finish, as the ingest driver calls them on non-binary input): any bytes must give an article or
 * an error, never a crash or a leak; an article's body is valid UTF-8 inside its arena.
 */
#include "ingest/reader.h"
#include "text/utf8.h"
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  /* the ingest driver turns binary input away before any reader sees it */
  if (size == 0 || cb_looks_binary((const char *)data, size)) return 0;
  cb_article *a = cb_article_new();
  if (!a) return 0;
  a->source = "fuzz.txt";
  a->format = CB_FORMAT_TEXT;
  cb_error e;
  cb_error_clear(&e);
  const char *buf = (const char *)data;
  int rc = cb_article_set_original(a, buf, size);
  if (!rc) rc = cb_read_text(a, buf, size, &e);
  if (!rc) rc = cb_article_finish(a, &e);
  size_t bad;
  if (!rc && (!a->body || !cb_utf8_valid(a->body, a->body_len, &bad))) abort();
  if (rc && !e.msg[0] && rc != CB_ENOMEM) abort();
  cb_article_free(a);
  return 0;
}
