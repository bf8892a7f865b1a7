/*
 * timex_match.c - the timex patterns, tried at each token: numeric dates, times of day,
 * month-name dates, years and decades, relative dates ("last week", "Monday"),
 * durations and "ago" dates, quarters, seasons, holidays, sets and the PRESENT_REF family.
 * Each pattern returns the token index after its match (0: no match); the longest wins.
 */
#include "extract/timex_int.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define TOK(i) (&c->t[i])

static const cb_tl_entry *lexof(const cb_tm_ctx *c, size_t i) {
  return i < c->nt && c->t[i].kind == TK_WORD ? c->t[i].lex : NULL;
}

static int is_punct(const cb_tm_ctx *c, size_t i, char ch) {
  return i < c->nt && c->t[i].kind == TK_PUNCT && c->t[i].ch == ch;
}

static int glued(const cb_tm_ctx *c, size_t i) { return i < c->nt && c->t[i].gap == 0; }

static int word_is_n(const cb_tm_ctx *c, size_t i, const char *w, size_t n) {
  if (i >= c->nt || c->t[i].kind != TK_WORD || c->t[i].e - c->t[i].s != n) return 0;
  return strncasecmp(c->s + c->t[i].s, w, n) == 0;
}
#define word_is(c, i, w) word_is_n((c), (i), "" w, sizeof(w) - 1)

/* Nothing glued after token i but punctuation other than '-' / '/' ("2025-12-04." ends well). */
static int ends_clean(const cb_tm_ctx *c, size_t i) {
  if (i >= c->nt || !glued(c, i)) return 1;
  return c->t[i].kind == TK_PUNCT && c->t[i].ch != '-' && c->t[i].ch != '/' &&
         !((c->t[i].ch == '.' || c->t[i].ch == ',') && i + 1 < c->nt && glued(c, i + 1) && c->t[i + 1].kind == TK_NUM);
}

static int num_tok(const cb_tm_ctx *c, size_t i, int ndig_min, int ndig_max) {
  return i < c->nt && c->t[i].kind == TK_NUM && c->t[i].ndig >= ndig_min && c->t[i].ndig <= ndig_max;
}

/* A month name: capitalised when it doubles as a word ("May", "March"), an abbreviation
 * only before "." or a number. */
static int month_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_MONTH)) return 0;
  if ((e->flags & TLF_CAP) && !c->t[i].cap) return 0;
  *end = i + 1;
  if (e->flags & TLF_ABBR) {
    if (is_punct(c, i + 1, '.') && glued(c, i + 1)) *end = i + 2;
    else if (!num_tok(c, i + 1, 1, 4)) return 0;
    if (!c->t[i].cap) return 0;
  }
  return e->val[TL_MONTH];
}

static int weekday_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_WEEKDAY)) return 0;
  *end = i + 1;
  if (e->flags & TLF_ABBR) {
    if (!(is_punct(c, i + 1, '.') && glued(c, i + 1)) || !c->t[i].cap) return 0;
    *end = i + 2;
  }
  return e->val[TL_WEEKDAY];
}

static int has(const cb_tm_ctx *c, size_t i, int cls) { return cb_tl_is(lexof(c, i), cls); }
static int val(const cb_tm_ctx *c, size_t i, int cls) { return lexof(c, i)->val[cls]; }

/* Day of month 1..31 with an optional glued ordinal suffix ("24th"). */
static int day_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  if (!num_tok(c, i, 1, 2) || c->t[i].num < 1 || c->t[i].num > 31) return 0;
  *end = i + 1;
  if (i + 1 < c->nt && glued(c, i + 1) && c->t[i + 1].kind == TK_WORD) {
    if (word_is(c, i + 1, "st") || word_is(c, i + 1, "nd") || word_is(c, i + 1, "rd") || word_is(c, i + 1, "th"))
      *end = i + 2;
    else return 0;   /* "24M", "3pm" */
  }
  if (*end < c->nt && glued(c, *end) && (c->t[*end].kind == TK_NUM)) return 0;
  return c->t[i].num;
}

/* A four-digit year that stands alone ("2025", not "2025.5", "$2025", "2025M"). */
static int year_at(const cb_tm_ctx *c, size_t i, int strict) {
  if (!num_tok(c, i, 4, 4)) return 0;
  int y = c->t[i].num;
  if (y < 1000 || y > 2099 || (strict && y < 1800)) return 0;
  if (i > 0 && glued(c, i) && (is_punct(c, i - 1, '$') || is_punct(c, i - 1, '#') ||
                               c->t[i - 1].kind != TK_PUNCT || is_punct(c, i - 1, '.') || is_punct(c, i - 1, ',')))
    return 0;
  size_t j = i + 1;
  if (j < c->nt && glued(c, j)) {
    if (c->t[j].kind == TK_WORD && !word_is(c, j, "s")) return 0;
    if ((is_punct(c, j, '.') || is_punct(c, j, ',')) && glued(c, j + 1) && c->t[j + 1].kind == TK_NUM) return 0;
    if (is_punct(c, j, '%')) return 0;
  }
  if (word_is(c, j, "percent")) return 0;
  /* "2000 troops": a count before a plural noun, unless a word like "in" or "since" precedes */
  if (j < c->nt && c->t[j].kind == TK_WORD && !c->t[j].cap && !c->t[j].lex && c->t[j].e - c->t[j].s > 3 &&
      c->s[c->t[j].e - 1] == 's' && !(i > 0 && (has(c, i - 1, TL_YEARPREP) || has(c, i - 1, TL_MONTH) || has(c, i - 1, TL_FISCAL))))
    return 0;
  return y;
}

