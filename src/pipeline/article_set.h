/*
 * article_set.h - a growable list of articles with their ids, filled by the readers'
 * callbacks or from the store, and handed to a brief that then owns them.
 */
#ifndef CB_PIPELINE_ARTICLE_SET_H
#define CB_PIPELINE_ARTICLE_SET_H
#include "corroborate.h"

typedef struct cb_article_set {
  cb_article **v;
  int64_t *ids;
  size_t n, cap;
  long problems;
  int oom;                    /* a push failed: the set is incomplete */
  cb_problem_fn on_problem;   /* the caller's, for input problems; may be NULL */
  void *ud;
} cb_article_set;

/* Adds a (may be NULL: a slot the caller fills later) with its id; CB_ENOMEM frees a. */
int cb_article_set_push(cb_article_set *s, cb_article *a, int64_t id);
/* The reader callbacks: article ids are 1, 2, 3 ... in reading order. */
int cb_article_set_on_article(void *ud, cb_article *a);
void cb_article_set_on_problem(void *ud, const cb_error *e);
/* Builds the brief of the set and hands it the articles (the set is left empty). */
int cb_article_set_brief(cb_article_set *s, cb_brief **out, cb_error *e);
/* Frees the articles still in the set. */
void cb_article_set_free(cb_article_set *s);
#endif
