/*
 * test_quantity.c - the quantity extractor: the seed story's counts (read from the shared
 * corpus), number forms, units and conversions, qualifiers as intervals, change, and one
 * regression test for each known trap (times, years, dates, "in", "a mix", "2012-13",
 * "940 000", phone numbers, scores, ids, ordinals), plus bad input.
 */
#include "test.h"
#include "extract/quantity.h"
#include <math.h>
#include <stdlib.h>

static cb_arena *A;

static size_t run(const char *text, cb_quantity **q) {
  size_t n = cb_quantity_extract(A, text, strlen(text), q);
  CHECK(n != (size_t)-1);
  return n == (size_t)-1 ? 0 : n;
}

/* The quantity whose surface starts with `surface`, or NULL. */
static const cb_quantity *find(const char *text, const cb_quantity *q, size_t n, const char *surface) {
  for (size_t k = 0; k < n; k++)
    if (strncmp(text + q[k].start, surface, strlen(surface)) == 0) return &q[k];
  fprintf(stderr, "no quantity starts with \"%s\"\n", surface);
  return NULL;
}

static const cb_quantity *one(const char *text) {
  cb_quantity *q;
  size_t n = run(text, &q);
  if (n != 1) fprintf(stderr, "\"%s\": %zu quantities, want 1\n", text, n);
  CHECK_INT(n, 1);
  return n >= 1 ? &q[0] : NULL;
}

static void none(const char *text) {
  cb_quantity *q;
  size_t n = run(text, &q);
  if (n) fprintf(stderr, "\"%s\": %zu quantities (first %g %s), want none\n", text, n, q[0].value, q[0].unit_norm);
  CHECK_INT(n, 0);
}

static int near(double a, double b) { return fabs(a - b) <= 1e-9 + 1e-6 * fabs(b); }

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20);
  size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  if (buf) buf[n] = 0;
  return buf;
}

static void seed_check(const char *file, const char *surface, double value, cb_qchange ch,
                       const char *noun, const char *event) {
  char path[1024];
  snprintf(path, sizeof path, "%s/corpus/seeds/%s", CB_SHARED_DIR, file);
  char *text = slurp(path);
  CHECK(text != NULL);
  if (!text) return;
  cb_quantity *q;
  size_t n = run(text, &q);
  const cb_quantity *x = find(text, q, n, surface);
  CHECK(x != NULL);
  if (x) {
    CHECK(near(x->value, value));
    CHECK_INT(x->change, ch);
    if (noun) CHECK_STR(x->noun, noun);
    if (event) CHECK_STR(x->event, event);
  }
  free(text);
}

static void test_seeds(void) {
  seed_check("003_ea2ffa66fb2053d1.txt", "at least 22", 22, CB_QCHANGE_GT, "vessel", "strike");
  seed_check("000_1890d807a52846cc.txt", "more than 80", 80, CB_QCHANGE_GT, "people", "kill");
  seed_check("004_47d0182c2acd749a.txt", "at least 83", 83, CB_QCHANGE_GT, "fatality", "kill");
  seed_check("003_ea2ffa66fb2053d1.txt", "at least 83", 83, CB_QCHANGE_GT, NULL, "kill");
  seed_check("000_1890d807a52846cc.txt", "more than 20", 20, CB_QCHANGE_GT, "boat", NULL);
  seed_check("004_47d0182c2acd749a.txt", "at least 21", 21, CB_QCHANGE_GT, "strike", "strike");
  seed_check("002_7ec8c7b133239bd1.txt", "4.5 million", 4.5e6, CB_QCHANGE_EQ, "troop", NULL);
  seed_check("003_ea2ffa66fb2053d1.txt", "$50 million", 5e7, CB_QCHANGE_EQ, "reward", NULL);
  seed_check("001_d397ab64171f82be.txt", "266", 266, CB_QCHANGE_EQ, "deportee", NULL);
  seed_check("001_d397ab64171f82be.txt", "14,407", 14407, CB_QCHANGE_EQ, "venezuelan", NULL);
  seed_check("000_1890d807a52846cc.txt", "11", 11, CB_QCHANGE_EQ, "people", NULL);
}

