/*
 * html.h - the HTML reader: libxml2's HTML parser (SAX mode) builds a compact element tree
 * in an arena, metadata comes from JSON-LD / OpenGraph / <meta> / <time> / <title>, and the
 * main text is chosen by scoring block containers (text density, link density, paragraph
 * counts, class/id hints from data/html/hints.txt). Everything left out is recorded as
 * dropped with a reason.
 *
 * Stages, one file each: html_strip.c (byte pre-pass: scripts, styles, comments out, JSON-LD
 * kept, class/id weighed), html_tree.c (SAX -> tree), html_tags.c (element names),
 * html_hints.c (class/id lexicon), html_nfc.c (NFC fast path), html_meta.c (title,
 * date, author, outlet, url), html_score.c (choosing the main content), html_emit.c (text,
 * captions and drops out of the chosen nodes), html.c (the reader entry points).
 */
#ifndef CB_INGEST_HTML_H
#define CB_INGEST_HTML_H
#include "corroborate.h"
#include <stddef.h>
#include <stdint.h>

/* Like cb_read_html, with the charset known from elsewhere (the HTTP Content-Type of a
 * WARC record); NULL means: from <meta>, else UTF-8 if the bytes are valid, else cp1252. */
int cb_read_html_charset(cb_article *a, const char *buf, size_t n, const char *charset,
                         cb_error *e);

/* ---- internal: shared by the html_*.c stages ------------------------------------------ */

enum cb_htag {
  HT_OTHER = 0, HT_TEXT, HT_A, HT_ADDRESS, HT_ARTICLE, HT_ASIDE, HT_B, HT_BLOCKQUOTE,
  HT_BODY, HT_BR, HT_BUTTON, HT_CAPTION, HT_CENTER, HT_CODE, HT_DD, HT_DETAILS, HT_DIV,
  HT_DL, HT_DT, HT_EM, HT_FIELDSET, HT_FIGCAPTION, HT_FIGURE, HT_FONT, HT_FOOTER, HT_FORM,
  HT_H1, HT_H2, HT_H3, HT_H4, HT_H5, HT_H6, HT_HEAD, HT_HEADER, HT_HR, HT_HTML, HT_I,
  HT_IFRAME, HT_IMG, HT_INPUT, HT_LABEL, HT_LI, HT_LINK, HT_MAIN, HT_MENU, HT_META, HT_NAV,
  HT_NOSCRIPT, HT_OL, HT_OPTION, HT_P, HT_PRE, HT_SCRIPT, HT_SECTION, HT_SELECT, HT_SPAN,
  HT_STRONG, HT_STYLE, HT_SUMMARY, HT_SVG, HT_TABLE, HT_TBODY, HT_TD, HT_TEMPLATE,
  HT_TEXTAREA, HT_TH, HT_THEAD, HT_TIME, HT_TITLE, HT_TR, HT_UL, HT_COUNT
};

/* Tag properties. */
int cb_htag_lookup(const char *name);
int cb_htag_is_block(int tag);     /* starts a new paragraph in the text */
int cb_htag_is_skipped(int tag);   /* never holds article text (script, form controls...) */

typedef struct cb_hnode {
  uint32_t parent, first, next, last;  /* node indices; 0 = none (node 0 is the root) */
  uint32_t text_off, text_len;         /* HT_TEXT: bytes in doc->text */
  uint16_t class_hash;                 /* hash of the class text, 0 if none */
  uint16_t tag;
  uint8_t hidden;                      /* hidden attribute / display:none */
  int8_t weight;                       /* class/id weight: >0 content, <0 boilerplate */
  uint8_t drop_reason;                 /* cb_drop_reason suggested by class/id, 0 none */
  uint8_t in_link;                     /* inside an <a> */
  uint8_t content_hint;                /* some class/id word says content */
  /* computed by html_score.c */
  uint32_t chars, link_chars, commas;  /* of the subtree */
  uint32_t paras;                      /* 1 if the element has a block child */
  float score;
  uint8_t unlikely;                    /* it or an ancestor has a boilerplate class/id */
  uint8_t candidate, keep;             /* keep: 1 chosen, 2 holds a chosen node */
} cb_hnode;

