/*
 * text.c - the brief for the terminal: per story the headline, the articles (copies under
 * their original), the findings grouped (conflicts, agreements, quote variants, single-source
 * claims) with their evidence, names and their forms, flags, timeline and facts. Wraps to the
 * given width; ANSI colour only when asked; article text is cleaned of escape sequences.
 */
#include "report/render.h"
#include "report/term.h"
#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RED "\033[1;31m"
#define GREEN "\033[1;32m"
#define YELLOW "\033[1;33m"
#define CYAN "\033[1;36m"

typedef struct group { const char *title; cb_verdict a, b; } group;
static const group groups[] = {
  {"Conflicts", CB_CONFLICT, CB_CONFLICT},
  {"Uncertain (values differ; perhaps not the same thing)", CB_UNCERTAIN, CB_UNCERTAIN},
  {"Agreements", CB_AGREE, CB_COMPATIBLE},
  {"Variants (same statement, different words)", CB_VARIANT, CB_VARIANT},
  {"Single-source claims", CB_SINGLE, CB_SINGLE},
};

static const char *verdict_style(cb_verdict v) {
  switch (v) {
  case CB_CONFLICT: return RED;
  case CB_AGREE: case CB_COMPATIBLE: return GREEN;
  case CB_VARIANT: case CB_UNCERTAIN: return YELLOW;
  default: return DIM;
  }
}

static const char *verdict_mark(cb_verdict v) {
  switch (v) {
  case CB_CONFLICT: return "✗ CONFLICT";
  case CB_AGREE: return "✓ AGREE";
  case CB_COMPATIBLE: return "≈ COMPATIBLE";
  case CB_VARIANT: return "~ VARIANT";
  case CB_UNCERTAIN: return "? UNCERTAIN";
  default: return "• SINGLE";
  }
}

static void heading(cb_term *t, const char *title, size_t n) {
  cb_buf h;
  cb_buf_init(&h);
  cb_buf_printf(&h, "%s (%zu)", title, n);
  cb_buf_putc(t->o, '\n');
  cb_term_para(t, 0, h.ptr, cb_term_style(t, BOLD), NULL);
  cb_buf_free(&h);
}

static void article_line(cb_term *t, const cb_brief *b, int i, int indent) {
  const cb_article *a = b->articles[i];
  cb_buf lead, text;
  cb_buf_init(&lead);
  cb_buf_init(&text);
  cb_buf_printf(&lead, "[%lld]", (long long)b->ids[i]);
  if (b->duplicate_of[i] >= 0)
    cb_buf_printf(&text, "copy of [%lld] (%.0f%% similar) · ", (long long)b->ids[b->duplicate_of[i]], b->similarity[i] * 100);
  cb_buf_puts(&text, cb_report_label(b, i));
  if (a->outlet && a->outlet[0]) cb_buf_printf(&text, " (%s)", cb_report_basename(a->source));
  if (a->line) cb_buf_printf(&text, " line %ld", a->line);
  if (a->published[0]) cb_buf_printf(&text, " · %s%s", a->published_inferred ? "on or after " : "", a->published);
  else cb_buf_puts(&text, " · date unknown");
  if (a->title) cb_buf_printf(&text, " · “%s”", a->title);
  cb_term_para(t, indent, lead.ptr, cb_term_style(t, CYAN), text.ptr);
  cb_buf_free(&lead);
  cb_buf_free(&text);
}

typedef struct placed { long key; int copy; size_t order; int article; } placed;

static int by_key(const void *x, const void *y) {
  const placed *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  if (a->copy != b->copy) return a->copy - b->copy;
  return a->order < b->order ? -1 : a->order > b->order;
}

/* Lists the articles with each copy right under its original (sorted, not searched, so a
 * story of many articles stays fast). */
static void articles(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  heading(t, "Articles", s->articles.n);
  placed *p = malloc((s->articles.n ? s->articles.n : 1) * sizeof *p);
  if (!p) { t->o->oom = 1; return; }
  for (size_t i = 0; i < s->articles.n; i++) {
    int a = s->articles.v[i];
    long orig = b->duplicate_of[a];
    int copy = orig >= 0 && b->story_of[orig] == b->story_of[a];
    p[i] = (placed){copy ? orig : a, copy, i, a};
  }
  if (s->articles.n) qsort(p, s->articles.n, sizeof *p, by_key);
  for (size_t i = 0; i < s->articles.n; i++) article_line(t, b, p[i].article, p[i].copy ? 6 : 2);
  free(p);
}