static void test_intervals(void) {
  const char *t = "They struck at least 22 vessels.";
  cb_quantity *q;
  size_t n = run(t, &q);
  CHECK_INT(n, 1);
  if (n) {
    CHECK(near(q[0].lo, 22) && !q[0].lo_open && isinf(q[0].hi));
    CHECK_INT(q[0].end - q[0].start, strlen("at least 22"));
    CHECK(strncmp(t + q[0].start, "at least 22", 11) == 0);
    CHECK_STR(q[0].qualifier, "at least");
  }
  const cb_quantity *x = one("more than 80 people died");
  if (x) { CHECK(x->lo_open && near(x->lo, 80)); CHECK_STR(x->event, "kill"); }
  x = one("about 40 people");
  if (x) { CHECK_INT(x->change, CB_QCHANGE_APPROX); CHECK(near(x->lo, 36) && near(x->hi, 44)); CHECK(near(x->tolerance, 0.1)); }
  x = one("up to 5 km");
  if (x) { CHECK_INT(x->change, CB_QCHANGE_LT); CHECK(isinf(x->lo) && near(x->hi, 5) && !x->hi_open); }
  x = one("fewer than 10 boats");
  if (x) { CHECK(x->hi_open && near(x->hi, 10)); }
  x = one("nearly 100 homes");
  if (x) { CHECK_INT(x->change, CB_QCHANGE_APPROX); CHECK(x->hi_open && near(x->hi, 100) && near(x->lo, 90)); }
  x = one("exactly 12 people");
  if (x) { CHECK_INT(x->change, CB_QCHANGE_EQ); CHECK(near(x->lo, 12) && near(x->hi, 12)); CHECK_STR(x->qualifier, "exactly"); }
  x = one("The Nasdaq slumped 2.5%");
  if (x) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  x = one("83 killed");
  if (x) { CHECK_INT(x->change, CB_QCHANGE_EQ); CHECK_STR(x->event, "kill"); CHECK(near(x->lo, 83) && near(x->hi, 83)); }
  x = one("22 vessels struck");
  if (x) { CHECK_STR(x->noun, "vessel"); CHECK_STR(x->event, "strike"); }
  x = one("The fire forced more than 2,000 residents to leave their homes.");   /* an event phrase */
  if (x) { CHECK_STR(x->noun, "resident"); CHECK_STR(x->event, "evacuate"); }
  x = one("At least 2,400 people have been moved out of their homes.");
  if (x) CHECK_STR(x->event, "evacuate");
  x = one("300 homes were destroyed.");                                         /* "homes" alone is no event */
  if (x) { CHECK_STR(x->noun, "home"); CHECK_STR(x->event, "destroy"); }
  x = one("sales rose 27 %");
  if (x) CHECK_INT(x->change, CB_QCHANGE_UP);
  x = one("exports fell 19 percent");
  if (x) CHECK_INT(x->change, CB_QCHANGE_DOWN);
}

/* Change rules found on the own labelled dev sentences (eval/quantities/), one test each. */
static void test_change_rules(void) {
  const cb_quantity *x;
  /* a change verb a few words before "by" */
  if ((x = one("The government cut its budget deficit by $4 billion."))) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  /* verbs that mark a change only with "by" */
  if ((x = one("The firm raised its dividend by 10% on Monday."))) CHECK_INT(x->change, CB_QCHANGE_UP);
  if ((x = one("The startup raised $20 million from investors."))) CHECK_INT(x->change, CB_QCHANGE_EQ);
  if ((x = one("Ministers want to reduce class sizes by 5 pupils."))) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  /* "was", "and" end the look back: a passive "by" is no change */
  if ((x = one("The rise was driven by 12 new stores."))) CHECK_INT(x->change, CB_QCHANGE_EQ);
  /* more change verbs */
  if ((x = one("The peso weakened 3% against the dollar."))) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  if ((x = one("Airline shares rebounded 6% on Friday."))) CHECK_INT(x->change, CB_QCHANGE_UP);
  if ((x = one("Output kept shrinking 2% a year."))) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  /* verbs of exceeding bound the value from below */
  if ((x = one("Claims could exceed $2 billion."))) { CHECK_INT(x->change, CB_QCHANGE_GT); CHECK(x->lo_open && near(x->lo, 2e9)); }
  /* "by X to Y": the change, then where it ended, not a range */
  cb_quantity *q;
  const char *t = "Staff numbers fell by 300 to 4,200.";
  size_t n = run(t, &q);
  CHECK_INT(n, 2);
  if (n == 2) {
    CHECK(!q[0].is_range && near(q[0].value, 300)); CHECK_INT(q[0].change, CB_QCHANGE_DOWN);
    CHECK(!q[1].is_range && near(q[1].value, 4200)); CHECK_INT(q[1].change, CB_QCHANGE_EQ);
  }
  if ((x = one("Forecasters expect 8 to 12 storms."))) CHECK(x->is_range);   /* a plain range stays one */
  if ((x = one("The plan was vetted by 15 to 20 people."))) CHECK(x->is_range);   /* "by" without a change verb */
}

