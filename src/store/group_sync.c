/*
 * group_sync.c - restoring the grouping engine from the store's saved state and writing
 * back what an ingest changed (see group_sync.h). Counters in group_meta: "fingerprint"
 * (options and format), "articles" (state rows), "last" (last article id), "ndocs".
 */
#include "store/group_sync.h"
#include <stdlib.h>
#include <string.h>

static int oom(cb_error *e) {
  cb_error_set(e, CB_ENOMEM, "", 0, "out of memory grouping articles");
  return CB_ENOMEM;
}

static int64_t meta_or(cb_store *s, const char *key, int64_t dflt) {
  int64_t v = 0;
  return cb_store_group_meta(s, key, &v, NULL) == 0 ? v : dflt;
}

static int usable_meta(cb_store *s) {
  return meta_or(s, "fingerprint", 0) == (int64_t)cb_group_state_fingerprint(NULL) && meta_or(s, "articles", -1) >= 0;
}

int cb_group_sync_pending(cb_store *s) {
  return !usable_meta(s) || cb_store_max_id(s) != meta_or(s, "last", -1);
}

int cb_group_sync_added(cb_group_sync *gs, int64_t id) {
  if (gs->n == gs->cap) {
    size_t cap = gs->cap ? gs->cap * 2 : 1024;
    int64_t *v = realloc(gs->ids, cap * sizeof *v);
    if (!v) return -1;
    gs->ids = v;
    gs->cap = cap;
  }
  gs->ids[gs->n++] = id;
  return 0;
}

/* ---- restoring ------------------------------------------------------------------------ */
typedef struct restore_run { cb_group_sync *gs; int bad; } restore_run;

static int restore_story(void *ud, const cb_story_state_row *r) {
  restore_run *run = ud;
  cb_group_story_state st = {r->centroid, r->centroid_len, r->norm,
                             r->has_span ? (int32_t)r->first : CB_GROUP_NO_DAY,
                             r->has_span ? (int32_t)r->last : CB_GROUP_NO_DAY};
  if (r->id != (int64_t)cb_grouper_nstories(run->gs->g) + 1 || cb_grouper_restore_story(run->gs->g, &st))
    run->bad = 1;
  return run->bad;
}

static int restore_article(void *ud, const cb_group_state_row *r) {
  restore_run *run = ud;
  cb_group_sync *gs = run->gs;
  int in_range = r->parent >= 0 && r->parent <= UINT32_MAX && r->story >= 1 && r->story <= UINT32_MAX &&
                 r->match >= -1 && r->match <= INT32_MAX && r->shingles >= 0 && r->shingles <= UINT32_MAX &&
                 (!r->has_day || (r->day > INT32_MIN && r->day <= INT32_MAX));
  cb_group_article_state a = {r->sig, r->sig_len, r->terms, r->terms_len, (uint32_t)r->shingles,
                              r->has_day ? (int32_t)r->day : CB_GROUP_NO_DAY, (uint32_t)r->parent,
                              (int32_t)r->match, (uint32_t)(r->story - 1), r->title, (uint64_t)r->outlet};
  if (!in_range || cb_grouper_restore_article(gs->g, &a) || cb_group_sync_added(gs, r->article_id)) run->bad = 1;
  return run->bad;
}

/* What the restored engine looked like, to tell later what changed. */
static int remember_start(cb_group_sync *gs) {
  cb_grouper *g = gs->g;
  gs->n0 = gs->n;
  gs->nstories0 = cb_grouper_nstories(g);
  gs->parent0 = malloc((gs->n0 + 1) * sizeof *gs->parent0);
  gs->root0 = malloc((gs->n0 + 1) * sizeof *gs->root0);
  gs->size0 = malloc((gs->nstories0 + 1) * sizeof *gs->size0);
  if (!gs->parent0 || !gs->root0 || !gs->size0) return -1;
  for (size_t i = 0; i < gs->n0; i++) {
    double sim;
    long d = cb_grouper_duplicate_of(g, i, &sim, NULL);
    gs->parent0[i] = cb_grouper_parent(g, i);
    gs->root0[i] = d >= 0 ? (uint32_t)d : (uint32_t)i;
  }
  for (size_t id = 0; id < gs->nstories0; id++) {
    size_t k;
    cb_grouper_story_members(g, id, &k);
    gs->size0[id] = (uint32_t)k;
  }
  return 0;
}

