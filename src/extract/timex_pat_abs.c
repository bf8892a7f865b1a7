/*
 * timex_pat_abs.c - the timex patterns for dates that carry their own calendar position:
 * numeric dates and times of day, month names with days and years, years, decades,
 * centuries and years said in words, quarters, seasons and holidays. A missing year is
 * taken from the article date (and the tense of the sentence).
 */
#include "extract/timex_query.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2025-12-04, 2025-11, 12/04/2025, and "2012-13" (a season: a range, never month 13). */
size_t cb_tp_numeric(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (num_tok(c, i, 4, 4) && (is_punct(c, i + 1, '-') || is_punct(c, i + 1, '/')) && glued(c, i + 1) &&
      num_tok(c, i + 2, 2, 2) && glued(c, i + 2)) {
    int y = c->t[i].num, m = c->t[i + 2].num;
    if (is_punct(c, i + 3, c->t[i + 1].ch) && glued(c, i + 3) && num_tok(c, i + 4, 2, 2) && glued(c, i + 4)) {
      if (!cb_cal_valid(y, m, c->t[i + 4].num)) return 0;
      set(r, i + 5, CB_TIMEX_DATE, CB_TP_DAY, 0);
      cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, c->t[i + 4].num));
      if (ends_clean(c, i + 5)) return r->end;
      /* 2025-12-04T10:30[:00][Z] */
      if (!word_is(c, i + 5, "T") || !glued(c, i + 5) || !num_tok(c, i + 6, 2, 2) || !glued(c, i + 6) ||
          !is_punct(c, i + 7, ':') || !glued(c, i + 7) || !num_tok(c, i + 8, 2, 2) || !glued(c, i + 8)) return 0;
      int h = c->t[i + 6].num, mi = c->t[i + 8].num;
      if (h > 23 || mi > 59) return 0;
      size_t e = i + 9;
      if (is_punct(c, e, ':') && glued(c, e) && num_tok(c, e + 1, 2, 2) && glued(c, e + 1)) e += 2;
      if (word_is(c, e, "Z") && glued(c, e)) e++;
      snprintf(r->val + 10, sizeof r->val - 10, "T%02d:%02d", h, mi);
      r->end = e; r->type = CB_TIMEX_TIME; r->prec = CB_TP_MINUTE;
      return e;
    }
    if (glued(c, i + 3) && (c->t[i + 3].kind != TK_PUNCT || is_punct(c, i + 3, '-'))) return 0;
    if (m == (y + 1) % 100) {
      set(r, i + 3, CB_TIMEX_DATE, CB_TP_YEAR, 0);
      cb_tv_year(r->val, sizeof r->val, c, y);
      snprintf(r->vend, sizeof r->vend, "%04d", y + 1);
      return r->end;
    }
    if (c->t[i + 1].ch == '-' && m >= 1 && m <= 12 && y >= 1000) {
      set(r, i + 3, CB_TIMEX_DATE, CB_TP_MONTH, 0);
      cb_tv_month(r->val, sizeof r->val, c, y, m);
      return r->end;
    }
    return 0;
  }
  if (num_tok(c, i, 1, 2) && is_punct(c, i + 1, '/') && glued(c, i + 1) && num_tok(c, i + 2, 1, 2) &&
      glued(c, i + 2) && is_punct(c, i + 3, '/') && glued(c, i + 3) && glued(c, i + 4) &&
      (num_tok(c, i + 4, 4, 4) || num_tok(c, i + 4, 2, 2)) && ends_clean(c, i + 5)) {
    int m = c->t[i].num, d = c->t[i + 2].num, y = c->t[i + 4].num;
    if (c->t[i + 4].ndig == 2) y += y < 50 ? 2000 : 1900;
    if (m > 12 && d <= 12) { int t = m; m = d; d = t; }      /* 25/12/2025: day first */
    if (!cb_cal_valid(y, m, d)) return 0;
    set(r, i + 5, CB_TIMEX_DATE, CB_TP_DAY, 0);
    cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, d));
    return r->end;
  }
  return 0;
}

static size_t ampm_at(const cb_tm_ctx *c, size_t i, int *pm) {
  if (i >= c->nt || c->t[i].gap > 1) return 0;
  if (word_is(c, i, "am") || word_is(c, i, "pm")) { *pm = word_is(c, i, "pm"); return i + 1; }
  if ((word_is(c, i, "a") || word_is(c, i, "p")) && is_punct(c, i + 1, '.') && glued(c, i + 1) &&
      word_is(c, i + 2, "m") && glued(c, i + 2)) {
    *pm = word_is(c, i, "p");
    return is_punct(c, i + 3, '.') && glued(c, i + 3) ? i + 4 : i + 3;
  }
  return 0;
}

