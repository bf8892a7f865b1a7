/*
 * markdown.c - the brief as Markdown, for pasting into a newsroom document: a heading per
 * story, the sources, findings as tables grouped by verdict, quotes as blockquotes, names,
 * flags, timeline and facts, each claim cited to its outlet and file. Article text is
 * escaped so that it stays text (no HTML, links or emphasis from the articles).
 */
#include "report/render.h"
#include "report/term.h"
#include <string.h>

/* Appends s as inline Markdown text: one line, punctuation that would be markup escaped. */
static void md_text(cb_buf *o, const char *s) {
  cb_buf clean;
  cb_buf_init(&clean);
  cb_term_clean(&clean, s);
  for (size_t i = 0; i < clean.len; i++) {
    char c = clean.ptr[i];
    /* angle brackets as entities: no Markdown viewer reads them as a tag */
    if (c == '<') { cb_buf_puts(o, "&lt;"); continue; }
    if (c == '>') { cb_buf_puts(o, "&gt;"); continue; }
    if (strchr("\\`*_[]|~&#!", c)) cb_buf_putc(o, '\\');
    cb_buf_putc(o, c);
  }
  cb_buf_free(&clean);
}

static void cite(cb_buf *o, const cb_brief *b, int a) {
  cb_buf_printf(o, "[%lld] ", (long long)b->ids[a]);
  md_text(o, cb_report_label(b, a));
}

static void cite_list(cb_buf *o, const cb_brief *b, const cb_int_vec *v) {
  for (size_t i = 0; i < v->n; i++) cb_buf_printf(o, i ? ", [%lld]" : "[%lld]", (long long)b->ids[v->v[i]]);
}

static void sources(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  size_t ind = cb_report_independent(b, s);
  cb_buf_printf(o, "## Sources\n\n%zu article%s, %zu independent source%s.\n\n", s->articles.n,
                s->articles.n == 1 ? "" : "s", ind, ind == 1 ? "" : "s");
  cb_buf_puts(o, "| # | Outlet | File | Published | Title | Copy of |\n|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < s->articles.n; i++) {
    int k = s->articles.v[i];
    const cb_article *a = b->articles[k];
    cb_buf_printf(o, "| %lld | ", (long long)b->ids[k]);
    md_text(o, a->outlet ? a->outlet : "—");
    cb_buf_puts(o, " | ");
    md_text(o, cb_report_basename(a->source));
    if (a->line) cb_buf_printf(o, " line %ld", a->line);
    cb_buf_puts(o, " | ");
    if (a->published[0]) { if (a->published_inferred) cb_buf_puts(o, "on or after "); md_text(o, a->published); }
    else cb_buf_puts(o, "unknown");
    cb_buf_puts(o, " | ");
    md_text(o, a->title ? a->title : "—");
    if (b->duplicate_of[k] >= 0) cb_buf_printf(o, " | [%lld] (%.0f%% similar) |\n", (long long)b->ids[b->duplicate_of[k]], b->similarity[k] * 100);
    else cb_buf_puts(o, " | |\n");
  }
  cb_buf_putc(o, '\n');
}

static void finding_row(cb_buf *o, const cb_brief *b, const cb_finding *f) {
  cb_buf_printf(o, "| **%s** | ", cb_verdict_name(f->verdict));
  md_text(o, f->topic);
  cb_buf_printf(o, " (%s) | ", cb_claim_kind_name(f->kind));
  md_text(o, f->value ? f->value : "—");
  cb_buf_puts(o, " | ");
  for (size_t i = 0; i < f->claims.n; i++) {
    const cb_claim *c = &f->claims.v[i];
    if (i) cb_buf_puts(o, "; ");
    cite(o, b, c->article);
    cb_buf_puts(o, ": “");
    md_text(o, c->text);
    cb_buf_puts(o, "”");
    if (c->frame_text) { cb_buf_puts(o, " ["); md_text(o, c->frame_text); cb_buf_puts(o, "]"); }
  }
  cb_buf_puts(o, " | ");
  md_text(o, f->explanation);
  cb_buf_puts(o, " |\n");
}

static void quote_block(cb_buf *o, const cb_brief *b, const cb_finding *f) {
  cb_buf_printf(o, "**%s** — ", cb_verdict_name(f->verdict));
  md_text(o, f->topic);
  cb_buf_puts(o, "\n\n");
  for (size_t i = 0; i < f->claims.n; i++) {
    const cb_claim *c = &f->claims.v[i];
    const cb_article *a = b->articles[c->article];
    cb_buf_puts(o, "> ");
    md_text(o, c->text);
    cb_buf_puts(o, "\n>\n> — ");
    cite(o, b, c->article);
    if (a->outlet) { cb_buf_puts(o, ", "); md_text(o, cb_report_basename(a->source)); }
    cb_buf_puts(o, "\n\n");
  }
  if (f->explanation) { cb_buf_puts(o, "*"); md_text(o, f->explanation); cb_buf_puts(o, "*\n\n"); }
}