static void test_numbers(void) {
  const cb_quantity *x;
  if ((x = one("14,407 Venezuelans"))) CHECK(near(x->value, 14407));
  if ((x = one("some 940 000 residents"))) CHECK(near(x->value, 940000));   /* keeps its zeros */
  if ((x = one("a 1.5 metre wall"))) CHECK(near(x->value, 1.5));
  if ((x = one("eleven people"))) CHECK(near(x->value, 11));
  if ((x = one("two boats"))) CHECK(near(x->value, 2));
  if ((x = one("a dozen eggs"))) CHECK(near(x->value, 12));
  if ((x = one("half a million people"))) CHECK(near(x->value, 500000));
  if ((x = one("twenty-one strikes"))) CHECK(near(x->value, 21));
  if ((x = one("ninety five years of age"))) { CHECK(near(x->value, 95)); CHECK_STR(x->unit_norm, "year of age"); }
  if ((x = one("dozens of homes"))) { CHECK(near(x->value, 12)); CHECK_STR(x->noun, "home"); CHECK_INT(x->change, CB_QCHANGE_GT); }
  if ((x = one("tens of thousands of protesters"))) { CHECK(near(x->value, 10000)); CHECK(x->lo_open && isinf(x->hi)); }
  none("Thousands marched.");
  if ((x = one("4.5 million troops"))) CHECK(near(x->value, 4.5e6));
  if ((x = one("$50 million"))) { CHECK(near(x->value, 5e7)); CHECK_STR(x->currency, "USD"); CHECK_STR(x->unit_norm, "dollar"); }
  if ((x = one("It cost 1.8M dollars."))) CHECK(near(x->value, 1.8e6));
  if ((x = one("raised 100M"))) CHECK(near(x->value, 1e8));
  if ((x = one("a $5m deal"))) { CHECK(near(x->value, 5e6)); CHECK_STR(x->currency, "USD"); }
  if ((x = one("1/2 cup olive oil"))) { CHECK(near(x->value, 0.5)); CHECK_STR(x->unit_norm, "cup"); }
  if ((x = one("a one-third interest"))) CHECK(fabs(x->value - 1.0 / 3) < 1e-9);
  if ((x = one("-5 degrees fahrenheit"))) { CHECK(near(x->value, -5)); CHECK_STR(x->unit_norm, "fahrenheit"); }
  if ((x = one("12-15 people"))) { CHECK(x->is_range); CHECK(near(x->low, 12) && near(x->high, 15)); }
  if ((x = one("12\xe2\x80\x93" "15 people"))) { CHECK(x->is_range); CHECK(near(x->high, 15)); }
  if ((x = one("between 10 and 20 boats"))) { CHECK(x->is_range); CHECK(near(x->low, 10) && near(x->high, 20)); }
  if ((x = one("eight to 10 feet tall"))) { CHECK(x->is_range); CHECK_STR(x->unit_norm, "foot"); }
}