/* "in the morning", "in the evening", "at night" after an hour ("4 in the morning"): its am/pm. */
static size_t pod_clock_at(const cb_tm_ctx *c, size_t i, int *pm) {
  if (word_is(c, i, "at") && word_is(c, i + 1, "night")) { *pm = 1; return i + 2; }
  if (!word_is(c, i, "in") || !word_is(c, i + 1, "the")) return 0;
  int p = has(c, i + 2, TL_POD) ? val(c, i + 2, TL_POD) : 0;
  if (p != TD_MO && p != TD_AF && p != TD_EV) return 0;
  *pm = p != TD_MO;
  return i + 3;
}

/* A clock time with no day of its own ("was shot at 10 p.m.") falls on the day named just before it
 * (within a couple of sentences), else on the article date. */
#define CLOCK_REACH 40
void cb_tp_time_value(const cb_tm_ctx *c, cb_tm_res *r, int h, int mi) {
  char d[16] = "XXXX-XX-XX";
  if (c->has_last_day && c->last_day_tok <= c->at && c->at - c->last_day_tok <= CLOCK_REACH) cb_tv_day(d, sizeof d, c, c->last_day);
  else if (c->has_dct) cb_tv_day(d, sizeof d, c, c->dct);
  snprintf(r->val, sizeof r->val, "%sT%02d:%02d", d, h, mi);
}

/* 2.15pm, 9 a.m., 14:30, 10:05 pm, 5 o'clock */
size_t cb_tp_clock(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (num_tok(c, i, 4, 4) && has(c, i + 1, TL_TZ) && c->t[i + 1].cap && !glued(c, i + 1) && i > 0 &&
      (word_is(c, i - 1, "at") || word_is(c, i - 1, "by") || word_is(c, i - 1, "until") || word_is(c, i - 1, "from") ||
       word_is(c, i - 1, "before") || word_is(c, i - 1, "after")) &&
      c->t[i].num / 100 <= 23 && c->t[i].num % 100 <= 59) {          /* "at 0800 UTC", "by 1430 GMT" */
    set(r, i + 1, CB_TIMEX_TIME, CB_TP_MINUTE, c->has_dct ? CB_TIMEX_RELATIVE : 0);
    cb_tp_time_value(c, r, c->t[i].num / 100, c->t[i].num % 100);
    return i + 1;
  }
  if (!num_tok(c, i, 1, 2)) return 0;
  int h = c->t[i].num, mi = 0, pm = -1, colon = 0;
  size_t j = i + 1;
  if ((is_punct(c, j, ':') || is_punct(c, j, '.')) && glued(c, j) && num_tok(c, j + 1, 2, 2) && glued(c, j + 1)) {
    colon = c->t[j].ch == ':';
    mi = c->t[j + 1].num;
    j += 2;
  }
  int oclock = !colon && word_is(c, j, "o'clock");          /* "at 5 o'clock", "5 o'clock in the evening" */
  if (oclock) j++;
  size_t k = ampm_at(c, j, &pm);
  if (!k) k = pod_clock_at(c, j, &pm);
  if (k) j = k;
  else if (!oclock && (!colon || glued(c, j))) return 0;
  if (h > 23 || mi > 59 || (pm >= 0 && (h < 1 || h > 12)) || (oclock && (h < 1 || h > 12))) return 0;
  if (pm == 1 && h < 12) h += 12;
  if (pm == 0 && h == 12) h = 0;
  set(r, j, CB_TIMEX_TIME, CB_TP_MINUTE, c->has_dct ? CB_TIMEX_RELATIVE : 0);
  cb_tp_time_value(c, r, h, mi);
  return j;
}

/* "-23" / "to 23" after a day: the last day of a range ("November 17-23"), 0 if none. */
static int range_end_day(const cb_tm_ctx *c, size_t k, int first, size_t *end) {
  size_t j = k;
  if (is_punct(c, j, '-')) j++;
  else if (word_is(c, j, "to") || word_is(c, j, "through")) j++;
  else return 0;
  size_t e;
  int d2 = day_at(c, j, &e);
  if (!d2 || d2 <= first) return 0;
  *end = e;
  return d2;
}

static size_t year_suffix(const cb_tm_ctx *c, size_t j, int *y) {
  size_t k = j;
  if (is_punct(c, k, ',')) k++;
  if (word_is(c, k, "of")) k++;
  int yy = year_at(c, k, 0);
  if (yy) { *y = yy; return k + 1; }
  cb_tm_res sr;
  size_t se = has(c, k, TL_NUM) ? cb_tp_spelled_year(c, k, &sr) : 0;   /* "January nineteen ninety-seven" */
  if (se && sr.val[0] >= '0' && sr.val[0] <= '9') { *y = atoi(sr.val); return se; }
  if (num_tok(c, k, 1, 4) && (word_is(c, k + 1, "BC") || word_is(c, k + 1, "BCE"))) { *y = 1 - c->t[k].num; return k + 2; }
  return 0;
}

