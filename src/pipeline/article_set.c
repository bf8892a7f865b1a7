/*
 * article_set.c - a list of articles read for one brief, and the step that gives them to it.
 */
#include "pipeline/article_set.h"
#include "corroborate/brief.h"
#include <stdlib.h>

int cb_article_set_push(cb_article_set *s, cb_article *a, int64_t id) {
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    cb_article **v = realloc(s->v, cap * sizeof *v);
    if (v) s->v = v;
    int64_t *ids = realloc(s->ids, cap * sizeof *ids);
    if (ids) s->ids = ids;
    if (!v || !ids) { cb_article_free(a); s->oom = 1; return CB_ENOMEM; }
    s->cap = cap;
  }
  s->v[s->n] = a;
  s->ids[s->n++] = id;
  return CB_OK;
}

int cb_article_set_on_article(void *ud, cb_article *a) {
  cb_article_set *s = ud;
  return cb_article_set_push(s, a, (int64_t)s->n + 1) != CB_OK;
}

void cb_article_set_on_problem(void *ud, const cb_error *e) {
  cb_article_set *s = ud;
  s->problems++;
  if (s->on_problem) s->on_problem(s->ud, e);
}

int cb_article_set_brief(cb_article_set *s, cb_brief **out, cb_error *e) {
  int rc = cb_brief_build(s->v, s->ids, s->n, out, e);
  if (rc) return rc;
  cb_brief_own(*out, s->v, s->n);
  free(s->ids);
  s->v = NULL;
  s->ids = NULL;
  s->n = s->cap = 0;
  return CB_OK;
}

void cb_article_set_free(cb_article_set *s) {
  for (size_t i = 0; i < s->n; i++) cb_article_free(s->v[i]);
  free(s->v);
  free(s->ids);
  s->v = NULL;
  s->ids = NULL;
  s->n = s->cap = 0;
}
