/*
 * pubdate.c - parsing of publication dates and the inferred bound; see pubdate.h.
 */
#include "ingest/pubdate.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>
#include "corroborate.h"
#include "core/data.h"

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};

int cb_month_at(const char *s, size_t n, size_t *len) {
  size_t k = 0;
  while (k < n && isalpha((unsigned char)s[k])) k++;
  if (k < 3) return 0;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(months[m]);
    int ok = (k == full && strncasecmp(s, months[m], k) == 0) ||
             (k == 3 && strncasecmp(s, months[m], 3) == 0) ||
             (k == 4 && m == 8 && strncasecmp(s, "sept", 4) == 0);
    if (ok) {
      if (k < full && k < n && s[k] == '.') k++;
      *len = k;
      return m + 1;
    }
  }
  return 0;
}

int cb_date_valid(int y, int m, int d) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
  if (m == 2 && d == 29 && y && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
  return 1;
}

static size_t digits(const char *s, size_t n, int max, int *v) {
  size_t k = 0;
  int x = 0;
  while (k < n && (int)k < max && isdigit((unsigned char)s[k])) x = x * 10 + (s[k++] - '0');
  if (k < n && isdigit((unsigned char)s[k])) return 0;   /* too many digits */
  *v = x;
  return k;
}

static size_t spaces(const char *s, size_t n, size_t i) {
  while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
  return i;
}

/* Optional time after a date: "T10:31", " 10:31:00", " at 10:31 am", then a zone. */
static size_t parse_time(const char *s, size_t n, size_t i, cb_date *d) {
  size_t j = i;
  if (j < n && (s[j] == 'T' || s[j] == ' ' || s[j] == ',')) j++;
  j = spaces(s, n, j);
  if (j + 2 < n && strncasecmp(s + j, "at ", 3) == 0) j = spaces(s, n, j + 3);
  int h, m, sec = 0;
  size_t k = digits(s + j, n - j, 2, &h);
  if (!k || j + k >= n || s[j + k] != ':') return i;
  j += k + 1;
  k = digits(s + j, n - j, 2, &m);
  if (k != 2) return i;
  j += k;
  if (j < n && s[j] == ':') {
    k = digits(s + j + 1, n - j - 1, 2, &sec);
    if (k == 2) j += 3;
  }
  if (j < n && s[j] == '.') { j++; while (j < n && isdigit((unsigned char)s[j])) j++; }
  size_t t = spaces(s, n, j);
  int dots = t + 3 < n && (strncasecmp(s + t, "a.m.", 4) == 0 || strncasecmp(s + t, "p.m.", 4) == 0);
  int plain = t + 1 < n && (strncasecmp(s + t, "am", 2) == 0 || strncasecmp(s + t, "pm", 2) == 0);
  size_t ampm = dots ? 4 : plain ? 2 : 0;
  if (ampm) {
    if (tolower((unsigned char)s[t]) == 'p' && h < 12) h += 12;
    if (tolower((unsigned char)s[t]) == 'a' && h == 12) h = 0;
    j = t + ampm;
  }
  if (h > 23 || m > 59 || sec > 60) return i;
  d->hour = h; d->min = m; d->sec = sec; d->has_time = 1;
  t = spaces(s, n, j);
  if (t < n && (s[t] == 'Z' || s[t] == 'z') && (t + 1 == n || !isalpha((unsigned char)s[t + 1]))) {
    d->has_tz = 1; d->tz_min = 0; return t + 1;
  }
  if (t + 2 < n && (strncasecmp(s + t, "GMT", 3) == 0 || strncasecmp(s + t, "UTC", 3) == 0)) {
    d->has_tz = 1; d->tz_min = 0; j = t + 3; t = j;
  }
  if (t < n && (s[t] == '+' || s[t] == '-')) {
    int sign = s[t] == '-' ? -1 : 1, zh, zm = 0;
    size_t a = digits(s + t + 1, n - t - 1, 2, &zh);
    if (a == 2) {
      size_t u = t + 3;
      if (u < n && s[u] == ':') u++;
      size_t b = digits(s + u, n - u, 2, &zm);
      if (b == 2) u += 2;
      d->has_tz = 1; d->tz_min = sign * (zh * 60 + zm);
      return u;
    }
  }
  return j;
}

