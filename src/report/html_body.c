/*
 * html_body.c - article bodies with sentence anchors; see html_body.h. Cited sentences are
 * merged into non-overlapping runs (each run a <span class="cited">, with an empty anchor
 * for every other sentence start inside it); cited words become <mark> when they lie inside
 * a run. Offsets are checked against the body and moved to character boundaries, so a bad
 * offset can only lose a highlight, never break the page.
 */
#include "report/html_body.h"
#include "report/html_esc.h"
#include <stdlib.h>
#include <string.h>

typedef struct span { size_t start, end; } span;
typedef struct cut { size_t pos; int order; size_t id; } cut;   /* order: what happens at pos */
enum { CLOSE_MARK, CLOSE_RUN, OPEN_RUN, ANCHOR, OPEN_MARK };

typedef CB_VEC(span) span_vec;
typedef CB_VEC(cut) cut_vec;

void cb_html_sentence_id(cb_buf *o, const cb_brief *b, int article, size_t sent_start) {
  cb_buf_printf(o, "s%lld-%zu", (long long)b->ids[article], sent_start);
}

static size_t boundary(const cb_article *a, size_t pos) {
  if (pos > a->body_len) pos = a->body_len;
  while (pos < a->body_len && ((unsigned char)a->body[pos] & 0xC0) == 0x80) pos++;
  return pos;
}

static void add(cb_arena *ar, span_vec *v, const cb_article *a, size_t start, size_t end) {
  start = boundary(a, start);
  end = boundary(a, end);
  if (start >= end) return;
  span *s = CB_VEC_PUSH(ar, v);
  if (s) *s = (span){start, end};
}

static int by_start(const void *x, const void *y) {
  const span *a = x, *b = y;
  return a->start < b->start ? -1 : a->start > b->start ? 1 : (a->end < b->end ? -1 : a->end > b->end);
}

static int by_pos(const void *x, const void *y) {
  const cut *a = x, *b = y;
  return a->pos < b->pos ? -1 : a->pos > b->pos ? 1 : a->order - b->order;
}

static void push_cut(cb_arena *ar, cut_vec *v, size_t pos, int order, size_t id) {
  cut *c = CB_VEC_PUSH(ar, v);
  if (c) *c = (cut){pos, order, id};
}

struct cb_html_cites {
  const cb_brief *b;
  long *slot;             /* article index -> position in the current story, or -1 */
  const cb_story_brief *cur;
  cb_arena *arena;        /* the current story's spans */
  span_vec *sent, *words; /* per story position */
};

cb_html_cites *cb_html_cites_new(const cb_brief *b) {
  cb_html_cites *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  c->b = b;
  c->slot = malloc((b->narticles ? b->narticles : 1) * sizeof *c->slot);
  if (!c->slot) { free(c); return NULL; }
  for (size_t i = 0; i < b->narticles; i++) c->slot[i] = -1;
  return c;
}

void cb_html_cites_free(cb_html_cites *c) {
  if (!c) return;
  if (c->arena) cb_arena_free(c->arena);
  free(c->slot);
  free(c);
}

static void add_claim(cb_html_cites *c, const cb_claim *cl, int words) {
  if (cl->article < 0 || (size_t)cl->article >= c->b->narticles || c->slot[cl->article] < 0) return;
  const cb_article *a = c->b->articles[cl->article];
  if (!a || !a->body) return;
  long k = c->slot[cl->article];
  add(c->arena, &c->sent[k], a, cl->sent_start, cl->sent_end);
  if (words) add(c->arena, &c->words[k], a, cl->start, cl->end);
}

