/*
 * test_brief.c - the corroboration stage end to end on small invented stories read
 * through the real plain-text reader: grouping into stories, near-duplicates counted as
 * one source, quantity verdicts (lower bounds, disjoint counts, a toll that grows over
 * days, basis points against percentage points, hectares against acres), date verdicts
 * ("on Monday" against the date it names, "last week" against a day inside it), quote
 * variants, a role contradicted by the other sources, an anachronistic year, and
 * single-source figures, facts that count a copy once, given ids, an empty brief, "so far in"
 * years that are no anachronism, junk text, and a story whose sources contradict each other
 * (Sunday against Saturday, "at least 22" against "fewer than 20") with its flags, and two
 * percentages (or two statements of one speaker) that stay apart; one long sentence that
 * backs two facts, a rank ("Deputy") that makes another office, and causes that differ.
 */
#include "test.h"
#include "corroborate.h"
#include "corroborate/brief.h"
#include "corroborate/bag.h"
#include <stdio.h>
#include <stdlib.h>

/* ---- the stories ----------------------------------------------------------------------- */

/* A flash flood in an invented mountain town, told by four outlets (April 15, 2026 is a
 * Wednesday, so "on Monday" is April 13), a syndicated copy of the first, and one
 * unrelated article. */
#define HERALD_BODY \
  "CASTELLUNE \xe2\x80\x94 Flash floods tore through the mountain town of Castellune on Monday after three days of " \
  "heavy rain, sweeping away cars and footbridges. More than 300 homes were destroyed, the regional emergency agency " \
  "said.\n\n" \
  "A bus carrying 48 passengers was swept off the valley road near the old mill; rescue teams pulled all of them out " \
  "alive.\n\n" \
  "\"The water came down the hill like a wall, we had minutes to get out,\" Mayor Tomas Reyk told reporters at the " \
  "town hall.\n\n" \
  "The agency said the Brenna river rose 4 metres in two hours and that 17 bridges in the district were closed for " \
  "inspection.\n"

static const char *const flood[] = {
  "Brenna Herald | World | April 15, 2026\n"
  "Flash floods tear through Castellune, hundreds of homes destroyed\n"
  "By Lena Morrow\n\n" HERALD_BODY,

  "Valley Courier | News | April 15, 2026\n"
  "Castellune counts the damage after flash floods\n"
  "By Piet Andersen\n\n"
  "Flash floods struck the mountain town of Castellune on April 13 after three days of heavy rain, destroying at "
  "least 310 homes, the regional emergency agency said.\n\n"
  "A bus with 84 passengers was swept off the valley road near the old mill, and rescue teams pulled the passengers "
  "out alive.\n\n"
  "\"Water came down from the hill like a wall and we only had minutes to leave,\" said Mayor Tomas Reyk at the town "
  "hall.\n\n"
  "Forecasters said the rainfall was the heaviest so far in 2025 across the Brenna valley.\n",

  "Northern Post | Regions | April 15, 2026\n"
  "Castellune floods: homes lost, roads cut\n"
  "By Ada Kimura\n\n"
  "At least 320 homes were destroyed when flash floods hit the mountain town of Castellune on Monday after three days "
  "of heavy rain, the regional emergency agency said.\n\n"
  "Former Mayor Tomas Reyk said at the town hall that residents had only minutes to flee as the water came down the "
  "hill.\n\n"
  "Cars and footbridges were swept away along the valley road near the old mill.\n",

  "Kasterby Times | National | April 15, 2026\n"
  "Mountain town of Castellune hit by flash floods\n"
  "By Jonas Weller\n\n"
  "Flash floods swept through the mountain town of Castellune on Monday after three days of heavy rain, the regional "
  "emergency agency said, destroying more than 300 homes.\n\n"
  "Mayor Tomas Reyk told residents at the town hall that the water had come down the hill like a wall.\n\n"
  "Rescue teams worked along the valley road near the old mill, where cars and footbridges were swept away.\n",

  /* the Herald's text a day later under another name, with a new first paragraph */
  "Alpine Wire | Syndicated | April 16, 2026\n"
  "Flash floods tear through Castellune, hundreds of homes destroyed\n\n"
  "This report first appeared in the Brenna Herald and is republished under a content-sharing agreement with "
  "regional newspapers.\n\n" HERALD_BODY,

  "Harbour Gazette | Culture | April 15, 2026\n"
  "City library opens restored map collection to the public\n"
  "By Noor Haddad\n\n"
  "The city library opened its restored collection of eighteenth-century sea charts on Tuesday, after conservators "
  "spent two years cleaning and rebinding 214 volumes.\n\n"
  "Visitors can see the charts in the east reading room until the end of the summer, the library's director said.\n",
};
enum { HERALD, COURIER, POST, TIMES, WIRE, LIBRARY, NFLOOD };

/* An earthquake toll reported two days apart; the same toll given twice on one day; a
 * toll that goes down. %s: the date line of the second article, %s: its count. */
static const char *const quake_first =
  "Coastal Times | World | May 2, 2026\n"
  "Earthquake strikes the island of Merrow, buildings collapse\n"
  "By Ana Ruiz\n\n"
  "A strong earthquake struck the island of Merrow on Friday, collapsing buildings in the port town of Saltwick. "
  "12 people were killed, the island's civil protection office said.\n\n"
  "Rescue teams searched the rubble of the harbour market through the night.\n";
static const char *const quake_later =
  "Island Observer | News | %s\n"
  "Merrow earthquake: rescuers search rubble in Saltwick\n"
  "By Karl Dunne\n\n"
  "The earthquake that struck the island of Merrow on Friday has killed %s people, the island's civil protection "
  "office said, as rescue teams kept searching the rubble of the harbour market in the port town of Saltwick.\n\n"
  "Collapsed buildings blocked the roads to the port.\n";

static const char *const rate[] = {
  "Money Daily | Markets | June 10, 2026\n"
  "Central bank of Ostrava raises its main rate\n"
  "By Ivo Stern\n\n"
  "The central bank of Ostrava raised its main lending rate by 50 basis points on Wednesday to fight stubborn "
  "inflation, its governor said at a press conference in the capital.\n\n"
  "Analysts had expected the bank to hold rates steady until the autumn.\n",

  "Ostrava Ledger | Economy | June 10, 2026\n"
  "Ostrava central bank lifts lending rate to fight inflation\n"
  "By Mira Holt\n\n"
  "The central bank of Ostrava lifted its main lending rate by half a percentage point on Wednesday to fight stubborn "
  "inflation, the governor told a press conference in the capital.\n\n"
  "Analysts said the move surprised markets that had expected rates to hold until the autumn.\n",
};

