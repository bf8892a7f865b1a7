/*
 * html_tags.c - the HTML element names the reader cares about, and what they mean for
 * text: which start a paragraph, which never hold article text.
 */
#include "ingest/html.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct tag_entry { const char *name; int tag; } tag_entry;

static const tag_entry tags[] = {
  {"a", HT_A}, {"address", HT_ADDRESS}, {"article", HT_ARTICLE}, {"aside", HT_ASIDE},
  {"b", HT_B}, {"blockquote", HT_BLOCKQUOTE}, {"body", HT_BODY}, {"br", HT_BR},
  {"button", HT_BUTTON}, {"caption", HT_CAPTION}, {"center", HT_CENTER}, {"code", HT_CODE},
  {"dd", HT_DD}, {"details", HT_DETAILS}, {"div", HT_DIV}, {"dl", HT_DL}, {"dt", HT_DT},
  {"em", HT_EM}, {"fieldset", HT_FIELDSET}, {"figcaption", HT_FIGCAPTION},
  {"figure", HT_FIGURE}, {"font", HT_FONT}, {"footer", HT_FOOTER}, {"form", HT_FORM},
  {"h1", HT_H1}, {"h2", HT_H2}, {"h3", HT_H3}, {"h4", HT_H4}, {"h5", HT_H5}, {"h6", HT_H6},
  {"head", HT_HEAD}, {"header", HT_HEADER}, {"hr", HT_HR}, {"html", HT_HTML}, {"i", HT_I},
  {"iframe", HT_IFRAME}, {"img", HT_IMG}, {"input", HT_INPUT}, {"label", HT_LABEL},
  {"li", HT_LI}, {"link", HT_LINK}, {"main", HT_MAIN}, {"menu", HT_MENU}, {"meta", HT_META},
  {"nav", HT_NAV}, {"noscript", HT_NOSCRIPT}, {"ol", HT_OL}, {"option", HT_OPTION},
  {"p", HT_P}, {"pre", HT_PRE}, {"script", HT_SCRIPT}, {"section", HT_SECTION},
  {"select", HT_SELECT}, {"span", HT_SPAN}, {"strong", HT_STRONG}, {"style", HT_STYLE},
  {"summary", HT_SUMMARY}, {"svg", HT_SVG}, {"table", HT_TABLE}, {"tbody", HT_TBODY},
  {"td", HT_TD}, {"template", HT_TEMPLATE}, {"textarea", HT_TEXTAREA}, {"th", HT_TH},
  {"thead", HT_THEAD}, {"time", HT_TIME}, {"title", HT_TITLE}, {"tr", HT_TR}, {"ul", HT_UL},
};

/* A small open-addressing table from name to tag, built once. */
#define SLOTS 256
static int8_t slot_tag[SLOTS];
static const char *slot_name[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static unsigned name_hash(const char *s) {
  unsigned h = 5381;
  for (; *s; s++) h = h * 33 + (unsigned char)*s;
  return h & (SLOTS - 1);
}

static void build(void) {
  for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
    unsigned h = name_hash(tags[i].name);
    while (slot_name[h]) h = (h + 1) & (SLOTS - 1);
    slot_name[h] = tags[i].name;
    slot_tag[h] = (int8_t)tags[i].tag;
  }
}

int cb_htag_lookup(const char *name) {
  pthread_once(&once, build);
  for (unsigned h = name_hash(name); slot_name[h]; h = (h + 1) & (SLOTS - 1))
    if (strcmp(slot_name[h], name) == 0) return slot_tag[h];
  return HT_OTHER;
}

int cb_htag_is_block(int t) {
  switch (t) {
  case HT_ADDRESS: case HT_ARTICLE: case HT_ASIDE: case HT_BLOCKQUOTE: case HT_BODY:
  case HT_CAPTION: case HT_CENTER: case HT_DD: case HT_DETAILS: case HT_DIV: case HT_DL:
  case HT_DT: case HT_FIELDSET: case HT_FIGCAPTION: case HT_FIGURE: case HT_FOOTER:
  case HT_FORM: case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
  case HT_HEADER: case HT_HR: case HT_LI: case HT_MAIN: case HT_MENU: case HT_NAV:
  case HT_OL: case HT_P: case HT_PRE: case HT_SECTION: case HT_SUMMARY: case HT_TABLE:
  case HT_TBODY: case HT_TD: case HT_TH: case HT_THEAD: case HT_TR: case HT_UL:
    return 1;
  default:
    return 0;
  }
}

int cb_htag_is_skipped(int t) {
  switch (t) {
  case HT_BUTTON: case HT_HEAD: case HT_IFRAME: case HT_INPUT: case HT_LABEL:
  case HT_NOSCRIPT: case HT_OPTION: case HT_SCRIPT: case HT_SELECT: case HT_STYLE:
  case HT_SVG: case HT_TEMPLATE: case HT_TEXTAREA: case HT_TITLE:
    return 1;
  default:
    return 0;
  }
}
