/*
 * fuzz_names.c - libFuzzer harness for the name extractor: the input is cut at NUL bytes
 * into up to four articles; each is extracted (cb_names_extract), all are grouped
 * (cb_names_match) and written as JSON. Any crash, leak or sanitizer report is a bug.
 */
#include "corroborate.h"
#include "core/buf.h"
#include "extract/names.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cb_arena *a = cb_arena_new(0);
  if (!a) return 0;
  cb_names nm[4];
  const cb_names *arts[4];
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= size && n < 4; i++) {
    if (i < size && data[i] != 0) continue;
    if (cb_names_extract(a, (const char *)data + start, i - start, &nm[n]) != CB_OK) break;
    arts[n] = &nm[n];
    n++;
    start = i + 1;
  }
  cb_name_groups g;
  if (cb_names_match(a, arts, n, &g) == CB_OK) {
    cb_buf b;
    cb_buf_init(&b);
    cb_names_json(&b, &g, NULL);
    for (size_t k = 0; k < n; k++) {
      cb_names_mentions_json(&b, arts[k]);
      if (arts[k]->len) (void)cb_names_mention_at(arts[k], arts[k]->len / 2);
      (void)cb_names_last_person_before(arts[k], arts[k]->len);
    }
    cb_buf_free(&b);
  }
  cb_arena_free(a);
  return 0;
}
