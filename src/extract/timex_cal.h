/*
 * timex_cal.h - proleptic Gregorian calendar arithmetic for the timex normaliser: day
 * numbers, weekdays, ISO weeks, month steps, and the movable holidays.
 */
#ifndef CB_EXTRACT_TIMEX_CAL_H
#define CB_EXTRACT_TIMEX_CAL_H

typedef struct cb_ymd { int y, m, d; } cb_ymd;

long cb_cal_days(int y, int m, int d);              /* days since 1970-01-01 */
cb_ymd cb_cal_date(long days);
int cb_cal_weekday(long days);                      /* ISO: 1 Monday .. 7 Sunday */
int cb_cal_month_days(int y, int m);
int cb_cal_valid(int y, int m, int d);
void cb_cal_iso_week(long days, int *year, int *week);
/* Parses "YYYY-MM-DD" at the start of s (a longer date-time is fine); 0 if not a date. */
int cb_cal_parse(const char *s, cb_ymd *out);
/* The n-th (1..5, or -1 for the last) given weekday of a month. */
long cb_cal_nth_weekday(int y, int m, int weekday, int n);
long cb_cal_easter(int y);                          /* Western Easter Sunday */
#endif
