/*
 * quantity_json.c - one quantity as a JSON object, for `corroborate extract --format json`
 * and the tests: offsets, surface, value or range, change, interval, unit, noun, event.
 */
#include "extract/quantity.h"
#include <math.h>

static void num(cb_buf *b, double v) {
  if (isinf(v)) cb_buf_puts(b, "null");
  else cb_buf_printf(b, "%.15g", v);
}

static void str(cb_buf *b, const char *key, const char *v) {
  cb_buf_printf(b, ",\"%s\":", key);
  cb_buf_json_str(b, v);
}

void cb_quantity_json(cb_buf *b, const cb_quantity *q, const char *text) {
  cb_buf_printf(b, "{\"type\":\"quantity\",\"start\":%zu,\"end\":%zu,\"text\":\"", q->start, q->end);
  cb_buf_json_escape(b, text + q->start, q->end - q->start);
  cb_buf_puts(b, "\",\"value\":");
  num(b, q->value);
  if (q->is_range) { cb_buf_puts(b, ",\"low\":"); num(b, q->low); cb_buf_puts(b, ",\"high\":"); num(b, q->high); }
  str(b, "change", cb_qchange_name(q->change));
  str(b, "qualifier", q->qualifier);
  cb_buf_puts(b, ",\"interval\":{\"lo\":");
  num(b, q->lo);
  cb_buf_printf(b, ",\"lo_open\":%s,\"hi\":", q->lo_open ? "true" : "false");
  num(b, q->hi);
  cb_buf_printf(b, ",\"hi_open\":%s,\"tolerance\":%g}", q->hi_open ? "true" : "false", q->tolerance);
  str(b, "unit", q->unit);
  str(b, "normalized_unit", q->unit_norm);
  str(b, "dimension", q->dimension);
  str(b, "currency", q->currency);
  if (q->base_unit) { cb_buf_puts(b, ",\"base_value\":"); num(b, q->base_value); str(b, "base_unit", q->base_unit); }
  str(b, "noun", q->noun);
  str(b, "event", q->event);
  cb_buf_putc(b, '}');
}