static void findings(cb_buf *o, const cb_brief *b, const cb_story_brief *s, const char *title,
                     cb_verdict v1, cb_verdict v2) {
  size_t n = 0;
  for (size_t i = 0; i < s->findings.n; i++) n += s->findings.v[i].verdict == v1 || s->findings.v[i].verdict == v2;
  if (!n) return;
  cb_buf_printf(o, "## %s (%zu)\n\n", title, n);
  int table = 0;
  for (size_t i = 0; i < s->findings.n; i++) {   /* quotes as blockquotes after the table */
    const cb_finding *f = &s->findings.v[i];
    if ((f->verdict != v1 && f->verdict != v2) || f->kind == CB_KIND_QUOTE) continue;
    if (!table++) cb_buf_puts(o, "| Verdict | Topic | Value | Sources say | Why |\n|---|---|---|---|---|\n");
    finding_row(o, b, f);
  }
  if (table) cb_buf_putc(o, '\n');
  for (size_t i = 0; i < s->findings.n; i++) {
    const cb_finding *f = &s->findings.v[i];
    if ((f->verdict == v1 || f->verdict == v2) && f->kind == CB_KIND_QUOTE) quote_block(o, b, f);
  }
}

static void names(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->entities.n) return;
  cb_buf_puts(o, "## Names\n\n| Name | Type | Forms (kind; articles) |\n|---|---|---|\n");
  for (size_t i = 0; i < s->entities.n; i++) {
    const cb_brief_entity *e = &s->entities.v[i];
    cb_buf_puts(o, "| ");
    md_text(o, e->name);
    cb_buf_puts(o, " | ");
    md_text(o, e->type ? e->type : "");
    cb_buf_puts(o, " | ");
    for (size_t k = 0; k < e->forms.n; k++) {
      if (k) cb_buf_puts(o, "; ");
      cb_buf_puts(o, "“");
      md_text(o, e->forms.v[k].text);
      cb_buf_puts(o, "” (");
      md_text(o, e->forms.v[k].kind ? e->forms.v[k].kind : "");
      cb_buf_puts(o, "; ");
      cite_list(o, b, &e->forms.v[k].articles);
      cb_buf_puts(o, ")");
    }
    cb_buf_puts(o, " |\n");
  }
  cb_buf_putc(o, '\n');
}

static void flags(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->flags.n) return;
  cb_buf_puts(o, "## Flags\n\n");
  for (size_t i = 0; i < s->flags.n; i++) {
    const cb_flag *f = &s->flags.v[i];
    cb_buf_puts(o, "- **");
    md_text(o, f->kind ? f->kind : "flag");
    cb_buf_puts(o, "** in ");
    cite(o, b, f->article);
    cb_buf_puts(o, ": ");
    md_text(o, f->why);
    cb_buf_puts(o, "\n\n  > ");
    md_text(o, f->text);
    cb_buf_puts(o, "\n");
  }
  cb_buf_putc(o, '\n');
}

static void timeline(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->timeline.n) return;
  cb_buf_puts(o, "## Timeline\n\n| Date | Precision | As written | What | Sources |\n|---|---|---|---|---|\n");
  for (size_t i = 0; i < s->timeline.n; i++) {
    const cb_event *ev = &s->timeline.v[i];
    cb_buf_puts(o, "| ");
    md_text(o, ev->date ? ev->date : "?");
    cb_buf_puts(o, " | ");
    md_text(o, ev->precision ? ev->precision : "");
    cb_buf_puts(o, " | ");
    md_text(o, ev->surface ? ev->surface : "");
    cb_buf_puts(o, " | ");
    md_text(o, ev->what ? ev->what : "");
    cb_buf_puts(o, " | ");
    cite_list(o, b, &ev->articles);
    cb_buf_puts(o, " |\n");
  }
  cb_buf_putc(o, '\n');
}

static void facts(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->facts.n) return;
  cb_buf_puts(o, "## Facts, best supported first\n\n");
  for (size_t i = 0; i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    cb_buf_printf(o, "%zu. ", i + 1);
    md_text(o, f->text);
    cb_buf_printf(o, " — *%d independent source%s:* ", f->independent, f->independent == 1 ? "" : "s");
    cite_list(o, b, &f->articles);
    cb_buf_putc(o, '\n');
  }
  cb_buf_putc(o, '\n');
}

static void summary(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->summary.n) return;
  cb_buf_puts(o, "## Summary\n\n");
  for (size_t i = 0; i < s->summary.n; i++) {
    const cb_summary_line *l = &s->summary.v[i];
    cb_buf_puts(o, !strcmp(l->kind, "conflict") ? "- **Conflict:** " : !strcmp(l->kind, "single") ? "- *One source:* " : "- ");
    md_text(o, l->text);
    cb_buf_putc(o, ' ');
    cite_list(o, b, &l->articles);
    cb_buf_putc(o, '\n');
  }
  cb_buf_putc(o, '\n');
}

void cb_render_markdown(cb_buf *o, const cb_brief *b) {
  for (size_t i = 0; i < b->stories.n; i++) {
    const cb_story_brief *s = &b->stories.v[i];
    cb_buf_printf(o, "# Story %ld: ", s->id);
    md_text(o, s->headline ? s->headline : "(no headline)");
    cb_buf_puts(o, "\n\n");
    if (s->first[0]) cb_buf_printf(o, "*%s to %s*\n\n", s->first, s->last[0] ? s->last : s->first);
    summary(o, b, s);
    sources(o, b, s);
    findings(o, b, s, "Conflicts", CB_CONFLICT, CB_CONFLICT);
    findings(o, b, s, "Uncertain: values differ, perhaps not about the same thing", CB_UNCERTAIN, CB_UNCERTAIN);
    findings(o, b, s, "Agreements", CB_AGREE, CB_COMPATIBLE);
    findings(o, b, s, "Variants: same statement, different words", CB_VARIANT, CB_VARIANT);
    findings(o, b, s, "Single-source claims", CB_SINGLE, CB_SINGLE);
    names(o, b, s);
    flags(o, b, s);
    timeline(o, b, s);
    facts(o, b, s);
  }
}
