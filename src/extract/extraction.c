/*
 * extraction.c - cb_extract: runs the extractors on an article's clean body and lays their
 * findings out as mentions with offsets, words, type and normalised value.
 */
#include "extract/extraction.h"
#include <stdlib.h>
#include <string.h>

const char *cb_mention_kind_name(cb_mention_kind k) {
  switch (k) {
  case CB_MENTION_QUANTITY: return "quantity";
  case CB_MENTION_TIME: return "time";
  case CB_MENTION_QUOTE: return "quote";
  case CB_MENTION_NAME: return "name";
  }
  return "unknown";
}

/* Dates and times of an article, resolved against its own date (or inferred bound). */
static size_t timex_of(cb_arena *ar, const cb_article *a, cb_timex **t) {
  cb_timex_opts o = {0};
  o.dct = a->published[0] && strncmp(a->published, "XXXX", 4) ? a->published : NULL;
  o.dct_inferred = a->published_inferred;
  o.sentence_anchor = 1;
  return cb_timex_extract_opts(ar, a->body, a->body_len, &o, t);
}

static cb_mention *next(cb_extraction *x, cb_mention_kind k, size_t start, size_t end) {
  cb_mention *m = &x->m[x->nm++];
  memset(m, 0, sizeof *m);
  m->kind = k;
  m->start = start;
  m->end = end;
  m->text = cb_arena_strndup(x->arena, x->article->body + start, end - start);
  return m;
}

static void quantity_mentions(cb_extraction *x) {
  for (size_t i = 0; i < x->nq; i++) {
    const cb_quantity *q = &x->q[i];
    cb_mention *m = next(x, CB_MENTION_QUANTITY, q->start, q->end);
    int unit = q->unit_norm && strcmp(q->unit_norm, "-");
    m->type = cb_qchange_name(q->change);
    m->number = q->value;
    m->unit = unit ? q->unit_norm : NULL;
    m->noun = q->noun;
    m->value = cb_arena_printf(x->arena, "%g%s%s", q->value, unit ? " " : "", unit ? q->unit_norm : "");
  }
}

static void time_mentions(cb_extraction *x) {
  for (size_t i = 0; i < x->nt; i++) {
    cb_mention *m = next(x, CB_MENTION_TIME, x->t[i].start, x->t[i].end);
    m->type = cb_timex_type_name(x->t[i].type);
    m->value = x->t[i].value;
  }
}

static void quote_mentions(cb_extraction *x) {
  for (size_t i = 0; i < x->nquotes; i++) {
    const cb_quote *q = &x->quotes[i];
    cb_mention *m = next(x, CB_MENTION_QUOTE, q->inner_start, q->inner_end);
    m->type = cb_speaker_how_name(q->how);
    m->value = q->speaker;
    m->noun = q->cue;
  }
}

static void name_mentions(cb_extraction *x) {
  for (size_t i = 0; x->has_names && i < x->names.nmentions; i++) {
    const cb_name_mention *n = &x->names.mentions[i];
    cb_mention *m = next(x, CB_MENTION_NAME, n->start, n->end);
    m->text = n->text;
    m->type = cb_name_kind_name(n->kind);
    m->value = n->role_text;
  }
}

int cb_extract(const cb_article *a, cb_extraction **out, cb_error *e) {
  *out = NULL;
  if (!a || !a->body) { cb_error_set(e, CB_EUSAGE, "", 0, "no article to extract from"); return CB_EUSAGE; }
  if (cb_init(e)) return CB_EDATA;
  cb_arena *ar = cb_arena_new(0);
  cb_extraction *x = ar ? cb_arena_calloc(ar, 1, sizeof *x) : NULL;
  if (!x) { cb_arena_free(ar); cb_error_set(e, CB_ENOMEM, a->source, 0, "out of memory"); return CB_ENOMEM; }
  x->arena = ar;
  x->article = a;
  x->nq = cb_quantity_extract(ar, a->body, a->body_len, &x->q);
  int oom = x->nq == (size_t)-1;
  if (oom) x->nq = 0;
  x->nt = timex_of(ar, a, &x->t);
  x->nquotes = cb_quote_extract(ar, a->body, a->body_len, &x->quotes);
  x->has_names = cb_names_extract(ar, a->body, a->body_len, &x->names) == CB_OK;
  size_t total = x->nq + x->nt + x->nquotes + (x->has_names ? x->names.nmentions : 0);
  x->m = cb_arena_calloc(ar, total + 1, sizeof *x->m);
  if (oom || !x->m) { cb_arena_free(ar); cb_error_set(e, CB_ENOMEM, a->source, 0, "out of memory"); return CB_ENOMEM; }
  quantity_mentions(x);
  time_mentions(x);
  quote_mentions(x);
  name_mentions(x);
  *out = x;
  return CB_OK;
}

size_t cb_extraction_count(const cb_extraction *x) { return x ? x->nm : 0; }

const cb_mention *cb_extraction_mention(const cb_extraction *x, size_t i) {
  return x && i < x->nm ? &x->m[i] : NULL;
}

void cb_extraction_free(cb_extraction *x) {
  if (x) cb_arena_free(x->arena);
}