static const char *const fire[] = {
  "Ridge Post | Environment | August 3, 2026\n"
  "Wildfire in the Kessel hills burns forest and farmland\n"
  "By Sam Ortiz\n\n"
  "A wildfire in the Kessel hills has burned 12,000 hectares of forest and farmland since it started on Thursday, the "
  "regional fire service said, and crews were still fighting the flames near the village of Amberly.\n",

  "Hill Country News | Local | August 3, 2026\n"
  "Kessel hills wildfire threatens village of Amberly\n"
  "By Jo Park\n\n"
  "The wildfire in the Kessel hills has burned about 30,000 acres of forest and farmland since Thursday, the regional "
  "fire service said, as crews fought the flames near the village of Amberly.\n",
};

/* April 21, 2026 is a Tuesday: "last week" is April 13-19, which holds April 13. */
static const char *const ferry[] = {
  "Harbour Gazette | Region | April 15, 2026\n"
  "Ferry runs aground off the cape of Dunmore\n"
  "By Ivy Lane\n\n"
  "The passenger ferry Saint Orla ran aground on a sandbank off the cape of Dunmore on April 13, the coast guard said, "
  "and tugs pulled it free at high tide.\n\n"
  "The ferry company said the captain had been suspended pending an inquiry.\n",

  "Coast Weekly | Maritime | April 21, 2026\n"
  "Inquiry opens into Saint Orla grounding off Dunmore\n"
  "By Rui Costa\n\n"
  "The passenger ferry Saint Orla ran aground on a sandbank off the cape of Dunmore last week, the coast guard said, "
  "and tugs pulled it free at high tide.\n\n"
  "The ferry company has suspended the captain while an inquiry examines the grounding.\n",
};

/* ---- helpers --------------------------------------------------------------------------- */

typedef struct batch { cb_article *a[16]; size_t n; } batch;

static int keep(void *ud, cb_article *a) {
  batch *b = ud;
  if (b->n < 16) b->a[b->n++] = a; else cb_article_free(a);
  return 0;
}

/* Reads each text through the plain-text reader (one article each) and builds the brief. */
static cb_brief *build(batch *bt, const char *const *texts, size_t n) {
  bt->n = 0;
  for (size_t i = 0; i < n; i++) {
    size_t before = bt->n;
    cb_ingest_opts o = {.format = CB_FORMAT_TEXT};
    CHECK_INT(cb_ingest_buffer("mem.txt", texts[i], strlen(texts[i]), &o, keep, NULL, bt), 0);
    CHECK_INT(bt->n, before + 1);
  }
  if (bt->n != n) return NULL;
  cb_brief *b = NULL;
  cb_error e;
  CHECK_INT(cb_brief_build(bt->a, NULL, bt->n, &b, &e), 0);
  return b;
}

static void release(batch *bt, cb_brief *b) {
  cb_brief_free(b);
  for (size_t i = 0; i < bt->n; i++) cb_article_free(bt->a[i]);
  bt->n = 0;
}

/* The story that holds article a. */
static const cb_story_brief *story_of(const cb_brief *b, int a) {
  for (size_t s = 0; b && s < b->stories.n; s++)
    for (size_t k = 0; k < b->stories.v[s].articles.n; k++)
      if (b->stories.v[s].articles.v[k] == a) return &b->stories.v[s];
  return NULL;
}

/* The finding of the given kind with a claim of article a whose exact words are text. */
static const cb_finding *finding_with(const cb_story_brief *s, cb_claim_kind kind, int a, const char *text) {
  for (size_t i = 0; s && i < s->findings.n; i++) {
    const cb_finding *f = &s->findings.v[i];
    if (f->kind != kind) continue;
    for (size_t k = 0; k < f->claims.n; k++)
      if (f->claims.v[k].article == a && f->claims.v[k].text && strcmp(f->claims.v[k].text, text) == 0) return f;
  }
  return NULL;
}

/* The finding of the given kind whose topic contains the words. */
static const cb_finding *finding_about(const cb_story_brief *s, cb_claim_kind kind, const char *topic) {
  for (size_t i = 0; s && i < s->findings.n; i++)
    if (s->findings.v[i].kind == kind && s->findings.v[i].topic && strstr(s->findings.v[i].topic, topic))
      return &s->findings.v[i];
  return NULL;
}

static const cb_claim *claim_of(const cb_finding *f, int a) {
  for (size_t k = 0; f && k < f->claims.n; k++)
    if (f->claims.v[k].article == a) return &f->claims.v[k];
  return NULL;
}

static int nflags(const cb_story_brief *s, const char *kind, int a) {
  int n = 0;
  for (size_t i = 0; s && i < s->flags.n; i++)
    if (!strcmp(s->flags.v[i].kind, kind) && (a < 0 || s->flags.v[i].article == a)) n++;
  return n;
}

static const cb_flag *flag_of(const cb_story_brief *s, const char *kind) {
  for (size_t i = 0; s && i < s->flags.n; i++)
    if (!strcmp(s->flags.v[i].kind, kind)) return &s->flags.v[i];
  return NULL;
}

/* Every claim's words are the article's words at its span, inside its sentence. */
static int claims_point_at_text(const cb_brief *b, const cb_finding *f) {
  for (size_t k = 0; k < f->claims.n; k++) {
    const cb_claim *c = &f->claims.v[k];
    const cb_article *a = b->articles[c->article];
    if (c->end > a->body_len || c->start > c->end || c->sent_start > c->start || c->sent_end < c->end) return 0;
    if (strlen(c->text) != c->end - c->start || memcmp(a->body + c->start, c->text, c->end - c->start)) return 0;
  }
  return 1;
}

/* Two percentages in one story: each lines up with its own kind, not with the other; two
 * statements of one speaker stay two. */
static const char *const prices[] = {
  "Money Daily | Markets | June 10, 2026\n"
  "Ostrava inflation eases as jobless rate falls\n"
  "By Ivo Stern\n\n"
  "Inflation in Ostrava eased to 4.1 percent in May, the statistics office said on Wednesday, while unemployment fell "
  "to 6.3 percent.\n\n"
  "\"Prices are finally coming down, and we expect that to continue,\" Finance Minister Lara Voss told parliament.\n\n"
  "\"We will not raise taxes this year,\" Voss added later in the debate.\n",

  "Ostrava Ledger | Economy | June 10, 2026\n"
  "Jobless rate drops and prices cool in Ostrava\n"
  "By Mira Holt\n\n"
  "The statistics office said on Wednesday that Ostrava's unemployment rate dropped to 6.3 percent in May and that "
  "inflation cooled to 4.3 percent.\n\n"
  "\"Prices are coming down at last and we expect this to go on,\" Finance Minister Lara Voss said in parliament.\n\n"
  "Economists said the figures gave the central bank room to pause.\n",
};