static void test_units(void) {
  const cb_quantity *x;
  if ((x = one("a 3% rise"))) { CHECK_STR(x->unit_norm, "percentage"); CHECK_STR(x->dimension, "percent"); }
  if ((x = one("up 5 percentage points"))) CHECK_STR(x->dimension, "percentage_point");
  if ((x = one("cut by 25 basis points"))) CHECK_STR(x->dimension, "basis_point");
  if ((x = one("100 hectares"))) { CHECK_STR(x->dimension, "area"); CHECK(near(x->base_value, 1e6)); CHECK_STR(x->base_unit, "m2"); }
  if ((x = one("10 acres"))) CHECK(near(x->base_value, 40468.564224));
  if ((x = one("2 square miles"))) { CHECK_STR(x->unit_norm, "square mile"); CHECK(near(x->base_value, 5179976.220672)); }
  if ((x = one("lost 25 pounds"))) { CHECK_STR(x->unit_norm, "pound-mass"); CHECK(near(x->base_value, 11.33980925)); }
  if ((x = one("Water boils at 212\xc2\xb0" "F"))) { CHECK_STR(x->unit_norm, "fahrenheit"); CHECK(near(x->base_value, 100)); }
  if ((x = one("When she was five years old"))) CHECK_STR(x->unit_norm, "year of age");
  if ((x = one("for 10 days"))) { CHECK_STR(x->dimension, "duration"); CHECK(near(x->base_value, 864000)); }
  if ((x = one("\xc2\xa3" "8.10 million"))) { CHECK_STR(x->currency, "GBP"); CHECK(near(x->value, 8.1e6)); }
  if ((x = one("\xe2\x82\xac" "2 million"))) CHECK_STR(x->currency, "EUR");
  if ((x = one("c $ 1.34 a share"))) CHECK_STR(x->unit_norm, "canadian dollar per share");
  if ((x = one("sales rose to $ 13.18 billion a year earlier"))) CHECK_STR(x->unit_norm, "dollar");   /* not per year */
  if ((x = one("It costs 361 million pounds"))) CHECK_STR(x->currency, "GBP");
  if ((x = one("thirteen dollars and forty-five cents"))) CHECK(near(x->value, 13.45));
  if ((x = one("Banknotes: 5 \xe2\x82\xac"))) CHECK_STR(x->currency, "EUR");
  if ((x = one("They lost 75 USD million."))) CHECK(near(x->value, 7.5e7));
  cb_quantity *q2;
  size_t n2 = run("$ 20,000.00 $ 37,305.97 february expenses", &q2);
  CHECK_INT(n2, 2);
  if (n2 == 2) { CHECK_STR(q2[0].unit_norm, "dollar"); CHECK_STR(q2[1].unit_norm, "dollar"); }
  if ((x = one("1,458,000 tons"))) CHECK(near(x->value, 1458000));
  if ((x = one("a loan of 12,34,567.89 rupees"))) CHECK(near(x->value, 1234567.89));
  cb_quantity *q;
  const char *ft = "The length is 12 ft 2 in more or less";
  size_t n = run(ft, &q);
  CHECK_INT(n, 2);
  if (n == 2) { CHECK_STR(q[0].unit_norm, "foot"); CHECK_STR(q[1].unit_norm, "inch"); }
}

static void test_traps(void) {
  none("The meeting is at 2.15pm today.");         /* not picometres */
  none("I'll give you a surprise at 2:00 pm");
  none("see you at 7 p.m.");
  cb_quantity *q;
  size_t n = run("Two in 10 people agree", &q);      /* "in" is not inches */
  for (size_t k = 0; k < n; k++) CHECK(strcmp(q[k].unit_norm, "inch") != 0);
  none("It was a mix of styles.");                  /* "a mix" is not a mile */
  const cb_quantity *k4 = one("The console streams games at 4K to the television.");   /* not kelvin */
  if (k4) CHECK(strcmp(k4->dimension, "temperature") != 0);
  k4 = one("The sample was cooled to 4 kelvin.");
  if (k4) CHECK_STR(k4->dimension, "temperature");
  none("the 2012\xe2\x80\x93" "13 season");          /* not averaged, not a count */
  none("the 2012-13 season");
  none("so far in 2024, officials said");           /* a year */
  none("on November 21 and on 24 November");         /* dates */
  none("due dec. 12, 1994");
  none("the 21st century");                          /* ordinal */
  none("call 555-123-4567 or (555) 123-4567");       /* phone numbers */
  none("on 2025-12-04 and 12/04/2025");
  none("They won 4-3 on Sunday.");                   /* a score */
  none("SCP-173 and 24703 L-202");                   /* ids */
  none("56879789078967");
  none("FRANCE 24 reported");
  none("No one was hurt.");
  none("on may 19 the fda acted");
  none("it 1) explains and 2) cautions");
  const cb_quantity *x;
  if ((x = one("I'm 1.8m tall."))) { CHECK_STR(x->unit_norm, "metre"); CHECK(near(x->value, 1.8)); }
  if ((x = one("that one mile can provide"))) CHECK_STR(x->unit_norm, "mile");
  none("For tickets call 020 7946 0018 today.");        /* a leading zero: a phone number */
  none("Dial 0161 496 0720.");
  if ((x = one("a 0.5 point rise"))) CHECK(near(x->value, 0.5));   /* "0.5" is still a number */
  /* plurals without -s end the counted noun; "last", "next" do not start one */
  if ((x = one("About 700 people live on the island."))) CHECK_STR(x->unit_norm, "people");
  if ((x = one("Rescuers found 12 children sheltering in a barn."))) CHECK_STR(x->noun, "child");
  if ((x = one("Membership grew by 5,000 last year."))) CHECK_STR(x->unit_norm, "-");
  /* a count with "a month", "per day" after it is a rate */
  if ((x = one("The mill turns out 9,000 bales a month."))) { CHECK_STR(x->unit_norm, "bale per month"); CHECK_STR(x->noun, "bale"); }
}

