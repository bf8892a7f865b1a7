/*
 * timex_cal.c - calendar arithmetic for the timex normaliser (days-from-civil after
 * Howard Hinnant's public-domain algorithms; the anonymous Gregorian Easter computus).
 */
#include "extract/timex_cal.h"

long cb_cal_days(int y, int m, int d) {
  long yy = (long)y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

cb_ymd cb_cal_date(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  cb_ymd r;
  r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
  r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
  r.y = (int)(yoe + era * 400 + (r.m <= 2));
  return r;
}

int cb_cal_weekday(long days) {
  long w = (days + 3) % 7;          /* 1970-01-01 was a Thursday */
  if (w < 0) w += 7;
  return (int)w + 1;
}

int cb_cal_month_days(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return len[m - 1];
}

int cb_cal_valid(int y, int m, int d) {
  return y >= -9999 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= cb_cal_month_days(y, m);
}

void cb_cal_iso_week(long days, int *year, int *week) {
  long thursday = days - cb_cal_weekday(days) + 4;   /* the week's Thursday owns it */
  cb_ymd t = cb_cal_date(thursday);
  long jan1 = cb_cal_days(t.y, 1, 1);
  *year = t.y;
  *week = (int)((thursday - jan1) / 7 + 1);
}

static int digits(const char *s, int n, int *v) {
  int x = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    x = x * 10 + (s[i] - '0');
  }
  *v = x;
  return 1;
}

int cb_cal_parse(const char *s, cb_ymd *out) {
  if (!s) return 0;
  cb_ymd r;
  if (!digits(s, 4, &r.y) || s[4] != '-' || !digits(s + 5, 2, &r.m) || s[7] != '-' ||
      !digits(s + 8, 2, &r.d))
    return 0;
  if (!cb_cal_valid(r.y, r.m, r.d)) return 0;
  *out = r;
  return 1;
}

long cb_cal_nth_weekday(int y, int m, int weekday, int n) {
  if (n < 0) {
    long last = cb_cal_days(y, m, cb_cal_month_days(y, m));
    return last - ((cb_cal_weekday(last) - weekday + 7) % 7);
  }
  long first = cb_cal_days(y, m, 1);
  return first + ((weekday - cb_cal_weekday(first) + 7) % 7) + 7L * (n - 1);
}

long cb_cal_easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return cb_cal_days(y, month, day);
}
