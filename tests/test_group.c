/*
 * test_group.c - the grouping engine: words and stems, MinHash estimates, near-duplicates
 * (a copy with two extra paragraphs, the earliest copy as the original, unrelated texts
 * apart), stories on real BASIL articles (same-event articles together, the time window,
 * headlines), adding in two steps equals adding at once, re-adding changes no story, the
 * clustering scores, and junk bytes.
 */
#include "test.h"
#include "group/group.h"
#include "group/minhash.h"
#include "group/score.h"
#include "group/words.h"
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include "basil.h"

static void test_words(void) {
  cb_words ws;
  cb_words_init(&ws);
  const char *s = "The talks with Maduro\xe2\x80\x99s envoys ended. Obama's aides said the talks failed.";
  CHECK_INT(cb_words_add(&ws, s, strlen(s), 0), 0);
  CHECK_INT(ws.n, 12);
  if (ws.n == 12) {
    CHECK(ws.w[0].flags & CB_W_STOP);                  /* "The" */
    CHECK(!(ws.w[0].flags & CB_W_ENTITY));
    CHECK(ws.w[3].flags & CB_W_ENTITY);                /* "Maduro's" inside a sentence */
    CHECK(ws.w[3].key == cb_word_key("maduro", 6));    /* curly possessive stripped */
    CHECK(ws.w[1].key == ws.w[10].key);                /* "talks" twice */
    CHECK(ws.w[1].key == cb_word_key("talk", 4));      /* plural stemmed */
    CHECK(!(ws.w[6].flags & CB_W_ENTITY));             /* "Obama's" opens a sentence */
  }
  cb_words_free(&ws);
}

static const char *para[] = {
  "The city council voted on Tuesday to close the old river bridge after engineers found deep cracks in two of its supports.",
  "Traffic will be sent over the northern ring road for at least six months while the county looks for money to repair the span.",
  "Shop owners near the bridge said they feared losing customers, and several asked the council for help with their rents.",
  "The mayor promised a temporary footbridge for pedestrians and cyclists within three weeks, paid for from the emergency fund.",
  "Inspectors first raised concerns about the bridge four years ago, but repairs were postponed twice because of budget cuts.",
};
static const char *extra[] = {
  "In other news, the regional football club announced a new coach who previously led a team in the second division abroad.",
  "Weather forecasters expect heavy rain over the weekend, with a chance of local flooding in the low parts of the valley.",
};
static const char *other =
  "A new exhibition of medieval manuscripts opened at the national library, showing illuminated gospels, maps of the known "
  "world and a herbal with hand-painted plants. Curators spent two years restoring the bindings, and the show travels to "
  "three other cities next spring before the books return to the vaults.";

static char *join(const char **p, size_t n, const char **pre, size_t npre) {
  static char buf[8][4096];
  static int k;
  char *b = buf[k++ % 8];
  b[0] = 0;
  for (size_t i = 0; i < npre; i++) { strcat(b, pre[i]); strcat(b, "\n\n"); }
  for (size_t i = 0; i < n; i++) { strcat(b, p[i]); if (i + 1 < n) strcat(b, "\n\n"); }
  return b;
}

static long add(cb_grouper *g, const char *title, const char *body, const char *date, const char *outlet) {
  cb_group_doc d = {title, body, strlen(body), date, outlet};
  return cb_grouper_add(g, &d);
}

static void test_minhash(void) {
  cb_words a, b;
  cb_words_init(&a); cb_words_init(&b);
  const char *x = join(para, 5, NULL, 0);
  cb_words_add(&a, x, strlen(x), 0);
  cb_words_add(&b, other, strlen(other), 0);
  uint32_t s1[128], s2[128], s3[128], n1, n2, n3;
  cb_minhash_sign(a.w, a.n, 3, 128, s1, &n1);
  cb_minhash_sign(a.w, a.n, 3, 128, s2, &n2);
  cb_minhash_sign(b.w, b.n, 3, 128, s3, &n3);
  CHECK(cb_minhash_jaccard(s1, s2, 128) == 1.0);
  CHECK(cb_minhash_jaccard(s1, s3, 128) < 0.1);
  CHECK(n1 > 80 && n1 <= a.n);
  cb_words_free(&a); cb_words_free(&b);
}