/* ---- numbers ------------------------------------------------------------------------ */
typedef struct num { double v; int vague, article; size_t end; } num;

static int number_at(const cb_tm_ctx *c, size_t i, num *n) {
  memset(n, 0, sizeof *n);
  if (i >= c->nt) return 0;
  const cb_tt *t = TOK(i);
  if (t->kind == TK_NUM) {
    if (t->ndig > 6) return 0;
    n->v = t->num; n->end = i + 1;
    if (is_punct(c, i + 1, '.') && glued(c, i + 1) && num_tok(c, i + 2, 1, 3) && glued(c, i + 2)) {
      n->v += c->t[i + 2].num / pow(10, c->t[i + 2].ndig);
      n->end = i + 3;
    } else if (is_punct(c, i + 1, ',') && glued(c, i + 1) && num_tok(c, i + 2, 3, 3) && glued(c, i + 2)) {
      n->v = n->v * 1000 + c->t[i + 2].num;
      n->end = i + 3;
    }
    if (n->end < c->nt && glued(c, n->end) && c->t[n->end].kind == TK_WORD) return 0;   /* "100M" */
    return 1;
  }
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_NUM)) return 0;
  int v = e->val[TL_NUM];
  n->end = i + 1;
  if (v < 0) { n->vague = 1; return 1; }
  if (e->flags & TLF_ARTICLE) {
    n->article = 1; n->v = 1;
    const cb_tl_entry *f = lexof(c, i + 1);
    if (cb_tl_is(f, TL_NUM) && (f->flags & TLF_VAGUE)) { n->vague = 1; n->article = 0; n->end = i + 2; return 1; }  /* "a few" */
    if (word_is(c, i + 1, "hundred") || word_is(c, i + 1, "dozen") || word_is(c, i + 1, "couple")) {
      n->v = f->val[TL_NUM]; n->article = 0; n->end = i + 2;
      if (word_is(c, n->end, "of")) n->end++;      /* "a couple of" */
      return 1;
    }
    return 1;
  }
  n->v = v;
  if (v >= 20 && v < 100 && v % 10 == 0) {        /* "twenty four", "twenty-four" */
    size_t j = i + 1;
    if (is_punct(c, j, '-') && glued(c, j)) j++;
    const cb_tl_entry *f = lexof(c, j);
    if (cb_tl_is(f, TL_NUM) && f->val[TL_NUM] > 0 && f->val[TL_NUM] < 10) { n->v += f->val[TL_NUM]; n->end = j + 1; }
  }
  if (cb_tl_is(lexof(c, n->end), TL_NUM) && lexof(c, n->end)->val[TL_NUM] == 100) { n->v *= 100; n->end++; }
  if (word_is(c, n->end, "thousand")) { n->v *= 1000; n->end++; }
  if ((word_is(c, i, "couple") || word_is(c, i, "dozen")) && word_is(c, n->end, "of")) n->end++;   /* "couple of years" */
  return 1;
}

static int unit_at(const cb_tm_ctx *c, size_t i) { return has(c, i, TL_UNIT) ? val(c, i, TL_UNIT) : 0; }

/* ---- result helpers ----------------------------------------------------------------- */
static void set(cb_tm_res *r, size_t end, cb_timex_type type, cb_timex_precision p, unsigned flags) {
  r->end = end; r->type = type; r->prec = p; r->flags = flags; r->mod = NULL; r->vend[0] = 0;
}

static int tense(const cb_tm_ctx *c, size_t i) { return c->tense ? c->tense(c->ud, i) : 0; }

static size_t p_spelled_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r);

static size_t year_suffix(const cb_tm_ctx *c, size_t j, int *y) {
  size_t k = j;
  if (is_punct(c, k, ',')) k++;
  if (word_is(c, k, "of")) k++;
  int yy = year_at(c, k, 0);
  if (yy) { *y = yy; return k + 1; }
  cb_tm_res sr;
  size_t se = has(c, k, TL_NUM) ? p_spelled_year(c, k, &sr) : 0;   /* "January nineteen ninety-seven" */
  if (se && sr.val[0] >= '0' && sr.val[0] <= '9') { *y = atoi(sr.val); return se; }
  if (num_tok(c, k, 1, 4) && (word_is(c, k + 1, "BC") || word_is(c, k + 1, "BCE"))) { *y = 1 - c->t[k].num; return k + 2; }
  return 0;
}

/* ---- patterns ----------------------------------------------------------------------- */

