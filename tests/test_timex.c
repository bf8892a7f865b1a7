/*
 * test_timex.c - dates and times: the seed-story checks (issue 4, seeds.md section 2), the
 * known traps (one regression test each), the calendar helpers, and bad input.
 */
#include "extract/timex.h"
#include "extract/timex_cal.h"
#include "eval/eval.h"
#include "test.h"
#include <stdlib.h>

static cb_arena *A;

/* The value of the mention whose surface text is exactly `surface` (first one), or NULL. */
static const cb_timex *find(const char *text, const char *dct, const char *surface) {
  cb_timex *v;
  size_t n = cb_timex_extract(A, text, strlen(text), dct, &v);
  for (size_t i = 0; i < n; i++)
    if (v[i].end - v[i].start == strlen(surface) && memcmp(text + v[i].start, surface, strlen(surface)) == 0)
      return &v[i];
  return NULL;
}

static const char *value_of(const char *text, const char *dct, const char *surface) {
  const cb_timex *t = find(text, dct, surface);
  return t ? t->value : "(not found)";
}

static size_t count(const char *text, const char *dct) {
  cb_timex *v;
  return cb_timex_extract(A, text, strlen(text), dct, &v);
}

static void test_seeds(void) {
  /* 003, dct 2025-12-04 (a Thursday) */
  const char *s003 = "CARACAS- Maduro confirmed Wednesday that he had a \xe2\x80\x9c" "cordial\xe2\x80\x9d phone call with his US "
                     "counterpart Trump 10 days ago amid a US military buildup in Latin America.";
  CHECK_STR(value_of(s003, "2025-12-04", "Wednesday"), "2025-12-03");
  const cb_timex *ago = find(s003, "2025-12-04", "10 days ago");
  CHECK(ago != NULL);
  if (ago) { CHECK_STR(ago->value, "2025-11-23"); CHECK(ago->flags & CB_TIMEX_ANCHORED); CHECK_INT(ago->type, CB_TIMEX_DATE); }
  CHECK_STR(value_of("Trump confirmed the telephone conversation with Maduro on Sunday without providing any details.",
                     "2025-12-04", "Sunday"), "2025-11-30");
  CHECK_STR(value_of("Washington has accused Maduro of leading the alleged Cartel of the Suns, which it declared a "
                     "terrorist organisation on November 24.", "2025-12-04", "November 24"), "2025-11-24");
  CHECK_STR(value_of("Trump confirmed the telephone conversation over the weekend, but was non-committal.",
                     "2025-12-04", "the weekend"), "2025-W48-WE");
  CHECK_STR(value_of("Since August, the United States has deployed a fleet of warships.", "2025-12-04", "August"), "2025-08");
  /* 002, dct 2025-11-30 (a Sunday) */
  CHECK_STR(value_of("On Monday, the US State Department announced in a statement the inclusion of the cartel.",
                     "2025-11-30", "Monday"), "2025-11-24");
  CHECK_STR(value_of("The New York Times reported that a phone call took place between Trump and Maduro last week.",
                     "2025-11-30", "last week"), "2025-W47");
  CHECK_STR(value_of("On November 17, Rubio accused the cartel of causing violence in the region.", "2025-11-30",
                     "November 17"), "2025-11-17");
  CHECK_STR(value_of("In August, Trump issued an executive order.", "2025-11-30", "August"), "2025-08");
  /* 000, 001, 004 */
  CHECK_STR(value_of("Schumer said on December 1 that the Pentagon should release the video.", "2025-12-01",
                     "December 1"), "2025-12-01");
  CHECK_STR(value_of("marked by frosty relations since 2019.", "2025-11-30", "2019"), "2019");
  const cb_timex *tg = find("On Thanksgiving evening, Trump revealed that efforts would shift.", "2025-11-30",
                            "Thanksgiving evening");
  CHECK(tg != NULL);
  if (tg) { CHECK_STR(tg->value, "2025-11-27TEV"); CHECK_INT(tg->type, CB_TIMEX_TIME); }
  CHECK_STR(value_of("Earlier in November, the carrier entered the area.", "2025-11-30", "November"), "2025-11");
  CHECK_STR(value_of("A rally on 12 Aug 2026 was planned.", "2025-11-30", "12 Aug 2026"), "2026-08-12");
  CHECK_STR(value_of("The filing is dated 2025-12-04.", NULL, "2025-12-04"), "2025-12-04");
  CHECK_STR(value_of("Logged 2025-12-04T10:30:00Z by the server.", NULL, "2025-12-04T10:30:00Z"), "2025-12-04T10:30");
  CHECK_STR(value_of("Filed on 25/12/2025 in London.", NULL, "25/12/2025"), "2025-12-25");
  const cb_timex *rg = find("The call took place during November 17-23.", "2025-11-30", "November 17-23");
  CHECK(rg != NULL);
  if (rg) { CHECK_STR(rg->value, "2025-11-17"); CHECK_STR(rg->value_end, "2025-11-23"); }
  rg = find("Talks ran 17 to 23 November 2025.", NULL, "17 to 23 November 2025");
  CHECK(rg != NULL);
  if (rg) { CHECK_STR(rg->value, "2025-11-17"); CHECK_STR(rg->value_end, "2025-11-23"); }
}

