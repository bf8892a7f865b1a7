/*
 * pubdate.h - publication dates as articles state them: "November 30, 2025",
 * "30 Nov 2025", "2025-12-04", "2025-12-04T10:31:00+01:00", "Sun, 30 Nov 2025 10:00 GMT",
 * "Published: 12 Aug 2026", "date 2025-12-04"; and the inferred lower bound from the
 * latest explicitly dated event in a text ("on December 1" -> on or after XXXX-12-01).
 */
#ifndef CB_INGEST_PUBDATE_H
#define CB_INGEST_PUBDATE_H
#include <stddef.h>

typedef struct cb_date {
  int year;      /* 0: not stated */
  int month;     /* 1..12 */
  int day;       /* 1..31, 0: month precision */
  int hour, min, sec;
  int tz_min;    /* offset from UTC in minutes */
  unsigned has_time : 1, has_tz : 1;
} cb_date;

/* Month number for an English month name or abbreviation at s (with optional '.');
 * sets *len to the bytes used. 0 if none. */
int cb_month_at(const char *s, size_t n, size_t *len);
/* Parses a date at the start of s. Returns bytes consumed, 0 if there is none. */
size_t cb_date_parse(const char *s, size_t n, cb_date *d);
/* What the label of a date line says: an update, a plain date, the publication. A stated
 * publication date is preferred over a plain one, a plain one over an update. */
typedef enum cb_date_label {
  CB_DATE_NONE = 0, CB_DATE_UPDATED, CB_DATE_PLAIN, CB_DATE_PUBLISHED
} cb_date_label;
/* 1 if the whole line is a date line: an optional label ("Published:", "date", "Updated"),
 * an optional time ("10:31 AM EST,"), an optional weekday, a full date with a year, an
 * optional time. */
int cb_date_line(const char *s, size_t n, cb_date *d);
/* The same, telling what its label says (CB_DATE_PLAIN without a label; NONE: no date line). */
cb_date_label cb_date_line_label(const char *s, size_t n, cb_date *d);
/* Latest explicitly dated event in text: "Month Day[, Year]", "Day Month Year", ISO dates,
 * and named days ("Thanksgiving", "Christmas Eve"; data/dates/holidays.tsv). A date with
 * no year takes default_year (0: stays without a year; named days that move need a year
 * and are skipped). Dates in future-tense context ("will", "next", "scheduled") are not
 * events yet and are skipped. *why points at a thread-local copy of the phrase.
 * Returns 1 if one was found. */
int cb_date_latest_in_text(const char *s, size_t n, int default_year, cb_date *d, const char **why);
/* The date of a named day in a year (holidays.tsv); 0 if the name is not one. Sets *len
 * to the bytes of the name matched at s. */
int cb_holiday_at(const char *s, size_t n, int year, cb_date *d, size_t *len);
/* ISO 8601: 2025-11-30, 2025-11-30T10:00:00+01:00, or XXXX-12-01 when the year is unknown. */
void cb_date_format(const cb_date *d, char *out, size_t cap);
int cb_date_cmp(const cb_date *a, const cb_date *b);
/* 1 if y-m-d is a real calendar day. */
int cb_date_valid(int y, int m, int d);
#endif