int cb_html_cites_story(cb_html_cites *c, const cb_story_brief *s) {
  for (size_t i = 0; c->cur && i < c->cur->articles.n; i++)   /* forget the previous story */
    if (c->cur->articles.v[i] >= 0 && (size_t)c->cur->articles.v[i] < c->b->narticles) c->slot[c->cur->articles.v[i]] = -1;
  c->cur = s;
  if (c->arena) cb_arena_free(c->arena);
  c->arena = cb_arena_new(0);
  size_t n = s->articles.n ? s->articles.n : 1;
  c->sent = c->arena ? cb_arena_alloc(c->arena, n * sizeof *c->sent) : NULL;
  c->words = c->arena ? cb_arena_alloc(c->arena, n * sizeof *c->words) : NULL;
  if (!c->sent || !c->words) return -1;
  memset(c->sent, 0, n * sizeof *c->sent);
  memset(c->words, 0, n * sizeof *c->words);
  for (size_t i = 0; i < s->articles.n; i++)
    if (s->articles.v[i] >= 0 && (size_t)s->articles.v[i] < c->b->narticles) c->slot[s->articles.v[i]] = (long)i;
  for (size_t i = 0; i < s->findings.n; i++)
    for (size_t k = 0; k < s->findings.v[i].claims.n; k++) add_claim(c, &s->findings.v[i].claims.v[k], 1);
  for (size_t i = 0; i < s->facts.n; i++)
    for (size_t k = 0; k < s->facts.v[i].sentences.n; k++) add_claim(c, &s->facts.v[i].sentences.v[k], 0);
  for (size_t i = 0; i < s->articles.n; i++) {
    if (c->sent[i].n) qsort(c->sent[i].v, c->sent[i].n, sizeof *c->sent[i].v, by_start);
    if (c->words[i].n) qsort(c->words[i].v, c->words[i].n, sizeof *c->words[i].v, by_start);
  }
  return 0;
}

/* Turns sentences into runs with anchors, and words inside runs into marks. */
static void cuts(cb_arena *ar, const span_vec *sent, const span_vec *words, cut_vec *out) {
  size_t run_start = 0, run_end = 0, last = (size_t)-1;
  int open = 0;
  span_vec runs = {0};
  for (size_t i = 0; i < sent->n; i++) {
    const span *s = &sent->v[i];
    if (open && s->start < run_end) {
      if (s->end > run_end) run_end = s->end;
      if (s->start != last && s->start != run_start) push_cut(ar, out, s->start, ANCHOR, s->start);
    } else {
      if (open) { span *r = CB_VEC_PUSH(ar, &runs); if (r) *r = (span){run_start, run_end}; }
      run_start = s->start; run_end = s->end; open = 1;
    }
    last = s->start;
  }
  if (open) { span *r = CB_VEC_PUSH(ar, &runs); if (r) *r = (span){run_start, run_end}; }
  for (size_t i = 0; i < runs.n; i++) {
    push_cut(ar, out, runs.v[i].start, OPEN_RUN, runs.v[i].start);
    push_cut(ar, out, runs.v[i].end, CLOSE_RUN, 0);
  }
  size_t r = 0, mark_end = 0;
  for (size_t i = 0; i < words->n; i++) {
    const span *w = &words->v[i];
    while (r < runs.n && runs.v[r].end <= w->start) r++;
    if (r == runs.n) break;
    if (w->start < runs.v[r].start || w->end > runs.v[r].end || w->start < mark_end) continue;
    push_cut(ar, out, w->start, OPEN_MARK, 0);
    push_cut(ar, out, w->end, CLOSE_MARK, 0);
    mark_end = w->end;
  }
  if (out->n) qsort(out->v, out->n, sizeof *out->v, by_pos);
}

static void emit_cut(cb_buf *o, const cb_brief *b, int article, const cut *c) {
  switch (c->order) {
  case CLOSE_MARK: cb_buf_puts(o, "</mark>"); break;
  case CLOSE_RUN: cb_buf_puts(o, "</span>"); break;
  case OPEN_MARK: cb_buf_puts(o, "<mark>"); break;
  default:
    cb_buf_puts(o, c->order == OPEN_RUN ? "<span class=\"cited\" id=\"" : "<span class=\"anchor\" id=\"");
    cb_html_sentence_id(o, b, article, c->id);
    cb_buf_puts(o, c->order == OPEN_RUN ? "\">" : "\"></span>");
  }
}

void cb_html_body(cb_buf *o, const cb_html_cites *c, int article) {
  const cb_brief *b = c->b;
  const cb_article *a = b->articles[article];
  if (!a || !a->body) return;
  long k = article >= 0 && (size_t)article < b->narticles ? c->slot[article] : -1;
  cut_vec cv = {0};
  if (k >= 0 && c->arena && c->sent) cuts(c->arena, &c->sent[k], &c->words[k], &cv);
  size_t at = 0;
  for (size_t i = 0; i < cv.n; i++) {
    cb_html_esc(o, a->body + at, cv.v[i].pos - at);
    at = cv.v[i].pos;
    emit_cut(o, b, article, &cv.v[i]);
  }
  cb_html_esc(o, a->body + at, a->body_len - at);
}