static void test_duplicates(void) {
  cb_grouper *g = cb_grouper_new(NULL);
  long a = add(g, "Bridge closed", join(para, 5, NULL, 0), "2025-03-02", "Daily One");
  long b = add(g, "Council shuts bridge", join(para, 5, extra, 2), "2025-03-03", "Wire Two");   /* A plus two paragraphs */
  long c = add(g, "Manuscripts on show", other, "2025-03-02", "Daily One");
  long d = add(g, "Bridge closed (early)", join(para, 4, NULL, 0), "2025-03-01", "Paper Three");  /* trimmed, earlier */
  double sim = 0, cont = 0;
  CHECK(a == 0 && b == 1 && c == 2 && d == 3);
  CHECK_INT(cb_grouper_duplicate_of(g, (size_t)c, NULL, NULL), -1);
  /* the earliest published copy is the original of them all */
  CHECK_INT(cb_grouper_duplicate_of(g, (size_t)d, NULL, NULL), -1);
  CHECK_INT(cb_grouper_duplicate_of(g, (size_t)a, &sim, &cont), d);
  CHECK(sim > 0.6 && cont > 0.9);
  CHECK_INT(cb_grouper_duplicate_of(g, (size_t)b, &sim, &cont), d);
  CHECK(cont > 0.8);
  /* copies share their original's story; the unrelated text has its own */
  CHECK_INT(cb_grouper_story_of(g, (size_t)b), cb_grouper_story_of(g, (size_t)a));
  CHECK_INT(cb_grouper_story_of(g, (size_t)d), cb_grouper_story_of(g, (size_t)a));
  CHECK(cb_grouper_story_of(g, (size_t)c) != cb_grouper_story_of(g, (size_t)a));
  cb_story_info si;
  CHECK_INT(cb_grouper_story(g, (size_t)cb_grouper_story_of(g, (size_t)a), &si), 0);
  CHECK_INT(si.articles, 3);
  CHECK_INT(si.duplicates, 2);
  CHECK_INT(si.outlets, 3);
  CHECK_STR(si.first, "2025-03-01");
  CHECK_STR(si.last, "2025-03-03");
  cb_grouper_free(g);
}


static long add_basil(cb_grouper *g, const basil *b) { return add(g, b->title, b->text, b->published, b->outlet); }

/* 1 if the stories of g1 (articles 0..n) and g2 are the same partition, up to ids. */
static int same_partition(const cb_grouper *g1, const cb_grouper *g2, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      int s1 = cb_grouper_story_of(g1, i) == cb_grouper_story_of(g1, j);
      int s2 = cb_grouper_story_of(g2, i) == cb_grouper_story_of(g2, j);
      if (s1 != s2) return 0;
    }
  return 1;
}

static void test_stories(void) {
  static basil v[200];
  size_t n = basil_load(v, 200);
  CHECK_INT(n, 150);
  if (n < 150) return;
  /* events: the first 30 records are 10 events x 3 outlets */
  cb_grouper *g = cb_grouper_new(NULL);
  for (size_t i = 0; i < 30; i++) add_basil(g, &v[i]);
  int together = 0, apart = 0;
  for (size_t i = 0; i < 30; i++)
    for (size_t j = i + 1; j < 30; j++) {
      int same_gold = strcmp(v[i].event, v[j].event) == 0;
      int same = cb_grouper_story_of(g, i) == cb_grouper_story_of(g, j);
      if (same_gold && same) together++;
      if (!same_gold && !same) apart++;
    }
  CHECK(together >= 26);           /* of 30 same-event pairs */
  CHECK(apart >= 400);             /* of the 405 different-event pairs */
  cb_story_info si;
  cb_grouper_story(g, (size_t)cb_grouper_story_of(g, 0), &si);
  CHECK(si.headline != NULL);
  CHECK(si.outlets >= 2);
  /* adding A then B equals adding A+B: the state after A is all B sees */
  cb_grouper *g2 = cb_grouper_new(NULL);
  for (size_t i = 0; i < 30; i++) add_basil(g2, &v[i]);
  CHECK(same_partition(g, g2, 30));
  for (size_t i = 30; i < 150; i++) { add_basil(g, &v[i]); }
  cb_grouper *g3 = cb_grouper_new(NULL);
  for (size_t i = 0; i < 150; i++) add_basil(g3, &v[i]);
  CHECK(same_partition(g, g3, 150));
  CHECK_INT(cb_grouper_nstories(g), cb_grouper_nstories(g3));
  /* adding the same articles again changes no story: each is a copy of its first self */
  size_t before = cb_grouper_nstories(g3);
  int all_copies = 1;
  for (size_t i = 0; i < 150; i++) {
    long k = add_basil(g3, &v[i]);
    if (cb_grouper_duplicate_of(g3, (size_t)k, NULL, NULL) != (long)i) all_copies = 0;
    if (cb_grouper_story_of(g3, (size_t)k) != cb_grouper_story_of(g3, i)) all_copies = 0;
  }
  CHECK(all_copies);
  CHECK_INT(cb_grouper_nstories(g3), before);
  cb_grouper_free(g); cb_grouper_free(g2); cb_grouper_free(g3);
  /* the time window: the same event two months later is another story */
  cb_group_opts o;
  cb_group_opts_default(&o);
  g = cb_grouper_new(&o);
  add(g, v[0].title, v[0].text, "2010-07-02", v[0].outlet);
  add(g, v[1].title, v[1].text, "2010-09-04", v[1].outlet);
  CHECK(cb_grouper_story_of(g, 0) != cb_grouper_story_of(g, 1));
  cb_grouper_free(g);
  o.window_days = -1;
  o.max_span_days = -1;
  g = cb_grouper_new(&o);
  add(g, v[0].title, v[0].text, "2010-07-02", v[0].outlet);
  add(g, v[1].title, v[1].text, "2010-09-04", v[1].outlet);
  CHECK(cb_grouper_story_of(g, 0) == cb_grouper_story_of(g, 1));
  cb_grouper_free(g);
  basil_free(v, n);
}

