/*
 * test_warc.c - the WARC reader: record iteration, URLs, fetch dates, counts of what was
 * read and skipped on the Common Crawl sample (WARC and WET, gzip multi-member), and bad
 * input (truncated gzip member, lying Content-Length, empty and oversized records, a
 * Latin-1 response, a gzip file that is not a WARC), each reported with its offset while
 * the other records still load. The crawl time (WARC-Date) kept as the article's `fetched`
 * beside the page's own date, through the store, and a store of schema v3 (made before
 * `fetched` had a column) upgraded in place when opened.
 */
/* fopencookie (a 200 MB record made on the fly) needs _GNU_SOURCE, set by the build */
#include "test.h"
#include "corroborate.h"
#include "ingest/warc.h"
#include "ingest/gzstream.h"
#include "store/migrations.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

typedef struct seen {
  int articles, problems;
  char url[8][256];
  char pub[8][40];
  char fetched[8][40];
  long long off[8];
  char body[8][200];   /* title, newline, start of the body */
  char last_problem[1100];
} seen;

static int on_article(void *ud, cb_article *a) {
  seen *s = ud;
  if (s->articles < 8) {
    int i = s->articles;
    snprintf(s->url[i], sizeof s->url[i], "%s", a->url ? a->url : "");
    snprintf(s->pub[i], sizeof s->pub[i], "%s", a->published);
    snprintf(s->fetched[i], sizeof s->fetched[i], "%s", a->fetched);
    snprintf(s->body[i], sizeof s->body[i], "%s\n%s", a->title ? a->title : "", a->body ? a->body : "");
    s->off[i] = a->offset;
  }
  s->articles++;
  cb_article_free(a);
  return 0;
}

static void on_problem(void *ud, const cb_error *e) {
  seen *s = ud;
  s->problems++;
  snprintf(s->last_problem, sizeof s->last_problem, "%s: %s", e->file, e->msg);
}

static int read_file(const char *path, seen *s, cb_warc_stats *st, size_t limit) {
  memset(s, 0, sizeof *s);
  FILE *f = fopen(path, "rb");
  if (!f) { CHECK(!"cannot open test file"); return -1; }
  cb_ingest_opts o = {CB_FORMAT_AUTO, limit};
  int r = cb_warc_read(path, f, &o, on_article, on_problem, s, st);
  fclose(f);
  return r;
}

static int read_mem(const char *buf, size_t n, seen *s, cb_warc_stats *st, size_t limit) {
  memset(s, 0, sizeof *s);
  FILE *f = fmemopen((void *)buf, n, "rb");
  if (!f) return -1;
  cb_ingest_opts o = {CB_FORMAT_AUTO, limit};
  int r = cb_warc_read("mem.warc", f, &o, on_article, on_problem, s, st);
  fclose(f);
  return r;
}

static void test_commoncrawl_warc(void) {
  seen s;
  cb_warc_stats st;
  read_file(CB_SHARED_DIR "/data/warc/whirlwind.warc.gz", &s, &st, 0);
  CHECK_INT(st.records, 4);           /* warcinfo, request, response, metadata */
  CHECK_INT(st.skipped_type, 3);
  CHECK_INT(st.html, 1);              /* the one page went to the HTML reader */
  CHECK_INT(st.corrupt, 0);
  CHECK_INT(st.articles + st.failed, 1);
  if (s.articles == 1) {              /* once the HTML reader is in */
    CHECK_STR(s.url[0], "https://an.wikipedia.org/wiki/Escopete");
    CHECK(s.pub[0][0] != 0);
  } else {
    CHECK_CONTAINS(s.last_problem, "https://an.wikipedia.org/wiki/Escopete");
  }
}

static void test_commoncrawl_wet(void) {
  seen s;
  cb_warc_stats st;
  int r = read_file(CB_SHARED_DIR "/data/warc/whirlwind.warc.wet.gz", &s, &st, 0);
  CHECK_INT(r, 0);
  CHECK_INT(st.records, 2);
  CHECK_INT(st.text, 1);
  CHECK_INT(s.articles, 1);
  CHECK_STR(s.url[0], "https://an.wikipedia.org/wiki/Escopete");
  CHECK_STR(s.pub[0], "2024-05-18");     /* WARC-Date as the fallback */
  CHECK_CONTAINS(s.fetched[0], "2024-05-18T");
  CHECK_CONTAINS(s.body[0], "Escopete");
  CHECK(s.off[0] > 0);                   /* the second gzip member */
}

