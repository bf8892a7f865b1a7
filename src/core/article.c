/*
 * article.c - the article record: creation, the lists readers fill (dropped noise,
 * captions, extra metadata), and the names of formats and drop reasons.
 */
#include "core/article.h"
#include <stdlib.h>
#include <string.h>

cb_article *cb_article_new(void) {
  cb_arena *ar = cb_arena_new(0);
  if (!ar) return NULL;
  cb_article *a = cb_arena_calloc(ar, 1, sizeof *a);
  if (!a) { cb_arena_free(ar); return NULL; }
  a->arena = ar;
  a->offset = -1;
  return a;
}

void cb_article_free(cb_article *a) {
  if (a) cb_arena_free(a->arena);   /* the record itself lives in its arena */
}

/* Makes room for item n in an arena array whose capacity is the smallest power of two
 * >= max(n, 4): a new array is needed only at n == 0 and at n == 4, 8, 16, ... */
static void *grow(cb_arena *ar, void *arr, size_t n, size_t elem) {
  if (n && (n < 4 || (n & (n - 1)))) return arr;
  size_t cap = n ? n * 2 : 4;
  void *p = cb_arena_alloc(ar, cap * elem);
  if (p && n) memcpy(p, arr, n * elem);
  return p;
}

int cb_article_drop(cb_article *a, cb_drop_reason r, const char *text, size_t n, const char *why) {
  cb_dropped *d = grow(a->arena, a->dropped, a->ndropped, sizeof *d);
  if (!d) return CB_ENOMEM;
  a->dropped = d;
  d[a->ndropped].reason = r;
  d[a->ndropped].why = why;
  if (!(d[a->ndropped].text = cb_arena_strndup(a->arena, text, n))) return CB_ENOMEM;
  a->ndropped++;
  return CB_OK;
}

int cb_article_add_caption(cb_article *a, const char *text, size_t n) {
  const char **c = grow(a->arena, a->captions, a->ncaptions, sizeof *c);
  if (!c) return CB_ENOMEM;
  a->captions = c;
  if (!(c[a->ncaptions] = cb_arena_strndup(a->arena, text, n))) return CB_ENOMEM;
  a->ncaptions++;
  return CB_OK;
}

int cb_article_add_extra(cb_article *a, const char *key, const char *value) {
  cb_meta_kv *kv = grow(a->arena, a->extra, a->nextra, sizeof *kv);
  if (!kv) return CB_ENOMEM;
  a->extra = kv;
  kv[a->nextra].key = cb_arena_strdup(a->arena, key);
  kv[a->nextra].value = cb_arena_strdup(a->arena, value);
  if (!kv[a->nextra].key || !kv[a->nextra].value) return CB_ENOMEM;
  a->nextra++;
  return CB_OK;
}

const char *cb_format_name(cb_format f) {
  switch (f) {
  case CB_FORMAT_AUTO: return "auto";
  case CB_FORMAT_TEXT: return "text";
  case CB_FORMAT_HTML: return "html";
  case CB_FORMAT_JSONL: return "jsonl";
  case CB_FORMAT_WARC: return "warc";
  }
  return "?";
}

int cb_format_parse(const char *name, cb_format *out) {
  static const cb_format all[] = {CB_FORMAT_AUTO, CB_FORMAT_TEXT, CB_FORMAT_HTML, CB_FORMAT_JSONL, CB_FORMAT_WARC};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++)
    if (strcmp(name, cb_format_name(all[i])) == 0) { *out = all[i]; return CB_OK; }
  if (strcmp(name, "txt") == 0) { *out = CB_FORMAT_TEXT; return CB_OK; }
  if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0) { *out = CB_FORMAT_JSONL; return CB_OK; }
  return CB_EUSAGE;
}

const char *cb_drop_reason_name(cb_drop_reason r) {
  switch (r) {
  case CB_DROP_JUNK_NUMBER: return "junk-number";
  case CB_DROP_SHARE: return "share-widget";
  case CB_DROP_COMMENT_FORM: return "comment-form";
  case CB_DROP_RELATED: return "related-links";
  case CB_DROP_AD: return "advertisement";
  case CB_DROP_CAPTION: return "caption";
  case CB_DROP_DATELINE: return "dateline";
  case CB_DROP_CREDIT: return "credit";
  case CB_DROP_METADATA: return "metadata";
  case CB_DROP_NAVIGATION: return "navigation";
  case CB_DROP_NEWSLETTER: return "newsletter";
  case CB_DROP_COMMENTS: return "comments";
  case CB_DROP_MOST_READ: return "most-read";
  case CB_DROP_BOILERPLATE: return "boilerplate";
  }
  return "other";
}

int cb_drop_reason_parse(const char *s, size_t n) {
  static const struct { const char *alias; cb_drop_reason r; } aliases[] = {
    {"share", CB_DROP_SHARE}, {"related", CB_DROP_RELATED}, {"ad", CB_DROP_AD}, {"most_read", CB_DROP_MOST_READ}};
  for (int r = CB_DROP_JUNK_NUMBER; r <= CB_DROP_BOILERPLATE; r++) {
    const char *name = cb_drop_reason_name((cb_drop_reason)r);
    if (strlen(name) == n && strncmp(name, s, n) == 0) return r;
  }
  for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
    if (strlen(aliases[i].alias) == n && strncmp(aliases[i].alias, s, n) == 0) return aliases[i].r;
  return 0;
}
