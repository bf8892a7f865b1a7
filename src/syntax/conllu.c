/*
 * conllu.c - reading CoNLL-U treebanks (UD v2): sentences with their sent_id and text,
 * the ten columns of each word, multi-word token ranges remembered on their first word,
 * empty nodes (enhanced graphs) skipped. For the trainer and the evaluation.
 */
#include "syntax/syn_internal.h"
#include "core/buf.h"
#include "core/vec.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const upos_names[] = {"_",     "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ",
                                         "DET",   "INTJ", "NOUN", "NUM",   "PART",  "PRON",
                                         "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *cb_upos_name(int upos) {
  return upos > 0 && upos < CB_UPOS_COUNT ? upos_names[upos] : "_";
}

int cb_upos_parse(const char *s) {
  for (int i = 1; i < CB_UPOS_COUNT; i++)
    if (strcmp(s, upos_names[i]) == 0) return i;
  return 0;
}

typedef CB_VEC(cb_conllu_word) word_vec;
typedef CB_VEC(cb_conllu_sent) sent_vec;

typedef struct reader {
  cb_arena *a;
  sent_vec s;
  word_vec w;
  cb_conllu_sent cur;
  int mwt_first, mwt_last, oom;
  char *mwt_form;
} reader;

static void end_sentence(reader *r) {
  if (r->w.n) {
    cb_conllu_sent *s = CB_VEC_PUSH(r->a, &r->s);
    if (!s) { r->oom = 1; return; }
    *s = r->cur;
    s->w = r->w.v;
    s->n = r->w.n;
  }
  r->mwt_first = r->mwt_last = 0;
  memset(&r->cur, 0, sizeof r->cur);
  memset(&r->w, 0, sizeof r->w);
}

static void comment(reader *r, const char *line, size_t n) {
  if (n > 12 && strncmp(line, "# sent_id = ", 12) == 0)
    r->cur.sent_id = cb_arena_strndup(r->a, line + 12, n - 12);
  else if (n > 9 && strncmp(line, "# text = ", 9) == 0) r->cur.text = cb_arena_strndup(r->a, line + 9, n - 9);
  else if (strncmp(line, "# newdoc", 8) == 0) r->cur.newdoc = 1;
  else if (strncmp(line, "# newpar", 8) == 0) r->cur.newpar = 1;
}

static void word_line(reader *r, const char *line, size_t n) {
  char *col[10];
  char *copy = cb_arena_strndup(r->a, line, n);
  if (!copy) { r->oom = 1; return; }
  int nc = 0;
  for (char *p = copy; nc < 10; nc++) {
    col[nc] = p;
    char *tab = strchr(p, '\t');
    if (!tab) { nc++; break; }
    *tab = 0;
    p = tab + 1;
  }
  if (nc < 10) return;
  char *dash = strchr(col[0], '-');
  if (strchr(col[0], '.')) return;
  if (dash) { r->mwt_first = atoi(col[0]); r->mwt_last = atoi(dash + 1); r->mwt_form = col[1]; return; }
  cb_conllu_word *w = CB_VEC_PUSH(r->a, &r->w);
  if (!w) { r->oom = 1; return; }
  w->form = col[1]; w->lemma = col[2]; w->upos = col[3]; w->xpos = col[4];
  w->head = atoi(col[6]); w->deprel = col[7]; w->misc = col[9];
  if (atoi(col[0]) == r->mwt_first) {
    w->mwt_first = r->mwt_first;
    w->mwt_last = r->mwt_last;
    w->mwt_form = r->mwt_form;
  }
}

size_t cb_conllu_parse(cb_arena *a, const char *buf, size_t len, cb_conllu_sent **out) {
  reader r = {.a = a};
  const char *p = buf, *end = buf + len;
  while (p < end && !r.oom) {
    const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end;
    size_t n = (size_t)(le - p);
    if (n && p[n - 1] == '\r') n--;
    if (n == 0) end_sentence(&r);
    else if (*p == '#') comment(&r, p, n);
    else word_line(&r, p, n);
    p = le + 1;
  }
  end_sentence(&r);
  *out = r.s.v;
  return r.oom ? (size_t)-1 : r.s.n;
}

size_t cb_conllu_read(cb_arena *a, const char *path, cb_conllu_sent **out, cb_error *e) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) { cb_error_set(e, CB_EIO, path, 0, "%s", strerror(errno)); return (size_t)-1; }
  size_t cap = 1 << 20, n = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) { char *nb = realloc(buf, cap *= 2); if (!nb) { free(buf); buf = NULL; } else buf = nb; }
  }
  int err = ferror(f);
  if (f != stdin) fclose(f);
  if (!buf || err) {
    free(buf);
    cb_error_set(e, err ? CB_EIO : CB_ENOMEM, path, 0, "cannot read");
    return (size_t)-1;
  }
  size_t ns = cb_conllu_parse(a, buf, n, out);
  free(buf);
  if (ns == (size_t)-1) cb_error_set(e, CB_ENOMEM, path, 0, "out of memory");
  return ns;
}

/* "# text = " with every run of white space as one space. */
static void text_line(cb_buf *o, const char *s, size_t n) {
  cb_buf_puts(o, "# text = ");
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') { space = 1; continue; }
    if (space) cb_buf_putc(o, ' ');
    space = 0;
    cb_buf_putc(o, s[i]);
  }
  cb_buf_putc(o, '\n');
}

void cb_syn_conllu_write(cb_buf *o, const char *s, size_t n, const cb_syn_sent *p, const char *sent_id) {
  if (sent_id) cb_buf_printf(o, "# sent_id = %s\n", sent_id);
  text_line(o, s, n);
  for (size_t i = 0; i < p->n; i++) {
    const cb_syn_word *w = &p->w[i];
    int glued = i + 1 < p->n && p->w[i + 1].start == w->end;
    cb_buf_printf(o, "%zu\t%.*s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", i + 1, (int)(w->end - w->start),
                  s + w->start, w->lemma, cb_upos_name(w->upos), w->xpos, w->head + 1, w->deprel,
                  glued ? "SpaceAfter=No" : "_");
  }
  cb_buf_putc(o, '\n');
}

