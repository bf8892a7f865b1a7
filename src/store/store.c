/*
 * store.c - the SQLite store; see store.h. One connection, prepared statements kept for
 * the hot path (put_article), errors carried as cb_error with SQLite's message.
 */
#include "store/store.h"
#include "store/migrations.h"
#include "store/store_impl.h"
#include "core/article.h"
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cb_store_fail(cb_store *s, cb_error *e, const char *what) {
  cb_error_set(e, CB_ESTORE, s->path, 0, "%s: %s", what, sqlite3_errmsg(s->db));
  return CB_ESTORE;
}

int cb_store_exec(cb_store *s, const char *sql, cb_error *e) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return CB_OK;
  cb_error_set(e, CB_ESTORE, s->path, 0, "%s", msg ? msg : sqlite3_errmsg(s->db));
  sqlite3_free(msg);
  return CB_ESTORE;
}

int cb_store_schema_version(cb_store *s) {
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  return v;
}

static int migrate(cb_store *s, cb_error *e) {
  int v = cb_store_schema_version(s), n = 0;
  while (cb_migrations[n]) n++;
  if (v < 0) return cb_store_fail(s, e, "cannot read the schema version");
  if (v > n) {
    cb_error_set(e, CB_ESTORE, s->path, 0, "database schema version %d is newer than this corroborate (%d)", v, n);
    return CB_ESTORE;
  }
  for (; v < n; v++) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
    if (cb_store_exec(s, "BEGIN IMMEDIATE", e)) return CB_ESTORE;
    if (cb_store_exec(s, cb_migrations[v], e) || cb_store_exec(s, pragma, e)) { cb_store_exec(s, "ROLLBACK", NULL); return CB_ESTORE; }
    if (cb_store_exec(s, "COMMIT", e)) return CB_ESTORE;
  }
  return CB_OK;
}

static int prepare(cb_store *s, sqlite3_stmt **st, const char *sql, cb_error *e) {
  return sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) == SQLITE_OK ? CB_OK
                                                                                                 : cb_store_fail(s, e, "prepare");
}

int cb_store_open(const char *path, cb_store **out, cb_error *e) {
  *out = NULL;
  cb_store *s = calloc(1, sizeof *s);
  if (!s || !(s->path = strdup(path))) { free(s); cb_error_set(e, CB_ENOMEM, path, 0, "out of memory"); return CB_ENOMEM; }
  if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    cb_error_set(e, CB_ESTORE, path, 0, "cannot open database: %s", s->db ? sqlite3_errmsg(s->db) : "out of memory");
    cb_store_close(s);
    return CB_ESTORE;
  }
  sqlite3_busy_timeout(s->db, 10000);
  const char *fault = getenv("CORROBORATE_FAULT_STORE_AFTER");
  s->fault_after = fault && *fault ? atol(fault) : -1;
  int rc = cb_store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", e);
  if (!rc) rc = migrate(s, e);
  if (!rc) rc = prepare(s, &s->ins_article,
      "INSERT INTO articles (hash, source, line, offset, format, title, outlet, author, url, dateline, credit,"
      " published, published_inferred, published_why, body, original, fetched)"
      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
      " ON CONFLICT(hash) DO NOTHING", e);
  if (!rc) rc = prepare(s, &s->ins_dropped, "INSERT INTO dropped (article_id, seq, reason, why, text) VALUES (?,?,?,?,?)", e);
  if (!rc) rc = prepare(s, &s->ins_caption, "INSERT INTO captions (article_id, seq, text) VALUES (?,?,?)", e);
  if (!rc) rc = prepare(s, &s->ins_extra, "INSERT INTO extras (article_id, key, value) VALUES (?,?,?)", e);
  if (!rc) rc = prepare(s, &s->find_hash, "SELECT id FROM articles WHERE hash = ?", e);
  if (rc) { cb_store_close(s); return rc; }
  *out = s;
  return CB_OK;
}

