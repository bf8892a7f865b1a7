/*
 * test_frames.c - claim frames and alignment on frames, one test per way a verdict went
 * wrong on unseen news, each written as general invented sentences: the ages of two people,
 * a capacity against a count, a threshold against the votes to block, a demand against a
 * rejected offer, a refusal read as a bound, a figure quoted to be refuted, a round figure
 * against "more than" it, a reporting date against the event's date, a share at two times,
 * a title held in a past act against "former", "former" kept apart from its title by a
 * place, a rank beside a job, two jobs; and the real conflicts that must stay conflicts.
 */
#include "test.h"
#include "corroborate.h"
#include "corroborate/brief.h"
#include "corroborate/frames.h"
#include "extract/frame.h"
#include "extract/tally.h"
#include "syntax/syntax.h"
#include <stdio.h>
#include <stdlib.h>

/* ---- frames of single sentences ------------------------------------------------------------ */

/* The frame of the first occurrence of claim in sentence. */
static cb_frame frame_of(cb_arena *a, const char *sentence, const char *claim, int head) {
  cb_frame f;
  memset(&f, 0, sizeof f);
  const cb_syn_model *m = cb_syn_model_get(NULL);
  cb_syn_sent s;
  const char *at = strstr(sentence, claim);
  CHECK(m != NULL && at != NULL);
  if (!m || !at || cb_syn_parse(m, a, sentence, strlen(sentence), &s) != CB_OK) return f;
  size_t start = (size_t)(at - sentence);
  cb_frame_of(a, sentence, 0, &s, start, start + strlen(claim), head, NULL, 0, &f);
  return f;
}

static void test_frame_parts(void) {
  cb_arena *a = cb_arena_new(0);
  cb_frame f = frame_of(a, "The ferry carried 163 passengers when it sank.", "163", CB_FRAME_COUNT);
  CHECK_STR(f.measure, "passenger");
  CHECK_STR(f.pred, "carry");
  CHECK_INT(f.tense, CB_TENSE_PAST);
  CHECK_STR(f.owner, "ferry");

  f = frame_of(a, "The union rejected an offer of $20 million.", "$20 million", CB_FRAME_UNIT);
  CHECK_INT(f.stance, CB_STANCE_REJECT);
  f = frame_of(a, "The union demanded $30 million from the company.", "$30 million", CB_FRAME_UNIT);
  CHECK_INT(f.stance, CB_STANCE_DEMAND);

  f = frame_of(a, "The company did not pay 500 workers last month.", "500", CB_FRAME_COUNT);
  CHECK_INT(f.negated, 1);
  CHECK_STR(f.measure, "worker");

  f = frame_of(a, "Maria Lopez, 61, proposed the bill.", "61", CB_FRAME_AGE);
  CHECK_STR(f.measure, "age");
  CHECK_CONTAINS(f.owner, "Lopez");

  f = frame_of(a, "Officials said the storm destroyed 300 homes.", "300", CB_FRAME_COUNT);
  CHECK_INT(f.attributed, 1);
  CHECK_STR(f.speaker, "Officials");
  CHECK_STR(f.pred, "destroy");

  f = frame_of(a, "The ministry will hire 200 nurses next year.", "200", CB_FRAME_COUNT);
  CHECK_INT(f.tense, CB_TENSE_FUTURE);

  f = frame_of(a, "Officials denied that 5,000 people attended the rally.", "5,000", CB_FRAME_COUNT);
  CHECK_INT(f.stance, CB_STANCE_REFUTE);
  cb_arena_free(a);
}

static void test_measure_relations(void) {
  CHECK_INT(cb_frames_same_measure("ship", "vessel"), 2); /* a kind of the other */
  CHECK_INT(cb_frames_same_measure("passenger", "passenger"), 2);
  CHECK_INT(cb_frames_same_measure("capacity", "passenger"), 0);
  CHECK_INT(cb_frames_same_measure("people", "passenger"), 2); /* a generic count noun, a kind of person */
  CHECK_INT(cb_frames_same_measure("people", "boat"), 1); /* ... counting what may be anything */
}

/* ---- verdicts of two short articles ---------------------------------------------------------- */

typedef struct batch {
  cb_article *a[4];
  size_t n;
} batch;

static int keep(void *ud, cb_article *a) {
  batch *b = ud;
  if (b->n < 4)
    b->a[b->n++] = a;
  else
    cb_article_free(a);
  return 0;
}

