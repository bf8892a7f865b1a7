/*
 * fuzz_brief.c - libFuzzer harness for the corroboration stage: the input, cut at 0x00
 * bytes into up to four plain-text articles, goes through the real reader and then
 * cb_brief_build and every renderer. Nothing may crash, leak or hang, and every claim's
 * offsets must lie inside its article's body.
 */
#include "corroborate.h"
#include "corroborate/brief.h"
#include "core/buf.h"
#include "report/render.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static cb_article *arts[4];
static size_t na;

static int keep(void *ud, cb_article *a) {
  if (na < 4) arts[na++] = a; else cb_article_free(a);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  na = 0;
  cb_ingest_opts o = {CB_FORMAT_TEXT, 1 << 20};
  size_t start = 0;
  for (size_t i = 0; i <= size && na < 4; i++) {
    if (i < size && data[i] != 0) continue;
    if (i > start) cb_ingest_buffer("fuzz.txt", (const char *)data + start, i - start, &o, keep, NULL, NULL);
    start = i + 1;
  }
  cb_brief *b = NULL;
  cb_error e;
  if (na && cb_brief_build(arts, NULL, na, &b, &e) == CB_OK) {
    for (size_t s = 0; s < b->stories.n; s++)
      for (size_t f = 0; f < b->stories.v[s].findings.n; f++)
        for (size_t k = 0; k < b->stories.v[s].findings.v[f].claims.n; k++) {
          const cb_claim *c = &b->stories.v[s].findings.v[f].claims.v[k];
          if (c->end > b->articles[c->article]->body_len || c->start > c->end) abort();
        }
    cb_buf out;
    cb_buf_init(&out);
    cb_render_json(&out, b);
    cb_render_markdown(&out, b);
    cb_render_text(&out, b, 1, 80);
    cb_render_html(&out, b);
    cb_buf_free(&out);
    cb_brief_free(b);
  }
  for (size_t i = 0; i < na; i++) cb_article_free(arts[i]);
  return 0;
}
