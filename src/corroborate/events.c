/*
 * events.c - who did what: event findings. In every sentence, an event word
 * (data/corroborate/events.txt, synonyms folded: affirmed = confirmed) with the person or
 * organisation named just before it is an event claim ("Trump confirmed the telephone
 * conversation"). Claims of different sources with the same actor and the same event
 * class, and something in common after the verb, report the same event; the finding cites
 * each source's sentence, so differing details (where, when) sit side by side.
 */
#include "corroborate/align.h"
#include "extract/names.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define EVENT_MIN_SCORE 1.1
#define EVENT_SUBJECT_WORDS 6   /* the actor must be named within this many words before */

typedef struct eclaim { size_t start, end; const char *actor, *verb; } eclaim;
static int is_event_word(uint64_t k) { return cb_keyset_has(cb_keyset_get("corroborate/events.txt"), k); }

static double escore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  /* keys[0] = actor, keys[1] = event class: both must match */
  if (x->nkeys < 2 || y->nkeys < 2 || x->keys[0] != y->keys[0] || x->keys[1] != y->keys[1]) return 0;
  size_t shared;
  double sim = cb_ctx_similarity(c, &x->ctx, &y->ctx, &shared);
  return shared ? 1.0 + sim : 0;
}

/* Counts words between two offsets. */
static int words_between(const char *s, size_t a, size_t b) {
  int w = 0;
  for (size_t i = a; i < b; i++) if (s[i] == ' ') w++;
  return w;
}

static uint64_t actor_key(const char *name) {
  const char *last = strrchr(name, ' ');
  last = last ? last + 1 : name;
  return cb_content_key(last, strlen(last));
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
    long sent = cb_ctx_sentence_at(c, ai, mn->start);
    if (sent < 0) continue;
    size_t end = c->sents.v[sent].end;
    /* the first event word after the actor, within a few words, before the next name */
    size_t limit = m + 1 < nm->nmentions && nm->mentions[m + 1].start < end ? nm->mentions[m + 1].start : end;
    for (size_t p = mn->end; p < limit && words_between(a->body, mn->end, p) <= EVENT_SUBJECT_WORDS;) {
      while (p < limit && !isalpha((unsigned char)a->body[p])) {
        if (a->body[p] == ',' || a->body[p] == ';' || a->body[p] == '"') { p = limit; break; }
        p++;
      }
      size_t s = p;
      while (p < limit && isalpha((unsigned char)a->body[p])) p++;
      if (p == s) break;
      uint64_t k = cb_content_key(a->body + s, p - s);
      if (!is_event_word(k)) continue;
      eclaim *ec = CB_VEC_PUSH(c->arena, claims);
      cb_item *it = ec ? CB_VEC_PUSH(c->arena, items) : NULL;
      if (!it) return CB_ENOMEM;
      ec->start = mn->start;
      ec->end = p;
      ec->actor = mn->entity != CB_NAME_NONE ? nm->entities[mn->entity].name : mn->text;
      ec->verb = cb_arena_strndup(c->arena, a->body + s, p - s);
      it->article = ai;
      it->idx = claims->n - 1;
      it->keys[0] = actor_key(ec->actor);
      it->keys[1] = k;
      it->nkeys = 2;
      /* what follows the verb: the object and the details */
      int rc = cb_item_context(c, it, p, p, 8);
      if (rc) return rc;
      break;
    }
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
