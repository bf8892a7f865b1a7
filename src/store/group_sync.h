/*
 * group_sync.h - the grouping engine kept in step with the store: opening restores the
 * engine from the saved state (or starts it empty when there is none, it was saved under
 * other options, or it does not match the articles), the caller adds the articles that
 * came after it in id order, and saving writes only what changed: the new articles' state
 * and groups, the older articles whose original changed, the stories that grew, the
 * document frequencies that moved. Everything happens inside one transaction the caller
 * holds, so the saved state always describes a prefix of the articles.
 */
#ifndef CB_STORE_GROUP_SYNC_H
#define CB_STORE_GROUP_SYNC_H
#include "group/persist.h"
#include "store/store.h"

typedef struct cb_group_sync {
  cb_grouper *g;
  int64_t *ids;          /* article id of each engine index */
  size_t n, cap;
  size_t n0, nstories0;  /* articles and stories restored */
  uint32_t *parent0, *root0, *size0;   /* as restored: parents, roots, story sizes */
  int64_t last_id;       /* the last article the state holds (0: none) */
  int rebuilt;           /* 1: started empty, every article is new */
} cb_group_sync;

/* 1 if articles after the saved state's last one are waiting (or there is no usable
 * state), 0 if the state is up to date. Cheap: reads counters only. */
int cb_group_sync_pending(cb_store *s);
/* Restores the engine (or clears the stored groups and starts empty). 0 ok, else an
 * error in e. */
int cb_group_sync_open(cb_store *s, cb_group_sync *gs, cb_error *e);
/* Loads the stored document frequencies a prepared article will read (call before adding
 * it). 0 ok. */
int cb_group_sync_prefetch(cb_store *s, cb_group_sync *gs, const cb_group_prep *p, cb_error *e);
/* Records the article id of the article the engine just added. 0 ok, -1 OOM. */
int cb_group_sync_added(cb_group_sync *gs, int64_t id);
/* Writes what changed since open. 0 ok. */
int cb_group_sync_save(cb_store *s, cb_group_sync *gs, cb_error *e);
void cb_group_sync_free(cb_group_sync *gs);
#endif
