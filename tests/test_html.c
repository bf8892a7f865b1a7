/*
 * test_html.c - the HTML reader on small hand-written pages (tests/fixtures/html/):
 * metadata from JSON-LD, OpenGraph, <meta>, <time>, <h1> and <title>; the main text with
 * navigation, cookie banner, share widget, newsletter, comments, tags, most-read list and
 * footer dropped (each with its reason); figure captions kept apart; charsets; truncated
 * pages, garbage bytes and a page without text.
 */
#include "test.h"
#include "core/article.h"
#include "ingest/html.h"
#include "ingest/reader.h"
#include "text/utf8.h"
#include <stdlib.h>

static char *slurp(const char *name, size_t *n) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/fixtures/html/%s", CB_SOURCE_DIR, name);
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "cannot open %s\n", path); return NULL; }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  rewind(f);
  char *b = malloc((size_t)len + 1);
  if (b && fread(b, 1, (size_t)len, f) != (size_t)len) { free(b); b = NULL; }
  fclose(f);
  if (b) { b[len] = 0; *n = (size_t)len; }
  return b;
}

static cb_article *read_bytes(const char *buf, size_t n, const char *charset, int *rc) {
  cb_article *a = cb_article_new();
  if (!a) return NULL;
  a->source = "test";
  cb_error e;
  cb_error_clear(&e);
  *rc = cb_read_html_charset(a, buf, n, charset, &e);
  if (*rc) CHECK(e.msg[0] != 0 && e.code == *rc);
  return a;
}

static cb_article *read_fixture(const char *name, int *rc) {
  size_t n = 0;
  char *b = slurp(name, &n);
  if (!b) { *rc = -1; return NULL; }
  cb_article *a = read_bytes(b, n, NULL, rc);
  free(b);
  return a;
}

/* 1 if some dropped block has reason r and contains needle. */
static int dropped(const cb_article *a, cb_drop_reason r, const char *needle) {
  for (size_t i = 0; i < a->ndropped; i++)
    if (a->dropped[i].reason == r && strstr(a->dropped[i].text, needle) && a->dropped[i].why[0]) return 1;
  return 0;
}

static int dropped_any(const cb_article *a, const char *needle) {
  for (size_t i = 0; i < a->ndropped; i++) if (strstr(a->dropped[i].text, needle)) return 1;
  return 0;
}

static void test_news_page(void) {
  int rc;
  cb_article *a = read_fixture("news.html", &rc);
  CHECK(a != NULL);
  if (!a) return;
  CHECK_INT(rc, CB_OK);
  /* JSON-LD wins over OpenGraph and <title> */
  CHECK_STR(a->title, "Harbour bridge reopens after six weeks of storm repairs");
  CHECK_STR(a->published, "2026-03-14T08:30:00+01:00");
  CHECK_STR(a->author, "Mara Velde, Tomas Irving");
  CHECK_STR(a->outlet, "The Coastal Ledger");   /* og:site_name first */
  CHECK_STR(a->url, "https://ledger.example/news/harbour-bridge-reopens");
  /* the body: the four paragraphs, in order, separated by blank lines */
  CHECK_CONTAINS(a->body, "The Harbour Bridge reopened to traffic on Saturday morning");
  CHECK_CONTAINS(a->body, "three days ahead of schedule");
  CHECK_CONTAINS(a->body, "“We are relieved to have the bridge back,”");
  CHECK_CONTAINS(a->body, "normal timetable on Monday, the port authority said.");
  CHECK_CONTAINS(a->body, "damaged two of the main support cables.\n\nCity engineers");
  CHECK(strncmp(a->body, "The Harbour Bridge", 18) == 0);
  /* nothing else */
  CHECK_NOT_CONTAINS(a->body, "cookies");
  CHECK_NOT_CONTAINS(a->body, "Home");
  CHECK_NOT_CONTAINS(a->body, "Share on Facebook");
  CHECK_NOT_CONTAINS(a->body, "newsletter");
  CHECK_NOT_CONTAINS(a->body, "commute");
  CHECK_NOT_CONTAINS(a->body, "parking fees");
  CHECK_NOT_CONTAINS(a->body, "All rights reserved");
  CHECK_NOT_CONTAINS(a->body, "transport");
  CHECK_NOT_CONTAINS(a->body, "hidden");
  CHECK_NOT_CONTAINS(a->body, "Workers replace a cable");
  CHECK_NOT_CONTAINS(a->body, "not text");
  CHECK_NOT_CONTAINS(a->body, "six weeks of storm repairs");   /* the headline is the title */
  CHECK_NOT_CONTAINS(a->body, "By Mara Velde");
  /* each dropped block with its reason */
  CHECK(dropped(a, CB_DROP_NAVIGATION, "We use cookies"));
  CHECK(dropped(a, CB_DROP_NAVIGATION, "Home"));
  CHECK(dropped(a, CB_DROP_SHARE, "Share on Facebook"));
  CHECK(dropped(a, CB_DROP_NEWSLETTER, "Sign up for our newsletter"));
  CHECK(dropped(a, CB_DROP_COMMENTS, "My commute was a nightmare"));
  CHECK(dropped(a, CB_DROP_NAVIGATION, "storm"));        /* the tag list */
  CHECK(dropped(a, CB_DROP_MOST_READ, "Council votes on new parking fees"));
  CHECK(dropped(a, CB_DROP_NAVIGATION, "All rights reserved"));
  CHECK(dropped(a, CB_DROP_METADATA, "By Mara Velde"));
  CHECK(a->ndropped < 30);
  /* the figure caption is kept apart */
  CHECK_INT(a->ncaptions, 1);
  if (a->ncaptions) CHECK_STR(a->captions[0], "Workers replace a cable on the Harbour Bridge in February. Photo: Lena Ortiz");
  /* through the ingest driver too: detected as HTML, finished */
  cb_article_free(a);
}