/* Compound and rate units have one name however written; a unit, a counted noun or a scale
 * written once serves two coordinated numbers; numbers in names and ids are no quantities. */
static void test_unseen_classes(void) {
  const cb_quantity *x;
  if ((x = one("The motor gives 400 newton-metres of torque."))) { CHECK_STR(x->unit_norm, "newton metre"); CHECK_STR(x->dimension, "torque"); }
  if ((x = one("It delivers 300 Nm at low speed."))) CHECK_STR(x->unit_norm, "newton metre");
  if ((x = one("The engine idles at 900 rpm."))) { CHECK_STR(x->unit_norm, "revolution per minute"); CHECK(near(x->base_value, 15)); }
  if ((x = one("The blades spin at 12 revolutions per minute."))) CHECK_STR(x->unit_norm, "revolution per minute");
  if ((x = one("The plant made 2 terawatt-hours in May."))) CHECK_STR(x->unit_norm, "terawatt hour");
  if ((x = one("Output reached 40 GWh."))) CHECK_STR(x->unit_norm, "gigawatt hour");
  if ((x = one("The field pumps 90,000 bpd."))) CHECK_STR(x->unit_norm, "barrel per day");
  cb_quantity *q;
  size_t n = run("Gusts rose from 30 to 45 miles per hour.", &q);
  CHECK_INT(n, 2);
  if (n == 2) { CHECK_STR(q[0].unit_norm, "mile per hour"); CHECK(near(q[0].base_value, 30 * 0.44704)); }
  if ((x = one("The talks lasted three or four hours."))) {   /* alternatives: a range */
    CHECK_STR(x->unit_norm, "hour"); CHECK(near(x->low, 3)); CHECK(near(x->high, 4));
  }
  if ((x = one("Two or three ferries left the harbour."))) CHECK_STR(x->noun, "ferry");
  n = run("Wages rose 2 and 3 percent in the two regions.", &q);
  CHECK(n >= 2);
  if (n >= 2) CHECK_STR(q[0].unit_norm, "percentage");
  /* a name's age set off by commas; what a number counts past hyphens, "-ly"/"-ing" nouns and
   * a capitalised modifier */
  if ((x = one("Maria Lopez, 61, opened the hearing."))) { CHECK_STR(x->unit_norm, "year of age"); CHECK_STR(x->dimension, "age"); }
  if ((x = one("The firm kept its 40 laid-off workers on the payroll."))) CHECK_STR(x->noun, "laid-off worker");
  if ((x = one("The two front-runners met on Monday."))) CHECK_STR(x->noun, "front-runner");
  if ((x = one("Seven family members shared the flat."))) CHECK_STR(x->noun, "family member");
  if ((x = one("A gunman wounded five Denver police officers."))) CHECK_STR(x->noun, "denver police officer");
  if ((x = one("Rescuers reached 83 injured after the quake."))) CHECK(x->noun == NULL);   /* no noun follows */
  /* numbers naming an item of a series; the pronoun "one" before a relative; figures joined
   * by a dash keep their signs */
  if ((x = one("The maker recalled millions of its cars."))) CHECK_STR(x->noun, "car");
  if ((x = one("She won 2.5 million more votes than her rival."))) CHECK_STR(x->noun, "vote");
  if ((x = one("There is one African American presidential candidate in the race."))) CHECK_STR(x->noun, "african american presidential candidate");
  if ((x = one("Rents saw a 15% increase this year."))) CHECK_INT(x->change, CB_QCHANGE_UP);   /* change noun after */
  if ((x = one("It was a $2 drop in price."))) CHECK_INT(x->change, CB_QCHANGE_DOWN);
  none("She bought an iPhone 15 on Friday.");   /* a model number */
  none("The 4th Infantry Division moved north.");
  if ((x = one("One person was hurt in the crash."))) CHECK_STR(x->noun, "person");   /* "one" counts a noun */
  none("The pastor read verse 71 aloud.");
  none("Turn to page 12 of the report.");
  none("He is not interested in the No. 2 spot.");
  none("It was a plan, one in which nobody lost.");
  n = run("Voters backed it 89%-6% in May.", &q);
  CHECK_INT(n, 2);
  if (n == 2) { CHECK(near(q[1].value, 6)); CHECK_STR(q[0].unit_norm, "percentage"); }
  n = run("Voters backed it 59% - 28% in May.", &q);
  CHECK_INT(n, 2);
  if (n == 2) CHECK(near(q[1].value, 28));
  if ((x = one("The repairs will cost $5 to 10 billion."))) { CHECK(near(x->low, 5e9)); CHECK(near(x->high, 1e10)); }
  if ((x = one("Between 2 and 3 million people voted."))) CHECK(near(x->low, 2e6));
  n = run("The ticket was $4 and 32 people came.", &q);   /* "and": no sum is shared forward */
  CHECK_INT(n, 2);
  if (n == 2) CHECK(q[1].currency == NULL);
  none("Shares in the FTSE 100 index slipped.");
  none("It joined the Fortune 500 list this year.");
  if ((x = one("The club sold 500 tickets on Monday."))) CHECK_STR(x->noun, "ticket");   /* not a name */
  none("She sat in seat 14B near the wing.");
  if ((x = one("The startup raised $2B from investors."))) CHECK(near(x->value, 2e9));
}