/* 2025-12-04, 2025-11, 12/04/2025, and "2012-13" (a season: a range, never month 13). */
static size_t p_numeric(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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

static void time_value(const cb_tm_ctx *c, cb_tm_res *r, int h, int mi) {
  char d[16] = "XXXX-XX-XX";
  if (c->has_dct) cb_tv_day(d, sizeof d, c, c->dct);
  snprintf(r->val, sizeof r->val, "%sT%02d:%02d", d, h, mi);
}

/* 2.15pm, 9 a.m., 14:30, 10:05 pm */
static size_t p_clock(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!num_tok(c, i, 1, 2)) return 0;
  int h = c->t[i].num, mi = 0, pm = -1, colon = 0;
  size_t j = i + 1;
  if ((is_punct(c, j, ':') || is_punct(c, j, '.')) && glued(c, j) && num_tok(c, j + 1, 2, 2) && glued(c, j + 1)) {
    colon = c->t[j].ch == ':';
    mi = c->t[j + 1].num;
    j += 2;
  }
  size_t k = ampm_at(c, j, &pm);
  if (k) j = k;
  else if (!colon || glued(c, j)) return 0;
  if (h > 23 || mi > 59 || (pm >= 0 && (h < 1 || h > 12))) return 0;
  if (pm == 1 && h < 12) h += 12;
  if (pm == 0 && h == 12) h = 0;
  set(r, j, CB_TIMEX_TIME, CB_TP_MINUTE, c->has_dct ? CB_TIMEX_RELATIVE : 0);
  time_value(c, r, h, mi);
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

/* November 24 / Nov. 24, 2025 / 24 November 2025 / the 24th of November / November 2025 / November */
static size_t p_month(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j, k, start = i;
  int wd = weekday_at(c, i, &j);
  if (wd) { i = is_punct(c, j, ',') ? j + 1 : j; }
  int m = month_at(c, i, &j), d = 0, y = 0, dlast = 0;
  size_t end = 0;
  if (m) {
    d = day_at(c, j, &k);
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
  int dir = tense(c, start);
  dir = dir >= 2 ? 1 : dir <= -2 ? -1 : 0;        /* only explicit cues move a month off the nearest */
  unsigned fl = 0;
  if (!y) { fl = CB_TIMEX_RELATIVE | (dir > 0 ? CB_TIMEX_FUTURE : 0); }
  if (d) {
    if (!y) y = cb_tv_year_for_day(c, m, d, dir);
    set(r, end, CB_TIMEX_DATE, CB_TP_DAY, fl);
    if (y < 0) snprintf(r->val, sizeof r->val, "XXXX-%02d-%02d", m, d);
    else if (!cb_cal_valid(y, m, d)) return 0;
    else cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, d));
    if (dlast && y > 0 && cb_cal_valid(y, m, dlast)) snprintf(r->vend, sizeof r->vend, "%04d-%02d-%02d", y, m, dlast);
    else if (dlast) snprintf(r->vend, sizeof r->vend, "XXXX-%02d-%02d", m, dlast);
  } else {
    if (!y) y = cb_tv_year_for_month(c, m, dir);
    set(r, end, CB_TIMEX_DATE, CB_TP_MONTH, fl);
    cb_tv_month(r->val, sizeof r->val, c, y, m);
  }
  return end;
}

/* 1998, the 1990s, mid-1990s handled by p_part; fiscal 1989; 264 BC */
static size_t p_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  int fiscal = 0, the = 0;
  if (word_is(c, j, "the")) { the = 1; j++; }
  if (has(c, j, TL_FISCAL)) { fiscal = 1; j++; }
  if (num_tok(c, j, 1, 4) && (word_is(c, j + 1, "BC") || word_is(c, j + 1, "BCE") || word_is(c, j + 1, "AD"))) {
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
    snprintf(r->val, sizeof r->val, "%03d", y / 10);
    return r->end;
  }
  if (the) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_YEAR, 0);
  cb_tv_year(r->val, sizeof r->val, c, y);
  return r->end;
}

static void week_value(const cb_tm_ctx *c, cb_tm_res *r, long days, int weekend) {
  cb_tv_week(r->val, sizeof r->val, c, days);
  if (weekend) strncat(r->val, "-WE", sizeof r->val - strlen(r->val) - 1);
}

/* The calendar unit that contains dct shifted by k units: "last week", "this year". */
static int unit_value(const cb_tm_ctx *c, cb_tm_res *r, int unit, int k) {
  if (!c->has_dct) {
    const char *v = unit == TU_WEEK ? "XXXX-WXX" : unit == TU_MONTH ? "XXXX-XX" : unit == TU_YEAR ? "XXXX" :
                    unit == TU_QUARTER ? "XXXX-QX" : unit == TU_WEEKEND ? "XXXX-WXX-WE" : NULL;
    if (!v) return 0;
    snprintf(r->val, sizeof r->val, "%s", v);
    r->prec = unit == TU_WEEK || unit == TU_WEEKEND ? CB_TP_WEEK : unit == TU_MONTH ? CB_TP_MONTH :
              unit == TU_QUARTER ? CB_TP_QUARTER : CB_TP_YEAR;
    return 1;
  }
  long d = cb_tv_add(c->dct, unit, k);
  cb_ymd y = cb_cal_date(d);
  switch (unit) {
  case TU_WEEK: week_value(c, r, d, 0); r->prec = CB_TP_WEEK; return 1;
  case TU_WEEKEND: week_value(c, r, d, 1); r->prec = CB_TP_WEEK; return 1;
  case TU_MONTH: cb_tv_month(r->val, sizeof r->val, c, y.y, y.m); r->prec = CB_TP_MONTH; return 1;
  case TU_QUARTER: cb_tv_quarter(r->val, sizeof r->val, c, y.y, (y.m - 1) / 3 + 1); r->prec = CB_TP_QUARTER; return 1;
  case TU_HALF: snprintf(r->val, sizeof r->val, "%04d-H%d", y.y, y.m <= 6 ? 1 : 2); r->prec = CB_TP_HALF; return 1;
  case TU_YEAR: cb_tv_year(r->val, sizeof r->val, c, y.y); r->prec = CB_TP_YEAR; return 1;
  case TU_DECADE: snprintf(r->val, sizeof r->val, "%03d", y.y / 10); r->prec = CB_TP_DECADE; return 1;
  case TU_CENTURY: snprintf(r->val, sizeof r->val, "%02d", y.y / 100); r->prec = CB_TP_CENTURY; return 1;
  case TU_DAY: cb_tv_day(r->val, sizeof r->val, c, d); r->prec = CB_TP_DAY; return 1;
  default: return 0;
  }
}

