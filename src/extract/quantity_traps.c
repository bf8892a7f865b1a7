/*
 * quantity_traps.c - numbers that are not quantities: times of day ("2:00 pm", "2.15pm"),
 * dates ("November 21", "1 may", "2025-12-04", "12/04/2025"), years ("in 2024"), codes and
 * phone numbers ("555-123-4567", "+44 20", "scp-173", "24703 L-202", long digit runs),
 * ordinals ("21st"), addresses ("123 Random Street", "PA 23456") and the pronoun "one".
 */
#include "extract/quantity_internal.h"
#include <string.h>

static int is_ampm(const cb_qctx *c, size_t i, size_t *last) {
  if (i >= c->nt) return 0;
  if (cb_q_is(c, i, "am") || cb_q_is(c, i, "pm")) { *last = i; return 1; }
  /* "a.m." / "p.m." */
  if ((cb_q_is(c, i, "a") || cb_q_is(c, i, "p")) && cb_q_punct(c, i + 1, '.') && cb_q_is(c, i + 2, "m")) {
    *last = cb_q_punct(c, i + 3, '.') ? i + 3 : i + 2;
    return 1;
  }
  return 0;
}

int cb_q_is_time(const cb_qctx *c, const cb_qnum *n, size_t *skip_to) {
  if (!n->digits) return 0;
  size_t i = n->first, last;
  /* the minutes of "2:15" */
  if (i >= 2 && cb_q_punct(c, i - 1, ':') && c->t[i - 2].kind == QT_NUM) { *skip_to = n->last; return 1; }
  if (cb_q_punct(c, i + 1, ':') && i + 2 < c->nt && c->t[i + 2].kind == QT_NUM
      && c->t[i + 2].end - c->t[i + 2].start == 2) {
    size_t k = i + 2, j;
    if (cb_q_punct(c, k + 1, ':') && k + 2 < c->nt && c->t[k + 2].kind == QT_NUM) k += 2;
    j = cb_q_next(c, k);
    *skip_to = (j < c->nt && is_ampm(c, j, &last)) ? last : k;
    if (k + 1 < c->nt && is_ampm(c, k + 1, &last)) *skip_to = last;
    return 1;
  }
  size_t j = n->last + 1;
  if (j < c->nt && c->t[j].kind == QT_SPACE) j = cb_q_next(c, n->last);
  if (j < c->nt && is_ampm(c, j, &last)) {
    if (n->integer && n->value >= 1 && n->value <= 12) { *skip_to = last; return 1; }
    if (n->decimals == 2 && n->value < 13) { *skip_to = last; return 1; }   /* "2.15pm" */
  }
  return 0;
}

static int month_at(const cb_qctx *c, size_t i, int need_plain) {
  const cb_qword *w = cb_q_word(c, i);
  if (!w) return 0;
  if (!strcmp(w->cls, "month")) return 1;
  if (!strcmp(w->cls, "month_ambiguous")) return c->t[i].upper || !need_plain;
  return 0;
}

int cb_q_is_date(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->separators || n->value < 1 || n->value > 31 || n->int_digits > 2) return 0;
  size_t p = cb_q_prev(c, n->first);
  if (p != (size_t)-1 && cb_q_punct(c, p, '.')) p = cb_q_prev(c, p);   /* "Dec. 12" */
  if (p != (size_t)-1 && month_at(c, p, 1)) return 1;
  if (p != (size_t)-1 && month_at(c, p, 0)) {   /* "on may 19" */
    size_t pp = cb_q_prev(c, p);
    if (pp != (size_t)-1 && (cb_q_is(c, pp, "on") || cb_q_is(c, pp, "since") || cb_q_is(c, pp, "until"))) return 1;
  }
  size_t x = cb_q_next(c, n->last);
  if (x < c->nt && cb_q_is(c, x, "of")) x = cb_q_next(c, x);            /* "21 of November" */
  if (x < c->nt && month_at(c, x, 1)) return 1;
  /* "on 1 may" */
  if (x < c->nt && month_at(c, x, 0) && p != (size_t)-1 && cb_q_is(c, p, "on")) return 1;
  return 0;
}

static int digits_of(const cb_qctx *c, size_t i) {
  return i < c->nt && c->t[i].kind == QT_NUM ? (int)(c->t[i].end - c->t[i].start) : 0;
}