static void test_same_dimension_apart(void) {
  batch bt;
  cb_brief *b = build(&bt, prices, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  const cb_finding *infl = finding_with(s, CB_KIND_QUANTITY, 0, "4.1 percent");
  const cb_finding *jobs = finding_with(s, CB_KIND_QUANTITY, 0, "6.3 percent");
  CHECK(infl && jobs && infl != jobs);
  CHECK(infl && infl == finding_with(s, CB_KIND_QUANTITY, 1, "4.3 percent") && infl->verdict == CB_CONFLICT);
  CHECK(jobs && jobs == finding_with(s, CB_KIND_QUANTITY, 1, "6.3 percent") && jobs->verdict == CB_AGREE);
  CHECK_STR(jobs ? jobs->value : NULL, "6.3 percent");
  const cb_finding *said = finding_with(s, CB_KIND_QUOTE, 1, "Prices are coming down at last and we expect this to go on,");
  const cb_finding *taxes = finding_with(s, CB_KIND_QUOTE, 0, "We will not raise taxes this year,");
  CHECK(said && said->verdict == CB_VARIANT && claim_of(said, 0) && strstr(claim_of(said, 0)->text, "finally"));
  CHECK(taxes && taxes != said && taxes->verdict == CB_SINGLE && taxes->claims.n == 1);
  CHECK(taxes && taxes->topic && strstr(taxes->topic, "Voss"));
  release(&bt, b);
}

/* ---- the tests ------------------------------------------------------------------------- */

static void test_stories(const cb_brief *b) {
  CHECK_INT(b->narticles, NFLOOD);
  CHECK_INT(b->stories.n, 2);
  const cb_story_brief *s = story_of(b, HERALD), *lib = story_of(b, LIBRARY);
  CHECK(s && lib && s != lib);
  for (int a = COURIER; a <= WIRE; a++) CHECK(story_of(b, a) == s);
  CHECK(s && s->articles.n == 5);
  CHECK(lib && lib->articles.n == 1);
  CHECK(b->story_of[HERALD] == b->story_of[TIMES]);
  CHECK(b->story_of[HERALD] != b->story_of[LIBRARY]);
  /* the unrelated article has only its own figures */
  for (size_t i = 0; lib && i < lib->findings.n; i++) CHECK_INT(lib->findings.v[i].verdict, CB_SINGLE);
  CHECK(lib && lib->flags.n == 0);
}

static void test_syndicated(const cb_brief *b) {
  CHECK_INT(b->duplicate_of[WIRE], HERALD);   /* the copy points at the earlier original */
  for (int a = HERALD; a <= TIMES; a++) CHECK_INT(b->duplicate_of[a], -1);
  CHECK_INT(b->duplicate_of[LIBRARY], -1);
  /* the Herald's figures are carried by two articles but one source */
  const cb_story_brief *s = story_of(b, HERALD);
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, HERALD, "More than 300");
  CHECK(f && claim_of(f, WIRE) != NULL);
  CHECK(f && f->independent == 4);             /* Herald (+ copy), Courier, Post, Times */
}

static void test_lower_bounds(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  /* "More than 300", "at least 310", "At least 320", "more than 300" homes: all hold for ≥ 320 */
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, COURIER, "at least 310");
  CHECK(f != NULL);
  if (!f) return;
  CHECK(f == finding_with(s, CB_KIND_QUANTITY, POST, "At least 320"));
  CHECK(f == finding_with(s, CB_KIND_QUANTITY, HERALD, "More than 300"));
  CHECK(f == finding_with(s, CB_KIND_QUANTITY, TIMES, "more than 300"));
  CHECK_INT(f->verdict, CB_COMPATIBLE);
  CHECK_STR(f->value, "\xe2\x89\xa5 320");
  CHECK_STR(f->topic, "homes destroyed");   /* the counted noun and what happened to it */
  CHECK_CONTAINS(f->explanation, "\"at least 310\" (Valley Courier)");
  CHECK(claims_point_at_text(b, f));
  const cb_claim *c = claim_of(f, POST);
  CHECK(c && c->sentence && strstr(c->sentence, "At least 320 homes were destroyed"));
}

static void test_disjoint_counts(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  /* a bus with 48 passengers against one with 84: they cannot both be true */
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, COURIER, "84");
  CHECK(f != NULL);
  if (!f) return;
  CHECK(f == finding_with(s, CB_KIND_QUANTITY, HERALD, "48"));
  CHECK_INT(f->verdict, CB_CONFLICT);
  CHECK(f->value == NULL);                     /* no value holds for both */
  CHECK_CONTAINS(f->topic, "passenger");
  CHECK_CONTAINS(f->explanation, "\"84\" (Valley Courier)");
  CHECK_CONTAINS(f->explanation, "\"48\" (Brenna Herald)");
  CHECK_INT(f->independent, 2);
  CHECK(claims_point_at_text(b, f));
}

static void test_dates(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  /* "on Monday" in an article of Wednesday April 15 is April 13, the Courier's date */
  const cb_finding *f = finding_with(s, CB_KIND_DATE, COURIER, "April 13");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_INT(f->verdict, CB_AGREE);
  CHECK_STR(f->value, "2026-04-13");
  const cb_claim *c = claim_of(f, HERALD);
  CHECK(c && strstr(c->text, "Monday"));
  CHECK(c && c->value && !strcmp(c->value, "2026-04-13"));
  CHECK(claim_of(f, POST) != NULL);
  CHECK(claims_point_at_text(b, f));
  /* the flood is on the timeline at that day */
  int on_timeline = 0;
  for (size_t i = 0; i < s->timeline.n; i++)
    if (s->timeline.v[i].date && !strcmp(s->timeline.v[i].date, "2026-04-13") &&
        !strcmp(s->timeline.v[i].precision, "day"))
      on_timeline = 1;
  CHECK(on_timeline);
}

static void test_quote_variant(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  const cb_finding *f = finding_about(s, CB_KIND_QUOTE, "Tomas Reyk");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_INT(f->verdict, CB_VARIANT);            /* the same statement in different words */
  const cb_claim *h = claim_of(f, HERALD), *c = claim_of(f, COURIER);
  CHECK(h && strstr(h->text, "we had minutes to get out"));
  CHECK(c && strstr(c->text, "we only had minutes to leave"));
  CHECK_INT(f->independent, 2);
  CHECK(claims_point_at_text(b, f));
}

static void test_role(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  const cb_finding *f = finding_about(s, CB_KIND_ROLE, "Tomas Reyk");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->verdict, CB_CONFLICT);
    CHECK(f->value == NULL);
    const cb_claim *post = claim_of(f, POST), *times = claim_of(f, TIMES);
    CHECK(post && strstr(post->text, "Former Mayor"));
    CHECK(times && !strstr(times->text, "ormer"));
  }
  /* the flag falls on the odd article only */
  CHECK_INT(nflags(s, "role", -1), 1);
  CHECK_INT(nflags(s, "role", POST), 1);
  const cb_flag *fl = flag_of(s, "role");
  CHECK(fl && strstr(fl->text, "Tomas Reyk"));
}

static void test_anachronism(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  CHECK_INT(nflags(s, "anachronism", -1), 1);
  CHECK_INT(nflags(s, "anachronism", COURIER), 1);
  const cb_flag *fl = flag_of(s, "anachronism");
  CHECK(fl && strstr(fl->text, "so far in 2025"));
  CHECK(fl && strstr(fl->why, "2026"));
}