/* A past verb just before a date ("ended March 31", "stepped down in March"): the date lies behind. */
static int past_verb_before(const cb_tm_ctx *c, size_t i) {
  if (i > 0 && (word_is(c, i - 1, "in") || word_is(c, i - 1, "on") || word_is(c, i - 1, "since"))) i--;
  if (i == 0 || c->t[i - 1].kind != TK_WORD) return 0;
  size_t k = c->t[i - 1].e - c->t[i - 1].s;
  const char *w = c->s + c->t[i - 1].s;
  if (has(c, i - 1, TL_PAST)) return 1;
  return k >= 5 && w[k - 2] == 'e' && w[k - 1] == 'd' && !has(c, i - 1, TL_FUTURE);
}

/* A bare month word that names an event, not a month: "Women's March on Versailles", "the Ice March to
 * the Kuban", "the annual March for Life" (after a possessive or a capitalised word inside the sentence,
 * or before on/to/for/from and a capitalised word). Only for month words that double as words. */
static int event_named_march(const cb_tm_ctx *c, size_t i, size_t j) {
  const cb_tl_entry *e = lexof(c, i);
  if (!e || !(e->flags & TLF_CAP)) return 0;
  if ((word_is(c, j, "on") || word_is(c, j, "to") || word_is(c, j, "for") || word_is(c, j, "from")) &&
      j + 1 < c->nt && c->t[j + 1].kind == TK_WORD && c->t[j + 1].cap && !has(c, j + 1, TL_MONTH) &&
      !has(c, j + 1, TL_WEEKDAY) && !has(c, j + 1, TL_REL)) return 1;
  if (i >= 1 && word_is(c, i - 1, "s") && i >= 2 && is_punct(c, i - 2, '\'')) return 1;
  if (i >= 2 && c->t[i - 1].kind == TK_WORD && c->t[i - 1].cap && !lexof(c, i - 1) && c->t[i - 1].gap < 2 &&
      !(c->t[i - 2].kind == TK_PUNCT && c->t[i - 2].ch && strchr(".!?\"'`", c->t[i - 2].ch)) && !(i >= 1 && c->t[i - 1].gap == 2)) return 1;
  return 0;
}

/* "of that year", "of the same year" after a month ("August of that year", "July 25 of the same year"): the
 * year of the date the text named before. Returns the token after it (0: none) and sets *y. */
static size_t that_year_suffix(const cb_tm_ctx *c, size_t k, int *y) {
  if (!c->has_last) return 0;
  if (is_punct(c, k, ',')) k++;
  if (!word_is(c, k, "of")) return 0;
  k++;
  if (word_is(c, k, "the") && word_is(c, k + 1, "same")) k += 2;
  else if (word_is(c, k, "that")) k += word_is(c, k + 1, "same") ? 2 : 1;
  else return 0;
  if (!word_is(c, k, "year")) return 0;
  *y = cb_cal_date(c->last).y;
  return k + 1;
}

/* A day said as an ordinal word after its month ("March eighth", "June first, 1999"): the day, else 0. Only
 * where nothing of a phrase follows ("the June first quarter", "May first-half sales" are not days). */
static int ordinal_day(const cb_tm_ctx *c, size_t j, size_t *end) {
  if (!has(c, j, TL_ORD) || val(c, j, TL_ORD) < 1 || val(c, j, TL_ORD) > 31) return 0;
  size_t k = j + 1;
  if (k < c->nt && c->t[k].kind == TK_WORD && !has(c, k, TL_FUNC) && !has(c, k, TL_YEARPREP)) return 0;
  if (k < c->nt && c->t[k].kind == TK_PUNCT && c->t[k].ch == '-' && glued(c, k)) return 0;
  *end = k;
  return val(c, j, TL_ORD);
}

