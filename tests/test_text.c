/*
 * test_text.c - the plain-text reader on articles written for the test: date lines in
 * every common form, titles, bylines, outlet lines, credit lines, datelines, soft-wrapped
 * paragraphs, junk lines, and the inferred publication bound.
 */
#include "test.h"
#include "corroborate.h"
#include "ingest/pubdate.h"
#include "ingest/cleanup.h"
#include "text/dateline.h"
#include <stdlib.h>

#define TITLE "Ferry service resumes across the Quellmoor strait\n"

static cb_article *got;
static cb_error last_err;

static int keep(void *ud, cb_article *a) { got = a; return 0; }
static void problem(void *ud, const cb_error *e) { last_err = *e; }

static cb_article *read_text(const char *text) {
  got = NULL;
  cb_error_clear(&last_err);
  cb_ingest_opts o = {.format = CB_FORMAT_TEXT};
  cb_ingest_buffer("t.txt", text, strlen(text), &o, keep, problem, NULL);
  return got;
}

static int dropped(const cb_article *a, cb_drop_reason r, const char *text) {
  for (size_t i = 0; a && i < a->ndropped; i++)
    if (a->dropped[i].reason == r && strcmp(a->dropped[i].text, text) == 0) return 1;
  return 0;
}

static void test_date_lines(void) {
  static const struct { const char *line, *iso; } cases[] = {
    {"November 30, 2025", "2025-11-30"}, {"date 2025-12-04", "2025-12-04"}, {"12 Aug 2026", "2026-08-12"},
    {"Published: 12 Aug 2026", "2026-08-12"}, {"Updated on Nov. 3, 2024", "2024-11-03"},
    {"Sunday, 30 November 2025", "2025-11-30"}, {"2025-11-30T10:31:00+01:00", "2025-11-30T10:31:00+01:00"},
    {"Published 3 March 2026 at 9:05 pm", "2026-03-03T21:05:00"}, {"Sept. 9, 2021", "2021-09-09"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cb_date d;
    char iso[40] = "";
    CHECK(cb_date_line(cases[i].line, strlen(cases[i].line), &d));
    cb_date_format(&d, iso, sizeof iso);
    CHECK_STR(iso, cases[i].iso);
  }
  static const char *not_dates[] = {"November 30 people were there", "2025", "56879789078967", "On 30 November 2025 the army",
                                    "February 30, 2025"};
  for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++) {
    cb_date d;
    CHECK(!cb_date_line(not_dates[i], strlen(not_dates[i]), &d));
  }
}

