/*
 * brief_access.c - what the public API reads of a brief without knowing its layout: how
 * many stories and articles it holds, their ids, and keeping one story only.
 */
#include "corroborate/brief.h"

size_t cb_brief_story_count(const cb_brief *b) { return b ? b->stories.n : 0; }

size_t cb_brief_article_count(const cb_brief *b) { return b ? b->narticles : 0; }

long cb_brief_story_id(const cb_brief *b, size_t i) {
  return b && i < b->stories.n ? b->stories.v[i].id : 0;
}

int cb_brief_select_story(cb_brief *b, long id, cb_error *e) {
  if (!b) { cb_error_set(e, CB_EUSAGE, "", 0, "no brief"); return CB_EUSAGE; }
  for (size_t i = 0; i < b->stories.n; i++) {
    if (b->stories.v[i].id != id) continue;
    b->stories.v[0] = b->stories.v[i];
    b->stories.n = 1;
    return CB_OK;
  }
  cb_error_set(e, CB_ENOTFOUND, "", 0, "no story with id %ld", id);
  return CB_ENOTFOUND;
}
