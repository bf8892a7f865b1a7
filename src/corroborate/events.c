/*
 * events.c - who did what: event findings. In every sentence, a person or organisation
 * that is the subject of a verb in the sentence's tree is an event claim ("Trump
 * confirmed the telephone conversation"); verbs are one act when WordNet makes them
 * synonyms (affirmed = confirmed). Claims of different sources with the same actor and the same event
 * class, and something in common after the verb, report the same event; the finding cites
 * each source's sentence, so differing details (where, when) sit side by side.
 */
#include "corroborate/align.h"
#include "extract/names.h"
#include "text/wordnet.h"
#include <stdlib.h>
#include <string.h>

#define EVENT_MIN_SCORE 1.1

typedef struct eclaim { size_t start, end; const char *actor, *verb, *lemma; } eclaim;

/* One act in other words: the same verb lemma, or WordNet synonyms ("affirm" / "confirm"). */
static int same_act(const char *x, const char *y) {
  return !strcmp(x, y) || cb_wn_synonyms_share(CB_WN_VERB, x, y, 3);
}

static double escore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  /* keys[0] = actor; the acts must be one act */
  const eclaim *cl = ud;
  if (x->nkeys < 1 || y->nkeys < 1 || x->keys[0] != y->keys[0]) return 0;
  if (!same_act(cl[x->idx].lemma, cl[y->idx].lemma)) return 0;
  size_t shared;
  double sim = cb_ctx_similarity(c, &x->ctx, &y->ctx, &shared);
  return shared ? 1.0 + sim : 0;
}

static uint64_t actor_key(const char *name) {
  const char *last = strrchr(name, ' ');
  last = last ? last + 1 : name;
  return cb_content_key(last, strlen(last));
}

/* The verb a name is the subject of, from the sentence's tree ("Trump confirmed the call"):
 * its word index in *verb, or 0 when the name is no verb's subject. */
static int subject_of(cb_story_ctx *c, int ai, const cb_name_mention *mn, const cb_syn_sent **ps, size_t *base,
                      int *verb) {
  long si = cb_ctx_sentence_at(c, ai, mn->start);
  const cb_syn_sent *s = cb_ctx_parse(c, si);
  if (!s) return 0;
  *ps = s;
  *base = c->sents.v[si].start;
  int w = cb_syn_word_at(s, mn->end - 1 - *base);
  for (int k = 0; w >= 0 && k < 4 && (cb_syn_is(&s->w[w], "flat") || cb_syn_is(&s->w[w], "compound")); k++)
    w = s->w[w].head;
  if (w < 0 || !cb_syn_is(&s->w[w], "nsubj")) return 0;
  int v = s->w[w].head;
  if (v < 0 || s->w[v].upos != CB_UPOS_VERB || !s->w[v].lemma) return 0;
  static const char *const light[] = {"be", "have", "say", "tell", "add", "do", "get", "make", NULL};
  for (int k = 0; light[k]; k++) if (!strcmp(s->w[v].lemma, light[k])) return 0;
  *verb = v;
  return 1;
}

static int collect(cb_story_ctx *c, size_t si, void *pitems, void *pclaims) {
  CB_VEC(cb_item) *items = pitems;
  CB_VEC(eclaim) *claims = pclaims;
  int ai = c->story->articles.v[si];
  const cb_article *a = c->brief->articles[ai];
  const cb_names *nm = &c->names[si];
  for (size_t m = 0; m < nm->nmentions; m++) {
    const cb_name_mention *mn = &nm->mentions[m];
    if (mn->role_phrase || (mn->kind != CB_NAME_PERSON && mn->kind != CB_NAME_ORG)) continue;
    const cb_syn_sent *s;
    size_t base;
    int v;
    if (!subject_of(c, ai, mn, &s, &base, &v)) continue;
    eclaim *ec = CB_VEC_PUSH(c->arena, claims);
    cb_item *it = ec ? CB_VEC_PUSH(c->arena, items) : NULL;
    if (!it) return CB_ENOMEM;
    size_t vend = base + s->w[v].end;
    ec->start = mn->start < base + s->w[v].start ? mn->start : base + s->w[v].start;
    ec->end = vend > mn->end ? vend : mn->end;
    ec->actor = mn->entity != CB_NAME_NONE ? nm->entities[mn->entity].name : mn->text;
    ec->verb = cb_arena_strndup(c->arena, a->body + base + s->w[v].start, s->w[v].end - s->w[v].start);
    ec->lemma = s->w[v].lemma;
    it->article = ai;
    it->idx = claims->n - 1;
    it->keys[0] = actor_key(ec->actor);
    it->nkeys = 1;
    /* what follows the verb: the object and the details */
    int rc = cb_item_context(c, it, vend, vend, 8);
    if (rc) return rc;
  }
  return CB_OK;
}

static int emit(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const eclaim *cl = ud;
  size_t k = n < 64 ? n : 64;
  int arts[64] = {0};
  for (size_t i = 0; i < k; i++) arts[i] = items[members[i]].article;
  int independent = cb_ctx_independent(c, arts, k);
  if (n < 2 || independent < 2) return CB_OK;
  const eclaim *e0 = &cl[items[members[0]].idx];
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_EVENT;
  f->verdict = CB_AGREE;
  f->independent = independent;
  f->topic = cb_arena_printf(c->arena, "%s %s", e0->actor, e0->verb);
  f->explanation = cb_arena_printf(c->arena, "%d sources report that %s %s; their sentences give the details each adds",
                                   independent, e0->actor, e0->verb);
  for (size_t i = 0; i < k; i++) {
    const eclaim *e = &cl[items[members[i]].idx];
    cb_claim *claim = CB_VEC_PUSH(c->arena, &f->claims);
    if (!claim || cb_ctx_claim(c, claim, arts[i], e->start, e->end, NULL)) return CB_ENOMEM;
  }
  return f->explanation ? CB_OK : CB_ENOMEM;
}

int cb_events_build(cb_story_ctx *c) {
  if (!c->names) return CB_OK;
  CB_VEC(cb_item) items = {0};
  CB_VEC(eclaim) claims = {0};
  int rc = CB_OK;
  for (size_t s = 0; s < c->story->articles.n && !rc; s++) rc = collect(c, s, &items, &claims);
  if (rc || items.n < 2) return rc;
  return cb_align_each(c, items.v, items.n, escore, claims.v, EVENT_MIN_SCORE, emit, claims.v);
}
