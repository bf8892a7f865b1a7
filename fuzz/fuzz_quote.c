/*
 * fuzz_quote.c - libFuzzer harness for the text layer and quote extraction: any bytes go
 * through the sentence splitter, the tokenizer and cb_quote_extract, and every span they
 * return must lie inside the input. Build with -DCB_FUZZ=ON (clang).
 */
#include "corroborate.h"
#include "extract/quote.h"
#include "text/sentence.h"
#include "text/token.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cb_arena *a = cb_arena_new(0);
  if (!a) return 0;
  const char *s = (const char *)data;
  cb_span *sp;
  size_t ns = cb_sentences(a, s, size, &sp);
  for (size_t i = 0; i < ns; i++) if (sp[i].start > sp[i].end || sp[i].end > size) abort();
  cb_token *tk;
  size_t nt = cb_tokens(a, s, size, &tk);
  for (size_t i = 0; i < nt; i++) if (tk[i].start >= tk[i].end || tk[i].end > size) abort();
  cb_quote *q;
  size_t nq = cb_quote_extract(a, s, size, &q);
  for (size_t i = 0; i < nq; i++) {
    if (q[i].start > q[i].inner_start || q[i].inner_end > q[i].end || q[i].end > size) abort();
    if (q[i].speaker_end > size || q[i].speaker_start > q[i].speaker_end) abort();
    if (q[i].cue_end > size || q[i].cue_start > q[i].cue_end) abort();
  }
  cb_arena_free(a);
  return 0;
}
