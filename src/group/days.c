/*
 * days.c - day numbers for time windows: ISO dates to days since 1970-01-01 and back
 * (proleptic Gregorian, Howard Hinnant's civil-day formulas).
 */
#include "group/group.h"
#include <stdio.h>

int32_t cb_day_number(const char *s) {
  if (!s) return INT32_MIN;
  for (int i = 0; i < 10; i++) {
    char c = s[i];
    if (i == 4 || i == 7) { if (c != '-') return INT32_MIN; }
    else if (c < '0' || c > '9') return INT32_MIN;
  }
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return INT32_MIN;
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void cb_day_format(int32_t z, char out[11]) {
  if (z == INT32_MIN) { out[0] = 0; return; }
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  if (y < 0 || y > 9999) { out[0] = 0; return; }
  snprintf(out, 11, "%04d-%02d-%02d", y % 10000, (m & 15) % 13, (d & 31) % 32);
}
