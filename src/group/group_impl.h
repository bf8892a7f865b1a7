/*
 * group_impl.h - the grouping engine's state, shared by its source files (group.c adds
 * articles, group_info.c answers questions about them). Not for use outside src/group.
 */
#ifndef CB_GROUP_IMPL_H
#define CB_GROUP_IMPL_H
#include "group/group.h"
#include "group/lsh.h"
#include "group/story.h"
#include "group/u64map.h"
#include "group/words.h"
#include "group/minhash.h"

struct cb_grouper {
  cb_group_opts o;
  int nh;                   /* signature size, bands * rows */
  size_t n, cap;
  uint32_t *sig;            /* n * nh */
  uint32_t *nsh;            /* distinct shingles per article */
  int32_t *day;             /* day number or CB_NO_DATE */
  uint32_t *parent;         /* union-find over copies */
  int32_t *match;           /* the earlier copy an article matched, -1 */
  uint32_t *story;
  uint32_t *outlet;         /* outlet id + 1, 0: none */
  char **title;
  uint32_t *stamp, cur;     /* candidate de-duplication */
  cb_lsh lsh;
  cb_u64map df;
  uint32_t ndocs;
  cb_stories stories;
  cb_u64map outlet_ids;     /* outlet key (hash of the name) -> id */
  uint32_t noutlets;
  uint64_t *outlet_keys;    /* id -> outlet key */
  size_t outlet_keys_cap;
  /* persistence (persist.c): once keeping, the terms each later article posted and the
   * terms whose document frequency changed, so that only what changed is saved */
  int keeping;
  size_t keep_from;         /* first article whose posted terms are kept */
  uint64_t *kept;           /* LOOKUP_TERMS slots per kept article */
  uint8_t *nkept;           /* terms used per kept article */
  size_t kept_cap;          /* articles room */
  cb_u64map df_dirty;
  /* restored articles 0..lsh_old-1 enter the LSH index lazily, one band key at a time,
   * when an article being added first needs that key (persist.c); 0: all indexed */
  size_t lsh_old;
  cb_u64map lsh_done;       /* band keys whose restored articles are indexed */
  int lsh_scans;
};

#define CB_LOOKUP_TERMS 20  /* an article's strongest terms: posted, and used to find stories */

/* Remembers the terms article i posted (nothing unless keeping). 0 ok, -1 OOM. */
int cb_grouper_keep_terms(cb_grouper *g, uint32_t i, const uint64_t *keys, size_t n);

struct cb_group_prep {
  cb_words ws;            /* body words, then title words */
  char *title, *outlet;
  int32_t day;
  uint32_t nsh;
  int nh;
  uint32_t sig[CB_MINHASH_MAX];
};

/* Indexes the restored articles under the band keys of p[0..n) not indexed yet (one pass
 * over the restored signatures). 0 ok, -1 OOM. */
int cb_grouper_index_restored(cb_grouper *g, cb_group_prep *const *p, size_t n);
/* Room for one more article. 0 ok, -1 OOM. */
int cb_grouper_reserve(cb_grouper *g);
/* The engine's number for an outlet name, or for its key (0 for none or on OOM). */
uint32_t cb_grouper_outlet_id(cb_grouper *g, const char *outlet);
uint32_t cb_grouper_outlet_key_id(cb_grouper *g, uint64_t key);
/* Root of article i's copy group. */
uint32_t cb_grouper_root(const cb_grouper *g, uint32_t i);
/* 1 if article a should represent its copies rather than b (earlier date, then earlier add). */
int cb_grouper_earlier(const cb_grouper *g, uint32_t a, uint32_t b);
#endif
