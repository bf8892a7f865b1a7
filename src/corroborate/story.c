/*
 * story.c - the per-story working state: sentences, bags, word weights, sources.
 */
#include "corroborate/story.h"
#include "extract/names.h"
#include "extract/timex.h"
#include "text/sentence.h"
#include <xxhash.h>
#include <ctype.h>
#include <math.h>
#include <strings.h>
#include <string.h>

static cb_df_entry *df_slot(cb_story_ctx *c, uint64_t key) {
  for (size_t i = key & (c->df_cap - 1);; i = (i + 1) & (c->df_cap - 1))
    if (!c->df[i].key || c->df[i].key == key) return &c->df[i];
}

static double weight_of(const cb_story_ctx *c, double df, double adf);

int cb_story_ctx_init(cb_story_ctx *c, cb_brief *b, cb_story_brief *s) {
  memset(c, 0, sizeof *c);
  c->arena = b->arena;
  c->brief = b;
  c->story = s;
  c->source_of = cb_arena_alloc(b->arena, (b->narticles + 1) * sizeof *c->source_of);
  c->first_sent = cb_arena_calloc(b->arena, b->narticles + 1, sizeof *c->first_sent);
  c->end_sent = cb_arena_calloc(b->arena, b->narticles + 1, sizeof *c->end_sent);
  c->names = cb_arena_calloc(b->arena, s->articles.n + 1, sizeof *c->names);
  c->names_done = cb_arena_calloc(b->arena, s->articles.n + 1, 1);
  if (!c->source_of || !c->first_sent || !c->end_sent || !c->names || !c->names_done) return CB_ENOMEM;
  size_t words = 0;
  for (size_t i = 0; i < s->articles.n; i++) {
    int ai = s->articles.v[i];
    const cb_article *a = b->articles[ai];
    long d = b->duplicate_of[ai];
    c->source_of[ai] = d >= 0 ? (int)d : ai;
    cb_span *sp;
    size_t ns = cb_sentences(b->arena, a->body, a->body_len, &sp);
    c->first_sent[ai] = c->sents.n;
    c->end_sent[ai] = c->sents.n + ns;
    for (size_t k = 0; k < ns; k++) {
      cb_sent *st = CB_VEC_PUSH(b->arena, &c->sents);
      if (!st) return CB_ENOMEM;
      st->article = ai;
      st->start = sp[k].start;
      st->end = sp[k].end;
      if (cb_bag_of(b->arena, a->body + sp[k].start, sp[k].end - sp[k].start, &st->bag)) return CB_ENOMEM;
      words += st->bag.n;
    }
  }
  c->df_cap = 64;
  while (c->df_cap < words * 2) c->df_cap *= 2;
  c->df = cb_arena_calloc(b->arena, c->df_cap, sizeof *c->df);
  if (!c->df) return CB_ENOMEM;
  for (size_t i = 0; i < c->sents.n; i++)
    for (size_t k = 0; k < c->sents.v[i].bag.n; k++) {
      cb_df_entry *e = df_slot(c, c->sents.v[i].bag.keys[k]);
      if (!e->key) e->last_article = -1;
      e->key = c->sents.v[i].bag.keys[k];
      e->df++;
      if (e->last_article != c->sents.v[i].article) { e->adf++; e->last_article = c->sents.v[i].article; }
    }
  for (size_t i = 0; i < c->df_cap; i++)   /* each word's weight, once */
    if (c->df[i].key) c->df[i].weight = weight_of(c, c->df[i].df, c->df[i].adf);
  return CB_OK;
}

static double weight_of(const cb_story_ctx *c, double df, double adf) {
  double na = (double)c->story->articles.n;
  double topical = na > 1 ? log(1.0 + (na + 1) / adf) / log(2.0 + na) : 1.0;
  return log(1.0 + (double)(c->sents.n + 1) / df) * topical;
}