/* A subject written about every day for three months, each day in new sentences: with the
 * span bounded no story stretches past it (the subject is a run of stories); unbounded, each
 * day joins the story of the days before and one story chains across the months. */
static void add_daily(cb_grouper *g, int days) {
  static const char *words[] = {"flood", "river", "Kasenda", "rescue", "boats", "village", "rain", "water",
                                "families", "shelter", "levee", "evacuated", "homes", "valley", "crews",
                                "damage", "roads", "bridge", "council", "relief"};
  unsigned seed = 12345;
  char text[8192], title[64], date[32];
  for (int d = 0; d < days; d++) {
    size_t n = 0;
    for (int w = 0; w < 300 && n < sizeof text - 32; w++) {
      seed = seed * 1103515245u + 12345u;
      n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", words[(seed >> 16) % 20], w % 12 == 11 ? ". " : " ");
    }
    snprintf(title, sizeof title, "Kasenda flood, day %d", d + 1);
    snprintf(date, sizeof date, "2026-%02d-%02d", 1 + d / 28, 1 + d % 28);
    add(g, title, text, date, d % 2 ? "Daily Ledger" : "Evening Post");
  }
}

static int longest_span(const cb_grouper *g) {
  int longest = 0;
  for (size_t s = 0; s < cb_grouper_nstories(g); s++) {
    cb_story_info info;
    if (cb_grouper_story(g, s, &info) || !info.first[0]) continue;
    int a = cb_day_number(info.first), b = cb_day_number(info.last);
    if (b - a > longest) longest = b - a;
  }
  return longest;
}

static void test_story_span(void) {
  cb_group_opts o;
  cb_group_opts_default(&o);
  CHECK_INT(o.max_span_days, 30);
  cb_grouper *g = cb_grouper_new(&o);
  add_daily(g, 84);
  CHECK(longest_span(g) <= 30);
  CHECK(longest_span(g) >= 20);            /* the days still make stories, not one a day */
  CHECK(cb_grouper_nstories(g) >= 3);
  CHECK(cb_grouper_nstories(g) <= 6);
  cb_grouper_free(g);
  o.max_span_days = -1;
  g = cb_grouper_new(&o);
  add_daily(g, 84);
  CHECK_INT(cb_grouper_nstories(g), 1);    /* chained: each day within 7 days of the last */
  CHECK(longest_span(g) >= 80);
  cb_grouper_free(g);
}

typedef struct prep_job { const basil *v; size_t from, to; cb_group_prep **out; } prep_job;

static void *prepare_range(void *arg) {
  prep_job *j = arg;
  for (size_t i = j->from; i < j->to; i++) {
    cb_group_doc d = {j->v[i].title, j->v[i].text, strlen(j->v[i].text), j->v[i].published, j->v[i].outlet};
    j->out[i] = cb_group_prepare(NULL, &d);
  }
  return NULL;
}

