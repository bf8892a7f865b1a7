/*
 * article_json.c - article records as JSON; see article_json.h.
 */
#include "report/article_json.h"

void cb_article_json_meta(cb_buf *b, const cb_article *a, int64_t id) {
  cb_buf_printf(b, "\"id\":%lld,\"file\":", (long long)id);
  cb_buf_json_str(b, a->source);
  if (a->line) cb_buf_printf(b, ",\"line\":%ld", a->line);
  else cb_buf_puts(b, ",\"line\":null");
  if (a->offset >= 0) cb_buf_printf(b, ",\"offset\":%lld", a->offset);
  cb_buf_puts(b, ",\"format\":");
  cb_buf_json_str(b, cb_format_name(a->format));
  cb_buf_puts(b, ",\"outlet\":");
  cb_buf_json_str(b, a->outlet);
  cb_buf_puts(b, ",\"title\":");
  cb_buf_json_str(b, a->title);
  cb_buf_puts(b, ",\"author\":");
  cb_buf_json_str(b, a->author);
  cb_buf_puts(b, ",\"url\":");
  cb_buf_json_str(b, a->url);
  cb_buf_puts(b, ",\"published\":");
  cb_buf_json_str(b, a->published[0] ? a->published : NULL);
  cb_buf_printf(b, ",\"published_inferred\":%s", a->published_inferred ? "true" : "false");
  cb_buf_puts(b, ",\"published_why\":");
  cb_buf_json_str(b, a->published_why);
  cb_buf_puts(b, ",\"dateline\":");
  cb_buf_json_str(b, a->dateline);
  cb_buf_puts(b, ",\"credit\":");
  cb_buf_json_str(b, a->credit);
  cb_buf_puts(b, ",\"hash\":");
  cb_buf_json_str(b, a->hash);
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
    cb_buf_puts(b, ",\"why\":");
    cb_buf_json_str(b, a->dropped[i].why);
    cb_buf_puts(b, ",\"text\":");
    cb_buf_json_str(b, a->dropped[i].text);
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
