/*
 * quotes.c - quote findings: who said what. Every direct quotation of the story's
 * articles (src/extract/quote.h) is a claim keyed by its speaker; quotes of different
 * sources with the same speaker (or none given) and enough shared content words are the
 * same statement: "agree" when the words are the same, "variant" when the wording differs
 * (a translation, a paraphrase, a trimmed quote). A quote only one source carries is a
 * single-source claim.
 */
#include "corroborate/align.h"
#include "core/buf.h"
#include "extract/quote.h"
#include "text/utf8.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define QUOTE_MIN_SCORE 0.55   /* same speaker: content likeness 0.35 */

typedef struct qtclaim { const cb_quote *q; const char *folded; } qtclaim;
static uint64_t speaker_key(const char *name) {
  if (!name || !*name) return 0;
  const char *last = strrchr(name, ' ');
  last = last ? last + 1 : name;
  return cb_content_key(last, strlen(last));   /* surname: "Nicolás Maduro" ~ "Maduro" */
}

static double qtscore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  size_t shared;
  double sim = cb_ctx_similarity(c, &x->ctx, &y->ctx, &shared);
  /* two words in common make one statement of two short quotes only; a short question
   * ("Is streaming the future of gaming?") is not a long answer that uses its words */
  if (shared < 2 || (shared < 3 && (x->ctx.n > 4 || y->ctx.n > 4))) return 0;
  int same_speaker = x->nkeys && y->nkeys && cb_item_shared_keys(x, y);
  int other_speaker = x->nkeys && y->nkeys && !same_speaker;
  if (other_speaker) return 0;
  return sim + (same_speaker ? 0.2 : -0.1);
}

/* Words compared with case, accents and quote marks folded. */
static const char *fold_words(cb_arena *a, const char *s, size_t n) {
  size_t fl;
  char *f = cb_fold(a, s, n, &fl);
  if (!f) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < fl; i++) if (isalnum((unsigned char)f[i]) || (unsigned char)f[i] >= 0x80 || (f[i] == ' ' && k && f[k - 1] != ' ')) f[k++] = f[i];
  f[k] = 0;
  return f;
}

static int emit(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const qtclaim *cl = ud;
  size_t k = n < 64 ? n : 64;
  int arts[64] = {0}, idx[64] = {0};
  for (size_t i = 0; i < k; i++) { arts[i] = items[members[i]].article; idx[i] = (int)items[members[i]].idx; }
  int independent = cb_ctx_independent(c, arts, k), same = 1;
  for (size_t i = 1; i < k; i++) if (!cl[idx[i]].folded || !cl[idx[0]].folded || strcmp(cl[idx[i]].folded, cl[idx[0]].folded)) same = 0;
  cb_verdict v = independent < 2 ? CB_SINGLE : same ? CB_AGREE : CB_VARIANT;
  const char *speaker = NULL;
  for (size_t i = 0; i < k && !speaker; i++) speaker = cl[idx[i]].q->speaker;
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_QUOTE;
  f->verdict = v;
  f->independent = independent;
  f->topic = speaker ? cb_arena_printf(c->arena, "words of %s", speaker) : "quote (speaker not named)";
  if (v == CB_AGREE) f->explanation = cb_arena_printf(c->arena, "%d sources quote %s in the same words", independent, speaker ? speaker : "the speaker");
  else if (v == CB_VARIANT) f->explanation = cb_arena_printf(c->arena, "%d sources quote the same statement%s%s in different words (translation or paraphrase)",
                                                              independent, speaker ? " by " : "", speaker ? speaker : "");
  else f->explanation = cb_arena_printf(c->arena, "only %s carries this quote", cb_ctx_source_name(c, arts[0]));
  for (size_t i = 0; i < k; i++) {
    const cb_quote *q = cl[idx[i]].q;
    cb_claim *claim = CB_VEC_PUSH(c->arena, &f->claims);
    if (!claim || cb_ctx_claim(c, claim, arts[i], q->inner_start, q->inner_end, q->speaker)) return CB_ENOMEM;
  }
  return f->explanation ? CB_OK : CB_ENOMEM;
}

int cb_quotes_build(cb_story_ctx *c) {
  CB_VEC(cb_item) items = {0};
  CB_VEC(qtclaim) claims = {0};
  int rc = CB_OK;
  for (size_t s = 0; s < c->story->articles.n && !rc; s++) {
    int ai = c->story->articles.v[s];
    const cb_article *a = c->brief->articles[ai];
    cb_quote *q;
    size_t n = cb_quote_extract(c->arena, a->body, a->body_len, &q);
    for (size_t i = 0; i < n && !rc; i++) {
      if (q[i].inner_end <= q[i].inner_start + 12) continue;     /* a scare-quoted word is not a statement */
      qtclaim *qc = CB_VEC_PUSH(c->arena, &claims);
      cb_item *it = qc ? CB_VEC_PUSH(c->arena, &items) : NULL;
      if (!it) return CB_ENOMEM;
      qc->q = &q[i];
      qc->folded = fold_words(c->arena, a->body + q[i].inner_start, q[i].inner_end - q[i].inner_start);
      it->article = ai;
      it->idx = claims.n - 1;
      if (q[i].how != CB_SPEAKER_DESCRIPTION) cb_item_add_key(it, speaker_key(q[i].speaker));
      rc = cb_bag_of(c->arena, a->body + q[i].inner_start, q[i].inner_end - q[i].inner_start, &it->ctx);
    }
  }
  if (rc || !items.n) return rc;
  return cb_align_each(c, items.v, items.n, qtscore, claims.v, QUOTE_MIN_SCORE, emit, claims.v);
}