static void test_relative(void) {
  const char *dct = "2025-11-30";
  CHECK_STR(value_of("He arrived yesterday.", dct, "yesterday"), "2025-11-29");
  CHECK_STR(value_of("Prices rose earlier this year.", dct, "earlier this year"), "2025");
  const cb_timex *t = find("Sales fell early last month.", dct, "early last month");
  CHECK(t != NULL);
  if (t) { CHECK_STR(t->value, "2025-10"); CHECK_STR(t->mod, "START"); }
  CHECK_STR(value_of("Prices have climbed in recent months.", dct, "recent months"), "PXM");
  CHECK_INT(find("It costs $5 million a year.", dct, "a year")->type, CB_TIMEX_SET);
  CHECK_INT(count("It lasted more than two thousand years.", dct), 1);
  CHECK_STR(value_of("The talks lasted 10 days.", dct, "10 days"), "P10D");
  CHECK_STR(value_of("It is now over.", dct, "now"), "PRESENT_REF");
  CHECK_STR(value_of("The strike happened three weeks ago.", dct, "three weeks ago"), "2025-W45");
  CHECK_STR(value_of("Profit rose in the third quarter.", "1989-10-27", "the third quarter"), "1989-Q3");
  CHECK_STR(value_of("The vote is every year.", dct, "every year"), "P1Y");
  CHECK_INT(find("The vote is every year.", dct, "every year")->type, CB_TIMEX_SET);
  CHECK_STR(value_of("The war ended in the 1990s.", dct, "the 1990s"), "199");
  CHECK_STR(value_of("Rome fell in 476 AD, Carthage in 146 BC.", dct, "146 BC"), "BC0146");
  CHECK_STR(value_of("It was founded in nineteen ninety-six.", dct, "nineteen ninety-six"), "1996");
  CHECK_STR(value_of("By the year two thousand, it grew.", dct, "the year two thousand"), "2000");
  CHECK_STR(value_of("They met the next day.", "1998-03-04", "the next day"), "1998-03-05");
  CHECK_STR(value_of("The plant opened in 1988. Sales doubled that year.", "1989-10-30", "that year"), "1988");
  CHECK_STR(value_of("It happened last February.", "1998-03-04", "last February"), "1997-02");
  CHECK_STR(value_of("It began in January nineteen ninety-seven.", dct, "January nineteen ninety-seven"), "1997-01");
  CHECK_STR(find("Losses widened before year-end.", "1989-10-30", "year-end")->mod, "END");
  /* without a dct: underspecified, never the run date */
  CHECK_STR(value_of("The meeting took place on Saturday.", NULL, "Saturday"), "XXXX-WXX-6");
  CHECK_STR(value_of("It happened on December 1.", NULL, "December 1"), "XXXX-12-01");
  /* an inferred dct is flagged on relative values */
  cb_timex *v;
  cb_timex_opts o = {"2025-12-01", 1, NULL, 1, 0};
  const char *txt = "It happened yesterday.";
  size_t n = cb_timex_extract_opts(A, txt, strlen(txt), &o, &v);
  CHECK_INT(n, 1);
  if (n) { CHECK_STR(v[0].value, "2025-11-30"); CHECK(v[0].flags & CB_TIMEX_INFERRED); }
  /* an explicit anchor for "N days ago" */
  cb_timex_opts o2 = {"2025-12-04", 0, "2025-12-03", 0, 0};
  const char *t2 = "The call was 10 days ago.";
  n = cb_timex_extract_opts(A, t2, strlen(t2), &o2, &v);
  CHECK_INT(n, 1);
  if (n) CHECK_STR(v[0].value, "2025-11-23");
}

static void test_narrative(void) {
  const char *t = "On September 1, 1939, Germany attacked Poland. In June 1940, France fell. By December, the "
                  "Blitz had begun. The next year, on June 22, Germany invaded the Soviet Union.";
  cb_timex *v;
  cb_timex_opts o = {"2009-12-19", 0, NULL, 1, 1};
  size_t n = cb_timex_extract_opts(A, t, strlen(t), &o, &v);
  const char *want[] = {"1939-09-01", "1940-06", "1940-12", "1941", "1941-06-22"};
  CHECK_INT(n, 5);
  for (size_t i = 0; i < n && i < 5; i++) CHECK_STR(v[i].value, want[i]);
  /* the same text as news: partial dates follow the article date */
  o.narrative = -1;
  n = cb_timex_extract_opts(A, t, strlen(t), &o, &v);
  CHECK(n >= 3);
  if (n >= 3) CHECK_STR(v[2].value, "2009-12");
  /* automatic: a text whose explicit years are nearly all long before the dct is read as history */
  const char *h = "The war began in 1914. Italy joined in 1915. In 1916 came Verdun, in 1917 the revolution, and "
                  "the armistice in 1918. The treaty was signed in 1919; the league met in 1920. In 1921, trade revived. "
                  "By August, the economy had recovered.";
  o.narrative = 0;
  n = cb_timex_extract_opts(A, h, strlen(h), &o, &v);
  CHECK(n >= 1);
  if (n >= 1) CHECK_STR(v[n - 1].value, "1921-08");
  /* news naming a few recent years stays anchored to the dct */
  const char *news = "Sales rose in 2008 and 2009 after falling in 2007. In 2006 they peaked. The 2005 and 2004 "
                     "results, like 2003 and 2002, were weak. By August, sales had recovered.";
  n = cb_timex_extract_opts(A, news, strlen(news), &o, &v);
  CHECK(n >= 1);
  if (n >= 1) CHECK_STR(v[n - 1].value, "2009-08");
}

