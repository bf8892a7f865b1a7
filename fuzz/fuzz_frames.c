/*
 * fuzz_frames.c - libFuzzer harness for the sentence parser, the claim frames read off its
 * trees and the vote tallies: any bytes in, no crash, no sanitizer report; every word and
 * tally span inside the input, every head inside its sentence, every frame's time span
 * inside the input.
 * Build: cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCB_FUZZ=ON && cmake --build build-fuzz
 * Run:   ./build-fuzz/fuzz_frames -max_total_time=600 corpus/
 */
#include "extract/frame.h"
#include "extract/tally.h"
#include "syntax/syntax.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const cb_syn_model *m = cb_syn_model_get(NULL);
  cb_arena *a = cb_arena_new(0);
  if (!m || !a) {
    cb_arena_free(a);
    return 0;
  }
  const char *text = (const char *)data;
  cb_syn_sent s;
  if (size <= 4096 && cb_syn_parse(m, a, text, size, &s) == CB_OK) {
    for (size_t i = 0; i < s.n; i++) {
      if (s.w[i].start > s.w[i].end || s.w[i].end > size || !s.w[i].deprel || !s.w[i].lemma) abort();
      if (s.w[i].head < -1 || s.w[i].head >= (int)s.n) abort();
    }
    cb_span_off t = {0, size < 8 ? size : 8, 2, "2026-01-01"};
    for (size_t i = 0; i < s.n; i++) {
      cb_frame f;
      cb_frame_of(a, text, 0, &s, s.w[i].start, s.w[i].end, (int)(i % 5), &t, 1, &f);
      if (f.time_start >= 0 && (size_t)f.time_end > size) abort();
      (void)cb_frame_describe(a, &f);
    }
  }
  cb_tally *tl;
  size_t n = cb_tally_extract(a, text, size, &tl);
  for (size_t k = 0; k < n; k++)
    if (tl[k].start >= tl[k].end || tl[k].end > size || tl[k].no > tl[k].yes) abort();
  cb_arena_free(a);
  return 0;
}
