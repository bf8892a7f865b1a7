/*
 * fuzz_quantity.c - libFuzzer harness for the quantity extractor: any bytes in, no crash,
 * no sanitizer report, every span inside the input and ordered, every string set.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCB_FUZZ=ON && cmake --build build-fuzz
 * Run:   ./build-fuzz/fuzz_quantity -max_total_time=600 corpus/
 */
#include "extract/quantity.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cb_arena *a = cb_arena_new(0);
  if (!a) return 0;
  cb_quantity *q;
  size_t n = cb_quantity_extract(a, (const char *)data, size, &q);
  if (n != (size_t)-1) {
    for (size_t k = 0; k < n; k++) {
      if (q[k].start > q[k].end || q[k].end > size || !q[k].unit_norm || !q[k].dimension) abort();
      if (k && q[k].start < q[k - 1].start) abort();
      cb_buf b;
      cb_buf_init(&b);
      cb_quantity_json(&b, &q[k], (const char *)data);
      cb_buf_free(&b);
    }
  }
  cb_arena_free(a);
  return 0;
}
