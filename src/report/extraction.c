/*
 * extraction.c - one article's extraction rendered: as the lines of `corroborate extract`
 * or as one JSON object (quantities, timex, quotes, names with byte offsets).
 */
#include "core/buf.h"
#include "extract/extraction.h"
#include <string.h>

static void surface(cb_buf *b, const cb_article *a, size_t s, size_t e) {
  cb_buf_putc(b, '"');
  cb_buf_json_escape(b, a->body + s, e - s);
  cb_buf_putc(b, '"');
}

static void json_timex(cb_buf *b, const cb_extraction *x) {
  const cb_timex *t = x->t;
  for (size_t i = 0; i < x->nt; i++) {
    cb_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", t[i].start, t[i].end);
    surface(b, x->article, t[i].start, t[i].end);
    cb_buf_printf(b, ",\"type\":\"%s\",\"value\":", cb_timex_type_name(t[i].type));
    cb_buf_json_str(b, t[i].value);
    cb_buf_printf(b, ",\"precision\":\"%s\",\"relative\":%s,\"inferred_dct\":%s}",
                  cb_timex_precision_name(t[i].precision), t[i].flags & CB_TIMEX_RELATIVE ? "true" : "false",
                  t[i].flags & CB_TIMEX_INFERRED ? "true" : "false");
  }
}

static void json_quotes(cb_buf *b, const cb_extraction *x) {
  const cb_quote *qu = x->quotes;
  for (size_t i = 0; i < x->nquotes; i++) {
    cb_buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", qu[i].inner_start, qu[i].inner_end);
    surface(b, x->article, qu[i].inner_start, qu[i].inner_end);
    cb_buf_puts(b, ",\"speaker\":");
    cb_buf_json_str(b, qu[i].speaker);
    cb_buf_printf(b, ",\"speaker_how\":\"%s\",\"cue\":", cb_speaker_how_name(qu[i].how));
    cb_buf_json_str(b, qu[i].cue);
    cb_buf_printf(b, ",\"partial\":%s}", qu[i].partial ? "true" : "false");
  }
}

static void render_json(cb_buf *b, const cb_extraction *x) {
  const cb_article *a = x->article;
  cb_buf_puts(b, "{\"file\":");
  cb_buf_json_str(b, a->source);
  if (a->line) cb_buf_printf(b, ",\"line\":%ld", a->line);
  cb_buf_puts(b, ",\"published\":");
  cb_buf_json_str(b, a->published[0] ? a->published : NULL);
  cb_buf_printf(b, ",\"published_inferred\":%s,\"quantities\":[", a->published_inferred ? "true" : "false");
  for (size_t i = 0; i < x->nq; i++) { if (i) cb_buf_putc(b, ','); cb_quantity_json(b, &x->q[i], a->body); }
  cb_buf_puts(b, "],\"timex\":[");
  json_timex(b, x);
  cb_buf_puts(b, "],\"quotes\":[");
  json_quotes(b, x);
  cb_buf_puts(b, "],\"names\":");
  if (x->has_names) cb_names_mentions_json(b, &x->names);
  else cb_buf_puts(b, "[]");
  cb_buf_puts(b, "}");
}

static void text_quantities(cb_buf *b, const cb_extraction *x) {
  const cb_quantity *q = x->q;
  const char *body = x->article->body;
  for (size_t i = 0; i < x->nq; i++)
    cb_buf_printf(b, "quantity  %6zu-%-6zu %-28.*s %s %g%s%s%s%s\n", q[i].start, q[i].end, (int)(q[i].end - q[i].start),
                  body + q[i].start, cb_qchange_name(q[i].change), q[i].value, q[i].unit_norm ? " " : "",
                  q[i].unit_norm ? q[i].unit_norm : "", q[i].noun ? " of " : "", q[i].noun ? q[i].noun : "");
}

static void text_rest(cb_buf *b, const cb_extraction *x) {
  const char *body = x->article->body;
  for (size_t i = 0; i < x->nt; i++) {
    const cb_timex *t = &x->t[i];
    cb_buf_printf(b, "timex     %6zu-%-6zu %-28.*s %s %s\n", t->start, t->end, (int)(t->end - t->start), body + t->start,
                  cb_timex_type_name(t->type), t->value ? t->value : "");
  }
  for (size_t i = 0; i < x->nquotes; i++) {
    const cb_quote *q = &x->quotes[i];
    size_t len = q->inner_end - q->inner_start;
    cb_buf_printf(b, "quote     %6zu-%-6zu \"%.*s%s\" - %s (%s)\n", q->inner_start, q->inner_end, (int)(len > 60 ? 60 : len),
                  body + q->inner_start, len > 60 ? "..." : "", q->speaker ? q->speaker : "unknown",
                  cb_speaker_how_name(q->how));
  }
  for (size_t i = 0; x->has_names && i < x->names.nmentions; i++) {
    const cb_name_mention *m = &x->names.mentions[i];
    cb_buf_printf(b, "name      %6zu-%-6zu %-28s %s%s%s\n", m->start, m->end, m->text, cb_name_kind_name(m->kind),
                  m->role_text ? " role: " : "", m->role_text ? m->role_text : "");
  }
}

static void render_text(cb_buf *b, const cb_extraction *x) {
  const cb_article *a = x->article;
  if (a->line) cb_buf_printf(b, "== %s:%ld", a->source, a->line);
  else cb_buf_printf(b, "== %s", a->source);
  cb_buf_printf(b, " (published %s%s)\n", a->published_inferred ? "on or after " : "",
                a->published[0] ? a->published : "unknown");
  text_quantities(b, x);
  text_rest(b, x);
  cb_buf_putc(b, '\n');
}

int cb_extraction_render(const cb_extraction *x, cb_render_format f, char **out, size_t *len, cb_error *e) {
  *out = NULL;
  if (len) *len = 0;
  if (!x || (f != CB_RENDER_TEXT && f != CB_RENDER_JSON)) {
    cb_error_set(e, CB_EUSAGE, "", 0, x ? "an extraction renders as text or JSON" : "no extraction");
    return CB_EUSAGE;
  }
  cb_buf b;
  cb_buf_init(&b);
  if (f == CB_RENDER_JSON) render_json(&b, x);
  else render_text(&b, x);
  return cb_buf_hand_over(&b, out, len, e);
}
