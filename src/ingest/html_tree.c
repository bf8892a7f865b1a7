/*
 * html_tree.c - builds the reader's compact element tree from libxml2's HTML parser in SAX
 * mode (no libxml2 tree is built: faster, and we keep only what the extractor needs):
 * tag, the class/id verdict the pre-pass computed (the "h" attribute), hidden flags, text
 * runs; <meta>, <link rel=canonical>, <title>, <time datetime> and author markup are
 * collected on the way.
 */
#include "ingest/html.h"
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TAG_CACHE 64

typedef struct builder {
  cb_hdoc *doc;
  uint32_t cur;              /* the open element */
  uint32_t title_node;       /* the <title> element while it is open */
  uint32_t link_depth;       /* open <a> elements */
  const xmlChar *tag_name[TAG_CACHE];   /* element names seen, by pointer */
  uint8_t tag_id[TAG_CACHE];
} builder;

static uint32_t new_node(cb_hdoc *d, int tag, uint32_t parent) {
  if (d->oom) return 0;
  if (d->nnodes == d->cap) {
    uint32_t cap = d->cap ? d->cap * 2 : 1024;
    cb_hnode *nn = realloc(d->nodes, (size_t)cap * sizeof *nn);
    if (!nn) { d->oom = 1; return 0; }
    d->nodes = nn;
    d->cap = cap;
  }
  uint32_t i = d->nnodes++;
  cb_hnode *x = &d->nodes[i];
  memset(x, 0, sizeof *x);
  x->tag = (uint16_t)tag;
  x->parent = parent;
  if (i) {
    cb_hnode *p = &d->nodes[parent];
    if (p->last) d->nodes[p->last].next = i; else p->first = i;
    p->last = i;
    x->hidden = p->hidden;
  }
  return i;
}