static void test_single(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  /* 17 bridges and a 4-metre rise: only the Herald, copied once */
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, HERALD, "17");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->verdict, CB_SINGLE);
    CHECK_INT(f->independent, 1);
    CHECK_INT(f->claims.n, 2);
    CHECK(claim_of(f, WIRE) != NULL);
    CHECK_CONTAINS(f->explanation, "Brenna Herald");
    CHECK_CONTAINS(f->explanation, "1 independent source");
  }
  f = finding_with(s, CB_KIND_QUANTITY, HERALD, "4 metres");
  CHECK(f && f->verdict == CB_SINGLE && f->independent == 1);
}

/* Each fact counts its sources once: a copy never adds to an original's support. */
static void test_facts(const cb_brief *b) {
  const cb_story_brief *s = story_of(b, HERALD);
  CHECK(s && s->facts.n > 0);
  for (size_t i = 0; s && i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    int herald = 0, wire = 0;
    for (size_t k = 0; k < f->articles.n; k++) {
      herald |= f->articles.v[k] == HERALD;
      wire |= f->articles.v[k] == WIRE;
    }
    CHECK(!(herald && wire));
    CHECK(f->independent >= 2 && f->independent <= 4);
    CHECK(f->text && f->text[0]);
    if (i) CHECK(f->independent <= s->facts.v[i - 1].independent);   /* best supported first */
  }
}

static void test_ids_and_empty(void) {
  cb_brief *b = NULL;
  cb_error e;
  CHECK_INT(cb_brief_build(NULL, NULL, 0, &b, &e), 0);
  CHECK(b && b->stories.n == 0 && b->narticles == 0);
  cb_brief_free(b);

  batch bt;
  bt.n = 0;
  for (int i = 0; i < 2; i++) {
    cb_ingest_opts o = {.format = CB_FORMAT_TEXT};
    cb_ingest_buffer("mem.txt", rate[i], strlen(rate[i]), &o, keep, NULL, &bt);
  }
  CHECK_INT(bt.n, 2);
  int64_t ids[2] = {41, 97};
  b = NULL;
  CHECK_INT(cb_brief_build(bt.a, ids, bt.n, &b, &e), 0);
  CHECK(b && b->ids[0] == 41 && b->ids[1] == 97);
  release(&bt, b);
}

/* "so far in" a year flags only a year other than the story's. */
static void test_no_false_anachronism(void) {
  static const char *const texts[] = {
    "Ridge Post | Environment | August 3, 2026\n"
    "Wildfire in the Kessel hills burns forest and farmland\n\n"
    "A wildfire in the Kessel hills has burned 12,000 hectares of forest and farmland since it started on Thursday, "
    "the regional fire service said. It is the largest fire so far in 2026 in the region, larger than any fire so far "
    "in 1850 records, and the service keeps data so far in 20261 files.\n",
    "Hill Country News | Local | August 3, 2026\n"
    "Kessel hills wildfire threatens village of Amberly\n\n"
    "The wildfire in the Kessel hills has burned about 30,000 acres of forest and farmland since Thursday, the "
    "regional fire service said, the largest so far this year. Crews fought the flames near the village of Amberly, "
    "so far in\n",
  };
  batch bt;
  cb_brief *b = build(&bt, texts, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(s != NULL);
  CHECK_INT(nflags(s, "anachronism", -1), 0);
  release(&bt, b);
}

/* Junk (in valid UTF-8: the reader refuses invalid bytes) never crashes the brief, and every
 * claim still points at the article's words. */
static void test_junk(void) {
  static const char *const texts[] = {
    "Junk Daily | News | March 1, 2026\n"
    "Strange figures from the harbour of Pellow\n\n"
    "\xef\xbb\xbf At least 99999999999999999999999999 people were killed in the harbour of Pellow on Monday, \t\t "
    "more than -5 boats sank, 1e308 km of coast, 0 homes, 3.5.6 ships, $ million, 12,, people, \xe2\x80\xa8 \xe2\x80\x8b the agency said "
    "\"unclosed quote by Mayor Ada Pellow.\n\n"
    "So far in 9999 the \"former former former President\" said \xef\xbf\xbd nothing on 31 February.\n",
    "Junk Weekly | News | March 2, 2026\n"
    "Strange figures from the harbour of Pellow\n\n"
    "At least 1 people were killed in the harbour of Pellow on Monday, more than 0.0000001 boats sank, between 9 and 3 "
    "homes burned, 50 basis points of 40 acres, the agency said. \"\" said nobody. Former Mayor Ada Pellow. "
    "Mayor Ada Pellow. so far in 2025so far in 2025\n",
  };
  batch bt;
  cb_brief *b = build(&bt, texts, 2);
  CHECK(b != NULL);
  for (size_t s = 0; b && s < b->stories.n; s++)
    for (size_t f = 0; f < b->stories.v[s].findings.n; f++) {
      const cb_finding *fd = &b->stories.v[s].findings.v[f];
      CHECK(fd->explanation != NULL && fd->topic != NULL);
      CHECK(claims_point_at_text(b, fd));
    }
  release(&bt, b);
}

/* A ferry capsizes; the sources disagree on the day and on the toll (March 10, 2026 is a
 * Tuesday: Sunday is March 8, Saturday March 7). The first article has a stray number
 * line, a date after its own, and the governor's name with its accent. */
static const char *const lake[] = {
  "Lakeside Courier | News | March 10, 2026\n"
  "Ferry capsizes on Lake Ondra near Pellworth\n"
  "By Ana Vik\n\n"
  "The ferry Maren Star capsized on Lake Ondra near Pellworth on Sunday, the transport authority said. At least 22 "
  "people died.\n\n"
  "\"We will search the lake until every family knows what happened,\" Governor Tom\xc3\xa1s Elbe said in Pellworth.\n\n"
  "The ferry had been inspected on March 12, the authority said.\n\n"
  "4471\n",

  "Ondra Daily | Region | March 10, 2026\n"
  "Divers return to Lake Ondra after Maren Star sinking\n"
  "By Ivo Brandt\n\n"
  "Divers went back into the cold water of Lake Ondra on Monday, two days after the ferry Maren Star capsized near "
  "Pellworth on Saturday. Fewer than 20 people died, according to the regional police, who said most passengers swam "
  "ashore.\n\n"
  "\"We will search the lake until every family knows what happened,\" Governor Tomas Elbe said at a briefing.\n\n"
  "Relatives gathered at the harbour wall, where volunteers handed out blankets and tea.\n",

  "Pellworth Radio | Local | March 10, 2026\n"
  "Maren Star ferry capsizes on Lake Ondra\n"
  "By Rui Dias\n\n"
  "The ferry Maren Star capsized on Lake Ondra near Pellworth on Sunday, the transport authority said. At least 21 "
  "people died.\n\n"
  "Governor Tomas Elbe promised that divers would search the lake until every family knew what had happened.\n",
};

static const cb_brief_form *form_of(const cb_story_brief *s, const char *text) {
  for (size_t i = 0; s && i < s->entities.n; i++)
    for (size_t k = 0; k < s->entities.v[i].forms.n; k++)
      if (!strcmp(s->entities.v[i].forms.v[k].text, text)) return &s->entities.v[i].forms.v[k];
  return NULL;
}

static void test_contradictions(void) {
  batch bt;
  cb_brief *b = build(&bt, lake, 3);
  CHECK(b && b->stories.n == 1);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  for (int a = 0; b && a < 3; a++) CHECK_INT(b->duplicate_of[a], -1);
  /* "at least 22", "at least 21" and "fewer than 20" died: no count fits all three */
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 1, "Fewer than 20");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 0, "At least 22"));
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 2, "At least 21"));
  CHECK(f && f->verdict == CB_CONFLICT && f->value == NULL);
  /* Sunday against Saturday */
  f = finding_with(s, CB_KIND_DATE, 1, "Saturday");
  CHECK(f && f == finding_with(s, CB_KIND_DATE, 0, "Sunday"));
  if (f) {
    CHECK_INT(f->verdict, CB_CONFLICT);
    CHECK(f->value == NULL);
    const cb_claim *c = claim_of(f, 1);
    CHECK(c && c->value && !strcmp(c->value, "2026-03-07"));
    CHECK_CONTAINS(f->explanation, "2026-03-08");
    CHECK_CONTAINS(f->explanation, "2026-03-07");
  }
  /* the same words in two sources: agree; the third paraphrases without quote marks */
  f = finding_with(s, CB_KIND_QUOTE, 0, "We will search the lake until every family knows what happened,");
  CHECK(f && claim_of(f, 1) != NULL);
  CHECK(f && f->verdict == CB_AGREE && f->independent == 2);
  /* every source calls him Governor */
  f = finding_about(s, CB_KIND_ROLE, "Elbe");
  CHECK(f && f->verdict == CB_AGREE && f->value && !strcmp(f->value, "Governor") && f->independent == 3);
  /* the accent is a form of the same name */
  const cb_brief_form *fm = form_of(s, "Tom\xc3\xa1s Elbe");
  CHECK(fm && fm->kind && !strcmp(fm->kind, "diacritics"));
  CHECK(fm && fm->articles.n == 1 && fm->articles.v[0] == 0);
  /* flags on the first article: a past event after its own date, the stray number */
  CHECK_INT(nflags(s, "impossible-date", -1), 1);
  CHECK_INT(nflags(s, "impossible-date", 0), 1);
  const cb_flag *fl = flag_of(s, "impossible-date");
  CHECK(fl && strstr(fl->text, "March 12"));
  CHECK_INT(nflags(s, "junk", 0), 1);
  fl = flag_of(s, "junk");
  CHECK(fl && !strcmp(fl->text, "4471"));
  CHECK_INT(nflags(s, "junk", 1) + nflags(s, "junk", 2), 0);
  release(&bt, b);
}

