/*
 * syntax.c - the public entry points of the syntax layer: tokenize (or take tokens), tag,
 * lemmatize and parse one sentence into cb_syn_word records; and the tree helpers.
 */
#include "syntax/syn_internal.h"
#include <stdlib.h>
#include <string.h>

/* Tags, lemmatizes and parses w[0..n) into out->w[off..off + n). */
static int analyse(const cb_syn_model *m, cb_arena *a, cb_syn_tok *w, size_t n, cb_syn_word *out) {
  cb_syn_tag(m, w, n);
  if (cb_syn_parse_words(m, a, w, (int)n)) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    cb_syn_word *o = &out[i];
    o->lemma = cb_syn_lemma(m, a, &w[i]);
    if (!o->lemma) return CB_ENOMEM;
    o->xpos = m->tag_xpos[w[i].tag];
    o->upos = m->tag_upos[w[i].tag];
    o->head = (int16_t)(w[i].head >= (int)n ? -1 : w[i].head);
    o->deprel = m->label[w[i].label >= 0 ? w[i].label : m->lab_punct];
  }
  return 0;
}

/* Runs analyse over pieces of at most CB_SYN_MAX_WORDS words; heads shift by the piece start. */
static int analyse_all(const cb_syn_model *m, cb_arena *a, cb_syn_tok *w, size_t n, cb_syn_sent *out) {
  out->w = cb_arena_calloc(a, n ? n : 1, sizeof *out->w);
  out->n = n;
  if (!out->w) return CB_ENOMEM;
  for (size_t off = 0; off < n; off += CB_SYN_MAX_WORDS) {
    size_t k = n - off < CB_SYN_MAX_WORDS ? n - off : CB_SYN_MAX_WORDS;
    int rc = analyse(m, a, w + off, k, out->w + off);
    if (rc) return rc;
    for (size_t i = off; i < off + k; i++) {
      if (out->w[i].head >= 0) out->w[i].head = (int16_t)(out->w[i].head + (int)off);
      else if (off) { out->w[i].head = 0; out->w[i].deprel = m->label[m->lab_parataxis]; }
    }
  }
  return 0;
}

int cb_syn_parse(const cb_syn_model *m, cb_arena *a, const char *text, size_t len, cb_syn_sent *out) {
  memset(out, 0, sizeof *out);
  if (!m || !a || (!text && len)) return CB_EUSAGE;
  cb_syn_span *sp;
  size_t n = cb_syn_tokenize(a, text, len, &sp);
  if (n == (size_t)-1) return CB_ENOMEM;
  if (n == 0) return 0;
  cb_syn_tok *w = cb_arena_alloc(a, n * sizeof *w);
  if (!w) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) cb_syn_tok_init(&w[i], text + sp[i].start, sp[i].end - sp[i].start);
  int rc = analyse_all(m, a, w, n, out);
  for (size_t i = 0; !rc && i < n; i++) { out->w[i].start = sp[i].start; out->w[i].end = sp[i].end; }
  return rc;
}

int cb_syn_parse_tokens(const cb_syn_model *m, cb_arena *a, const char *const *forms, const size_t *ns,
                        size_t n, cb_syn_sent *out) {
  memset(out, 0, sizeof *out);
  if (!m || !a || (n && (!forms || !ns))) return CB_EUSAGE;
  if (n == 0) return 0;
  cb_syn_tok *w = cb_arena_alloc(a, n * sizeof *w);
  if (!w) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) cb_syn_tok_init(&w[i], forms[i], ns[i]);
  int rc = analyse_all(m, a, w, n, out);
  for (size_t i = 0; !rc && i < n; i++) { out->w[i].start = (uint32_t)i; out->w[i].end = (uint32_t)i + 1; }
  return rc;
}

int cb_syn_is(const cb_syn_word *w, const char *deprel) {
  if (!w || !w->deprel || !deprel) return 0;
  size_t n = strlen(deprel);
  return strncmp(w->deprel, deprel, n) == 0 && (w->deprel[n] == 0 || w->deprel[n] == ':');
}

int cb_syn_child(const cb_syn_sent *s, int h, const char *deprel) {
  for (size_t i = 0; s && i < s->n; i++)
    if (s->w[i].head == h && cb_syn_is(&s->w[i], deprel)) return (int)i;
  return -1;
}

int cb_syn_word_at(const cb_syn_sent *s, size_t off) {
  for (size_t i = 0; s && i < s->n; i++)
    if (off >= s->w[i].start && off < s->w[i].end) return (int)i;
  return -1;
}
