/*
 * test_jsonl.c - the JSON Lines reader: fields and extras, dates, line numbers, bad lines
 * among good ones, blank lines, invalid UTF-8, a line over the size limit, CRLF endings,
 * per-record content hashes, and detection through cb_ingest_buffer.
 */
#include "test.h"
#include "corroborate.h"
#include "ingest/reader.h"
#include <stdlib.h>

#define MAXA 64
#define MAXP 64

typedef struct got {
  cb_article *a[MAXA]; size_t na;
  cb_error p[MAXP]; size_t np;
  int stop_after;   /* > 0: ask the reader to stop after that many articles */
} got;

static int on_article(void *ud, cb_article *a) {
  got *g = ud;
  if (g->na < MAXA) g->a[g->na++] = a; else cb_article_free(a);
  return g->stop_after && (int)g->na >= g->stop_after;
}

static void on_problem(void *ud, const cb_error *e) {
  got *g = ud;
  if (g->np < MAXP) g->p[g->np++] = *e;
}

static void got_free(got *g) {
  for (size_t i = 0; i < g->na; i++) cb_article_free(g->a[i]);
  memset(g, 0, sizeof *g);
}

static int read_str(got *g, const char *s, size_t max_bytes) {
  cb_ingest_opts o = {CB_FORMAT_JSONL, max_bytes};
  return cb_read_jsonl("t.jsonl", s, strlen(s), &o, on_article, on_problem, g);
}

static const char *extra(const cb_article *a, const char *key) {
  for (size_t i = 0; i < a->nextra; i++) if (strcmp(a->extra[i].key, key) == 0) return a->extra[i].value;
  return NULL;
}

static void test_fields(void) {
  got g = {0};
  const char *in =
      "{\"title\":\" Storm hits \\n coast \",\"text\":\"First para.\\n\\nSecond para.\",\"url\":\"https://x.example/a\","
      "\"published\":\"2026-03-14T08:30:00Z\",\"outlet\":\"Harbour Post\",\"author\":\"Ana Lima\","
      "\"event\":7,\"tags\":[\"storm\",\"coast\"],\"section\":\"World\",\"note\":null}\n";
  CHECK_INT(read_str(&g, in, 0), 0);
  CHECK_INT(g.na, 1);
  if (g.na == 1) {
    cb_article *a = g.a[0];
    CHECK_STR(a->title, "Storm hits coast");   /* white space inside a one-line field collapses */
    CHECK_STR(a->body, "First para.\n\nSecond para.");
    CHECK_INT(a->body_len, strlen("First para.\n\nSecond para."));
    CHECK_STR(a->url, "https://x.example/a");
    CHECK_STR(a->outlet, "Harbour Post");
    CHECK_STR(a->author, "Ana Lima");
    CHECK(strncmp(a->published, "2026-03-14", 10) == 0);
    CHECK_INT(a->published_inferred, 0);
    CHECK_INT(a->line, 1);
    CHECK_STR(a->source, "t.jsonl");
    CHECK_INT(a->format, CB_FORMAT_JSONL);
    CHECK_STR(extra(a, "event"), "7");
    CHECK_STR(extra(a, "tags"), "[\"storm\",\"coast\"]");
    CHECK_STR(extra(a, "section"), "World");
    CHECK(extra(a, "note") == NULL);
    CHECK(extra(a, "title") == NULL);
    CHECK_INT(a->original_len, strlen(in) - 1);   /* the record's bytes, without the newline */
    CHECK(a->original && memcmp(a->original, in, a->original_len) == 0);
    CHECK_INT(strlen(a->hash), 32);
  }
  got_free(&g);
}

static void test_dates(void) {
  got g = {0};
  const char *in =
      "{\"text\":\"a\",\"published\":\"November 30, 2025\"}\n"
      "{\"text\":\"b\",\"published\":\"Published: 12 Aug 2026\"}\n"
      "{\"text\":\"c\",\"published\":\"sometime soon\"}\n"
      "{\"text\":\"It happened on March 3, 2026.\"}\n";
  CHECK_INT(read_str(&g, in, 0), 0);
  CHECK_INT(g.na, 4);
  if (g.na == 4) {
    CHECK_STR(g.a[0]->published, "2025-11-30");
    CHECK_STR(g.a[1]->published, "2026-08-12");
    CHECK_STR(g.a[2]->published, "");                        /* not a date: kept raw */
    CHECK_STR(extra(g.a[2], "published"), "sometime soon");
    CHECK_STR(g.a[3]->published, "2026-03-03");              /* inferred from the text */
    CHECK_INT(g.a[3]->published_inferred, 1);
  }
  got_free(&g);
}

