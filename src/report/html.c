/*
 * html.c - the brief as one self-contained HTML page: inline CSS and script, no fonts, no
 * images, a Content-Security-Policy that forbids every network fetch and every script but
 * the page's own. Per story: sources, a coverage matrix (findings and facts x sources,
 * coloured by verdict), findings grouped by verdict with quote variants side by side
 * (differing words marked), names with their forms, flags, a drawn timeline, facts, and
 * each article's clean text with the cited sentences anchored so every claim links to it.
 */
#include "report/render.h"
#include "report/term.h"
#include "report/html_esc.h"
#include "report/html_diff.h"
#include "report/html_body.h"
#include "report/html_assets.h"
#include "report/html_timeline.h"
#include <string.h>
#include <xxhash.h>

static const cb_verdict order[] = {CB_CONFLICT, CB_UNCERTAIN, CB_AGREE, CB_COMPATIBLE, CB_VARIANT, CB_SINGLE};

static void sentence_link(cb_buf *o, const cb_brief *b, const cb_claim *c) {
  cb_buf_puts(o, "<a href=\"#");
  cb_html_sentence_id(o, b, c->article, c->sent_start);
  cb_buf_puts(o, "\">");
}

static void article_ref(cb_buf *o, const cb_brief *b, int a) {
  cb_buf_printf(o, "<a href=\"#art%lld\">[%lld]</a>", (long long)b->ids[a], (long long)b->ids[a]);
}

static void refs(cb_buf *o, const cb_brief *b, const cb_int_vec *v) {
  for (size_t i = 0; i < v->n; i++) { if (i) cb_buf_putc(o, ' '); article_ref(o, b, v->v[i]); }
}

static void sources(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  cb_buf_puts(o, "<h2>Sources</h2><table><tr><th>#</th><th>Outlet</th><th>File</th><th>Published</th><th>Title</th><th>Copy of</th></tr>");
  for (size_t i = 0; i < s->articles.n; i++) {
    int k = s->articles.v[i];
    const cb_article *a = b->articles[k];
    cb_buf_puts(o, "<tr><td>");
    article_ref(o, b, k);
    cb_buf_puts(o, "</td><td>");
    cb_html_str(o, a->outlet, "—");
    cb_buf_puts(o, "</td><td>");
    cb_html_str(o, cb_report_basename(a->source), "");
    if (a->line) cb_buf_printf(o, " line %ld", a->line);
    cb_buf_puts(o, "</td><td>");
    if (a->published[0]) { if (a->published_inferred) cb_buf_puts(o, "on or after "); cb_html_str(o, a->published, ""); }
    else cb_buf_puts(o, "unknown");
    cb_buf_puts(o, "</td><td>");
    cb_html_str(o, a->title, "—");
    cb_buf_puts(o, "</td><td>");
    if (b->duplicate_of[k] >= 0) { article_ref(o, b, (int)b->duplicate_of[k]); cb_buf_printf(o, " %.0f%% similar", b->similarity[k] * 100); }
    cb_buf_puts(o, "</td></tr>");
  }
  cb_buf_puts(o, "</table>");
}

static const cb_claim *claim_of(const cb_finding *f, int article) {
  for (size_t i = 0; i < f->claims.n; i++) if (f->claims.v[i].article == article) return &f->claims.v[i];
  return NULL;
}

/* The matrix shows at most MATRIX_COLS sources: independent ones first, then copies. */
#define MATRIX_COLS 40
typedef struct cols { int v[MATRIX_COLS]; size_t n, hidden; } cols;

static void pick_columns(const cb_brief *b, const cb_story_brief *s, cols *c) {
  c->n = c->hidden = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < s->articles.n; i++) {
      int a = s->articles.v[i];
      if ((b->duplicate_of[a] >= 0) != pass) continue;
      if (c->n < MATRIX_COLS) c->v[c->n++] = a; else c->hidden++;
    }
}