static void reset(cb_group_sync *gs) {
  cb_grouper_free(gs->g);
  free(gs->ids);
  free(gs->parent0);
  free(gs->root0);
  free(gs->size0);
  memset(gs, 0, sizeof *gs);
}

void cb_group_sync_free(cb_group_sync *gs) { reset(gs); }

/* Restores the saved state; 1 if it cannot be used (the caller rebuilds), else 0 or an error. */
static int restore(cb_store *s, cb_group_sync *gs, cb_error *e) {
  if (!usable_meta(s)) return 1;
  restore_run run = {gs, 0};
  int rc = cb_store_each_story_state(s, restore_story, &run, e);
  if (!rc && !run.bad) rc = cb_store_each_group_state(s, restore_article, &run, e);
  if (rc) return rc;
  int64_t ndocs = meta_or(s, "ndocs", -1);
  if (run.bad || cb_grouper_restore_done(gs->g) || (int64_t)gs->n != meta_or(s, "articles", -1) ||
      ndocs < 0 || ndocs > UINT32_MAX || (gs->n && gs->ids[gs->n - 1] != meta_or(s, "last", -1)))
    return 1;
  cb_grouper_ndocs_set(gs->g, (uint32_t)ndocs);
  gs->last_id = gs->n ? gs->ids[gs->n - 1] : 0;
  return 0;
}

int cb_group_sync_open(cb_store *s, cb_group_sync *gs, cb_error *e) {
  memset(gs, 0, sizeof *gs);
  if (!(gs->g = cb_grouper_new(NULL))) return oom(e);
  int rc = restore(s, gs, e);
  if (rc == 1) {   /* no usable state: start from nothing */
    reset(gs);
    if (!(gs->g = cb_grouper_new(NULL))) return oom(e);
    gs->rebuilt = 1;
    rc = cb_store_clear_groups(s, e);
  }
  if (rc) { reset(gs); return rc; }
  cb_grouper_keep(gs->g);
  if (remember_start(gs)) { reset(gs); return oom(e); }
  return 0;
}

/* ---- document frequencies, read only for the terms new articles bring ----------------- */
typedef struct prefetch_run { cb_store *s; cb_grouper *g; cb_error *e; int rc; } prefetch_run;

static void prefetch_term(void *ud, uint64_t term) {
  prefetch_run *run = ud;
  if (run->rc || cb_grouper_df_known(run->g, term)) return;
  uint32_t df = 0;
  int r = cb_store_get_df(run->s, term, &df, run->e);
  if (r == CB_ESTORE) { run->rc = r; return; }
  if (cb_grouper_df_set(run->g, term, df)) run->rc = oom(run->e);
}

int cb_group_sync_prefetch(cb_store *s, cb_group_sync *gs, const cb_group_prep *p, cb_error *e) {
  if (gs->rebuilt || !p) return 0;   /* a rebuild counts every term itself */
  prefetch_run run = {s, gs->g, e, 0};
  if (cb_group_prep_terms(p, prefetch_term, &run)) return oom(e);
  return run.rc;
}

/* ---- saving ---------------------------------------------------------------------------- */
static int save_article(cb_store *s, cb_group_sync *gs, size_t i, cb_error *e) {
  cb_group_article_state a;
  if (cb_grouper_article_state(gs->g, i, &a)) return oom(e);
  cb_group_state_row r = {gs->ids[i], a.sig, a.sig_len, a.terms, a.terms_len, a.shingles, a.parent, a.match,
                          (int64_t)a.story + 1, a.day != CB_GROUP_NO_DAY, a.day, a.title, (int64_t)a.outlet};
  return cb_store_put_group_state(s, &r, e);
}

