/*
 * test.h - the project's tiny test harness: CHECK macros that count, a line per failure
 * naming file:line, and a closing "N passed, N failed" line. Include once per test file.
 */
#ifndef CB_TEST_H
#define CB_TEST_H
#include <stdio.h>
#include <string.h>

static int t_passed, t_failed;

#define CHECK(cond) do { if (cond) t_passed++; else { t_failed++; \
  fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
  if (g_ && w_ && strcmp(g_, w_) == 0) t_passed++; else { t_failed++; \
  fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } } while (0)
#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
  if (g_ == w_) t_passed++; else { t_failed++; \
  fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *h_ = (hay), *n_ = (needle); \
  if (h_ && n_ && strstr(h_, n_)) t_passed++; else { t_failed++; \
  fprintf(stderr, "%s:%d: \"%.200s\" does not contain \"%s\"\n", __FILE__, __LINE__, h_ ? h_ : "(null)", n_); } } while (0)
#define CHECK_NOT_CONTAINS(hay, needle) do { const char *h_ = (hay), *n_ = (needle); \
  if (h_ && n_ && !strstr(h_, n_)) t_passed++; else { t_failed++; \
  fprintf(stderr, "%s:%d: \"%.200s\" contains \"%s\"\n", __FILE__, __LINE__, h_ ? h_ : "(null)", n_); } } while (0)

static inline int test_report(void) {
  printf("%d passed, %d failed\n", t_passed, t_failed);
  return t_failed ? 1 : (t_passed ? 0 : 1);   /* a test that asserts nothing fails */
}
#endif