static void matrix_head(cb_buf *o, const cb_brief *b, const cols *s) {
  cb_buf_puts(o, "<h2>Coverage</h2><p class=\"legend\">");
  for (size_t i = 0; i < sizeof order / sizeof *order; i++)
    cb_buf_printf(o, "<span class=\"chip v-%s\">%s</span>", cb_verdict_name(order[i]), cb_verdict_name(order[i]));
  cb_buf_puts(o, "<span class=\"chip v-fact\">fact</span>");
  if (s->hidden) cb_buf_printf(o, " · %zu more articles are not shown as columns", s->hidden);
  cb_buf_puts(o, "</p><div class=\"matrix\"><table><tr><th>Finding or fact</th><th>Verdict</th>");
  for (size_t i = 0; i < s->n; i++) {
    int a = s->v[i];
    cb_buf_printf(o, "<th class=\"src\">[%lld] ", (long long)b->ids[a]);
    cb_html_str(o, cb_report_label(b, a), "");
    cb_buf_puts(o, "</th>");
  }
  cb_buf_puts(o, "</tr>");
}

static void matrix_finding(cb_buf *o, const cb_brief *b, const cols *s, const cb_finding *f) {
  const char *v = cb_verdict_name(f->verdict);
  cb_buf_puts(o, "<tr><td>");
  cb_html_str(o, f->topic, "");
  if (f->value) { cb_buf_puts(o, ": <b>"); cb_html_str(o, f->value, ""); cb_buf_puts(o, "</b>"); }
  cb_buf_printf(o, "</td><td><span class=\"chip v-%s\">%s</span></td>", v, v);
  for (size_t i = 0; i < s->n; i++) {
    const cb_claim *c = claim_of(f, s->v[i]);
    if (!c) { cb_buf_puts(o, "<td class=\"c\"></td>"); continue; }
    cb_buf_printf(o, "<td class=\"c v-%s\" title=\"", v);
    cb_html_str(o, c->text, "");
    cb_buf_puts(o, "\">");
    sentence_link(o, b, c);
    cb_html_str(o, f->kind == CB_KIND_QUOTE || !c->value ? "✓" : c->value, "");
    cb_buf_puts(o, "</a></td>");
  }
  cb_buf_puts(o, "</tr>");
}

static const cb_claim *sentence_of(const cb_fact *f, int article) {
  for (size_t i = 0; i < f->sentences.n; i++) if (f->sentences.v[i].article == article) return &f->sentences.v[i];
  return NULL;
}

static void matrix_fact(cb_buf *o, const cb_brief *b, const cols *s, const cb_fact *f) {
  cb_buf_puts(o, "<tr><td>");
  cb_html_str(o, f->text, "");
  cb_buf_printf(o, "</td><td><span class=\"chip v-fact\">%d src</span></td>", f->independent);
  for (size_t i = 0; i < s->n; i++) {
    const cb_claim *c = sentence_of(f, s->v[i]);
    if (!c) { cb_buf_puts(o, "<td class=\"c\"></td>"); continue; }
    cb_buf_puts(o, "<td class=\"c v-fact\" title=\"");
    cb_html_str(o, c->sentence ? c->sentence : c->text, "");
    cb_buf_puts(o, "\">");
    sentence_link(o, b, c);
    cb_buf_puts(o, "●</a></td>");
  }
  cb_buf_puts(o, "</tr>");
}

static void matrix(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->findings.n && !s->facts.n) return;
  cols c;
  pick_columns(b, s, &c);
  matrix_head(o, b, &c);
  for (size_t g = 0; g < sizeof order / sizeof *order; g++)
    for (size_t i = 0; i < s->findings.n; i++)
      if (s->findings.v[i].verdict == order[g]) matrix_finding(o, b, &c, &s->findings.v[i]);
  for (size_t i = 0; i < s->facts.n; i++) matrix_fact(o, b, &c, &s->facts.v[i]);
  cb_buf_puts(o, "</table></div>");
}

static void claim_item(cb_buf *o, const cb_brief *b, const cb_claim *c, int quote) {
  cb_buf_puts(o, "<li>");
  sentence_link(o, b, c);
  cb_buf_printf(o, "[%lld] ", (long long)b->ids[c->article]);
  cb_html_str(o, cb_report_label(b, c->article), "");
  cb_buf_puts(o, "</a>: “");
  cb_html_str(o, c->text, "");
  cb_buf_puts(o, "”");
  if (quote) { if (c->value) { cb_buf_puts(o, " — "); cb_html_str(o, c->value, ""); } }
  else if (c->value && c->text && strcmp(c->value, c->text)) { cb_buf_puts(o, " = <b>"); cb_html_str(o, c->value, ""); cb_buf_puts(o, "</b>"); }
  if (c->frame_text) { cb_buf_puts(o, " <span class=\"frame\">"); cb_html_str(o, c->frame_text, ""); cb_buf_puts(o, "</span>"); }
  cb_buf_puts(o, "</li>");
}