/* Two articles of two outlets on one day, the same opening sentence, then their claims. */
static cb_brief *pair(batch *bt, const char *lead, const char *x, const char *y) {
  const char *outlet[2] = {"Harbour Times", "Inland Courier"}, *body[2] = {x, y};
  bt->n = 0;
  for (int i = 0; i < 2; i++) {
    char text[2048];
    snprintf(text, sizeof text, "%s | News | May 6, 2026\nReport from the region\n\n%s %s\n", outlet[i], lead,
             body[i]);
    cb_ingest_opts o = {.format = CB_FORMAT_TEXT};
    CHECK_INT(cb_ingest_buffer("mem.txt", text, strlen(text), &o, keep, NULL, bt), 0);
  }
  cb_brief *b = NULL;
  cb_error e;
  if (bt->n != 2 || cb_brief_build(bt->a, NULL, bt->n, &b, &e) != CB_OK) return NULL;
  return b;
}

static void release(batch *bt, cb_brief *b) {
  cb_brief_free(b);
  for (size_t i = 0; i < bt->n; i++) cb_article_free(bt->a[i]);
  bt->n = 0;
}

/* The number of findings of a kind with the verdict. */
static int count(const cb_brief *b, cb_claim_kind kind, cb_verdict v) {
  int n = 0;
  for (size_t s = 0; b && s < b->stories.n; s++)
    for (size_t i = 0; i < b->stories.v[s].findings.n; i++)
      n += b->stories.v[s].findings.v[i].kind == kind && b->stories.v[s].findings.v[i].verdict == v;
  return n;
}

static void no_conflict(const char *lead, const char *x, const char *y, cb_claim_kind kind) {
  batch bt = {0};
  cb_brief *b = pair(&bt, lead, x, y);
  CHECK(b != NULL);
  CHECK_INT(b ? b->stories.n : 0, 1); /* two short texts about one event: one story */
  int n = count(b, kind, CB_CONFLICT);
  if (n) fprintf(stderr, "  false conflict between: %s / %s\n", x, y);
  CHECK_INT(n, 0);
  release(&bt, b);
}

static void conflict(const char *lead, const char *x, const char *y, cb_claim_kind kind) {
  batch bt = {0};
  cb_brief *b = pair(&bt, lead, x, y);
  CHECK(b != NULL);
  int n = count(b, kind, CB_CONFLICT);
  if (!n) fprintf(stderr, "  missed conflict between: %s / %s\n", x, y);
  CHECK_INT(n, 1);
  release(&bt, b);
}

static void test_quantity_classes(void) {
  const char *senate = "The Senate debated the housing bill for a third day on Tuesday.";
  /* the ages of two different people */
  no_conflict(senate, "Senator Maria Lopez, 61, proposed the housing bill.",
              "Senator Daniel Reyes, 58, opposed the housing bill.", CB_KIND_QUANTITY);
  /* a vote threshold against the votes needed to block */
  no_conflict(senate, "The housing bill needs 60 votes to pass the Senate.",
              "Opponents of the housing bill need 41 votes to block it.", CB_KIND_QUANTITY);
  const char *ferry = "The ferry Saint Brenda sank off the northern coast on Sunday.";
  /* a licensed capacity against the people on board */
  no_conflict(ferry, "The ferry had a capacity of 150 passengers.", "The ferry carried 212 passengers.",
              CB_KIND_QUANTITY);
  const char *strike = "The dock workers' strike at the port entered its second week.";
  /* a demand against an offer that was rejected */
  no_conflict(strike, "The union demanded $30 million from the port company.",
              "The union rejected an offer of $20 million from the port company.", CB_KIND_QUANTITY);
  /* a refusal read as a bound */
  no_conflict(strike, "The union refused to accept anything less than $30 million from the port company.",
              "The port company paid the union $25 million.", CB_KIND_QUANTITY);
  const char *rally = "Supporters of the mayor gathered in the central square on Saturday.";
  /* a figure quoted to refute it */
  no_conflict(rally, "The mayor falsely claimed that 5,000 people attended the rally.",
              "About 1,200 people attended the rally.", CB_KIND_QUANTITY);
  /* a round figure against "more than" it */
  const char *statue = "The city unveiled a bronze statue of its founder on Friday.";
  no_conflict(statue, "The city paid $40,000 for the statue.",
              "The city paid more than $40,000 for the statue.", CB_KIND_QUANTITY);
  /* a share at two times of one day */
  const char *fire = "A wildfire burned through the hills east of the town this week.";
  no_conflict(fire, "By Tuesday morning the fire was 20 percent contained.",
              "By Tuesday evening the fire was 45 percent contained.", CB_KIND_QUANTITY);
  /* real conflicts stay conflicts */
  conflict(ferry, "The ferry carried 163 passengers.", "The ferry carried 136 passengers.", CB_KIND_QUANTITY);
  conflict(senate, "Senator Maria Lopez, 61, proposed the housing bill.",
           "Senator Maria Lopez, 64, proposed the housing bill.", CB_KIND_QUANTITY);
}