/* One WARC record: a WET-style conversion record with the given body. */
static void add_record(char *out, size_t cap, const char *type, const char *uri, const char *ctype,
                       const char *block, long claimed) {
  size_t n = strlen(out);
  long len = claimed >= 0 ? claimed : (long)strlen(block);
  snprintf(out + n, cap - n,
           "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-04T05:06:07Z\r\n"
           "Content-Type: %s\r\nContent-Length: %ld\r\n\r\n%s\r\n\r\n", type, uri, ctype, len, block);
}

static void test_bad_records(void) {
  static char w[20000];
  w[0] = 0;
  add_record(w, sizeof w, "conversion", "http://a.example/1", "text/plain", "First story text about the dam.", -1);
  add_record(w, sizeof w, "conversion", "http://a.example/2", "text/plain", "This block is longer than it claims to be.", 10);
  add_record(w, sizeof w, "conversion", "http://a.example/3", "text/plain", "Third story text.", -1);
  add_record(w, sizeof w, "conversion", "http://a.example/empty", "text/plain", "", -1);
  add_record(w, sizeof w, "response", "http://a.example/latin", "application/http; msgtype=response",
             "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n\r\nCaf\xe9 prices rose.", -1);
  add_record(w, sizeof w, "response", "http://a.example/404", "application/http; msgtype=response",
             "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>", -1);
  static char big[3000];
  memset(big, 'x', sizeof big - 1);
  add_record(w, sizeof w, "conversion", "http://a.example/big", "text/plain", big, -1);
  add_record(w, sizeof w, "conversion", "http://a.example/4", "text/plain", "Fourth story text.", -1);
  seen s;
  cb_warc_stats st;
  int r = read_mem(w, strlen(w), &s, &st, 2000);
  CHECK_INT(s.articles, 4);                         /* 1, 3, latin, 4 */
  CHECK_STR(s.url[0], "http://a.example/1");
  CHECK_STR(s.url[1], "http://a.example/3");
  CHECK_STR(s.url[2], "http://a.example/latin");
  CHECK_STR(s.body[2], "\nCaf\xc3\xa9 prices rose.");   /* no title, then the body */
  CHECK_STR(s.url[3], "http://a.example/4");
  CHECK_INT(st.too_big, 1);
  CHECK_INT(st.skipped_status, 1);
  CHECK_INT(st.corrupt, 1);                         /* the lying Content-Length */
  CHECK_INT(st.failed, 1);                          /* the empty record */
  CHECK_INT(r, 3);
  CHECK_INT(s.problems, 3);
  CHECK(s.off[0] == 0 && s.off[1] > 0);
}

static size_t gzip_member(const char *src, size_t n, unsigned char *out, size_t cap) {
  z_stream z;
  memset(&z, 0, sizeof z);
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = (unsigned char *)src; z.avail_in = (uInt)n;
  z.next_out = out; z.avail_out = (uInt)cap;
  deflate(&z, Z_FINISH);
  size_t k = cap - z.avail_out;
  deflateEnd(&z);
  return k;
}

static void test_truncated_member(void) {
  static char rec[3][2000];
  static unsigned char gz[20000];
  size_t len = 0, cut_at = 0;
  for (int i = 0; i < 3; i++) {
    char uri[64];
    snprintf(uri, sizeof uri, "http://b.example/%d", i);
    rec[i][0] = 0;
    add_record(rec[i], sizeof rec[i], "conversion", uri, "text/plain", "Some text of a page that was crawled.", -1);
    size_t k = gzip_member(rec[i], strlen(rec[i]), gz + len, sizeof gz - len);
    if (i == 1) { cut_at = len; k = k / 2; }   /* the middle member is cut short */
    len += k;
  }
  seen s;
  cb_warc_stats st;
  read_mem((const char *)gz, len, &s, &st, 0);
  CHECK_INT(s.articles, 2);
  CHECK_STR(s.url[0], "http://b.example/0");
  CHECK_STR(s.url[1], "http://b.example/2");
  CHECK(st.corrupt >= 1);
  char want[64];
  snprintf(want, sizeof want, "offset %zu", cut_at);
  CHECK_CONTAINS(s.last_problem, want);
}

static void test_gzip_not_warc(void) {
  const char *text = "A plain article that someone gzipped.\n\nIt has two paragraphs.";
  static unsigned char gz[1000];
  size_t n = gzip_member(text, strlen(text), gz, sizeof gz);
  seen s;
  cb_warc_stats st;
  int r = read_mem((const char *)gz, n, &s, &st, 0);
  CHECK_INT(r, 0);
  CHECK_INT(s.articles, 1);
  CHECK_CONTAINS(s.body[0], "two paragraphs");
}

