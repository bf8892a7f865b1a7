/*
 * parse_text.c - cb_parse: plain text split into sentences, each tokenized, tagged,
 * lemmatized and parsed with the embedded model, written out as CoNLL-U.
 */
#include "core/buf.h"
#include "syntax/syn_internal.h"
#include "text/sentence.h"
#include <stdio.h>

static int parse_sentences(const cb_syn_model *m, const char *text, size_t len, long *id, cb_buf *o) {
  cb_arena *a = cb_arena_new(0);
  if (!a) return CB_ENOMEM;
  cb_span *sp;
  size_t ns = cb_sentences(a, text, len, &sp);
  int rc = CB_OK;
  for (size_t i = 0; i < ns && rc == CB_OK; i++) {
    cb_arena *sa = cb_arena_new(0);
    cb_syn_sent p;
    if (!sa || cb_syn_parse(m, sa, text + sp[i].start, sp[i].end - sp[i].start, &p)) rc = CB_ENOMEM;
    else if (p.n) {
      char sid[32];
      snprintf(sid, sizeof sid, "%ld", ++*id);
      cb_syn_conllu_write(o, text + sp[i].start, sp[i].end - sp[i].start, &p, sid);
    }
    cb_arena_free(sa);
  }
  cb_arena_free(a);
  return rc;
}

int cb_parse(const char *text, size_t len, long *sent_id, char **out, size_t *out_len, cb_error *e) {
  *out = NULL;
  if (out_len) *out_len = 0;
  long local = 0;
  if (!sent_id) sent_id = &local;
  const cb_syn_model *m = cb_syn_model_get(e);
  if (!m) return e && e->code ? e->code : CB_EDATA;
  cb_buf o;
  cb_buf_init(&o);
  if (parse_sentences(m, text ? text : "", text ? len : 0, sent_id, &o)) {
    cb_buf_free(&o);
    cb_error_set(e, CB_ENOMEM, "", 0, "out of memory parsing");
    return CB_ENOMEM;
  }
  return cb_buf_hand_over(&o, out, out_len, e);
}