static void side_by_side(cb_buf *o, const cb_brief *b, const cb_finding *f) {
  cb_buf_puts(o, "<div class=\"sbs\">");
  for (size_t i = 0; i < f->claims.n; i++) {
    const cb_claim *c = &f->claims.v[i];
    const cb_claim *other = &f->claims.v[i == 0 ? 1 : 0];
    cb_buf_puts(o, "<blockquote>");
    cb_html_diff(o, c->text, other->text);
    cb_buf_puts(o, "<cite>");
    sentence_link(o, b, c);
    cb_buf_printf(o, "[%lld] ", (long long)b->ids[c->article]);
    cb_html_str(o, cb_report_label(b, c->article), "");
    cb_buf_puts(o, "</a></cite></blockquote>");
  }
  cb_buf_puts(o, "</div>");
}

static void finding(cb_buf *o, const cb_brief *b, const cb_finding *f) {
  const char *v = cb_verdict_name(f->verdict);
  cb_buf_printf(o, "<div class=\"finding v-%s\"><span class=\"chip v-%s\">%s</span> <b>", v, v, v);
  cb_html_str(o, f->topic, "");
  cb_buf_printf(o, "</b> <span class=\"sub\">%s · %d source%s</span>", cb_claim_kind_name(f->kind), f->independent, f->independent == 1 ? "" : "s");
  if (f->value) { cb_buf_puts(o, " — <b>"); cb_html_str(o, f->value, ""); cb_buf_puts(o, "</b>"); }
  cb_buf_puts(o, "<div class=\"why\">");
  cb_html_str(o, f->explanation, "");
  cb_buf_puts(o, "</div>");
  if (f->kind == CB_KIND_QUOTE && f->claims.n >= 2) side_by_side(o, b, f);
  else {
    cb_buf_puts(o, "<ul>");
    for (size_t i = 0; i < f->claims.n; i++) claim_item(o, b, &f->claims.v[i], f->kind == CB_KIND_QUOTE);
    cb_buf_puts(o, "</ul>");
  }
  cb_buf_puts(o, "</div>");
}

static void findings(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  static const struct { const char *title; cb_verdict a, c; } groups[] = {
    {"Conflicts", CB_CONFLICT, CB_CONFLICT},
    {"Uncertain: values differ, perhaps not about the same thing", CB_UNCERTAIN, CB_UNCERTAIN},
    {"Agreements", CB_AGREE, CB_COMPATIBLE},
    {"Variants: same statement, different words", CB_VARIANT, CB_VARIANT}, {"Single-source claims", CB_SINGLE, CB_SINGLE}};
  if (!s->findings.n) return;
  cb_buf_puts(o, "<h2>Findings</h2><p class=\"filter\">Show: ");
  for (size_t i = 0; i < sizeof order / sizeof *order; i++)
    cb_buf_printf(o, "<label><input type=\"checkbox\" value=\"%s\" checked> %s</label> ", cb_verdict_name(order[i]), cb_verdict_name(order[i]));
  cb_buf_puts(o, "</p>");
  for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
    size_t n = 0;
    for (size_t i = 0; i < s->findings.n; i++) n += s->findings.v[i].verdict == groups[g].a || s->findings.v[i].verdict == groups[g].c;
    if (!n) continue;
    cb_buf_printf(o, "<h3>%s (%zu)</h3>", groups[g].title, n);
    for (size_t i = 0; i < s->findings.n; i++)
      if (s->findings.v[i].verdict == groups[g].a || s->findings.v[i].verdict == groups[g].c) finding(o, b, &s->findings.v[i]);
  }
}

