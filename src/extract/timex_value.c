/*
 * timex_value.c - turns resolved calendar positions into TIMEX3 value strings and picks
 * the year or day a partial expression means, counted from the article date.
 */
#include "extract/timex_int.h"
#include <stdio.h>

/* "1998", "BC0480" (astronomical -479), "XXXX" */
static void year_str(char *out, size_t n, int y) {
  if (y == CB_TV_NOYEAR) snprintf(out, n, "XXXX");
  else if (y <= 0) snprintf(out, n, "BC%04d", 1 - y);
  else snprintf(out, n, "%04d", y);
}

void cb_tv_day(char *out, size_t n, const cb_tm_ctx *c, long days) {
  cb_ymd d = cb_cal_date(days);
  char ys[16];
  year_str(ys, sizeof ys, d.y);
  snprintf(out, n, "%s-%02d-%02d", ys, d.m, d.d);
}

void cb_tv_week(char *out, size_t n, const cb_tm_ctx *c, long days) {
  int y, w;
  cb_cal_iso_week(days, &y, &w);
  snprintf(out, n, "%04d-W%02d", y, w);
}

void cb_tv_month(char *out, size_t n, const cb_tm_ctx *c, int y, int m) {
  char ys[16];
  year_str(ys, sizeof ys, y);
  snprintf(out, n, "%s-%02d", ys, m);
}

void cb_tv_year(char *out, size_t n, const cb_tm_ctx *c, int y) { year_str(out, n, y); }

void cb_tv_quarter(char *out, size_t n, const cb_tm_ctx *c, int y, int q) {
  char ys[16];
  year_str(ys, sizeof ys, y);
  snprintf(out, n, "%s-Q%d", ys, q);
}

/* the 1990s: "199"; the 480s BC: "BC048" */
void cb_tv_decade(char *out, size_t n, int y) {
  if (y <= 0) snprintf(out, n, "BC%03d", (1 - y) / 10);
  else snprintf(out, n, "%03d", y / 10);
}

/* the 1900s: "19"; the 400s BC: "BC04" */
void cb_tv_century(char *out, size_t n, int y) {
  if (y <= 0) snprintf(out, n, "BC%02d", (1 - y) / 100);
  else snprintf(out, n, "%02d", y / 100);
}

int cb_tv_parse(const char *v, int *y, int *m, int *d) {
  int bc = v[0] == 'B' && v[1] == 'C';
  if (bc) v += 2;
  if (v[0] < '0' || v[0] > '9') return 0;
  int k = sscanf(v, "%4d-%2d-%2d", y, m, d);
  if (k < 1) return 0;
  if (bc) *y = 1 - *y;
  return k;
}

static void amount_str(char *b, size_t n, double a, int vague) {
  if (vague) snprintf(b, n, "X");
  else if (a == (long)a) snprintf(b, n, "%ld", (long)a);
  else snprintf(b, n, "%g", a);
}

void cb_tv_duration(char *out, size_t n, int unit, double a, int vague) {
  char k[24];
  amount_str(k, sizeof k, a, vague);
  switch (unit) {
  case TU_SECOND: snprintf(out, n, "PT%sS", k); break;
  case TU_MINUTE: snprintf(out, n, "PT%sM", k); break;
  case TU_HOUR: snprintf(out, n, "PT%sH", k); break;
  case TU_DAY: case TU_NIGHT: snprintf(out, n, "P%sD", k); break;
  case TU_WEEK: snprintf(out, n, "P%sW", k); break;
  case TU_FORTNIGHT: if (!vague) amount_str(k, sizeof k, a * 2, 0); snprintf(out, n, "P%sW", k); break;
  case TU_MONTH: snprintf(out, n, "P%sM", k); break;
  case TU_QUARTER: snprintf(out, n, "P%sQ", k); break;
  case TU_YEAR: snprintf(out, n, "P%sY", k); break;
  case TU_DECADE: snprintf(out, n, "P%sDE", k); break;
  case TU_CENTURY: snprintf(out, n, "P%sCE", k); break;
  case TU_MILLENNIUM: snprintf(out, n, "P%sML", k); break;
  case TU_WEEKEND: snprintf(out, n, "P%sWE", k); break;
  default: snprintf(out, n, "PX"); break;
  }
}

