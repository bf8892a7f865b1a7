/*
 * fuzz_warc.c - libFuzzer harness for the WARC reader: any bytes, plain or gzip, are read
 * as an archive (records, HTTP responses, charsets, gzip members, resynchronisation) with
 * a small size limit; every article is freed, nothing may crash or leak.
 */
#include "corroborate.h"
#include "ingest/warc.h"
#include <stdint.h>
#include <stdio.h>

static int on_article(void *ud, cb_article *a) {
  (*(long *)ud)++;
  cb_article_free(a);
  return 0;
}

static void on_problem(void *ud, const cb_error *e) { (void)ud; (void)e; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  FILE *f = fmemopen((void *)data, size, "rb");
  if (!f) return 0;
  cb_ingest_opts o = {CB_FORMAT_WARC, 1 << 20};
  cb_warc_stats st;
  long n = 0;
  cb_warc_read("fuzz.warc", f, &o, on_article, on_problem, &n, &st);
  fclose(f);
  return 0;
}