typedef struct cb_hmeta { const char *key, *value; } cb_hmeta;

typedef struct cb_hdoc {
  cb_arena *arena;        /* scratch arena: freed when the article is read */
  cb_hnode *nodes; uint32_t nnodes, cap;
  char *text; size_t text_len, text_cap;   /* all character data, malloc'd */
  cb_hmeta *meta; size_t nmeta, meta_cap;  /* meta name/property -> content, link rel */
  const char **jsonld; size_t njsonld;     /* JSON-LD script bodies (UTF-8) */
  const char *title_tag;                   /* <title> text */
  const char *time_datetime;               /* first <time datetime> in the body */
  const char *itemprop_author;             /* first [itemprop=author] / [rel=author] text */
  uint32_t author_node;
  int oom;
} cb_hdoc;

/* html_strip.c: copies buf without comments, <script>/<style>/<svg>/<noscript>/<template>
 * contents (JSON-LD script bodies go to *jsonld); whitespace runs collapse; start tags keep
 * only the attributes the reader uses, class/id/role/itemprop become one "h=WWRFCCCC"
 * attribute (see html_strip.c). out needs CB_HTML_STRIP_ROOM(n) bytes ("<p id>" grows to
 * "<p h=80000000>"). Returns the new length. */
#define CB_HTML_STRIP_ROOM(n) (3 * (n) + 16)
size_t cb_html_strip(const char *buf, size_t n, char *out, cb_arena *ar,
                     const char ***jsonld, size_t *njsonld);
/* The charset a <meta> near the start declares, lower-case, or NULL. */
const char *cb_html_sniff_charset(const char *buf, size_t n, cb_arena *ar);

/* html_tree.c: parses (already stripped) bytes in charset enc into doc. 0 ok. */
int cb_html_build(cb_hdoc *doc, const char *buf, size_t n, const char *enc);
void cb_html_doc_free(cb_hdoc *doc);
/* The node after k in document order within root's subtree (into: enter k's children);
 * 0 at the end. Iterative walks never overflow the stack on deeply nested pages. */
uint32_t cb_html_next(const cb_hdoc *d, uint32_t k, uint32_t root, int into);
/* Text of a subtree, whitespace collapsed, into the arena (for metadata). */
char *cb_html_node_text(cb_hdoc *doc, uint32_t node, cb_arena *ar, size_t max);

/* html_nfc.c: cb_text_normalize with a fast path for text that is already normal. */
char *cb_html_normalize(cb_arena *ar, const char *s, size_t n, size_t *outlen);

/* html_hints.c: class/id weight and suggested drop reason from the lexicon. A cb_hint
 * holds what one attribute says; several combine with cb_html_hint_add. */
typedef struct cb_hint { int8_t pos, neg; int16_t first; } cb_hint;
void cb_html_hint_of(const char *text, size_t n, cb_hint *h);
void cb_html_hint_add(cb_hint *acc, const cb_hint *h);
void cb_html_hint_result(const cb_hint *h, int8_t *weight, uint8_t *reason);

/* html_meta.c: fills title, published, author, outlet, url of a. *article_body gets a
 * JSON-LD articleBody if there is one (else NULL). */
int cb_html_meta(cb_hdoc *doc, cb_article *a, const char **article_body);

/* html_meta.c: when no date was stated in the markup, a "Published ..." line among the
 * dropped header blocks gives it. Returns 1 if it did. */
int cb_html_date_from_drops(cb_article *a);

/* html_score.c: marks the main content: nodes[i].keep on the chosen containers. Returns
 * the number of chosen containers. */
int cb_html_choose(cb_hdoc *doc, const char *article_body);

/* html_emit.c: writes the body, captions and drops of a from the chosen nodes. */
int cb_html_emit(cb_hdoc *doc, cb_article *a);

#endif
