/*
 * test_interval.c - the verdict logic of the corroboration stage (src/corroborate/interval.c):
 * the overlap of two intervals with open, closed and infinite ends, sameness, the verdict
 * of several sources' intervals (agree, compatible with the tightest value, conflict,
 * single), and how an interval is written for a reader ("≥ 22", "> 20", "12–15", "14,407").
 */
#include "test.h"
#include "corroborate/interval.h"
#include <math.h>

#define GE(x) ((cb_interval){(x), INFINITY, 0, 0})          /* at least x */
#define GT(x) ((cb_interval){(x), INFINITY, 1, 0})          /* more than x */
#define LE(x) ((cb_interval){-INFINITY, (x), 0, 0})         /* at most x */
#define LT(x) ((cb_interval){-INFINITY, (x), 0, 1})         /* fewer than x */
#define EQ(x) ((cb_interval){(x), (x), 0, 0})               /* exactly x */
#define CL(a, b) ((cb_interval){(a), (b), 0, 0})            /* [a, b] */

static void test_meet(void) {
  cb_interval m;
  cb_interval a = CL(10, 20), b = CL(15, 30);
  CHECK(cb_interval_meet(&a, &b, &m));
  CHECK(m.lo == 15 && m.hi == 20 && !m.lo_open && !m.hi_open);

  /* disjoint */
  a = CL(1, 5); b = CL(6, 9);
  CHECK(!cb_interval_meet(&a, &b, NULL));
  CHECK(!cb_interval_meet(&b, &a, NULL));

  /* touching closed ends meet in one point */
  a = CL(1, 5); b = CL(5, 9);
  CHECK(cb_interval_meet(&a, &b, &m));
  CHECK(m.lo == 5 && m.hi == 5);

  /* touching, one end open: "fewer than 5" and "at least 5" cannot both hold */
  a = LT(5); b = GE(5);
  CHECK(!cb_interval_meet(&a, &b, NULL));
  a = GT(20); b = EQ(20);
  CHECK(!cb_interval_meet(&a, &b, NULL));
  CHECK(!cb_interval_meet(&b, &a, NULL));

  /* same lower bound, one open: the overlap is open */
  a = GE(20); b = GT(20);
  CHECK(cb_interval_meet(&a, &b, &m));
  CHECK(m.lo == 20 && m.lo_open && isinf(m.hi));
  CHECK(cb_interval_meet(&b, &a, &m));
  CHECK(m.lo == 20 && m.lo_open);

  /* infinite on both sides meets anything and gives it back */
  cb_interval any = {-INFINITY, INFINITY, 0, 0};
  a = CL(3, 4);
  CHECK(cb_interval_meet(&any, &a, &m));
  CHECK(cb_interval_same(&m, &a));

  /* an upper and a lower bound make a closed range */
  a = LE(15); b = GE(12);
  CHECK(cb_interval_meet(&a, &b, &m));
  CHECK(m.lo == 12 && m.hi == 15 && !m.lo_open && !m.hi_open);

  /* a single value inside a range is that value */
  a = CL(28500, 31500); b = EQ(30000);
  CHECK(cb_interval_meet(&a, &b, &m));
  CHECK(m.lo == 30000 && m.hi == 30000);
  /* outside it, nothing; NULL out is allowed */
  b = EQ(32000);
  CHECK(!cb_interval_meet(&a, &b, NULL));
}

static void test_same(void) {
  cb_interval a = GE(22), b = GE(22), c = GT(22), d = EQ(22);
  CHECK(cb_interval_same(&a, &b));
  CHECK(!cb_interval_same(&a, &c));   /* "at least 22" is not "more than 22" */
  CHECK(!cb_interval_same(&a, &d));
  cb_interval e = EQ(22);
  CHECK(cb_interval_same(&d, &e));
}