static size_t parse_core(const char *s, size_t n, cb_date *d) {
  memset(d, 0, sizeof *d);
  int y, m, dd;
  size_t k, i = 0, ml;
  /* ISO: 2025-12-04, 2025/12/04, 2025.12.04 */
  if ((k = digits(s, n, 4, &y)) == 4 && k < n && (s[k] == '-' || s[k] == '/' || s[k] == '.')) {
    char sep = s[k];
    size_t a = digits(s + k + 1, n - k - 1, 2, &m);
    if (a && k + 1 + a < n && s[k + 1 + a] == sep) {
      size_t b = digits(s + k + 2 + a, n - k - 2 - a, 2, &dd);
      if (b && cb_date_valid(y, m, dd) && y >= 1800) {
        d->year = y; d->month = m; d->day = dd;
        return parse_time(s, n, k + 2 + a + b, d);
      }
    }
    return 0;
  }
  /* Month Day, Year  |  Month Day  |  Month Year */
  if ((m = cb_month_at(s, n, &ml))) {
    i = spaces(s, n, ml);
    if ((k = digits(s + i, n - i, 2, &dd)) && cb_date_valid(0, m, dd)) {
      i += k;
      if (i + 1 < n && isalpha((unsigned char)s[i]) && (strncasecmp(s + i, "st", 2) == 0 || strncasecmp(s + i, "nd", 2) == 0 ||
                                                       strncasecmp(s + i, "rd", 2) == 0 || strncasecmp(s + i, "th", 2) == 0))
        i += 2;
      if (i < n && isalnum((unsigned char)s[i])) return 0;
      d->month = m; d->day = dd;
      size_t j = i;
      if (j < n && s[j] == ',') j++;
      j = spaces(s, n, j);
      if ((k = digits(s + j, n - j, 4, &y)) == 4 && y >= 1800 && cb_date_valid(y, m, dd)) {
        d->year = y;
        return parse_time(s, n, j + 4, d);
      }
      return i;
    }
    if ((k = digits(s + i, n - i, 4, &y)) == 4 && y >= 1800) { d->month = m; d->year = y; return i + 4; }
    return 0;
  }
  /* Day Month Year: 12 Aug 2026, 30 November 2025 */
  if ((k = digits(s, n, 2, &dd)) && dd >= 1) {
    i = spaces(s, n, k);
    if (i + 1 < n && (strncasecmp(s + i, "th", 2) == 0 || strncasecmp(s + i, "st", 2) == 0 ||
                      strncasecmp(s + i, "nd", 2) == 0 || strncasecmp(s + i, "rd", 2) == 0) && !isalpha((unsigned char)s[i+2]))
      i = spaces(s, n, i + 2);
    if (i + 3 < n && strncasecmp(s + i, "of ", 3) == 0) i = spaces(s, n, i + 3);
    if ((m = cb_month_at(s + i, n - i, &ml)) && cb_date_valid(0, m, dd)) {
      i += ml;
      size_t j = i;
      if (j < n && s[j] == ',') j++;
      j = spaces(s, n, j);
      d->month = m; d->day = dd;
      if ((k = digits(s + j, n - j, 4, &y)) == 4 && y >= 1800 && cb_date_valid(y, m, dd)) {
        d->year = y;
        return parse_time(s, n, j + 4, d);
      }
      return i;
    }
  }
  return 0;
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
                                       "thur", "thurs", "fri", "sat", "sun"};

/* Skips a leading weekday ("Sunday, ", "Sun ") if there is one. */
static size_t skip_weekday(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && isalpha((unsigned char)s[k])) k++;
  for (size_t w = 0; w < sizeof weekdays / sizeof *weekdays; w++) {
    if (k == strlen(weekdays[w]) && strncasecmp(s, weekdays[w], k) == 0) {
      if (k < n && s[k] == '.') k++;
      if (k < n && s[k] == ',') k++;
      return spaces(s, n, k);
    }
  }
  return 0;
}

size_t cb_date_parse(const char *s, size_t n, cb_date *d) {
  size_t i = skip_weekday(s, n);
  size_t k = parse_core(s + i, n - i, d);
  return k ? i + k : 0;
}

/* Labels before a date line, longest first where one starts another, with what they say. */
static const struct { const char *text; cb_date_label kind; } labels[] = {
  {"first published", CB_DATE_PUBLISHED}, {"originally published", CB_DATE_PUBLISHED},
  {"publication date", CB_DATE_PUBLISHED}, {"published on", CB_DATE_PUBLISHED},
  {"published", CB_DATE_PUBLISHED}, {"posted on", CB_DATE_PUBLISHED}, {"posted", CB_DATE_PUBLISHED},
  {"last updated", CB_DATE_UPDATED}, {"last modified", CB_DATE_UPDATED}, {"updated on", CB_DATE_UPDATED},
  {"updated", CB_DATE_UPDATED}, {"modified", CB_DATE_UPDATED}, {"dated", CB_DATE_PLAIN},
  {"date", CB_DATE_PLAIN}, {"on", CB_DATE_PLAIN}, {NULL, CB_DATE_NONE}};