/* Role flags count independent sources and quote the other side's title. */
static void test_role_flag_counts_sources(const cb_brief *b) {
  /* the Herald and its Alpine Wire copy are one source: 3 others say "Mayor", not 4 */
  const cb_flag *fl = flag_of(story_of(b, HERALD), "role");
  CHECK(fl && strstr(fl->why, "3 other sources"));
}

static const char *swap_mayor(char *out, size_t cap, const char *in, const char *from, const char *to) {
  const char *p = strstr(in, from);
  if (!p) { snprintf(out, cap, "%s", in); return out; }
  snprintf(out, cap, "%.*s%s%s", (int)(p - in), in, to, p + strlen(from));
  return out;
}

static void test_role_flag_names_other_side(void) {
  /* "former Mayor" in the first two articles, "Mayor" in three: the flags must say the
   * others call him "Mayor" */
  static char t[5][4096];
  const char *texts[5];
  texts[0] = swap_mayor(t[0], sizeof t[0], flood[HERALD], "Mayor Tomas", "former Mayor Tomas");
  texts[1] = swap_mayor(t[1], sizeof t[1], flood[COURIER], "Mayor Tomas", "former Mayor Tomas");
  texts[2] = swap_mayor(t[2], sizeof t[2], flood[POST], "Former Mayor", "Mayor");
  texts[3] = flood[TIMES];
  texts[4] = "Summit Daily | News | April 15, 2026\nCastellune digs out after flash floods\nBy Rosa Lind\n\n"
             "Flash floods hit the mountain town of Castellune on Monday after three days of heavy rain, the regional "
             "emergency agency said.\n\nMayor Tomas Reyk asked volunteers to help clear the valley road near the old mill.\n\n"
             "Shopkeepers on the market square spent the day shovelling mud out of their cellars, and the town's two "
             "bakeries opened their doors to families whose kitchens were still under water.\n\n"
             "Engineers will inspect the stone bridge at Lower Ferrand before it reopens to lorries next week.\n";
  batch bt;
  cb_brief *b = build(&bt, texts, 5);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK_INT(nflags(s, "role", -1), 2);
  for (size_t i = 0; s && i < s->flags.n; i++)
    if (!strcmp(s->flags.v[i].kind, "role")) CHECK_CONTAINS(s->flags.v[i].why, "3 other sources say \"Mayor\"");
  release(&bt, b);
}

/* KNOWN BUG (src/corroborate/dates.c:209-214): on a date conflict the timeline event takes
 * the first claim's day but credits every article, so Ondra Daily, which says Saturday, is
 * cited for Sunday, March 8. */
static void test_timeline_conflict_sources(void) {
  batch bt;
  cb_brief *b = build(&bt, lake, 3);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  int sunday_cites_saturday = 0, found = 0;
  for (size_t i = 0; s && i < s->timeline.n; i++) {
    const cb_event *ev = &s->timeline.v[i];
    if (strcmp(ev->date, "2026-03-08")) continue;
    found = 1;
    for (size_t k = 0; k < ev->articles.n; k++) sunday_cites_saturday |= ev->articles.v[k] == 1;
  }
  CHECK(found);
  CHECK(!sunday_cites_saturday);
  release(&bt, b);
}

static void test_flood(void) {
  batch bt;
  cb_brief *b = build(&bt, flood, NFLOOD);
  CHECK(b != NULL);
  if (b) {
    test_stories(b);
    test_syndicated(b);
    test_lower_bounds(b);
    test_disjoint_counts(b);
    test_dates(b);
    test_quote_variant(b);
    test_role(b);
    test_anachronism(b);
    test_single(b);
    test_facts(b);
    test_role_flag_counts_sources(b);
  }
  release(&bt, b);
}

/* The toll finding of a two-article quake story whose later article has this date and count. */
static void quake(const char *date, const char *count, cb_verdict want, const char *why) {
  char later[2048];
  snprintf(later, sizeof later, quake_later, date, count);
  const char *texts[] = {quake_first, later};
  batch bt;
  cb_brief *b = build(&bt, texts, 2);
  CHECK(b && b->stories.n == 1);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 0, "12");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, count));
  if (f) {
    CHECK_INT(f->verdict, want);
    if (why) CHECK_CONTAINS(f->explanation, why);
    if (want == CB_COMPATIBLE) CHECK_STR(f->value, count);   /* the latest count */
  }
  release(&bt, b);
}