static void test_ingest_routes_warc(void) {
  seen s;
  memset(&s, 0, sizeof s);
  cb_ingest_path(CB_SHARED_DIR "/data/warc/whirlwind.warc.wet.gz", NULL, on_article, on_problem, &s);
  CHECK_INT(s.articles, 1);
  CHECK_STR(s.url[0], "https://an.wikipedia.org/wiki/Escopete");
}

/* A stream: a 200 MB record header + body made on the fly, then one small good record. */
typedef struct huge { long long pos, body; char head[200], tail[400]; size_t hl, tl; } huge;

static ssize_t huge_read(void *c, char *buf, size_t n) {
  huge *h = c;
  long long total = (long long)h->hl + h->body + (long long)h->tl;
  size_t k = 0;
  while (k < n && h->pos < total) {
    long long p = h->pos;
    if (p < (long long)h->hl) buf[k] = h->head[p];
    else if (p < (long long)h->hl + h->body) buf[k] = 'x';
    else buf[k] = h->tail[p - (long long)h->hl - h->body];
    k++; h->pos++;
  }
  return (ssize_t)k;
}

static void test_huge_record(void) {
  huge h = {0, 200LL << 20, "", "", 0, 0};
  h.hl = (size_t)snprintf(h.head, sizeof h.head, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://big.example/\r\n"
                          "Content-Type: text/plain\r\nContent-Length: %lld\r\n\r\n", h.body);
  h.tail[0] = 0;
  strcpy(h.tail, "\r\n\r\n");
  add_record(h.tail, sizeof h.tail, "conversion", "http://small.example/", "text/plain", "A small page after the big one.", -1);
  h.tl = strlen(h.tail);
  cookie_io_functions_t io = {huge_read, NULL, NULL, NULL};
  FILE *f = fopencookie(&h, "r", io);
  seen s;
  memset(&s, 0, sizeof s);
  cb_warc_stats st;
  cb_ingest_opts o = {CB_FORMAT_AUTO, 0};
  cb_warc_read("huge.warc", f, &o, on_article, on_problem, &s, &st);
  fclose(f);
  CHECK_INT(st.too_big, 1);
  CHECK_INT(s.articles, 1);
  CHECK_STR(s.url[0], "http://small.example/");
  CHECK_CONTAINS(s.last_problem, "over the limit");
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  CHECK(ru.ru_maxrss < 150 * 1024);   /* the 200 MB record was never held in memory */
}

/* A written response record: an HTML page that states its own date, fetched later. */
static const char fetched_page[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    "<html><head><title>Dam repairs begin in Riverton</title>"
    "<meta property=\"article:published_time\" content=\"2025-03-01T09:00:00Z\"></head>"
    "<body><article><p>Work on the Riverton dam began on Saturday, the water board said.</p>"
    "<p>The repairs will cost $4 million and take six months, officials said.</p></article></body></html>";

static const char http_response[] = "application/http; msgtype=response";

static int keep_article(void *ud, cb_article *a) {
  cb_article **out = ud;
  if (*out) cb_article_free(*out);
  *out = a;
  return 0;
}

static void test_fetched(void) {
  static char w[8000];
  w[0] = 0;
  add_record(w, sizeof w, "response", "http://c.example/dam", http_response, fetched_page, -1);
  seen s;
  read_mem(w, strlen(w), &s, NULL, 0);
  CHECK_INT(s.articles, 1);
  CHECK_STR(s.fetched[0], "2025-03-04T05:06:07Z");   /* the record's WARC-Date, as written */
  CHECK_STR(s.pub[0], "2025-03-01T09:00:00Z");       /* the page's own date stays apart */
  /* a WARC-Date that is no date is not kept */
  char *bad = strstr(w, "2025-03-04T05:06:07Z");
  memcpy(bad, "yesterday at noon   ", 20);
  read_mem(w, strlen(w), &s, NULL, 0);
  CHECK_INT(s.articles, 1);
  CHECK_STR(s.fetched[0], "");
  /* not WARC: no fetch time */
  cb_article *a = NULL;
  const char *text = "Dam repairs begin\n\nWork on the Riverton dam began on Saturday.";
  cb_ingest_buffer("dam.txt", text, strlen(text), NULL, keep_article, NULL, &a);
  CHECK(a && a->fetched[0] == 0);
  cb_article_free(a);
}

/* Stores the written record and reads it back. */
static void test_fetched_stored(void) {
  static char w[8000];
  w[0] = 0;
  add_record(w, sizeof w, "response", "http://c.example/dam", http_response, fetched_page, -1);
  cb_article *a = NULL;
  cb_ingest_buffer("dam.warc", w, strlen(w), NULL, keep_article, NULL, &a);
  cb_store *st;
  cb_error e;
  CHECK_INT(cb_store_open(":memory:", &st, &e), 0);
  int64_t id = 0;
  int added = 0;
  CHECK(a && cb_store_put_article(st, a, &id, &added, &e) == 0 && added);
  cb_article_free(a);
  a = NULL;
  CHECK_INT(cb_store_get_article(st, id, &a, &e), 0);
  if (a) {
    CHECK_STR(a->fetched, "2025-03-04T05:06:07Z");
    CHECK_STR(a->published, "2025-03-01T09:00:00Z");
    for (size_t i = 0; i < a->nextra; i++) CHECK(strcmp(a->extra[i].key, "fetched") != 0);
  }
  cb_article_free(a);
  cb_store_close(st);
}

static void exec_sql(sqlite3 *db, const char *sql) {
  char *msg = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK) fprintf(stderr, "sql: %s\n", msg ? msg : "?");
  CHECK_INT(rc, SQLITE_OK);
  sqlite3_free(msg);
}

