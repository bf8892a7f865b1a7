/*
 * timex_dateline.c - the article date a text gives itself: with no dct, a full date (day, month and year)
 * in the headline or dateline (the first few hundred bytes, before the first sentence ends) stands in for
 * it ("September 01, 2007 A test flight ... was delayed today"). A date inside the story's sentences is an
 * event's, not the article's. Relative mentions resolved against it are flagged as inferred.
 */
#include "extract/timex_int.h"
#include <stdlib.h>
#include <string.h>

#define DATELINE_BYTES 400

/* A full stop (or ! ?) after a word of three letters or more that is no month or weekday ("Sept."). */
static int sentence_end(const cb_tt *t, size_t i) {
  if (t[i].kind != TK_PUNCT || !(t[i].ch == '.' || t[i].ch == '!' || t[i].ch == '?') || i == 0) return 0;
  const cb_tt *w = &t[i - 1];
  if (w->kind != TK_WORD || w->e - w->s < 3) return 0;
  return !(w->lex && (cb_tl_is(w->lex, TL_MONTH) || cb_tl_is(w->lex, TL_WEEKDAY)));
}

int cb_tm_dateline(const char *text, size_t n, long *days) {
  size_t lim = n < DATELINE_BYTES ? n : DATELINE_BYTES;
  while (lim < n && lim > 0 && ((unsigned char)text[lim] & 0xC0) == 0x80) lim--;   /* not inside a UTF-8 sequence */
  cb_tt *tok = NULL;
  size_t cap = 0, nt = cb_tt_scan(text, lim, &tok, &cap);
  int found = 0;
  if (nt == (size_t)-1) nt = 0;
  cb_tm_ctx c;
  memset(&c, 0, sizeof c);
  c.s = text; c.t = tok; c.nt = nt;
  for (size_t i = 0; i < nt && !found; i++) {
    if (sentence_end(tok, i)) break;
    cb_tm_res m;
    memset(&m, 0, sizeof m);
    c.at = i;
    if (!cb_tm_match(&c, i, &m) || m.end <= i) continue;
    int y, mo, d;
    if (m.type == CB_TIMEX_DATE && m.prec == CB_TP_DAY && !(m.flags & CB_TIMEX_RELATIVE) && !m.vend[0] &&
        cb_tv_parse(m.val, &y, &mo, &d) == 3 && y > 0 && cb_cal_valid(y, mo, d)) {
      *days = cb_cal_days(y, mo, d);
      found = 1;
    }
    i = m.end - 1;
  }
  free(tok);
  return found;
}