static void test_tolls(void) {
  quake("May 4, 2026", "31", CB_COMPATIBLE, "different times");   /* grew over two days */
  quake("May 2, 2026", "31", CB_CONFLICT, NULL);                   /* two tolls on one day */
  quake("May 4, 2026", "9", CB_CONFLICT, NULL);                    /* a later toll cannot fall */
}

static void test_units(void) {
  batch bt;
  cb_brief *b = build(&bt, rate, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  /* 50 basis points = half a percentage point */
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 0, "50 basis points");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "half a percentage point"));
  if (f) {
    CHECK_INT(f->verdict, CB_AGREE);
    CHECK_INT(f->independent, 2);
  }
  release(&bt, b);

  b = build(&bt, fire, 2);
  s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  /* 12,000 hectares is 29,653 acres: inside "about 30,000 acres" */
  f = finding_with(s, CB_KIND_QUANTITY, 0, "12,000 hectares");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "about 30,000 acres"));
  if (f) {
    CHECK_INT(f->verdict, CB_COMPATIBLE);
    CHECK_STR(f->value, "12,000 hectares");
  }
  release(&bt, b);
}

static void test_last_week(void) {
  batch bt;
  cb_brief *b = build(&bt, ferry, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  const cb_finding *f = finding_with(s, CB_KIND_DATE, 1, "last week");
  CHECK(f && f == finding_with(s, CB_KIND_DATE, 0, "April 13"));
  if (f) {
    CHECK_INT(f->verdict, CB_COMPATIBLE);      /* the week holds the day */
    CHECK_STR(f->value, "2026-04-13");
    const cb_claim *c = claim_of(f, 1);
    CHECK(c && c->value && !strcmp(c->value, "2026-04-13/2026-04-19"));
  }
  release(&bt, b);
}

/* A hostage story in three invented outlets: the first tells in one long sentence what
 * the second and the third each report of it in part, and the second gives the governor a
 * rank the others do not. */
static const char *const siege[] = {
  "Bay Herald | News | May 4, 2026\n"
  "Hostages held in Lindqvist Bay harbour office\n"
  "By Nora Vik\n\n"
  "Armed men held staff hostage in the harbour office of Lindqvist Bay on Sunday, police said.\n\n"
  "The kidnappers, who had demanded a ransom in gold coins for the release of the two hostages, also asked for safe "
  "passage out of the harbour district and a boat with fuel for three days, police said.\n\n"
  "Governor Petra Lund said the region would not pay.\n\n"
  "\"Is a ransom the price of peace?\" Chief Inspector Ola Berg asked reporters.\n\n"
  "The port authority spent $2 million on new cranes for the quay last year.\n\n"
  "A total of 14 people who were in the building were later checked by paramedics at the scene.\n",

  "Coastal Times | News | May 4, 2026\n"
  "Lindqvist Bay hostage standoff enters second day\n"
  "By Erik Sand\n\n"
  "Armed men held staff hostage in the harbour office of Lindqvist Bay on Sunday, police said.\n\n"
  "Negotiators said the gang had asked for a ransom paid in gold coins before releasing the hostages.\n\n"
  "Deputy Governor Petra Lund urged residents to stay away from the quay.\n\n"
  "A local charity has offered $1.5 million to families of the staff.\n",

  "Fjord Post | Local | May 4, 2026\n"
  "Police negotiate with gang in Lindqvist Bay\n"
  "By Ida Holm\n\n"
  "Police negotiated through the night with the gang holding the harbour office of Lindqvist Bay.\n\n"
  "Officers said the gang also wanted a fuelled boat and safe passage out of the harbour district.\n\n"
  "Governor Petra Lund thanked the police.\n\n"
  "\"Nobody pays a ransom for peace here, and the quay will reopen the moment the last hostage walks out safely,\" Chief "
  "Inspector Ola Berg said.\n\n"
  "Paramedics checked 14 people who had been in the building, the ambulance service said.\n",
};

/* A fact citing articles a and b whose text or sentences hold word. */
static int has_fact(const cb_story_brief *s, int a, int b, const char *word) {
  for (size_t i = 0; s && i < s->facts.n; i++) {
    const cb_fact *f = &s->facts.v[i];
    int ha = 0, hb = 0, hw = 0;
    for (size_t k = 0; k < f->articles.n; k++) {
      ha |= f->articles.v[k] == a;
      hb |= f->articles.v[k] == b;
      hw |= strstr(f->sentences.v[k].sentence, word) != NULL;
    }
    if (ha && hb && hw) return 1;
  }
  return 0;
}

/* One long sentence backs two facts, each with another source, though the two other
 * sentences share little with each other; "Deputy Governor" is another office than "Governor". */
static void test_clause_facts_and_rank(void) {
  batch bt;
  cb_brief *b = build(&bt, siege, 3);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  CHECK(has_fact(s, 0, 1, "ransom"));
  CHECK(has_fact(s, 0, 2, "safe passage"));
  const cb_finding *f = finding_about(s, CB_KIND_ROLE, "Petra Lund");
  CHECK(f && f->verdict == CB_CONFLICT);
  CHECK_INT(nflags(s, "role", 1), 1);
  CHECK_INT(nflags(s, "role", 0), 0);
  /* a short question and a long answer of one speaker that share two words are two statements */
  const cb_finding *asked = finding_with(s, CB_KIND_QUOTE, 0, "Is a ransom the price of peace?");
  CHECK(asked && asked->verdict == CB_SINGLE && asked->claims.n == 1);
  /* "14 people" names nothing counted: the words around tell that both count the same */
  const cb_finding *checked = finding_with(s, CB_KIND_QUANTITY, 0, "14");
  CHECK(checked && checked == finding_with(s, CB_KIND_QUANTITY, 2, "14") && checked->verdict == CB_AGREE);
  /* two sums of money about different things are two single claims, not a conflict */
  const cb_finding *cranes = finding_with(s, CB_KIND_QUANTITY, 0, "$2 million");
  CHECK(cranes && cranes->verdict == CB_SINGLE && cranes->claims.n == 1);
  const cb_finding *gift = finding_with(s, CB_KIND_QUANTITY, 1, "$1.5 million");
  CHECK(gift && gift->verdict == CB_SINGLE && gift->claims.n == 1);
  release(&bt, b);
  /* a title held at the time ("then-Governor") contradicts no one */
  static char t[4096];
  const char *texts[3] = {siege[0], swap_mayor(t, sizeof t, siege[1], "Deputy Governor", "then-Governor"), siege[2]};
  b = build(&bt, texts, 3);
  s = b ? story_of(b, 0) : NULL;
  f = finding_about(s, CB_KIND_ROLE, "Petra Lund");
  CHECK(f && f->verdict == CB_AGREE && f->claims.n == 2);
  CHECK_INT(nflags(s, "role", -1), 0);
  release(&bt, b);
  /* one office in other words ("Representative", "Congresswoman", "Rep.") is no conflict;
   * "Vice President" against "President" is */
  static char u[3][4096];
  const char *names[2][3] = {{"Representative Petra", "Congresswoman Petra", "Rep. Petra"},
                             {"President Petra", "Vice President Petra", "President Petra"}};
  for (int t2 = 0; t2 < 2; t2++) {
    const char *v[3] = {swap_mayor(u[0], sizeof u[0], siege[0], "Governor Petra", names[t2][0]),
                        swap_mayor(u[1], sizeof u[1], siege[1], "Deputy Governor Petra", names[t2][1]),
                        swap_mayor(u[2], sizeof u[2], siege[2], "Governor Petra", names[t2][2])};
    b = build(&bt, v, 3);
    s = b ? story_of(b, 0) : NULL;
    f = finding_about(s, CB_KIND_ROLE, "Petra Lund");
    CHECK(f && f->claims.n == 3 && (t2 == 0 ? f->verdict != CB_CONFLICT : f->verdict == CB_CONFLICT));
    release(&bt, b);
  }
}

/* A barn fire told by three invented outlets, each giving its cause in its own way; the
 * third's cause is swapped in by test_causes. */
#define BARN_A "Valley Star | Local | June 2, 2026\nBarn fire destroys hay store near Oster\nBy Lena Moor\n\n" \
  "A fire destroyed a hay barn and two tractors on a farm near Oster on Monday night, the fire brigade said.\n\n" \
  "Police said the fire was started by a faulty heater in the workshop.\n"
#define BARN_B "Oster Courier | News | June 2, 2026\nHay barn burns down on Oster farm\nBy Tim Roe\n\n" \
  "Flames tore through a hay barn outside Oster late on Monday, and firefighters from three villages fought them " \
  "until dawn while the farmer moved his cattle to a neighbour's field.\n\n" \
  "The cause of the fire is under investigation.\n"
#define BARN_C(cause) "Plain Weekly | Region | June 3, 2026\nFarm near Oster loses hay barn to fire\nBy Ada Berg\n\n" \
  "An Oster farming family lost its hay barn and two tractors to a blaze on Monday night; nobody was hurt, and the " \
  "insurer has sent an assessor.\n\n" \
  "Investigators said " cause " was the most likely cause.\n"

static void test_causes(void) {
  static const char *const apart[] = {BARN_A, BARN_B, BARN_C("a lightning strike")};
  static const char *const alike[] = {BARN_A, BARN_B, BARN_C("the workshop heater")};
  batch bt;
  cb_brief *b = build(&bt, apart, 3);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  const cb_finding *f = finding_about(s, CB_KIND_EVENT, "cause");
  CHECK(f && f->verdict == CB_CONFLICT && f->claims.n == 3);
  const cb_claim *c = claim_of(f, 0);
  CHECK(c && c->value && !strcmp(c->value, "faulty heater"));
  c = claim_of(f, 1);
  CHECK(c && c->value && !strcmp(c->value, "not known"));
  c = claim_of(f, 2);
  CHECK(c && c->value && !strcmp(c->value, "lightning strike"));
  CHECK(f && claims_point_at_text(b, f));
  release(&bt, b);
  b = build(&bt, alike, 3);
  s = b ? story_of(b, 0) : NULL;
  f = finding_about(s, CB_KIND_EVENT, "cause");
  CHECK(f && f->verdict == CB_COMPATIBLE && f->value && strstr(f->value, "heater"));
  release(&bt, b);
  /* a cause of something else ("the feud was started by") is no cause of the fire */
  static char t[4096];
  const char *other[3] = {swap_mayor(t, sizeof t, BARN_A, "the fire was started by a faulty heater",
                                     "the feud was started by a neighbour"), BARN_B, BARN_C("a lightning strike")};
  b = build(&bt, other, 3);
  s = b ? story_of(b, 0) : NULL;
  f = finding_about(s, CB_KIND_EVENT, "cause");
  CHECK(f && f->verdict == CB_COMPATIBLE && f->claims.n == 2 && !claim_of(f, 0));
  release(&bt, b);
  b = build(&bt, alike, 1);   /* one source: no finding */
  s = b ? story_of(b, 0) : NULL;
  CHECK(s && !finding_about(s, CB_KIND_EVENT, "cause"));
  release(&bt, b);
}

/* Two outlets on one company's job cuts, each dating a different announcement. */
static const char *const cuts[] = {
  "Metro Ledger | Business | June 10, 2026\nBrightdesk to cut 2,000 jobs across Europe\nBy Ana Ruiz\n\n"
  "Brightdesk, the shared-office company, will cut 2,000 jobs across Europe, its chairman told staff in an email.\n\n"
  "Details of the cuts will be announced later this week in the units that do not serve its core business.\n",

  "Office Week | Companies | June 10, 2026\nBrightdesk job cuts begin as cleaners move to contractor\nBy Tom Ek\n\n"
  "Brightdesk, the shared-office company, will cut 2,000 jobs across Europe, according to an email its chairman "
  "sent to staff.\n\n"
  "A union announced over the weekend that a contractor had agreed to take on the company's 800 cleaners.\n",
};

/* Two disjoint dates of one event word ("announced") but of unlike sentences are two
 * events, not a conflict. */
static void test_dates_apart(void) {
  batch bt;
  cb_brief *b = build(&bt, cuts, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  for (size_t i = 0; s && i < s->findings.n; i++)
    CHECK(!(s->findings.v[i].kind == CB_KIND_DATE && s->findings.v[i].verdict == CB_CONFLICT));
  release(&bt, b);
}

/* Two outlets on one price rise, figures written more or less exactly. */
static const char *const fares[] = {
  "Isle Times | Business | March 2, 2026\nFerry fares to Marrow Island rise again\nBy Jon Vale\n\n"
  "A return ticket to Marrow Island now costs $129, the ferry operator said on Monday.\n\n"
  "Fuel costs rose 2 percent in a month, the operator said, and a new pier cost the county $1 million.\n",

  "Harbour Daily | Travel | March 3, 2026\nMarrow Island ferry raises return fare\nBy Lia Moss\n\n"
  "The operator of the Marrow Island ferry has raised the price of a return ticket to $129.99, blaming the cost "
  "of fuel, which climbed 2.1 percent in February alone.\n\n"
  "The county paid $500,000 for a new pier last spring, records show.\n",
};

/* Figures that differ only by rounding are compatible, with the exact one as the value;
 * "$1 million" is no rounding of "$500,000". */
static void test_rounding(void) {
  batch bt;
  cb_brief *b = build(&bt, fares, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 0, "$129");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "$129.99") && f->verdict == CB_COMPATIBLE);
  CHECK(f && f->value && strstr(f->value, "129.99") && strstr(f->explanation, "rounding"));
  f = finding_with(s, CB_KIND_QUANTITY, 0, "2 percent");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "2.1 percent") && f->verdict == CB_COMPATIBLE);
  /* "$1 million" is no rounding of "$500,000": they disagree. (Whether the frames show one
   * pier's cost depends on the parse of "..., and a new pier cost the county $1 million",
   * which attaches the figure to the first clause: so conflict or uncertain, never agreement.) */
  f = finding_with(s, CB_KIND_QUANTITY, 0, "$1 million");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "$500,000") &&
        (f->verdict == CB_CONFLICT || f->verdict == CB_UNCERTAIN));
  release(&bt, b);
}