/* The label at i ("Published:", "Updated on"): its kind, *i moved past it; CB_DATE_PLAIN if none. */
static cb_date_label read_label(const char *s, size_t n, size_t *i) {
  for (int l = 0; labels[l].text; l++) {
    size_t k = strlen(labels[l].text);
    if (n - *i > k && strncasecmp(s + *i, labels[l].text, k) == 0 && !isalpha((unsigned char)s[*i + k])) {
      *i = spaces(s, n, *i + k);
      if (*i < n && s[*i] == ':') *i = spaces(s, n, *i + 1);
      if (*i + 3 < n && strncasecmp(s + *i, "at ", 3) == 0) *i = spaces(s, n, *i + 3);
      return labels[l].kind;
    }
  }
  return CB_DATE_PLAIN;
}

/* A time before the date ("10:31 AM EST, March 4, 2027"): its end, or i; the time in *t. */
static size_t time_first(const char *s, size_t n, size_t i, cb_date *t) {
  memset(t, 0, sizeof *t);
  size_t j = parse_time(s, n, i, t);
  if (!t->has_time) return i;
  j = spaces(s, n, j);
  while (j < n && isupper((unsigned char)s[j])) j++;   /* a zone: "EST", "ET" */
  if (j < n && s[j] == ',') j++;
  return spaces(s, n, j);
}

cb_date_label cb_date_line_label(const char *s, size_t n, cb_date *d) {
  size_t i = spaces(s, n, 0);
  while (n > i && isspace((unsigned char)s[n - 1])) n--;
  cb_date_label kind = read_label(s, n, &i);
  cb_date t;
  i = time_first(s, n, i, &t);
  size_t k = cb_date_parse(s + i, n - i, d);
  if (!k || !d->year || !d->day) return CB_DATE_NONE;
  if (t.has_time && !d->has_time) { d->hour = t.hour; d->min = t.min; d->sec = t.sec; d->has_time = 1; }
  i = spaces(s, n, i + k);
  /* trailing zone words ("EST", "(UTC)") or a trailing '|' are fine */
  while (i < n && (isupper((unsigned char)s[i]) || s[i] == '(' || s[i] == ')' || s[i] == ' ' || s[i] == '|')) i++;
  return i == n ? kind : CB_DATE_NONE;
}

int cb_date_line(const char *s, size_t n, cb_date *d) { return cb_date_line_label(s, n, d) != CB_DATE_NONE; }

/* ---- named days ---------------------------------------------------------------------- */
typedef struct holiday { char name[40]; size_t len; int month, day, nth, weekday, easter; } holiday;
static holiday holidays[64];
static size_t nholidays;
static pthread_once_t holidays_once = PTHREAD_ONCE_INIT;

static void load_holidays(void) {
  size_t len;
  const char *d = cb_data_need("dates/holidays.tsv", &len);
  for (const char *p = d, *end = d ? d + len : NULL; p && p < end && nholidays < 64;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *tab = memchr(p, '\t', (size_t)(le - p));
    if (*p != '#' && tab && (size_t)(tab - p) < sizeof holidays[0].name) {
      holiday *h = &holidays[nholidays];
      memset(h, 0, sizeof *h);
      memcpy(h->name, p, (size_t)(tab - p));
      h->len = (size_t)(tab - p);
      char rule[32] = {0};
      memcpy(rule, tab + 1, (size_t)(le - tab - 1) < 31 ? (size_t)(le - tab - 1) : 31);
      int k;
      if (sscanf(rule, "easter%d", &k) == 1) { h->easter = 1; h->day = k; nholidays++; }
      else if (sscanf(rule, "%d:%d:%d", &h->month, &h->nth, &h->weekday) == 3) nholidays++;
      else if (sscanf(rule, "%d-%d", &h->month, &h->day) == 2) nholidays++;
    }
    p = le + 1;
  }
  /* longest names first, so "christmas eve" wins over "christmas" */
  for (size_t i = 1; i < nholidays; i++)
    for (size_t j = i; j > 0 && holidays[j].len > holidays[j - 1].len; j--) {
      holiday t = holidays[j]; holidays[j] = holidays[j - 1]; holidays[j - 1] = t;
    }
}

/* Day of week, 1 = Monday .. 7 = Sunday (Sakamoto). */
static int weekday_of(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  int w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;   /* 0 = Sunday */
  return w == 0 ? 7 : w;
}

