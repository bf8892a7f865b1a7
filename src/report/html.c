/*
 * html.c - the brief as one self-contained HTML page (first cut).
 */
#include "report/render.h"

void cb_render_html(cb_buf *o, const cb_brief *b) {
  cb_buf_puts(o, "<!doctype html><meta charset=utf-8><title>Corroborate brief</title><body>");
  for (size_t s = 0; s < b->stories.n; s++) cb_buf_printf(o, "<h1>%ld</h1>", b->stories.v[s].id);
  cb_buf_puts(o, "</body>\n");
}
