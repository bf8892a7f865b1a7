/*
 * test_core.c - arena, buffer, UTF-8 normalisation and folding, sentence splitting.
 */
#include "test.h"
#include "corroborate.h"
#include "core/buf.h"
#include "text/utf8.h"
#include "text/sentence.h"

static void test_arena(void) {
  cb_arena *a = cb_arena_new(64);
  char *s = cb_arena_strdup(a, "hello");
  CHECK_STR(s, "hello");
  for (int i = 0; i < 1000; i++) CHECK(cb_arena_alloc(a, 100) != NULL);
  CHECK(cb_arena_used(a) >= 100000);
  CHECK_STR(cb_arena_printf(a, "%d-%s", 42, "x"), "42-x");
  cb_arena_free(a);
}

static void test_utf8(void) {
  cb_arena *a = cb_arena_new(0);
  size_t bad = 0, n;
  CHECK(cb_utf8_valid("Nicol\xc3\xa1s", 8, &bad));
  CHECK(!cb_utf8_valid("ab\xff" "cd", 5, &bad));
  CHECK_INT(bad, 2);
  CHECK(cb_looks_binary("a\0b", 3));
  CHECK(!cb_looks_binary("plain text\n", 11));
  /* decomposed a + combining acute becomes the composed U+00E1 */
  CHECK_STR(cb_text_normalize(a, "Nicola\xcc\x81s\r\nx\xc2\xa0y", 15, &n), "Nicol\xc3\xa1s\nx y");
  CHECK_STR(cb_fold(a, "Nicol\xc3\xa1s MADURO \xe2\x80\x9cok\xe2\x80\x9d", 24, &n), "nicolas maduro \"ok\"");
  cb_arena_free(a);
}

static void test_sentences(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "Gov. Smith met U.S. officials on Dec. 3. He said 4.5 million. \"It works,\" she said. Done";
  cb_span *s;
  size_t k = cb_sentences(a, t, strlen(t), &s);
  CHECK_INT(k, 4);
  if (k == 4) {
    CHECK_INT(s[0].start, 0);
    CHECK(strncmp(t + s[1].start, "He said", 7) == 0);
    CHECK(strncmp(t + s[2].start, "\"It works", 9) == 0);
  }
  cb_arena_free(a);
}

static void test_buf(void) {
  cb_buf b;
  cb_buf_init(&b);
  cb_buf_json_str(&b, "a\"b\n\x01");
  CHECK_STR(b.ptr, "\"a\\\"b\\n\\u0001\"");
  cb_buf_free(&b);
}

int main(void) {
  test_arena();
  test_utf8();
  test_sentences();
  test_buf();
  return test_report();
}
