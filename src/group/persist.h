/*
 * persist.h - saving the grouping engine's state so that a store can continue its online
 * pass later: per article its signature, shingle count, day, copy-group parent, match,
 * story and the terms it posted; per story its centroid, norm and span; the document
 * frequencies. Restoring these in article order rebuilds the LSH chains, story postings
 * and members exactly as the pass left them, so adding more articles afterwards decides
 * exactly what adding them in one pass would have. Blobs are opaque bytes (native byte
 * order) for the store to keep; restore checks them and refuses what does not fit.
 */
#ifndef CB_GROUP_PERSIST_H
#define CB_GROUP_PERSIST_H
#include "group/group.h"
#include <stddef.h>
#include <stdint.h>

/* One article's saved state. Pointers are into the engine (saving) or the caller's rows
 * (restoring); day is CB_GROUP_NO_DAY when the article had no date. */
#define CB_GROUP_NO_DAY INT32_MIN
typedef struct cb_group_article_state {
  const void *sig; size_t sig_len;      /* signature, 4 bytes per hash */
  const void *terms; size_t terms_len;  /* the terms it posted, 8 bytes each (none for copies) */
  uint32_t shingles;
  int32_t day;
  uint32_t parent;                      /* engine index of its copy-group parent (itself: root) */
  int32_t match;                        /* the earlier copy it matched, -1 */
  uint32_t story;                       /* engine story id */
  const char *title;
  uint64_t outlet;                      /* the outlet's key (a hash of its name), 0: none */
} cb_group_article_state;

typedef struct cb_group_story_state {
  const void *centroid; size_t centroid_len;   /* packed (8-byte key, 4-byte weight) records */
  double norm;
  int32_t first, last;                         /* CB_GROUP_NO_DAY when no member had a date */
} cb_group_story_state;

/* A fingerprint of the options and of the saved format: state saved under another one
 * cannot be continued and must be rebuilt. */
uint64_t cb_group_state_fingerprint(const cb_group_opts *o);

/* From now on, remember the terms each new article posts and which document frequencies
 * change (what a save needs beyond the engine's own arrays). */
void cb_grouper_keep(cb_grouper *g);
/* Article i's state; its terms only if it was added while keeping. -1 if i is out of range. */
int cb_grouper_article_state(const cb_grouper *g, size_t i, cb_group_article_state *out);
/* Story id's state; the centroid is packed into *buf (malloc'd, the caller frees it). -1 on
 * OOM or a bad id. */
int cb_grouper_story_state(const cb_grouper *g, size_t id, cb_group_story_state *out, void **buf);
/* The copy-group parent of article i (for saving what a later article changed). */
uint32_t cb_grouper_parent(const cb_grouper *g, size_t i);
/* fn(ud, term, df) for every term whose document frequency changed while keeping. */
void cb_grouper_df_changed_each(const cb_grouper *g, void (*fn)(void *ud, uint64_t term, uint32_t df), void *ud);
/* The current document frequency of one term (0 if never counted). */
uint32_t cb_grouper_df(const cb_grouper *g, uint64_t term);
/* 1 if the engine holds a document frequency for term (counted or restored). */
int cb_grouper_df_known(const cb_grouper *g, uint64_t term);

/* Restoring, before any article is added: stories first, in id order, then articles in
 * index order (they post their terms and join their stories), then
 * cb_grouper_restore_done. 0 ok, -1 on OOM or state that does not fit (bad sizes,
 * ids out of range, a copy-group cycle). */
int cb_grouper_restore_story(cb_grouper *g, const cb_group_story_state *s);
int cb_grouper_restore_article(cb_grouper *g, const cb_group_article_state *a);
int cb_grouper_restore_done(cb_grouper *g);
/* Optional, before adding prepared articles p[0..n) to a restored engine: readies the
 * index for all of them in one pass over the restored signatures (adding one at a time
 * would pass once per article). 0 ok, -1 OOM. */
int cb_grouper_prepare_batch(cb_grouper *g, cb_group_prep *const *p, size_t n);

/* Calls fn(ud, term) for each distinct content term of a prepared article: the terms whose
 * document frequencies adding it reads and counts. 0 ok, -1 on OOM. */
int cb_group_prep_terms(const cb_group_prep *p, void (*fn)(void *ud, uint64_t term), void *ud);
#endif
