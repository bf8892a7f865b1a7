/*
 * number.c - numerals as tokens write them: digits with thousands separators (commas,
 * "940 000" spaces, "80, 000"), decimals, fractions ("1/4", "7 3/4", "½"), scale words and
 * suffixes ("4.5 million", "1.8M", "5bn"), and number words ("ninety five", "twenty-one",
 * "a dozen", "half a million", "one-third"). The words come from data/quantity/numbers.tsv.
 */
#include "extract/quantity_internal.h"
#include <stdlib.h>
#include <string.h>

static const cb_qnumword *word_at(const cb_qctx *c, size_t i) {
  char b[24];
  if (i >= c->nt || (c->t[i].kind != QT_WORD && c->t[i].kind != QT_PUNCT)) return NULL;
  size_t n = cb_q_lower(c, i, b, sizeof b);
  return n ? cb_qlex_number(c->lx, b, n) : NULL;
}

static int tok_len(const cb_qctx *c, size_t i) { return (int)(c->t[i].end - c->t[i].start); }

static int num_plain(const cb_qctx *c, size_t i) {   /* digits only, no separators */
  if (i >= c->nt || c->t[i].kind != QT_NUM) return 0;
  for (size_t k = c->t[i].start; k < c->t[i].end; k++)
    if (c->s[k] < '0' || c->s[k] > '9') return 0;
  return 1;
}

/* Reads a QT_NUM token: commas are thousands separators; several dots with 3-digit groups
 * are too ("1.000.000"); one dot is the decimal point. -1 when malformed. */
static int digits_value(const cb_qctx *c, size_t i, cb_qnum *n) {
  const char *p = c->s + c->t[i].start;
  size_t len = c->t[i].end - c->t[i].start;
  char buf[64];
  size_t k = 0;
  int dots = 0, commas = 0;
  for (size_t m = 0; m < len; m++) {
    if (p[m] == '.') dots++;
    else if (p[m] == ',') commas++;
  }
  if (len >= sizeof buf) return -1;
  int dot_thousands = dots > 1;
  if (dot_thousands) {   /* every group after a dot must have 3 digits */
    size_t run = 0;
    for (size_t m = len; m-- > 0;) {
      if (p[m] == '.') { if (run != 3) return -1; run = 0; } else run++;
    }
  }
  n->int_digits = 0; n->decimals = 0;
  int after_point = 0;
  for (size_t m = 0; m < len; m++) {
    char ch = p[m];
    if (ch == ',') continue;
    if (ch == '.') {
      if (dot_thousands) continue;
      if (commas && after_point) return -1;
      after_point = 1;
      buf[k++] = '.';
      continue;
    }
    buf[k++] = ch;
    if (after_point) n->decimals++; else n->int_digits++;
  }
  buf[k] = 0;
  n->value = strtod(buf, NULL);
  n->integer = !after_point;
  n->separators = commas > 0 || dot_thousands;
  return 0;
}

/* "940 000", "80, 000": more 3-digit groups after a short leading group. */
static size_t join_groups(const cb_qctx *c, size_t i, cb_qnum *n) {
  if (!num_plain(c, i) || tok_len(c, i) > 3) return i;
  size_t last = i;
  for (;;) {
    size_t j = last + 1, sep = 0;
    if (cb_q_punct(c, j, ',')) { sep = 1; j++; }
    if (j >= c->nt || c->t[j].kind != QT_SPACE || c->t[j].newline || tok_len(c, j) != 1) break;
    j++;
    if (!num_plain(c, j) || tok_len(c, j) != 3) break;
    /* "80, 000" needs the comma; "940 000" needs no comma */
    size_t after = j + 1;
    if (after < c->nt && (c->t[after].kind == QT_NUM || cb_q_punct(c, after, '/'))) break;
    if (sep && c->s[c->t[j].start] != '0' && last == i) { /* "3, 500" may be a list */ }
    n->value = n->value * 1000 + strtod(c->s + c->t[j].start, NULL);
    n->int_digits += 3;
    n->separators = 1;
    last = j;
  }
  return last;
}

static int fraction_at(const cb_qctx *c, size_t i, double *v, size_t *last) {
  if (!num_plain(c, i) || !cb_q_punct(c, i + 1, '/') || !num_plain(c, i + 2)) return 0;
  if (i + 3 < c->nt && (cb_q_punct(c, i + 3, '/') || c->t[i + 3].kind == QT_NUM)) return 0;
  double a = strtod(c->s + c->t[i].start, NULL), b = strtod(c->s + c->t[i + 2].start, NULL);
  if (b < 2 || b > 16 || a <= 0 || a >= b) return 0;
  *v = a / b;
  *last = i + 2;
  return 1;
}