int cb_q_is_code(const cb_qctx *c, const cb_qnum *n, size_t *skip_to) {
  size_t i = n->first;
  if (!n->digits) return 0;
  *skip_to = n->last;
  /* glued to letters before: "L202" is one word; "scp-173", "COVID-19", "F-16" */
  if (i > 0 && c->t[i - 1].kind == QT_WORD) return 1;
  if (i > 1 && cb_q_punct(c, i - 1, '-') && (c->t[i - 2].kind == QT_WORD || c->t[i - 2].kind == QT_NUM)) return 1;
  if (i > 0 && (cb_q_punct(c, i - 1, '+') || cb_q_punct(c, i - 1, '#'))) {  /* "+44 20 ..." phone, "#5" */
    size_t k = n->last;
    while (k + 2 < c->nt && (c->t[k + 1].kind == QT_SPACE || cb_q_punct(c, k + 1, '-')) && c->t[k + 2].kind == QT_NUM) k += 2;
    *skip_to = k;
    return 1;
  }
  /* a digit group with a leading zero, "0161 496 0720", "020 7946": a phone number or code,
   * with the digit groups spaced after it */
  if (c->t[i].kind == QT_NUM && digits_of(c, i) >= 3 && c->s[c->t[i].start] == '0' && n->integer) {
    size_t k = i;
    while (k + 2 < c->nt && c->t[k + 1].kind == QT_SPACE && !c->t[k + 1].newline && c->t[k + 2].kind == QT_NUM) k += 2;
    *skip_to = k;
    return 1;
  }
  /* a glued run of numbers joined by - . / : "2025-12-04", "555-123-4567", "12/04/2025" */
  size_t k = i, nums = 1;
  while (k + 2 < c->nt && (cb_q_punct(c, k + 1, '-') || cb_q_punct(c, k + 1, '/') || cb_q_punct(c, k + 1, '.'))
         && c->t[k + 2].kind == QT_NUM) { k += 2; nums++; }
  if (nums >= 3) { *skip_to = k; return 1; }
  /* "(555) 123-4567" */
  if (i > 0 && cb_q_punct(c, i - 1, '(') && cb_q_punct(c, i + 1, ')') && digits_of(c, i) == 3) {
    size_t a = cb_q_next(c, i + 1);
    if (digits_of(c, a) == 3 && cb_q_punct(c, a + 1, '-') && digits_of(c, a + 2) == 4) { *skip_to = a + 2; return 1; }
  }
  /* "123-4567" */
  if (digits_of(c, i) == 3 && cb_q_punct(c, i + 1, '-') && digits_of(c, i + 2) == 4) { *skip_to = i + 2; return 1; }
  /* glued to a word that is no unit or suffix is checked by the caller; long digit runs: */
  if (n->integer && !n->separators && n->int_digits >= 10) return 1;
  /* a number followed by an id: "24703 L-202", "24703 m212" */
  size_t x = cb_q_next(c, n->last);
  if (x < c->nt && x != n->last + 1 && c->t[x].kind == QT_WORD) {
    char key[16];
    size_t kl = c->t[x].end - c->t[x].start;
    int unit = 0;
    if (c->t[x].digit_in && kl < sizeof key) {
      memcpy(key, c->s + c->t[x].start, kl);
      unit = cb_qlex_unit(c->lx, key, kl, 1) != NULL;
      for (size_t q = 0; q < kl; q++) if (key[q] >= 'A' && key[q] <= 'Z') key[q] = (char)(key[q] + 32);
      unit = unit || cb_qlex_unit(c->lx, key, kl, 0) != NULL;
    }
    if (c->t[x].digit_in && !unit) { *skip_to = x; return 1; }
    if (cb_q_punct(c, x + 1, '-') && x + 2 < c->nt && c->t[x + 2].kind == QT_NUM) { *skip_to = x + 2; return 1; }
  }
  /* ordinals "21st", "3rd" */
  if (n->last + 1 < c->nt && c->t[n->last + 1].kind == QT_WORD) {
    size_t j = n->last + 1;
    if (cb_q_is(c, j, "st") || cb_q_is(c, j, "nd") || cb_q_is(c, j, "rd") || cb_q_is(c, j, "th")) { *skip_to = j; return 1; }
  }
  return 0;
}

int cb_q_is_year(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->separators || n->int_digits != 4 || n->scaled) return 0;
  if (n->value < 1000 || n->value > 2100) return 0;
  if (n->first > 0 && cb_q_punct(c, n->first - 1, '$')) return 0;
  /* "1990s" decades */
  return 1;
}

int cb_q_is_address(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->separators) return 0;
  size_t p = cb_q_prev(c, n->first);
  /* "PA 23456": a ZIP code after a two-letter state */
  if (n->int_digits == 5 && p != (size_t)-1 && c->t[p].kind == QT_WORD && c->t[p].end - c->t[p].start == 2
      && c->t[p].upper && c->s[c->t[p].start + 1] >= 'A' && c->s[c->t[p].start + 1] <= 'Z') return 1;
  /* "123 Random Street" */
  size_t k = n->last;
  for (int w = 0; w < 3; w++) {
    k = cb_q_next(c, k);
    if (k >= c->nt || c->t[k].kind != QT_WORD || !c->t[k].upper) return 0;
    const cb_qword *sw = cb_q_word(c, k);
    if (sw && !strcmp(sw->cls, "street") && w > 0) return 1;
  }
  return 0;
}