static void test_traps(void) {
  /* "100M" or "to" read as dates */
  CHECK_INT(count("The fund raised 100M to 200M dollars.", "2025-11-30"), 0);
  CHECK_INT(count("He wants to go to the market to buy 1500 eggs for $2025.", "2025-11-30"), 0);
  /* bare weekdays always resolved into the future: past tense looks back, future tense forward */
  CHECK_STR(value_of("Maduro spoke on Friday.", "2025-12-04", "Friday"), "2025-11-28");
  CHECK_STR(value_of("Maduro will speak on Friday.", "2025-12-04", "Friday"), "2025-12-05");
  /* "Saturday" resolved against the run date instead of the article date */
  CHECK_STR(value_of("The rally took place on Saturday.", "1998-03-04", "Saturday"), "1998-02-28");
  /* "2012-13" is a season, not a date in month 13 */
  const cb_timex *s = find("He scored 30 goals in the 2012-13 season.", "2025-11-30", "2012-13");
  CHECK(s != NULL);
  if (s) { CHECK_STR(s->value, "2012"); CHECK_STR(s->value_end, "2013"); CHECK_INT(s->precision, CB_TP_YEAR); }
  /* times like "2.15pm" are TIME */
  const cb_timex *tm = find("The session closed at 2.15pm local time.", "2025-11-30", "2.15pm");
  CHECK(tm != NULL);
  if (tm) { CHECK_INT(tm->type, CB_TIMEX_TIME); CHECK_STR(tm->value, "2025-11-30T14:15"); }
  /* a four-digit count is not a year */
  CHECK_INT(count("The army sent 2000 troops.", "2025-11-30"), 0);
  CHECK_STR(value_of("In 2000 elections were held.", "2025-11-30", "2000"), "2000");
  /* "second" as an ordinal */
  CHECK_INT(count("Trump has denied that a second contact occurred.", "2025-11-30"), 0);
  /* month names that are ordinary words */
  CHECK_INT(count("You may march on, said the man.", "2025-11-30"), 0);
  /* the "Today" of a masthead dates nothing: alone on its line, or in a known outlet's name */
  CHECK_INT(count("Today\n\nCrews reopened the Quellmoor pier.", "2028-06-09"), 0);
  CHECK_INT(count("The closure was first reported by USA Today.", "2028-06-09"), 0);
  CHECK_STR(value_of("Today the pier reopened.", "2028-06-09", "Today"), "2028-06-09");
  CHECK_STR(value_of("The pier reopened today.", "2028-06-09", "today"), "2028-06-09");
}

static void test_calendar(void) {
  CHECK_INT(cb_cal_weekday(cb_cal_days(2025, 11, 30)), 7);
  int y, w;
  cb_cal_iso_week(cb_cal_days(2025, 11, 17), &y, &w);
  CHECK_INT(w, 47);
  cb_cal_iso_week(cb_cal_days(2021, 1, 3), &y, &w);
  CHECK_INT(y, 2020); CHECK_INT(w, 53);
  cb_ymd d = cb_cal_date(cb_cal_nth_weekday(2025, 11, 4, 4));
  CHECK_INT(d.d, 27);
  d = cb_cal_date(cb_cal_easter(2024));
  CHECK_INT(d.m, 3); CHECK_INT(d.d, 31);
}

static void test_bad_input(void) {
  char junk[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) { x = x * 1103515245u + 12345u; junk[i] = (char)(x >> 16); }
  cb_timex *v;
  size_t n = cb_timex_extract(A, junk, sizeof junk, "2025-11-30", &v);
  for (size_t i = 0; i < n; i++) CHECK(v[i].end <= sizeof junk && v[i].start < v[i].end);
  CHECK_INT(cb_timex_extract(A, "", 0, NULL, &v), 0);
  CHECK_INT(count("November", "not a date"), 1);
  /* truncated multi-byte and digits at the very end */
  const char tail[] = "on November 2\xe2\x80";
  n = cb_timex_extract(A, tail, sizeof tail - 1, "2025-11-30", &v);
  CHECK_INT(n, 1);
  /* a long run of letters and dots (hard for a sentence splitter) still resolves by tense */
  size_t nd = 60000;
  char *dots = malloc(nd + 32);
  CHECK(dots != NULL);
  if (dots) {
    for (size_t i = 0; i < nd; i++) dots[i] = i % 2 ? '.' : 'a';
    strcpy(dots + nd, " It will open Monday.");
    CHECK_STR(value_of(dots, "2025-11-30", "Monday"), "2025-12-01");
    free(dots);
  }
  /* a large input crosses window boundaries without losing mentions */
  size_t big = 300000, k = 0;
  char *b = malloc(big + 1);
  CHECK(b != NULL);
  if (!b) return;
  const char *unit = "Talks resumed on Monday. ";
  while (k + strlen(unit) < big) { memcpy(b + k, unit, strlen(unit)); k += strlen(unit); }
  n = cb_timex_extract(A, b, k, "2025-11-30", &v);
  CHECK_INT(n, k / strlen(unit));
  free(b);
  /* a part-of-period word at the very end ("by the mid") must not read past the last token (found by fuzz_timex) */
  CHECK_INT(count("books,\" said the dy by the mid", "2025-11-30"), 0);
  CHECK_INT(count("early", "2025-11-30"), 0);
}

/* `eval timex` reads a TimeML file, takes its DCT, and exits 0; bad paths and usage are reported. */
static void test_eval(void) {
  char path[] = "/tmp/cb_timex_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "w");
  fputs("<?xml version=\"1.0\" ?><TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-03-04\" "
        "functionInDocument=\"CREATION_TIME\">19980304</TIMEX3></DCT><TEXT>Talks ended <TIMEX3 tid=\"t1\" "
        "type=\"DATE\" value=\"1998-03-03\">yesterday</TIMEX3> after <TIMEX3 tid=\"t2\" type=\"DURATION\" "
        "value=\"P3D\">three days</TIMEX3>.</TEXT></TimeML>\n", f);
  fclose(f);
  char *ok[] = {"timex", path, NULL};
  CHECK_INT(cb_eval_timex(2, ok), 0);
  char *missing[] = {"timex", "/nonexistent/timebank", NULL};
  CHECK_INT(cb_eval_timex(2, missing), 1);
  char *none[] = {"timex", NULL};
  CHECK_INT(cb_eval_timex(1, none), 2);
  remove(path);
}

