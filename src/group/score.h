/*
 * score.h - clustering scores against gold groups, as the story-grouping literature counts
 * them: BCubed precision/recall (per item, averaged) and pairwise precision/recall over
 * all item pairs put together.
 */
#ifndef CB_GROUP_SCORE_H
#define CB_GROUP_SCORE_H
#include <stddef.h>

typedef struct cb_cluster_score {
  double b3_p, b3_r, b3_f1;
  double pair_p, pair_r, pair_f1;
  size_t predicted, gold;      /* number of clusters */
} cb_cluster_score;

/* pred[i], gold[i]: cluster labels (any non-negative ints) of n items. 0 ok, -1 OOM. */
int cb_cluster_score_compute(const long *pred, const long *gold, size_t n, cb_cluster_score *s);
#endif
