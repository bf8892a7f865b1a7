/*
 * render_api.c - the renderers behind the public API: a brief or an article into a
 * malloc'd string the caller frees with cb_free, in the format the options name.
 */
#include "report/article_json.h"
#include "report/render.h"
#include <stdlib.h>
#include <string.h>

void cb_free(void *p) { free(p); }

void cb_render_opts_init(cb_render_opts *o) {
  memset(o, 0, sizeof *o);
  o->version = CB_RENDER_OPTS_VERSION;
  o->format = CB_RENDER_TEXT;
  o->width = 80;
}

int cb_render_format_parse(const char *name, cb_render_format *out) {
  static const struct { const char *name; cb_render_format f; } names[] = {
    {"text", CB_RENDER_TEXT}, {"json", CB_RENDER_JSON}, {"md", CB_RENDER_MARKDOWN},
    {"markdown", CB_RENDER_MARKDOWN}, {"html", CB_RENDER_HTML}};
  for (size_t i = 0; name && i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(name, names[i].name)) { *out = names[i].f; return CB_OK; }
  return CB_EUSAGE;
}

int cb_brief_render(const cb_brief *b, const cb_render_opts *o, char **out, size_t *len, cb_error *e) {
  cb_render_opts d;
  if (!o) { cb_render_opts_init(&d); o = &d; }
  *out = NULL;
  if (len) *len = 0;
  if (!b) { cb_error_set(e, CB_EUSAGE, "", 0, "no brief to render"); return CB_EUSAGE; }
  cb_buf buf;
  cb_buf_init(&buf);
  switch (o->format) {
  case CB_RENDER_JSON: cb_render_json(&buf, b); break;
  case CB_RENDER_MARKDOWN: cb_render_markdown(&buf, b); break;
  case CB_RENDER_HTML: cb_render_html(&buf, b); break;
  case CB_RENDER_TEXT: cb_render_text(&buf, b, o->color, o->width < 40 ? 40 : o->width); break;
  default:
    cb_error_set(e, CB_EUSAGE, "", 0, "unknown render format %d", (int)o->format);
    return CB_EUSAGE;
  }
  return cb_buf_hand_over(&buf, out, len, e);
}

int cb_article_to_json(const cb_article *a, int64_t id, char **out, size_t *len, cb_error *e) {
  *out = NULL;
  if (len) *len = 0;
  if (!a) { cb_error_set(e, CB_EUSAGE, "", 0, "no article"); return CB_EUSAGE; }
  cb_buf buf;
  cb_buf_init(&buf);
  cb_article_json(&buf, a, id);
  return cb_buf_hand_over(&buf, out, len, e);
}