static void weekday_value(const cb_tm_ctx *c, cb_tm_res *r, int wd, int dir) {
  if (!c->has_dct) { snprintf(r->val, sizeof r->val, "XXXX-WXX-%d", wd); return; }
  cb_tv_day(r->val, sizeof r->val, c, cb_tv_weekday(c->dct, wd, dir));
}

static size_t add_part_of_day(const cb_tm_ctx *c, size_t j, cb_tm_res *r) {
  const cb_tl_entry *e = lexof(c, j);
  if (!cb_tl_is(e, TL_POD)) return j;
  int p = e->val[TL_POD];
  static const char *const pod[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00"};
  if (p < 1 || p > 6 || strlen(r->val) > 12) return j;
  strncat(r->val, "T", sizeof r->val - strlen(r->val) - 1);
  strncat(r->val, pod[p], sizeof r->val - strlen(r->val) - 1);
  r->type = CB_TIMEX_TIME;
  r->prec = CB_TP_PART_OF_DAY;
  return j + 1;
}

/* last week, this year, next month, the coming weekend, last Monday, this summer, last April */
static size_t p_relative(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  int the = 0;
  if (word_is(c, j, "the")) { the = 1; j++; }
  if (the && unit_at(c, j) == TU_WEEKEND && !word_is(c, j, "weekends")) {   /* "over the weekend" */
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_WEEK, CB_TIMEX_RELATIVE);
    if (!c->has_dct) { snprintf(r->val, sizeof r->val, "XXXX-WXX-WE"); return j + 1; }
    int dir = tense(c, i) > 0 ? 1 : -1;
    long day = cb_tv_weekday(c->dct, dir > 0 ? 6 : 7, dir);
    week_value(c, r, day, 1);
    return j + 1;
  }
  if (!has(c, j, TL_REL)) return 0;
  int k = val(c, j, TL_REL);
  if (word_is(c, j, "past") || (the && k != 1 && !word_is(c, j, "previous") && !word_is(c, j, "current") &&
                                 !word_is(c, j, "present") && !word_is(c, j, "same"))) return 0;
  if ((word_is(c, j, "same") && !the) || (word_is(c, j, "that") && the)) return 0;
  j++;
  size_t e;
  int wd = weekday_at(c, j, &e);
  if (wd) {
    set(r, e, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    weekday_value(c, r, wd, k < 0 ? -2 : k > 0 ? 2 : (tense(c, i) > 0 ? 1 : -1));
    return add_part_of_day(c, e, r);
  }
  if (has(c, j, TL_POD) && (k == 0 || word_is(c, j, "night"))) {    /* "this morning", "last night" */
    set(r, j, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX-XX-XX");
    else cb_tv_day(r->val, sizeof r->val, c, c->dct + (k < 0 ? -1 : k > 0 ? 1 : 0));
    return add_part_of_day(c, j, r);
  }
  int m = month_at(c, j, &e);
  if (m) {
    int y = c->has_dct ? cb_cal_date(c->dct).y : -1;
    int cur = y >= 0 ? cb_cal_date(c->dct).m : 0;
    /* "last April": the latest April before this month, but not the month just gone (that one
     * is "in February"; "last February" in March means a year before) */
    if (y >= 0 && k < 0 && (m >= cur || cur - m == 1)) y--;
    if (y >= 0 && k > 0 && m <= cur) y++;
    set(r, e, CB_TIMEX_DATE, CB_TP_MONTH, CB_TIMEX_RELATIVE);
    cb_tv_month(r->val, sizeof r->val, c, y, m);
    return e;
  }
  if (has(c, j, TL_SEASON)) {
    static const char *const sn[] = {"", "SP", "SU", "FA", "WI"};
    int s = val(c, j, TL_SEASON);
    if (s < 1 || s > 4) return 0;
    int y = c->has_dct ? cb_cal_date(c->dct).y + (k < 0 ? -1 : k > 0 ? 1 : 0) : -1;
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_SEASON, CB_TIMEX_RELATIVE);
    if (y < 0) snprintf(r->val, sizeof r->val, "XXXX-%s", sn[s]);
    else snprintf(r->val, sizeof r->val, "%04d-%s", y, sn[s]);
    return j + 1;
  }
  int u = unit_at(c, j);
  if (!u || word_is(c, j, "weeks") || word_is(c, j, "years") || word_is(c, j, "months") || word_is(c, j, "days")) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  if (u == TU_DAY && !the && !word_is(c, j - 1, "that")) return 0;   /* "the next day", "that day"; not "this day" */
  int need = u == TU_DAY ? CB_TP_DAY : u == TU_WEEK ? CB_TP_WEEK : u == TU_MONTH ? CB_TP_MONTH : CB_TP_YEAR;
  if (word_is(c, j - 1, "that") && c->has_last && c->last_prec >= need) {   /* "that year": the one named before */
    cb_tm_ctx back = *c;
    back.dct = c->last;
    if (!unit_value(&back, r, u, 0)) return 0;
    return j + 1;
  }
  if (!unit_value(c, r, u, k)) return 0;
  if (u == TU_WEEKEND && c->has_dct && k == 0) {
    long sat = cb_tv_weekday(c->dct, 6, tense(c, i) > 0 ? 1 : -1);
    week_value(c, r, sat, 1);
  }
  return j + 1;
}

/* today, yesterday, tomorrow, tonight, yesterday morning */
static size_t p_dayrel(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!has(c, i, TL_DAYREL)) return 0;
  int k = val(c, i, TL_DAYREL);
  set(r, i + 1, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
  if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX-XX-XX");
  else cb_tv_day(r->val, sizeof r->val, c, c->dct + (k == 100 ? 0 : k));
  if (k == 100) {
    strncat(r->val, "TNI", sizeof r->val - strlen(r->val) - 1);
    r->type = CB_TIMEX_TIME; r->prec = CB_TP_PART_OF_DAY;
    return i + 1;
  }
  return add_part_of_day(c, i + 1, r);
}

/* Monday, on Sunday, Thursday evening: the tense of the sentence picks the direction. */
static size_t p_weekday(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t e;
  int wd = weekday_at(c, i, &e);
  if (!wd || !c->t[i].cap) return 0;
  int dir = tense(c, i) > 0 ? 1 : -1;
  set(r, e, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE | (dir > 0 ? CB_TIMEX_FUTURE : 0));
  weekday_value(c, r, wd, dir);
  return add_part_of_day(c, e, r);
}

/* now, currently, recently, soon, the past, the future, recent years */
static size_t p_ref(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  static const char *const refs[] = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"};
  size_t j = i;
  if (word_is(c, i, "the") || word_is(c, i, "near")) {
    j = i + 1;
    if (word_is(c, i, "the") && word_is(c, j, "near")) j++;
    int k = word_is(c, j, "past") ? 1 : word_is(c, j, "future") ? 2 : word_is(c, j, "present") ? 0 : -1;
    if (k < 0 && has(c, j, TL_REF) && memchr(c->s + c->t[j].s, ' ', c->t[j].e - c->t[j].s)) k = val(c, j, TL_REF);  /* "near future" */
    if (k < 0 || k > 2) return 0;
    /* "the past," "the future it": a noun; "the future president": an adjective */
    if (j + 1 < c->nt && c->t[j + 1].kind == TK_WORD && !has(c, j + 1, TL_FUNC)) return 0;
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
    snprintf(r->val, sizeof r->val, "%s", refs[k]);
    return j + 1;
  }
  if (!has(c, i, TL_REF)) return 0;
  int k = val(c, i, TL_REF);
  if (k < 0 || k > 2) return 0;
  if (has(c, i, TL_REL) && !word_is(c, i, "current")) return 0;   /* "past", "present": only after "the" */
  if (word_is(c, i, "future")) return 0;
  if (word_is(c, i, "current") || word_is(c, i, "recent")) {
    if (unit_at(c, i + 1) == TU_YEAR || unit_at(c, i + 1) == TU_MONTH || unit_at(c, i + 1) == TU_WEEK || unit_at(c, i + 1) == TU_DAY || unit_at(c, i + 1) == TU_DECADE) {
      if (word_is(c, i, "current")) return 0;   /* "the current quarter": p_relative */
      set(r, i + 2, CB_TIMEX_DURATION, CB_TP_NONE, CB_TIMEX_RELATIVE);   /* "in recent months": a span */
      cb_tv_duration(r->val, sizeof r->val, unit_at(c, i + 1), 1, 1);
      return i + 2;
    }
    return 0;                                     /* bare "current", "recent": adjectives */
  }
  set(r, i + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  snprintf(r->val, sizeof r->val, "%s", refs[k]);
  return i + 1;
}

/* The date "n units" before or after the anchor, at the unit's precision. */
static void shifted_value(const cb_tm_ctx *c, cb_tm_res *r, int unit, int k, int anchored) {
  long base = c->has_anchor ? c->anchor : c->dct;
  long d = cb_tv_add(base, unit, k);
  cb_ymd y = cb_cal_date(d);
  r->flags = CB_TIMEX_RELATIVE | (anchored && c->has_anchor ? CB_TIMEX_ANCHORED : 0);
  switch (unit) {
  case TU_WEEK: case TU_FORTNIGHT: case TU_WEEKEND: r->prec = CB_TP_WEEK; cb_tv_week(r->val, sizeof r->val, c, d); break;
  case TU_MONTH: r->prec = CB_TP_MONTH; cb_tv_month(r->val, sizeof r->val, c, y.y, y.m); break;
  case TU_QUARTER: r->prec = CB_TP_QUARTER; cb_tv_quarter(r->val, sizeof r->val, c, y.y, (y.m - 1) / 3 + 1); break;
  case TU_YEAR: case TU_HALF: r->prec = CB_TP_YEAR; cb_tv_year(r->val, sizeof r->val, c, y.y); break;
  case TU_DECADE: r->prec = CB_TP_DECADE; snprintf(r->val, sizeof r->val, "%03d", y.y / 10); break;
  case TU_CENTURY: r->prec = CB_TP_CENTURY; snprintf(r->val, sizeof r->val, "%02d", y.y / 100); break;
  default: r->prec = CB_TP_DAY; cb_tv_day(r->val, sizeof r->val, c, d); break;
  }
}

/* "the past year", "the last decade": the previous calendar unit (a DATE, not a span). */
static size_t previous_unit(const cb_tm_ctx *c, size_t i, size_t u_at, int k, cb_tm_res *r) {
  int u = unit_at(c, u_at);
  if (u != TU_YEAR && u != TU_DECADE && u != TU_CENTURY && u != TU_MONTH && u != TU_WEEK && u != TU_QUARTER) return 0;
  set(r, u_at + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  if (!unit_value(c, r, u, k)) return 0;
  return u_at + 1;
}

static int plural_unit(const cb_tm_ctx *c, size_t i) {
  return i < c->nt && c->t[i].e - c->t[i].s > 2 && (c->s[c->t[i].e - 1] == 's' || c->s[c->t[i].e - 1] == 'S');
}

/* [the past|last|next|first] [qualifier] N unit(s) [ago|earlier|later]; a year ago; several years */
static size_t p_duration(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  const char *mod = NULL;
  int rel = 0, relk = 0, the = 0;
  if (i > 0 && word_is(c, i - 1, "for") && plural_unit(c, i) && unit_at(c, i) && unit_at(c, i) != TU_PERIOD &&
      unit_at(c, i) != TU_WEEKEND) {                  /* "for years", "for centuries" */
    set(r, i + 1, CB_TIMEX_DURATION, CB_TP_NONE, 0);
    cb_tv_duration(r->val, sizeof r->val, unit_at(c, i), 1, 1);
    return i + 1;
  }
  if (word_is(c, j, "the")) { the = 1; j++; }
  if (has(c, j, TL_REL) && val(c, j, TL_REL) != 0) { rel = 1; relk = val(c, j, TL_REL); j++; }
  else if (has(c, j, TL_ORD) && val(c, j, TL_ORD) == 1 && the) { rel = 1; j++; }
  if (the && !rel && (!number_at(c, j, &(num){0}) || (has(c, j, TL_NUM) && (lexof(c, j)->flags & TLF_ARTICLE)))) return 0;
  if (has(c, j, TL_QUAL) && !rel) { mod = cb_tl_qual_name(val(c, j, TL_QUAL)); j++; }
  num n;
  if (!number_at(c, j, &n)) {
    if (rel && the && !plural_unit(c, j)) return previous_unit(c, i, j, relk, r);
    if (!rel) return 0;                             /* "the past months", "coming weeks" */
    n.v = 1; n.vague = 1; n.end = j; n.article = 0;
    if (!plural_unit(c, j)) return 0;               /* "the past months" */
  }
  size_t u_at = n.end;
  int hyphen = 0;
  if (is_punct(c, u_at, '-') && glued(c, u_at) && u_at > j) { u_at++; hyphen = 1; }
  int u = unit_at(c, u_at);
  if (!u || u == TU_PERIOD || u == TU_HALF || (u == TU_NIGHT && !word_is(c, u_at, "nights"))) return 0;
  if (u == TU_QUARTER && (hyphen || n.article || mod)) return 0;      /* "three-quarters", "more than a quarter" */
  if (u == TU_SECOND && !plural_unit(c, u_at) && (n.article || has(c, j, TL_NUM)) &&
      u_at + 1 < c->nt && c->t[u_at + 1].kind == TK_WORD && !has(c, u_at + 1, TL_FUNC)) return 0;   /* "a second contact" */
  if (the && !rel && hyphen) return 0;                                  /* "the eight-year" (adjective): from the number */
  if (!hyphen && !n.vague && n.v != 1 && !plural_unit(c, u_at) && c->t[j].kind == TK_NUM) return 0;  /* "1988 second" */
  size_t end = u_at + 1;
  if (is_punct(c, end, '-') && glued(c, end) && word_is(c, end + 1, "old")) return 0;   /* ages */
  if (word_is(c, end, "or") && word_is(c, end + 1, "so")) end += 2;                    /* "a week or so" */
  int ago = word_is(c, end, "ago") || word_is(c, end, "earlier") || word_is(c, end, "later");
  if (ago && !rel) {
    int k = val(c, end, TL_AGO) < 0 ? -1 : 1;
    set(r, end + 1, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    r->mod = mod;
    if (n.vague) {
      snprintf(r->val, sizeof r->val, "%s", k < 0 ? "PAST_REF" : "FUTURE_REF");
      r->prec = CB_TP_NONE;
      return end + 1;
    }
    if (!c->has_dct && !c->has_anchor) { snprintf(r->val, sizeof r->val, "XXXX-XX-XX"); return end + 1; }
    if (n.v != (long)n.v || n.v > 100000) return 0;
    shifted_value(c, r, u, k * (int)n.v, 1);
    return end + 1;
  }
  if (u == TU_WEEKEND && !rel) return 0;
  if (n.article && !mod && !the && !rel && i > 0 &&
      (c->t[i - 1].kind == TK_NUM || has(c, i - 1, TL_QTY) || is_punct(c, i - 1, '%'))) {   /* "$5 million a year" */
    set(r, end, CB_TIMEX_SET, CB_TP_NONE, 0);
    cb_tv_duration(r->val, sizeof r->val, u, 1, 0);
    return end;
  }
  set(r, end, CB_TIMEX_DURATION, CB_TP_NONE, rel ? CB_TIMEX_RELATIVE : 0);
  r->mod = mod;
  if (u == TU_DECADE && !n.vague) cb_tv_duration(r->val, sizeof r->val, TU_YEAR, n.v * 10, 0);
  else if (u == TU_CENTURY && !n.vague) cb_tv_duration(r->val, sizeof r->val, TU_YEAR, n.v * 100, 0);
  else if (u == TU_QUARTER && !n.vague) cb_tv_duration(r->val, sizeof r->val, TU_MONTH, n.v * 3, 0);
  else cb_tv_duration(r->val, sizeof r->val, u, n.v, n.vague);
  return end;
}

/* year-end, year's end: the end of the dct's year */
static size_t p_year_end(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "year")) return 0;
  size_t j = i + 1;
  if (is_punct(c, j, '-') && glued(c, j)) j++;
  else if (is_punct(c, j, '\'') && word_is(c, j + 1, "s")) j += 2;
  if (!word_is(c, j, "end")) return 0;
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_YEAR, CB_TIMEX_RELATIVE);
  r->mod = "END";
  if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX");
  else cb_tv_year(r->val, sizeof r->val, c, cb_cal_date(c->dct).y);
  return j + 1;
}

/* year-earlier, year-ago: the same period a year before the dct */
static size_t p_year_ago(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "year") || !is_punct(c, i + 1, '-') || !glued(c, i + 1) || !glued(c, i + 2)) return 0;
  if (!word_is(c, i + 2, "earlier") && !word_is(c, i + 2, "ago")) return 0;
  set(r, i + 3, CB_TIMEX_DATE, CB_TP_YEAR, CB_TIMEX_RELATIVE);
  if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX");
  else cb_tv_year(r->val, sizeof r->val, c, cb_cal_date(c->dct).y - 1);
  return i + 3;
}

