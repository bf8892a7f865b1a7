/*
 * test_store_search.c - cb_store_search over a small store: words (FTS5, case and accents
 * ignored, word prefixes, FTS5 syntax in the input taken as plain words), outlet, date range,
 * newest first, limit and offset, and the index kept in step with updates and deletes.
 */
#include "corroborate.h"
#include "store/store.h"
#include "core/article.h"
#include "test.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void store_one(cb_store *s, const char *hash, const char *title, const char *outlet,
                      const char *published, const char *body) {
  cb_article *a = cb_article_new();
  snprintf(a->hash, sizeof a->hash, "%s", hash);
  a->source = "t.txt";
  a->title = title;
  a->outlet = outlet;
  snprintf(a->published, sizeof a->published, "%s", published);
  a->body = body;
  a->body_len = strlen(body);
  a->original = body;
  a->original_len = a->body_len;
  int64_t id = 0;
  int added = 0;
  cb_error e;
  CHECK_INT(cb_store_put_article(s, a, &id, &added, &e), 0);
  cb_article_free(a);
}

typedef struct hits { int n; int64_t id[8]; } hits;

static int on_story(void *ud, const cb_story_row *r) {
  hits *h = ud;
  if (h->n < 8) h->id[h->n] = r->id;
  h->n++;
  return 0;
}

/* The story ids found for words/outlet/from/to, as "1,2,3". */
static const char *find(cb_store *s, const char *words, const char *outlet, const char *from,
                        const char *to, long limit, long offset) {
  static char out[64];
  cb_search_opts o;
  cb_search_opts_init(&o);
  o.words = words;
  o.outlet = outlet;
  o.from = from;
  o.to = to;
  o.limit = limit;
  o.offset = offset;
  hits h = {0};
  cb_error e;
  int rc = cb_store_search(s, &o, on_story, &h, &e);
  if (rc) { snprintf(out, sizeof out, "error %d: %.40s", rc, e.msg); return out; }
  size_t k = 0;
  out[0] = 0;
  for (int i = 0; i < h.n && i < 8; i++)
    k += (size_t)snprintf(out + k, sizeof out - k, "%s%lld", i ? "," : "", (long long)h.id[i]);
  return out;
}

static void sql(const char *path, const char *q) {
  sqlite3 *db;
  CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  CHECK_INT(sqlite3_exec(db, q, NULL, NULL, &msg), SQLITE_OK);
  if (msg) fprintf(stderr, "sql: %s\n", msg);
  sqlite3_free(msg);
  sqlite3_close(db);
}

static void fill(cb_store *s, const char *path) {
  store_one(s, "h1", "Ferry capsizes on Lake Kivu", "Reuters", "2025-11-30", "163 passengers were on board.");
  store_one(s, "h2", "Ferry toll rises", "AFP", "2025-12-01T10:00:00Z", "Rescuers found more survivors.");
  store_one(s, "h3", "Élection à Caracas", "El País", "2025-12-03", "The opposition said \"fraud\" AND more.");
  store_one(s, "h4", "Storm in Manila", "Reuters", "", "Typhoon winds hit the coast.");
  sql(path, "INSERT INTO stories VALUES (1, 'Ferry', '2025-11-30', '2025-12-01', 2, 2, 0),"
            " (2, 'Election', '2025-12-03', '2025-12-03', 1, 1, 0), (3, 'Storm', NULL, NULL, 1, 1, 0);"
            "INSERT INTO article_groups VALUES (1, 1, NULL, NULL), (2, 1, NULL, NULL),"
            " (3, 2, NULL, NULL), (4, 3, NULL, NULL);");
}

static void test_filters(cb_store *s) {
  CHECK_STR(find(s, NULL, NULL, NULL, NULL, 50, 0), "2,1,3");        /* newest first, undated last */
  CHECK_STR(find(s, "ferry", NULL, NULL, NULL, 50, 0), "1");
  CHECK_STR(find(s, "FERRY survivors", NULL, NULL, NULL, 50, 0), "1");
  CHECK_STR(find(s, "ferry typhoon", NULL, NULL, NULL, 50, 0), "");   /* all words, one article */
  CHECK_STR(find(s, "election", NULL, NULL, NULL, 50, 0), "2");       /* accents ignored */
  CHECK_STR(find(s, "surviv", NULL, NULL, NULL, 50, 0), "1");         /* word prefix */
  CHECK_STR(find(s, "   ", NULL, NULL, NULL, 50, 0), "2,1,3");
  CHECK_STR(find(s, "nothing-like-this", NULL, NULL, NULL, 50, 0), "");
  CHECK_STR(find(s, "reuters", "REUTERS", NULL, NULL, 50, 0), "");    /* outlet is not text */
  CHECK_STR(find(s, NULL, "reuters", NULL, NULL, 50, 0), "1,3");
  CHECK_STR(find(s, NULL, NULL, "2025-12", NULL, 50, 0), "2,1");
  CHECK_STR(find(s, NULL, NULL, "2025-12-02", NULL, 50, 0), "2");
  CHECK_STR(find(s, NULL, NULL, NULL, "2025-12-01", 50, 0), "1");
  CHECK_STR(find(s, NULL, NULL, "2025-11-30", "2025-11-30", 50, 0), "1");
  CHECK_STR(find(s, NULL, NULL, NULL, NULL, 1, 1), "1");
  CHECK_STR(find(s, NULL, NULL, NULL, NULL, 0, 2), "3");
}

static void test_hostile_words(cb_store *s) {   /* FTS5 syntax is plain text */
  CHECK_STR(find(s, "\"fraud\"", NULL, NULL, NULL, 50, 0), "2");
  CHECK_STR(find(s, "fraud AND", NULL, NULL, NULL, 50, 0), "2");
  CHECK_STR(find(s, "ferry OR typhoon", NULL, NULL, NULL, 50, 0), "");
  CHECK_STR(find(s, "title:ferry", NULL, NULL, NULL, 50, 0), "");
  CHECK_STR(find(s, "NEAR( * ^ \" ) -", NULL, NULL, NULL, 50, 0), "");
  CHECK_STR(find(s, "\xff\xfe", NULL, NULL, NULL, 50, 0), "");
}

static void test_index_follows(cb_store *s, const char *path) {
  sql(path, "UPDATE articles SET title = 'Volcano erupts' WHERE id = 4");
  CHECK_STR(find(s, "volcano", NULL, NULL, NULL, 50, 0), "3");
  CHECK_STR(find(s, "manila", NULL, NULL, NULL, 50, 0), "");
  sql(path, "DELETE FROM article_groups WHERE article_id = 3; DELETE FROM articles WHERE id = 3");
  CHECK_STR(find(s, "fraud", NULL, NULL, NULL, 50, 0), "");
}

int main(void) {
  char path[] = "/tmp/cb_search_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  unlink(path);
  cb_store *s = NULL;
  cb_error e;
  CHECK_INT(cb_store_open(path, &s, &e), 0);
  if (s) {
    fill(s, path);
    test_filters(s);
    test_hostile_words(s);
    test_index_follows(s, path);
    CHECK_INT(cb_store_search(s, NULL, on_story, &(hits){0}, &e), 0);
    cb_search_opts bad;
    cb_search_opts_init(&bad);
    bad.version = 99;
    CHECK_INT(cb_store_search(s, &bad, on_story, &(hits){0}, &e), CB_EUSAGE);
    cb_store_close(s);
  }
  char side[600];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  return test_report();
}
