/*
 * tallies.c - vote tallies as findings: every tally of the story's articles
 * (src/extract/tally.h) is a claim; tallies of different sources whose frames can be of
 * one vote (not two bodies, not two days) are aligned. The same tally is agreement; two
 * tallies of one vote are a conflict when the frames show it is one vote (the same body
 * voting), else uncertain.
 */
#include "corroborate/align.h"
#include "corroborate/frames.h"
#include "core/buf.h"
#include "extract/tally.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define TALLY_MIN_SCORE 0.5

typedef struct tclaim {
  const cb_tally *t;
  const cb_frame *fr;
} tclaim;

static double tscore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  const tclaim *cl = ud;
  if (cb_frames_compare(NULL, cl[x->idx].fr, cl[y->idx].fr, CB_FRAME_COUNT, NULL) == CB_FRAMES_APART)
    return 0;
  return 0.5 + cb_ctx_similarity(c, &x->ctx, &y->ctx, NULL);
}

/* One vote for sure: the frames are the same, or the same named body voted. */
static int one_vote(cb_arena *a, const tclaim *x, const tclaim *y, const char **why) {
  cb_frames_match m = cb_frames_compare(a, x->fr, y->fr, CB_FRAME_COUNT, why);
  if (m == CB_FRAMES_SAME) return 1;
  return x->fr && y->fr && x->fr->owner && y->fr->owner && !strcasecmp(x->fr->owner, y->fr->owner);
}

static int emit(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const tclaim *cl = ud;
  size_t k = n < 64 ? n : 64;
  int arts[64] = {0};
  for (size_t i = 0; i < k; i++) arts[i] = items[members[i]].article;
  int independent = cb_ctx_independent(c, arts, k);
  const cb_tally *t0 = cl[items[members[0]].idx].t;
  int same = 1;
  const char *why = NULL;
  for (size_t i = 1; i < k; i++) {
    const cb_tally *t = cl[items[members[i]].idx].t;
    same &= t->yes == t0->yes && t->no == t0->no;
  }
  cb_verdict v = same ? CB_AGREE : CB_CONFLICT;
  for (size_t i = 0; i < k && v == CB_CONFLICT; i++)
    for (size_t j = i + 1; j < k && v == CB_CONFLICT; j++)
      if (!one_vote(c->arena, &cl[items[members[i]].idx], &cl[items[members[j]].idx], &why)) v = CB_UNCERTAIN;
  if (independent < 2 && v == CB_AGREE) v = CB_SINGLE;
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_QUANTITY;
  f->verdict = v;
  f->independent = independent;
  f->topic = "vote tally";
  f->same_thing = (int8_t)(k > 1 ? v != CB_UNCERTAIN : -1);
  f->value = v == CB_AGREE || v == CB_SINGLE ? cb_arena_printf(c->arena, "%ld-%ld", t0->yes, t0->no) : NULL;
  cb_buf w;
  cb_buf_init(&w);
  if (v == CB_AGREE)
    cb_buf_printf(&w, "all sources give the vote as %ld-%ld", t0->yes, t0->no);
  else if (v == CB_SINGLE)
    cb_buf_printf(&w, "only %s gives this tally", cb_ctx_source_name(c, arts[0]));
  else if (v == CB_CONFLICT)
    cb_buf_puts(&w, "the tallies of the vote cannot all be true:");
  else
    cb_buf_printf(&w, "the tallies differ, but perhaps not of the same vote (%s):", why ? why : "");
  for (size_t i = 0; i < k; i++) {
    const tclaim *tc = &cl[items[members[i]].idx];
    cb_claim *claim = CB_VEC_PUSH(c->arena, &f->claims);
    char val[48];
    snprintf(val, sizeof val, "%ld-%ld", tc->t->yes, tc->t->no);
    if (!claim || cb_ctx_claim(c, claim, arts[i], tc->t->start, tc->t->end, cb_arena_strdup(c->arena, val))) {
      cb_buf_free(&w);
      return CB_ENOMEM;
    }
    cb_ctx_claim_frame(c, claim, tc->fr);
    if (v == CB_CONFLICT || v == CB_UNCERTAIN)
      cb_buf_printf(&w, "%s \"%s\" (%s)", i ? "," : "", claim->text, cb_ctx_source_name(c, arts[i]));
  }
  f->explanation = cb_arena_strndup(c->arena, w.ptr ? w.ptr : "", w.len);
  cb_buf_free(&w);
  return f->explanation ? CB_OK : CB_ENOMEM;
}

int cb_tallies_build(cb_story_ctx *c) {
  CB_VEC(cb_item) items = {0};
  CB_VEC(tclaim) claims = {0};
  int rc = CB_OK;
  uint64_t key = cb_content_key("tally", 5);
  for (size_t s = 0; s < c->story->articles.n && !rc; s++) {
    int ai = c->story->articles.v[s];
    const cb_article *a = c->brief->articles[ai];
    cb_tally *t;
    size_t n = cb_tally_extract(c->arena, a->body, a->body_len, &t);
    for (size_t i = 0; i < n && !rc; i++) {
      tclaim *tc = CB_VEC_PUSH(c->arena, &claims);
      cb_item *it = tc ? CB_VEC_PUSH(c->arena, &items) : NULL;
      if (!it) return CB_ENOMEM;
      tc->t = &t[i];
      tc->fr = cb_ctx_frame(c, ai, t[i].start, t[i].end, CB_FRAME_COUNT);
      it->article = ai;
      it->idx = claims.n - 1;
      cb_item_add_key(it, key);
      rc = cb_item_context(c, it, t[i].start, t[i].end, 8);
    }
  }
  if (rc || !items.n) return rc;
  return cb_align_each(c, items.v, items.n, tscore, claims.v, TALLY_MIN_SCORE, emit, claims.v);
}
