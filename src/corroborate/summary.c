/*
 * summary.c - the story's short extractive summary, citing its sources: the facts most
 * independent sources give first, then where the sources conflict, then figures only one
 * source reports (in sentences no other source backs, spread over the sources).
 * Sentences are the articles' own; nothing is generated.
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

/* Is the claim's sentence one of a fact's, so another source backs it? */
static int in_fact(const cb_story_brief *s, const cb_claim *cl) {
  for (size_t i = 0; i < s->facts.n; i++)
    for (size_t k = 0; k < s->facts.v[i].sentences.n; k++) {
      const cb_claim *x = &s->facts.v[i].sentences.v[k];
      if (x->article == cl->article && x->sent_start == cl->sent_start) return 1;
    }
  return 0;
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
  /* single-source figures: sentences no other source backs, one per source before a
   * second from any, each sentence once */
  const cb_claim *picked[SUMMARY_SINGLES];
  size_t npicked = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < s->findings.n && npicked < SUMMARY_SINGLES; i++) {
      const cb_finding *f = &s->findings.v[i];
      if (f->verdict != CB_SINGLE || f->kind != CB_KIND_QUANTITY || !f->claims.n) continue;
      const cb_claim *cl = &f->claims.v[0];
      int skip = in_fact(s, cl);
      for (size_t j = 0; j < npicked && !skip; j++)
        skip = picked[j]->article == cl->article && (pass == 0 || picked[j]->sent_start == cl->sent_start);
      if (!skip) picked[npicked++] = cl;
    }
  for (size_t j = 0; j < npicked && !rc; j++)
    rc = add_line(c, "single", cb_arena_printf(c->arena, "Only %s reports: %s", cb_ctx_source_name(c, picked[j]->article),
                                               picked[j]->sentence), &picked[j]->article, 1);
  return rc;
}
