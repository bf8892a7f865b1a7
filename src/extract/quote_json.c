/*
 * quote_json.c - one quote as a JSON object, for `corroborate extract --format json` and
 * the library's callers: offsets, the quoted text, the cue and the speaker with how it was
 * resolved.
 */
#include "extract/quote.h"
#include "core/buf.h"
#include <string.h>

static void span_str(cb_buf *b, const char *key, const char *text, size_t start, size_t end) {
  cb_buf_printf(b, ",\"%s\":", key);
  if (end <= start) { cb_buf_puts(b, "null"); return; }
  cb_buf_putc(b, '"');
  cb_buf_json_escape(b, text + start, end - start);
  cb_buf_putc(b, '"');
}

void cb_quote_json(cb_buf *b, const char *text, const cb_quote *q) {
  cb_buf_printf(b, "{\"type\":\"quote\",\"start\":%zu,\"end\":%zu,\"inner_start\":%zu,\"inner_end\":%zu",
                q->start, q->end, q->inner_start, q->inner_end);
  span_str(b, "text", text, q->inner_start, q->inner_end);
  cb_buf_printf(b, ",\"partial\":%s,\"direct\":%s,\"paragraphs\":%d", q->partial ? "true" : "false",
                q->direct ? "true" : "false", q->paragraphs);
  cb_buf_puts(b, ",\"cue\":");
  cb_buf_json_str(b, q->cue);
  cb_buf_printf(b, ",\"cue_start\":%zu,\"cue_end\":%zu,\"speaker\":", q->cue_start, q->cue_end);
  cb_buf_json_str(b, q->speaker);
  span_str(b, "speaker_text", text, q->speaker_start, q->speaker_end);
  cb_buf_printf(b, ",\"speaker_start\":%zu,\"speaker_end\":%zu,\"speaker_how\":\"%s\"}", q->speaker_start,
                q->speaker_end, cb_speaker_how_name(q->how));
}