/* November 24 / Nov. 24, 2025 / 24 November 2025 / the 24th of November / November 2025 / November */
size_t cb_tp_month(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j, k, start = i;
  int wd = weekday_at(c, i, &j);
  if (wd) { i = is_punct(c, j, ',') ? j + 1 : j; }
  int m = month_at(c, i, &j), d = 0, y = 0, dlast = 0;
  size_t end = 0;
  if (m) {
    d = day_at(c, j, &k);
    if (!d) d = ordinal_day(c, j, &k);
    if (d) {
      int d2 = range_end_day(c, k, d, &k);
      if (d2) dlast = d2;
      end = k;
      size_t ye = year_suffix(c, k, &y);
      if (ye && !word_is(c, k, "of")) end = ye; else y = 0;
    } else {
      size_t ye = year_suffix(c, j, &y);
      end = ye ? ye : j;
      if (!ye) y = 0;
      if (!ye && (c->t[i].e - c->t[i].s) < 3) return 0;
      if (!ye && event_named_march(c, i, j)) return 0;
    }
  } else {
    if (wd) return 0;
    size_t p = i;
    if (word_is(c, p, "the")) p++;
    if (num_tok(c, p, 1, 2)) d = day_at(c, p, &k);
    else if (has(c, p, TL_ORD) && val(c, p, TL_ORD) <= 31) { d = val(c, p, TL_ORD); k = p + 1; }
    if (!d) return 0;
    int d2 = range_end_day(c, k, d, &k);
    if (d2) dlast = d2;
    if (word_is(c, k, "of")) k++;
    m = month_at(c, k, &j);
    if (!m) return 0;
    end = j;
    size_t ye = year_suffix(c, j, &y);
    if (ye && !word_is(c, j, "of")) end = ye; else y = 0;
  }
  if (wd && !d) return 0;
  if (!y) {
    size_t te = that_year_suffix(c, end, &y);
    if (te) end = te;
  }
  int dir = tense(c, start);
  int deadline = start > 0 && (word_is(c, start - 1, "by") || word_is(c, start - 1, "until") || word_is(c, start - 1, "till"));
  dir = dir >= 2 || (deadline && dir > -2) ? 1 : dir <= -2 || past_verb_before(c, start) ? -1 : 0;   /* only explicit cues
      (or a deadline: "by February") move a month off the nearest */
  if (start > 0 && word_is(c, start - 1, "since")) dir = -2;      /* "since March": begun by now */
  unsigned fl = 0;
  if (!y) { fl = CB_TIMEX_RELATIVE | (dir > 0 ? CB_TIMEX_FUTURE : 0); }
  if (d) {
    if (!y) y = cb_tv_year_for_day(c, m, d, dir);
    set(r, end, CB_TIMEX_DATE, CB_TP_DAY, fl);
    if (y == CB_TV_NOYEAR) snprintf(r->val, sizeof r->val, "XXXX-%02d-%02d", m, d);
    else if (!cb_cal_valid(y, m, d)) return 0;
    else cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, d));
    if (dlast && y != CB_TV_NOYEAR && y > 0 && cb_cal_valid(y, m, dlast)) snprintf(r->vend, sizeof r->vend, "%04d-%02d-%02d", y, m, dlast);
    else if (dlast) snprintf(r->vend, sizeof r->vend, "XXXX-%02d-%02d", m, dlast);
  } else {
    if (!y) y = cb_tv_year_for_month(c, m, dir);
    set(r, end, CB_TIMEX_DATE, CB_TP_MONTH, fl);
    cb_tv_month(r->val, sizeof r->val, c, y, m);
  }
  return end;
}

/* "April 24 and 25", "Nov. 3 or 4": the second day of a pair, in the month (and year) of the first. */
size_t cb_tp_paired_day(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t e, k;
  int d = day_at(c, i, &e);
  if (!d || i < 3 || !(word_is(c, i - 1, "and") || word_is(c, i - 1, "or"))) return 0;
  int d1 = day_at(c, i - 2, &k);
  if (!d1 || k != i - 1 || d1 >= d) return 0;
  size_t m_at = is_punct(c, i - 3, '.') && i >= 4 ? i - 4 : i - 3;
  if (!month_at(c, m_at, &k) || k != i - 2) return 0;
  if (has(c, e, TL_MONTH) || num_tok(c, e, 1, 4)) return 0;     /* "24 and 25 April": not this shape */
  cb_tm_res first;
  memset(&first, 0, sizeof first);
  if (cb_tp_month(c, m_at, &first) != i - 1 || first.prec != CB_TP_DAY || strlen(first.val) != 10) return 0;
  int y = 0, m = 0;
  if (sscanf(first.val, "%4d-%2d", &y, &m) != 2) {
    if (sscanf(first.val, "XXXX-%2d", &m) != 1) return 0;
    set(r, e, CB_TIMEX_DATE, CB_TP_DAY, first.flags);
    snprintf(r->val, sizeof r->val, "XXXX-%02d-%02d", m, d);
    return e;
  }
  size_t ye = year_suffix(c, e, &y);
  if (!cb_cal_valid(y, m, d)) return 0;
  set(r, ye ? ye : e, CB_TIMEX_DATE, CB_TP_DAY, first.flags);
  cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, d));
  return r->end;
}

static int bc_word(const cb_tm_ctx *c, size_t i) { return word_is(c, i, "BC") || word_is(c, i, "BCE"); }

/* Years BC said without their own "BC": the first year of a range that ends in one ("499-493 BC", "from 499
 * to 493 BC"), and decades ("the 470s BC"). */
static size_t year_bc(const cb_tm_ctx *c, size_t j, cb_tm_res *r) {
  if (!num_tok(c, j, 1, 4) || c->t[j].num < 1) return 0;
  int y = c->t[j].num;
  if (word_is(c, j + 1, "s") && glued(c, j + 1) && bc_word(c, j + 2) && y % 10 == 0) {
    set(r, j + 3, CB_TIMEX_DATE, CB_TP_DECADE, 0);
    cb_tv_decade(r->val, sizeof r->val, 1 - y);
    return j + 3;
  }
  size_t k = j + 1;
  if (!((is_punct(c, k, '-') && glued(c, k)) || word_is(c, k, "to") || word_is(c, k, "and"))) return 0;
  k++;
  if (!num_tok(c, k, 1, 4) || !bc_word(c, k + 1) || c->t[k].num >= y) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_YEAR, 0);
  cb_tv_year(r->val, sizeof r->val, c, 1 - y);
  return j + 1;
}

