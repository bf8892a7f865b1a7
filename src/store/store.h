/*
 * store.h - the embedded store: articles (metadata, clean body, original bytes, dropped
 * noise, captions, extra metadata) in SQLite, WAL mode, schema versioned by migrations.
 * Articles are keyed by their content hash, so storing the same article twice adds
 * nothing. Writes happen inside transactions the caller opens per input file, so a
 * failed file leaves nothing behind. What the library exports of it (open, close, the
 * listings and their rows, ingest) is declared in corroborate.h; this is the rest.
 */
#ifndef CB_STORE_H
#define CB_STORE_H
#include "corroborate.h"
#include <stdint.h>

typedef struct cb_store cb_store;

int cb_store_schema_version(cb_store *s);

int cb_store_begin(cb_store *s, cb_error *e);
int cb_store_commit(cb_store *s, cb_error *e);
void cb_store_rollback(cb_store *s);

/* Stores one article. *id gets its row id; *added is 1 if it was new, 0 if the same
 * content was already stored. */
int cb_store_put_article(cb_store *s, const cb_article *a, int64_t *id, int *added, cb_error *e);


/* Year resolution for articles whose text gives dates without a year: the most common
 * stated publication year among articles with id >= min_id (else among all); 0 if none. */
int cb_store_common_year(cb_store *s, int64_t min_id);
/* Ids (>= min_id) of articles with no publication date or one without a year. */
int cb_store_undated(cb_store *s, int64_t min_id, int64_t **ids, size_t *n, cb_error *e);
int cb_store_set_published(cb_store *s, int64_t id, const char *published, int inferred, const char *why, cb_error *e);
/* ---- stories -------------------------------------------------------------------------- */
/* Writes (inserts or replaces) one story / one article's group; inside the caller's
 * transaction. */
int cb_store_put_story(cb_store *s, const cb_story_row *r, cb_error *e);
int cb_store_put_group(cb_store *s, const cb_group_row *r, cb_error *e);
/* Deletes every story, article group and the grouping engine's saved state. */
int cb_store_clear_groups(cb_store *s, cb_error *e);
/* Streams every article's grouping fields in id order (strings valid during the call). */
typedef struct cb_text_row {
  int64_t id;
  const char *title, *body, *published, *outlet;
  size_t body_len;
  int published_inferred;
} cb_text_row;
typedef int (*cb_text_row_fn)(void *ud, const cb_text_row *r);
int cb_store_each_text(cb_store *s, cb_text_row_fn fn, void *ud, cb_error *e);
/* The same for the articles with id > after_id only. */
int cb_store_each_text_after(cb_store *s, int64_t after_id, cb_text_row_fn fn, void *ud, cb_error *e);
/* Every article id, ascending. */
int cb_store_article_ids(cb_store *s, int64_t **ids, size_t *n, cb_error *e);

/* The largest article id (0 when empty). */
int64_t cb_store_max_id(cb_store *s);
/* How many articles have id <= max_id. */
int64_t cb_store_count_articles_upto(cb_store *s, int64_t max_id);

/* ---- the grouping engine's saved state (group_state.c) --------------------------------
 * One row per grouped article (signature, posted terms, decisions), one per story
 * (centroid, span), the document frequencies, and named counters (group_meta). Blobs are
 * opaque to the store (src/group/persist.h says what they hold). Writes go into the
 * caller's transaction, so the state and the groups change together or not at all. */
/* *v gets the counter's value; 0 found, 1 absent, CB_ESTORE on error. */
int cb_store_group_meta(cb_store *s, const char *key, int64_t *v, cb_error *e);
int cb_store_set_group_meta(cb_store *s, const char *key, int64_t v, cb_error *e);
int64_t cb_store_count_group_states(cb_store *s);

typedef struct cb_group_state_row {
  int64_t article_id;
  const void *sig; size_t sig_len;
  const void *terms; size_t terms_len;
  int64_t shingles, parent, match, story;
  int has_day; int64_t day;
  const char *title;            /* the article's title, for story headlines */
  int64_t outlet;               /* its outlet's key, 0: none */
} cb_group_state_row;
typedef int (*cb_group_state_fn)(void *ud, const cb_group_state_row *r);
/* In article id order; blobs and strings valid during the call. */
int cb_store_each_group_state(cb_store *s, cb_group_state_fn fn, void *ud, cb_error *e);
int cb_store_put_group_state(cb_store *s, const cb_group_state_row *r, cb_error *e);
int cb_store_set_group_parent(cb_store *s, int64_t article_id, int64_t parent, cb_error *e);

typedef struct cb_story_state_row {
  int64_t id;
  const void *centroid; size_t centroid_len;
  double norm;
  int has_span; int64_t first, last;
} cb_story_state_row;
typedef int (*cb_story_state_fn)(void *ud, const cb_story_state_row *r);
/* In id order. */
int cb_store_each_story_state(cb_store *s, cb_story_state_fn fn, void *ud, cb_error *e);
int cb_store_put_story_state(cb_store *s, const cb_story_state_row *r, cb_error *e);

/* Document frequency of a term: 0 found (*df set), 1 absent, CB_ESTORE on error. */
int cb_store_get_df(cb_store *s, uint64_t term, uint32_t *df, cb_error *e);
int cb_store_put_df(cb_store *s, uint64_t term, uint32_t df, cb_error *e);
#endif