static int save_group(cb_store *s, cb_group_sync *gs, size_t i, cb_error *e) {
  double sim = 0, cont = 0;
  long d = cb_grouper_duplicate_of(gs->g, i, &sim, &cont);
  cb_group_row r = {gs->ids[i], (int64_t)cb_grouper_story_of(gs->g, i) + 1, d >= 0 ? gs->ids[d] : 0,
                    sim > cont ? sim : cont};
  return cb_store_put_group(s, &r, e);
}

static int save_story(cb_store *s, cb_group_sync *gs, size_t id, cb_error *e) {
  cb_story_info info;
  cb_group_story_state st;
  void *buf = NULL;
  if (cb_grouper_story(gs->g, id, &info) || cb_grouper_story_state(gs->g, id, &st, &buf)) return oom(e);
  cb_story_state_row sr = {(int64_t)id + 1, st.centroid, st.centroid_len, st.norm,
                           st.first != CB_GROUP_NO_DAY && st.last != CB_GROUP_NO_DAY, st.first, st.last};
  cb_story_row r = {(int64_t)id + 1, info.headline, info.first, info.last, (long)info.articles, (long)info.outlets,
                    (long)info.duplicates};
  int rc = cb_store_put_story_state(s, &sr, e);
  if (!rc) rc = cb_store_put_story(s, &r, e);
  free(buf);
  return rc;
}

/* An older article whose copy-group parent or original changed. */
static int save_older(cb_store *s, cb_group_sync *gs, size_t i, cb_error *e) {
  int rc = 0;
  if (cb_grouper_parent(gs->g, i) != gs->parent0[i])
    rc = cb_store_set_group_parent(s, gs->ids[i], cb_grouper_parent(gs->g, i), e);
  long d = cb_grouper_duplicate_of(gs->g, i, NULL, NULL);
  if (!rc && (d >= 0 ? (uint32_t)d : (uint32_t)i) != gs->root0[i]) rc = save_group(s, gs, i, e);
  return rc;
}

typedef struct df_save { cb_store *s; cb_error *e; int rc; } df_save;

static void save_df(void *ud, uint64_t term, uint32_t df) {
  df_save *d = ud;
  if (!d->rc) d->rc = cb_store_put_df(d->s, term, df, d->e);
}

static int save_meta(cb_store *s, cb_group_sync *gs, cb_error *e) {
  int rc = cb_store_set_group_meta(s, "fingerprint", (int64_t)cb_group_state_fingerprint(NULL), e);
  if (!rc) rc = cb_store_set_group_meta(s, "articles", (int64_t)gs->n, e);
  if (!rc) rc = cb_store_set_group_meta(s, "last", gs->n ? gs->ids[gs->n - 1] : 0, e);
  if (!rc) rc = cb_store_set_group_meta(s, "ndocs", cb_grouper_ndocs(gs->g), e);
  return rc;
}

int cb_group_sync_save(cb_store *s, cb_group_sync *gs, cb_error *e) {
  int rc = 0;
  size_t ns = cb_grouper_nstories(gs->g);
  for (size_t id = 0; !rc && id < ns; id++) {   /* stories first: the groups refer to them */
    size_t k;
    cb_grouper_story_members(gs->g, id, &k);
    if (id >= gs->nstories0 || k != gs->size0[id]) rc = save_story(s, gs, id, e);
  }
  for (size_t i = gs->n0; !rc && i < gs->n; i++) {
    rc = save_article(s, gs, i, e);
    if (!rc) rc = save_group(s, gs, i, e);
  }
  if (gs->n > gs->n0)   /* older articles change only when newer ones join their copy group */
    for (size_t i = 0; !rc && i < gs->n0; i++) rc = save_older(s, gs, i, e);
  df_save d = {s, e, 0};
  if (!rc) cb_grouper_df_changed_each(gs->g, save_df, &d);
  if (!rc) rc = d.rc;
  if (!rc) rc = save_meta(s, gs, e);
  return rc;
}