/* 1998, the 1990s, mid-1990s handled by p_part; fiscal 1989; 264 BC */
size_t cb_tp_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  int fiscal = 0, the = 0;
  if (word_is(c, j, "the")) { the = 1; j++; }
  if (has(c, j, TL_FISCAL)) { fiscal = 1; j++; }
  size_t be = fiscal ? 0 : year_bc(c, j, r);
  if (be) return the && r->prec != CB_TP_DECADE ? 0 : be;
  if (num_tok(c, j, 1, 4) && (bc_word(c, j + 1) || word_is(c, j + 1, "AD"))) {
    int y = c->t[j].num;
    if (y < 1) return 0;
    set(r, j + 2, CB_TIMEX_DATE, CB_TP_YEAR, 0);
    cb_tv_year(r->val, sizeof r->val, c, word_is(c, j + 1, "AD") ? y : 1 - y);
    return the ? 0 : r->end;
  }
  /* 1000-1799 only after a word that introduces years ("in 1776", "from 1618"), never "to 1500 men" */
  int y = year_at(c, j, !fiscal && !(j > 0 && has(c, j - 1, TL_YEARPREP)));
  if (!y) return 0;
  if (word_is(c, j + 1, "s") && glued(c, j + 1) && y % 10 == 0) {
    set(r, j + 2, CB_TIMEX_DATE, CB_TP_DECADE, 0);
    cb_tv_decade(r->val, sizeof r->val, y);
    return r->end;
  }
  if (the) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_YEAR, 0);
  cb_tv_year(r->val, sizeof r->val, c, y);
  return r->end;
}

/* "the '80s", "the 70s and 80s": a decade of the twentieth century said in two digits. */
size_t cb_tp_short_decade(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  if (i >= c->nt) return 0;
  if ((is_punct(c, j, '\'') || (c->t[j].kind == TK_PUNCT && c->t[j].ch == '?')) && glued(c, j + 1)) j++;   /* ' or ’ */
  if (!num_tok(c, j, 2, 2) || c->t[j].num % 10 || c->t[j].num < 10) return 0;
  if (j == i && i > 0 && glued(c, i) && c->t[i - 1].kind != TK_PUNCT) return 0;
  if (!word_is(c, j + 1, "s") || !glued(c, j + 1) || !ends_clean(c, j + 2)) return 0;
  if (j == i && i > 0 && (is_punct(c, i - 1, '$') || is_punct(c, i - 1, '-'))) return 0;
  for (size_t k = i, n = 0; k > 0 && n < 4; k--, n++)       /* "in his 30s": an age; "highs in the low 70s": degrees */
    if (word_is(c, k - 1, "his") || word_is(c, k - 1, "her") || word_is(c, k - 1, "their") || word_is(c, k - 1, "my") ||
        word_is(c, k - 1, "your") || word_is(c, k - 1, "our") || word_is(c, k - 1, "low") || word_is(c, k - 1, "upper") ||
        word_is(c, k - 1, "high") || word_is(c, k - 1, "highs") || word_is(c, k - 1, "lows") ||
        word_is(c, k - 1, "temperatures") || word_is(c, k - 1, "temperature") || word_is(c, k - 1, "degrees") ||
        word_is(c, k - 1, "aged") || word_is(c, k - 1, "age")) return 0;
  set(r, j + 2, CB_TIMEX_DATE, CB_TP_DECADE, 0);
  snprintf(r->val, sizeof r->val, "19%d", c->t[j].num / 10);
  return j + 2;
}

/* the third quarter, third-quarter, the first half of 1998, the fiscal first quarter */
/* The year named before a quarter: "the 1988 third quarter", "the year-ago quarter's", "next year's".
 * Returns the year (0: none) and moves *j past it. */
static int year_before_quarter(const cb_tm_ctx *c, size_t *j) {
  size_t k = *j;
  if (num_tok(c, k, 4, 4) && c->t[k].num >= 1000 && c->t[k].num <= 2999) { *j = k + 1; return c->t[k].num; }
  if (!c->has_dct) return 0;
  int y = cb_cal_date(c->dct).y;
  if (word_is(c, k, "year") && is_punct(c, k + 1, '-') && glued(c, k + 1) && glued(c, k + 2) &&
      (word_is(c, k + 2, "ago") || word_is(c, k + 2, "earlier"))) { *j = k + 3; return y - 1; }
  if (has(c, k, TL_REL) && word_is(c, k + 1, "year") && is_punct(c, k + 2, '\'') && word_is(c, k + 3, "s")) {
    *j = k + 4;
    return y + val(c, k, TL_REL);
  }
  return 0;
}