void cb_store_close(cb_store *s) {
  if (!s) return;
  sqlite3_finalize(s->ins_article);
  sqlite3_finalize(s->ins_dropped);
  sqlite3_finalize(s->ins_caption);
  sqlite3_finalize(s->ins_extra);
  sqlite3_finalize(s->find_hash);
  for (int i = 0; i < CB_STORE_CACHED; i++) sqlite3_finalize(s->cached[i]);
  sqlite3_close(s->db);
  free(s->path);
  free(s);
}

int cb_store_begin(cb_store *s, cb_error *e) { return cb_store_exec(s, "BEGIN IMMEDIATE", e); }
int cb_store_commit(cb_store *s, cb_error *e) { return cb_store_exec(s, "COMMIT", e); }
void cb_store_rollback(cb_store *s) {
  if (!sqlite3_get_autocommit(s->db)) cb_store_exec(s, "ROLLBACK", NULL);
}

void cb_store_bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, i);
}

int cb_store_step(cb_store *s, sqlite3_stmt *st, cb_error *e, const char *what) {
  int r = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return r == SQLITE_DONE || r == SQLITE_ROW ? CB_OK : cb_store_fail(s, e, what);
}

int cb_store_put_article(cb_store *s, const cb_article *a, int64_t *id, int *added, cb_error *e) {
  if (s->fault_after >= 0 && s->fault_after-- == 0) {
    cb_error_set(e, CB_ESTORE, s->path, 0, "simulated write failure (CORROBORATE_FAULT_STORE_AFTER)");
    return CB_ESTORE;
  }
  sqlite3_stmt *st = s->ins_article;
  cb_store_bind_text(st, 1, a->hash);
  cb_store_bind_text(st, 2, a->source ? a->source : "");
  sqlite3_bind_int64(st, 3, a->line);
  sqlite3_bind_int64(st, 4, a->offset);
  cb_store_bind_text(st, 5, cb_format_name(a->format));
  cb_store_bind_text(st, 6, a->title);
  cb_store_bind_text(st, 7, a->outlet);
  cb_store_bind_text(st, 8, a->author);
  cb_store_bind_text(st, 9, a->url);
  cb_store_bind_text(st, 10, a->dateline);
  cb_store_bind_text(st, 11, a->credit);
  cb_store_bind_text(st, 12, a->published[0] ? a->published : NULL);
  sqlite3_bind_int(st, 13, a->published_inferred);
  cb_store_bind_text(st, 14, a->published_why);
  sqlite3_bind_text(st, 15, a->body ? a->body : "", (int)a->body_len, SQLITE_STATIC);
  sqlite3_bind_blob(st, 16, a->original ? a->original : "", (int)a->original_len, SQLITE_STATIC);
  cb_store_bind_text(st, 17, a->fetched[0] ? a->fetched : NULL);
  if (cb_store_step(s, st, e, "storing an article")) return CB_ESTORE;
  *added = sqlite3_changes(s->db) > 0;
  if (!*added) {
    sqlite3_bind_text(s->find_hash, 1, a->hash, -1, SQLITE_STATIC);
    *id = sqlite3_step(s->find_hash) == SQLITE_ROW ? sqlite3_column_int64(s->find_hash, 0) : 0;
    sqlite3_reset(s->find_hash);
    return CB_OK;
  }
  *id = sqlite3_last_insert_rowid(s->db);
  for (size_t i = 0; i < a->ndropped; i++) {
    sqlite3_bind_int64(s->ins_dropped, 1, *id);
    sqlite3_bind_int64(s->ins_dropped, 2, (sqlite3_int64)i);
    cb_store_bind_text(s->ins_dropped, 3, cb_drop_reason_name(a->dropped[i].reason));
    cb_store_bind_text(s->ins_dropped, 4, a->dropped[i].why);
    cb_store_bind_text(s->ins_dropped, 5, a->dropped[i].text);
    if (cb_store_step(s, s->ins_dropped, e, "storing dropped text")) return CB_ESTORE;
  }
  for (size_t i = 0; i < a->ncaptions; i++) {
    sqlite3_bind_int64(s->ins_caption, 1, *id);
    sqlite3_bind_int64(s->ins_caption, 2, (sqlite3_int64)i);
    cb_store_bind_text(s->ins_caption, 3, a->captions[i]);
    if (cb_store_step(s, s->ins_caption, e, "storing a caption")) return CB_ESTORE;
  }
  for (size_t i = 0; i < a->nextra; i++) {
    sqlite3_bind_int64(s->ins_extra, 1, *id);
    cb_store_bind_text(s->ins_extra, 2, a->extra[i].key);
    cb_store_bind_text(s->ins_extra, 3, a->extra[i].value);
    if (cb_store_step(s, s->ins_extra, e, "storing metadata")) return CB_ESTORE;
  }
  return CB_OK;
}

