/*
 * store_impl.h - the store's connection and helpers, shared by its source files (store.c:
 * articles and stories; group_state.c: the grouping engine's saved state). Not for use
 * outside src/store.
 */
#ifndef CB_STORE_IMPL_H
#define CB_STORE_IMPL_H
#include "store/store.h"
#include <sqlite3.h>

#define CB_STORE_CACHED 16   /* statements prepared on first use, kept until close */

struct cb_store {
  long fault_after;   /* testing: fail the put after this many (CORROBORATE_FAULT_STORE_AFTER) */
  sqlite3 *db;
  char *path;
  sqlite3_stmt *ins_article, *ins_dropped, *ins_caption, *ins_extra, *find_hash;
  sqlite3_stmt *cached[CB_STORE_CACHED];
};

/* Sets e from SQLite's last error; returns CB_ESTORE. */
int cb_store_fail(cb_store *s, cb_error *e, const char *what);
int cb_store_exec(cb_store *s, const char *sql, cb_error *e);
/* Binds v (NULL: SQL NULL), valid until the statement is reset. */
void cb_store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Steps a write statement once, then resets it and clears its bindings. */
int cb_store_step(cb_store *s, sqlite3_stmt *st, cb_error *e, const char *what);
#endif