static void test_bad_lines(void) {
  got g = {0};
  const char *in =
      "{\"text\":\"one\"}\n"                        /* 1 ok */
      "\n"                                          /* 2 blank */
      "{\"text\": \"two\", oops}\n"                 /* 3 invalid JSON */
      "[1,2,3]\n"                                   /* 4 not an object */
      "   \t \n"                                    /* 5 blank */
      "{\"title\":\"no text\"}\n"                   /* 6 no text */
      "{\"text\":\"\"}\n"                           /* 7 empty text */
      "{\"text\":\"bad \xff\xfe bytes\"}\n"         /* 8 invalid UTF-8 */
      "{\"text\":\"three\"} trailing\n"             /* 9 extra text */
      "{\"text\":42}\n"                             /* 10 text not a string */
      "{\"text\":\"four\"}";                        /* 11 ok, no final newline */
  CHECK_INT(read_str(&g, in, 0), 7);
  CHECK_INT(g.na, 2);
  CHECK_INT(g.np, 7);
  if (g.na == 2) {
    CHECK_STR(g.a[0]->body, "one");
    CHECK_INT(g.a[0]->line, 1);
    CHECK_STR(g.a[1]->body, "four");
    CHECK_INT(g.a[1]->line, 11);
  }
  if (g.np == 7) {
    static const long lines[] = {3, 4, 6, 7, 8, 9, 10};
    for (int i = 0; i < 7; i++) { CHECK_INT(g.p[i].line, lines[i]); CHECK_STR(g.p[i].file, "t.jsonl"); }
    CHECK_INT(g.p[0].code, CB_EPARSE);
    CHECK_CONTAINS(g.p[0].msg, "invalid JSON near byte ");
    const char *at = strstr(g.p[0].msg, "byte ");
    long byte = at ? atol(at + 5) : -1;
    CHECK(byte >= 15 && byte <= 18);   /* at "oops", give or take the parser's look-ahead */
    CHECK_CONTAINS(g.p[1].msg, "not a JSON object");
    CHECK_INT(g.p[2].code, CB_EEMPTY);
    CHECK_INT(g.p[4].code, CB_EUTF8);
    CHECK_CONTAINS(g.p[4].msg, "invalid UTF-8 at byte 13");
    CHECK_CONTAINS(g.p[5].msg, "extra text");
    CHECK_INT(g.p[6].code, CB_EPARSE);
    CHECK_CONTAINS(g.p[6].msg, "\"text\" field is not a string");
  }
  got_free(&g);
}

static void test_crlf_and_hash(void) {
  got g = {0};
  const char *in = "\xEF\xBB\xBF{\"text\":\"same\"}\r\n\r\n{\"text\":\"same\"}\r\n{\"text\":\"other\\r\\nline\"}\r\n";
  CHECK_INT(read_str(&g, in, 0), 0);
  CHECK_INT(g.na, 3);
  if (g.na == 3) {
    CHECK_INT(g.a[0]->line, 1);
    CHECK_INT(g.a[1]->line, 3);
    CHECK_INT(g.a[2]->line, 4);
    CHECK_STR(g.a[0]->original, "{\"text\":\"same\"}");   /* no BOM, no CR */
    CHECK_STR(g.a[0]->hash, g.a[1]->hash);                 /* same record, same key */
    CHECK(strcmp(g.a[0]->hash, g.a[2]->hash) != 0);
    CHECK_STR(g.a[2]->body, "other\n\nline");   /* every line is a paragraph */
  }
  got_free(&g);
}

