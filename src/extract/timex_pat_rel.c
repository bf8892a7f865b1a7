/*
 * timex_pat_rel.c - the timex patterns for dates counted from the article date (or an
 * anchor): "last week", "this year", "yesterday", bare weekdays (by tense), PRESENT_REF and
 * friends, durations and "N units ago", "year-end", "year-earlier", and sets ("every week").
 */
#include "extract/timex_query.h"
#include "extract/name_fold.h"
#include "extract/name_lexicon.h"
#include <stdio.h>

static void week_value(const cb_tm_ctx *c, cb_tm_res *r, long days, int weekend) {
  cb_tv_week(r->val, sizeof r->val, c, days);
  if (weekend) strncat(r->val, "-WE", sizeof r->val - strlen(r->val) - 1);
}

/* The calendar unit that contains dct shifted by k units: "last week", "this year". */
int cb_tp_unit_value(const cb_tm_ctx *c, cb_tm_res *r, int unit, int k) {
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
  case TU_DECADE: cb_tv_decade(r->val, sizeof r->val, y.y); r->prec = CB_TP_DECADE; return 1;
  case TU_CENTURY: cb_tv_century(r->val, sizeof r->val, y.y); r->prec = CB_TP_CENTURY; return 1;
  case TU_DAY: cb_tv_day(r->val, sizeof r->val, c, d); r->prec = CB_TP_DAY; return 1;
  default: return 0;
  }
}

static void weekday_value(const cb_tm_ctx *c, cb_tm_res *r, int wd, int dir) {
  if (!c->has_dct) { snprintf(r->val, sizeof r->val, "XXXX-WXX-%d", wd); return; }
  cb_tv_day(r->val, sizeof r->val, c, cb_tv_weekday(c->dct, wd, dir));
}

