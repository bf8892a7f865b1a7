/*
 * timex_match.c - runs every timex pattern at a token and keeps the longest match, then
 * widens it: a part of the period before it ("early", "the end of"), a qualifier ("around"),
 * a clock time's day ("5 p.m. EST Nov. 9"), a month's year ("June last year").
 */
#include "extract/timex_query.h"
#include <stdio.h>

typedef size_t (*pattern)(const cb_tm_ctx *, size_t, cb_tm_res *);
static const pattern patterns[] = {
  cb_tp_numeric, cb_tp_clock, cb_tp_month, cb_tp_year, cb_tp_relative, cb_tp_dayrel, cb_tp_weekday, cb_tp_ref,
  cb_tp_duration, cb_tp_year_ago, cb_tp_quarter, cb_tp_the_quarter, cb_tp_the_year, cb_tp_season, cb_tp_holiday, cb_tp_set, cb_tp_century,
  cb_tp_spelled_year, cb_tp_year_end, cb_tp_paired_day, cb_tp_short_decade, cb_tp_trading_day};
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
  if (!needs_of && word_is(c, j, "in") && word_is(c, j + 1, "the")) j++;   /* "earlier in the year": this year */
  if (word_is(c, j, "the") && (unit_at(c, j + 1) == TU_YEAR || unit_at(c, j + 1) == TU_MONTH || unit_at(c, j + 1) == TU_WEEK)
      && !word_is(c, j + 1, "years") && !word_is(c, j + 1, "months") && !word_is(c, j + 1, "weeks")) {
    if (!c->has_dct) return 0;
    set(r, j + 2, CB_TIMEX_DATE, CB_TP_NONE, CB_TIMEX_RELATIVE);
    if (!cb_tp_unit_value(c, r, unit_at(c, j + 1), 0)) return 0;
  } else {
    if (!best_plain(c, j, r) || r->prec == CB_TP_NONE) return 0;
    if (r->type != CB_TIMEX_DATE && (needs_of || r->type != CB_TIMEX_TIME)) return 0;
    if (r->prec >= CB_TP_DAY && needs_of) return 0;      /* "the end of Monday": not a thing */
  }
  static const char *const mods[] = {"", "START", "MID", "END"};
  r->mod = part >= 1 && part <= 3 ? mods[part] : NULL;
  return 1;
}

/* "at night", "by night": a part of no day in particular (XXXX-XX-XXTNI) */
static int p_at_night(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!word_is(c, i, "night") || i == 0 || !(word_is(c, i - 1, "at") || word_is(c, i - 1, "by"))) return 0;
  set(r, i + 1, CB_TIMEX_TIME, CB_TP_PART_OF_DAY, 0);
  snprintf(r->val, sizeof r->val, "XXXX-XX-XXTNI");
  return 1;
}

/* noon, midnight: a TIME on the article date */
static size_t p_noon(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  if (!has(c, i, TL_POD)) return 0;
  int p = val(c, i, TL_POD);
  if (p != TD_NOON && p != TD_MIDNIGHT) return 0;
  set(r, i + 1, CB_TIMEX_TIME, CB_TP_HOUR, c->has_dct ? CB_TIMEX_RELATIVE : 0);
  cb_tp_time_value(c, r, p == TD_NOON ? 12 : 24, 0);
  return i + 1;
}

/* A day's date, or a part of a day ("tonight": 2013-03-21TNI), that a clock time can take its date from. */
static int day_value(const cb_tm_res *d) {
  if (d->prec != CB_TP_DAY && d->prec != CB_TP_PART_OF_DAY) return 0;
  const char *v = d->val;
  return strlen(v) >= 10 && v[4] == '-' && v[7] == '-' && (v[10] == 0 || v[10] == 'T');
}

/* "5 o'clock this afternoon", "7:30 tonight": an hour said without a.m./p.m. (tokens [i, r->end)) in the
 * afternoon, evening or night is after noon. */
static void afternoon_hour(const cb_tm_ctx *c, size_t i, const char *day, cb_tm_res *r) {
  const char *pod = strlen(day) > 10 ? day + 10 : "";
  int h = 0;
  if (strcmp(pod, "TAF") && strcmp(pod, "TEV") && strcmp(pod, "TNI")) return;
  for (size_t k = i; k < r->end; k++)
    if (word_is(c, k, "a") || word_is(c, k, "am") || word_is(c, k, "p") || word_is(c, k, "pm")) return;
  if (strlen(r->val) < 16 || sscanf(r->val + 11, "%2d", &h) != 1 || h < 1 || h > 11) return;
  r->val[11] = (char)('0' + (h + 12) / 10);
  r->val[12] = (char)('0' + (h + 12) % 10);
}

