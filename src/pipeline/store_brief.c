/*
 * store_brief.c - the brief of stored articles: one stored story (its stored id kept), or
 * every stored article. The articles are loaded from the store and owned by the brief.
 */
#include "pipeline/article_set.h"
#include "corroborate/brief.h"
#include "store/store.h"

static int on_member(void *ud, const cb_group_row *r) {
  return cb_article_set_push(ud, NULL, r->article_id) != CB_OK;
}

static int on_row(void *ud, const cb_article_row *r) {
  return cb_article_set_push(ud, NULL, r->id) != CB_OK;
}

int cb_store_brief(cb_store *s, int64_t story, cb_brief **out, cb_error *e) {
  *out = NULL;
  cb_article_set set = {0};
  int rc = story > 0 ? cb_store_list_groups(s, story, on_member, &set, e)
                     : cb_store_list_articles(s, on_row, &set, e);
  if (!rc && set.oom) cb_error_set(e, rc = CB_ENOMEM, "", 0, "out of memory listing the articles");
  if (!rc && set.n == 0) {
    if (story > 0) cb_error_set(e, rc = CB_ENOTFOUND, "", 0, "no story with id %lld", (long long)story);
    else cb_error_set(e, rc = CB_EEMPTY, "", 0, "the store holds no article");
  }
  for (size_t i = 0; !rc && i < set.n; i++) rc = cb_store_get_article(s, set.ids[i], &set.v[i], e);
  if (!rc) rc = cb_article_set_brief(&set, out, e);
  if (!rc && story > 0 && (*out)->stories.n == 1) (*out)->stories.v[0].id = story;
  cb_article_set_free(&set);
  return rc;
}
