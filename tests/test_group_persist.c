/*
 * test_group_persist.c - the grouping engine's saved state (src/group/persist.h): an engine
 * restored from the state of the first K articles and given the rest decides exactly what
 * one engine given all of them decides (stories, originals, similarities, story rows), on
 * BASIL texts plus late copies dated before their originals; state that does not fit is
 * refused.
 */
#include "group/persist.h"
#include "test.h"
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "basil.h"

typedef basil doc;

#define MAXDOCS 180

static size_t load_docs(doc *v) {
  size_t n = basil_load(v, 150);
  if (!n) return 0;
  /* late copies of every fifth text, dated a year earlier: they become their originals'
   * originals, so older articles' decisions change after they were saved */
  for (size_t i = 0; i < 150 && n < MAXDOCS; i += 5, n++) {
    size_t len = strlen(v[i].text);
    v[n].text = malloc(len + 32);
    snprintf(v[n].text, len + 32, "Wire copy. %s", v[i].text);
    v[n].title = strdup(v[i].title);
    v[n].published = strdup(v[i].published);
    v[n].published[3] = (char)(v[n].published[3] == '0' ? '9' : v[n].published[3] - 1);
    v[n].outlet = strdup("Wire");
    v[n].event = NULL;
  }
  return n;
}

static void add_doc(cb_grouper *g, const doc *d) {
  cb_group_doc gd = {d->title, d->text, strlen(d->text), d->published, d->outlet};
  CHECK(cb_grouper_add(g, &gd) >= 0);
}

/* The saved state of an engine, copied out as a store would keep it. */
typedef struct saved {
  cb_group_article_state *a; void **abuf;
  cb_group_story_state *s; void **sbuf;
  size_t na, ns;
  uint64_t *terms; uint32_t *dfs; size_t nterms, cap;
  uint32_t ndocs;
} saved;

static void *copy_bytes(const void *p, size_t n) {
  void *c = malloc(n ? n : 1);
  if (n) memcpy(c, p, n);
  return c;
}

static void keep_df(void *ud, uint64_t term, uint32_t df) {
  saved *sv = ud;
  if (sv->nterms == sv->cap) {
    sv->cap = sv->cap ? sv->cap * 2 : 1024;
    sv->terms = realloc(sv->terms, sv->cap * sizeof *sv->terms);
    sv->dfs = realloc(sv->dfs, sv->cap * sizeof *sv->dfs);
  }
  sv->terms[sv->nterms] = term;
  sv->dfs[sv->nterms++] = df;
}

static void save(const cb_grouper *g, const doc *v, saved *sv) {
  memset(sv, 0, sizeof *sv);
  sv->na = cb_grouper_count(g);
  sv->ns = cb_grouper_nstories(g);
  sv->a = calloc(sv->na + 1, sizeof *sv->a);
  sv->abuf = calloc(2 * sv->na + 1, sizeof *sv->abuf);
  sv->s = calloc(sv->ns + 1, sizeof *sv->s);
  sv->sbuf = calloc(sv->ns + 1, sizeof *sv->sbuf);
  for (size_t i = 0; i < sv->na; i++) {
    CHECK_INT(cb_grouper_article_state(g, i, &sv->a[i]), 0);
    sv->a[i].sig = sv->abuf[2 * i] = copy_bytes(sv->a[i].sig, sv->a[i].sig_len);
    sv->a[i].terms = sv->abuf[2 * i + 1] = copy_bytes(sv->a[i].terms, sv->a[i].terms_len);
    CHECK_STR(sv->a[i].title, v[i].title);
    CHECK(sv->a[i].outlet != 0);
    sv->a[i].title = v[i].title;   /* the engine's copy goes with the engine */
  }
  for (size_t id = 0; id < sv->ns; id++) CHECK_INT(cb_grouper_story_state(g, id, &sv->s[id], &sv->sbuf[id]), 0);
  cb_grouper_df_changed_each(g, keep_df, sv);
  sv->ndocs = cb_grouper_ndocs(g);
}

static void saved_free(saved *sv) {
  for (size_t i = 0; i < 2 * sv->na; i++) free(sv->abuf[i]);
  for (size_t i = 0; i < sv->ns; i++) free(sv->sbuf[i]);
  free(sv->a); free(sv->abuf); free(sv->s); free(sv->sbuf); free(sv->terms); free(sv->dfs);
}

static cb_grouper *restore(const saved *sv) {
  cb_grouper *g = cb_grouper_new(NULL);
  int bad = 0;
  for (size_t id = 0; id < sv->ns; id++) bad |= cb_grouper_restore_story(g, &sv->s[id]);
  for (size_t i = 0; i < sv->na; i++) bad |= cb_grouper_restore_article(g, &sv->a[i]);
  for (size_t t = 0; t < sv->nterms; t++) bad |= cb_grouper_df_set(g, sv->terms[t], sv->dfs[t]);
  cb_grouper_ndocs_set(g, sv->ndocs);
  bad |= cb_grouper_restore_done(g);
  CHECK_INT(bad, 0);
  cb_grouper_keep(g);
  return g;
}

