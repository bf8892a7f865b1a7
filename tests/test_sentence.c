/*
 * test_sentence.c - sentence splitting (abbreviations, initials, decimals, quotes) and
 * tokens with offsets and folded keys.
 */
#include "test.h"
#include "corroborate.h"
#include "text/sentence.h"
#include "text/token.h"

static size_t split(cb_arena *a, const char *t, cb_span **s) { return cb_sentences(a, t, strlen(t), s); }

static int starts_with(const char *t, const cb_span *s, const char *w) { return strncmp(t + s->start, w, strlen(w)) == 0; }

static void test_abbreviations(void) {
  cb_arena *a = cb_arena_new(0);
  cb_span *s;
  const char *t = "Lt. Gen. Ann Mora met Gov. Reyes in the U.S. on Dec. 3. They talked.";
  CHECK_INT(split(a, t, &s), 2);
  const char *u = "J. K. Rowling wrote it. Sales rose 4.5 percent to $1.2 million. Fine.";
  size_t n = split(a, u, &s);
  CHECK_INT(n, 3);
  if (n == 3) { CHECK(starts_with(u, &s[1], "Sales")); CHECK(starts_with(u, &s[2], "Fine")); }
  const char *v = "He moved to the U.S. He works at Acme Inc. in Ohio. Dr. Lee agreed.";
  n = split(a, v, &s);
  CHECK_INT(n, 3);
  if (n == 3) { CHECK(starts_with(v, &s[1], "He works")); CHECK(starts_with(v, &s[2], "Dr. Lee")); }
  cb_arena_free(a);
}

static void test_quotes_and_paragraphs(void) {
  cb_arena *a = cb_arena_new(0);
  cb_span *s;
  const char *t = "\xE2\x80\x9CIt works.\xE2\x80\x9D She left. \"Why?\" he asked.\n\nA new paragraph";
  size_t n = split(a, t, &s);
  CHECK_INT(n, 4);
  if (n == 4) {
    CHECK(starts_with(t, &s[1], "She"));
    CHECK(starts_with(t, &s[2], "\"Why"));
    CHECK(starts_with(t, &s[3], "A new"));
    CHECK_INT(s[0].end, strlen("\xE2\x80\x9CIt works.\xE2\x80\x9D"));
  }
  cb_arena_free(a);
}

static void test_tokens(void) {
  cb_arena *a = cb_arena_new(0);
  const char *t = "Nicol\xC3\xA1s didn't visit the U.S. in 2025, spending $4.5 million.";
  cb_token *k;
  size_t n = cb_tokens(a, t, strlen(t), &k);
  CHECK_INT(n, 13);
  if (n == 13) {
    CHECK_STR(cb_token_key(a, t, &k[0]), "nicolas");
    CHECK_INT(k[0].upper, 1);
    CHECK_INT(k[1].end - k[1].start, strlen("didn't"));
    CHECK_INT(k[4].end - k[4].start, strlen("U.S."));
    CHECK_STR(cb_token_key(a, t, &k[4]), "u.s");
    CHECK_INT(k[6].kind, CB_TOK_NUMBER);
    CHECK_INT(k[7].kind, CB_TOK_PUNCT);
    CHECK_INT(k[10].end - k[10].start, 3);   /* "4.5" */
  }
  const char bad[] = "\xff\xfe abc \xC3";
  n = cb_tokens(a, bad, sizeof bad - 1, &k);
  for (size_t i = 0; i < n; i++) CHECK(k[i].end <= sizeof bad - 1 && k[i].start < k[i].end);
  cb_arena_free(a);
}

int main(void) {
  test_abbreviations();
  test_quotes_and_paragraphs();
  test_tokens();
  return test_report();
}
