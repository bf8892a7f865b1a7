/*
 * html_emit.c - writes the article out of the chosen containers: paragraphs in document
 * order separated by "\n\n", figure captions kept apart, and every block left out
 * recorded as dropped with its reason (navigation, share, newsletter, comments, most
 * read, related, ads, boilerplate outside the main text ...), one entry per block,
 * its text cut to about 300 bytes. Inside the content, boxes are cleaned the way
 * Readability cleans them: link lists, class/id boilerplate, asides and headers go.
 */
#include "ingest/html.h"
#include "core/article.h"
#include "core/buf.h"
#include "text/utf8.h"
#include "core/data.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DROP_TEXT_MAX 300
#define MAX_DROPS 80

typedef struct phrase { char text[48]; uint8_t len, reason, anywhere; uint16_t max; } phrase;
static phrase phrases[160];
static size_t nphrases;
static pthread_once_t once = PTHREAD_ONCE_INIT;


/* One line of data/html/phrases.txt: REASON MAXCHARS PHRASE (the phrase may end in a space). */
static void parse_phrase(const char *s, const char *end) {
  if (s >= end || *s == '#' || nphrases >= sizeof phrases / sizeof *phrases) return;
  const char *sp = memchr(s, ' ', (size_t)(end - s));
  if (!sp) return;
  int parsed = cb_drop_reason_parse(s, (size_t)(sp - s));
  uint8_t r = (uint8_t)(parsed ? parsed : CB_DROP_BOILERPLATE);
  long max = strtol(sp + 1, (char **)&s, 10);
  if (s >= end || *s != ' ') return;
  s++;
  size_t n = (size_t)(end - s);
  if (n == 0 || n >= sizeof phrases[0].text) return;
  phrase *p = &phrases[nphrases++];
  p->anywhere = s[0] == '*';
  if (p->anywhere) { s++; n--; }
  memcpy(p->text, s, n);
  p->text[n] = 0;
  p->len = (uint8_t)n;
  p->reason = r;
  p->max = (uint16_t)(max > 60000 ? 60000 : max < 0 ? 0 : max);
}

static void load_phrases(void) {
  size_t n = 0;
  const char *d = cb_data_need("html/phrases.txt", &n);
  if (!d) return;
  const char *end = d + n;
  while (d < end) {
    const char *nl = memchr(d, '\n', (size_t)(end - d));
    if (!nl) nl = end;
    parse_phrase(d, nl);
    d = nl + 1;
  }
}

static int contains_ci(const char *s, size_t n, const char *w, size_t wn) {
  for (size_t i = 0; i + wn <= n; i++)
    if ((s[i] | 32) == w[0] && strncasecmp(s + i, w, wn) == 0) return 1;
  return 0;
}

/* The drop reason a short block's words alone give, or 0. */
static uint8_t phrase_reason(const char *s, size_t n) {
  pthread_once(&once, load_phrases);
  if (n == 0) return 0;
  unsigned char c0 = (unsigned char)s[0];
  if (c0 >= 'A' && c0 <= 'Z') c0 = (unsigned char)(c0 + 32);
  for (size_t i = 0; i < nphrases; i++) {
    const phrase *p = &phrases[i];
    if (p->anywhere) {
      if (n <= p->max && contains_ci(s, n, p->text, p->len)) return p->reason;
      continue;
    }
    if ((unsigned char)p->text[0] != c0) continue;
    if (n < p->len || n > p->max || strncasecmp(s, p->text, p->len) != 0) continue;
    /* a whole-word match: the phrase ends the text or a word */
    if (n == p->len || p->text[p->len - 1] == ' ' || p->text[p->len - 1] == ':' ||
        !isalnum((unsigned char)s[p->len]))
      return p->reason;
  }
  return 0;
}

typedef struct emitter {
  cb_hdoc *d;
  cb_article *a;
  cb_buf body, para;
  int pre;              /* inside <pre> */
  int para_tag;         /* the block the current paragraph sits in */
  uint32_t content_chars;
  int rc;
} emitter;

