/*
 * brief.c - builds the brief: groups the articles into stories (near-duplicates first),
 * then, story by story, lines up what the sources say and gives each line a verdict.
 */
#include "corroborate/brief.h"
#include "corroborate/story.h"
#include "group/group.h"
#include <stdlib.h>
#include <string.h>

const char *cb_claim_kind_name(cb_claim_kind k) {
  static const char *const names[] = {"quantity", "date", "quote", "role", "name", "event"};
  return (unsigned)k < 6 ? names[k] : "event";
}

const char *cb_verdict_name(cb_verdict v) {
  static const char *const names[] = {"agree", "compatible", "conflict", "variant", "single", "uncertain"};
  return (unsigned)v < 6 ? names[v] : "single";
}

void cb_brief_free(cb_brief *b) {
  if (!b) return;
  cb_article **owned = b->owned;
  size_t n = b->nowned;
  cb_arena_free(b->arena);
  for (size_t i = 0; i < n; i++) cb_article_free(owned[i]);
  free(owned);
}

void cb_brief_own(cb_brief *b, cb_article **articles, size_t n) {
  b->owned = articles;
  b->nowned = n;
}

static int group(cb_brief *b) {
  cb_grouper *g = cb_grouper_new(NULL);
  if (!g) return CB_ENOMEM;
  for (size_t i = 0; i < b->narticles; i++) {
    const cb_article *a = b->articles[i];
    /* an inferred date is only a lower bound: it must not keep an article out of a story */
    cb_group_doc d = {a->title, a->body, a->body_len, a->published_inferred ? NULL : a->published, a->outlet};
    if (cb_grouper_add(g, &d) < 0) { cb_grouper_free(g); return CB_ENOMEM; }
  }
  for (size_t i = 0; i < b->narticles; i++) {
    double sim = 0, cont = 0;
    b->duplicate_of[i] = cb_grouper_duplicate_of(g, i, &sim, &cont);
    b->similarity[i] = sim > cont ? sim : cont;
    b->story_of[i] = cb_grouper_story_of(g, i);
  }
  size_t ns = cb_grouper_nstories(g);
  int rc = CB_OK;
  for (size_t s = 0; s < ns && !rc; s++) {
    cb_story_info info;
    if (cb_grouper_story(g, s, &info)) continue;
    cb_story_brief *st = CB_VEC_PUSH(b->arena, &b->stories);
    if (!st) { rc = CB_ENOMEM; break; }
    st->id = (long)s + 1;
    st->headline = info.headline ? cb_arena_strdup(b->arena, info.headline) : NULL;
    memcpy(st->first, info.first, sizeof st->first);
    memcpy(st->last, info.last, sizeof st->last);
    size_t nm;
    const uint32_t *m = cb_grouper_story_members(g, s, &nm);
    for (size_t k = 0; k < nm; k++) {
      int *slot = CB_VEC_PUSH(b->arena, &st->articles);
      if (!slot) { rc = CB_ENOMEM; break; }
      *slot = (int)m[k];
    }
    if (!st->headline) {   /* no title anywhere: the first sentence-ish of the first article */
      const cb_article *a = b->articles[st->articles.v[0]];
      size_t k = 0;
      while (k < a->body_len && k < 90 && a->body[k] != '\n' && a->body[k] != '.') k++;
      st->headline = cb_arena_strndup(b->arena, a->body, k);
    }
  }
  cb_grouper_free(g);
  return rc;
}

static int analyse(cb_brief *b, cb_story_brief *s) {
  cb_story_ctx c;
  int rc = cb_story_ctx_init(&c, b, s);
  if (!rc) rc = cb_quantities_build(&c);
  if (!rc) rc = cb_tallies_build(&c);
  if (!rc) rc = cb_dates_build(&c);
  if (!rc) rc = cb_quotes_build(&c);
  if (!rc) rc = cb_names_build(&c);
  if (!rc) rc = cb_events_build(&c);
  if (!rc) rc = cb_causes_build(&c);
  if (!rc) rc = cb_facts_build(&c);
  if (!rc) rc = cb_flags_build(&c);
  if (!rc) rc = cb_summary_build(&c);
  return rc;
}

int cb_brief_build(cb_article **articles, const int64_t *ids, size_t n, cb_brief **out, cb_error *e) {
  *out = NULL;
  if (cb_init(e)) return CB_EDATA;   /* a lexicon without its table: no brief at all */
  cb_arena *ar = cb_arena_new(1 << 20);
  cb_brief *b = ar ? cb_arena_calloc(ar, 1, sizeof *b) : NULL;
  if (!b) { cb_arena_free(ar); cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  b->arena = ar;
  b->articles = articles;
  b->narticles = n;
  b->ids = cb_arena_alloc(ar, (n + 1) * sizeof *b->ids);
  b->duplicate_of = cb_arena_alloc(ar, (n + 1) * sizeof *b->duplicate_of);
  b->similarity = cb_arena_alloc(ar, (n + 1) * sizeof *b->similarity);
  b->story_of = cb_arena_alloc(ar, (n + 1) * sizeof *b->story_of);
  int rc = b->ids && b->duplicate_of && b->similarity && b->story_of ? CB_OK : CB_ENOMEM;
  for (size_t i = 0; !rc && i < n; i++) b->ids[i] = ids ? ids[i] : (int64_t)i + 1;
  if (!rc) rc = group(b);
  for (size_t s = 0; !rc && s < b->stories.n; s++) rc = analyse(b, &b->stories.v[s]);
  if (rc) cb_error_set(e, rc, "", 0, "building the brief: %s", cb_strerror(rc));
  else rc = cb_init(e);             /* a table found missing on first use while building */
  if (rc) {
    cb_brief_free(b);
    return rc;
  }
  *out = b;
  return CB_OK;
}