double cb_ctx_weight(const cb_story_ctx *c, uint64_t key) {
  const cb_df_entry *e = df_slot((cb_story_ctx *)c, key);
  return e->key ? e->weight : weight_of(c, 1, 1);   /* computed once per word, after counting */
}

unsigned cb_ctx_article_df(const cb_story_ctx *c, uint64_t key) {
  const cb_df_entry *e = df_slot((cb_story_ctx *)c, key);
  return e->key ? e->adf : 0;
}

double cb_ctx_bag_weight(const cb_story_ctx *c, const cb_bag *b) {
  double w = 0;
  for (size_t i = 0; i < b->n; i++) w += cb_ctx_weight(c, b->keys[i]);
  return w;
}

typedef struct sum_ud { const cb_story_ctx *c; double w; } sum_ud;
static void add_weight(void *ud, uint64_t k) { sum_ud *s = ud; s->w += cb_ctx_weight(s->c, k); }

double cb_ctx_similarity(const cb_story_ctx *c, const cb_bag *x, const cb_bag *y, size_t *nshared) {
  sum_ud s = {c, 0};
  cb_bag_each_shared(x, y, add_weight, &s);
  size_t n = cb_bag_shared(x, y);
  if (nshared) *nshared = n;
  double wx = cb_ctx_bag_weight(c, x), wy = cb_ctx_bag_weight(c, y);
  double denom = wx < wy ? wx : wy;
  if (denom <= 0) return 0;
  double sim = s.w / denom;
  size_t bi = cb_bag_shared_bigrams(x, y);
  sim += 0.1 * (double)(bi > 3 ? 3 : bi);
  return sim > 1 ? 1 : sim;
}

int cb_ctx_independent(const cb_story_ctx *c, const int *articles, size_t n) {
  int count = 0;
  for (size_t i = 0; i < n; i++) {
    int src = c->source_of[articles[i]], seen = 0;
    for (size_t j = 0; j < i && !seen; j++) seen = c->source_of[articles[j]] == src;
    count += !seen;
  }
  return count;
}

long cb_ctx_sentence_at(const cb_story_ctx *c, int article, size_t pos) {
  size_t lo = c->first_sent[article], hi = c->end_sent[article];   /* the article's sentences, in order */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const cb_sent *s = &c->sents.v[mid];
    if (pos < s->start) hi = mid;
    else if (pos >= s->end) lo = mid + 1;
    else return (long)mid;
  }
  return -1;
}

int cb_ctx_claim(const cb_story_ctx *c, cb_claim *cl, int article, size_t start, size_t end, const char *value) {
  const cb_article *a = c->brief->articles[article];
  cl->article = article;
  cl->start = start;
  cl->end = end;
  cl->text = cb_arena_strndup(c->arena, a->body + start, end - start);
  long si = cb_ctx_sentence_at(c, article, start);
  cl->sent_start = si >= 0 ? c->sents.v[si].start : start;
  cl->sent_end = si >= 0 ? c->sents.v[si].end : end;
  cl->sentence = cb_arena_strndup(c->arena, a->body + cl->sent_start, cl->sent_end - cl->sent_start);
  cl->value = value;
  return cl->text && cl->sentence ? CB_OK : CB_ENOMEM;
}

const char *cb_ctx_source_name(const cb_story_ctx *c, int article) {
  const cb_article *a = c->brief->articles[article];
  if (a->outlet) return a->outlet;
  const char *s = a->source ? strrchr(a->source, '/') : NULL;
  return s ? s + 1 : a->source ? a->source : "?";
}