/* A store as corroborate wrote it before `fetched` had a column (schema v3: the first three
 * migrations, which never change once shipped): the fetch date of a WARC article was the
 * extra "fetched". Opening it upgrades it in place; a JSON Lines "fetched" stays an extra. */
static void test_store_upgrade(void) {
  char path[] = "/tmp/cb-test-warc-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  sqlite3 *db;
  CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
  for (int v = 0; v < 3; v++) exec_sql(db, cb_migrations[v]);
  exec_sql(db, "PRAGMA user_version = 3;"
           "INSERT INTO articles (id, hash, source, offset, format, title, published, body, original) VALUES"
           " (1, 'h1', 'crawl.warc.gz', 0, 'warc', 'Dam', '2025-03-01', 'Body.', x'00'),"
           " (2, 'h2', 'feed.jsonl', -1, 'jsonl', 'Feed', '2025-03-02', 'Body.', x'00');"
           "INSERT INTO extras (article_id, key, value) VALUES (1, 'fetched', '2025-03-04T05:06:07Z'),"
           " (1, 'warc_record_id', 'urn:uuid:1'), (2, 'fetched', 'some day');");
  sqlite3_close(db);
  cb_store *st;
  cb_error e;
  CHECK_INT(cb_store_open(path, &st, &e), 0);
  CHECK(cb_store_schema_version(st) >= 4);
  cb_article *a = NULL;
  CHECK_INT(cb_store_get_article(st, 1, &a, &e), 0);
  if (a) {
    CHECK_STR(a->fetched, "2025-03-04T05:06:07Z");
    CHECK_INT(a->nextra, 1);                      /* warc_record_id; fetched moved out */
    if (a->nextra) CHECK_STR(a->extra[0].key, "warc_record_id");
    cb_article_free(a);
  }
  CHECK_INT(cb_store_get_article(st, 2, &a, &e), 0);
  if (a) {
    CHECK_STR(a->fetched, "");
    CHECK(a->nextra == 1 && strcmp(a->extra[0].key, "fetched") == 0);
    cb_article_free(a);
  }
  cb_store_close(st);
  CHECK_INT(cb_store_open(path, &st, &e), 0);      /* opens again, nothing left to do */
  cb_store_close(st);
  char side[64];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path); unlink(side);
  snprintf(side, sizeof side, "%s-shm", path); unlink(side);
}

static void test_http(void) {
  cb_http h;
  char body[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Windows-1252\"\r\n"
                "Transfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n";
  CHECK_INT(cb_http_parse(body, strlen(body), &h), 0);
  CHECK_INT(h.status, 200);
  CHECK_STR(h.charset, "windows-1252");
  CHECK(h.chunked);
  size_t n = cb_http_unchunk((char *)h.body, h.body_len);
  CHECK_INT(n, 11);
  CHECK(strncmp(h.body, "Hello world", 11) == 0);
  CHECK(cb_http_parse("GET / HTTP/1.1\r\n\r\n", 18, &h) != 0);
}

int main(void) {
  test_commoncrawl_warc();
  test_commoncrawl_wet();
  test_bad_records();
  test_truncated_member();
  test_gzip_not_warc();
  test_ingest_routes_warc();
  test_http();
  test_fetched();
  test_fetched_stored();
  test_store_upgrade();
  test_huge_record();
  return test_report();
}