static void add_meta(cb_hdoc *d, const char *k, const char *v) {
  if (!k || !v || d->nmeta >= 512) return;
  if (d->nmeta == d->meta_cap) {
    size_t cap = d->meta_cap ? d->meta_cap * 2 : 32;
    cb_hmeta *m = cb_arena_alloc(d->arena, cap * sizeof *m);
    if (!m) { d->oom = 1; return; }
    if (d->nmeta) memcpy(m, d->meta, d->nmeta * sizeof *m);
    d->meta = m;
    d->meta_cap = cap;
  }
  char *kk = cb_arena_strdup(d->arena, k), *vv = cb_arena_strdup(d->arena, v);
  if (!kk || !vv) { d->oom = 1; return; }
  for (char *p = kk; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  d->meta[d->nmeta].key = kk;
  d->meta[d->nmeta].value = vv;
  d->nmeta++;
}

/* The attributes the reader looks at, found in one pass (libxml2 gives names lower-case). */
typedef struct attrs {
  const char *hint, *itemprop, *style, *rel, *hidden, *property, *name, *content, *href, *datetime;
} attrs;

static void read_attrs(const xmlChar **atts, attrs *v) {
  memset(v, 0, sizeof *v);
  for (int i = 0; atts && atts[i]; i += 2) {
    const char *k = (const char *)atts[i], *val = atts[i + 1] ? (const char *)atts[i + 1] : "";
    switch (k[0]) {
    case 'c': if (!strcmp(k, "content")) v->content = val; break;
    case 'd': if (!strcmp(k, "datetime")) v->datetime = val; break;
    case 'h': if (!k[1]) v->hint = val; else if (!strcmp(k, "hidden")) v->hidden = val; else if (!strcmp(k, "href")) v->href = val; break;
    case 'i': if (!strcmp(k, "itemprop")) v->itemprop = val; break;
    case 'n': if (!strcmp(k, "name")) v->name = val; break;
    case 'p': if (!strcmp(k, "property")) v->property = val; break;
    case 'r': if (!strcmp(k, "rel")) v->rel = val; break;
    case 's': if (!strcmp(k, "style")) v->style = val; break;
    default: break;
    }
  }
}

static int style_hides(const char *s) {
  if (!s) return 0;
  char c[128];
  size_t j = 0;
  for (; *s && j + 1 < sizeof c; s++) if (*s != ' ') c[j++] = (char)(*s | 0x20);
  c[j] = 0;
  return strstr(c, "display:none") || strstr(c, "visibility:hidden");
}

/* Tags whose class/id is worth weighing (inline formatting is not). */
static int weighs(int t) {
  return t != HT_A && t != HT_B && t != HT_I && t != HT_EM && t != HT_STRONG && t != HT_FONT &&
         t != HT_CODE && t != HT_BR && t != HT_IMG && t != HT_TIME;
}

static int hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes the pre-pass's "h=WWRFCCCC" (see html_strip.c): weight, drop reason, content
 * flag, class hash; returns the flags (2: itemprop author), 0 if malformed. */
static int set_hint(cb_hnode *x, const char *h) {
  int v[8];
  for (int i = 0; i < 8; i++) if ((v[i] = hexval(h[i])) < 0) return 0;
  if (h[8]) return 0;
  if (weighs(x->tag)) {
    x->weight = (int8_t)(v[0] * 16 + v[1] - 128);
    x->drop_reason = (uint8_t)v[2];
    x->content_hint = (v[3] & 1) != 0;
  }
  x->class_hash = (uint16_t)(v[4] << 12 | v[5] << 8 | v[6] << 4 | v[7]);
  return v[3];
}

static void collect_meta(builder *b, int tag, const attrs *v) {
  cb_hdoc *d = b->doc;
  if (tag == HT_META) {
    const char *k = v->property ? v->property : v->name;
    if (k) add_meta(d, k, v->content);
    else if (v->itemprop) {   /* itemprop may list several names: "datePublished dateCreated" */
      char one[64];
      for (const char *p = v->itemprop; *p;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (n && n < sizeof one) { memcpy(one, p, n); one[n] = 0; add_meta(d, one, v->content); }
        p += n;
      }
    }
  } else if (tag == HT_LINK) {
    if (v->rel && strcasecmp(v->rel, "canonical") == 0) add_meta(d, "canonical", v->href);
  } else if (tag == HT_TIME && !d->time_datetime) {
    if (v->datetime && *v->datetime && !(d->time_datetime = cb_arena_strdup(d->arena, v->datetime))) d->oom = 1;
  }
}

/* libxml2 hands out element names from its dictionary, one pointer per name, so a small
 * cache keyed by the pointer saves most name lookups. */
static int tag_of(builder *b, const xmlChar *name) {
  uintptr_t k = ((uintptr_t)name >> 4) & (TAG_CACHE - 1);
  if (b->tag_name[k] != name) {
    b->tag_name[k] = name;
    b->tag_id[k] = (uint8_t)cb_htag_lookup((const char *)name);
  }
  return b->tag_id[k];
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  builder *b = ((htmlParserCtxtPtr)ctx)->_private;
  cb_hdoc *d = b->doc;
  int tag = tag_of(b, name);
  uint32_t i = new_node(d, tag, b->cur);
  if (d->oom) return;
  b->cur = i;
  cb_hnode *x = &d->nodes[i];
  if (tag == HT_A) b->link_depth++;
  x->in_link = b->link_depth > 0;
  if (tag == HT_TITLE && !d->title_tag) b->title_node = i;
  if (!atts) return;
  attrs v;
  read_attrs(atts, &v);
  collect_meta(b, tag, &v);
  int flags = v.hint ? set_hint(x, v.hint) : 0;
  if (v.hidden || style_hides(v.style)) x->hidden = 1;
  if (!d->author_node && ((flags & 2) || (v.rel && strcasecmp(v.rel, "author") == 0))) d->author_node = i;
}

static void on_end(void *ctx, const xmlChar *name) {
  builder *b = ((htmlParserCtxtPtr)ctx)->_private;
  cb_hdoc *d = b->doc;
  if (d->oom || !b->cur) return;
  int tag = tag_of(b, name);
  uint32_t n = b->cur;
  while (n && d->nodes[n].tag != tag) n = d->nodes[n].parent;
  if (!n) return;   /* a stray end tag */
  for (uint32_t k = b->cur; k != d->nodes[n].parent; k = d->nodes[k].parent)
    if (d->nodes[k].tag == HT_A && b->link_depth) b->link_depth--;
  if (n == b->title_node) {
    if (!(d->title_tag = cb_html_node_text(d, n, d->arena, 1000))) d->oom = 1;
    b->title_node = 0;
  }
  b->cur = d->nodes[n].parent;
}

static void on_text(void *ctx, const xmlChar *s, int len) {
  builder *b = ((htmlParserCtxtPtr)ctx)->_private;
  cb_hdoc *d = b->doc;
  if (d->oom || len <= 0) return;
  if (d->text_len + (size_t)len + 1 > d->text_cap) {
    size_t cap = d->text_cap ? d->text_cap * 2 : 65536;
    while (cap < d->text_len + (size_t)len + 1) cap *= 2;
    char *t = realloc(d->text, cap);
    if (!t) { d->oom = 1; return; }
    d->text = t;
    d->text_cap = cap;
  }
  cb_hnode *p = &d->nodes[b->cur];
  if (p->last && d->nodes[p->last].tag == HT_TEXT &&
      d->nodes[p->last].text_off + d->nodes[p->last].text_len == d->text_len) {
    d->nodes[p->last].text_len += (uint32_t)len;
  } else {
    uint32_t i = new_node(d, HT_TEXT, b->cur);
    if (d->oom) return;
    d->nodes[i].text_off = (uint32_t)d->text_len;
    d->nodes[i].text_len = (uint32_t)len;
    d->nodes[i].in_link = b->link_depth > 0;
  }
  memcpy(d->text + d->text_len, s, (size_t)len);
  d->text_len += (size_t)len;
}

/* libxml2 reports some problems (bad bytes for the charset) on its generic error channel
 * even with HTML_PARSE_NOERROR; a library must not print, so they go nowhere. */
static void quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void quiet_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

int cb_html_build(cb_hdoc *doc, const char *buf, size_t n, const char *enc) {
  xmlSetGenericErrorFunc(NULL, quiet);
  xmlSetStructuredErrorFunc(NULL, quiet_structured);
  if (n > 0x7fffffff) return CB_ETOOBIG;
  builder *b = calloc(1, sizeof *b);
  if (!b) return CB_ENOMEM;
  b->doc = doc;
  new_node(doc, HT_OTHER, 0);   /* the root */
  htmlParserCtxtPtr c = htmlNewParserCtxt();
  if (!c || doc->oom) { free(b); if (c) htmlFreeParserCtxt(c); return CB_ENOMEM; }
  htmlSAXHandler h;
  memset(&h, 0, sizeof h);
  h.startElement = on_start;
  h.endElement = on_end;
  h.characters = on_text;
  h.ignorableWhitespace = on_text;
  h.cdataBlock = on_text;
  memcpy(c->sax, &h, sizeof h);
  c->_private = b;
  c->userData = c;
  htmlDocPtr res = htmlCtxtReadMemory(c, buf, (int)n, NULL, enc,
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOIMPLIED);
  if (res) xmlFreeDoc(res);
  htmlFreeParserCtxt(c);
  free(b);
  return doc->oom ? CB_ENOMEM : CB_OK;
}

void cb_html_doc_free(cb_hdoc *doc) {
  free(doc->nodes);
  free(doc->text);
  doc->nodes = NULL;
  doc->text = NULL;
}

uint32_t cb_html_next(const cb_hdoc *d, uint32_t k, uint32_t root, int into) {
  if (into && d->nodes[k].first) return d->nodes[k].first;
  while (k && k != root) {
    if (d->nodes[k].next) return d->nodes[k].next;
    k = d->nodes[k].parent;
  }
  return 0;
}

/* Length of s[0..len) without a UTF-8 sequence cut at the end. */
static size_t whole_utf8(const char *s, size_t len) {
  size_t i = len, back = 0;
  while (i > 0 && back < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) { i--; back++; }
  if (i == 0) return len;
  unsigned char lead = (unsigned char)s[i - 1];
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return back + 1 < need ? i - 1 : len;
}

char *cb_html_node_text(cb_hdoc *d, uint32_t node, cb_arena *ar, size_t max) {
  char *out = cb_arena_alloc(ar, max + 1);
  if (!out) return NULL;
  size_t len = 0;
  uint32_t k = d->nodes[node].first;
  while (k && len < max) {
    cb_hnode *x = &d->nodes[k];
    int into = 1;
    if (x->tag == HT_TEXT) {
      for (uint32_t i = 0; i < x->text_len && len < max; i++) {
        char ch = d->text[x->text_off + i];
        int sp = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (sp && (len == 0 || out[len - 1] == ' ')) continue;
        out[len++] = sp ? ' ' : ch;
      }
    } else if (cb_htag_is_skipped(x->tag)) {
      into = 0;
    } else if ((cb_htag_is_block(x->tag) || x->tag == HT_BR) && len && out[len - 1] != ' ') {
      out[len++] = ' ';
    }
    k = cb_html_next(d, k, node, into);
  }
  while (len && out[len - 1] == ' ') len--;
  len = whole_utf8(out, len);
  out[len] = 0;
  return out;
}
