/*
 * entity_json.c - the names as JSON for the CLI and the report: the groups of several
 * articles (cb_names_json) and the mentions of one article (cb_names_mentions_json).
 */
#include "extract/names.h"

const char *cb_form_diff_name(cb_form_diff d) {
  static const char *const names[] = {"same", "case", "diacritics", "part", "role", "misspelling",
                                      "acronym", "translation", "alias", "variant"};
  return (unsigned)d <= CB_FORM_VARIANT ? names[d] : "variant";
}

static void article_id(cb_buf *b, const char *const *ids, size_t art) {
  if (ids && ids[art]) cb_buf_json_str(b, ids[art]);
  else cb_buf_printf(b, "%zu", art);
}

static void article_list(cb_buf *b, const char *const *ids, const size_t *arts, size_t n) {
  cb_buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) cb_buf_putc(b, ',');
    article_id(b, ids, arts[i]);
  }
  cb_buf_putc(b, ']');
}

static void modifiers(cb_buf *b, const char *const *mods, size_t n) {
  cb_buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) {
    if (i) cb_buf_putc(b, ',');
    cb_buf_json_str(b, mods[i]);
  }
  cb_buf_putc(b, ']');
}

static void group_json(cb_buf *b, const cb_name_group *g, const char *const *ids) {
  cb_buf_puts(b, "{\"name\":");
  cb_buf_json_str(b, g->name);
  cb_buf_printf(b, ",\"type\":\"%s\",\"articles\":", cb_name_kind_name(g->kind));
  article_list(b, ids, g->articles, g->narticles);
  cb_buf_puts(b, ",\"forms\":[");
  for (size_t f = 0; f < g->nforms; f++) {
    const cb_name_form *fm = &g->forms[f];
    if (f) cb_buf_putc(b, ',');
    cb_buf_puts(b, "{\"text\":");
    cb_buf_json_str(b, fm->text);
    cb_buf_puts(b, ",\"articles\":");
    article_list(b, ids, fm->articles, fm->narticles);
    cb_buf_printf(b, ",\"kind\":\"%s\",\"mentions\":%zu}", cb_form_diff_name(fm->diff), fm->nmentions);
  }
  cb_buf_puts(b, "],\"roles\":[");
  for (size_t r = 0; r < g->nroles; r++) {
    const cb_name_role *ro = &g->roles[r];
    if (r) cb_buf_putc(b, ',');
    cb_buf_puts(b, "{\"article\":");
    article_id(b, ids, ro->article);
    cb_buf_puts(b, ",\"role\":");
    cb_buf_json_str(b, ro->role);
    cb_buf_puts(b, ",\"modifiers\":");
    modifiers(b, ro->modifiers, ro->nmodifiers);
    cb_buf_puts(b, ",\"text\":");
    cb_buf_json_str(b, ro->text);
    cb_buf_putc(b, '}');
  }
  cb_buf_puts(b, "]}");
}

void cb_names_json(cb_buf *b, const cb_name_groups *g, const char *const *ids) {
  cb_buf_putc(b, '[');
  for (size_t i = 0; g && i < g->ngroups; i++) {
    if (i) cb_buf_putc(b, ',');
    group_json(b, &g->groups[i], ids);
  }
  cb_buf_putc(b, ']');
}

void cb_names_mentions_json(cb_buf *b, const cb_names *nm) {
  cb_buf_putc(b, '[');
  for (size_t i = 0; nm && i < nm->nmentions; i++) {
    const cb_name_mention *m = &nm->mentions[i];
    if (i) cb_buf_putc(b, ',');
    cb_buf_printf(b, "{\"start\":%zu,\"end\":%zu,\"text\":", m->start, m->end);
    cb_buf_json_str(b, m->text);
    cb_buf_printf(b, ",\"type\":\"%s\",\"entity\":", cb_name_kind_name(m->kind));
    if (m->entity == CB_NAME_NONE) cb_buf_puts(b, "null");
    else cb_buf_json_str(b, nm->entities[m->entity].name);
    cb_buf_puts(b, ",\"role\":");
    cb_buf_json_str(b, m->role);
    cb_buf_puts(b, ",\"modifiers\":");
    modifiers(b, m->modifiers, m->nmodifiers);
    cb_buf_puts(b, ",\"role_text\":");
    cb_buf_json_str(b, m->role_text);
    cb_buf_putc(b, '}');
  }
  cb_buf_putc(b, ']');
}
