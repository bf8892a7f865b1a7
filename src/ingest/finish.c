/*
 * finish.c - the last step every reader's article goes through: the content key
 * (XXH3-128 of the original bytes), the inferred publication bound when no date was
 * stated, and the check that something readable is left.
 */
#include "ingest/reader.h"
#include "ingest/pubdate.h"
#include "ingest/cleanup.h"
#include <stdio.h>
#include <string.h>
#include <xxhash.h>

int cb_article_set_original(cb_article *a, const char *buf, size_t n) {
  char *o = cb_arena_alloc(a->arena, n + 1);
  if (!o) return CB_ENOMEM;
  memcpy(o, buf, n);
  o[n] = 0;
  a->original = o;
  a->original_len = n;
  return CB_OK;
}

int cb_article_finish(cb_article *a, cb_error *e) {
  XXH128_hash_t h = XXH3_128bits(a->original ? a->original : "", a->original_len);
  snprintf(a->hash, sizeof a->hash, "%016llx%016llx", (unsigned long long)h.high64,
           (unsigned long long)h.low64);
  int rc = cb_clean_body(a);
  if (rc) { cb_error_set(e, rc, a->source, a->line, "%s", cb_strerror(rc)); return rc; }
  if (!a->body || a->body_len == 0) {
    cb_error_set(e, CB_EEMPTY, a->source, a->line, "no article text found");
    return CB_EEMPTY;
  }
  if (!a->published[0]) cb_article_infer_published(a, 0);
  return CB_OK;
}

int cb_article_infer_published(cb_article *a, int year) {
  cb_date d;
  const char *why = NULL;
  if (!a->body || !cb_date_latest_in_text(a->body, a->body_len, year, &d, &why)) return 0;
  cb_date_format(&d, a->published, sizeof a->published);
  a->published_inferred = 1;
  a->published_why = cb_arena_printf(a->arena, "on or after the latest dated event in the text, \"%s\"%s", why ? why : "",
                                     !year ? "" : d.year ? "; the year is the one of the articles read with it" : "");
  return 1;
}