size_t cb_tp_quarter(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  if (word_is(c, j, "the")) j++;
  int named = year_before_quarter(c, &j);
  if (has(c, j, TL_FISCAL)) j++;
  int last_half = (word_is(c, j, "last") || word_is(c, j, "latter")) && unit_at(c, j + 1) == TU_HALF && word_is(c, j + 2, "of");
  if (!has(c, j, TL_ORD) && !last_half) return 0;
  int q = last_half ? 2 : val(c, j, TL_ORD);                    /* "the last half of 1989": its second half */
  j++;
  if (is_punct(c, j, '-') && glued(c, j)) j++;
  int u = unit_at(c, j);
  if (!((u == TU_QUARTER && q >= 1 && q <= 4 && !word_is(c, j, "quarters")) || (u == TU_HALF && q >= 1 && q <= 2))) return 0;
  j++;
  int y = 0;
  size_t ye = year_suffix(c, j, &y);
  if (ye) j = ye;
  unsigned fl = 0;
  if (!y && named) { y = named; fl = c->t[i].kind == TK_NUM || c->t[i + 1].kind == TK_NUM ? 0 : CB_TIMEX_RELATIVE; }
  if (!y) {
    fl = CB_TIMEX_RELATIVE;
    if (!c->has_dct) y = CB_TV_NOYEAR;
    else {
      cb_ymd d = cb_cal_date(c->dct);
      int cur = u == TU_QUARTER ? (d.m - 1) / 3 + 1 : (d.m <= 6 ? 1 : 2);
      y = d.y;
      if (q > cur && tense(c, i) <= 0) y--;
    }
  }
  set(r, j, CB_TIMEX_DATE, u == TU_QUARTER ? CB_TP_QUARTER : CB_TP_HALF, fl);
  if (u == TU_QUARTER) cb_tv_quarter(r->val, sizeof r->val, c, y, q);
  else if (y == CB_TV_NOYEAR) snprintf(r->val, sizeof r->val, "XXXX-H%d", q);
  else snprintf(r->val, sizeof r->val, "%04d-H%d", y, q);
  return j;
}

/* "the quarter", "the latest quarter" in a company report: the quarter that ends on the date after it
 * ("the quarter ended Sept. 30"), else the last quarter the text named, else (for "latest") the last
 * whole quarter before the article date. */
size_t cb_tp_the_quarter(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "the") || !c->has_dct) return 0;
  size_t j = i + 1;
  int latest = word_is(c, j, "latest");
  if (latest) j++;
  int named = latest ? 0 : year_before_quarter(c, &j);           /* "the 1988 period", "the year-ago quarter" */
  if (named && c->lastq_q && (word_is(c, j, "quarter") || word_is(c, j, "period")) && !(is_punct(c, j + 1, '-') && glued(c, j + 1))) {
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_QUARTER, CB_TIMEX_RELATIVE);
    cb_tv_quarter(r->val, sizeof r->val, c, named, c->lastq_q);
    return j + 1;
  }
  if (named) return 0;
  int period = latest && word_is(c, j, "period");             /* "the latest period": a quarter in company reports */
  if (period && c->lastq_q) {
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_QUARTER, CB_TIMEX_RELATIVE);
    cb_tv_quarter(r->val, sizeof r->val, c, c->lastq_y, c->lastq_q);
    return j + 1;
  }
  if ((!word_is(c, j, "quarter") && !period) || (is_punct(c, j + 1, '-') && glued(c, j + 1)) || word_is(c, j + 1, "of") ||
      word_is(c, j + 1, "century")) return 0;
  int y = 0, q = 0;
  cb_tm_res d;
  memset(&d, 0, sizeof d);
  if ((word_is(c, j + 1, "ended") || word_is(c, j + 1, "ending")) && cb_tp_month(c, j + 2, &d) &&
      (d.prec == CB_TP_DAY || d.prec == CB_TP_MONTH) && sscanf(d.val, "%4d-%2d", &y, &q) == 2) q = (q - 1) / 3 + 1;
  else if (latest) {
    cb_ymd t = cb_cal_date(c->dct);
    q = (t.m - 1) / 3;
    y = q ? t.y : t.y - 1;
    if (!q) q = 4;
  } else if (c->lastq_q) { y = c->lastq_y; q = c->lastq_q; }
  else return 0;
  if (q < 1 || q > 4 || y < 1) return 0;
  size_t e = j + 1;
  if ((word_is(c, e, "a") || word_is(c, e, "one")) && word_is(c, e + 1, "year") &&
      (word_is(c, e + 2, "ago") || word_is(c, e + 2, "earlier"))) { e += 3; y--; }   /* "the quarter a year ago" */
  set(r, e, CB_TIMEX_DATE, CB_TP_QUARTER, CB_TIMEX_RELATIVE);
  cb_tv_quarter(r->val, sizeof r->val, c, y, q);
  return e;
}

/* Company reports: "the year ended March 31" (a year-long span, DURATION P1Y), "the full year" (the article's
 * year), and the period a report covers after "for": "for the year", "for the week", "for the month" (the
 * article's year, week, month) unless a phrase after it names another ("for the year ending tomorrow",
 * "for the week before Christmas"). */