/* Company reports: "a year ago" after a quarter means that quarter a year before; a year named before
 * the quarter ("the 1988 third quarter", "the year-ago quarter") sets its year. */
static void test_quarters(void) {
  const char *q = "Net income rose 5% in the third quarter. A year earlier, the company earned $3 million. "
                  "Sales slipped from the year-ago period.";
  CHECK_STR(value_of(q, "1989-11-02", "the third quarter"), "1989-Q3");
  CHECK_STR(value_of(q, "1989-11-02", "A year earlier"), "1988-Q3");
  CHECK_STR(value_of(q, "1989-11-02", "the year-ago period"), "1988-Q3");
  CHECK_STR(value_of("Profit rose in the third quarter. It fell in the year-ago quarter but rose in the quarter.", "1989-11-02", "the quarter"), "1989-Q3");
  CHECK_STR(value_of("Profit rose in the third quarter, up from a year-earlier loss.", "1989-11-02", "year-earlier"), "1988-Q3");
  CHECK_STR(value_of("Profit fell in the third quarter from last year.", "1989-11-02", "last year"), "1988-Q3");
  CHECK_STR(value_of("Profit fell in the quarter. He joined the firm a year ago.", "1990-02-02", "a year ago"), "1989");
  CHECK_STR(value_of("Net was $5 million, up from the 1988 third quarter.", "1989-11-02", "the 1988 third quarter"), "1988-Q3");
  CHECK_STR(value_of("Net fell from the year-ago third quarter.", "1989-11-02", "the year-ago third quarter"), "1988-Q3");
  CHECK_STR(value_of("Sales will rise in next year's first quarter.", "1989-11-02", "next year's first quarter"), "1990-Q1");
  CHECK_STR(value_of("It lost $5 million for the quarter ended June 30.", "1989-11-02", "the quarter"), "1989-Q2");
  CHECK_STR(value_of("Profit rose in the second quarter. Sales in the quarter fell.", "1989-11-02", "the quarter"), "1989-Q2");
  CHECK_STR(value_of("Sales in the latest quarter fell.", "1989-11-02", "the latest quarter"), "1989-Q3");
  CHECK_STR(value_of("Sales fell from the second quarter. Sales fell from the quarter a year ago.", "1989-11-02",
                     "the quarter a year ago"), "1988-Q2");
  CHECK(find("A quarter of the staff left the quarter of the city.", "1989-11-02", "the quarter") == NULL);
  CHECK_STR(value_of("Revenue was $5 million in the year ended March 31.", "1989-11-02", "the year"), "P1Y");
  CHECK_STR(value_of("It forecast higher earnings for the full year.", "1989-11-02", "the full year"), "1989");
  CHECK_STR(value_of("Sales rose in the last half of 1988.", "1989-11-02", "the last half of 1988"), "1988-H2");
  /* no tense cue: a month up to 8 months back or 4 ahead of the dct */
  CHECK_STR(value_of("Prices rose in March.", "1989-11-02", "March"), "1989-03");
  CHECK_STR(value_of("Prices peak in February.", "1989-11-02", "February"), "1990-02");
  CHECK_STR(value_of("Prices peak in July.", "1989-02-02", "July"), "1988-07");
  CHECK_STR(value_of("Prices rose in February.", "1989-11-02", "February"), "1989-02");   /* irregular past */
  CHECK(find("He spent the full year of 1980 abroad.", "1989-11-02", "the full year") == NULL);
  CHECK(find("Mr. Smith, 52 years old, joined the firm.", "1989-11-02", "52 years") == NULL);   /* an age */
  /* a past verb right before a month date looks back even when the date is far from the dct */
  CHECK_STR(value_of("Revenue was $76 million for the year ended March 31.", "1989-11-02", "March 31"), "1989-03-31");
  CHECK_STR(value_of("Revenue is due March 31.", "1989-11-02", "March 31"), "1990-03-31");
  /* a plan told in the past tense looks back; told in the present it looks forward */
  CHECK_STR(value_of("The offer had been scheduled to expire Friday.", "1989-11-02", "Friday"), "1989-10-27");
  CHECK_STR(value_of("The offer was due to expire Friday.", "1989-11-02", "Friday"), "1989-10-27");
  CHECK_STR(value_of("The offer is scheduled to expire Friday.", "1989-11-02", "Friday"), "1989-11-03");
  CHECK_STR(value_of("He worked there for 52 years.", "1989-11-02", "52 years"), "P52Y");
}

/* timex3 fixes: clock time then a date after a comma (one time), UTC times, words TimeML corpora leave
 * unmarked, "the fall of X", plans told with "planning" / "as early as". */