static void test_verdict(void) {
  cb_interval m = {0};
  /* "more than 20", "at least 21", "at least 22": all hold for ≥ 22 */
  cb_interval v1[] = {GT(20), GE(21), GE(22)};
  CHECK_INT(cb_interval_verdict(v1, 3, &m), CB_COMPATIBLE);
  CHECK(m.lo == 22 && !m.lo_open && isinf(m.hi));
  /* the order does not matter */
  cb_interval v1b[] = {GE(22), GT(20), GE(21)};
  CHECK_INT(cb_interval_verdict(v1b, 3, &m), CB_COMPATIBLE);
  CHECK(m.lo == 22 && !m.lo_open);

  /* 163 vs 136 passengers */
  cb_interval v2[] = {EQ(163), EQ(136)};
  CHECK_INT(cb_interval_verdict(v2, 2, &m), CB_CONFLICT);
  /* a third source agreeing with one side does not resolve it */
  cb_interval v2b[] = {EQ(163), EQ(163), EQ(136)};
  CHECK_INT(cb_interval_verdict(v2b, 3, NULL), CB_CONFLICT);

  /* the same value everywhere */
  cb_interval v3[] = {EQ(14407), EQ(14407), EQ(14407)};
  CHECK_INT(cb_interval_verdict(v3, 3, &m), CB_AGREE);
  CHECK(m.lo == 14407 && m.hi == 14407);

  /* one source: single, and its interval is the value */
  cb_interval v4[] = {GT(20)};
  CHECK_INT(cb_interval_verdict(v4, 1, &m), CB_SINGLE);
  CHECK(cb_interval_same(&m, &v4[0]));
  CHECK_INT(cb_interval_verdict(v4, 0, NULL), CB_SINGLE);

  /* an exact count inside a lower bound: compatible, the exact count is the value */
  cb_interval v5[] = {GT(20), EQ(23)};
  CHECK_INT(cb_interval_verdict(v5, 2, &m), CB_COMPATIBLE);
  CHECK(m.lo == 23 && m.hi == 23);

  /* a lower bound above an exact count: conflict */
  cb_interval v6[] = {EQ(20), GT(20)};
  CHECK_INT(cb_interval_verdict(v6, 2, NULL), CB_CONFLICT);

  /* pairwise overlapping but no common point: conflict (a ≤ 15, b 12–20, c ≥ 18) */
  cb_interval v7[] = {LE(15), CL(12, 20), GE(18)};
  CHECK_INT(cb_interval_verdict(v7, 3, NULL), CB_CONFLICT);

  /* "about 30,000" ([28,500, 31,500]) and "30,350": compatible on 30,350 */
  cb_interval v8[] = {CL(28500, 31500), EQ(30350)};
  CHECK_INT(cb_interval_verdict(v8, 2, &m), CB_COMPATIBLE);
  CHECK(m.lo == 30350 && m.hi == 30350);
}

static void fmt(cb_interval v, const char *want) {
  char out[64];
  cb_interval_format(&v, out, sizeof out);
  CHECK_STR(out, want);
}

static void test_format(void) {
  fmt(GE(22), "\xe2\x89\xa5 22");
  fmt(GT(20), "> 20");
  fmt(LE(5), "\xe2\x89\xa4 5");
  fmt(LT(5), "< 5");
  fmt(CL(12, 15), "12\xe2\x80\x93" "15");
  fmt(EQ(14407), "14,407");
  fmt(EQ(83), "83");
  fmt(EQ(2025), "2025");            /* four digits (a year) keep no separator */
  fmt(EQ(136), "136");
  fmt(EQ(2.5), "2.5");
  fmt(EQ(-14407), "-14,407");
  fmt(EQ(3000000), "3 million");
  fmt(EQ(1500000), "1.5 million");
  fmt(EQ(3e9), "3 billion");
  fmt(EQ(6.5e9), "6.5 billion");
  fmt(EQ(2.5e12), "2.5 trillion");
  fmt(EQ(1234e6), "1234 million");
  fmt(CL(28500, 31500), "28,500\xe2\x80\x93" "31,500");
  fmt(((cb_interval){-INFINITY, INFINITY, 0, 0}), "any");
  /* a tiny buffer is cut, never overrun */
  char small[4];
  cb_interval v = EQ(14407);
  cb_interval_format(&v, small, sizeof small);
  CHECK_INT(strlen(small), 3);
}

int main(void) {
  test_meet();
  test_same();
  test_verdict();
  test_format();
  return test_report();
}
