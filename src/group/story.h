/*
 * story.h - the stories of the online clustering: each story keeps a centroid (the sum of
 * its members' term vectors, cut to the strongest terms), its time span and its members;
 * an inverted index from terms to stories finds the few stories a new article can join.
 * Each member posts its strongest terms, so a term's postings run from the most recently
 * updated stories to the oldest and a search can stop where the time window ends.
 */
#ifndef CB_GROUP_STORY_H
#define CB_GROUP_STORY_H
#include "group/termvec.h"
#include "group/u64map.h"
#include <stdint.h>

#define CB_NO_DATE INT32_MIN

typedef struct cb_story {
  cb_term *c;          /* centroid, sorted by key */
  uint32_t nc;
  double norm;         /* length of the centroid */
  int32_t first, last; /* day numbers, CB_NO_DATE if no member had a date */
  uint32_t *members;
  uint32_t nmembers, cap;
} cb_story;

typedef struct cb_stories {
  cb_story *s;
  size_t n, cap;
  int max_terms;       /* centroid size */
  cb_u64map post_head; /* term -> newest posting + 1 */
  uint32_t *post_story, *post_next;
  size_t npost, post_cap;
  uint32_t *stamp;     /* per story, candidate de-duplication */
  uint32_t cur;
} cb_stories;

void cb_stories_init(cb_stories *ss, int max_terms);
void cb_stories_free(cb_stories *ss);
/* Opens a new story; returns its id or -1 on OOM. */
long cb_story_open(cb_stories *ss);
/* Adds article (with day number and vector, may be empty) to story id, posting the terms
 * keys[0..nkeys) for it. 0 ok, -1 OOM. */
int cb_story_add(cb_stories *ss, uint32_t id, uint32_t article, int32_t day, const cb_term *v, size_t nv,
                 const uint64_t *keys, size_t nkeys);
/* The story that v is most similar to (cosine with the centroid), among the stories posted
 * under keys[0..nkeys) whose span widened by window days holds day (window < 0: no limit)
 * and that day would not stretch over more than max_span days (max_span < 0: no limit).
 * Ties go to the lower id. Returns the id or -1; *cos gets the similarity. */
long cb_story_best(cb_stories *ss, const cb_term *v, size_t nv, const uint64_t *keys, size_t nkeys,
                   int32_t day, int window, int max_span, size_t max_postings, double *cos);
/* 1 if an article of that day may join story id (the same test as cb_story_best's). */
int cb_story_takes(const cb_stories *ss, uint32_t id, int32_t day, int window, int max_span);
/* Restoring a saved story (persist.c): opens the next story with this centroid (key-sorted,
 * copied), norm and span; its members come back with cb_story_restore_member. -1 on OOM. */
long cb_story_restore(cb_stories *ss, const cb_term *c, size_t nc, double norm, int32_t first, int32_t last);
/* Appends a saved member to story id and posts its terms, as cb_story_add did, leaving the
 * centroid and span as saved. 0 ok, -1 OOM. */
int cb_story_restore_member(cb_stories *ss, uint32_t id, uint32_t article, const uint64_t *keys, size_t nkeys);
/* Weight of term key in story id's centroid (0 if absent). */
double cb_story_weight(const cb_stories *ss, uint32_t id, uint64_t key);
#endif