static void test_date_classes(void) {
  const char *ferry = "The ferry Saint Brenda sank off the northern coast after a storm.";
  /* the date of the reporting against the date of the event */
  no_conflict(ferry, "The ferry sank on Sunday, the coast guard said.",
              "The coast guard said on Tuesday that the ferry sank in the storm.", CB_KIND_DATE);
  conflict(ferry, "The ferry sank on Sunday, the coast guard said.",
           "Survivors told reporters on Tuesday that the ferry sank on Saturday.", CB_KIND_DATE);
  const char *mayor = "The city council named Ana Ruiz, a former planning official, as interim mayor.";
  /* "he"/"she" is the person the sentences before go on about; "quit" is a kind of "leave" */
  conflict(mayor, "Ruiz joined the city planning office in 2015 and quit earlier this month.",
           "Ruiz, a former aide to Governor Tom Hale, is a lawyer. She left the planning office last year.",
           CB_KIND_DATE);
  /* two people's departures: who left is not the same */
  no_conflict(mayor, "Mayor Peter Dunn has kept a low profile since leaving office in January.",
              "Ruiz is a lawyer. She left the planning office last year.", CB_KIND_DATE);
  /* the same person leaving two different things */
  no_conflict(mayor, "Ruiz left the city council last year.", "Ruiz left the planning office in March.",
              CB_KIND_DATE);
  /* the start of a span against its end ("from": the level before, src/extract/frame.c) */
  no_conflict(mayor, "Ruiz served on the city council from 2009.", "Ruiz served on the city council until 2014.",
              CB_KIND_DATE);
  /* ", who" opens a clause on the name right before the comma: Ruiz served, not the council */
  no_conflict(mayor, "She is the second mayor after Ana Ruiz, who served from 2009.",
              "The council seat went to Tom Hale, who served from 2011.", CB_KIND_DATE);
  /* a statement on one day and remarks on another are two acts */
  no_conflict(mayor, "Ruiz issued a statement on Friday afternoon.",
              "The remarks she made on Thursday night angered the council.", CB_KIND_DATE);
}

static void test_role_classes(void) {
  const char *plan = "The regional water plan was debated in the assembly on Monday.";
  /* a title held in a past act against "former" today */
  no_conflict(plan, "Former Governor Ann Pike said the water plan would fail.",
              "In 2009, Governor Ann Pike signed the first water plan into law.", CB_KIND_ROLE);
  /* a rank beside a job */
  no_conflict(plan, "Colonel Ruth Adler said the army would guard the dams.",
              "Spokeswoman Ruth Adler said the army would guard the dams.", CB_KIND_ROLE);
  /* two jobs one person may hold */
  no_conflict(plan, "Director Paul Nagy said the water plan would cost too much.",
              "Chairman Paul Nagy said the water plan would cost too much.", CB_KIND_ROLE);
  /* "former" kept apart from the title by a place: still former */
  conflict(plan, "Former Westland Governor Ann Pike said the water plan would fail.",
           "Governor Ann Pike told reporters at the assembly that the plan was doomed.", CB_KIND_ROLE);
}

/* Vote tallies: digits, "to", number words; a game score is none; the text need not end in
 * a NUL (a number at the very end was read past it, found by fuzz_frames). */
static void test_tallies(void) {
  cb_arena *a = cb_arena_new(0);
  const char *text =
      "The House voted 396-9 on Tuesday. The bill passed 301 to 112. The board voted six to one. "
      "The home side won 3-1. The committee approved it by a 12-to-7 vote.";
  cb_tally *t;
  size_t n = cb_tally_extract(a, text, strlen(text), &t);
  CHECK_INT(n, 4);
  if (n == 4) {
    CHECK_INT(t[0].yes, 396);
    CHECK_INT(t[0].no, 9);
    CHECK_INT(t[1].yes, 301);
    CHECK_INT(t[2].yes, 6);
    CHECK_INT(t[2].no, 1);
    CHECK_INT(t[3].yes, 12);
    CHECK_INT(t[3].no, 7);
  }
  const char *tail = "The House voted 396-0";
  char *exact = malloc(strlen(tail)); /* no terminator after the last digit */
  if (exact) {
    memcpy(exact, tail, strlen(tail));
    n = cb_tally_extract(a, exact, strlen(tail), &t);
    CHECK(n == 1 && t[0].yes == 396 && t[0].no == 0);
    free(exact);
  }
  cb_arena_free(a);
}

int main(void) {
  test_tallies();
  test_frame_parts();
  test_measure_relations();
  test_quantity_classes();
  test_date_classes();
  test_role_classes();
  return test_report();
}
