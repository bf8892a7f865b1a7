/*
 * group_state.c - the grouping engine's saved state in the store (schema v3; see store.h):
 * per-article and per-story state rows, document frequencies, counters, and the story and
 * article-group rows written one at a time. Statements are prepared on first use and kept.
 */
#include "store/store_impl.h"
#include <string.h>

enum { Q_META_GET, Q_META_SET, Q_STATE_PUT, Q_PARENT_SET, Q_STORY_STATE_PUT, Q_DF_GET, Q_DF_PUT, Q_STORY_PUT,
       Q_GROUP_PUT };

static const char *const sql_of[] = {
  [Q_META_GET] = "SELECT value FROM group_meta WHERE key = ?",
  [Q_META_SET] = "INSERT OR REPLACE INTO group_meta (key, value) VALUES (?, ?)",
  [Q_STATE_PUT] = "INSERT OR REPLACE INTO group_articles (article_id, sig, terms, shingles, day, parent, match, story,"
                  " title, outlet) VALUES (?,?,?,?,?,?,?,?,?,?)",
  [Q_PARENT_SET] = "UPDATE group_articles SET parent = ? WHERE article_id = ?",
  [Q_STORY_STATE_PUT] = "INSERT OR REPLACE INTO group_stories (id, centroid, norm, first, last) VALUES (?,?,?,?,?)",
  [Q_DF_GET] = "SELECT df FROM group_df WHERE term = ?",
  [Q_DF_PUT] = "INSERT OR REPLACE INTO group_df (term, df) VALUES (?, ?)",
  [Q_STORY_PUT] = "INSERT INTO stories (id, headline, first, last, articles, outlets, duplicates) VALUES (?,?,?,?,?,?,?)"
                  " ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, first = excluded.first,"
                  " last = excluded.last, articles = excluded.articles, outlets = excluded.outlets,"
                  " duplicates = excluded.duplicates",
  [Q_GROUP_PUT] = "INSERT OR REPLACE INTO article_groups (article_id, story_id, duplicate_of, similarity)"
                  " VALUES (?,?,?,?)",
};

static sqlite3_stmt *stmt(cb_store *s, int q, cb_error *e) {
  if (!s->cached[q] &&
      sqlite3_prepare_v3(s->db, sql_of[q], -1, SQLITE_PREPARE_PERSISTENT, &s->cached[q], NULL) != SQLITE_OK) {
    cb_store_fail(s, e, "preparing a statement");
    return NULL;
  }
  return s->cached[q];
}

static void bind_blob(sqlite3_stmt *st, int i, const void *v, size_t n) {
  if (v) sqlite3_bind_blob(st, i, n ? v : "", (int)n, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

/* Reads one integer from a lookup statement: 0 found, 1 absent, CB_ESTORE on error. */
static int lookup(cb_store *s, sqlite3_stmt *st, int64_t *v, cb_error *e, const char *what) {
  int r = sqlite3_step(st);
  if (r == SQLITE_ROW) *v = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (r == SQLITE_ROW) return 0;
  return r == SQLITE_DONE ? 1 : cb_store_fail(s, e, what);
}

int cb_store_group_meta(cb_store *s, const char *key, int64_t *v, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_META_GET, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  return lookup(s, st, v, e, "reading the grouping state");
}

int cb_store_set_group_meta(cb_store *s, const char *key, int64_t v, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_META_SET, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, v);
  return cb_store_step(s, st, e, "saving the grouping state");
}

int64_t cb_store_count_group_states(cb_store *s) {
  sqlite3_stmt *st;
  int64_t n = -1;
  if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM group_articles", -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  return n;
}

int cb_store_clear_groups(cb_store *s, cb_error *e) {
  return cb_store_exec(s, "DELETE FROM article_groups; DELETE FROM stories; DELETE FROM group_articles;"
                          " DELETE FROM group_stories; DELETE FROM group_df; DELETE FROM group_meta;", e);
}

int cb_store_each_group_state(cb_store *s, cb_group_state_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT article_id, sig, terms, shingles, day, parent, match, story, title, outlet"
                         " FROM group_articles ORDER BY article_id", -1, &st, NULL))
    return cb_store_fail(s, e, "reading the grouping state");
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_group_state_row row = {
      .article_id = sqlite3_column_int64(st, 0),
      .sig = sqlite3_column_blob(st, 1), .sig_len = (size_t)sqlite3_column_bytes(st, 1),
      .terms = sqlite3_column_blob(st, 2), .terms_len = (size_t)sqlite3_column_bytes(st, 2),
      .shingles = sqlite3_column_int64(st, 3),
      .has_day = sqlite3_column_type(st, 4) != SQLITE_NULL, .day = sqlite3_column_int64(st, 4),
      .parent = sqlite3_column_int64(st, 5), .match = sqlite3_column_int64(st, 6),
      .story = sqlite3_column_int64(st, 7),
      .title = (const char *)sqlite3_column_text(st, 8), .outlet = sqlite3_column_int64(st, 9)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "reading the grouping state");
  sqlite3_finalize(st);
  return rc;
}