int64_t cb_store_count_articles(cb_store *s) {
  sqlite3_stmt *st;
  int64_t n = -1;
  if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM articles", -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  return n;
}

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

int cb_store_list_articles(cb_store *s, cb_article_row_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db,
        "SELECT id, source, format, outlet, published, title, author, url, hash, line, published_inferred,"
        " length(CAST(body AS BLOB)), (SELECT count(*) FROM dropped d WHERE d.article_id = a.id), dateline, fetched"
        " FROM articles a ORDER BY id", -1, &st, NULL) != SQLITE_OK)
    return cb_store_fail(s, e, "listing articles");
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_article_row row = {
      .id = sqlite3_column_int64(st, 0), .source = col(st, 1), .format = col(st, 2), .outlet = col(st, 3),
      .published = col(st, 4), .title = col(st, 5), .author = col(st, 6), .url = col(st, 7), .hash = col(st, 8),
      .line = (long)sqlite3_column_int64(st, 9), .published_inferred = sqlite3_column_int(st, 10),
      .body_len = (size_t)sqlite3_column_int64(st, 11), .ndropped = (size_t)sqlite3_column_int64(st, 12),
      .dateline = col(st, 13), .fetched = col(st, 14)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "listing articles");
  sqlite3_finalize(st);
  return rc;
}

static const char *dup_col(cb_article *a, sqlite3_stmt *st, int i) {
  const char *v = col(st, i);
  return v ? cb_arena_strdup(a->arena, v) : NULL;
}


static cb_drop_reason stored_reason(const char *name) {
  int r = name ? cb_drop_reason_parse(name, strlen(name)) : 0;
  return r ? (cb_drop_reason)r : CB_DROP_BOILERPLATE;
}

static int load_lists(cb_store *s, cb_article *a, int64_t id, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT reason, why, text FROM dropped WHERE article_id = ? ORDER BY seq", -1, &st, NULL))
    return cb_store_fail(s, e, "loading dropped text");
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = col(st, 2);
    if (cb_article_drop(a, stored_reason(col(st, 0)), t ? t : "", t ? strlen(t) : 0, dup_col(a, st, 1))) break;
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(s->db, "SELECT text FROM captions WHERE article_id = ? ORDER BY seq", -1, &st, NULL))
    return cb_store_fail(s, e, "loading captions");
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = col(st, 0);
    if (cb_article_add_caption(a, t ? t : "", t ? strlen(t) : 0)) break;
  }
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(s->db, "SELECT key, value FROM extras WHERE article_id = ? ORDER BY rowid", -1, &st, NULL))
    return cb_store_fail(s, e, "loading metadata");
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW)
    if (cb_article_add_extra(a, col(st, 0) ? col(st, 0) : "", col(st, 1) ? col(st, 1) : "")) break;
  sqlite3_finalize(st);
  return CB_OK;
}