static int kind_rank(const char *k) { return !strcmp(k, "fact") ? 0 : !strcmp(k, "conflict") ? 1 : 2; }

/* The summary: facts, then conflicts, then single-source figures, whose sentences no fact
 * holds, one per source before a second from any. */
static void check_summary(const cb_story_brief *s) {
  int per_article[64] = {0}, singles = 0;
  for (size_t i = 0; s && i < s->summary.n; i++) {
    const cb_summary_line *l = &s->summary.v[i];
    if (i) CHECK(kind_rank(s->summary.v[i - 1].kind) <= kind_rank(l->kind));
    if (strcmp(l->kind, "single")) continue;
    singles++;
    CHECK_INT(l->articles.n, 1);
    if (l->articles.n == 1 && l->articles.v[0] < 64) per_article[l->articles.v[0]]++;
    for (size_t f = 0; f < s->facts.n; f++)
      for (size_t k = 0; k < s->facts.v[f].sentences.n; k++)
        CHECK(!strstr(l->text, s->facts.v[f].sentences.v[k].sentence) || s->facts.v[f].sentences.v[k].article != l->articles.v[0]);
  }
  int most = 0, sources = 0;
  for (int a = 0; a < 64; a++) { if (per_article[a] > most) most = per_article[a]; sources += per_article[a] > 0; }
  CHECK(singles == 0 || most == 1 || sources * most >= singles);   /* spread before repeating a source */
}

