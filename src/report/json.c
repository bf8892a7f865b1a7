/*
 * json.c - the brief as JSON, schema version CB_REPORT_SCHEMA_VERSION; every field is
 * documented in docs/report-schema.md. Article references are article ids.
 */
#include "report/render.h"
#include "extract/frame.h"

static void key(cb_buf *o, const char *k, int first) {
  if (!first) cb_buf_putc(o, ',');
  cb_buf_json_str(o, k);
  cb_buf_putc(o, ':');
}

static void ids(cb_buf *o, const cb_brief *b, const int *v, size_t n) {
  cb_buf_putc(o, '[');
  for (size_t i = 0; i < n; i++) cb_buf_printf(o, i ? ",%lld" : "%lld", (long long)b->ids[v[i]]);
  cb_buf_putc(o, ']');
}

/* What the claim is about, from its sentence's tree (docs/report-schema.md). */
static void frame(cb_buf *o, const cb_claim *c) {
  const cb_frame *f = c->frame;
  if (!f) { cb_buf_puts(o, "null"); return; }
  cb_buf_putc(o, '{');
  key(o, "text", 1); cb_buf_json_str(o, c->frame_text);
  key(o, "measure", 0); cb_buf_json_str(o, f->measure);
  key(o, "owner", 0); cb_buf_json_str(o, f->owner);
  key(o, "predicate", 0); cb_buf_json_str(o, f->pred);
  key(o, "tense", 0); cb_buf_json_str(o, f->tense ? cb_tense_name(f->tense) : NULL);
  cb_buf_printf(o, ",\"negated\":%s,\"modal\":%s", f->negated ? "true" : "false", f->modal ? "true" : "false");
  key(o, "stance", 0); cb_buf_json_str(o, cb_stance_name(f->stance));
  cb_buf_printf(o, ",\"reporting\":%s", f->reporting ? "true" : "false");
  key(o, "voice", 0); cb_buf_json_str(o, f->attributed ? "attributed" : "narration");
  key(o, "speaker", 0); cb_buf_json_str(o, f->speaker);
  if (f->time_start >= 0) cb_buf_printf(o, ",\"time\":[%ld,%ld]", f->time_start, f->time_end);
  else cb_buf_puts(o, ",\"time\":null");
  cb_buf_putc(o, '}');
}

static void claim(cb_buf *o, const cb_brief *b, const cb_claim *c) {
  cb_buf_printf(o, "{\"article\":%lld", (long long)b->ids[c->article]);
  key(o, "text", 0); cb_buf_json_str(o, c->text);
  key(o, "sentence", 0); cb_buf_json_str(o, c->sentence);
  key(o, "value", 0); cb_buf_json_str(o, c->value);
  cb_buf_printf(o, ",\"start\":%zu,\"end\":%zu", c->start, c->end);
  key(o, "frame", 0);
  frame(o, c);
  cb_buf_putc(o, '}');
}

static void article(cb_buf *o, const cb_brief *b, size_t i) {
  const cb_article *a = b->articles[i];
  cb_buf_printf(o, "{\"id\":%lld", (long long)b->ids[i]);
  key(o, "file", 0); cb_buf_json_str(o, a->source);
  if (a->line) cb_buf_printf(o, ",\"line\":%ld", a->line); else cb_buf_puts(o, ",\"line\":null");
  key(o, "outlet", 0); cb_buf_json_str(o, a->outlet);
  key(o, "title", 0); cb_buf_json_str(o, a->title);
  key(o, "author", 0); cb_buf_json_str(o, a->author);
  key(o, "dateline", 0); cb_buf_json_str(o, a->dateline);
  key(o, "url", 0); cb_buf_json_str(o, a->url);
  key(o, "published", 0); cb_buf_json_str(o, a->published[0] ? a->published : NULL);
  cb_buf_printf(o, ",\"published_inferred\":%s", a->published_inferred ? "true" : "false");
  key(o, "fetched", 0); cb_buf_json_str(o, a->fetched[0] ? a->fetched : NULL);
  key(o, "duplicate_of", 0);
  if (b->duplicate_of[i] >= 0) cb_buf_printf(o, "%lld,\"similarity\":%.3f", (long long)b->ids[b->duplicate_of[i]], b->similarity[i]);
  else cb_buf_puts(o, "null");
  cb_buf_printf(o, ",\"story\":%ld}", b->story_of[i] + 1);
}

static void finding(cb_buf *o, const cb_brief *b, const cb_finding *f) {
  cb_buf_putc(o, '{');
  key(o, "topic", 1); cb_buf_json_str(o, f->topic);
  key(o, "kind", 0); cb_buf_json_str(o, cb_claim_kind_name(f->kind));
  key(o, "verdict", 0); cb_buf_json_str(o, cb_verdict_name(f->verdict));
  key(o, "value", 0); cb_buf_json_str(o, f->value);
  key(o, "explanation", 0); cb_buf_json_str(o, f->explanation);
  key(o, "same_thing", 0);
  int known = f->kind == CB_KIND_QUANTITY && f->claims.n > 1 && f->same_thing >= 0;
  cb_buf_puts(o, !known ? "null" : f->same_thing ? "true" : "false");
  cb_buf_printf(o, ",\"independent_sources\":%d,\"claims\":[", f->independent);
  for (size_t i = 0; i < f->claims.n; i++) { if (i) cb_buf_putc(o, ','); claim(o, b, &f->claims.v[i]); }
  cb_buf_puts(o, "]}");
}