/* the third quarter, third-quarter, the first half of 1998, the fiscal first quarter */
static size_t p_quarter(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  if (word_is(c, j, "the")) j++;
  if (has(c, j, TL_FISCAL)) j++;
  if (!has(c, j, TL_ORD)) return 0;
  int q = val(c, j, TL_ORD);
  j++;
  if (is_punct(c, j, '-') && glued(c, j)) j++;
  int u = unit_at(c, j);
  if (!((u == TU_QUARTER && q >= 1 && q <= 4 && !word_is(c, j, "quarters")) || (u == TU_HALF && q >= 1 && q <= 2))) return 0;
  j++;
  int y = 0;
  size_t ye = year_suffix(c, j, &y);
  if (ye) j = ye;
  unsigned fl = 0;
  if (!y) {
    fl = CB_TIMEX_RELATIVE;
    if (!c->has_dct) y = -1;
    else {
      cb_ymd d = cb_cal_date(c->dct);
      int cur = u == TU_QUARTER ? (d.m - 1) / 3 + 1 : (d.m <= 6 ? 1 : 2);
      y = d.y;
      if (q > cur && tense(c, i) <= 0) y--;
    }
  }
  set(r, j, CB_TIMEX_DATE, u == TU_QUARTER ? CB_TP_QUARTER : CB_TP_HALF, fl);
  if (u == TU_QUARTER) cb_tv_quarter(r->val, sizeof r->val, c, y, q);
  else if (y < 0) snprintf(r->val, sizeof r->val, "XXXX-H%d", q);
  else snprintf(r->val, sizeof r->val, "%04d-H%d", y, q);
  return j;
}