static void test_header(void) {
  cb_article *a = read_text(
      "Kasenda Courier | World | 12 Aug 2026\n"
      "Floodwaters force thousands from homes in Kasenda\n"
      "By Amara Okafor, Kasenda Courier\n\n"
      "KASENDA \xe2\x80\x94 Floodwaters rose overnight across the valley, officials said on Tuesday.\n\n"
      "The river crested at dawn and \n"
      "kept rising until noon, they said.\n\n"
      "Advertisement\n\n"
      "Rescue teams reached the last village by evening.\n\n"
      "(Reporting by Amara Okafor; Editing by Lee Chan)\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->title, "Floodwaters force thousands from homes in Kasenda");
  CHECK_STR(a->outlet, "Kasenda Courier");
  CHECK_STR(a->author, "Amara Okafor");
  CHECK_STR(a->published, "2026-08-12");
  CHECK(!a->published_inferred);
  CHECK_STR(a->dateline, "KASENDA");
  CHECK_STR(a->credit, "Reporting by Amara Okafor; Editing by Lee Chan");
  CHECK_CONTAINS(a->body, "Floodwaters rose overnight");
  CHECK_CONTAINS(a->body, "The river crested at dawn and kept rising until noon");   /* soft wrap joined */
  CHECK_NOT_CONTAINS(a->body, "Advertisement");
  CHECK_NOT_CONTAINS(a->body, "KASENDA");
  CHECK_NOT_CONTAINS(a->body, "Reporting by");
  CHECK(dropped(a, CB_DROP_AD, "Advertisement"));
  CHECK(strncmp(a->body, "Floodwaters rose", 16) == 0);
  CHECK_INT(strlen(a->hash), 32);
  cb_article_free(a);
}

static void test_inferred_bound(void) {
  cb_article *a = read_text("Officials met on March 3, 2026 and again on March 9, 2026. They will meet on April 30, 2026.\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->published, "2026-03-09");    /* the future meeting is not an event yet */
  CHECK(a->published_inferred);
  CHECK(a->title == NULL);
  cb_article_free(a);
  a = read_text("The council voted on December 1 after a long debate about the budget.\n");
  CHECK(a != NULL);
  if (a) CHECK_STR(a->published, "XXXX-12-01");   /* no year anywhere: none invented */
  cb_article_free(a);
}

static void test_holidays(void) {
  cb_date d;
  size_t len;
  CHECK(cb_holiday_at("Thanksgiving evening", 20, 2025, &d, &len));
  CHECK_INT(d.month * 100 + d.day, 1127);
  CHECK(cb_holiday_at("Thanksgiving", 12, 2026, &d, &len));
  CHECK_INT(d.month * 100 + d.day, 1126);
  CHECK(cb_holiday_at("Easter Sunday", 13, 2025, &d, &len));
  CHECK_INT(d.month * 100 + d.day, 420);
  CHECK(cb_holiday_at("Memorial Day", 12, 2025, &d, &len));
  CHECK_INT(d.month * 100 + d.day, 526);
  CHECK(!cb_holiday_at("Thanksgivings", 13, 2025, &d, &len));
}

static void test_junk(void) {
  cb_junk_state st = {0};
  const char *why;
  CHECK_INT(cb_junk_line(&st, "56879789078967", 14, &why), CB_DROP_JUNK_NUMBER);
  CHECK_INT(cb_junk_line(&st, "Share it...", 11, &why), CB_DROP_SHARE);
  CHECK_INT(cb_junk_line(&st, "Leave a Reply", 13, &why), CB_DROP_COMMENT_FORM);
  CHECK_INT(cb_junk_line(&st, "Read more:", 10, &why), CB_DROP_RELATED);
  CHECK_INT(cb_junk_line(&st, "\xe2\x80\xa2 Item one \xe2\x80\xa2 Item two", 24, &why), CB_DROP_RELATED);
  CHECK_INT(cb_junk_line(&st, "The share price rose 4 percent.", 31, &why), 0);
  CHECK_INT(cb_junk_line(&st, "Printing presses ran all night.", 31, &why), 0);
  cb_slice outlet;
  CHECK(cb_is_credit_line("(FRANCE 24 with AFP)", 20, &outlet));
  CHECK(outlet.len == 9 && strncmp(outlet.ptr, "FRANCE 24", 9) == 0);
  CHECK(!cb_is_credit_line("(The minister did not answer.)", 30, &outlet));
  cb_slice place;
  CHECK_INT(cb_dateline_len("CARACAS- Maduro confirmed", 25, &place), 9);
  CHECK_INT(cb_dateline_len("WASHINGTON (Reuters) - The", 26, &place), 23);
  CHECK_INT(cb_dateline_len("US forces - and others", 22, &place), 0);
  CHECK_INT(cb_dateline_len("NATO said", 9, &place), 0);
}

static void test_date_line_after_title(void) {
  /* a lower-case date line under the title is metadata, not the title's wrapped end */
  cb_article *a = read_text("A wildfire spread across the hills\ndate 2026-08-06\n\nThe fire burned for days across the ridge.\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->title, "A wildfire spread across the hills");
  CHECK_STR(a->published, "2026-08-06");
  cb_article_free(a);
}

/* The metadata lines newspapers and wires print: each form on an article written for it. */
static void test_outlet_dash_date(void) {
  cb_article *a = read_text(TITLE
                            "The Halvard Ledger \xe2\x80\x94 June 9, 2028\n\n"
                            "The first ferry left at dawn with 40 passengers aboard.\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->title, "Ferry service resumes across the Quellmoor strait");
  CHECK_STR(a->outlet, "The Halvard Ledger");
  CHECK_STR(a->published, "2028-06-09");
  CHECK(!a->published_inferred);
  CHECK_NOT_CONTAINS(a->body, "Halvard Ledger");
  cb_article_free(a);
  a = read_text(TITLE "Orrin Bay Sentinel - 9 Jun 2028\n\n"
                "The first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->outlet, "Orrin Bay Sentinel"); CHECK_STR(a->published, "2028-06-09"); }
  cb_article_free(a);
}

static void test_outlet_bar_date(void) {
  cb_article *a = read_text("Quellmoor Post | 2028-06-09\n" TITLE "\n"
                            "The first ferry left at dawn with 40 passengers aboard.\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->outlet, "Quellmoor Post");
  CHECK_STR(a->published, "2028-06-09");
  CHECK(!a->published_inferred);
  CHECK_STR(a->title, "Ferry service resumes across the Quellmoor strait");
  cb_article_free(a);
  /* a headline with a date is no outlet line */
  a = read_text("Storm floods the Quellmoor docks - June 9, 2028\n\nWater rose a metre overnight.\n");
  if (a) { CHECK(a->outlet == NULL); CHECK_STR(a->title, "Storm floods the Quellmoor docks - June 9, 2028"); }
  cb_article_free(a);
}

static void test_labelled_dates(void) {
  /* Published is preferred over Updated, in either order; a stated date is not inferred */
  static const char *const texts[] = {
    TITLE "Updated: June 10, 2028\nPublished: June 9, 2028\n\n"
    "The first ferry left on June 8, 2028 at dawn.\n",
    TITLE "Published: June 9, 2028\nUpdated: June 10, 2028\n\n"
    "The first ferry left on June 8, 2028 at dawn.\n",
    TITLE "Published: June 9, 2028 | Updated: June 10, 2028\n\n"
    "The first ferry left on June 8, 2028 at dawn.\n",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    cb_article *a = read_text(texts[i]);
    CHECK(a != NULL);
    if (!a) continue;
    CHECK_STR(a->published, "2028-06-09");
    CHECK(!a->published_inferred);
    CHECK_CONTAINS(a->published_why, "Published");
    CHECK_NOT_CONTAINS(a->body, "Updated");
    cb_article_free(a);
  }
  /* Posted, with the time first; and a labelled date below a line the header does not know */
  cb_article *a = read_text(TITLE "Posted 7:45 a.m. EST, June 9, 2028\n\n"
                            "The first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->published, "2028-06-09T07:45:00"); CHECK(!a->published_inferred); }
  cb_article_free(a);
  a = read_text(TITLE "\nThe first ferry left on June 8, 2028 at dawn.\n\n"
                "Updated: June 10, 2028\n");
  if (a) {
    CHECK_STR(a->published, "2028-06-10");
    CHECK(!a->published_inferred);
    CHECK_NOT_CONTAINS(a->body, "Updated");
  }
  cb_article_free(a);
}

static void test_bylines(void) {
  cb_article *a = read_text(TITLE "By Ilka Brennan, Orrin Bay Sentinel\n\n"
                            "The first ferry left at dawn.\n");
  CHECK(a != NULL);
  if (a) { CHECK_STR(a->author, "Ilka Brennan"); CHECK_STR(a->outlet, "Orrin Bay Sentinel"); }
  cb_article_free(a);
  a = read_text(TITLE "Doran Vesk | The Halvard Ledger\n\n"
                "The first ferry left at dawn.\n");
  CHECK(a != NULL);
  if (a) { CHECK_STR(a->author, "Doran Vesk"); CHECK_STR(a->outlet, "The Halvard Ledger"); }
  cb_article_free(a);
  a = read_text(TITLE "By Ilka Brennan and Doran Vesk\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->author, "Ilka Brennan and Doran Vesk"); CHECK(a->outlet == NULL); }
  cb_article_free(a);
  a = read_text(TITLE "By Ilka Brennan, Velmark Wire\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->author, "Ilka Brennan"); CHECK_STR(a->outlet, "Velmark Wire"); }
  cb_article_free(a);
  a = read_text(TITLE "By Ilka Brennan, Orrin Halvard\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->author, "Ilka Brennan"); CHECK_STR(a->outlet, "Orrin Halvard"); }
  cb_article_free(a);
  a = read_text(TITLE "By Reuters\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK(a->author == NULL); CHECK_STR(a->outlet, "Reuters"); }
  cb_article_free(a);
  a = read_text(TITLE "By Tuesday, crews had reopened the pier\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK(a->author == NULL); CHECK_CONTAINS(a->body, "By Tuesday, crews"); }
  cb_article_free(a);
  a = read_text(TITLE "By Ilka Brennan, Staff Writer | June 9, 2028\n\n"
                "The first ferry left at dawn.\n");
  if (a) {
    CHECK_STR(a->author, "Ilka Brennan");
    CHECK(a->outlet == NULL);
    CHECK_STR(a->published, "2028-06-09");
  }
  cb_article_free(a);
}

static void test_outlet_under_title(void) {
  static const struct { const char *line, *outlet; } cases[] = {
    {"Orrin Bay Sentinel", "Orrin Bay Sentinel"}, {"The Halvard Ledger", "The Halvard Ledger"},
    {"Reuters", "Reuters"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char text[300];
    snprintf(text, sizeof text, TITLE "%s\n\n"
             "The first ferry left at dawn with 40 passengers aboard.\n", cases[i].line);
    cb_article *a = read_text(text);
    CHECK(a != NULL);
    if (!a) continue;
    CHECK_STR(a->outlet, cases[i].outlet);
    CHECK_STR(a->title, "Ferry service resumes across the Quellmoor strait");
    CHECK_NOT_CONTAINS(a->body, cases[i].line);
    cb_article_free(a);
  }
  /* a bare name may be a person's: left in the text */
  cb_article *a = read_text(TITLE "Ilka Brennan\n\nThe first ferry left.\n");
  if (a) CHECK(a->outlet == NULL);
  cb_article_free(a);
  /* above the title, capitalised words ending in an outlet word are as likely a headline */
  a = read_text("Ferry Bookings Hit Record\n\nThe first ferry left at dawn.\n");
  if (a) { CHECK(a->outlet == NULL); CHECK_STR(a->title, "Ferry Bookings Hit Record"); }
  cb_article_free(a);
}

static void test_datelines(void) {
  cb_article *a = read_text(TITLE "\n"
                            "PORT HALVARD, June 9 (Reuters) - The first ferry left at dawn.\n");
  CHECK(a != NULL);
  if (a) {
    CHECK_STR(a->dateline, "PORT HALVARD");
    CHECK_STR(a->outlet, "Reuters");
    CHECK(strncmp(a->body, "The first ferry", 15) == 0);
  }
  cb_article_free(a);
  a = read_text("Ferry service resumes\n\nQUELLMOOR \xe2\x80\x94 The first ferry left at dawn.\n");
  if (a) { CHECK_STR(a->dateline, "QUELLMOOR"); CHECK(strncmp(a->body, "The first ferry", 15) == 0); }
  cb_article_free(a);
  static const struct { const char *s, *place; size_t len; } cases[] = {
    {"SAN ORRIN, Velmark (AP) \xe2\x80\x94 Crews worked", "SAN ORRIN", 28},
    {"PORT HALVARD, June 9, 2028 - Crews worked", "PORT HALVARD", 29},
    {"ST. ORRIN \xe2\x80\x93 Crews worked", "ST. ORRIN", 14},
    {"BREAKING - Crews worked", NULL, 0}, {"QUELLMOOR, the town said - Crews", NULL, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    cb_slice place = {0};
    CHECK_INT(cb_dateline_len(cases[i].s, strlen(cases[i].s), &place), cases[i].len);
    const char *want = cases[i].place;
    if (want) CHECK(place.len == strlen(want) && !strncmp(place.ptr, want, place.len));
  }
}

static void test_masthead_today(void) {
  cb_article *a = read_text("Today\n\n" TITLE "Posted: 9 June 2028\n\n"
                            "The first ferry left at dawn.\n");
  CHECK(a != NULL);
  if (!a) return;
  CHECK_STR(a->title, "Ferry service resumes across the Quellmoor strait");
  CHECK_STR(a->published, "2028-06-09");
  CHECK(!a->published_inferred);
  CHECK_NOT_CONTAINS(a->body, "Today");
  cb_article_free(a);
}

static void test_errors(void) {
  CHECK(read_text("") == NULL);
  CHECK_INT(last_err.code, CB_EEMPTY);
  CHECK(read_text("ok \xc3\x28 bad") == NULL);
  CHECK_INT(last_err.code, CB_EUTF8);
  CHECK_STR(last_err.file, "t.txt");
  CHECK(read_text("0\n\nShare\n\n12345\n") == NULL);   /* nothing but junk */
  CHECK_INT(last_err.code, CB_EEMPTY);
}

int main(void) {
  test_date_lines();
  test_header();
  test_inferred_bound();
  test_holidays();
  test_junk();
  test_date_line_after_title();
  test_outlet_dash_date();
  test_outlet_bar_date();
  test_labelled_dates();
  test_bylines();
  test_outlet_under_title();
  test_datelines();
  test_masthead_today();
  test_errors();
  return test_report();
}
