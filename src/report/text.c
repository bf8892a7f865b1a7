/*
 * text.c - the brief for the terminal (first cut).
 */
#include "report/render.h"

void cb_render_text(cb_buf *o, const cb_brief *b, int color, int width) {
  for (size_t s = 0; s < b->stories.n; s++) {
    const cb_story_brief *st = &b->stories.v[s];
    cb_buf_printf(o, "Story %ld: %s (%zu articles)\n", st->id, st->headline ? st->headline : "", st->articles.n);
    for (size_t i = 0; i < st->facts.n; i++)
      cb_buf_printf(o, "  - [%d sources] %s\n", st->facts.v[i].independent, st->facts.v[i].text);
    for (size_t i = 0; i < st->flags.n; i++)
      cb_buf_printf(o, "  ! %s: %s\n", st->flags.v[i].kind, st->flags.v[i].why);
  }
}