/* the summer, summer 1998, the spring of 1990 (this/last/next summer: p_relative) */
static size_t p_season(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
  if (!ye && !the) return 0;
  if (ye) j = ye;
  unsigned fl = 0;
  if (!y) { fl = CB_TIMEX_RELATIVE; y = c->has_dct ? cb_cal_date(c->dct).y : -1; }
  set(r, j, CB_TIMEX_DATE, CB_TP_SEASON, fl);
  if (y < 0) snprintf(r->val, sizeof r->val, "XXXX-%s", sn[s]);
  else snprintf(r->val, sizeof r->val, "%04d-%s", y, sn[s]);
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
static size_t p_holiday(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
    else if (dir <= 0 && d > c->dct + 1) y--;
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
  }
  return add_part_of_day(c, j, r);
}

/* every week, each Monday, daily, every other year */
static size_t p_set(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (has(c, i, TL_SETADV)) {
    int u = val(c, i, TL_SETADV);
    if (word_is(c, i, "annual")) return 0;
    set(r, i + 1, CB_TIMEX_SET, CB_TP_NONE, 0);
    cb_tv_duration(r->val, sizeof r->val, u, 1, 0);
    return i + 1;
  }
  if (!has(c, i, TL_SET) || word_is(c, i, "per")) return 0;
  size_t j = i + 1;
  double k = 1;
  if (word_is(c, j, "other")) { k = 2; j++; }
  num n;
  if (number_at(c, j, &n) && !n.vague && !n.article) { k *= n.v; j = n.end; }
  size_t e;
  int wd = weekday_at(c, j, &e);
  if (wd) {
    set(r, e, CB_TIMEX_SET, CB_TP_NONE, 0);
    snprintf(r->val, sizeof r->val, "XXXX-WXX-%d", wd);
    return e;
  }
  int u = unit_at(c, j);
  if (!u || u == TU_PERIOD || u == TU_HALF) return 0;
  set(r, j + 1, CB_TIMEX_SET, CB_TP_NONE, 0);
  cb_tv_duration(r->val, sizeof r->val, u, k, 0);
  return j + 1;
}