/* Scale after digits: a glued suffix ("1.8M", "5bn") or a spaced word ("4.5 million"). */
static size_t apply_scale(const cb_qctx *c, size_t last, cb_qnum *n) {
  size_t j = last + 1;
  if (j < c->nt && c->t[j].kind == QT_WORD && !c->t[j].digit_in) {
    char b[8];
    size_t len = cb_q_lower(c, j, b, sizeof b);
    const cb_qscale *s = cb_qlex_scale(c->lx, c->s + c->t[j].start, c->t[j].end - c->t[j].start, 1);
    if (!s && len) s = cb_qlex_scale(c->lx, b, len, 0);
    if (s) {
      n->value *= s->factor; n->scaled = 1;
      n->suffix_money = (s->flags & QL_SCALE_CURRENCY) != 0;
      n->suffix_factor = s->factor;
      return j;
    }
    return last;
  }
  size_t k = cb_q_next(c, last);
  const cb_qnumword *w = k < c->nt ? word_at(c, k) : NULL;
  if (w && (w->kind == QN_SCALE || w->kind == QN_HUNDRED) && c->t[k].kind == QT_WORD) {
    n->value *= w->value; n->scaled = 1;
    size_t k2 = cb_q_next(c, k);   /* "1.5 million" "billion"? only one scale, but allow "hundred thousand" */
    const cb_qnumword *w2 = k2 < c->nt ? word_at(c, k2) : NULL;
    if (w->kind == QN_HUNDRED && w2 && w2->kind == QN_SCALE) { n->value *= w2->value; return k2; }
    return k;
  }
  return last;
}

static int parse_digits(const cb_qctx *c, size_t i, cb_qnum *n) {
  double frac;
  size_t last;
  n->digits = 1;
  if (fraction_at(c, i, &frac, &last)) {
    n->value = frac; n->integer = 0; n->int_digits = 1; n->last = last;
    n->last = apply_scale(c, n->last, n);
    return 1;
  }
  if (digits_value(c, i, n) < 0) return -1;
  last = join_groups(c, i, n);
  /* mixed fraction "7 3/4", "2½" */
  size_t k = cb_q_next(c, last);
  if (n->integer && k < c->nt && fraction_at(c, k, &frac, &last)) { n->value += frac; n->integer = 0; }
  else if (n->integer && last + 1 < c->nt) {
    const cb_qnumword *w = word_at(c, last + 1);
    if (w && w->kind == QN_SIGN) { n->value += w->value; n->integer = 0; last++; }
  }
  n->last = apply_scale(c, last, n);
  return 1;
}

/* "hundreds of", "tens of thousands of": the value and the "of" are part of the number. */
static int parse_vague(const cb_qctx *c, size_t i, const cb_qnumword *w, cb_qnum *n) {
  size_t of = cb_q_next(c, i);
  if (of >= c->nt || !cb_q_is(c, of, "of")) return 0;
  n->value = w->value; n->vague = 1; n->last = of;
  size_t k = cb_q_next(c, of);
  const cb_qnumword *w2 = k < c->nt ? word_at(c, k) : NULL;
  size_t of2 = k < c->nt ? cb_q_next(c, k) : c->nt;
  if (w2 && w2->kind == QN_VAGUE && w2->value >= 1000 && of2 < c->nt && cb_q_is(c, of2, "of")) {
    n->value *= w2->value; n->last = of2;
  }
  return 1;
}

