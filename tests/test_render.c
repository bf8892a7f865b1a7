/*
 * test_render.c - the renderers of the brief on a small story built in memory (three
 * articles as JSON Lines, one of them hostile: script tags, event handlers, javascript:
 * links, broken entities, terminal escape sequences): the terminal text keeps to its width
 * and has colour codes only when asked, Markdown has its structure and escapes the text,
 * and the HTML page escapes the article text and fetches nothing from the network.
 */
#include "test.h"
#include "corroborate.h"
#include "corroborate/brief.h"
#include "report/render.h"
#include "report/term.h"
#include "report/html_diff.h"
#include <stdlib.h>

#define HOSTILE "<script>document.title='PWNED'</script><img src=x onerror=alert(1)> " \
  "<a href=\\\"javascript:alert(2)\\\">click</a> &amp &#xZZ; \\u001b]0;PWNED\\u0007 \\u001b[31mred\\u001b[0m " \
  "See http://evil.example/x.js for more."

static const char *corpus =
  "{\"title\":\"Ferry capsizes on Lake Varo, 163 on board\",\"outlet\":\"Varo Daily\",\"published\":\"2026-03-09\","
  "\"url\":\"https://varo.example/ferry\",\"text\":\"The ferry MV Tulia capsized on Lake Varo on Sunday with 163 passengers "
  "on board, the transport authority said. At least 21 people died. \\\"We will not rest until every family knows what "
  "happened,\\\" Governor Amina Tecle said in Kasenda.\"}\n"
  "{\"title\":\"Lake Varo ferry disaster: 136 passengers\",\"outlet\":\"Lakeside Courier\",\"published\":\"2026-03-09\","
  "\"text\":\"The ferry MV Tulia capsized on Lake Varo on Saturday with 136 passengers on board, the transport authority "
  "said. More than 20 people died. \\\"We will not rest until each family knows what happened,\\\" Governor Amina Tecle "
  "said in Kasenda. " HOSTILE "\"}\n"
  "{\"title\":\"MV Tulia: <b>inquiry</b> opens\",\"outlet\":\"Kasenda <Radio>\",\"published\":\"2026-03-10\","
  "\"url\":\"javascript:alert(3)\",\"text\":\"The ferry MV Tulia capsized on Lake Varo on Sunday with 163 passengers on "
  "board, the transport authority said. At least 23 people died, officials said on Monday.\"}\n";

typedef struct got { cb_article *a[8]; size_t n; } got;

static int keep(void *ud, cb_article *a) {
  got *g = ud;
  if (g->n < 8) g->a[g->n++] = a; else cb_article_free(a);
  return 0;
}

static cb_brief *build(got *g) {
  cb_brief *b = NULL;
  cb_error e;
  cb_ingest_buffer("mem.jsonl", corpus, strlen(corpus), NULL, keep, NULL, g);
  CHECK_INT(g->n, 3);
  CHECK_INT(cb_brief_build(g->a, NULL, g->n, &b, &e), 0);
  return b;
}

static char *render(cb_buf *o) { cb_buf_putc(o, '\0'); CHECK(!o->oom); return o->ptr; }

/* Every line fits the width (display columns). */
static int lines_fit(const char *s, int width) {
  for (const char *line = s; *line;) {
    const char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    if (cb_term_columns(line, n) > width) { fprintf(stderr, "too wide (%d): %.*s\n", width, (int)n, line); return 0; }
    line += n + (nl != NULL);
  }
  return 1;
}

static void test_text(const cb_brief *b) {
  int widths[] = {40, 60, 80, 120};
  for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
    cb_buf o;
    cb_buf_init(&o);
    cb_render_text(&o, b, 0, widths[i]);
    char *s = render(&o);
    CHECK(lines_fit(s, widths[i]));
    CHECK(!strchr(s, '\033'));
    CHECK(!strchr(s, '\007'));
    CHECK_CONTAINS(s, "Story 1:");
    CHECK_CONTAINS(s, "Conflicts (");
    CHECK_CONTAINS(s, "CONFLICT");
    if (widths[i] >= 80) CHECK_CONTAINS(s, "3 articles, 3 independent sources");
    cb_buf_free(&o);
  }
  cb_buf o;
  cb_buf_init(&o);
  cb_render_text(&o, b, 1, 80);
  char *s = render(&o);
  CHECK_CONTAINS(s, "\033[1m");
  CHECK_NOT_CONTAINS(s, "\033]");         /* the article's title-setting sequence is gone */
  CHECK_NOT_CONTAINS(s, "\033[31mred");   /* and its colour codes */
  CHECK(!strchr(s, '\007'));
  cb_buf_free(&o);
}

static void test_conflicts_first(const cb_brief *b) {
  cb_buf o;
  cb_buf_init(&o);
  cb_render_text(&o, b, 0, 80);
  char *s = render(&o);
  const char *c = strstr(s, "Conflicts ("), *a = strstr(s, "Agreements ("), *f = strstr(s, "Facts");
  CHECK(c && (!a || c < a));
  CHECK(c && f && c < f);
  cb_buf_free(&o);
}

/* Unescaped pipes on a line. */
static int pipes(const char *line, size_t n) {
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    if (line[i] == '\\') i++;
    else if (line[i] == '|') k++;
  }
  return k;
}

