/*
 * markdown.c - the brief as Markdown, for pasting into a newsroom document (first cut).
 */
#include "report/render.h"

void cb_render_markdown(cb_buf *o, const cb_brief *b) {
  for (size_t s = 0; s < b->stories.n; s++) {
    const cb_story_brief *st = &b->stories.v[s];
    cb_buf_printf(o, "# Story %ld: %s\n\n", st->id, st->headline ? st->headline : "");
    for (size_t i = 0; i < st->facts.n; i++)
      cb_buf_printf(o, "- %s (%d sources)\n", st->facts.v[i].text, st->facts.v[i].independent);
    cb_buf_putc(o, '\n');
  }
}
