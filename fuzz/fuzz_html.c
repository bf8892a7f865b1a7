/*
 * fuzz_html.c - libFuzzer harness for the HTML reader: any bytes, with and without a
 * charset from outside, must give an article or a clean error, never a crash, leak or
 * undefined behaviour. Build with -DCB_FUZZ=ON (clang), run: ./fuzz_html -max_total_time=300
 */
#include "ingest/html.h"
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const charsets[] = {NULL, "utf-8", "windows-1252", "iso-8859-5", "shift_jis", "bogus"};
  cb_article *a = cb_article_new();
  if (!a) return 0;
  a->source = "fuzz";
  cb_error e;
  const char *cs = size ? charsets[data[0] % (sizeof charsets / sizeof *charsets)] : NULL;
  if (cb_read_html_charset(a, (const char *)data, size, cs, &e) == CB_OK) {
    /* touch what a caller would read */
    volatile size_t sink = a->body_len;
    for (size_t i = 0; i < a->ndropped; i++) sink += a->dropped[i].text[0];
    for (size_t i = 0; i < a->ncaptions; i++) sink += a->captions[i][0];
    (void)sink;
  }
  cb_article_free(a);
  return 0;
}