const cb_syn_sent *cb_ctx_parse(cb_story_ctx *c, long si) {
  if (si < 0 || (size_t)si >= c->sents.n) return NULL;
  if (!c->parses) {
    size_t cap = 16;
    while (cap < c->sents.n * 2) cap <<= 1;
    c->parses = cb_arena_calloc(c->arena, c->sents.n, sizeof *c->parses);
    c->parse_keys = cb_arena_calloc(c->arena, cap, sizeof *c->parse_keys);
    c->parse_of = cb_arena_calloc(c->arena, cap, sizeof *c->parse_of);
    if (!c->parses || !c->parse_keys || !c->parse_of) { c->parses = NULL; return NULL; }
    c->parse_cap = cap;
  }
  if (c->parses[si]) return c->parses[si]->n ? c->parses[si] : NULL;
  const cb_syn_model *m = cb_syn_model_get(NULL);
  cb_syn_sent *s = cb_arena_calloc(c->arena, 1, sizeof *s);
  if (!m || !s) return NULL;
  const cb_sent *st = &c->sents.v[si];
  const cb_article *a = c->brief->articles[st->article];
  /* a sentence many articles share (a wire story and its copies) is parsed once: a map from
   * the hash of a sentence's text to the first sentence parsed with that text */
  size_t len = st->end - st->start;
  uint64_t h = XXH3_64bits(a->body + st->start, len) | 1;
  size_t mask = c->parse_cap - 1, slot = h & mask;
  for (; c->parse_keys[slot]; slot = (slot + 1) & mask) {
    if (c->parse_keys[slot] != h) continue;
    const cb_sent *o = &c->sents.v[c->parse_of[slot]];
    const cb_article *b = c->brief->articles[o->article];
    if (o->end - o->start == len && !memcmp(b->body + o->start, a->body + st->start, len)) {
      c->parses[si] = c->parses[c->parse_of[slot]];
      return c->parses[si]->n ? c->parses[si] : NULL;
    }
  }
  if (cb_syn_parse(m, c->arena, a->body + st->start, len, s) != CB_OK) s->n = 0;
  c->parses[si] = s;
  c->parse_keys[slot] = h;
  c->parse_of[slot] = (size_t)si;
  return s->n ? s : NULL;
}

const cb_timex *cb_ctx_timexes(cb_story_ctx *c, int article, size_t *n) {
  *n = 0;
  if (!c->timexes) {
    c->timexes = cb_arena_calloc(c->arena, c->brief->narticles + 1, sizeof *c->timexes);
    c->ntimexes = cb_arena_calloc(c->arena, c->brief->narticles + 1, sizeof *c->ntimexes);
    c->times = cb_arena_calloc(c->arena, c->brief->narticles + 1, sizeof *c->times);
    if (!c->timexes || !c->ntimexes || !c->times) { c->timexes = NULL; return NULL; }
  }
  if (!c->timexes[article]) {
    const cb_article *a = c->brief->articles[article];
    cb_timex_opts o = {0};
    o.dct = a->published[0] && strncmp(a->published, "XXXX", 4) ? a->published : NULL;
    o.dct_inferred = a->published_inferred;
    o.sentence_anchor = 1;
    cb_timex *t = NULL;
    c->ntimexes[article] = cb_timex_extract_opts(c->arena, a->body, a->body_len, &o, &t);
    static const cb_timex none;
    c->timexes[article] = t ? t : &none;
  }
  *n = c->ntimexes[article];
  return c->timexes[article];
}

/* The time expressions of an article as spans with their precision and value, for frames. */
static const cb_span_off *times_of(cb_story_ctx *c, int article, size_t *n) {
  const cb_timex *t = cb_ctx_timexes(c, article, n);
  if (!t) return NULL;
  if (!c->times[article]) {
    cb_span_off *sp = cb_arena_alloc(c->arena, (*n + 1) * sizeof *sp);
    if (!sp) return NULL;
    for (size_t i = 0; i < *n; i++)
      sp[i] = (cb_span_off){t[i].start, t[i].end,
                            t[i].type != CB_TIMEX_DATE && t[i].type != CB_TIMEX_TIME ? 0
                            : t[i].precision >= CB_TP_DAY                            ? 2
                                                                                     : 1,
                            t[i].value};
    c->times[article] = sp;
  }
  return c->times[article];
}