/* Number words: a running total with hundreds and scales; two units in a row end it. */
static int parse_words(const cb_qctx *c, size_t i, cb_qnum *n) {
  double total = 0, cur = 0;
  int prev = -1, any = 0;
  size_t j = i, last = i;
  const cb_qnumword *w = word_at(c, i);
  n->digits = 0; n->integer = 1; n->int_digits = 0;
  if (!w) {   /* "a dozen", "a hundred", "an eighth"? only scales and dozen */
    size_t k = cb_q_next(c, i);
    const cb_qnumword *w2 = k < c->nt ? word_at(c, k) : NULL;
    if (!(cb_q_is(c, i, "a") || cb_q_is(c, i, "an")) || !w2) return 0;
    if (w2->kind == QN_FRACTION) {   /* "a half", "a quarter million" */
      size_t k3 = cb_q_next(c, k);
      const cb_qnumword *w3 = k3 < c->nt ? word_at(c, k3) : NULL;
      if (w3 && w3->kind == QN_SCALE) { n->value = w2->value * w3->value; n->scaled = 1; n->last = k3; return 1; }
      if (!cb_q_is(c, k, "half")) return 0;   /* "a quarter" is mostly three months */
      n->value = w2->value; n->integer = 0; n->last = k;
      return 1;
    }
    if (w2->kind != QN_SCALE && w2->kind != QN_HUNDRED && w2->kind != QN_DOZEN) return 0;
    cur = 1; prev = QN_UNIT; any = 1; j = k; w = w2;
  }
  if (w->kind == QN_SIGN) { n->value = w->value; n->integer = 0; n->last = i; return 1; }
  if (w->kind == QN_VAGUE) return parse_vague(c, i, w, n);
  if (w->kind == QN_FRACTION) {   /* "half a million", "half a mile", "half million" */
    size_t k = cb_q_next(c, i), k2 = k < c->nt ? cb_q_next(c, k) : c->nt;
    const cb_qnumword *ws = k < c->nt ? word_at(c, k) : NULL;
    if (ws && ws->kind == QN_SCALE) { n->value = w->value * ws->value; n->last = k; n->scaled = 1; n->integer = 0; return 1; }
    if (k < c->nt && (cb_q_is(c, k, "a") || cb_q_is(c, k, "an"))) {
      const cb_qnumword *w2 = k2 < c->nt ? word_at(c, k2) : NULL;
      if (w2 && (w2->kind == QN_SCALE || w2->kind == QN_HUNDRED)) {
        n->value = w->value * w2->value; n->last = k2; n->scaled = 1; n->integer = 0;
        return 1;
      }
      n->value = w->value; n->integer = 0; n->last = k;
      return 1;
    }
    return 0;
  }
  if (w->kind == QN_DENOM || w->kind == QN_DOZEN || w->kind == QN_SCALE || w->kind == QN_HUNDRED) {
    if (!any) return 0;
  }
  for (;;) {
    if (!w) break;
    if (w->kind == QN_UNIT) {
      if (prev == QN_UNIT || (prev == QN_TENS && w->value >= 10)) break;
      cur += w->value;
    } else if (w->kind == QN_TENS) {
      if (prev == QN_UNIT || prev == QN_TENS) break;
      cur += w->value;
    } else if (w->kind == QN_HUNDRED) {
      cur = (cur ? cur : 1) * 100;
    } else if (w->kind == QN_SCALE) {
      total += (cur ? cur : 1) * w->value; cur = 0;
    } else if (w->kind == QN_DOZEN) {
      cur = (cur ? cur : 1) * 12;
    } else if (w->kind == QN_DENOM && prev == QN_UNIT && cb_q_punct(c, j - 1, '-')) {
      if (cur > 0 && cur < w->value) { cur = cur / w->value; n->integer = 0; }
      else break;
    } else if (w->kind == QN_DENOM && prev == QN_UNIT && cur > 0 && cur < w->value
               && cb_q_next(c, j) < c->nt && word_at(c, cb_q_next(c, j)) && word_at(c, cb_q_next(c, j))->kind == QN_SCALE) {
      cur = cur / w->value; n->integer = 0;
    } else if (w->kind == QN_DENOM && prev == QN_UNIT && j >= 2 && cb_q_punct(c, j - 2, '-')) {
      if (cur > 0 && cur < w->value) { cur = cur / w->value; n->integer = 0; }
      else break;
    } else {
      break;
    }
    prev = w->kind; any = 1; last = j;
    if (c->t[j].kind != QT_WORD) break;
    /* joiners: "twenty-one", "one hundred and five", "one - third" */
    size_t k = cb_q_next(c, j);
    if (k < c->nt && cb_q_punct(c, k, '-')) k = cb_q_next(c, k);
    else if (k < c->nt && cb_q_is(c, k, "and") && (prev == QN_HUNDRED || prev == QN_SCALE)) k = cb_q_next(c, k);
    if (k >= c->nt) break;
    w = word_at(c, k);
    if (!w || c->t[k].kind != QT_WORD || w->kind == QN_FRACTION || w->kind == QN_SIGN) break;
    j = k;
  }
  if (!any) return 0;
  n->value = total + cur;
  n->last = last;
  n->scaled = total > 0;
  return 1;
}

int cb_qnum_word_start(const cb_qctx *c, size_t i) {
  if (i >= c->nt) return 0;
  if (c->t[i].kind == QT_PUNCT) { const cb_qnumword *w = word_at(c, i); return w && w->kind == QN_SIGN; }
  if (c->t[i].kind != QT_WORD || c->t[i].end - c->t[i].start > 12) return 0;
  const cb_qnumword *w = word_at(c, i);
  if (w && w->kind == QN_VAGUE) { size_t of = cb_q_next(c, i); return of < c->nt && cb_q_is(c, of, "of"); }
  if (w) return w->kind == QN_UNIT || w->kind == QN_TENS || w->kind == QN_FRACTION;
  if (cb_q_is(c, i, "a") || cb_q_is(c, i, "an")) {
    size_t k = cb_q_next(c, i);
    const cb_qnumword *w2 = k < c->nt ? word_at(c, k) : NULL;
    return w2 && (w2->kind == QN_SCALE || w2->kind == QN_HUNDRED || w2->kind == QN_DOZEN || w2->kind == QN_FRACTION);
  }
  return 0;
}

int cb_qnum_parse(const cb_qctx *c, size_t i, cb_qnum *n) {
  memset(n, 0, sizeof *n);
  n->first = i;
  if (i >= c->nt) return 0;
  if (c->t[i].kind == QT_NUM) return parse_digits(c, i, n);
  if (!cb_qnum_word_start(c, i)) return 0;
  return parse_words(c, i, n);
}
