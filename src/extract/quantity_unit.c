/*
 * quantity_unit.c - the unit after a number: the longest entry of data/quantity/units.tsv
 * that the next tokens spell (exact case first, then lower case), with the guards that keep
 * "in" from being inches, a closing quote from being inches, and an id ("L-202") from being
 * litres; and the "per" part of compound units ("$70 a share", "miles ... a year").
 */
#include "extract/quantity_internal.h"
#include <string.h>

static int is_letterish(const cb_qctx *c, size_t i) {
  return i < c->nt && (c->t[i].kind == QT_WORD || c->t[i].kind == QT_NUM);
}

/* Even number of double quotes in the 400 bytes of the line before the token: a quote there opens
 * nothing, so it may be inches. */
static int quotes_balanced_before(const cb_qctx *c, size_t tok) {
  size_t pos = c->t[tok].start, k = pos, count = 0, steps = 0;
  while (k > 0 && c->s[k - 1] != '\n' && steps++ < 400) { k--; if (c->s[k] == '"') count++; }
  return count % 2 == 0;
}

static int unit_allowed(const cb_qctx *c, const cb_qnum *n, const cb_qunit *u, size_t first, size_t last) {
  int glued = first == n->last + 1;
  if ((u->flags & QL_UNIT_DIGITS) && !n->digits) return 0;
  if ((u->flags & QL_UNIT_GLUED) && !glued) return 0;
  /* the unit must end the word: "L-202", "m212" are ids */
  if (last + 1 < c->nt && c->t[last + 1].kind != QT_SPACE) {
    if (is_letterish(c, last + 1)) return 0;
    if (cb_q_punct(c, last + 1, '-') && is_letterish(c, last + 2) && c->t[last].kind != QT_PUNCT) {   /* not "89%-6%" */
      if (c->t[last + 2].kind == QT_NUM) return 0;
    }
  }
  const char *sur = c->s + c->t[first].start;
  size_t sl = c->t[last].end - c->t[first].start;
  if (u->flags & QL_UNIT_IN) {   /* "in" is inches only glued, after feet, or at a clause end */
    if (glued) return 1;
    size_t nx = cb_q_next(c, last);
    if (nx >= c->nt || (c->t[nx].kind == QT_PUNCT && !cb_q_punct(c, nx, '$'))) return 1;
    size_t p = cb_q_prev(c, n->first);
    if (p != (size_t)-1 && p < c->nt && (cb_q_is(c, p, "ft") || cb_q_is(c, p, "feet") || cb_q_is(c, p, "foot")
                                         || cb_q_punct(c, p, '\''))) return 1;
    return 0;
  }
  if (sl == 1 && (*sur == '"' || *sur == '\'')) {
    if (!quotes_balanced_before(c, first) && *sur == '"') return 0;
    if (*sur == '\'' && !glued) return 0;
    return 1;
  }
  if (!strcmp(u->dim, "currency") && c->t[first].kind == QT_PUNCT) {   /* "10 $" but not "10 $20" */
    if (last + 1 < c->nt && c->t[last + 1].kind == QT_NUM) return 0;
  }
  return 1;
}

int cb_q_unit_after(const cb_qctx *c, const cb_qnum *n, cb_qunitm *m) {
  memset(m, 0, sizeof *m);
  size_t j = n->last + 1;
  if (j >= c->nt) return 0;
  if (c->t[j].kind == QT_SPACE) j = cb_q_next(c, n->last);
  if (j >= c->nt) return 0;
  /* "3-inch", "28 - year - old": one hyphen between number and unit */
  size_t alt = c->nt;
  if (cb_q_punct(c, j, '-')) alt = cb_q_next(c, j);
  const unsigned char *bloom = cb_qlex_unit_bloom(c->lx);
  for (int pass = 0; pass < 2; pass++) {
    size_t from = pass == 0 ? j : alt;
    if (from >= c->nt) continue;
    unsigned b = cb_qlex_bloom_index(c->s + c->t[from].start, c->t[from].end - c->t[from].start);
    if (!((bloom[b >> 3] >> (b & 7)) & 1)) continue;
    for (int k = 4; k >= 1; k--) {
      char key[64];
      size_t last = from, len = cb_q_key(c, from, k, 0, key, sizeof key, &last);
      if (!len) continue;
      const cb_qunit *u = cb_qlex_unit(c->lx, key, len, 1);
      if (!u) {
        for (size_t q = 0; q < len; q++) if (key[q] >= 'A' && key[q] <= 'Z') key[q] = (char)(key[q] + 32);
        u = cb_qlex_unit(c->lx, key, len, 0);
      }
      if (u && unit_allowed(c, n, u, from, last)) {
        m->u = u; m->first = from; m->last = last;
        return 1;
      }
    }
  }
  return 0;
}

/* "a share", "per year", "-a-share", "/ hour", "of copper cathode a year" */
const char *cb_q_per_after(const cb_qctx *c, size_t last, size_t *end) {
  size_t j = cb_q_next(c, last);
  if (j < c->nt && cb_q_punct(c, j, '-')) j = cb_q_next(c, j);
  if (j < c->nt && cb_q_is(c, j, "of")) {   /* skip a short "of" phrase */
    size_t k = j;
    for (int w = 0; w < 4; w++) {
      k = cb_q_next(c, k);
      if (k >= c->nt || c->t[k].kind != QT_WORD) return NULL;
      if (cb_q_is(c, k, "a") || cb_q_is(c, k, "per")) { j = k; break; }
    }
    if (j >= c->nt || !(cb_q_is(c, j, "a") || cb_q_is(c, j, "per"))) return NULL;
  }
  if (j >= c->nt) return NULL;
  if (!(cb_q_is(c, j, "a") || cb_q_is(c, j, "an") || cb_q_is(c, j, "per") || cb_q_is(c, j, "each")
        || cb_q_punct(c, j, '/'))) return NULL;
  size_t d = cb_q_next(c, j);
  if (d < c->nt && cb_q_punct(c, d, '-')) d = cb_q_next(c, d);
  const cb_qword *w = d < c->nt ? cb_q_word(c, d) : NULL;
  if (!w || strcmp(w->cls, "denom") != 0) return NULL;
  size_t after = cb_q_next(c, d);   /* "a year earlier" is a time, not a rate */
  const cb_qword *wa = after < c->nt ? cb_q_word(c, after) : NULL;
  if (wa && !strcmp(wa->cls, "per_not")) return NULL;
  *end = d;
  return w->value;
}