static int names_other_period(const cb_tm_ctx *c, size_t k) {
  static const char *const after[] = {"ended", "ending", "of", "before", "after", "following", "preceding", "to",
                                      NULL};
  for (int n = 0; after[n]; n++)
    if (word_is_n(c, k, after[n], strlen(after[n]))) return 1;
  return (is_punct(c, k, '-') && glued(c, k)) || num_tok(c, k, 1, 4);   /* "for the year 2000" */
}

size_t cb_tp_the_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "the")) return 0;
  size_t j = i + 1;
  int full = word_is(c, j, "full"), covered = i > 0 && word_is(c, i - 1, "for");
  if (full || has(c, j, TL_FISCAL)) j++;
  if (covered && !full && j == i + 1 && (word_is(c, j, "week") || word_is(c, j, "month")) &&
      !names_other_period(c, j + 1) && c->has_dct) {
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
    return cb_tp_unit_value(c, r, word_is(c, j, "week") ? TU_WEEK : TU_MONTH, 0) ? j + 1 : 0;
  }
  if (!word_is(c, j, "year") || (is_punct(c, j + 1, '-') && glued(c, j + 1))) return 0;
  cb_tm_res d;
  memset(&d, 0, sizeof d);
  if ((word_is(c, j + 1, "ended") || word_is(c, j + 1, "ending")) && cb_tp_month(c, j + 2, &d) && d.prec == CB_TP_DAY) {
    set(r, j + 1, CB_TIMEX_DURATION, CB_TP_NONE, 0);
    cb_tv_duration(r->val, sizeof r->val, TU_YEAR, 1, 0);
    return j + 1;
  }
  if (!(full || covered) || !c->has_dct || names_other_period(c, j + 1)) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_YEAR, CB_TIMEX_RELATIVE);
  cb_tv_year(r->val, sizeof r->val, c, cb_cal_date(c->dct).y);
  return j + 1;
}

/* A season word with no "the" and no year is a season after a preposition that takes times ("in spring",
 * "until winter", "that same spring"), not a noun ("a spring", "the fall of Paris") nor a verb ("prices fall"). */
static int bare_season(const cb_tm_ctx *c, size_t i) {
  if (i == 0 || c->t[i].gap > 1) return 0;
  if (i + 1 < c->nt && c->t[i + 1].kind == TK_WORD && !has(c, i + 1, TL_FUNC) && !has(c, i + 1, TL_YEARPREP)) return 0;
  static const char *const before[] = {"in", "during", "by", "until", "till", "since", "through", "throughout", "before",
                                       "after", "from", "same", "until", "into", NULL};
  for (int k = 0; before[k]; k++)
    if (word_is_n(c, i - 1, before[k], strlen(before[k]))) return 1;
  return 0;
}

/* the summer, summer 1998, the spring of 1990, in spring (this/last/next summer: cb_tp_relative) */
size_t cb_tp_season(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  static const char *const sn[] = {"", "SP", "SU", "FA", "WI"};
  size_t j = i;
  int the = word_is(c, j, "the");
  if (the) j++;
  if (!has(c, j, TL_SEASON)) return 0;
  int s = val(c, j, TL_SEASON);
  if (s < 1 || s > 4) return 0;
  j++;
  int y = 0;
  size_t ye = year_suffix(c, j, &y);
  if (!ye && the && word_is(c, j, "of")) return 0;   /* "the fall of Paris": not a season */
  if (!ye && !the && !bare_season(c, i)) return 0;
  if (ye) j = ye;
  unsigned fl = 0;
  if (!y) { fl = CB_TIMEX_RELATIVE; y = c->has_dct ? cb_cal_date(c->dct).y : CB_TV_NOYEAR; }
  set(r, j, CB_TIMEX_DATE, CB_TP_SEASON, fl);
  cb_tv_year(r->val, sizeof r->val, c, y);
  snprintf(r->val + strlen(r->val), sizeof r->val - strlen(r->val), "-%s", sn[s]);
  return j;
}

static long holiday_day(const cb_tl_holiday *h, int y) {
  switch (h->kind) {
  case 'f': return cb_cal_valid(y, h->a, h->b) ? cb_cal_days(y, h->a, h->b) : 0;
  case 'n': return h->a >= 1 && h->a <= 12 && h->b >= 1 && h->b <= 7 ? cb_cal_nth_weekday(y, h->a, h->b, h->c) : 0;
  default: return cb_cal_easter(y) + h->a;
  }
}