int cb_store_put_group_state(cb_store *s, const cb_group_state_row *r, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_STATE_PUT, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, r->article_id);
  bind_blob(st, 2, r->sig ? r->sig : "", r->sig_len);
  bind_blob(st, 3, r->terms_len ? r->terms : NULL, r->terms_len);
  sqlite3_bind_int64(st, 4, r->shingles);
  if (r->has_day) sqlite3_bind_int64(st, 5, r->day); else sqlite3_bind_null(st, 5);
  sqlite3_bind_int64(st, 6, r->parent);
  sqlite3_bind_int64(st, 7, r->match);
  sqlite3_bind_int64(st, 8, r->story);
  cb_store_bind_text(st, 9, r->title);
  if (r->outlet) sqlite3_bind_int64(st, 10, r->outlet); else sqlite3_bind_null(st, 10);
  return cb_store_step(s, st, e, "saving an article's grouping state");
}

int cb_store_set_group_parent(cb_store *s, int64_t article_id, int64_t parent, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_PARENT_SET, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, parent);
  sqlite3_bind_int64(st, 2, article_id);
  return cb_store_step(s, st, e, "saving a copy group");
}

int cb_store_each_story_state(cb_store *s, cb_story_state_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT id, centroid, norm, first, last FROM group_stories ORDER BY id", -1, &st, NULL))
    return cb_store_fail(s, e, "reading the story state");
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_story_state_row row = {
      .id = sqlite3_column_int64(st, 0),
      .centroid = sqlite3_column_blob(st, 1), .centroid_len = (size_t)sqlite3_column_bytes(st, 1),
      .norm = sqlite3_column_double(st, 2),
      .has_span = sqlite3_column_type(st, 3) != SQLITE_NULL && sqlite3_column_type(st, 4) != SQLITE_NULL,
      .first = sqlite3_column_int64(st, 3), .last = sqlite3_column_int64(st, 4)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "reading the story state");
  sqlite3_finalize(st);
  return rc;
}

int cb_store_put_story_state(cb_store *s, const cb_story_state_row *r, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_STORY_STATE_PUT, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, r->id);
  bind_blob(st, 2, r->centroid ? r->centroid : "", r->centroid_len);
  sqlite3_bind_double(st, 3, r->norm);
  if (r->has_span) { sqlite3_bind_int64(st, 4, r->first); sqlite3_bind_int64(st, 5, r->last); }
  else { sqlite3_bind_null(st, 4); sqlite3_bind_null(st, 5); }
  return cb_store_step(s, st, e, "saving a story's state");
}

int cb_store_get_df(cb_store *s, uint64_t term, uint32_t *df, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_DF_GET, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)term);
  int64_t v = 0;
  int rc = lookup(s, st, &v, e, "reading a document frequency");
  *df = rc == 0 && v > 0 && v <= UINT32_MAX ? (uint32_t)v : 0;
  return rc;
}

int cb_store_put_df(cb_store *s, uint64_t term, uint32_t df, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_DF_PUT, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)term);
  sqlite3_bind_int64(st, 2, df);
  return cb_store_step(s, st, e, "saving a document frequency");
}

int cb_store_put_story(cb_store *s, const cb_story_row *r, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_STORY_PUT, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, r->id);
  cb_store_bind_text(st, 2, r->headline);
  cb_store_bind_text(st, 3, r->first && *r->first ? r->first : NULL);
  cb_store_bind_text(st, 4, r->last && *r->last ? r->last : NULL);
  sqlite3_bind_int64(st, 5, r->articles);
  sqlite3_bind_int64(st, 6, r->outlets);
  sqlite3_bind_int64(st, 7, r->duplicates);
  return cb_store_step(s, st, e, "storing a story");
}

int cb_store_put_group(cb_store *s, const cb_group_row *r, cb_error *e) {
  sqlite3_stmt *st = stmt(s, Q_GROUP_PUT, e);
  if (!st) return CB_ESTORE;
  sqlite3_bind_int64(st, 1, r->article_id);
  sqlite3_bind_int64(st, 2, r->story_id);
  if (r->duplicate_of > 0) {
    sqlite3_bind_int64(st, 3, r->duplicate_of);
    sqlite3_bind_double(st, 4, r->similarity);
  } else {
    sqlite3_bind_null(st, 3);
    sqlite3_bind_null(st, 4);
  }
  return cb_store_step(s, st, e, "storing an article's story");
}