static void names(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->entities.n) return;
  cb_buf_puts(o, "<h2>Names</h2><table><tr><th>Name</th><th>Type</th><th>Forms seen (kind of difference; articles)</th></tr>");
  for (size_t i = 0; i < s->entities.n; i++) {
    const cb_brief_entity *e = &s->entities.v[i];
    cb_buf_puts(o, "<tr><td><b>");
    cb_html_str(o, e->name, "");
    cb_buf_puts(o, "</b></td><td>");
    cb_html_str(o, e->type, "");
    cb_buf_puts(o, "</td><td>");
    for (size_t k = 0; k < e->forms.n; k++) {
      if (k) cb_buf_puts(o, " · ");
      cb_buf_puts(o, "“");
      cb_html_str(o, e->forms.v[k].text, "");
      cb_buf_puts(o, "” <span class=\"sub\">");
      cb_html_str(o, e->forms.v[k].kind, "");
      cb_buf_puts(o, "</span> ");
      refs(o, b, &e->forms.v[k].articles);
    }
    cb_buf_puts(o, "</td></tr>");
  }
  cb_buf_puts(o, "</table>");
}

static void flags(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->flags.n) return;
  cb_buf_puts(o, "<h2>Flags</h2><ul class=\"flags\">");
  for (size_t i = 0; i < s->flags.n; i++) {
    const cb_flag *f = &s->flags.v[i];
    cb_buf_puts(o, "<li><span class=\"flag-kind\">");
    cb_html_str(o, f->kind, "flag");
    cb_buf_puts(o, "</span> in ");
    article_ref(o, b, f->article);
    cb_buf_puts(o, " ");
    cb_html_str(o, cb_report_label(b, f->article), "");
    cb_buf_puts(o, ": ");
    cb_html_str(o, f->why, "");
    cb_buf_puts(o, "<br><q>");
    cb_html_str(o, f->text, "");
    cb_buf_puts(o, "</q></li>");
  }
  cb_buf_puts(o, "</ul>");
}

static void facts(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->facts.n) return;
  cb_buf_puts(o, "<h2>Facts, best supported first</h2><ol>");
  for (size_t i = 0; i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    cb_buf_puts(o, "<li>");
    cb_html_str(o, f->text, "");
    cb_buf_printf(o, " <span class=\"chip v-%s\">%d source%s</span> ", f->independent > 1 ? "fact" : "single", f->independent, f->independent == 1 ? "" : "s");
    for (size_t k = 0; k < f->sentences.n; k++) {
      sentence_link(o, b, &f->sentences.v[k]);
      cb_buf_printf(o, "[%lld]</a> ", (long long)b->ids[f->sentences.v[k].article]);
    }
    cb_buf_puts(o, "</li>");
  }
  cb_buf_puts(o, "</ol>");
}

static void summary(cb_buf *o, const cb_brief *b, const cb_story_brief *s) {
  if (!s->summary.n) return;
  cb_buf_puts(o, "<h2>Summary</h2><ul class=\"summary\">");
  for (size_t i = 0; i < s->summary.n; i++) {
    const cb_summary_line *l = &s->summary.v[i];
    cb_buf_printf(o, "<li><span class=\"chip v-%s\">%s</span> ", !strcmp(l->kind, "conflict") ? "conflict" : !strcmp(l->kind, "fact") ? "fact" : "single",
                  !strcmp(l->kind, "conflict") ? "conflict" : !strcmp(l->kind, "fact") ? "fact" : "one source");
    cb_html_str(o, l->text, "");
    for (size_t k = 0; k < l->articles.n; k++) {
      cb_buf_puts(o, " ");
      article_ref(o, b, l->articles.v[k]);
    }
    cb_buf_puts(o, "</li>");
  }
  cb_buf_puts(o, "</ul>");
}

