/*
 * summary.c - the story's short extractive summary, citing its sources: the facts most
 * independent sources give first, then where the sources conflict, then figures only one
 * source reports. Sentences are the articles' own; nothing is generated.
 */
#include "corroborate/story.h"
#include <string.h>

#define SUMMARY_FACTS 3
#define SUMMARY_CONFLICTS 3
#define SUMMARY_SINGLES 3

static int add_line(cb_story_ctx *c, const char *kind, const char *text, const int *arts, size_t n) {
  cb_summary_line *l = CB_VEC_PUSH(c->arena, &c->story->summary);
  if (!l || !text) return CB_ENOMEM;
  l->kind = kind;
  l->text = text;
  for (size_t i = 0; i < n; i++) {
    int seen = 0;
    for (size_t j = 0; j < l->articles.n && !seen; j++) seen = l->articles.v[j] == arts[i];
    int *slot = seen ? NULL : CB_VEC_PUSH(c->arena, &l->articles);
    if (!seen && !slot) return CB_ENOMEM;
    if (slot) *slot = arts[i];
  }
  return CB_OK;
}

static int claim_articles(const cb_finding *f, int *arts, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < f->claims.n && n < cap; i++) arts[n++] = f->claims.v[i].article;
  return (int)n;
}

int cb_summary_build(cb_story_ctx *c) {
  const cb_story_brief *s = c->story;
  int rc = CB_OK, arts[64];
  for (size_t i = 0, k = 0; i < s->facts.n && k < SUMMARY_FACTS && !rc; i++) {
    const cb_fact *f = &s->facts.v[i];
    if (f->independent < 2) continue;
    rc = add_line(c, "fact", cb_arena_printf(c->arena, "%s (%d sources)", f->text, f->independent), f->articles.v, f->articles.n);
    k++;
  }
  for (size_t i = 0, k = 0; i < s->findings.n && k < SUMMARY_CONFLICTS && !rc; i++) {
    const cb_finding *f = &s->findings.v[i];
    if (f->verdict != CB_CONFLICT) continue;
    int n = claim_articles(f, arts, 64);
    rc = add_line(c, "conflict", cb_arena_printf(c->arena, "Sources disagree on %s: %s", f->topic, f->explanation), arts, (size_t)n);
    k++;
  }
  for (size_t i = 0, k = 0; i < s->findings.n && k < SUMMARY_SINGLES && !rc; i++) {
    const cb_finding *f = &s->findings.v[i];
    if (f->verdict != CB_SINGLE || f->kind != CB_KIND_QUANTITY || !f->claims.n) continue;
    const cb_claim *cl = &f->claims.v[0];
    rc = add_line(c, "single", cb_arena_printf(c->arena, "Only %s reports: %s", cb_ctx_source_name(c, cl->article), cl->sentence),
                  &cl->article, 1);
    k++;
  }
  return rc;
}
