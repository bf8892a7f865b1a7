/*
 * store_search.c - cb_store_search: the stored stories with an article matching words (the
 * FTS5 index articles_fts of migration 5), an outlet and a date range, newest first. User
 * words are quoted as FTS5 strings, so no input is read as FTS5 query syntax.
 */
#include "store/store_impl.h"
#include <stdlib.h>
#include <string.h>

#define CB_SEARCH_MAX_WORDS 32

void cb_search_opts_init(cb_search_opts *o) {
  memset(o, 0, sizeof *o);
  o->version = CB_SEARCH_OPTS_VERSION;
  o->limit = 50;
}

static int is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The FTS5 query for the words: each as a string ("a""b" for a"b) matching a word prefix,
 * all of them required. Malloc'd; NULL on OOM. */
static char *fts_query(const char *words) {
  size_t n = strlen(words), cap = 4 * n + 8, k = 0;
  char *q = malloc(cap);
  if (!q) return NULL;
  int nwords = 0;
  for (const char *p = words; *p && nwords < CB_SEARCH_MAX_WORDS;) {
    while (is_space(*p)) p++;
    if (!*p) break;
    if (k) q[k++] = ' ';
    q[k++] = '"';
    for (; *p && !is_space(*p); p++) {
      if (*p == '"') q[k++] = '"';
      q[k++] = *p;
    }
    q[k++] = '"';
    q[k++] = '*';
    nwords++;
  }
  q[k] = 0;
  return q;
}

static const char *nz(const char *s) { return s && *s ? s : NULL; }

static const char *search_sql =
    "SELECT s.id, s.headline, s.first, s.last, s.articles, s.outlets, s.duplicates FROM stories s"
    " WHERE EXISTS (SELECT 1 FROM article_groups g JOIN articles a ON a.id = g.article_id"
    "  WHERE g.story_id = s.id"
    "  AND (?1 IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1))"
    "  AND (?2 IS NULL OR a.outlet = ?2 COLLATE NOCASE)"
    "  AND (?3 IS NULL OR a.published >= ?3)"
    "  AND (?4 IS NULL OR substr(a.published, 1, length(?4)) <= ?4))"
    " ORDER BY s.last IS NULL, s.last DESC, s.id DESC LIMIT ?5 OFFSET ?6";

static int run(cb_store *s, sqlite3_stmt *st, cb_story_row_fn fn, void *ud, cb_error *e) {
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    cb_story_row row = {sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                        (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
                        (long)sqlite3_column_int64(st, 4), (long)sqlite3_column_int64(st, 5),
                        (long)sqlite3_column_int64(st, 6)};
    if (fn(ud, &row)) break;
  }
  return r == SQLITE_ROW || r == SQLITE_DONE ? CB_OK : cb_store_fail(s, e, "searching stories");
}

int cb_store_search(cb_store *s, const cb_search_opts *o, cb_story_row_fn fn, void *ud, cb_error *e) {
  cb_search_opts def;
  if (!o) { cb_search_opts_init(&def); o = &def; }
  if (!s || !fn || o->version != CB_SEARCH_OPTS_VERSION || o->offset < 0) {
    cb_error_set(e, CB_EUSAGE, "", 0, "cb_store_search: bad arguments");
    return CB_EUSAGE;
  }
  char *q = nz(o->words) ? fts_query(o->words) : NULL;
  if (nz(o->words) && !q) { cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  if (q && !*q) { free(q); q = NULL; }   /* only spaces: any article */
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, search_sql, -1, &st, NULL) != SQLITE_OK) {
    free(q);
    return cb_store_fail(s, e, "searching stories");
  }
  cb_store_bind_text(st, 1, q);
  cb_store_bind_text(st, 2, nz(o->outlet));
  cb_store_bind_text(st, 3, nz(o->from));
  cb_store_bind_text(st, 4, nz(o->to));
  sqlite3_bind_int64(st, 5, o->limit > 0 ? o->limit : -1);
  sqlite3_bind_int64(st, 6, o->offset);
  int rc = run(s, st, fn, ud, e);
  sqlite3_finalize(st);
  free(q);
  return rc;
}
