/*
 * fuzz_group.c - libFuzzer harness for the grouping input: the bytes are split into a few
 * articles (title, date, body) and added to one engine, then every question the engine
 * answers is asked; nothing may crash, leak or read out of bounds.
 */
#include "group/group.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cb_group_opts o;
  cb_group_opts_default(&o);
  o.bands = 8; o.rows = 2;                 /* small signatures keep the fuzzer fast */
  cb_grouper *g = cb_grouper_new(&o);
  if (!g) return 0;
  /* Records are separated by 0x00; inside one, 0x01 separates title, date and body. */
  const char *p = (const char *)data, *end = p + size;
  while (p < end) {
    const char *rec_end = memchr(p, 0, (size_t)(end - p));
    if (!rec_end) rec_end = end;
    char *rec = strndup(p, (size_t)(rec_end - p));
    if (!rec) break;
    char *title = NULL, *date = NULL, *body = rec;
    char *s1 = strchr(rec, 1);
    if (s1) { *s1 = 0; title = rec; date = s1 + 1; body = date; char *s2 = strchr(date, 1); if (s2) { *s2 = 0; body = s2 + 1; } }
    cb_group_doc d = {title, body, strlen(body), date, title};
    cb_grouper_add(g, &d);
    free(rec);
    p = rec_end + 1;
  }
  for (size_t i = 0; i < cb_grouper_count(g); i++) {
    double s, c;
    cb_grouper_duplicate_of(g, i, &s, &c);
    cb_grouper_story_of(g, i);
  }
  for (size_t i = 0; i < cb_grouper_nstories(g); i++) {
    cb_story_info si;
    cb_grouper_story(g, i, &si);
  }
  cb_grouper_free(g);
  return 0;
}