static void test_summary(void) {
  batch bt;
  cb_brief *b = build(&bt, siege, 3);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(s && s->summary.n > 0);
  check_summary(s);
  int singles = 0;
  for (size_t i = 0; s && i < s->summary.n; i++) singles += !strcmp(s->summary.v[i].kind, "single");
  CHECK(singles >= 2);   /* the cranes (Bay Herald) and the gift (Coastal Times): two sources */
  release(&bt, b);
  b = build(&bt, flood, NFLOOD);
  check_summary(b ? story_of(b, 0) : NULL);
  release(&bt, b);
}

/* Poll figures of articles fifteen days apart are different moments, not a conflict; the
 * same figures two days apart are. A middle article ties the three into one story. */
#define POLL(outlet, day, title, pct) outlet " | Politics | " day ", 2026\n" title "\nBy Staff\n\n" \
  "Councillor Lea Mora leads the race for mayor of Ostend, according to a poll of likely voters by the Ostend " \
  "Polling Institute" pct ". Mora, a former harbour engineer, has promised new ferries for the islands and a tram " \
  "line to the port. Her rival, Jon Aske, wants lower harbour fees. The election is on April 30.\n"
static void test_figures_weeks_apart(void) {
  static const char *const apart[] = {
    POLL("Capital Post", "March 1", "Mora leads Ostend mayoral race in new poll", ", with 39 percent support"),
    POLL("Ostend Courier", "March 8", "Mora campaigns in Ostend harbour as mayoral race tightens", ""),
    POLL("Ostend Herald", "March 16", "Mora widens her lead in Ostend mayoral race", ", with 50 percent support")};
  static const char *const close[] = {
    POLL("Capital Post", "March 1", "Mora leads Ostend mayoral race in new poll", ", with 39 percent support"),
    POLL("Ostend Herald", "March 3", "Mora widens her lead in Ostend mayoral race", ", with 50 percent support")};
  batch bt;
  cb_brief *b = build(&bt, apart, 3);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  CHECK(b && b->stories.n == 1);
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 0, "39 percent");
  CHECK(f && f->verdict == CB_SINGLE && f->claims.n == 1);
  release(&bt, b);
  b = build(&bt, close, 2);
  s = b ? story_of(b, 0) : NULL;
  f = finding_with(s, CB_KIND_QUANTITY, 0, "39 percent");
  CHECK(f && f == finding_with(s, CB_KIND_QUANTITY, 1, "50 percent") && f->verdict == CB_CONFLICT);
  release(&bt, b);
}

/* Topic names: plural nouns and what happened to them. */
static void test_topic_names(void) {
  static const char *const texts[] = {
    "Lake Post | News | May 2, 2026\nFerry sinks on Lake Orun\nBy Eva Dahl\n\n"
    "The ferry was carrying 84 passengers when it sank on Lake Orun on Friday, police said. Rescuers pulled 61 "
    "survivors from the water. The port sent 14 ferries to help.\n",
    "Orun Daily | Region | May 2, 2026\nLake Orun ferry disaster: dozens missing\nBy Ivo Berg\n\n"
    "A ferry carrying 86 passengers sank on Lake Orun on Friday, police said, and 40 residents were evacuated "
    "from the shore villages as a storm rose.\n",
  };
  batch bt;
  cb_brief *b = build(&bt, texts, 2);
  const cb_story_brief *s = b ? story_of(b, 0) : NULL;
  const cb_finding *f = finding_with(s, CB_KIND_QUANTITY, 0, "84");
  CHECK(f && f->topic && !strcmp(f->topic, "passengers carried"));
  f = finding_with(s, CB_KIND_QUANTITY, 0, "61");
  CHECK(f && f->topic && !strcmp(f->topic, "survivors"));   /* not "survivors survived" */
  f = finding_with(s, CB_KIND_QUANTITY, 0, "14");
  CHECK(f && f->topic && !strcmp(f->topic, "ferries"));
  f = finding_with(s, CB_KIND_QUANTITY, 1, "40");
  CHECK(f && f->topic && !strcmp(f->topic, "residents evacuated"));
  release(&bt, b);
}

/* Word keys meet across inflections, a final e included. */
static void test_word_keys(void) {
  uint64_t k = cb_content_key("quarantine", 10);
  CHECK(k && k == cb_content_key("quarantined", 11) && k == cb_content_key("quarantines", 11));
  k = cb_content_key("include", 7);
  CHECK(k && k == cb_content_key("included", 8) && k == cb_content_key("including", 9) && k == cb_content_key("includes", 8));
  CHECK(cb_content_key("strikes", 7) == cb_content_key("strike", 6));
  CHECK(cb_content_key("the", 3) == 0);
}

int main(void) {
  cb_ingest_init();
  test_flood();
  test_same_dimension_apart();
  test_tolls();
  test_units();
  test_last_week();
  test_ids_and_empty();
  test_no_false_anachronism();
  test_junk();
  test_contradictions();
  test_role_flag_names_other_side();
  test_timeline_conflict_sources();
  test_clause_facts_and_rank();
  test_causes();
  test_word_keys();
  test_summary();
  test_rounding();
  test_dates_apart();
  test_topic_names();
  test_figures_weeks_apart();
  return test_report();
}