static void test_timex3(void) {
  const char *t = "Dow Jones extended its offer until 5 p.m. EST, Nov. 6.";
  CHECK_STR(value_of(t, "1989-10-30", "5 p.m. EST, Nov. 6"), "1989-11-06T17:00");
  CHECK_INT(count(t, "1989-10-30"), 1);
  CHECK_STR(value_of("The plane vanished at 16:15 UTC, June 1st.", "2009-06-04", "16:15 UTC, June 1st"),
            "2009-06-01T16:15Z");
  CHECK_STR(value_of("The statement came at 9 a.m. GMT.", "2009-06-04", "9 a.m. GMT"), "2009-06-04T09:00Z");
  CHECK_STR(value_of("Trading will stop at 4 p.m. EST Friday.", "1989-10-25", "4 p.m. EST Friday"), "1989-10-27T16:00");
  CHECK_INT(count("Talks will resume soon, and a deal should follow shortly.", "2000-01-07"), 0);
  CHECK_INT(count("After the fall of Paris the government moved south.", "2000-01-07"), 0);
  CHECK_STR(value_of("Prices fell in the fall of 1998.", "2000-01-07", "the fall of 1998"), "1998-FA");
  CHECK_STR(value_of("Exiles were planning to drive around the airport on Monday.", "2000-01-07", "Monday"), "2000-01-10");
  CHECK_STR(value_of("Protesters planned a rally on Saturday and were planning a drive.", "2000-01-07", "Saturday"),
            "2000-01-08");
  CHECK_STR(value_of("His father could arrive as early as Tuesday.", "2000-04-03", "Tuesday"), "2000-04-04");
  CHECK_STR(value_of("The stock is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday"), "1989-10-31");
  CHECK_STR(value_of("The thrift announced the plan Aug. 21.", "1989-10-27", "Aug. 21"), "1989-08-21");
  /* present-tense schedule verbs look ahead: "meet Monday", "the session opens Tuesday" */
  CHECK_STR(value_of("He and Arafat meet separately Monday with Albright.", "1998-05-01", "Monday"), "1998-05-04");
  CHECK_STR(value_of("The session opens Tuesday.", "1998-05-01", "Tuesday"), "1998-05-05");
  /* a deadline lies ahead, with or without a clock time between */
  CHECK_STR(value_of("The agency extended its deadline until 9 a.m. EST Tuesday.", "2000-04-03", "9 a.m. EST Tuesday"),
            "2000-04-04T09:00");
  CHECK_STR(value_of("The agency extended the offer until Friday.", "2000-04-03", "Friday"), "2000-04-07");
  CHECK_STR(value_of("Until Thursday, they had not called Kopp a suspect.", "1999-05-07", "Thursday"), "1999-05-06");
  CHECK_STR(value_of("The program is to pay down the loan by February.", "1989-10-30", "February"), "1990-02");
  CHECK_STR(value_of("Qantas will double flights by August, in markets untouched by the crisis.", "1998-02-13", "August"),
            "1998-08");
  /* month words naming events */
  CHECK_INT(count("Women's March on Versailles began the revolt.", "2009-12-19"), 0);
  CHECK_INT(count("Police scanned the crowd at the annual March for Life on Capitol Hill.", "1999-01-22"), 0);
  CHECK_INT(count("The army embarked on the Ice March to the Kuban.", "2009-12-19"), 0);
  CHECK_STR(value_of("He resigned in March.", "1999-05-22", "March"), "1999-03");
  CHECK_STR(value_of("March was a hard month.", "1999-05-22", "March"), "1999-03");
  /* holidays: the nearest one without a cue, and the week holding one */
  CHECK_STR(value_of("Prices always rise at Easter.", "2000-04-17", "Easter"), "2000-04-23");
  CHECK_STR(value_of("They spent Easter week in Miami.", "2000-04-17", "Easter week"), "2000-W16");
  CHECK_STR(value_of("They celebrated Christmas at home.", "2000-04-17", "Christmas"), "1999-12-25");
  /* the second day of a pair; "N more units" */
  CHECK_STR(value_of("A ceremony will be held on April 24 and 25.", "1999-02-10", "25"), "1999-04-25");
  CHECK_STR(value_of("A ceremony will be held on April 24 and 25.", "1999-02-10", "April 24"), "1999-04-24");
  CHECK_INT(count("He scored 24 and 25 points.", "1999-02-10"), 0);
  CHECK_STR(value_of("Elian will remain for two more weeks.", "2000-06-01", "two more weeks"), "P2W");
  /* a passive after "be" is no past-tense cue: "will be named ... in December" looks ahead */
  CHECK_STR(value_of("Collins will be named commander for a mission in December.", "1998-03-04", "December"), "1998-12");
  /* "last Oct. 23": the latest such day before the article date */
  CHECK_STR(value_of("He was killed last Oct. 23 at home.", "1999-04-19", "last Oct. 23"), "1998-10-23");
  /* a clock time with no day of its own falls on the day named just before it, else on the dct */
  CHECK_STR(value_of("The blast hit on Oct. 23. It came at 10 p.m. as he stood in the kitchen.", "1999-04-19", "10 p.m."),
            "1998-10-23T22:00");
  CHECK_STR(value_of("The vote closes at 10 p.m. tonight.", "1999-04-19", "10 p.m. tonight"),
            "1999-04-19T22:00");
  /* "the following year" counts from the date named before it (else from the dct) */
  CHECK_STR(value_of("The plant opened in 1995. The following year it closed.", "1998-04-18", "The following year"), "1996");
  CHECK_STR(value_of("They met the next day.", "1998-03-04", "the next day"), "1998-03-05");
  /* "earlier in the year" is this year, like "earlier this year" */
  const cb_timex *ey = find("Profit fell earlier in the year.", "1989-10-26", "earlier in the year");
  CHECK(ey != NULL);
  if (ey) { CHECK_STR(ey->value, "1989"); CHECK_STR(ey->mod, "START"); }
  /* bare "current" / "recent" before a noun; not "current account" nor "then current" */
  CHECK_STR(value_of("The current system has evolved.", "1998-03-04", "current"), "PRESENT_REF");
  CHECK_STR(value_of("It cited a recent filing.", "1998-03-04", "recent"), "PAST_REF");
  CHECK_INT(count("The current account deficit widened.", "1998-03-04"), 0);
  CHECK_STR(value_of("Sales in the current fiscal year rose.", "1989-11-02", "the current fiscal year"), "1989");
  CHECK_STR(value_of("Last fiscal year they fell.", "1989-11-02", "Last fiscal year"), "1988");
  CHECK_INT(count("Shares sold at the then current price.", "1998-03-04"), 0);
  /* "future" before a noun is FUTURE_REF; "the foreseeable future" is not a bare adjective */
  CHECK_STR(value_of("The pact would limit future wars.", "1998-03-04", "future"), "FUTURE_REF");
  CHECK_INT(count("Forces stay for the foreseeable future.", "1998-03-04"), 0);
  /* "the latest period" in a company report: the quarter in context */
  CHECK_STR(value_of("Profit rose in the third quarter. Sales in the latest period fell.", "1989-10-26", "the latest period"),
            "1989-Q3");
  /* daily, weekly, monthly: sets, but not an average daily rate */
  CHECK_STR(value_of("Rallies are held almost daily.", "2000-01-15", "daily"), "P1D");
  CHECK_INT(find("Clinton said in his weekly radio address.", "1998-08-08", "weekly")->type, CB_TIMEX_SET);
  CHECK_INT(count("It traded half its average daily volume.", "1989-10-27"), 0);
}

