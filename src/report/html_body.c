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

/* Collects the cited sentences and words of the article in the story. */
static void collect(cb_arena *ar, const cb_story_brief *s, int article, const cb_article *a, span_vec *sent, span_vec *words) {
  for (size_t i = 0; i < s->findings.n; i++)
    for (size_t k = 0; k < s->findings.v[i].claims.n; k++) {
      const cb_claim *c = &s->findings.v[i].claims.v[k];
      if (c->article != article) continue;
      add(ar, sent, a, c->sent_start, c->sent_end);
      add(ar, words, a, c->start, c->end);
    }
  for (size_t i = 0; i < s->facts.n; i++)
    for (size_t k = 0; k < s->facts.v[i].sentences.n; k++) {
      const cb_claim *c = &s->facts.v[i].sentences.v[k];
      if (c->article == article) add(ar, sent, a, c->sent_start, c->sent_end);
    }
  qsort(sent->v, sent->n, sizeof *sent->v, by_start);
  qsort(words->v, words->n, sizeof *words->v, by_start);
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
  qsort(out->v, out->n, sizeof *out->v, by_pos);
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

void cb_html_body(cb_buf *o, const cb_brief *b, const cb_story_brief *s, int article) {
  const cb_article *a = b->articles[article];
  if (!a || !a->body) return;
  cb_arena *ar = cb_arena_new(0);
  span_vec sent = {0}, words = {0};
  cut_vec cv = {0};
  if (ar) {
    collect(ar, s, article, a, &sent, &words);
    cuts(ar, &sent, &words, &cv);
  }
  size_t at = 0;
  for (size_t i = 0; i < cv.n; i++) {
    cb_html_esc(o, a->body + at, cv.v[i].pos - at);
    at = cv.v[i].pos;
    emit_cut(o, b, article, &cv.v[i]);
  }
  cb_html_esc(o, a->body + at, a->body_len - at);
  if (ar) cb_arena_free(ar);
}