static void test_bad_input(void) {
  cb_quantity *q;
  const char junk[] = "\xff\xfe$\xc3 12\xe2\x82 -- 5,\x00 000 \"\" %% 9/0 1/ $ \xe2\x80\x93 ";
  size_t n = cb_quantity_extract(A, junk, sizeof junk - 1, &q);
  CHECK(n != (size_t)-1);
  CHECK_INT(cb_quantity_extract(A, "", 0, &q), 0);
  CHECK(q == NULL);
  /* a long run of digits and separators: no crash, no quadratic time */
  size_t big = 1 << 20;
  char *s = malloc(big + 1);
  CHECK(s != NULL);
  if (!s) return;
  for (size_t k = 0; k < big; k++) s[k] = "1,0 .-9$a\n"[k % 10];
  s[big] = 0;
  n = cb_quantity_extract(A, s, big, &q);
  CHECK(n != (size_t)-1);
  /* one long line: cut into chunks at spaces, no quantity lost or doubled, offsets global */
  const char *unit = "Some 25 boats sank. ";
  size_t ul = strlen(unit), reps = 10000;
  for (size_t k = 0; k < reps; k++) memcpy(s + k * ul, unit, ul);
  n = cb_quantity_extract(A, s, reps * ul, &q);
  CHECK_INT(n, reps);
  if (n == reps) CHECK(q[reps - 1].start == (reps - 1) * ul && strncmp(s + q[reps - 1].start, "Some 25", 7) == 0);
  free(s);
}

int main(void) {
  A = cb_arena_new(0);
  test_seeds();
  test_intervals();
  test_numbers();
  test_units();
  test_traps();
  test_unseen_classes();
  test_change_rules();
  test_bad_input();
  cb_arena_free(A);
  return test_report();
}