static int same_decisions(const cb_grouper *x, const cb_grouper *y) {
  if (cb_grouper_count(x) != cb_grouper_count(y) || cb_grouper_nstories(x) != cb_grouper_nstories(y)) return 0;
  for (size_t i = 0; i < cb_grouper_count(x); i++) {
    double sx, sy, cx, cy;
    if (cb_grouper_story_of(x, i) != cb_grouper_story_of(y, i) ||
        cb_grouper_duplicate_of(x, i, &sx, &cx) != cb_grouper_duplicate_of(y, i, &sy, &cy) || sx != sy || cx != cy)
      return 0;
  }
  for (size_t id = 0; id < cb_grouper_nstories(x); id++) {
    cb_story_info a, b;
    cb_grouper_story(x, id, &a);
    cb_grouper_story(y, id, &b);
    if (a.articles != b.articles || a.outlets != b.outlets || a.duplicates != b.duplicates ||
        strcmp(a.first, b.first) || strcmp(a.last, b.last) || (a.headline != NULL) != (b.headline != NULL) ||
        (a.headline && strcmp(a.headline, b.headline)))
      return 0;
  }
  return 1;
}

/* Saved after K, restored, given the rest == given all at once; twice over (K1, then K2). */
static void test_continue(doc *v, size_t n) {
  cb_grouper *whole = cb_grouper_new(NULL);
  cb_grouper_keep(whole);   /* keeping changes nothing decided */
  for (size_t i = 0; i < n; i++) add_doc(whole, &v[i]);
  size_t copies = 0;
  for (size_t i = 0; i < n; i++) copies += cb_grouper_duplicate_of(whole, i, NULL, NULL) >= 0;
  CHECK(copies >= 25);
  size_t cuts[][2] = {{1, 2}, {40, 170}, {100, 150}, {149, 179}};
  for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
    cb_grouper *g = cb_grouper_new(NULL);
    cb_grouper_keep(g);
    for (size_t i = 0; i < cuts[c][0]; i++) add_doc(g, &v[i]);
    saved s1, s2;
    save(g, v, &s1);
    cb_grouper_free(g);
    g = restore(&s1);
    for (size_t i = cuts[c][0]; i < cuts[c][1]; i++) add_doc(g, &v[i]);
    save(g, v, &s2);   /* a second save holds the terms of the articles added since the first */
    for (size_t i = 0; i < cuts[c][0]; i++) s2.a[i].terms = s1.a[i].terms, s2.a[i].terms_len = s1.a[i].terms_len;
    /* document frequencies: the first save's, updated by what changed since */
    saved merged = s2;
    merged.terms = NULL; merged.dfs = NULL; merged.nterms = merged.cap = 0;
    for (size_t t = 0; t < s1.nterms; t++) keep_df(&merged, s1.terms[t], s1.dfs[t]);
    for (size_t t = 0; t < s2.nterms; t++) keep_df(&merged, s2.terms[t], s2.dfs[t]);
    cb_grouper_free(g);
    g = restore(&merged);
    for (size_t i = cuts[c][1]; i < n; i++) add_doc(g, &v[i]);
    CHECK(same_decisions(whole, g));
    free(merged.terms); free(merged.dfs);
    saved_free(&s1);
    saved_free(&s2);
    cb_grouper_free(g);
  }
  cb_grouper_free(whole);
}

/* State that does not fit the engine is refused, never trusted. */
static void test_refuse(doc *v) {
  cb_grouper *g = cb_grouper_new(NULL);
  cb_grouper_keep(g);
  for (size_t i = 0; i < 6; i++) add_doc(g, &v[i]);
  saved s;
  save(g, v, &s);
  cb_grouper_free(g);
  cb_group_article_state a = s.a[0];
  cb_grouper *h = cb_grouper_new(NULL);
  for (size_t id = 0; id < s.ns; id++) CHECK_INT(cb_grouper_restore_story(h, &s.s[id]), 0);
  a.sig_len -= 4;
  CHECK_INT(cb_grouper_restore_article(h, &a), -1);        /* short signature */
  a = s.a[0]; a.story = (uint32_t)s.ns;
  CHECK_INT(cb_grouper_restore_article(h, &a), -1);        /* no such story */
  a = s.a[0]; a.terms_len = 21 * 8;
  CHECK_INT(cb_grouper_restore_article(h, &a), -1);        /* too many terms */
  a = s.a[0]; a.match = 3;
  CHECK_INT(cb_grouper_restore_article(h, &a), -1);        /* matched a later article */
  a = s.a[0]; a.parent = 1;
  CHECK_INT(cb_grouper_restore_article(h, &a), 0);
  a = s.a[1]; a.parent = 0;
  CHECK_INT(cb_grouper_restore_article(h, &a), 0);
  CHECK_INT(cb_grouper_restore_done(h), -1);              /* 0 -> 1 -> 0: a cycle */
  cb_grouper_free(h);
  h = cb_grouper_new(NULL);
  cb_group_story_state st = s.s[0];
  st.centroid_len = 13;
  CHECK_INT(cb_grouper_restore_story(h, &st), -1);         /* not whole records */
  cb_grouper_free(h);
  cb_group_opts o;
  cb_group_opts_default(&o);
  CHECK(cb_group_state_fingerprint(&o) == cb_group_state_fingerprint(NULL));
  o.story_threshold = 0.2;
  CHECK(cb_group_state_fingerprint(&o) != cb_group_state_fingerprint(NULL));
  saved_free(&s);
}

int main(void) {
  static doc v[MAXDOCS];
  size_t n = load_docs(v);
  CHECK_INT(n, MAXDOCS);
  if (n == MAXDOCS) {
    test_continue(v, n);
    test_refuse(v);
  }
  basil_free(v, n);
  return test_report();
}