/* second value pass (timex4): one regression test per general rule */
static void test_second_pass(void) {
  /* a month "of that year" / "of the same year" takes the year named before */
  CHECK_STR(value_of("The army landed in 1861. By July 25 of that year it had won.", "2009-12-19", "July 25 of that year"),
            "1861-07-25");
  CHECK_STR(value_of("The treaty was signed in 1955. In November of the same year, talks failed.", "2009-12-19",
                     "November of the same year"), "1955-11");
  /* "the time being", "the long term", "the short term": TIMEX3 reference points */
  CHECK_STR(value_of("Rates will stay low for the time being.", "2008-11-18", "the time being"), "PRESENT_REF");
  CHECK_STR(value_of("It secures the plant for the long term.", "2008-11-18", "the long term"), "FUTURE_REF");
  CHECK_STR(value_of("In the short term, prices may fall.", "1998-03-04", "the short term"), "FUTURE_REF");
  CHECK_INT(count("The long term debt rose.", "1998-03-04"), 0);
  /* two-digit decades; an age ("in his 30s") is not one */
  CHECK_STR(value_of("It rid Detroit of the boxy cars of the 70s and 80s.", "2007-02-06", "70s"), "197");
  CHECK_STR(value_of("It rid Detroit of the boxy cars of the 70s and 80s.", "2007-02-06", "80s"), "198");
  CHECK_STR(value_of("Sales were flat through the '80s.", "1989-10-26", "80s"), "198");
  CHECK_INT(count("Kopp was in his 30s then.", "1999-01-22"), 0);
  CHECK_INT(count("Highs will be in the low 70s.", "1999-01-22"), 0);
  /* a four-digit clock time before a time zone, after "at" */
  CHECK_STR(value_of("At 0800 UTC, the banks acted.", "2008-09-18", "0800 UTC"), "2008-09-18T08:00Z");
  CHECK_INT(count("Flight 0800 GMT Airlines.", "2008-09-18"), 0);
  /* years BC keep their era in months, seasons, decades and ranges */
  CHECK_STR(value_of("Xerxes set out in the autumn of 481 BC.", "2009-12-19", "the autumn of 481 BC"), "BC0481-FA");
  CHECK_STR(value_of("The army crossed in April 480 BC.", "2009-12-19", "April 480 BC"), "BC0480-04");
  CHECK_STR(value_of("The revolt lasted from 499 to 493 BC.", "2009-12-19", "499"), "BC0499");
  CHECK_STR(value_of("The Ionian Revolt (499-493 BC) failed.", "2009-12-19", "493 BC"), "BC0493");
  CHECK_STR(value_of("Athens grew in the 470s BC.", "2009-12-19", "the 470s BC"), "BC047");
  cb_timex *v;
  cb_timex_opts o = {"2009-12-19", 0, NULL, 0, 1};
  const char *bc = "Marathon was fought in 490 BC. The following decade saw a new fleet.";
  size_t n = cb_timex_extract_opts(A, bc, strlen(bc), &o, &v);
  CHECK_INT(n, 2);
  if (n == 2) CHECK_STR(v[1].value, "BC048");
  /* a bare season after a preposition; not a noun or a verb */
  CHECK_STR(value_of("The offensive stalled in winter.", "1998-03-04", "winter"), "1998-WI");
  CHECK_INT(count("Water came from a spring and prices fall.", "1998-03-04"), 0);
  /* "at night": a part of no day in particular */
  CHECK_STR(value_of("They travelled at night to avoid patrols.", "2009-12-19", "night"), "XXXX-XX-XXTNI");
  /* in a history, "today" in a quote is no day the text names */
  cb_timex_opts h = {"2009-12-19", 0, NULL, 0, 1};
  const char *q = "On 1 May 1961 the army marched. \"We will win today,\" the general said.";
  n = cb_timex_extract_opts(A, q, strlen(q), &h, &v);
  CHECK_INT(n, 2);
  if (n == 2) { CHECK_STR(v[0].value, "1961-05-01"); CHECK_STR(v[1].value, "XXXX-XX-XX"); }
  /* no article date: the dateline's full date stands in, and relative values say they are inferred */
  const char *dl = "Airbus test flight delayed September 01, 2007 A test flight was delayed today in Bangkok.";
  const cb_timex *td = find(dl, NULL, "today");
  CHECK(td != NULL);
  if (td) { CHECK_STR(td->value, "2007-09-01"); CHECK(td->flags & CB_TIMEX_INFERRED); }
  CHECK_STR(value_of("A flight was delayed today. It had left on September 1, 2007.", NULL, "today"), "XXXX-XX-XX");
  /* "and a half": the half in the next smaller unit */
  CHECK_STR(value_of("They lived in camps for 2 1/2 years.", "1998-02-27", "2 1/2 years"), "P2Y6M");
  CHECK_STR(value_of("The climb took a minute and a half in all.", "1998-01-14", "a minute and a half"), "PT1M30S");
  CHECK_STR(value_of("She spent two and a half hours there.", "1998-08-10", "two and a half hours"), "PT2H30M");
  /* bare plural units after "in", "within": vague durations */
  CHECK_STR(value_of("The index fell 100 points in just minutes.", "2008-10-10", "minutes"), "PTXM");
  CHECK_STR(value_of("Italy was repulsed within days.", "2009-12-19", "days"), "PXD");
  /* "that same day" is "that day"; after a month it is a day of that month */
  CHECK_STR(value_of("He fell on May 3, 1945. That same day the city surrendered.", "2009-12-19", "That same day"),
            "1945-05-03");
  CHECK_STR(value_of("He was shot last October. The site crossed him out that same day.", "1999-02-06", "that same day"),
            "1998-10-XX");
  /* "the same month" is the month named before; "... a year ago" the one a year before it */
  const char *sm = "Sales fell 35% in January, compared to the same month a year ago.";
  CHECK_STR(value_of(sm, "2009-02-03", "the same month a year ago"), "2008-01");
  CHECK_STR(value_of("Troops landed in March 1982. Talks failed the same month.", "2009-12-19", "the same month"), "1982-03");
  /* "to end the day" in a market report: the trading day named, else the article date */
  CHECK_STR(value_of("The Dow fell 3.4% to end the day at 7,114.", "2009-02-24", "the day"), "2009-02-24");
  CHECK_STR(value_of("Stocks fell on Monday. The Dow lost 251 points to end the day at 7,114.", "2009-02-25", "the day"),
            "2009-02-23");
  CHECK_INT(count("He ended the day he was elected in tears.", "2009-02-24"), 0);
  /* "the same period last year": the period named before (a month, a quarter), a year earlier */
  CHECK_STR(value_of("Sales rose 43% in February compared to the same period last year.", "2010-03-03",
                     "the same period last year"), "2009-02");
  CHECK_STR(value_of("Profit rose in the third quarter from the same period a year earlier.", "1989-11-01",
                     "the same period a year earlier"), "1988-Q3");
  /* "this past": the last one */
  CHECK_STR(value_of("The unit was scrapped this past spring.", "1989-10-30", "this past spring"), "1989-SP");
  CHECK_STR(value_of("They met this past week.", "1998-03-04", "this past week"), "1998-W09");
  CHECK_STR(value_of("They met this past Sunday.", "1998-03-04", "this past Sunday"), "1998-03-01");
  /* "the previous Friday" counts from the day named before it */
  CHECK_STR(value_of("Shares fell on Oct. 27, down 4.5% from the previous Friday.", "1989-10-30", "the previous Friday"),
            "1989-10-20");
  /* "five trading days", "three straight weeks": the adjective stays inside the duration */
  CHECK_STR(value_of("For the past five trading days, stocks fell.", "2011-03-18", "the past five trading days"), "P5D");
  CHECK_STR(value_of("Prices rose for three straight weeks.", "2011-03-18", "three straight weeks"), "P3W");
  /* an hour with "in the morning/evening" is a clock time */
  CHECK_STR(value_of("The ship sails at 4 in the morning.", "2000-04-03", "4 in the morning"), "2000-04-03T04:00");
  CHECK_STR(value_of("The ship sails at 10 in the evening.", "2000-04-03", "10 in the evening"), "2000-04-03T22:00");
  /* inside a quotation the speaker's tense counts, not the reporting verb's */
  CHECK_STR(value_of("\"The father will leave on Thursday,\" Castro said.", "2000-04-03", "Thursday"), "2000-04-06");
  CHECK_STR(value_of("Castro said the father left on Thursday.", "2000-04-03", "Thursday"), "2000-03-30");
  /* "each July", "every summer": sets of a month, a season */
  const cb_timex *ej = find("Orangemen march each July through the town.", "1998-03-22", "each July");
  CHECK(ej != NULL);
  if (ej) { CHECK_STR(ej->value, "XXXX-07"); CHECK_INT(ej->type, CB_TIMEX_SET); }
  CHECK_STR(value_of("Floods come every summer.", "1998-03-22", "every summer"), "XXXX-SU");
}