size_t cb_tp_part_of_day(const cb_tm_ctx *c, size_t j, cb_tm_res *r) {
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

/* "a year ago", "a year earlier", "last year", "the previous year" after "the same month": the token after
 * it, else 0. */
static size_t year_back_tail(const cb_tm_ctx *c, size_t i) {
  if ((word_is(c, i, "a") || word_is(c, i, "one")) && word_is(c, i + 1, "year") &&
      (word_is(c, i + 2, "ago") || word_is(c, i + 2, "earlier") || word_is(c, i + 2, "before"))) return i + 3;
  if (word_is(c, i, "last") && word_is(c, i + 1, "year")) return i + 2;
  if (word_is(c, i, "the") && (word_is(c, i + 1, "previous") || word_is(c, i + 1, "prior")) && word_is(c, i + 2, "year"))
    return i + 3;
  return 0;
}

/* "the same period [last year]": the period of the date named before (a quarter, a month, a year), or that
 * period a year earlier. */
static size_t same_period(const cb_tm_ctx *c, size_t j, cb_tm_res *r) {
  size_t e = j + 1, t = year_back_tail(c, e);
  int back = t ? 1 : 0;
  if (t) e = t;
  set(r, e, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  if (c->lastq_q) {
    r->prec = CB_TP_QUARTER;
    cb_tv_quarter(r->val, sizeof r->val, c, c->lastq_y - back, c->lastq_q);
    return e;
  }
  if (!c->has_last || (c->last_prec != CB_TP_MONTH && c->last_prec != CB_TP_YEAR && c->last_prec != CB_TP_DAY)) return 0;
  cb_tm_ctx at = *c;
  at.dct = cb_tv_add(c->last, TU_YEAR, -back);
  at.has_dct = 1;
  int u = c->last_prec == CB_TP_MONTH ? TU_MONTH : c->last_prec == CB_TP_DAY ? TU_DAY : TU_YEAR;
  return cb_tp_unit_value(&at, r, u, 0) ? e : 0;
}

static int plural_unit(const cb_tm_ctx *c, size_t i);

/* last week, this year, next month, the coming weekend, last Monday, this summer, last April */
size_t cb_tp_relative(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
  int that = word_is(c, j, "that");
  j++;
  if (that && word_is(c, j, "same") && unit_at(c, j + 1)) j++;   /* "that same day": "that day" */
  int this_past = k == 0 && !the && word_is(c, j - 1, "this") && (word_is(c, j, "past") || word_is(c, j, "last")) &&
                  j + 1 < c->nt && c->t[j + 1].kind == TK_WORD && !plural_unit(c, j + 1);
  if (this_past) { k = -1; j++; }                   /* "this past week": the last one */
  else if (k == 0 && !the && word_is(c, j - 1, "this") && word_is(c, j, "coming") && j + 1 < c->nt &&
           c->t[j + 1].kind == TK_WORD && !plural_unit(c, j + 1)) { k = 1; j++; }   /* "this coming Sunday" */
  if (has(c, j, TL_FISCAL) && unit_at(c, j + 1) == TU_YEAR && !word_is(c, j + 1, "years")) j++;   /* "the current fiscal year" */
  size_t e;
  int wd = weekday_at(c, j, &e);
  if (wd) {
    set(r, e, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    cb_tm_ctx from = *c;                           /* "the previous Friday", "the following Monday": from the day named */
    if (the && k != 0 && c->has_last && c->last_prec == CB_TP_DAY) { from.dct = c->last; from.has_dct = 1; }
    weekday_value(&from, r, wd, k < 0 ? -2 : k > 0 ? 2 : (tense(c, i) > 0 ? 1 : -1));
    cb_tm_res d;                                   /* "this coming Sunday, March 8": the date in apposition */
    memset(&d, 0, sizeof d);
    size_t de = is_punct(c, e, ',') ? cb_tp_month(c, e + 1, &d) : 0;
    if (de && d.prec == CB_TP_DAY && !d.vend[0]) {
      *r = d;
      r->end = de;
      r->flags |= CB_TIMEX_RELATIVE;
      return de;
    }
    return cb_tp_part_of_day(c, e, r);
  }
  if (has(c, j, TL_POD) && (k == 0 || word_is(c, j, "night"))) {    /* "this morning", "last night" */
    set(r, j, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX-XX-XX");
    else cb_tv_day(r->val, sizeof r->val, c, c->dct + (k < 0 ? -1 : k > 0 ? 1 : 0));
    return cb_tp_part_of_day(c, j, r);
  }
  int m = month_at(c, j, &e);
  size_t de;
  int d = m ? day_at(c, e, &de) : 0;
  if (m && d && k != 0 && c->has_dct) {            /* "last Oct. 23": the latest Oct. 23 before the article date */
    cb_ymd t = cb_cal_date(c->dct);
    int y = t.y;
    if (!cb_cal_valid(y, m, d) && !cb_cal_valid(y + k, m, d)) return 0;
    long here = cb_cal_valid(y, m, d) ? cb_cal_days(y, m, d) : 0;
    if (k < 0 && (!here || here >= c->dct)) y--;
    if (k > 0 && (!here || here <= c->dct)) y++;
    if (!cb_cal_valid(y, m, d)) return 0;
    set(r, de, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
    cb_tv_day(r->val, sizeof r->val, c, cb_cal_days(y, m, d));
    return de;
  }
  if (m) {
    int y = c->has_dct ? cb_cal_date(c->dct).y : CB_TV_NOYEAR;
    int cur = c->has_dct ? cb_cal_date(c->dct).m : 0;
    /* "last April": the latest April before this month, but not the month just gone (that one
     * is "in February"; "last February" in March means a year before) */
    if (c->has_dct && k < 0 && (m >= cur || cur - m == 1)) y--;
    if (c->has_dct && k > 0 && m <= cur) y++;
    set(r, e, CB_TIMEX_DATE, CB_TP_MONTH, CB_TIMEX_RELATIVE);
    cb_tv_month(r->val, sizeof r->val, c, y, m);
    return e;
  }
  if (has(c, j, TL_SEASON)) {
    static const char *const sn[] = {"", "SP", "SU", "FA", "WI"};
    int s = val(c, j, TL_SEASON);
    if (s < 1 || s > 4) return 0;
    int y = c->has_dct ? cb_cal_date(c->dct).y + (k < 0 ? -1 : k > 0 ? 1 : 0) : CB_TV_NOYEAR;
    if (this_past && c->has_dct && s * 3 <= cb_cal_date(c->dct).m) y++;   /* "this past spring" in October: this year's */
    set(r, j + 1, CB_TIMEX_DATE, CB_TP_SEASON, CB_TIMEX_RELATIVE);
    cb_tv_year(r->val, sizeof r->val, c, y);
    snprintf(r->val + strlen(r->val), sizeof r->val - strlen(r->val), "-%s", sn[s]);
    return j + 1;
  }
  int u = unit_at(c, j);
  if (!u || word_is(c, j, "weeks") || word_is(c, j, "years") || word_is(c, j, "months") || word_is(c, j, "days")) return 0;
  if (u == TU_PERIOD && word_is(c, j - 1, "same")) return same_period(c, j, r);
  set(r, j + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  if (u == TU_DAY && !the && !that) return 0;   /* "the next day", "that day"; not "this day" */
  int need = u == TU_DAY ? CB_TP_DAY : u == TU_WEEK ? CB_TP_WEEK : u == TU_MONTH ? CB_TP_MONTH : CB_TP_YEAR;
  if (that && u == TU_DAY && c->has_last && c->last_prec == CB_TP_MONTH) {   /* "last October ... that day" */
    char mo[16];
    cb_tv_month(mo, sizeof mo, c, cb_cal_date(c->last).y, cb_cal_date(c->last).m);
    snprintf(r->val, sizeof r->val, "%s-XX", mo);
    r->prec = CB_TP_DAY;
    return j + 1;
  }
  int same = word_is(c, j - 1, "same");
  if ((that || same) && c->has_last && c->last_prec >= need) {   /* "that year", "the same month": the one named before */
    cb_tm_ctx back = *c;
    back.dct = c->last;
    size_t e = j + 1, t = same ? year_back_tail(c, e) : 0;
    if (t) { back.dct = cb_tv_add(c->last, TU_YEAR, -1); e = t; }   /* "the same month a year ago" */
    if (!cb_tp_unit_value(&back, r, u, 0)) return 0;
    r->end = e;
    return e;
  }
  if (the && k != 0 && c->has_last && c->last_prec >= need && !word_is(c, j - 1, "last")) {
    cb_tm_ctx back = *c;                   /* "the following year", "the previous month": from the date named before */
    back.dct = c->last;
    if (!cb_tp_unit_value(&back, r, u, k)) return 0;
    return j + 1;
  }
  if (!cb_tp_unit_value(c, r, u, k)) return 0;
  if (u == TU_WEEKEND && c->has_dct && k == 0) {
    long sat = cb_tv_weekday(c->dct, 6, tense(c, i) > 0 ? 1 : -1);
    week_value(c, r, sat, 1);
  }
  return j + 1;
}

/* "ended the day", "to close the day", "for the day": the trading day of the report, the article date */
size_t cb_tp_trading_day(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "the") || !word_is(c, i + 1, "day") || i == 0 || !c->has_dct || c->narrative) return 0;
  static const char *const verbs[] = {"end", "ended", "ending", "ends", "close", "closed", "closing", "closes", "finish",
                                      "finished", "finishing", "start", "started", "begin", "began", "for", NULL};
  int ok = 0;
  for (int k = 0; verbs[k] && !ok; k++) ok = word_is_n(c, i - 1, verbs[k], strlen(verbs[k]));
  if (!ok || (i + 2 < c->nt && c->t[i + 2].kind == TK_WORD && c->t[i + 2].cap)) return 0;
  static const char *const anchors[] = {"of", "when", "that", "before", "after", "he", "she", "they", "we", "i", "it",
                                        "trader", "traders", "trading", "job", "off", NULL};
  for (int k = 0; anchors[k]; k++)                  /* "the day of the vote", "the day he died": an event's day */
    if (word_is_n(c, i + 2, anchors[k], strlen(anchors[k]))) return 0;
  set(r, i + 2, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
  int near = c->has_last_day && c->last_day_tok <= i && i - c->last_day_tok <= 60;   /* "On Monday ... ended the day" */
  cb_tv_day(r->val, sizeof r->val, c, near ? c->last_day : c->dct);
  return i + 2;
}

/* "Today" of a masthead, which dates nothing: alone on its line, or ending the name of a known outlet
 * ("USA Today"; data/names/outlets.txt). */
static int masthead_today(const cb_tm_ctx *c, size_t i) {
  if (!c->t[i].cap || !word_is(c, i, "today")) return 0;
  if ((i == 0 || c->t[i].gap == 2) && (i + 1 >= c->nt || c->t[i + 1].gap == 2)) return 1;
  for (size_t w = 1; w <= 3 && w <= i; w++) {
    const cb_tt *p = &c->t[i - w];
    if (p->kind != TK_WORD || !p->cap || c->t[i - w + 1].gap != 1) return 0;
    char key[CB_NAME_KEY_MAX];
    size_t n = cb_name_fold(c->s + p->s, c->t[i].e - p->s, key);
    if (cb_name_lex_get(CB_LEX_OUTLETS, key, n)) return 1;
  }
  return 0;
}

/* today, yesterday, tomorrow, tonight, yesterday morning. In a history the day someone says "today" is not
 * the last date the text named (a quote, or "today" meaning nowadays): it stays unknown. */
size_t cb_tp_dayrel(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!has(c, i, TL_DAYREL) || masthead_today(c, i)) return 0;
  int k = val(c, i, TL_DAYREL);
  set(r, i + 1, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE);
  if (!c->has_dct || c->narrative) snprintf(r->val, sizeof r->val, "XXXX-XX-XX");
  else cb_tv_day(r->val, sizeof r->val, c, c->dct + (k == 100 ? 0 : k));
  if (k == 100) {
    strncat(r->val, "TNI", sizeof r->val - strlen(r->val) - 1);
    r->type = CB_TIMEX_TIME; r->prec = CB_TP_PART_OF_DAY;
    return i + 1;
  }
  return cb_tp_part_of_day(c, i + 1, r);
}

/* Monday, on Sunday, Thursday evening: the tense of the sentence picks the direction. */
/* "until Tuesday", "until 9 a.m. EST Tuesday": a deadline, ahead of the article date unless the sentence
 * is plainly past. Looks back over a clock time between the word and the weekday. */
static int deadline_before(const cb_tm_ctx *c, size_t i) {
  for (size_t k = i, n = 0; k > 0 && n < 8; k--, n++) {
    const cb_tt *t = &c->t[k - 1];
    if (word_is(c, k - 1, "until") || word_is(c, k - 1, "till")) return 1;
    int clockish = t->kind == TK_NUM || is_punct(c, k - 1, '.') || is_punct(c, k - 1, ':') || has(c, k - 1, TL_TZ) ||
                   word_is(c, k - 1, "a") || word_is(c, k - 1, "p") || word_is(c, k - 1, "m") || word_is(c, k - 1, "am") ||
                   word_is(c, k - 1, "pm") || word_is(c, k - 1, "noon") || word_is(c, k - 1, "midnight");
    if (!clockish) return 0;
  }
  return 0;
}

/* A weekday in the possessive ("Friday's vote", "Thursday’s ruling"): 1, else 0. */
static int possessive(const cb_tm_ctx *c, size_t e) {
  return e + 1 < c->nt && glued(c, e) && glued(c, e + 1) && word_is(c, e + 1, "s") &&
         (is_punct(c, e, '\'') || (c->t[e].kind == TK_PUNCT && c->t[e].ch == '?'));
}

/* The direction of a bare weekday from the article date: +1 ahead, -1 back.
 * - "since Monday" lies behind (a starting point up to now);
 * - a possessive ("Friday's ruling") dates an event noun, which news reports once it has happened; it lies
 *   ahead only when looked forward to ("ahead of Sunday's vote") or when its own verb is future ("Sunday's
 *   election will decide");
 * - else the tense of the verb it dates; "until Tuesday" looks ahead unless the sentence is plainly past. */
static int weekday_dir(const cb_tm_ctx *c, size_t i, size_t e) {
  size_t p = i > 0 && word_is(c, i - 1, "on") ? i - 1 : i;
  if (p > 0 && word_is(c, p - 1, "since")) return -1;
  if (possessive(c, e)) {
    if (p > 1 && word_is(c, p - 2, "ahead") && word_is(c, p - 1, "of")) return 1;
    return tense_after(c, i) > 0 ? 1 : -1;
  }
  int t = tense(c, i);
  return t > 0 || (t > -2 && deadline_before(c, i)) ? 1 : -1;   /* "Until Thursday, they had not": past */
}

size_t cb_tp_weekday(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t e;
  int wd = weekday_at(c, i, &e);
  if (!wd || !c->t[i].cap) return 0;
  int dir = weekday_dir(c, i, e);
  set(r, e, CB_TIMEX_DATE, CB_TP_DAY, CB_TIMEX_RELATIVE | (dir > 0 ? CB_TIMEX_FUTURE : 0));
  weekday_value(c, r, wd, dir);
  return cb_tp_part_of_day(c, e, r);
}

/* now, currently, recently, soon, the past, the future, recent years */
size_t cb_tp_ref(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
  if (!has(c, i, TL_REF) || (lexof(c, i)->flags & TLF_ARTICLE)) return 0;   /* "long term debt": only "the long term" */
  int k = val(c, i, TL_REF);
  if (k < 0 || k > 2) return 0;
  if (has(c, i, TL_REL) && !word_is(c, i, "current")) return 0;   /* "past", "present": only after "the" */
  if (word_is(c, i, "future") && (i + 1 >= c->nt || c->t[i + 1].kind != TK_WORD || has(c, i + 1, TL_FUNC) ||
                                  c->t[i + 1].cap)) return 0;   /* "future wars": FUTURE_REF; "the future" above */
  if (word_is(c, i, "current") || word_is(c, i, "recent")) {
    if (unit_at(c, i + 1) == TU_YEAR || unit_at(c, i + 1) == TU_MONTH || unit_at(c, i + 1) == TU_WEEK || unit_at(c, i + 1) == TU_DAY || unit_at(c, i + 1) == TU_DECADE) {
      if (word_is(c, i, "current")) return 0;   /* "the current quarter": cb_tp_relative */
      set(r, i + 2, CB_TIMEX_DURATION, CB_TP_NONE, CB_TIMEX_RELATIVE);   /* "in recent months": a span */
      cb_tv_duration(r->val, sizeof r->val, unit_at(c, i + 1), 1, 1);
      return i + 2;
    }
    /* bare "current", "recent" before a noun ("the current system", "a recent filing"): TimeML marks them
     * PRESENT_REF / PAST_REF; not "current account", nor after "then" */
    if (i + 1 >= c->nt || c->t[i + 1].kind != TK_WORD || has(c, i + 1, TL_FUNC) || has(c, i + 1, TL_FISCAL) ||
        word_is(c, i + 1, "account") ||
        word_is(c, i + 1, "accounts") || (i > 0 && word_is(c, i - 1, "then")) || (i > 0 && word_is(c, i - 1, "most")))
      return 0;
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
  case TU_DECADE: r->prec = CB_TP_DECADE; cb_tv_decade(r->val, sizeof r->val, y.y); break;
  case TU_CENTURY: r->prec = CB_TP_CENTURY; cb_tv_century(r->val, sizeof r->val, y.y); break;
  default: r->prec = CB_TP_DAY; cb_tv_day(r->val, sizeof r->val, c, d); break;
  }
}

/* "the past year", "the last decade": the previous calendar unit (a DATE, not a span). */
static size_t previous_unit(const cb_tm_ctx *c, size_t i, size_t u_at, int k, cb_tm_res *r) {
  int u = unit_at(c, u_at);
  if (u != TU_YEAR && u != TU_DECADE && u != TU_CENTURY && u != TU_MONTH && u != TU_WEEK && u != TU_QUARTER) return 0;
  set(r, u_at + 1, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
  if (!cb_tp_unit_value(c, r, u, k)) return 0;
  return u_at + 1;
}

static int plural_unit(const cb_tm_ctx *c, size_t i) {
  return i < c->nt && c->t[i].e - c->t[i].s > 2 && (c->s[c->t[i].e - 1] == 's' || c->s[c->t[i].e - 1] == 'S');
}

/* "and a half" (3 tokens) or a glued "1/2" (3 tokens) at i: the tokens it takes, else 0. */
static int and_a_half(const cb_tm_ctx *c, size_t i) {
  if (word_is(c, i, "and") && (word_is(c, i + 1, "a") || word_is(c, i + 1, "one")) && word_is(c, i + 2, "half")) return 3;
  if (num_tok(c, i, 1, 1) && c->t[i].num == 1 && is_punct(c, i + 1, '/') && glued(c, i + 1) && num_tok(c, i + 2, 1, 1) &&
      c->t[i + 2].num == 2 && glued(c, i + 2) && !glued(c, i)) return 3;
  return 0;
}

/* The amount after "to", "or" or "and" that shares n's unit ("two to three weeks", "ten or fifteen years"):
 * its end (the unit's token), else 0. */
static size_t second_amount(const cb_tm_ctx *c, const num *n, const char *link) {
  num m;
  size_t k = n->end;
  if (n->vague || n->article || !word_is_n(c, k, link, strlen(link))) return 0;
  if (!number_at(c, k + 1, &m) || m.vague || m.article || m.v <= n->v || !unit_at(c, m.end)) return 0;
  return m.end;
}

/* "two to three weeks", "the next 12 to 18 months": a range is one span, valued by its first amount. */
static size_t range_top(const cb_tm_ctx *c, const num *n) {
  size_t e = second_amount(c, n, "to");
  return e ? e : n->end;
}

/* "ten or fifteen years", "between two and six days", "between two to six days": alternatives and the ends
 * of a "between" are mentions of their own, the first amount taking the unit said after the second. Sets r
 * for the first amount (at token i) and returns its end, else 0. */
static size_t shared_unit(const cb_tm_ctx *c, size_t i, const num *n, cb_tm_res *r) {
  size_t e = second_amount(c, n, "or");
  if (!e) e = second_amount(c, n, "and");
  if (!e && i > 0 && word_is(c, i - 1, "between")) e = second_amount(c, n, "to");
  if (!e || n->v != (long)n->v) return 0;
  set(r, n->end, CB_TIMEX_DURATION, CB_TP_NONE, 0);
  cb_tv_duration(r->val, sizeof r->val, unit_at(c, e), n->v, 0);
  return n->end;
}

/* [the past|last|next|first] [qualifier] N unit(s) [ago|earlier|later]; a year ago; several years */
size_t cb_tp_duration(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t j = i;
  const char *mod = NULL;
  int rel = 0, relk = 0, the = 0;
  if (i > 0 && (word_is(c, i - 1, "for") || word_is(c, i - 1, "within") || word_is(c, i - 1, "in") ||
                (word_is(c, i - 1, "just") && i > 1 && word_is(c, i - 2, "in"))) &&
      plural_unit(c, i) && unit_at(c, i) && unit_at(c, i) != TU_PERIOD &&
      unit_at(c, i) != TU_WEEKEND) {                  /* "for years", "for centuries", "within days", "in minutes" */
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
  if (!rel && !the && !mod && shared_unit(c, i, &n, r)) return r->end;
  size_t u_at = range_top(c, &n);
  int half = and_a_half(c, u_at);                   /* "two and a half years", "2 1/2 years" */
  if (half && !n.vague) u_at += half; else half = 0;
  if (!n.article && (word_is(c, u_at, "more") || word_is(c, u_at, "additional") || word_is(c, u_at, "further") ||
                     word_is(c, u_at, "extra")) && unit_at(c, u_at + 1)) u_at++;      /* "two more weeks" */
  if (!n.vague && (word_is(c, u_at, "consecutive") || word_is(c, u_at, "straight") || word_is(c, u_at, "successive") ||
                   word_is(c, u_at, "trading") || word_is(c, u_at, "business") || word_is(c, u_at, "working")) &&
      unit_at(c, u_at + 1) && plural_unit(c, u_at + 1)) u_at++;                    /* "five trading days", "two straight weeks" */
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
  if (word_is(c, end, "old") && !rel && !the) return 0;                                  /* "52 years old" */
  if (is_punct(c, end, '-') && glued(c, end) && (word_is(c, end + 1, "earlier") || word_is(c, end + 1, "ago")))
    return 0;                                                                            /* "a year-earlier": cb_tp_year_ago */
  if (word_is(c, end, "or") && word_is(c, end + 1, "so")) end += 2;                    /* "a week or so" */
  if (!half && !n.vague && (half = and_a_half(c, end)) == 3) end += 3;                /* "a minute and a half" */
  else if (half != 3) half = 0;
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
  else if (half) cb_tv_duration_half(r->val, sizeof r->val, u, (int)n.v);
  else cb_tv_duration(r->val, sizeof r->val, u, n.v, n.vague);
  return end;
}

/* year-end, year's end: the end of the dct's year */
size_t cb_tp_year_end(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
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
size_t cb_tp_year_ago(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "year") || !is_punct(c, i + 1, '-') || !glued(c, i + 1) || !glued(c, i + 2)) return 0;
  if (!word_is(c, i + 2, "earlier") && !word_is(c, i + 2, "ago")) return 0;
  set(r, i + 3, CB_TIMEX_DATE, CB_TP_YEAR, CB_TIMEX_RELATIVE);
  if (!c->has_dct) snprintf(r->val, sizeof r->val, "XXXX");
  else cb_tv_year(r->val, sizeof r->val, c, cb_cal_date(c->dct).y - 1);
  return i + 3;
}

/* every week, each Monday, daily, every other year */
size_t cb_tp_set(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (has(c, i, TL_SETADV)) {
    int u = val(c, i, TL_SETADV);
    if (word_is(c, i, "annual")) return 0;
    if (i > 0 && word_is(c, i - 1, "average")) return 0;          /* "average daily volume": a rate, not a set */
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
  int mo = k == 1 ? month_at(c, j, &e) : 0;
  if (mo && !num_tok(c, e, 1, 2)) {                  /* "each July": every July */
    set(r, e, CB_TIMEX_SET, CB_TP_NONE, 0);
    snprintf(r->val, sizeof r->val, "XXXX-%02d", mo);
    return e;
  }
  if (k == 1 && has(c, j, TL_SEASON) && val(c, j, TL_SEASON) >= 1 && val(c, j, TL_SEASON) <= 4) {   /* "every summer" */
    static const char *const sn[] = {"", "SP", "SU", "FA", "WI"};
    set(r, j + 1, CB_TIMEX_SET, CB_TP_NONE, 0);
    snprintf(r->val, sizeof r->val, "XXXX-%s", sn[val(c, j, TL_SEASON)]);
    return j + 1;
  }
  int u = unit_at(c, j);
  if (!u || u == TU_PERIOD || u == TU_HALF) return 0;
  set(r, j + 1, CB_TIMEX_SET, CB_TP_NONE, 0);
  cb_tv_duration(r->val, sizeof r->val, u, k, 0);
  return j + 1;
}
