/*
 * fuzz_jsonl.c - libFuzzer harness for the JSON Lines reader (cb_read_jsonl): any bytes
 * must give articles or problems, never a crash, a leak or an article that breaks the
 * record's invariants (valid UTF-8 body, line number inside the input, content hash set).
 */
#include "ingest/reader.h"
#include "text/utf8.h"
#include <stdlib.h>
#include <string.h>

static long max_line;

static int take_article(void *ud, cb_article *a) {
  size_t bad;
  if (!a->body || !a->body_len || !cb_utf8_valid(a->body, a->body_len, &bad)) abort();
  if (a->format != CB_FORMAT_JSONL || a->line < 1 || a->line > max_line) abort();
  if (strlen(a->hash) != 32 || !a->original) abort();
  (*(size_t *)ud)++;
  cb_article_free(a);
  return 0;
}

static void take_problem(void *ud, const cb_error *e) {
  if (!e->code || !e->msg[0]) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  size_t articles = 0;
  max_line = 1;
  for (size_t i = 0; i < size; i++) max_line += data[i] == '\n';
  cb_ingest_opts o = {CB_FORMAT_JSONL, 1 << 16};
  cb_read_jsonl("fuzz.jsonl", (const char *)data, size, &o, take_article, take_problem, &articles);
  return 0;
}