/* Every row of every Markdown table has as many cells as the table's header. */
static int tables_even(const char *s) {
  int want = -1;
  for (const char *line = s; *line;) {
    const char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    if (n && line[0] == '|') {
      int k = pipes(line, n);
      if (want < 0) want = k;
      else if (k != want) { fprintf(stderr, "table row with %d pipes, header %d: %.*s\n", k, want, (int)n, line); return 0; }
    } else want = -1;
    line += n + (nl != NULL);
  }
  return 1;
}

static void test_markdown(const cb_brief *b) {
  cb_buf o;
  cb_buf_init(&o);
  cb_render_markdown(&o, b);
  char *s = render(&o);
  CHECK(strncmp(s, "# Story 1: ", 11) == 0);
  CHECK_CONTAINS(s, "\n## Sources\n");
  CHECK_CONTAINS(s, "\n| # | Outlet | File | Published | Title | Copy of |\n|---|");
  CHECK_CONTAINS(s, "\n## Conflicts (");
  CHECK_CONTAINS(s, "| Verdict | Topic | Value | Sources say | Why |");
  CHECK_CONTAINS(s, "**conflict**");
  CHECK_CONTAINS(s, "Kasenda &lt;Radio&gt;");   /* outlet text escaped */
  CHECK_CONTAINS(s, "MV Tulia: &lt;b&gt;inquiry&lt;/b&gt; opens");
  CHECK_NOT_CONTAINS(s, "<script");
  CHECK_NOT_CONTAINS(s, "<b>");
  CHECK(!strchr(s, '\033'));
  CHECK(tables_even(s));
  cb_buf_free(&o);
}

static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) n++;
  return n;
}

static void test_html(const cb_brief *b) {
  cb_buf o;
  cb_buf_init(&o);
  cb_render_html(&o, b);
  char *s = render(&o);
  CHECK(strncmp(s, "<!DOCTYPE html>", 15) == 0);
  CHECK_INT(count(s, "<script"), 1);                 /* only the page's own script */
  CHECK_CONTAINS(s, "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;");
  CHECK_CONTAINS(s, "&lt;img src=x onerror=alert(1)&gt;");
  CHECK_NOT_CONTAINS(s, "<img");
  CHECK_NOT_CONTAINS(s, "href=\"javascript:");
  CHECK_NOT_CONTAINS(s, "<b>inquiry");
  CHECK_CONTAINS(s, "Kasenda &lt;Radio&gt;");
  CHECK_CONTAINS(s, "&amp;amp &amp;#xZZ;");
  CHECK(!strchr(s, '\033'));
  CHECK_CONTAINS(s, "Content-Security-Policy");
  CHECK_CONTAINS(s, "default-src 'none'");
  /* nothing is fetched: no resource attributes, no CSS imports or urls, no fonts */
  const char *fetchers[] = {" src=\"", "<link", "<iframe", "<object", "<embed", "@import", "url(", "@font-face", "<base"};
  for (size_t i = 0; i < sizeof fetchers / sizeof *fetchers; i++) CHECK_NOT_CONTAINS(s, fetchers[i]);
  /* the only web addresses are the article's own link and words of its text */
  for (const char *p = strstr(s, "http"); p; p = strstr(p + 1, "http")) {
    if (strncmp(p, "http://", 7) && strncmp(p, "https://", 8)) continue;
    CHECK(strncmp(p, "https://varo.example/ferry\"", 27) == 0 || strncmp(p, "http://evil.example/x.js for more.", 34) == 0);
  }
  CHECK_CONTAINS(s, "href=\"https://varo.example/ferry\"");
  /* claims link to anchored sentences, and the matrix colours cells by verdict */
  CHECK_CONTAINS(s, "<span class=\"cited\" id=\"s");
  CHECK_CONTAINS(s, "<a href=\"#s");
  CHECK_CONTAINS(s, "<td class=\"c v-conflict\"");
  CHECK_CONTAINS(s, "class=\"bar ");
  cb_buf_free(&o);
}

static void test_diff(void) {
  cb_buf o;
  cb_buf_init(&o);
  cb_html_diff(&o, "We will not rest until every family knows", "we will not rest until each family knows.");
  char *s = render(&o);
  CHECK_STR(s, "We will not rest until <mark class=\"diff\">every</mark> family knows");
  cb_buf_reset(&o);
  cb_html_diff(&o, "a <b> c", NULL);
  CHECK_STR(render(&o), "a &lt;b&gt; c");
  cb_buf_free(&o);
}

static void test_wrap_long_word(void) {
  cb_buf o;
  cb_buf_init(&o);
  cb_term t = {&o, 0, 30};
  cb_term_para(&t, 4, "lead:", NULL, "a verylongwordwithoutanyspacesatallthatmustbebrokenacrosslines end");
  CHECK(lines_fit(render(&o), 30));
  cb_buf_free(&o);
}

int main(void) {
  got g = {0};
  cb_brief *b = build(&g);
  if (b) {
    CHECK(b->stories.n >= 1);
    test_text(b);
    test_conflicts_first(b);
    test_markdown(b);
    test_html(b);
  }
  test_diff();
  test_wrap_long_word();
  cb_brief_free(b);
  for (size_t i = 0; i < g.n; i++) cb_article_free(g.a[i]);
  return test_report();
}