/* Issue 11: a bare weekday takes the tense of the verb it dates (dct 2025-12-03, a Wednesday), and a clock
 * time with its zone and day is one time. */
static void test_weekday_tense(void) {
  const char *d = "2025-12-03";
  /* past: simple past, irregular past, a verb before the weekday beating a later clause's "will" */
  CHECK_STR(value_of("The minister said Monday that talks had failed.", d, "Monday"), "2025-12-01");
  CHECK_STR(value_of("Shares fell sharply Friday in heavy trading.", d, "Friday"), "2025-11-28");
  CHECK_STR(value_of("Police arrested two men Sunday who will appear in court.", d, "Sunday"), "2025-11-30");
  CHECK_STR(value_of("On Tuesday, the mayor announced a curfew.", d, "Tuesday"), "2025-12-02");
  /* future: will, a present schedule verb, the present progressive, a copula, "would" in reported speech */
  CHECK_STR(value_of("The two leaders will meet Friday in Oslo.", d, "Friday"), "2025-12-05");
  CHECK_STR(value_of("Voters go to the polls Sunday, officials said.", d, "Sunday"), "2025-12-07");
  CHECK_STR(value_of("The unions are striking Friday across the region.", d, "Friday"), "2025-12-05");
  CHECK_STR(value_of("The final vote is on Monday.", d, "Monday"), "2025-12-08");
  CHECK_STR(value_of("The council said the hearing would resume Thursday.", d, "Thursday"), "2025-12-04");
  CHECK(find("The council said the hearing would resume Thursday.", d, "Thursday")->flags & CB_TIMEX_FUTURE);
  /* negative cases: a negated modal is a refusal already made; a participle after "be" is no past; an
   * infinitive takes the tense of its verb; "since" looks back; a possessive dates a reported event */
  CHECK_STR(value_of("The agency would not comment Tuesday on the report.", d, "Tuesday"), "2025-12-02");
  CHECK_STR(value_of("The concert will be held Saturday in the park.", d, "Saturday"), "2025-12-06");
  CHECK_STR(value_of("Lawmakers voted to approve the budget Monday.", d, "Monday"), "2025-12-01");
  CHECK_STR(value_of("The bridge has been shut since Monday and will reopen.", d, "Monday"), "2025-12-01");
  CHECK_STR(value_of("Relatives said they would appeal Friday's ruling.", d, "Friday"), "2025-11-28");
  CHECK_STR(value_of("Crowds gathered ahead of Sunday's vote.", d, "Sunday"), "2025-12-07");
  CHECK_STR(value_of("The plant has been idle since March.", "2025-02-10", "March"), "2024-03");
  /* last, next, this */
  CHECK_STR(value_of("He met the envoy last Monday.", d, "last Monday"), "2025-12-01");
  CHECK_STR(value_of("He will meet the envoy next Monday.", d, "next Monday"), "2025-12-08");
  CHECK_STR(value_of("He met the envoy this Monday.", d, "this Monday"), "2025-12-01");
  CHECK_STR(value_of("He meets the envoy this Friday.", d, "this Friday"), "2025-12-05");
  /* clock times with zones and days: one time each */
  CHECK_STR(value_of("Bids are due by 5 p.m. EST, Nov. 6, it said.", "2025-11-03", "5 p.m. EST, Nov. 6"),
            "2025-11-06T17:00");
  CHECK_STR(value_of("The talks will begin at 10:30 a.m. ET on Tuesday.", d, "10:30 a.m. ET on Tuesday"),
            "2025-12-09T10:30");
  CHECK_STR(value_of("The offer expires at midnight Sunday.", d, "midnight Sunday"), "2025-12-07T24:00");
  CHECK_STR(value_of("The offer expired at midnight Sunday.", d, "midnight Sunday"), "2025-11-30T24:00");
  CHECK_STR(value_of("The vote will be held Monday at 9 a.m. EST.", d, "Monday at 9 a.m. EST"),
            "2025-12-08T09:00");
  CHECK_STR(value_of("The truce starts at 6 a.m. local time Saturday.", d, "6 a.m."), "2025-12-06T06:00");
  CHECK(find("The truce starts at 6 a.m. local time Saturday.", d, "Saturday") != NULL);
  CHECK_INT(count("Trading halted at 2:30 p.m. EDT, and resumed.", d), 1);
  CHECK_STR(value_of("The show airs at 10 p.m. Eastern tonight.", d, "10 p.m. Eastern tonight"),
            "2025-12-03T22:00");
  CHECK_STR(value_of("The board meets at 5 o'clock this afternoon.", d, "5 o'clock this afternoon"),
            "2025-12-03T17:00");
  CHECK_STR(value_of("The board met at 5 o'clock in the morning.", d, "5 o'clock in the morning"),
            "2025-12-03T05:00");
}