/* A time zone after a clock time at j ("EST", "GMT"): the token after it, else j. */
static size_t zone_end(const cb_tm_ctx *c, size_t j) { return has(c, j, TL_TZ) && c->t[j].cap ? j + 1 : j; }

/* "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6", "10:30 a.m. ET on Tuesday", "midnight Sunday", "10 p.m.
 * Eastern tonight": a clock time followed by its day is one time, its value the day's date with the
 * clock's time. After "local time" ("6 a.m. local time Saturday") the day still dates the clock time, but
 * the corpora mark the clock time alone. UTC and GMT times end in "Z". */
static void clock_then_day(const cb_tm_ctx *c, size_t i, cb_tm_res *r) {
  size_t tz = zone_end(c, r->end), j = tz;
  int local = tz == r->end && word_is(c, j, "local") && word_is(c, j + 1, "time");
  if (local) j += 2;
  if ((tz > r->end || local) && is_punct(c, j, ',') &&
      (month_at(c, j + 1, &(size_t){0}) || weekday_at(c, j + 1, &(size_t){0}))) j++;
  if (word_is(c, j, "on")) j++;
  cb_tm_res d;
  memset(&d, 0, sizeof d);
  size_t e = cb_tp_month(c, j, &d);
  if (!e) e = cb_tp_weekday(c, j, &d);
  if (!e) e = cb_tp_dayrel(c, j, &d);
  if (!e && word_is(c, j, "this")) e = cb_tp_relative(c, j, &d);   /* "10 p.m. this evening" */
  const char *tpart = strchr(r->val, 'T');
  int utc = tz > r->end && (word_is(c, tz - 1, "UTC") || word_is(c, tz - 1, "GMT"));
  r->end = tz;
  if (utc && tpart && strlen(r->val) + 1 < sizeof r->val) strcat(r->val, "Z");
  if (!e || !tpart || !day_value(&d)) return;
  char v[48];
  snprintf(v, sizeof v, "%.10s%s", d.val, strchr(r->val, 'T'));
  snprintf(r->val, sizeof r->val, "%s", v);
  if (!local) r->end = e;
  r->flags |= d.flags;
  afternoon_hour(c, i, d.val, r);
}

/* "Monday at 9 a.m. EST", "Nov. 6 at noon": a day and then its clock time (and zone) are one time. */
static void day_then_clock(const cb_tm_ctx *c, cb_tm_res *r) {
  if (!word_is(c, r->end, "at") || strlen(r->val) != 10) return;
  cb_tm_res t;
  memset(&t, 0, sizeof t);
  if (!cb_tp_clock(c, r->end + 1, &t) && !p_noon(c, r->end + 1, &t)) return;
  char v[48];
  snprintf(v, sizeof v, "%.10s%s", r->val, strchr(t.val, 'T'));
  snprintf(r->val, sizeof r->val, "%s", v);
  r->end = zone_end(c, t.end);
  if ((word_is(c, r->end - 1, "UTC") || word_is(c, r->end - 1, "GMT")) && strlen(r->val) + 1 < sizeof r->val)
    strcat(r->val, "Z");
  r->type = CB_TIMEX_TIME;
  r->prec = t.prec;
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
  if (!found && p_at_night(c, i, &p)) { *r = p; found = 1; }
  memset(&p, 0, sizeof p);
  if (with_part(c, i, &p) && (!found || p.end > r->end)) { *r = p; found = 1; }
  if (!found && has(c, i, TL_QUAL) && cb_tl_qual_name(val(c, i, TL_QUAL)) &&
      strcmp(cb_tl_qual_name(val(c, i, TL_QUAL)), "APPROX") == 0 && best_plain(c, i + 1, &p) &&
      (p.type == CB_TIMEX_DATE || p.type == CB_TIMEX_TIME) && p.prec != CB_TP_NONE) {
    *r = p; r->mod = "APPROX"; found = 1;            /* "around Nov. 1", "about 7:15 p.m." */
  }
  if (!found) return 0;
  if (r->type == CB_TIMEX_TIME && (r->prec == CB_TP_MINUTE || r->prec == CB_TP_HOUR)) clock_then_day(c, i, r);
  if (r->type == CB_TIMEX_DATE && r->prec == CB_TP_MONTH && (r->flags & CB_TIMEX_RELATIVE)) month_then_year(c, r);
  if (r->type == CB_TIMEX_DATE && r->prec == CB_TP_DAY) day_then_clock(c, r);
  return 1;
}