/* the 20th century, the nineteenth century */
static size_t p_century(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
static size_t p_spelled_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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

typedef size_t (*pattern)(const cb_tm_ctx *, size_t, cb_tm_res *);
static const pattern patterns[] = {p_numeric, p_clock, p_month, p_year, p_relative, p_dayrel, p_weekday,
                                   p_ref, p_duration, p_year_ago, p_quarter, p_season, p_holiday, p_set, p_century, p_spelled_year, p_year_end};
#define NPATTERNS (sizeof patterns / sizeof *patterns)

static int best_plain(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  int found = 0;
  cb_tm_res t;
  for (size_t k = 0; k < NPATTERNS; k++) {
    memset(&t, 0, sizeof t);
    size_t e = patterns[k](c, i, &t);
    if (e > i && (!found || e > r->end)) { *r = t; r->end = e; found = 1; }
  }
  return found;
}

/* early 1990, the end of the year, mid-November, late last month, earlier this year */
static int with_part(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  int the = word_is(c, j, "the");
  if (the) j++;
  const cb_tl_entry *e = lexof(c, j);
  if (!cb_tl_is(e, TL_PART)) return 0;
  int part = e->val[TL_PART];
  int needs_of = word_is(c, j, "end") || word_is(c, j, "beginning") || word_is(c, j, "start") || word_is(c, j, "middle");
  if (needs_of && !the) return 0;
  j++;
  if (needs_of) { if (!word_is(c, j, "of")) return 0; j++; }
  else if (is_punct(c, j, '-') && glued(c, j)) j++;
  if (word_is(c, j, "the") && (unit_at(c, j + 1) == TU_YEAR || unit_at(c, j + 1) == TU_MONTH || unit_at(c, j + 1) == TU_WEEK)
      && !word_is(c, j + 1, "years") && !word_is(c, j + 1, "months") && !word_is(c, j + 1, "weeks")) {
    if (!c->has_dct) return 0;
    set(r, j + 2, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
    if (!unit_value(c, r, unit_at(c, j + 1), 0)) return 0;
  } else {
    if (!best_plain(c, j, r) || r->prec == CB_TP_NONE) return 0;
    if (r->type != CB_TIMEX_DATE && (needs_of || r->type != CB_TIMEX_TIME)) return 0;
    if (r->prec >= CB_TP_DAY && needs_of) return 0;      /* "the end of Monday": not a thing */
  }
  static const char *const mods[] = {"", "START", "MID", "END"};
  r->mod = part >= 1 && part <= 3 ? mods[part] : NULL;
  return 1;
}

/* noon, midnight: a TIME on the article date */
static size_t p_noon(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!has(c, i, TL_POD)) return 0;
  int p = val(c, i, TL_POD);
  if (p != TD_NOON && p != TD_MIDNIGHT) return 0;
  set(r, i + 1, CB_TIMEX_TIME, CB_TP_HOUR, c->has_dct ? CB_TIMEX_RELATIVE : 0);
  time_value(c, r, p == TD_NOON ? 12 : 24, 0);
  return i + 1;
}

/* "5 p.m. EST Nov. 9", "10 p.m. Wednesday": a clock time followed by its day. */
static void clock_then_day(const cb_tm_ctx *c, cb_tm_res *r) {
  size_t j = r->end;
  if (has(c, j, TL_TZ) && c->t[j].cap) j++;
  if (word_is(c, j, "on")) j++;
  cb_tm_res d;
  memset(&d, 0, sizeof d);
  size_t e = p_month(c, j, &d);
  if (!e) e = p_weekday(c, j, &d);
  if (!e) e = p_dayrel(c, j, &d);
  const char *tpart = strchr(r->val, 'T');
  if (!e || d.prec != CB_TP_DAY || strlen(d.val) != 10 || !tpart) { r->end = j > r->end && has(c, r->end, TL_TZ) ? r->end + 1 : r->end; return; }
  char v[48];
  snprintf(v, sizeof v, "%s%s", d.val, tpart);
  snprintf(r->val, sizeof r->val, "%s", v);
  r->end = e;
  r->flags |= d.flags;
}

/* "January this year", "June last year": the year comes from the relative phrase. */
static void month_then_year(const cb_tm_ctx *c, cb_tm_res *r) {
  size_t j = r->end;
  if (!has(c, j, TL_REL) || unit_at(c, j + 1) != TU_YEAR || word_is(c, j + 1, "years") || !c->has_dct) return;
  int k = val(c, j, TL_REL), m = 0;
  if (sscanf(r->val, "%*4d-%2d", &m) != 1 && sscanf(r->val, "XXXX-%2d", &m) != 1) return;
  cb_tv_month(r->val, sizeof r->val, c, cb_cal_date(c->dct).y + k, m);
  r->end = j + 2;
}

int cb_tm_match(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  cb_tm_res p;
  int found = best_plain(c, i, r);
  memset(&p, 0, sizeof p);
  if (!found && p_noon(c, i, &p)) { *r = p; found = 1; }
  memset(&p, 0, sizeof p);
  if (with_part(c, i, &p) && (!found || p.end > r->end)) { *r = p; found = 1; }
  if (!found && has(c, i, TL_QUAL) && cb_tl_qual_name(val(c, i, TL_QUAL)) &&
      strcmp(cb_tl_qual_name(val(c, i, TL_QUAL)), "APPROX") == 0 && best_plain(c, i + 1, &p) &&
      (p.type == CB_TIMEX_DATE || p.type == CB_TIMEX_TIME) && p.prec != CB_TP_NONE) {
    *r = p; r->mod = "APPROX"; found = 1;            /* "around Nov. 1", "about 7:15 p.m." */
  }
  if (!found) return 0;
  if (r->type == CB_TIMEX_TIME && (r->prec == CB_TP_MINUTE || r->prec == CB_TP_HOUR)) clock_then_day(c, r);
  if (r->type == CB_TIMEX_DATE && r->prec == CB_TP_MONTH && (r->flags & CB_TIMEX_RELATIVE)) month_then_year(c, r);
  if (r->type == CB_TIMEX_DATE && r->prec == CB_TP_DAY && word_is(c, r->end, "at")) {
    cb_tm_res t;                                   /* "Monday at 9 a.m." */
    memset(&t, 0, sizeof t);
    if (p_clock(c, r->end + 1, &t) && strlen(r->val) == 10) {
      char v[48];
      snprintf(v, sizeof v, "%.10s%s", r->val, strchr(t.val, 'T'));
      snprintf(r->val, sizeof r->val, "%s", v);
      r->end = t.end; r->type = CB_TIMEX_TIME; r->prec = CB_TP_MINUTE;
    }
  }
  return 1;
}