int cb_store_get_article(cb_store *s, int64_t id, cb_article **out, cb_error *e) {
  *out = NULL;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db,
        "SELECT hash, source, line, offset, format, title, outlet, author, url, dateline, credit, published,"
        " published_inferred, published_why, body, original, fetched FROM articles WHERE id = ?",
        -1, &st, NULL))
    return cb_store_fail(s, e, "loading an article");
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    cb_error_set(e, CB_ENOTFOUND, "", 0, "no article with id %lld", (long long)id);
    return CB_ENOTFOUND;
  }
  cb_article *a = cb_article_new();
  if (!a) { sqlite3_finalize(st); cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  snprintf(a->hash, sizeof a->hash, "%s", col(st, 0) ? col(st, 0) : "");
  a->source = dup_col(a, st, 1);
  a->line = (long)sqlite3_column_int64(st, 2);
  a->offset = sqlite3_column_int64(st, 3);
  cb_format_parse(col(st, 4) ? col(st, 4) : "text", &a->format);
  a->title = dup_col(a, st, 5);
  a->outlet = dup_col(a, st, 6);
  a->author = dup_col(a, st, 7);
  a->url = dup_col(a, st, 8);
  a->dateline = dup_col(a, st, 9);
  a->credit = dup_col(a, st, 10);
  snprintf(a->published, sizeof a->published, "%s", col(st, 11) ? col(st, 11) : "");
  a->published_inferred = sqlite3_column_int(st, 12);
  a->published_why = dup_col(a, st, 13);
  a->body = dup_col(a, st, 14);
  a->body_len = a->body ? strlen(a->body) : 0;
  int olen = sqlite3_column_bytes(st, 15);
  char *o = cb_arena_alloc(a->arena, (size_t)olen + 1);
  if (o) { if (olen) memcpy(o, sqlite3_column_blob(st, 15), (size_t)olen); o[olen] = 0; }
  a->original = o;
  a->original_len = (size_t)olen;
  snprintf(a->fetched, sizeof a->fetched, "%s", col(st, 16) ? col(st, 16) : "");
  sqlite3_finalize(st);
  int rc = load_lists(s, a, id, e);
  if (rc) { cb_article_free(a); return rc; }
  *out = a;
  return CB_OK;
}

static int64_t scalar(cb_store *s, const char *sql, int64_t arg) {
  sqlite3_stmt *st;
  int64_t v = 0;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return 0;
  sqlite3_bind_int64(st, 1, arg);
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

int64_t cb_store_max_id(cb_store *s) { return scalar(s, "SELECT coalesce(max(id), 0) FROM articles WHERE ?1 = ?1", 0); }
int64_t cb_store_count_articles_upto(cb_store *s, int64_t max_id) {
  return scalar(s, "SELECT count(*) FROM articles WHERE id <= ?", max_id);
}

int cb_store_common_year(cb_store *s, int64_t min_id) {
  static const char *sql =
      "SELECT CAST(substr(published, 1, 4) AS INTEGER) y FROM articles WHERE id >= ? AND published_inferred = 0"
      " AND published GLOB '[0-9][0-9][0-9][0-9]-*' GROUP BY y ORDER BY count(*) DESC, y DESC LIMIT 1";
  int64_t y = scalar(s, sql, min_id);
  if (!y && min_id > 0) y = scalar(s, sql, 0);
  return (int)y;
}

int cb_store_undated(cb_store *s, int64_t min_id, int64_t **ids, size_t *n, cb_error *e) {
  sqlite3_stmt *st;
  *ids = NULL;
  *n = 0;
  if (sqlite3_prepare_v2(s->db, "SELECT id FROM articles WHERE id >= ? AND (published IS NULL OR published GLOB 'XXXX*')"
                         " ORDER BY id", -1, &st, NULL) != SQLITE_OK)
    return cb_store_fail(s, e, "finding undated articles");
  sqlite3_bind_int64(st, 1, min_id);
  size_t cap = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      int64_t *v = realloc(*ids, cap * sizeof *v);
      if (!v) { sqlite3_finalize(st); free(*ids); *ids = NULL; *n = 0; cb_error_set(e, CB_ENOMEM, s->path, 0, "out of memory"); return CB_ENOMEM; }
      *ids = v;
    }
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return CB_OK;
}