static int keep_first(void *ud, cb_article *a) {
  cb_article **out = ud;
  if (!*out) *out = a; else cb_article_free(a);
  return 0;
}

static void test_ingest_driver(void) {
  size_t n = 0;
  char *b = slurp("news.html", &n);
  if (!b) { CHECK(0); return; }
  cb_article *a = NULL;
  int problems = cb_ingest_buffer("news.html", b, n, NULL, keep_first, NULL, &a);
  CHECK_INT(problems, 0);
  CHECK(a != NULL);
  if (a) {
    CHECK_INT(a->format, CB_FORMAT_HTML);
    CHECK_STR(a->title, "Harbour bridge reopens after six weeks of storm repairs");
    CHECK(a->hash[0] != 0);
    CHECK_INT(a->original_len, n);
    cb_article_free(a);
  }
  free(b);
}

static void test_opengraph_page(void) {
  int rc;
  cb_article *a = read_fixture("opengraph.html", &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_STR(a->title, "Valley farmers count the cost of the late frost");
  CHECK_STR(a->published, "2026-04-02T06:15:00Z");
  CHECK_STR(a->author, "Ilse Marchetti");
  CHECK_STR(a->outlet, "Riverside Post");
  CHECK_STR(a->url, "https://post.example/farm/frost");
  CHECK_CONTAINS(a->body, "lost as much as a third of their apricot blossom");
  CHECK_CONTAINS(a->body, "coldest reading for late March since 1997");
  CHECK_NOT_CONTAINS(a->body, "Advertisement");
  CHECK_NOT_CONTAINS(a->body, "Front page");
  CHECK_NOT_CONTAINS(a->body, "Apricot prices expected to rise");
  CHECK(dropped(a, CB_DROP_AD, "Advertisement"));
  CHECK(dropped(a, CB_DROP_NAVIGATION, "Front page"));
  CHECK(dropped(a, CB_DROP_RELATED, "Apricot prices"));
  cb_article_free(a);
}

static void test_plain_page(void) {
  int rc;
  cb_article *a = read_fixture("plain.html", &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_STR(a->title, "Night trains return to the northern line");   /* the <h1> */
  CHECK_STR(a->published, "2026-01-20");                              /* <time datetime> */
  CHECK(a->author == NULL);
  /* <br><br> separates paragraphs */
  CHECK_CONTAINS(a->body, "it said on Tuesday.\n\nSleeper cars");
  CHECK_CONTAINS(a->body, "too late for families with children.");
  cb_article_free(a);
}

static void test_title_suffix(void) {
  static const char page[] =
      "<html><head><title>Dam levels fall to a ten-year low | Hill Country News</title></head><body>"
      "<p>Water in the three reservoirs that supply the hill towns fell to its lowest level in ten years, "
      "the water board said, and asked households to cut their use by a fifth until the autumn rains.</p></body></html>";
  int rc;
  cb_article *a = read_bytes(page, sizeof page - 1, NULL, &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_STR(a->title, "Dam levels fall to a ten-year low");
  CHECK_CONTAINS(a->body, "lowest level in ten years");
  cb_article_free(a);
}

static void test_date_line(void) {
  /* no date in the markup: the "Published ..." line of the header gives it */
  static const char page[] =
      "<html><body><header class=\"article-header\"><h1>Teachers rally at the statehouse</h1>"
      "<div class=\"byline\">Ann Lee, Associated Press Published 11:34 PM EST Nov 19, 2019</div></header>"
      "<div class=\"story\"><p>Thousands of teachers packed the statehouse on Tuesday, asking lawmakers for higher pay "
      "and for less weight on test scores, the union said.</p><p>The governor said a pay rise would come, but not "
      "before the next budget, which is due in the spring.</p></div></body></html>";
  int rc;
  cb_article *a = read_bytes(page, sizeof page - 1, NULL, &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_STR(a->published, "2019-11-19");
  CHECK_INT(a->published_inferred, 0);
  CHECK_NOT_CONTAINS(a->body, "Published");
  cb_article_free(a);
}

static void test_charsets(void) {
  int rc;
  cb_article *a = read_fixture("cp1252.html", &rc);   /* declared in <meta charset> */
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_CONTAINS(a->body, "said “we will not raise taxes” on Monday");
  CHECK_CONTAINS(a->body, "twice – once");
  cb_article_free(a);
  /* the same bytes with the charset given from outside (HTTP), no <meta> */
  static const char page[] = "<html><body><div><p>Caf\xe9 owners on the square said the new rules were \x93unfair\x94 "
                             "and would cost them half of their summer terrace.</p></div></body></html>";
  a = read_bytes(page, sizeof page - 1, "windows-1252", &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_CONTAINS(a->body, "Café owners");
  CHECK_CONTAINS(a->body, "“unfair”");
  cb_article_free(a);
  /* undeclared and not UTF-8: read as Windows-1252 */
  a = read_bytes(page, sizeof page - 1, NULL, &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_OK);
  CHECK_CONTAINS(a->body, "Café owners");
  cb_article_free(a);
}

static void test_truncated(void) {
  size_t n = 0;
  char *b = slurp("news.html", &n);
  if (!b) { CHECK(0); return; }
  const char *cut = strstr(b, "three days ahead");
  CHECK(cut != NULL);
  if (!cut) { free(b); return; }
  int rc;
  cb_article *a = read_bytes(b, (size_t)(cut - b) + 10, NULL, &rc);   /* ends inside a <p> */
  if (a) {
    CHECK_INT(rc, CB_OK);
    CHECK_CONTAINS(a->body, "The Harbour Bridge reopened to traffic");
    cb_article_free(a);
  }
  /* cut inside a tag and inside the JSON-LD */
  for (size_t k = 1; k < n; k += n / 37 + 1) {
    a = read_bytes(b, k, NULL, &rc);
    CHECK(a != NULL && (rc == CB_OK ? a->body_len > 0 : rc == CB_EEMPTY));
    cb_article_free(a);
  }
  free(b);
}

static void test_garbage(void) {
  char junk[8192];
  uint32_t x = 12345;
  for (int round = 0; round < 20; round++) {
    for (size_t i = 0; i < sizeof junk; i++) {
      x = x * 1103515245u + 12345u;
      junk[i] = (char)(x >> 16);
      if (round % 2 && (x >> 8) % 7 == 0) junk[i] = "<>/=\"' pdiva"[(x >> 4) % 12];
    }
    int rc;
    cb_article *a = read_bytes(junk, sizeof junk, round % 3 ? NULL : "utf-8", &rc);
    CHECK(a != NULL && (rc == CB_OK || rc == CB_EEMPTY));
    if (a && rc == CB_OK) CHECK(a->body_len == strlen(a->body));
    cb_article_free(a);
  }
}

static void test_no_text(void) {
  int rc;
  cb_article *a = read_fixture("empty.html", &rc);
  if (!a) { CHECK(0); return; }
  CHECK_INT(rc, CB_EEMPTY);
  cb_article_free(a);
  a = read_bytes("", 0, NULL, &rc);
  CHECK_INT(rc, CB_EEMPTY);
  cb_article_free(a);
  static const char only_tags[] = "<html><body><div><span></span></div></body></html>";
  a = read_bytes(only_tags, sizeof only_tags - 1, NULL, &rc);
  CHECK_INT(rc, CB_EEMPTY);
  cb_article_free(a);
}

static void test_deep_nesting(void) {
  /* 100,000 nested <div>s: no stack overflow, the text is found */
  size_t depth = 100000, n = depth * 5 + 200;
  char *b = malloc(n);
  if (!b) { CHECK(0); return; }
  size_t k = 0;
  for (size_t i = 0; i < depth; i++) { memcpy(b + k, "<div>", 5); k += 5; }
  k += (size_t)snprintf(b + k, n - k, "<p>A deeply nested sentence, with commas, that is the only text here.</p>");
  int rc;
  cb_article *a = read_bytes(b, k, NULL, &rc);
  CHECK(a != NULL && (rc == CB_OK || rc == CB_EEMPTY));
  cb_article_free(a);
  free(b);
}

static void test_long_attributes(void) {
  /* class, id, role and itemprop of 400 bytes each: the hint text is cut, nothing overflows */
  size_t n = 4000;
  char *b = malloc(n);
  if (!b) { CHECK(0); return; }
  char word[401];
  memset(word, 'x', 400);
  word[400] = 0;
  int k = snprintf(b, n, "<div class=\"%s\" id=\"%s\" role=\"%s\" itemprop=\"%s\"><p>Some text in a box whose "
                   "attributes are far too long, with a comma, and more than enough words to count.</p></div>",
                   word, word, word, word);
  int rc;
  cb_article *a = read_bytes(b, (size_t)k, NULL, &rc);
  CHECK(a != NULL);
  if (a) { CHECK_INT(rc, CB_OK); CHECK_CONTAINS(a->body, "far too long"); }
  cb_article_free(a);
  free(b);
}

static void test_normalize_same(void) {
  /* the fast path gives exactly what cb_text_normalize gives */
  static const char *const texts[] = {
      "plain ASCII text, with\ttabs\r\nand CRLF\rlines",
      "caf\xc3\xa9\xc2\xa0" "au\xc2\xad" "lait \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 dash\xe2\x80\xa6",
      "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xe6\x9d\xb1\xe4\xba\xac \xe3\x81\x8c \xed\x95\x9c \xf0\x9f\x98\x80\xe2\x80\x8d",
      "e\xcc\x81 combining acute, \xe2\x84\xa6 ohm sign, \xe3\x81\x8b\xe3\x82\x99 kana + voicing",
      "line\xe2\x80\xa8" "separator\xe2\x80\x89" "thin\xe3\x80\x80" "ideographic\xef\xbb\xbf" "bom",
  };
  cb_arena *ar = cb_arena_new(0);
  if (!ar) { CHECK(0); return; }
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    size_t n = strlen(texts[i]), la = 0, lb = 0;
    char *fast = cb_html_normalize(ar, texts[i], n, &la), *ref = cb_text_normalize(ar, texts[i], n, &lb);
    CHECK(fast && ref);
    if (fast && ref) { CHECK_INT(la, lb); CHECK_STR(fast, ref); }
  }
  cb_arena_free(ar);
}

int main(void) {
  test_normalize_same();
  test_long_attributes();
  test_news_page();
  test_ingest_driver();
  test_opengraph_page();
  test_plain_page();
  test_title_suffix();
  test_date_line();
  test_charsets();
  test_truncated();
  test_garbage();
  test_no_text();
  test_deep_nesting();
  (void)dropped_any;
  return test_report();
}
