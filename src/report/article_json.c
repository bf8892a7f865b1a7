/*
 * article_json.c - article records as JSON; see article_json.h.
 */
#include "report/article_json.h"

/* ,"name":"value" (or null) */
static void str_member(cb_buf *b, const char *name, const char *value) {
  cb_buf_printf(b, ",\"%s\":", name);
  cb_buf_json_str(b, value);
}

void cb_article_json_meta(cb_buf *b, const cb_article *a, int64_t id) {
  cb_buf_printf(b, "\"id\":%lld", (long long)id);
  str_member(b, "file", a->source);
  if (a->line) cb_buf_printf(b, ",\"line\":%ld", a->line);
  else cb_buf_puts(b, ",\"line\":null");
  if (a->offset >= 0) cb_buf_printf(b, ",\"offset\":%lld", a->offset);
  str_member(b, "format", cb_format_name(a->format));
  str_member(b, "outlet", a->outlet);
  str_member(b, "title", a->title);
  str_member(b, "author", a->author);
  str_member(b, "url", a->url);
  str_member(b, "published", a->published[0] ? a->published : NULL);
  cb_buf_printf(b, ",\"published_inferred\":%s", a->published_inferred ? "true" : "false");
  str_member(b, "published_why", a->published_why);
  str_member(b, "fetched", a->fetched[0] ? a->fetched : NULL);
  str_member(b, "dateline", a->dateline);
  str_member(b, "credit", a->credit);
  str_member(b, "hash", a->hash);
}

void cb_article_json(cb_buf *b, const cb_article *a, int64_t id) {
  cb_buf_putc(b, '{');
  cb_article_json_meta(b, a, id);
  cb_buf_puts(b, ",\"body\":\"");
  cb_buf_json_escape(b, a->body ? a->body : "", a->body_len);
  cb_buf_puts(b, "\",\"dropped\":[");
  for (size_t i = 0; i < a->ndropped; i++) {
    cb_buf_puts(b, i ? ",{\"reason\":" : "{\"reason\":");
    cb_buf_json_str(b, cb_drop_reason_name(a->dropped[i].reason));
    str_member(b, "why", a->dropped[i].why);
    str_member(b, "text", a->dropped[i].text);
    cb_buf_putc(b, '}');
  }
  cb_buf_puts(b, "],\"captions\":[");
  for (size_t i = 0; i < a->ncaptions; i++) {
    if (i) cb_buf_putc(b, ',');
    cb_buf_json_str(b, a->captions[i]);
  }
  cb_buf_puts(b, "],\"extra\":{");
  for (size_t i = 0; i < a->nextra; i++) {
    if (i) cb_buf_putc(b, ',');
    cb_buf_json_str(b, a->extra[i].key);
    cb_buf_putc(b, ':');
    cb_buf_json_str(b, a->extra[i].value);
  }
  cb_buf_puts(b, "}}");
}
