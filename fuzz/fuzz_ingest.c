/*
 * fuzz_ingest.c - libFuzzer harness for cb_ingest_buffer with format detection: the
 * bytes go to whichever reader detection picks (text, HTML, JSON Lines, WARC). Any input
 * must give articles or problems, never a crash or a leak; every article's body is valid
 * UTF-8 and every problem names the input.
 */
#include "corroborate.h"
#include "text/utf8.h"
#include <stdlib.h>
#include <string.h>

static int take_article(void *ud, cb_article *a) {
  size_t bad;
  if (!a->body || !cb_utf8_valid(a->body, a->body_len, &bad)) abort();
  if (strlen(a->hash) != 32 || !a->source) abort();
  (*(size_t *)ud)++;
  cb_article_free(a);
  return 0;
}

static void take_problem(void *ud, const cb_error *e) {
  if (!e->code || !e->msg[0] || !strstr(e->file, "fuzz-input")) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  size_t articles = 0;
  cb_ingest_opts o = {CB_FORMAT_AUTO, 1 << 20};
  cb_ingest_buffer("fuzz-input", (const char *)data, size, &o, take_article, take_problem, &articles);
  return 0;
}
