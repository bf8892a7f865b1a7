/*
 * fuzz_timex.c - libFuzzer harness for the timex extractor: arbitrary bytes as text, the
 * first bytes choosing the article date (or none) and the options; every mention must lie
 * inside the text and carry a value.
 */
#include "extract/timex.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const dcts[] = {NULL, "2025-11-30", "1998-02-29", "0001-01-01", "9999-12-31", "bad"};
  if (size < 2) return 0;
  cb_timex_opts o = {dcts[data[0] % 6], data[0] & 8, (data[0] & 16) ? "2025-12-03" : NULL, data[1] & 1, (data[1] >> 1) & 1};
  cb_arena *a = cb_arena_new(0);
  if (!a) return 0;
  cb_timex *v = NULL;
  size_t n = cb_timex_extract_opts(a, (const char *)data + 2, size - 2, &o, &v);
  for (size_t i = 0; i < n; i++) {
    if (v[i].start >= v[i].end || v[i].end > size - 2 || !v[i].value) abort();
    if (i && v[i].start < v[i - 1].end) abort();
  }
  cb_arena_free(a);
  return 0;
}