static void add_days(int *y, int *m, int *d, int k) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  *d += k;
  for (;;) {
    int md = mdays[*m - 1] + (*m == 2 && ((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0));
    if (*d > md) { *d -= md; if (++*m > 12) { *m = 1; (*y)++; } continue; }
    if (*d < 1) { if (--*m < 1) { *m = 12; (*y)--; } *d += mdays[*m - 1] + (*m == 2 && ((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0)); continue; }
    break;
  }
}

int cb_holiday_at(const char *s, size_t n, int year, cb_date *d, size_t *len) {
  pthread_once(&holidays_once, load_holidays);
  for (size_t i = 0; i < nholidays; i++) {
    const holiday *h = &holidays[i];
    if (n < h->len || strncasecmp(s, h->name, h->len) != 0) continue;
    if (h->len < n && isalnum((unsigned char)s[h->len])) continue;
    /* typographic apostrophe in "New Year’s" */
    memset(d, 0, sizeof *d);
    *len = h->len;
    if (!h->easter && !h->nth) { d->year = year; d->month = h->month; d->day = h->day; return 1; }
    if (!year) return 0;
    int y = year, m, dd;
    if (h->easter) {   /* anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
      int a = y % 19, b = y / 100, c = y % 100, dd4 = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
      int hh = (19 * a + b - dd4 - g + 15) % 30, i4 = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i4 - hh - k) % 7;
      int mm = (a + 11 * hh + 22 * l) / 451;
      m = (hh + l - 7 * mm + 114) / 31;
      dd = (hh + l - 7 * mm + 114) % 31 + 1;
      add_days(&y, &m, &dd, h->day);
    } else if (h->nth > 0) {
      m = h->month;
      dd = 1 + (h->weekday - weekday_of(y, m, 1) + 7) % 7 + 7 * (h->nth - 1);
    } else {
      static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      m = h->month;
      int last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
      dd = last - (weekday_of(y, m, last) - h->weekday + 7) % 7;
    }
    d->year = y; d->month = m; d->day = dd;
    return 1;
  }
  return 0;
}

/* Future-tense words in the few words before a date: the date is not an event yet. */
static int future_context(const char *s, size_t i) {
  size_t b = i > 48 ? i - 48 : 0;
  static const char *const cues[] = {" will ", " next ", "scheduled", " until ", " due ", " expected ", " plans ", " set to ", NULL};
  for (int c = 0; cues[c]; c++) {
    size_t k = strlen(cues[c]);
    for (size_t j = b; j + k <= i; j++) if (strncasecmp(s + j, cues[c], k) == 0) return 1;
  }
  return 0;
}

int cb_date_latest_in_text(const char *s, size_t n, int default_year, cb_date *best, const char **why) {
  static __thread char phrase[96];
  int found = 0;
  cb_date d;
  for (size_t i = 0; i < n; i++) {
    if (i && isalnum((unsigned char)s[i - 1])) continue;
    if (!isalnum((unsigned char)s[i])) continue;
    size_t k = parse_core(s + i, n - i, &d);
    if (k && !d.day) k = 0;
    if (!k && isalpha((unsigned char)s[i]) && !cb_holiday_at(s + i, n - i, default_year, &d, &k)) k = 0;
    if (!k) continue;
    if (future_context(s, i)) { i += k - 1; continue; }
    cb_date c = d;
    c.has_time = 0; c.hour = c.min = c.sec = 0; c.has_tz = 0;
    if (!c.year && default_year && cb_date_valid(default_year, c.month, c.day)) c.year = default_year;
    if (!found || cb_date_cmp(&c, best) > 0) {
      *best = c;
      found = 1;
      size_t start = i, len = k < sizeof phrase - 1 ? k : sizeof phrase - 1;
      /* quote the preposition too when there is one ("on December 1") */
      if (start >= 3 && strncasecmp(s + start - 3, "on ", 3) == 0 && len + 3 < sizeof phrase - 1) { start -= 3; len += 3; }
      memcpy(phrase, s + start, len);
      phrase[len] = 0;
    }
    i += k - 1;
  }
  if (found && why) *why = phrase;
  return found;
}

int cb_date_cmp(const cb_date *a, const cb_date *b) {
  int ya = a->year ? a->year : 0, yb = b->year ? b->year : 0;
  if (ya != yb && ya && yb) return ya < yb ? -1 : 1;
  if (a->month != b->month) return a->month < b->month ? -1 : 1;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return 0;
}

void cb_date_format(const cb_date *d, char *out, size_t cap) {
  char y[8];
  if (d->year) snprintf(y, sizeof y, "%04d", d->year); else snprintf(y, sizeof y, "XXXX");
  if (!d->day) { snprintf(out, cap, "%s-%02d", y, d->month); return; }
  if (!d->has_time) { snprintf(out, cap, "%s-%02d-%02d", y, d->month, d->day); return; }
  if (!d->has_tz) { snprintf(out, cap, "%s-%02d-%02dT%02d:%02d:%02d", y, d->month, d->day, d->hour, d->min, d->sec); return; }
  if (d->tz_min == 0) { snprintf(out, cap, "%s-%02d-%02dT%02d:%02d:%02dZ", y, d->month, d->day, d->hour, d->min, d->sec); return; }
  int z = d->tz_min < 0 ? -d->tz_min : d->tz_min;
  snprintf(out, cap, "%s-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, d->month, d->day, d->hour, d->min, d->sec,
           d->tz_min < 0 ? '-' : '+', z / 60, z % 60);
}