const cb_names *cb_ctx_names(cb_story_ctx *c, size_t si) {
  if (si >= c->story->articles.n) return NULL;
  if (!c->names_done[si]) {
    const cb_article *a = c->brief->articles[c->story->articles.v[si]];
    if (cb_names_extract(c->arena, a->body, a->body_len, &c->names[si])) return NULL;
    c->names_done[si] = 1;
  }
  return &c->names[si];
}

/* Where the first "he" or "she" of body[from, to) is, or `to`. */
static size_t first_pronoun(const char *body, size_t from, size_t to) {
  for (size_t i = from; i + 2 <= to; i++) {
    if (i > from && isalpha((unsigned char)body[i - 1])) continue;
    size_t n = (i + 3 <= to && !strncasecmp(body + i, "she", 3)) ? 3 : !strncasecmp(body + i, "he", 2) ? 2 : 0;
    if (n && (i + n == to || !isalpha((unsigned char)body[i + n]))) return i;
  }
  return to;
}

/* Who "he" or "she" at byte `at` of article a is: the person named first in the nearest
 * sentence, up to PRONOUN_BACK before, that names one before any "he" or "she" of its own
 * (a sentence that opens with "he" goes on about the same person: look further back). The
 * first mention stands for the subject, the person the next sentences go on about ("Smith,
 * an aide to Jones, ... He left": Smith). In the pronoun's own sentence only one person may
 * be named before it ("Smith told Jones he ..." is either). */
#define PRONOUN_BACK 4
static const char *pronoun_person(cb_story_ctx *c, int article, size_t at) {
  size_t si = 0;
  while (si < c->story->articles.n && c->story->articles.v[si] != article) si++;
  const cb_names *nm = cb_ctx_names(c, si);
  long s = nm ? cb_ctx_sentence_at(c, article, at) : -1;
  if (s < 0) return NULL;
  const char *body = c->brief->articles[article]->body;
  for (long b = s; b >= (long)c->first_sent[article] && s - b <= PRONOUN_BACK; b--) {
    size_t from = c->sents.v[b].start, to = b == s ? at : c->sents.v[b].end;
    size_t pron = b == s ? to : first_pronoun(body, from, to), first = CB_NAME_NONE;
    for (size_t i = 0; i < nm->nmentions && nm->mentions[i].start < to; i++) {
      const cb_name_mention *x = &nm->mentions[i];
      if (x->start < from || x->kind != CB_NAME_PERSON || x->entity == CB_NAME_NONE) continue;
      if (first == CB_NAME_NONE) first = i;
      else if (b == s && x->entity != nm->mentions[first].entity) return NULL;
    }
    if (first != CB_NAME_NONE && nm->mentions[first].start < pron)
      return nm->entities[nm->mentions[first].entity].name;
    if (first != CB_NAME_NONE && b == s) return NULL;
  }
  return NULL;
}

const cb_frame *cb_ctx_frame(cb_story_ctx *c, int article, size_t start, size_t end, int head_kind) {
  long si = cb_ctx_sentence_at(c, article, start);
  const cb_syn_sent *s = cb_ctx_parse(c, si);
  if (!s) return NULL;
  size_t nt;
  const cb_span_off *t = times_of(c, article, &nt);
  cb_frame *f = cb_arena_alloc(c->arena, sizeof *f);
  if (!f) return NULL;
  cb_frame_of(c->arena, c->brief->articles[article]->body, c->sents.v[si].start, s, start, end, head_kind, t, nt, f);
  if (!f->owner && f->owner_pronoun_at >= 0) {
    f->owner = pronoun_person(c, article, (size_t)f->owner_pronoun_at);
    f->owner_proper = f->owner != NULL;
  }
  return f;
}

void cb_ctx_claim_frame(const cb_story_ctx *c, cb_claim *cl, const cb_frame *f) {
  cl->frame = f;
  cl->frame_text = f ? cb_frame_describe(c->arena, f) : NULL;
}