static void story(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  cb_buf_printf(o, "{\"id\":%ld", s->id);
  key(o, "headline", 0); cb_buf_json_str(o, s->headline);
  key(o, "first", 0); cb_buf_json_str(o, s->first[0] ? s->first : NULL);
  key(o, "last", 0); cb_buf_json_str(o, s->last[0] ? s->last : NULL);
  key(o, "articles", 0); ids(o, b, s->articles.v, s->articles.n);
  cb_buf_puts(o, ",\"findings\":[");
  for (size_t i = 0; i < s->findings.n; i++) { if (i) cb_buf_putc(o, ','); finding(o, b, &s->findings.v[i]); }
  cb_buf_puts(o, "],\"entities\":[");
  for (size_t i = 0; i < s->entities.n; i++) {
    const cb_brief_entity *e = &s->entities.v[i];
    cb_buf_puts(o, i ? ",{" : "{");
    key(o, "name", 1); cb_buf_json_str(o, e->name);
    key(o, "type", 0); cb_buf_json_str(o, e->type);
    cb_buf_puts(o, ",\"forms\":[");
    for (size_t k = 0; k < e->forms.n; k++) {
      cb_buf_puts(o, k ? ",{" : "{");
      key(o, "text", 1); cb_buf_json_str(o, e->forms.v[k].text);
      key(o, "kind", 0); cb_buf_json_str(o, e->forms.v[k].kind);
      key(o, "articles", 0); ids(o, b, e->forms.v[k].articles.v, e->forms.v[k].articles.n);
      cb_buf_putc(o, '}');
    }
    cb_buf_puts(o, "]}");
  }
  cb_buf_puts(o, "],\"flags\":[");
  for (size_t i = 0; i < s->flags.n; i++) {
    const cb_flag *f = &s->flags.v[i];
    cb_buf_printf(o, i ? ",{\"article\":%lld" : "{\"article\":%lld", (long long)b->ids[f->article]);
    key(o, "kind", 0); cb_buf_json_str(o, f->kind);
    key(o, "text", 0); cb_buf_json_str(o, f->text);
    key(o, "why", 0); cb_buf_json_str(o, f->why);
    cb_buf_putc(o, '}');
  }
  cb_buf_puts(o, "],\"timeline\":[");
  for (size_t i = 0; i < s->timeline.n; i++) {
    const cb_event *ev = &s->timeline.v[i];
    cb_buf_puts(o, i ? ",{" : "{");
    key(o, "date", 1); cb_buf_json_str(o, ev->date);
    key(o, "precision", 0); cb_buf_json_str(o, ev->precision);
    key(o, "what", 0); cb_buf_json_str(o, ev->what);
    key(o, "as_written", 0); cb_buf_json_str(o, ev->surface);
    key(o, "articles", 0); ids(o, b, ev->articles.v, ev->articles.n);
    cb_buf_putc(o, '}');
  }
  cb_buf_puts(o, "],\"summary\":[");
  for (size_t i = 0; i < s->summary.n; i++) {
    const cb_summary_line *l = &s->summary.v[i];
    cb_buf_puts(o, i ? ",{" : "{");
    key(o, "kind", 1); cb_buf_json_str(o, l->kind);
    key(o, "text", 0); cb_buf_json_str(o, l->text);
    key(o, "articles", 0); ids(o, b, l->articles.v, l->articles.n);
    cb_buf_putc(o, '}');
  }
  cb_buf_puts(o, "],\"facts\":[");
  for (size_t i = 0; i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    cb_buf_puts(o, i ? ",{" : "{");
    key(o, "text", 1); cb_buf_json_str(o, f->text);
    key(o, "articles", 0); ids(o, b, f->articles.v, f->articles.n);
    cb_buf_printf(o, ",\"independent_sources\":%d,\"sentences\":[", f->independent);
    for (size_t k = 0; k < f->sentences.n; k++) { if (k) cb_buf_putc(o, ','); claim(o, b, &f->sentences.v[k]); }
    cb_buf_puts(o, "]}");
  }
  cb_buf_puts(o, "]}");
}

void cb_render_json(cb_buf *o, const cb_brief *b) {
  cb_buf_puts(o, "{\"version\":\"" CB_REPORT_SCHEMA_VERSION "\",\"generator\":\"corroborate " CB_VERSION "\",\"articles\":[");
  for (size_t i = 0; i < b->narticles; i++) { if (i) cb_buf_putc(o, ','); article(o, b, i); }
  cb_buf_puts(o, "],\"stories\":[");
  for (size_t i = 0; i < b->stories.n; i++) { if (i) cb_buf_putc(o, ','); story(o, b, &b->stories.v[i]); }
  cb_buf_puts(o, "]}\n");
}