/* Preparing on two threads, then adding in order, gives what adding one by one gives. */
static void test_parallel_prepare(void) {
  static basil v[200];
  size_t n = basil_load(v, 60);
  if (n < 60) return;
  static cb_group_prep *prep[60];
  prep_job a = {v, 0, 30, prep}, b = {v, 30, 60, prep};
  pthread_t ta, tb;
  CHECK(pthread_create(&ta, NULL, prepare_range, &a) == 0);
  CHECK(pthread_create(&tb, NULL, prepare_range, &b) == 0);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  cb_grouper *g1 = cb_grouper_new(NULL), *g2 = cb_grouper_new(NULL);
  for (size_t i = 0; i < 60; i++) {
    CHECK_INT(cb_grouper_add_prepared(g1, prep[i]), (long)i);
    add_basil(g2, &v[i]);
  }
  CHECK(same_partition(g1, g2, 60));
  CHECK_INT(cb_grouper_nstories(g1), cb_grouper_nstories(g2));
  cb_grouper_free(g1);
  cb_grouper_free(g2);
  basil_free(v, n);
}

typedef struct df_copy { cb_grouper *to; long terms, total; } df_copy;

static void copy_df(void *ud, uint64_t term, uint32_t df) {
  df_copy *c = ud;
  c->terms++;
  c->total += df;
  cb_grouper_df_set(c->to, term, df);
}

static void count_df(void *ud, uint64_t term, uint32_t df) {
  df_copy *c = ud;
  c->terms++;
  c->total += df;
  (void)term;
}

/* Document frequencies can be walked and restored (what a store persists). */
static void test_df_persist(void) {
  cb_grouper *g = cb_grouper_new(NULL), *h = cb_grouper_new(NULL);
  add(g, "Bridge closed", join(para, 5, NULL, 0), "2025-03-02", "A");
  add(g, "Manuscripts on show", other, "2025-03-02", "B");
  CHECK_INT(cb_grouper_ndocs(g), 2);
  df_copy c = {h, 0, 0}, d = {NULL, 0, 0};
  cb_grouper_df_each(g, copy_df, &c);
  cb_grouper_ndocs_set(h, cb_grouper_ndocs(g));
  cb_grouper_df_each(h, count_df, &d);
  CHECK(c.terms > 40);
  CHECK_INT(d.terms, c.terms);
  CHECK_INT(d.total, c.total);
  CHECK_INT(cb_grouper_ndocs(h), 2);
  cb_grouper_free(g);
  cb_grouper_free(h);
}

static void test_scores(void) {
  long pred[] = {0, 0, 1}, gold[] = {7, 7, 7};
  cb_cluster_score s;
  CHECK_INT(cb_cluster_score_compute(pred, gold, 3, &s), 0);
  CHECK(s.b3_p == 1.0);
  CHECK(s.b3_r > 0.5555 && s.b3_r < 0.5556);
  CHECK(s.pair_p == 1.0);
  CHECK(s.pair_r > 0.3333 && s.pair_r < 0.3334);
  CHECK_INT(s.predicted, 2);
  CHECK_INT(s.gold, 1);
}

static void test_junk(void) {
  cb_grouper *g = cb_grouper_new(NULL);
  char junk[3000];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) { x = x * 1103515245u + 12345u; junk[i] = (char)(x >> 16); }
  cb_group_doc d = {"\xff\xfe title", junk, sizeof junk, "2025-13-45", ""};
  CHECK_INT(cb_grouper_add(g, &d), 0);
  cb_group_doc e = {NULL, "", 0, NULL, NULL};
  CHECK_INT(cb_grouper_add(g, &e), 1);
  CHECK_INT(cb_grouper_duplicate_of(g, 1, NULL, NULL), -1);
  CHECK_INT(cb_day_number("2025-13-45"), INT32_MIN);
  CHECK_INT(cb_day_number("1970-01-02"), 1);
  char day[11];
  cb_day_format(cb_day_number("2024-02-29"), day);
  CHECK_STR(day, "2024-02-29");
  cb_grouper_free(g);
}

int main(void) {
  test_words();
  test_minhash();
  test_duplicates();
  test_stories();
  test_story_span();
  test_parallel_prepare();
  test_df_persist();
  test_scores();
  test_junk();
  return test_report();
}
