/*
 * test_store_state.c - the store's side of the saved grouping state (schema v3): counters,
 * document frequencies, per-article and per-story state rows written and read back byte
 * for byte, a missing date kept as missing, and clearing.
 */
#include "store/store.h"
#include "core/article.h"
#include "store/migrations.h"
#include "test.h"
#include <stdint.h>
#include <string.h>

static int64_t store_one(cb_store *s, const char *hash, const char *title) {
  cb_article *a = cb_article_new();
  snprintf(a->hash, sizeof a->hash, "%s", hash);
  a->source = "t.txt";
  a->title = title;
  a->body = "Body text.";
  a->body_len = strlen(a->body);
  a->original = a->body;
  a->original_len = a->body_len;
  int64_t id = 0;
  int added = 0;
  cb_error e;
  CHECK_INT(cb_store_put_article(s, a, &id, &added, &e), 0);
  CHECK_INT(added, 1);
  cb_article_free(a);
  return id;
}

typedef struct seen { int n; int64_t id[4]; int has_day[4]; int64_t day[4], outlet[4]; char sig[4][16]; char title[4][32]; } seen;

static int on_state(void *ud, const cb_group_state_row *r) {
  seen *s = ud;
  if (s->n < 4) {
    s->id[s->n] = r->article_id;
    s->has_day[s->n] = r->has_day;
    s->day[s->n] = r->day;
    s->outlet[s->n] = r->outlet;
    memcpy(s->sig[s->n], r->sig, r->sig_len < 16 ? r->sig_len : 16);
    snprintf(s->title[s->n], 32, "%s", r->title ? r->title : "");
  }
  s->n++;
  return 0;
}

typedef struct story_seen { int n; double norm; size_t len; int has_span; int64_t first; } story_seen;

static int on_story(void *ud, const cb_story_state_row *r) {
  story_seen *s = ud;
  s->n++;
  s->norm = r->norm;
  s->len = r->centroid_len;
  s->has_span = r->has_span;
  s->first = r->first;
  return 0;
}

int main(void) {
  cb_store *s;
  cb_error e;
  CHECK_INT(cb_store_open(":memory:", &s, &e), 0);
  int migrations = 0;
  while (cb_migrations[migrations]) migrations++;
  CHECK(migrations >= 5);
  CHECK_INT(cb_store_schema_version(s), migrations);   /* a new store runs every migration */
  int64_t v = 0;
  CHECK_INT(cb_store_group_meta(s, "last", &v, &e), 1);   /* absent */
  CHECK_INT(cb_store_set_group_meta(s, "last", -7, &e), 0);
  CHECK_INT(cb_store_group_meta(s, "last", &v, &e), 0);
  CHECK_INT(v, -7);

  uint32_t df = 99;
  CHECK_INT(cb_store_get_df(s, 0xfedcba9876543210ULL, &df, &e), 1);
  CHECK_INT(df, 0);
  CHECK_INT(cb_store_put_df(s, 0xfedcba9876543210ULL, 42, &e), 0);   /* above INT64_MAX as unsigned */
  CHECK_INT(cb_store_get_df(s, 0xfedcba9876543210ULL, &df, &e), 0);
  CHECK_INT(df, 42);

  int64_t a1 = store_one(s, "h1", "First"), a2 = store_one(s, "h2", NULL);
  CHECK_INT(cb_store_count_articles_upto(s, a1), 1);
  CHECK_INT(cb_store_begin(s, &e), 0);
  cb_story_state_row st = {1, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c", 12, 0.75, 1, 20000, 20003};
  CHECK_INT(cb_store_put_story_state(s, &st, &e), 0);
  cb_story_row sr = {1, "Headline", "2024-10-04", "2024-10-07", 2, 1, 1};
  CHECK_INT(cb_store_put_story(s, &sr, &e), 0);
  sr.articles = 3;
  CHECK_INT(cb_store_put_story(s, &sr, &e), 0);   /* replaced, not added */
  uint32_t sig1[3] = {1, 2, 3}, sig2[3] = {4, 5, 6};
  uint64_t terms[2] = {11, 12};
  cb_group_state_row r1 = {a1, sig1, sizeof sig1, terms, sizeof terms, 30, 0, -1, 1, 1, 20000, "First", 77};
  cb_group_state_row r2 = {a2, sig2, sizeof sig2, NULL, 0, 0, 0, 0, 1, 0, 0, NULL, 0};
  CHECK_INT(cb_store_put_group_state(s, &r1, &e), 0);
  CHECK_INT(cb_store_put_group_state(s, &r2, &e), 0);
  cb_group_row g1 = {a1, 1, 0, 0}, g2 = {a2, 1, a1, 0.9};
  CHECK_INT(cb_store_put_group(s, &g1, &e), 0);
  CHECK_INT(cb_store_put_group(s, &g2, &e), 0);
  CHECK_INT(cb_store_set_group_parent(s, a1, 1, &e), 0);
  CHECK_INT(cb_store_commit(s, &e), 0);

  CHECK_INT(cb_store_count_group_states(s), 2);
  seen sn = {0};
  CHECK_INT(cb_store_each_group_state(s, on_state, &sn, &e), 0);
  CHECK_INT(sn.n, 2);
  CHECK_INT(sn.id[0], a1);
  CHECK(memcmp(sn.sig[0], sig1, sizeof sig1) == 0);
  CHECK(memcmp(sn.sig[1], sig2, sizeof sig2) == 0);
  CHECK_INT(sn.has_day[0], 1);
  CHECK_INT(sn.day[0], 20000);
  CHECK_INT(sn.has_day[1], 0);
  CHECK_INT(sn.outlet[0], 77);
  CHECK_INT(sn.outlet[1], 0);
  CHECK_STR(sn.title[0], "First");
  story_seen ss = {0};
  CHECK_INT(cb_store_each_story_state(s, on_story, &ss, &e), 0);
  CHECK_INT(ss.n, 1);
  CHECK(ss.norm == 0.75);
  CHECK_INT(ss.len, 12);
  CHECK_INT(ss.first, 20000);

  CHECK_INT(cb_store_clear_groups(s, &e), 0);
  CHECK_INT(cb_store_count_group_states(s), 0);
  CHECK_INT(cb_store_group_meta(s, "last", &v, &e), 1);
  CHECK_INT(cb_store_get_df(s, 0xfedcba9876543210ULL, &df, &e), 1);
  cb_store_close(s);
  return test_report();
}