static void claim(cb_term *t, const cb_brief *b, const cb_claim *c, int quote) {
  cb_buf lead, text;
  cb_buf_init(&lead);
  cb_buf_init(&text);
  cb_buf_printf(&lead, "[%lld] %s:", (long long)b->ids[c->article], cb_report_label(b, c->article));
  cb_buf_printf(&text, "“%s”", c->text ? c->text : "");
  if (!quote && c->value && c->text && strcmp(c->value, c->text)) {
    cb_buf_puts(&text, " =\u00a0");   /* no-break spaces keep the value on one line */
    for (const char *p = c->value; *p; p++)
      if (*p == ' ') cb_buf_puts(&text, "\u00a0"); else cb_buf_putc(&text, *p);
  }
  if (c->frame_text) cb_buf_printf(&text, "  [%s]", c->frame_text);   /* what the claim is about */
  cb_term_para(t, 6, lead.ptr, cb_term_style(t, CYAN), text.ptr);
  cb_buf_free(&lead);
  cb_buf_free(&text);
}

static void finding(cb_term *t, const cb_brief *b, const cb_finding *f) {
  cb_buf head;
  cb_buf_init(&head);
  cb_buf_printf(&head, "%s [%s]", f->topic ? f->topic : "(no topic)", cb_claim_kind_name(f->kind));
  if (f->value) cb_buf_printf(&head, ": %s", f->value);
  cb_buf_printf(&head, " · %d source%s", f->independent, f->independent == 1 ? "" : "s");
  cb_term_para(t, 2, verdict_mark(f->verdict), cb_term_style(t, verdict_style(f->verdict)), head.ptr);
  if (f->explanation) cb_term_para(t, 4, NULL, NULL, f->explanation);
  for (size_t i = 0; i < f->claims.n; i++) claim(t, b, &f->claims.v[i], f->kind == CB_KIND_QUOTE);
  cb_buf_free(&head);
}

static void findings(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
    size_t n = 0;
    for (size_t i = 0; i < s->findings.n; i++) n += s->findings.v[i].verdict == groups[g].a || s->findings.v[i].verdict == groups[g].b;
    if (!n) continue;
    heading(t, groups[g].title, n);
    for (size_t i = 0; i < s->findings.n; i++)
      if (s->findings.v[i].verdict == groups[g].a || s->findings.v[i].verdict == groups[g].b) finding(t, b, &s->findings.v[i]);
  }
}

static void id_list(cb_buf *o, const cb_brief *b, const cb_int_vec *v) {
  for (size_t i = 0; i < v->n; i++) cb_buf_printf(o, i ? ",%lld" : "[%lld", (long long)b->ids[v->v[i]]);
  if (v->n) cb_buf_putc(o, ']');
}

static void names(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  if (!s->entities.n) return;
  heading(t, "Names", s->entities.n);
  for (size_t i = 0; i < s->entities.n; i++) {
    const cb_brief_entity *e = &s->entities.v[i];
    cb_buf text;
    cb_buf_init(&text);
    if (e->type) cb_buf_printf(&text, "(%s) ", e->type);
    for (size_t k = 0; k < e->forms.n; k++) {
      const cb_brief_form *f = &e->forms.v[k];
      cb_buf_printf(&text, "%s“%s” %s ", k ? "· " : "", f->text ? f->text : "", f->kind ? f->kind : "");
      id_list(&text, b, &f->articles);
      cb_buf_putc(&text, ' ');
    }
    cb_term_para(t, 2, e->name ? e->name : "?", cb_term_style(t, BOLD), text.ptr);
    cb_buf_free(&text);
  }
}

static void flags(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  if (!s->flags.n) return;
  heading(t, "Flags", s->flags.n);
  for (size_t i = 0; i < s->flags.n; i++) {
    const cb_flag *f = &s->flags.v[i];
    cb_buf lead, text;
    cb_buf_init(&lead);
    cb_buf_init(&text);
    cb_buf_printf(&lead, "! %s [%lld] %s:", f->kind ? f->kind : "flag", (long long)b->ids[f->article], cb_report_label(b, f->article));
    cb_buf_printf(&text, "%s — “%s”", f->why ? f->why : "", f->text ? f->text : "");
    cb_term_para(t, 2, lead.ptr, cb_term_style(t, YELLOW), text.ptr);
    cb_buf_free(&lead);
    cb_buf_free(&text);
  }
}

