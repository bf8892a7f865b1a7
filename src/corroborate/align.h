/*
 * align.h - lining up claims of different sources that speak of the same thing. A claim
 * is an item with topic keys (what it counts or dates, who speaks) and the content words
 * around it; a kind-specific score says how alike two items are. Pairs are joined best
 * first with complete linkage (every member must match the newcomer) and at most one claim
 * per independent source in a group, so groups do not chain across a story.
 */
#ifndef CB_CORRO_ALIGN_H
#define CB_CORRO_ALIGN_H
#include "corroborate/story.h"

#define CB_ITEM_KEYS 14

typedef struct cb_item {
  int article;                  /* brief article index */
  uint64_t keys[CB_ITEM_KEYS];  /* topic keys (content-word keys) */
  int nkeys;
  cb_bag ctx;                   /* content words around the claim */
  size_t idx;                   /* the caller's payload index */
} cb_item;

/* Score of two items of different sources; < min means "not the same thing". */
typedef double (*cb_item_score_fn)(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud);

/* Sets group_of[i] for every item (items alone get a group of their own) and *ngroups. */
int cb_align(const cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud,
             double min, int *group_of, int *ngroups);
/* Aligns, then calls emit once per group with the indexes of its items (in item order). */
typedef int (*cb_group_emit_fn)(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud);
int cb_align_each(cb_story_ctx *c, const cb_item *items, size_t n, cb_item_score_fn score, void *ud, double min,
                  cb_group_emit_fn emit, void *emit_ud);
/* Candidate pairs (i < j, different sources, copies left out) that share a block: a
 * topic key or one of the rarest context words. *out is malloc'd: pairs of ints. */
int cb_align_candidates(const cb_story_ctx *c, const cb_item *items, size_t n, int **out, size_t *npairs);
/* Number of topic keys two items share. */
int cb_item_shared_keys(const cb_item *x, const cb_item *y);
void cb_item_add_key(cb_item *it, uint64_t key);
/* Context bag of the words within `words` words on each side of [start,end) in the
 * item's article, inside its sentence. */
int cb_item_context(const cb_story_ctx *c, cb_item *it, size_t start, size_t end, int words);
#endif