static void drop(emitter *m, uint8_t reason, const char *text, size_t n, const char *why) {
  if (m->a->ndropped >= MAX_DROPS || n == 0) return;
  if (n > DROP_TEXT_MAX) {
    n = DROP_TEXT_MAX;
    while (n && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  }
  size_t bad;
  if (!cb_utf8_valid(text, n, &bad)) n = bad;
  size_t len;
  char *t = cb_html_normalize(m->a->arena, text, n, &len);
  if (!t || cb_article_drop(m->a, (cb_drop_reason)reason, t, len, why)) m->rc = CB_ENOMEM;
}

static void drop_node(emitter *m, uint32_t k, uint8_t reason, const char *why) {
  char *t = cb_html_node_text(m->d, k, m->d->arena, DROP_TEXT_MAX);
  if (!t) { m->rc = CB_ENOMEM; return; }
  drop(m, reason, t, strlen(t), why);
}

static int is_heading(int t) { return t >= HT_H1 && t <= HT_H6; }

static int same_as_title(const emitter *m, const char *s, size_t n) {
  const char *t = m->a->title;
  if (!t) return 0;
  size_t tn = strlen(t);
  return (n == tn && strncasecmp(s, t, n) == 0) || (n > 20 && tn >= n && strncasecmp(s, t, n) == 0);
}

/* Ends the current paragraph: into the body, or dropped when its words say boilerplate. */
static void flush(emitter *m) {
  cb_buf *p = &m->para;
  while (p->len && (p->ptr[p->len - 1] == ' ' || p->ptr[p->len - 1] == '\n')) p->len--;
  if (p->len == 0) return;
  uint8_t r = phrase_reason(p->ptr, p->len);
  if (r) drop(m, r, p->ptr, p->len, "boilerplate words");
  else if (is_heading(m->para_tag) && same_as_title(m, p->ptr, p->len))
    drop(m, CB_DROP_METADATA, p->ptr, p->len, "the headline, kept as the title");
  else {
    if (m->body.len) cb_buf_append(&m->body, "\n\n", 2);
    cb_buf_append(&m->body, p->ptr, p->len);
  }
  cb_buf_reset(p);
}

static void put_text(emitter *m, const char *s, uint32_t n) {
  cb_buf *p = &m->para;
  if (cb_buf_reserve(p, n)) return;   /* remembered in p->oom */
  char *o = p->ptr;
  size_t len = p->len;
  for (uint32_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\r' || c == '\t' || (c == '\n' && !m->pre)) c = ' ';
    if (c == ' ' && (len == 0 || o[len - 1] == ' ' || o[len - 1] == '\n')) continue;
    o[len++] = c;
  }
  p->len = len;
}

static float link_density(const cb_hnode *x) {
  return x->chars ? (float)x->link_chars / (float)x->chars : 0;
}

/* Why an element inside the content goes, or 0 to keep it; *why gets the explanation. */
static uint8_t verdict(const emitter *m, const cb_hnode *x, const char **why) {
  float share = m->content_chars ? (float)x->chars / (float)m->content_chars : 0;
  switch (x->tag) {
  case HT_NAV: *why = "navigation menu"; return CB_DROP_NAVIGATION;
  case HT_ASIDE: *why = "aside box"; return x->drop_reason ? x->drop_reason : CB_DROP_BOILERPLATE;
  case HT_FORM: if (share < 0.3f) { *why = "form"; return CB_DROP_BOILERPLATE; } break;
  case HT_HEADER: if (share < 0.3f) { *why = "header of the article"; return CB_DROP_METADATA; } break;
  case HT_FOOTER: if (share < 0.3f) { *why = "footer"; return x->drop_reason ? x->drop_reason : CB_DROP_NAVIGATION; } break;
  default: break;
  }
  if (x->tag == HT_SPAN && x->chars > 120 && x->link_chars * 10 >= x->chars * 8) {
    *why = "a run of links inside a paragraph";
    return CB_DROP_RELATED;
  }
  if (x->tag == HT_SPAN && x->drop_reason != CB_DROP_SHARE && x->drop_reason != CB_DROP_AD) return 0;
  if (x->weight < 0 && x->drop_reason && share < 0.35f) { *why = "class/id names boilerplate"; return x->drop_reason; }
  if ((x->tag == HT_P || x->tag == HT_DIV || (is_heading(x->tag) && x->tag != HT_H1)) && x->chars &&
      x->chars < 200 && x->link_chars * 10 >= x->chars * 8) {
    *why = "a link on its own";
    return CB_DROP_RELATED;
  }
  if (x->weight < 0 && is_heading(x->tag)) { *why = "heading of a boilerplate box"; return CB_DROP_BOILERPLATE; }
  switch (x->tag) {
  case HT_DIV: case HT_SECTION: case HT_UL: case HT_OL: case HT_TABLE: case HT_DL: case HT_FIELDSET:
    if (x->commas < 10 && x->chars && share < 0.5f) {
      float ld = link_density(x);
      if (ld > 0.5f || (x->weight < 25 && !x->content_hint && ld > 0.2f && x->tag != HT_UL && x->tag != HT_OL)) {
        *why = "mostly links";
        return CB_DROP_RELATED;
      }
    }
    break;
  default: break;
  }
  return 0;
}

/* A figure: its caption text goes to the captions, nothing to the body. */
static void take_figure(emitter *m, uint32_t k) {
  cb_hdoc *d = m->d;
  for (uint32_t c = k; c; c = cb_html_next(d, c, k, 1)) {
    int t = d->nodes[c].tag;
    if (t != HT_FIGCAPTION && !(c == k && t == HT_FIGCAPTION) && !(d->nodes[c].drop_reason == CB_DROP_CAPTION && c != k))
      continue;
    char *s = cb_html_node_text(d, c, d->arena, 2000);
    if (!s) { m->rc = CB_ENOMEM; return; }
    size_t n = strlen(s), bad;
    if (n && cb_utf8_valid(s, n, &bad)) {
      size_t len;
      char *t2 = cb_html_normalize(m->a->arena, s, n, &len);
      if (!t2 || cb_article_add_caption(m->a, t2, len)) m->rc = CB_ENOMEM;
    }
    return;
  }
}

/* What a region outside the content is, for the drop list. */
/* A more telling reason from inside a box: the first element with a specific reason that
 * holds at least half of the box's text (a "most read" list inside a sidebar). */
static uint8_t inner_reason(const cb_hdoc *d, uint32_t k) {
  for (uint32_t c = d->nodes[k].first; c; c = cb_html_next(d, c, k, 1)) {
    const cb_hnode *y = &d->nodes[c];
    if (y->drop_reason && y->drop_reason != CB_DROP_BOILERPLATE && y->weight < 0 && y->tag != HT_SPAN &&
        y->chars * 2 >= d->nodes[k].chars)
      return y->drop_reason;
  }
  return 0;
}

static uint8_t region_reason(cb_hdoc *d, uint32_t k, const char *text, const char **why) {
  const cb_hnode *x = &d->nodes[k];
  if (x->drop_reason && x->drop_reason != CB_DROP_BOILERPLATE) { *why = "class/id names boilerplate"; return x->drop_reason; }
  uint8_t inner = inner_reason(d, k);
  if (inner) { *why = "class/id names boilerplate"; return inner; }
  if (x->drop_reason) { *why = "class/id names boilerplate"; return x->drop_reason; }
  switch (x->tag) {
  case HT_NAV: case HT_MENU: *why = "navigation menu"; return CB_DROP_NAVIGATION;
  case HT_HEADER: *why = "page header"; return CB_DROP_NAVIGATION;
  case HT_FOOTER: *why = "page footer"; return CB_DROP_NAVIGATION;
  case HT_ASIDE: *why = "aside box"; return CB_DROP_BOILERPLATE;
  default: break;
  }
  uint8_t r = phrase_reason(text, strlen(text));
  if (r) { *why = "boilerplate words"; return r; }
  if (x->chars && (float)x->link_chars / (float)x->chars > 0.5f) { *why = "links outside the main text"; return CB_DROP_NAVIGATION; }
  *why = "outside the main text";
  return CB_DROP_BOILERPLATE;
}

static void drop_region(emitter *m, uint32_t k) {
  cb_hnode *x = &m->d->nodes[k];
  if (x->hidden || cb_htag_is_skipped(x->tag) || x->chars == 0) return;
  char *t = cb_html_node_text(m->d, k, m->d->arena, DROP_TEXT_MAX);
  if (!t) { m->rc = CB_ENOMEM; return; }
  const char *why = "";
  uint8_t r = region_reason(m->d, k, t, &why);
  drop(m, r, t, strlen(t), why);
}

/* Walks the tree in document order with an explicit stack of open elements. */
static void walk(emitter *m) {
  cb_hdoc *d = m->d;
  uint32_t *stack = malloc(sizeof *stack * (d->nnodes + 1));
  if (!stack) { m->rc = CB_ENOMEM; return; }
  size_t depth = 0;
  int inside = 0;          /* depth at which the kept region began, 0 = outside */
  uint32_t k = d->nodes[0].first;
  while (k) {
    cb_hnode *x = &d->nodes[k];
    while (depth && stack[depth - 1] != x->parent) {   /* leave finished elements */
      cb_hnode *o = &d->nodes[stack[--depth]];
      if (cb_htag_is_block(o->tag)) flush(m);
      if (o->tag == HT_PRE && m->pre) m->pre--;
      if (inside && (int)depth < inside) inside = 0;
    }
    int into = 1;
    if (!inside && x->keep == 1) inside = (int)depth + 1;
    if (!inside) {
      if (x->keep != 2) { if (x->tag != HT_TEXT && x->tag != HT_HEAD) drop_region(m, k); into = 0; }
    } else if (x->tag == HT_TEXT) {
      if (!x->hidden) put_text(m, d->text + x->text_off, x->text_len);
    } else if (x->hidden || cb_htag_is_skipped(x->tag)) {
      into = 0;
    } else if (x->tag == HT_FIGURE || x->tag == HT_FIGCAPTION || (x->drop_reason == CB_DROP_CAPTION && x->chars < 400)) {
      flush(m);
      take_figure(m, k);
      into = 0;
    } else {
      const char *why = NULL;
      uint8_t r = verdict(m, x, &why);
      if (r) { flush(m); drop_node(m, k, r, why); into = 0; }
      else if (x->tag == HT_BR) { if (m->para.len) cb_buf_putc(&m->para, '\n'); }
      else if (cb_htag_is_block(x->tag)) { flush(m); m->para_tag = x->tag; if (x->tag == HT_PRE) m->pre++; }
    }
    int push = into && x->tag != HT_TEXT && x->first;
    if (!push && inside == (int)depth + 1) inside = 0;   /* a kept element with no children */
    if (push) stack[depth++] = k;
    else if (into && x->tag != HT_TEXT && cb_htag_is_block(x->tag)) flush(m);
    k = cb_html_next(d, k, 0, into);
  }
  flush(m);
  free(stack);
}

/* Marks the ancestors of kept nodes (keep = 2) and sums the kept characters. */
static uint32_t mark_paths(cb_hdoc *d) {
  uint32_t total = 0;
  for (uint32_t i = 1; i < d->nnodes; i++) {
    if (d->nodes[i].keep != 1) continue;
    total += d->nodes[i].chars;
    for (uint32_t p = d->nodes[i].parent; p && !d->nodes[p].keep; p = d->nodes[p].parent) d->nodes[p].keep = 2;
  }
  return total;
}

int cb_html_emit(cb_hdoc *d, cb_article *a) {
  emitter m;
  memset(&m, 0, sizeof m);
  m.d = d;
  m.a = a;
  cb_buf_init(&m.body);
  cb_buf_init(&m.para);
  m.content_chars = mark_paths(d);
  walk(&m);
  int rc = m.rc;
  if (!rc && (m.body.oom || m.para.oom)) rc = CB_ENOMEM;
  if (!rc && m.body.len) {
    size_t bad, len;
    if (!cb_utf8_valid(m.body.ptr, m.body.len, &bad)) m.body.len = bad;
    char *t = cb_html_normalize(a->arena, m.body.ptr, m.body.len, &len);
    if (!t) rc = CB_ENOMEM;
    else { a->body = t; a->body_len = len; }
  }
  cb_buf_free(&m.body);
  cb_buf_free(&m.para);
  return rc;
}