/* A number that names one item of a numbered series: "No. 2", "verse 71", "page 12", "gate 5"
 * (words.tsv class "ref"). */
int cb_q_is_reference(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->separators) return 0;
  size_t p = cb_q_prev(c, n->first);
  if (p != (size_t)-1 && cb_q_punct(c, p, ':')) p = cb_q_prev(c, p);   /* "code: 17" */
  if (p != (size_t)-1 && cb_q_punct(c, p, '.')) {   /* "No. 2" */
    size_t w = p > 0 ? p - 1 : (size_t)-1;
    return w != (size_t)-1 && c->t[w].kind == QT_WORD && c->t[w].end - c->t[w].start == 2 &&
           !memcmp(c->s + c->t[w].start, "No", 2);
  }
  const cb_qword *w = p != (size_t)-1 && c->t[p].kind == QT_WORD ? cb_q_word(c, p) : NULL;
  return w && !strcmp(w->cls, "ref");
}

int cb_q_is_pronoun_one(const cb_qctx *c, const cb_qnum *n) {
  if (n->digits || n->first != n->last || !cb_q_is(c, n->first, "one")) return 0;
  cb_qunitm um;
  if (cb_q_unit_after(c, n, &um)) return 0;   /* "that one mile" */
  size_t p = cb_q_prev(c, n->first), x = cb_q_next(c, n->last);
  const cb_qword *w = p != (size_t)-1 ? cb_q_word(c, p) : NULL;
  if (w && !strcmp(w->cls, "one_det")) return 1;
  if (x < c->nt && (cb_q_is(c, x, "another") || cb_q_is(c, x, "by"))) return 1;
  const cb_qword *wx = x < c->nt ? cb_q_word(c, x) : NULL;
  if (wx && !strcmp(wx->cls, "one_after")) return 1;
  size_t y = x < c->nt ? cb_q_next(c, x) : c->nt;   /* "one in which", "one of whom" */
  const cb_qword *wy = y < c->nt ? cb_q_word(c, y) : NULL;
  /* "which" is listed as one_det ("which one"), so it is named here */
  return c->t[x].kind == QT_WORD && !wx && y < c->nt &&
         ((wy && !strcmp(wy->cls, "one_after")) || cb_q_is(c, y, "which"));
}

int cb_q_near_score_word(const cb_qctx *c, size_t i) {
  size_t k = i;
  for (int w = 0; w < 4; w++) {
    k = cb_q_prev(c, k);
    if (k == (size_t)-1 || c->t[k].kind == QT_PUNCT) return 0;
    const cb_qword *sw = cb_q_word(c, k);
    if (sw && !strcmp(sw->cls, "score")) return 1;
  }
  return 0;
}

int cb_q_is_name_number(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->separators) return 0;
  size_t p = cb_q_prev(c, n->first);
  if (p == (size_t)-1 || c->t[p].kind != QT_WORD || c->t[p].digit_in) return 0;
  int inner = 0;   /* "iPhone 15", "eBay 2": a capital inside the word marks a name too */
  for (size_t k = c->t[p].start + 1; k < c->t[p].end; k++) inner |= c->s[k] >= 'A' && c->s[k] <= 'Z';
  if (!c->t[p].upper && !inner) return 0;
  if (p + 1 != n->first && c->t[p + 1].kind != QT_SPACE) return 0;
  int caps = c->t[p].end - c->t[p].start >= 3;
  for (size_t k = c->t[p].start; k < c->t[p].end; k++) if (c->s[k] < 'A' || c->s[k] > 'Z') caps = 0;
  if (caps) return 1;   /* "FRANCE 24" */
  size_t pp = cb_q_prev(c, p);
  if (pp == (size_t)-1 || (c->t[pp].kind == QT_PUNCT && (cb_q_punct(c, pp, '.') || cb_q_punct(c, pp, '"')))) return 0;
  const cb_qword *w = cb_q_word(c, p);
  if (w) return 0;   /* month, street: other rules */
  return 1;
}

int cb_q_is_enumerator(const cb_qctx *c, const cb_qnum *n) {
  if (!n->digits || !n->integer || n->int_digits > 2 || !cb_q_punct(c, n->last + 1, ')')) return 0;
  size_t k = n->first;
  for (int w = 0; w < 8; w++) {   /* "(1)" or "(exit 436)" is no list item */
    k = cb_q_prev(c, k);
    if (k == (size_t)-1) break;
    if (cb_q_punct(c, k, '(')) return 0;
  }
  return 1;
}
