/*
 * group.h - the in-memory grouping engine: near-duplicates (MinHash + LSH candidates,
 * then a signature-verified Jaccard and containment decision) and stories (online
 * clustering of TF-IDF vectors with a time window). Articles are added one at a time and
 * get an index in order; everything the engine decides can be read back by index, and its
 * document frequencies can be walked (and loaded) so a store can persist them.
 *
 * Order: adding A then B gives the same result as adding the concatenation A+B (the engine
 * holds no batch state); duplicate_of is the earliest published copy, ties to the first
 * added.
 */
#ifndef CB_GROUP_GROUP_H
#define CB_GROUP_GROUP_H
#include <stddef.h>
#include <stdint.h>

typedef struct cb_group_opts {
  /* near-duplicates */
  int shingle_words;        /* words per shingle; default 3 */
  int bands, rows;          /* LSH bands x rows = signature size; default 42 x 3 (126) */
  double dup_jaccard;       /* estimated Jaccard at or above which texts are copies; 0.5 */
  double dup_containment;   /* or: share of the smaller text found in the larger; 0.7 */
  int dup_min_shingles;     /* containment is trusted only for texts this long; 20 */
  /* stories */
  double story_threshold;   /* cosine with a story centroid needed to join it; 0.15 */
  int window_days;          /* an article joins stories within this many days; 7 (-1: none) */
  int max_span_days;        /* nor one it would stretch over more days than this; 30 (-1: none):
                               an event is reported over days or weeks, not months; a subject
                               that goes on longer is a run of stories, so that a story's
                               centroid cannot drift along a year of daily articles */
  int terms_per_article;    /* strongest terms of an article vector; 60 */
  int terms_per_story;      /* centroid size; 300 */
  double entity_boost;      /* extra weight of a capitalised word inside a sentence; 1.0 */
  double title_boost;       /* extra weight of a title word; 2.0 */
} cb_group_opts;

void cb_group_opts_default(cb_group_opts *o);

typedef struct cb_group_doc {
  const char *title;        /* may be NULL */
  const char *body;
  size_t body_len;
  const char *published;    /* "YYYY-MM-DD..." or NULL/"" */
  const char *outlet;       /* may be NULL */
} cb_group_doc;

typedef struct cb_grouper cb_grouper;

cb_grouper *cb_grouper_new(const cb_group_opts *o);   /* o NULL: defaults */
void cb_grouper_free(cb_grouper *g);
/* Adds one article; returns its index, or -1 on OOM. */
long cb_grouper_add(cb_grouper *g, const cb_group_doc *d);
size_t cb_grouper_count(const cb_grouper *g);

/* The same in two steps, so that the costly part can run on many threads: preparing
 * (words and signature) needs no engine and is thread-safe; adding a prepared article
 * (candidate search, decisions) is done in order by one thread and frees p. */
typedef struct cb_group_prep cb_group_prep;
/* o: the options the engine was made with (NULL: defaults). NULL on OOM. */
cb_group_prep *cb_group_prepare(const cb_group_opts *o, const cb_group_doc *d);
long cb_grouper_add_prepared(cb_grouper *g, cb_group_prep *p);
void cb_group_prep_free(cb_group_prep *p);
/* The original this article copies (-1 if none); *similarity (may be NULL) gets the
 * estimated Jaccard and *containment the containment with it. */
long cb_grouper_duplicate_of(const cb_grouper *g, size_t i, double *similarity, double *containment);
long cb_grouper_story_of(const cb_grouper *g, size_t i);

typedef struct cb_story_info {
  long id;
  const char *headline;     /* the best title among its articles (owned by the engine) */
  char first[11], last[11]; /* time span, "" if no dates */
  size_t articles, outlets, duplicates;
} cb_story_info;

size_t cb_grouper_nstories(const cb_grouper *g);
int cb_grouper_story(const cb_grouper *g, size_t id, cb_story_info *out);
/* Members of story id in the order they were added. */
const uint32_t *cb_grouper_story_members(const cb_grouper *g, size_t id, size_t *n);

/* Document frequencies: fn(ud, term key, count) for every term; and the count of texts. */
void cb_grouper_df_each(const cb_grouper *g, void (*fn)(void *ud, uint64_t term, uint32_t df), void *ud);
uint32_t cb_grouper_ndocs(const cb_grouper *g);
/* Restores persisted frequencies before any article is added: df of one term, and the
 * count of texts. 0 ok, -1 on OOM. */
int cb_grouper_df_set(cb_grouper *g, uint64_t term, uint32_t df);
void cb_grouper_ndocs_set(cb_grouper *g, uint32_t ndocs);

/* Day number of an ISO date prefix (days since 1970-01-01); INT32_MIN if none. */
int32_t cb_day_number(const char *iso);
void cb_day_format(int32_t day, char out[11]);
#endif
