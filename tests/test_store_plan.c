/*
 * test_store_plan.c - every statement the store runs is indexed: a workload (ingest, ingest
 * again, ingest one more article, regroup, every listing, every article fetched, a stored
 * story's brief) runs with SQLite's statement trace on, and EXPLAIN QUERY PLAN of each
 * distinct statement must not scan a table that grows with the corpus. A statement whose job
 * is to visit every row (a listing of all articles, the engine's state restored) is named
 * below with its reason; any other scan fails, so a new unindexed query cannot slip in.
 */
#include "corroborate.h"
#include "store/store_impl.h"
#include "test.h"
#include <stdlib.h>
#include <unistd.h>

#define MAXSQL 256

typedef struct seen_sql { char *v[MAXSQL]; int n; } seen_sql;

static int on_trace(unsigned type, void *ud, void *p, void *x) {
  seen_sql *s = ud;
  const char *sql = sqlite3_sql((sqlite3_stmt *)p);
  (void)type;
  (void)x;
  if (!sql) return 0;
  for (int i = 0; i < s->n; i++) if (!strcmp(s->v[i], sql)) return 0;
  if (s->n < MAXSQL) s->v[s->n++] = strdup(sql);
  return 0;
}

/* Tables whose rows grow with the articles stored. */
static const char *const growing[] = {"articles", "dropped", "captions", "extras", "article_groups", "stories",
                                      "group_articles", "group_stories", "group_df", NULL};

/* Statements that visit every row by design, by the start of their text, and why. */
static const struct { const char *sql; const char *why; } whole[] = {
  {"SELECT id, source, format, outlet, published", "cb_store_list_articles: lists every article"},
  {"SELECT id, headline, first, last, articles", "cb_store_list_stories: lists every story"},
  {"SELECT id FROM articles ORDER BY id", "cb_store_article_ids: every id"},
  {"SELECT count(*) FROM articles", "cb_store_count_articles: once per command"},
  {"SELECT count(*) FROM group_articles", "once per regroup: is the saved state complete"},
  {"SELECT article_id, sig, terms, shingles", "the grouping engine's state, restored once per regroup"},
  {"SELECT id, centroid, norm, first, last FROM group_stories", "the engine's stories, restored once per regroup"},
  {"SELECT article_id, story_id, coalesce(duplicate_of, 0), coalesce(similarity, 0) FROM article_groups ORDER",
   "cb_store_list_groups(0): every article's group"},
  {"DELETE FROM", "cb_store_clear_groups: empties the tables"},
  {NULL, NULL}};

static int allowed(const char *sql) {
  for (int i = 0; whole[i].sql; i++) if (!strncmp(sql, whole[i].sql, strlen(whole[i].sql))) return 1;
  return 0;
}

/* "SCAN articles", "SCAN a USING INDEX x" (a full index scan), not "SEARCH ...". */
static const char *scanned_table(const char *detail) {
  if (strncmp(detail, "SCAN ", 5)) return NULL;
  for (int i = 0; growing[i]; i++) {
    size_t n = strlen(growing[i]);
    if (!strncmp(detail + 5, growing[i], n) && (detail[5 + n] == 0 || detail[5 + n] == ' ')) return growing[i];
  }
  return NULL;
}

static void check_plan(sqlite3 *db, const char *sql) {
  char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, q, -1, &st, NULL);
  sqlite3_free(q);
  if (rc != SQLITE_OK) return;   /* PRAGMA, BEGIN ...: no plan */
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *detail = (const char *)sqlite3_column_text(st, 3);
    const char *t = detail ? scanned_table(detail) : NULL;
    if (!t) continue;
    if (allowed(sql)) { t_passed++; continue; }
    t_failed++;
    fprintf(stderr, "full scan of %s (%s) in: %s\n", t, detail, sql);
  }
  sqlite3_finalize(st);
}

static int each_story(void *ud, const cb_story_row *r) {
  int64_t *first = ud;
  if (!*first) *first = r->id;
  return 0;
}

static int each_article(void *ud, const cb_article_row *r) {
  cb_store *s = ud;
  cb_article *a;
  cb_error e;
  CHECK_INT(cb_store_get_article(s, r->id, &a, &e), CB_OK);
  cb_article_free(a);
  return 0;
}

static int each_group(void *ud, const cb_group_row *r) {
  (*(int *)ud)++;
  return r->article_id <= 0;
}

int main(void) {
  char dir[] = "/tmp/cb-plan-XXXXXX", path[64];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/plan.db", dir);
  cb_store *s;
  cb_error e;
  CHECK_INT(cb_store_open(path, &s, &e), CB_OK);
  seen_sql seen = {0};
  sqlite3_trace_v2(s->db, SQLITE_TRACE_STMT, on_trace, &seen);
  const char *paths[] = {CB_SOURCE_DIR "/examples/articles"};
  cb_store_ingest_opts o;
  cb_store_ingest_opts_init(&o);
  o.jobs = 1;
  cb_ingest_stats st;
  CHECK_INT(cb_store_ingest(s, paths, 1, &o, &st, &e), CB_OK);
  CHECK(st.added >= 10);
  CHECK_INT(cb_store_ingest(s, paths, 1, &o, &st, &e), CB_OK);
  static const char more[] = "Ferry inquiry opens\n\nPublished: 12 Mar 2026\n\nThe inquiry into the MV Tulia "
                             "ferry disaster opened on Monday, Governor Amina Tecla said.\n";
  CHECK_INT(cb_store_ingest_buffer(s, "more.txt", more, sizeof more - 1, &o, &st, &e), CB_OK);
  CHECK_INT(st.added, 1);
  int64_t first = 0;
  CHECK_INT(cb_store_list_stories(s, each_story, &first, &e), CB_OK);
  CHECK(first > 0);
  CHECK_INT(cb_store_list_articles(s, each_article, s, &e), CB_OK);
  int n = 0;
  CHECK_INT(cb_store_list_groups(s, first, each_group, &n, &e), CB_OK);
  CHECK(n > 0);
  n = 0;
  CHECK_INT(cb_store_list_groups(s, 0, each_group, &n, &e), CB_OK);
  CHECK(n > 10);
  cb_brief *b;
  CHECK_INT(cb_store_brief(s, first, &b, &e), CB_OK);
  cb_brief_free(b);
  CHECK(seen.n >= 20);   /* the workload ran the store's statements */
  printf("%d distinct statements traced\n", seen.n);
  for (int i = 0; i < seen.n; i++) check_plan(s->db, seen.v[i]);
  for (int i = 0; i < seen.n; i++) free(seen.v[i]);
  cb_store_close(s);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK_INT(system(cmd), 0);
  return test_report();
}