/* Thanksgiving, Christmas Eve, Easter 1990, Thanksgiving evening */
size_t cb_tp_holiday(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!has(c, i, TL_HOLIDAY) || !c->t[i].cap) return 0;
  const cb_tl_holiday *h = cb_tl_holiday_rule(val(c, i, TL_HOLIDAY));
  if (!h) return 0;
  size_t j = i + 1;
  int y = 0;
  size_t ye = year_suffix(c, j, &y);
  if (ye && !word_is(c, j, "of")) j = ye; else y = 0;
  unsigned fl = 0;
  int dir = tense(c, i);
  if (!y && c->has_dct) {
    fl = CB_TIMEX_RELATIVE;
    y = cb_cal_date(c->dct).y;
    long d = holiday_day(h, y);
    if (dir > 0 && d < c->dct) y++;
    else if (dir < 0 && d > c->dct + (word_is(c, j, "week") ? 7 : 1)) y--;   /* a week holding the dct is not ahead */
    else if (dir == 0 && d - c->dct > 122) y--;           /* no cue: the nearest one, leaning to the past */
    else if (dir == 0 && c->dct - d > 243) y++;
  }
  set(r, j, CB_TIMEX_DATE, CB_TP_DAY, fl);
  if (!y) {
    r->flags = CB_TIMEX_RELATIVE;
    if (h->kind == 'f') snprintf(r->val, sizeof r->val, "XXXX-%02d-%02d", h->a, h->b);
    else snprintf(r->val, sizeof r->val, "XXXX-XX-XX");
  } else {
    long d = holiday_day(h, y);
    if (!d) return 0;
    cb_tv_day(r->val, sizeof r->val, c, d);
    if (word_is(c, j, "week")) {                            /* "Easter week": the week holding the day */
      cb_tv_week(r->val, sizeof r->val, c, d);
      r->prec = CB_TP_WEEK;
      r->end = j + 1;
      return j + 1;
    }
  }
  return cb_tp_part_of_day(c, j, r);
}

/* the 20th century, the nineteenth century */
size_t cb_tp_century(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  if (word_is(c, j, "the")) j++;
  int n = 0;
  if (has(c, j, TL_ORD)) { n = val(c, j, TL_ORD); j++; }
  else if (num_tok(c, j, 1, 2) && glued(c, j + 1) && (word_is(c, j + 1, "th") || word_is(c, j + 1, "st") ||
                                                       word_is(c, j + 1, "nd") || word_is(c, j + 1, "rd"))) { n = c->t[j].num; j += 2; }
  if (n < 1 || n > 30) return 0;
  if (is_punct(c, j, '-') && glued(c, j)) j++;
  if (!word_is(c, j, "century")) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_CENTURY, 0);
  if (word_is(c, j + 1, "BC") || word_is(c, j + 1, "BCE")) { snprintf(r->val, sizeof r->val, "BC%02d", n - 1); r->end = j + 2; return j + 2; }
  snprintf(r->val, sizeof r->val, "%02d", n - 1);
  return j + 1;
}

/* A number word 10..99 at i ("ninety", "ninety-six", "seventeen"); 0 if none. */
static int two_digit_words(const cb_tm_ctx *c, size_t i, size_t *end) {
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_NUM) || (e->flags & (TLF_ARTICLE | TLF_VAGUE))) return 0;
  int v = e->val[TL_NUM];
  *end = i + 1;
  if (v >= 20 && v < 100 && v % 10 == 0) {
    size_t j = i + 1;
    if (is_punct(c, j, '-') && glued(c, j)) j++;
    const cb_tl_entry *f = lexof(c, j);
    if (cb_tl_is(f, TL_NUM) && !(f->flags & (TLF_ARTICLE | TLF_VAGUE)) && f->val[TL_NUM] > 0 && f->val[TL_NUM] < 10) {
      v += f->val[TL_NUM];
      *end = j + 1;
    }
  }
  return v >= 10 && v < 100 ? v : 0;
}

/* Years said in words: "nineteen ninety-six", "two thousand", "the year two thousand". */
size_t cb_tp_spelled_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i, e1, e2;
  if (word_is(c, j, "the") && word_is(c, j + 1, "year")) j += 2;
  if (i > 0 && (has(c, i - 1, TL_QUAL) || c->t[i - 1].kind == TK_NUM)) return 0;
  if (word_is(c, j, "two") && word_is(c, j + 1, "thousand") && !unit_at(c, j + 2)) {   /* not "two thousand years" */
    int y = 2000;
    size_t e = j + 2;
    if (word_is(c, e, "and")) e++;
    const cb_tl_entry *f = lexof(c, e);
    size_t e3;
    int tail = two_digit_words(c, e, &e3);
    if (tail) { y += tail; e = e3; }
    else if (cb_tl_is(f, TL_NUM) && !(f->flags & (TLF_ARTICLE | TLF_VAGUE)) && f->val[TL_NUM] > 0 && f->val[TL_NUM] < 10) { y += f->val[TL_NUM]; e++; }
    else if (word_is(c, e - 1, "and")) e--;
    set(r, e, CB_TIMEX_DATE, CB_TP_YEAR, 0);
    cb_tv_year(r->val, sizeof r->val, c, y);
    return e;
  }
  int hi = two_digit_words(c, j, &e1);
  if (hi < 11 || hi > 20) return 0;
  int lo = two_digit_words(c, e1, &e2);
  if (!lo) return 0;
  set(r, e2, CB_TIMEX_DATE, CB_TP_YEAR, 0);
  cb_tv_year(r->val, sizeof r->val, c, hi * 100 + lo);
  return e2;
}