static void bodies(cb_buf *o, const cb_brief *b, const cb_story_brief *s, cb_html_cites *cites) {
  if (cites) cb_html_cites_story(cites, s);
  cb_buf_puts(o, "<h2>The articles</h2>");
  for (size_t i = 0; i < s->articles.n; i++) {
    int k = s->articles.v[i];
    const cb_article *a = b->articles[k];
    cb_buf_printf(o, "<article class=\"src\" id=\"art%lld\"><h3>[%lld] ", (long long)b->ids[k], (long long)b->ids[k]);
    cb_html_str(o, a->title ? a->title : cb_report_label(b, k), "");
    cb_buf_puts(o, "</h3><p class=\"sub\">");
    cb_html_str(o, a->outlet, "no outlet");
    cb_buf_puts(o, " · ");
    cb_html_str(o, a->source, "");
    if (a->line) cb_buf_printf(o, " line %ld", a->line);
    cb_buf_puts(o, " · ");
    cb_html_str(o, a->published[0] ? a->published : "date unknown", "");
    if (cb_html_url_ok(a->url)) {
      cb_buf_puts(o, " · <a rel=\"noreferrer noopener\" href=\"");
      cb_html_str(o, a->url, "");
      cb_buf_puts(o, "\">original</a>");
    }
    if (b->duplicate_of[k] >= 0) { cb_buf_puts(o, " · <span class=\"dup\">copy of "); article_ref(o, b, (int)b->duplicate_of[k]); cb_buf_puts(o, "</span>"); }
    cb_buf_puts(o, "</p><div class=\"body\">");
    if (cites) cb_html_body(o, cites, k);
    else cb_html_str(o, a->body, "");
    cb_buf_puts(o, "</div></article>");
  }
}

static void story(cb_buf *o, const cb_brief *b, const cb_story_brief *s, cb_html_cites *cites) {
  size_t ind = cb_report_independent(b, s);
  cb_buf_printf(o, "<section class=\"story\" id=\"story%ld\"><h1>Story %ld: ", s->id, s->id);
  cb_html_str(o, s->headline, "(no headline)");
  cb_buf_puts(o, "</h1><p class=\"sub\">");
  if (s->first[0]) { cb_html_str(o, s->first, ""); cb_buf_puts(o, " to "); cb_html_str(o, s->last[0] ? s->last : s->first, ""); cb_buf_puts(o, " · "); }
  cb_buf_printf(o, "%zu article%s, %zu independent source%s</p>", s->articles.n, s->articles.n == 1 ? "" : "s", ind, ind == 1 ? "" : "s");
  summary(o, b, s);
  sources(o, b, s);
  matrix(o, b, s);
  findings(o, b, s);
  names(o, b, s);
  flags(o, b, s);
  cb_html_timeline(o, b, s);
  facts(o, b, s);
  bodies(o, b, s, cites);
  cb_buf_puts(o, "</section>");
}

/* A nonce for the page's own script, derived from the articles so output is reproducible. */
static unsigned long long nonce(const cb_brief *b) {
  XXH64_hash_t h = XXH64("corroborate", 11, b->narticles);
  for (size_t i = 0; i < b->narticles; i++)
    if (b->articles[i] && b->articles[i]->body) h = XXH64(b->articles[i]->body, b->articles[i]->body_len, h);
  return (unsigned long long)h;
}

void cb_render_html(cb_buf *o, const cb_brief *b) {
  unsigned long long n = nonce(b);
  cb_buf_printf(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                   "script-src 'nonce-%016llx'; img-src data:; base-uri 'none'; form-action 'none'\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<meta name=\"generator\" content=\"corroborate " CB_VERSION "\"><title>Corroborate brief", n);
  if (b->stories.n == 1) { cb_buf_puts(o, ": "); cb_html_str(o, b->stories.v[0].headline, ""); }
  cb_buf_printf(o, "</title><style>%s</style></head><body><header class=\"top\"><b>CORROBORATE</b> brief · %zu stor%s, %zu article%s",
                cb_html_css, b->stories.n, b->stories.n == 1 ? "y" : "ies", b->narticles, b->narticles == 1 ? "" : "s");
  if (b->stories.n > 1) {
    cb_buf_puts(o, "<nav class=\"stories\"> · ");
    for (size_t i = 0; i < b->stories.n; i++) cb_buf_printf(o, "<a href=\"#story%ld\">Story %ld</a>", b->stories.v[i].id, b->stories.v[i].id);
    cb_buf_puts(o, "</nav>");
  }
  cb_buf_puts(o, "</header><main>");
  cb_html_cites *cites = cb_html_cites_new(b);
  if (!cites) o->oom = 1;
  for (size_t i = 0; i < b->stories.n; i++) story(o, b, &b->stories.v[i], cites);
  cb_html_cites_free(cites);
  cb_buf_printf(o, "</main><script nonce=\"%016llx\">%s</script></body></html>\n", n, cb_html_js);
}