/* N and a half units: the half in the next smaller unit ("P2Y6M", "PT5H30M", "PT1M30S"). */
void cb_tv_duration_half(char *out, size_t n, int unit, int whole) {
  switch (unit) {
  case TU_YEAR: snprintf(out, n, "P%dY6M", whole); break;
  case TU_DAY: snprintf(out, n, "P%dDT12H", whole); break;
  case TU_HOUR: snprintf(out, n, "PT%dH30M", whole); break;
  case TU_MINUTE: snprintf(out, n, "PT%dM30S", whole); break;
  case TU_DECADE: snprintf(out, n, "P%dY", whole * 10 + 5); break;
  case TU_CENTURY: snprintf(out, n, "P%dY", whole * 100 + 50); break;
  default: cb_tv_duration(out, n, unit, whole + 0.5, 0); break;
  }
}

static long add_months(long days, int months) {
  cb_ymd d = cb_cal_date(days);
  long m0 = (long)d.y * 12 + (d.m - 1) + months;
  int y = (int)(m0 >= 0 ? m0 / 12 : -((-m0 + 11) / 12));
  int m = (int)(m0 - (long)y * 12) + 1;
  int md = cb_cal_month_days(y, m);
  return cb_cal_days(y, m, d.d > md ? md : d.d);
}

long cb_tv_add(long days, int unit, int k) {
  switch (unit) {
  case TU_DAY: case TU_NIGHT: return days + k;
  case TU_WEEK: case TU_WEEKEND: return days + 7L * k;
  case TU_FORTNIGHT: return days + 14L * k;
  case TU_MONTH: return add_months(days, k);
  case TU_QUARTER: return add_months(days, 3 * k);
  case TU_HALF: return add_months(days, 6 * k);
  case TU_YEAR: return add_months(days, 12 * k);
  case TU_DECADE: return add_months(days, 120 * k);
  case TU_CENTURY: return add_months(days, 1200 * k);
  default: return days;
  }
}

long cb_tv_weekday(long from, int wd, int dir) {
  int cur = cb_cal_weekday(from);
  if (dir < 0) {
    long back = (cur - wd + 7) % 7;
    if (back == 0 && dir == -2) back = 7;
    return from - back;
  }
  long fwd = (wd - cur + 7) % 7;
  if (fwd == 0 && dir == 2) fwd = 7;
  return from + fwd;
}

/* The year of month m: looking back (dir < 0; -2: strictly, the month begun by now), forward (dir > 0)
 * or, without a cue, within a window leaning to the past (news reports more than it announces): up to 8
 * months back, 4 ahead. */
int cb_tv_year_for_month(const cb_tm_ctx *c, int m, int dir) {
  if (!c->has_dct) return CB_TV_NOYEAR;
  cb_ymd d = cb_cal_date(c->dct);
  if (c->narrative) return d.y;
  if (dir <= -2) return m <= d.m ? d.y : d.y - 1;       /* strictly behind: "since March" */
  if (dir < 0) return m <= d.m + 2 ? d.y : d.y - 1;      /* a month just ahead is still this year's */
  if (dir > 0) return m >= d.m - 2 ? d.y : d.y + 1;
  int diff = m - d.m;
  if (diff > 4) return d.y - 1;
  if (diff < -8) return d.y + 1;
  return d.y;
}

int cb_tv_year_for_day(const cb_tm_ctx *c, int m, int dd, int dir) {
  if (!c->has_dct) return CB_TV_NOYEAR;
  cb_ymd d = cb_cal_date(c->dct);
  int y = d.y;
  if (c->narrative) return y;
  int day = dd > cb_cal_month_days(y, m) ? cb_cal_month_days(y, m) : dd;
  long here = cb_cal_days(y, m, day);
  if (dir > 0 && here < c->dct - 60) return y + 1;     /* within two months: the article's year */
  if (dir <= -2 && here > c->dct) return y - 1;        /* strictly behind: "since March 3" */
  if (dir < 0 && here > c->dct + 60) return y - 1;
  if (dir == 0 && here - c->dct > 122) return y - 1;  /* no cue: about 4 months ahead, 8 back */
  if (dir == 0 && c->dct - here > 243) return y + 1;
  return y;
}