int cb_store_set_published(cb_store *s, int64_t id, const char *published, int inferred, const char *why, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "UPDATE articles SET published = ?, published_inferred = ?, published_why = ? WHERE id = ?",
                         -1, &st, NULL) != SQLITE_OK)
    return cb_store_fail(s, e, "updating a date");
  cb_store_bind_text(st, 1, published);
  sqlite3_bind_int(st, 2, inferred);
  cb_store_bind_text(st, 3, why);
  sqlite3_bind_int64(st, 4, id);
  int r = sqlite3_step(st);
  sqlite3_finalize(st);
  return r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "updating a date");
}

int cb_store_list_stories(cb_store *s, cb_story_row_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT id, headline, first, last, articles, outlets, duplicates FROM stories"
                         " ORDER BY articles - duplicates DESC, id", -1, &st, NULL))
    return cb_store_fail(s, e, "listing stories");
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_story_row row = {sqlite3_column_int64(st, 0), col(st, 1), col(st, 2), col(st, 3),
                        (long)sqlite3_column_int64(st, 4), (long)sqlite3_column_int64(st, 5), (long)sqlite3_column_int64(st, 6)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "listing stories");
  sqlite3_finalize(st);
  return rc;
}

int cb_store_list_groups(cb_store *s, int64_t story_id, cb_group_row_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  /* two statements: "?1 = 0 OR story_id = ?1" would keep SQLite off the story index */
  const char *sql = story_id ? "SELECT article_id, story_id, coalesce(duplicate_of, 0), coalesce(similarity, 0)"
                               " FROM article_groups WHERE story_id = ?1 ORDER BY article_id"
                             : "SELECT article_id, story_id, coalesce(duplicate_of, 0), coalesce(similarity, 0)"
                               " FROM article_groups ORDER BY article_id";
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) return cb_store_fail(s, e, "listing groups");
  if (story_id) sqlite3_bind_int64(st, 1, story_id);
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_group_row row = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                        sqlite3_column_double(st, 3)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "listing groups");
  sqlite3_finalize(st);
  return rc;
}

int cb_store_article_ids(cb_store *s, int64_t **ids, size_t *n, cb_error *e) {
  sqlite3_stmt *st;
  *ids = NULL;
  *n = 0;
  if (sqlite3_prepare_v2(s->db, "SELECT id FROM articles ORDER BY id", -1, &st, NULL)) return cb_store_fail(s, e, "listing ids");
  size_t cap = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 256;
      int64_t *v = realloc(*ids, cap * sizeof *v);
      if (!v) { sqlite3_finalize(st); free(*ids); *ids = NULL; *n = 0; cb_error_set(e, CB_ENOMEM, s->path, 0, "out of memory"); return CB_ENOMEM; }
      *ids = v;
    }
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return CB_OK;
}

int cb_store_each_text(cb_store *s, cb_text_row_fn fn, void *ud, cb_error *e) {
  return cb_store_each_text_after(s, INT64_MIN, fn, ud, e);
}

int cb_store_each_text_after(cb_store *s, int64_t after_id, cb_text_row_fn fn, void *ud, cb_error *e) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT id, title, body, published, outlet, published_inferred FROM articles"
                         " WHERE id > ? ORDER BY id", -1, &st, NULL))
    return cb_store_fail(s, e, "reading articles");
  sqlite3_bind_int64(st, 1, after_id);
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_text_row row = {sqlite3_column_int64(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4),
                       (size_t)sqlite3_column_bytes(st, 2), sqlite3_column_int(st, 5)};
    if (fn(ud, &row)) break;
  }
  int rc = r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "reading articles");
  sqlite3_finalize(st);
  return rc;
}