static void timeline(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  if (!s->timeline.n) return;
  heading(t, "Timeline", s->timeline.n);
  for (size_t i = 0; i < s->timeline.n; i++) {
    const cb_event *ev = &s->timeline.v[i];
    cb_buf lead, text;
    cb_buf_init(&lead);
    cb_buf_init(&text);
    cb_buf_printf(&lead, "%-10s %-5s", ev->date ? ev->date : "?", ev->precision ? ev->precision : "");
    if (ev->surface) cb_buf_printf(&text, "(“%s”) ", ev->surface);
    cb_buf_puts(&text, ev->what ? ev->what : "");
    cb_buf_putc(&text, ' ');
    id_list(&text, b, &ev->articles);
    cb_term_para(t, 2, lead.ptr, cb_term_style(t, CYAN), text.ptr);
    cb_buf_free(&lead);
    cb_buf_free(&text);
  }
}

static void facts(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  if (!s->facts.n) return;
  heading(t, "Facts, best supported first", s->facts.n);
  for (size_t i = 0; i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    cb_buf lead, text;
    cb_buf_init(&lead);
    cb_buf_init(&text);
    cb_buf_printf(&lead, "%d source%s", f->independent, f->independent == 1 ? ":" : "s:");
    cb_buf_puts(&text, f->text ? f->text : "");
    cb_buf_putc(&text, ' ');
    id_list(&text, b, &f->articles);
    cb_term_para(t, 2, lead.ptr, cb_term_style(t, f->independent > 1 ? GREEN : DIM), text.ptr);
    cb_buf_free(&lead);
    cb_buf_free(&text);
  }
}

static void summary(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  if (!s->summary.n) return;
  heading(t, "Summary", s->summary.n);
  for (size_t i = 0; i < s->summary.n; i++) {
    const cb_summary_line *l = &s->summary.v[i];
    cb_buf text;
    cb_buf_init(&text);
    cb_buf_puts(&text, l->text ? l->text : "");
    cb_buf_putc(&text, ' ');
    id_list(&text, b, &l->articles);
    const char *style = !strcmp(l->kind, "conflict") ? cb_term_style(t, RED) : !strcmp(l->kind, "fact") ? cb_term_style(t, GREEN) : cb_term_style(t, DIM);
    cb_term_para(t, 2, !strcmp(l->kind, "conflict") ? "\xe2\x9c\x97" : !strcmp(l->kind, "fact") ? "\xe2\x80\xa2" : "1", style, text.ptr);
    cb_buf_free(&text);
  }
}

static void story(cb_term *t, const cb_brief *b, const cb_story_brief *s) {
  cb_buf head, sub;
  cb_buf_init(&head);
  cb_buf_init(&sub);
  cb_buf_printf(&head, "Story %ld:", s->id);
  cb_term_para(t, 0, head.ptr, cb_term_style(t, BOLD), s->headline ? s->headline : "(no headline)");
  size_t ind = cb_report_independent(b, s);
  if (s->first[0]) cb_buf_printf(&sub, "%s to %s · ", s->first, s->last[0] ? s->last : s->first);
  cb_buf_printf(&sub, "%zu article%s, %zu independent source%s", s->articles.n, s->articles.n == 1 ? "" : "s", ind, ind == 1 ? "" : "s");
  cb_term_para(t, 0, NULL, NULL, sub.ptr);
  summary(t, b, s);
  articles(t, b, s);
  findings(t, b, s);
  names(t, b, s);
  flags(t, b, s);
  timeline(t, b, s);
  facts(t, b, s);
  cb_buf_free(&head);
  cb_buf_free(&sub);
}

void cb_render_text(cb_buf *o, const cb_brief *b, int color, int width) {
  cb_term t = {o, color, width < 20 ? 20 : width};
  for (size_t s = 0; s < b->stories.n; s++) {
    if (s) {
      for (int i = 0; i < t.width; i++) cb_buf_puts(o, "─");
      cb_buf_puts(o, "\n\n");
    }
    story(&t, b, &b->stories.v[s]);
    cb_buf_putc(o, '\n');
  }
}