/* Ranges and alternatives of amounts, spelled days, a weekday with its date in apposition. */
static void test_ranges(void) {
  const char *d = "2025-12-03";
  CHECK_STR(value_of("Shipments resume within two to three weeks.", d, "two to three weeks"), "P2W");
  CHECK_STR(value_of("It will grow in the next 12 to 18 months.", d, "the next 12 to 18 months"), "P12M");
  CHECK_STR(value_of("The war could last ten or fifteen years.", d, "ten"), "P10Y");
  CHECK_STR(value_of("The war could last ten or fifteen years.", d, "fifteen years"), "P15Y");
  CHECK_STR(value_of("Patients wait between two to six days.", d, "two"), "P2D");
  CHECK_STR(value_of("Patients wait between two to six days.", d, "six days"), "P6D");
  CHECK(find("Prices rose 5 to 10 percent over 3 years.", d, "5 to 10 percent over 3 years") == NULL);
  const char *fair = "The fair opens this coming Sunday, March eighth.";
  CHECK_STR(value_of(fair, "1998-03-05", "this coming Sunday, March eighth"), "1998-03-08");
  CHECK_STR(value_of("The fair opens this coming Sunday.", d, "this coming Sunday"), "2025-12-07");
  CHECK_STR(value_of("The law took effect June first, 1999.", d, "June first, 1999"), "1999-06-01");
  CHECK(find("The June first quarter was weak.", d, "June first") == NULL);
  /* the period a report covers: "for the year", "for the week", not one another phrase names */
  CHECK_STR(value_of("For the year, volume was flat.", "1989-10-30", "the year"), "1989");
  CHECK_STR(value_of("For the week, the index fell 3%.", "1989-10-30", "the week"), "1989-W44");
  CHECK(find("Plans for the year 2000 were made.", "1989-10-30", "the year") == NULL);
  CHECK(find("Profit for the year ending tomorrow fell.", "1989-10-30", "the year") == NULL);
  /* an infinitive after a commitment dates a later act */
  CHECK_STR(value_of("The firm agreed to buy the unit in February.", "1989-10-30", "February"), "1990-02");
}

int main(void) {
  A = cb_arena_new(0);
  test_seeds();
  test_relative();
  test_narrative();
  test_traps();
  test_quarters();
  test_timex3();
  test_weekday_tense();
  test_ranges();
  test_second_pass();
  test_calendar();
  test_bad_input();
  test_eval();
  cb_arena_free(A);
  return test_report();
}
