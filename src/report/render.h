/*
 * render.h - the renderers of a brief, one module each, same data: JSON (versioned schema,
 * docs/report-schema.md), Markdown, terminal text, and a self-contained HTML page.
 */
#ifndef CB_REPORT_RENDER_H
#define CB_REPORT_RENDER_H
#include "corroborate/brief.h"
#include "core/buf.h"

#define CB_REPORT_SCHEMA_VERSION "2.1"

void cb_render_json(cb_buf *out, const cb_brief *b);
void cb_render_markdown(cb_buf *out, const cb_brief *b);
void cb_render_text(cb_buf *out, const cb_brief *b, int color, int width);
void cb_render_html(cb_buf *out, const cb_brief *b);
#endif