static void test_huge_line(void) {
  got g = {0};
  size_t big = 5000;
  char *in = malloc(big + 100);
  CHECK(in != NULL);
  if (!in) return;
  size_t k = (size_t)sprintf(in, "{\"text\":\"ok\"}\n{\"text\":\"");
  memset(in + k, 'x', big);
  k += big;
  strcpy(in + k, "\"}\n{\"text\":\"after\"}\n");
  CHECK_INT(read_str(&g, in, 1000), 1);
  CHECK_INT(g.na, 2);
  CHECK_INT(g.np, 1);
  if (g.np == 1) {
    CHECK_INT(g.p[0].code, CB_ETOOBIG);
    CHECK_INT(g.p[0].line, 2);
    CHECK_CONTAINS(g.p[0].msg, "over the limit of 1000 bytes");
  }
  if (g.na == 2) CHECK_INT(g.a[1]->line, 3);
  got_free(&g);
  /* the same record is fine under the default limit */
  CHECK_INT(read_str(&g, in, 0), 0);
  CHECK_INT(g.na, 3);
  if (g.na == 3) CHECK_INT(g.a[1]->body_len, big);
  got_free(&g);
  free(in);
  /* a 17 MiB record is over the per-record limit even under the default file limit */
  size_t huge = (size_t)17 << 20;
  char *h = malloc(huge + 64);
  CHECK(h != NULL);
  if (!h) return;
  k = (size_t)sprintf(h, "{\"text\":\"");
  memset(h + k, 'y', huge);
  strcpy(h + k + huge, "\"}\n{\"text\":\"small\"}\n");
  CHECK_INT(read_str(&g, h, 0), 1);
  CHECK_INT(g.na, 1);
  if (g.np == 1) { CHECK_INT(g.p[0].code, CB_ETOOBIG); CHECK_INT(g.p[0].line, 1); }
  got_free(&g);
  free(h);
}

static void test_empty_and_stop(void) {
  got g = {0};
  CHECK_INT(read_str(&g, "\n  \n\n", 0), 1);
  CHECK_INT(g.np, 1);
  if (g.np) CHECK_INT(g.p[0].code, CB_EEMPTY);
  got_free(&g);
  g.stop_after = 1;
  CHECK_INT(read_str(&g, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{oops\n", 0), 0);
  CHECK_INT(g.na, 1);
  CHECK_INT(g.np, 0);
  got_free(&g);
}

static void test_unicode(void) {
  got g = {0};
  /* decomposed a + combining acute (escaped and raw) becomes NFC; \u escapes decode */
  CHECK_INT(read_str(&g, "{\"text\":\"Nicola\\u0301s and Nicola\xcc\x81s \\u201cok\\u201d\",\"author\":\"Jos\\u00e9\"}\n", 0), 0);
  CHECK_INT(g.na, 1);
  if (g.na == 1) {
    CHECK_STR(g.a[0]->body, "Nicol\xc3\xa1s and Nicol\xc3\xa1s \xe2\x80\x9cok\xe2\x80\x9d");
    CHECK_STR(g.a[0]->author, "Jos\xc3\xa9");
  }
  got_free(&g);
  CHECK_INT(read_str(&g, "{\"text\":\"lone \\ud800 surrogate\"}\n{\"text\":\"nul \\u0000 inside\"}\n", 0) <= 1, 1);
  for (size_t i = 0; i < g.na; i++) CHECK(g.a[i]->body_len == strlen(g.a[i]->body));
  got_free(&g);
}

static void test_detected(void) {
  got g = {0};
  const char *in = "{\"title\":\"A\",\"text\":\"alpha\"}\n{\"title\":\"B\",\"text\":\"beta\"}\n";
  CHECK_INT(cb_ingest_buffer("mem.jsonl", in, strlen(in), NULL, on_article, on_problem, &g), 0);
  CHECK_INT(g.na, 2);
  if (g.na == 2) { CHECK_STR(g.a[1]->title, "B"); CHECK_INT(g.a[1]->line, 2); CHECK_STR(g.a[1]->source, "mem.jsonl"); }
  got_free(&g);
}

int main(void) {
  test_fields();
  test_dates();
  test_bad_lines();
  test_crlf_and_hash();
  test_huge_line();
  test_empty_and_stop();
  test_unicode();
  test_detected();
  return test_report();
}
