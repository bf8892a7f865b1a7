/*
 * test_fuzz_regress.c - inputs the fuzzers once broke, replayed through the same path as
 * fuzz/fuzz_brief.c (up to four articles split at NUL bytes -> reader -> brief -> every
 * renderer): each must build and render, with every claim inside its article. Run under
 * ASan+UBSan in `make test`, so the old undefined behaviour would show.
 */
#include "test.h"
#include "corroborate.h"
#include "corroborate/brief.h"
#include "report/render.h"
#include <dirent.h>
#include <stdlib.h>

static cb_article *arts[4];
static size_t na;

static int keep(void *ud, cb_article *a) {
  if (na < 4) arts[na++] = a; else cb_article_free(a);
  return 0;
}

static void replay(const char *path) {
  FILE *f = fopen(path, "rb");
  CHECK(f != NULL);
  if (!f) return;
  static char data[1 << 20];
  size_t size = fread(data, 1, sizeof data, f);
  fclose(f);
  na = 0;
  cb_ingest_opts o = {CB_FORMAT_TEXT, 1 << 20};
  size_t start = 0;
  for (size_t i = 0; i <= size && na < 4; i++) {
    if (i < size && data[i] != 0) continue;
    if (i > start) cb_ingest_buffer("fuzz.txt", data + start, i - start, &o, keep, NULL, NULL);
    start = i + 1;
  }
  CHECK(na > 0);
  cb_brief *b = NULL;
  cb_error e;
  CHECK_INT(cb_brief_build(arts, NULL, na, &b, &e), CB_OK);
  if (b) {
    for (size_t s = 0; s < b->stories.n; s++)
      for (size_t k = 0; k < b->stories.v[s].timeline.n; k++)
        CHECK(b->stories.v[s].timeline.v[k].day_lo <= b->stories.v[s].timeline.v[k].day_hi);
    cb_buf out;
    cb_buf_init(&out);
    cb_render_json(&out, b);
    cb_render_markdown(&out, b);
    cb_render_text(&out, b, 1, 80);
    cb_render_html(&out, b);
    CHECK(out.len > 0 && !out.oom);
    cb_buf_free(&out);
    cb_brief_free(b);
  }
  for (size_t i = 0; i < na; i++) cb_article_free(arts[i]);
}

int main(void) {
  const char *dir = CB_SOURCE_DIR "/tests/fixtures/fuzz";
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  struct dirent *de;
  while (d && (de = readdir(d))) {
    if (strncmp(de->d_name, "brief-", 6) != 0) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
    replay(path);
  }
  if (d) closedir(d);
  return test_report();
}
