/*
 * persist.c - saving and restoring the grouping engine's state (see persist.h): reading an
 * article's or story's state out, keeping the terms new articles post and the document
 * frequencies they change, and rebuilding the engine from saved state in article order.
 */
#include "group/persist.h"
#include "group/group_impl.h"
#include "group/termvec.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define STATE_FORMAT 2            /* bump when the saved layout or a decision rule changes */
#define CENTROID_RECORD 12        /* 8-byte key, 4-byte weight */
#define MAX_CENTROID (1u << 20)   /* terms; far above what pruning leaves */

uint64_t cb_group_state_fingerprint(const cb_group_opts *o) {
  cb_group_opts def;
  if (!o) { cb_group_opts_default(&def); o = &def; }
  char s[512];
  int n = snprintf(s, sizeof s, "state %d|%d %d %d|%.17g %.17g %d|%.17g %d %d %d %.17g %.17g|%d|%d", STATE_FORMAT,
                   o->shingle_words, o->bands, o->rows, o->dup_jaccard, o->dup_containment, o->dup_min_shingles,
                   o->story_threshold, o->window_days, o->terms_per_article, o->terms_per_story, o->entity_boost,
                   o->title_boost, CB_LOOKUP_TERMS, o->max_span_days);
  return XXH3_64bits(s, n > 0 && (size_t)n < sizeof s ? (size_t)n : 0);
}

void cb_grouper_keep(cb_grouper *g) {
  g->keeping = 1;
  g->keep_from = g->n;
}

int cb_grouper_keep_terms(cb_grouper *g, uint32_t i, const uint64_t *keys, size_t n) {
  if (!g->keeping || i < g->keep_from) return 0;
  size_t k = i - g->keep_from;
  if (k >= g->kept_cap) {
    size_t cap = g->kept_cap ? g->kept_cap * 2 : 256;
    while (cap <= k) cap *= 2;
    uint64_t *t = realloc(g->kept, cap * CB_LOOKUP_TERMS * sizeof *t);
    if (!t) return -1;
    g->kept = t;
    uint8_t *m = realloc(g->nkept, cap * sizeof *m);
    if (!m) return -1;
    g->nkept = m;
    g->kept_cap = cap;
  }
  if (n > CB_LOOKUP_TERMS) n = CB_LOOKUP_TERMS;
  if (n) memcpy(g->kept + k * CB_LOOKUP_TERMS, keys, n * sizeof *keys);
  g->nkept[k] = (uint8_t)n;
  return 0;
}

int cb_grouper_article_state(const cb_grouper *g, size_t i, cb_group_article_state *out) {
  memset(out, 0, sizeof *out);
  if (!g || i >= g->n) return -1;
  out->sig = g->sig + i * (size_t)g->nh;
  out->sig_len = (size_t)g->nh * sizeof *g->sig;
  if (g->keeping && i >= g->keep_from) {
    size_t k = i - g->keep_from;
    out->terms = g->kept + k * CB_LOOKUP_TERMS;
    out->terms_len = g->nkept[k] * sizeof *g->kept;
  }
  out->shingles = g->nsh[i];
  out->day = g->day[i];
  out->parent = g->parent[i];
  out->match = g->match[i];
  out->story = g->story[i];
  out->title = g->title[i];
  out->outlet = g->outlet[i] ? g->outlet_keys[g->outlet[i]] : 0;
  return 0;
}

int cb_grouper_story_state(const cb_grouper *g, size_t id, cb_group_story_state *out, void **buf) {
  memset(out, 0, sizeof *out);
  *buf = NULL;
  if (!g || id >= g->stories.n) return -1;
  const cb_story *s = &g->stories.s[id];
  unsigned char *b = malloc((size_t)s->nc * CENTROID_RECORD + 1);
  if (!b) return -1;
  for (uint32_t t = 0; t < s->nc; t++) {
    memcpy(b + (size_t)t * CENTROID_RECORD, &s->c[t].key, 8);
    memcpy(b + (size_t)t * CENTROID_RECORD + 8, &s->c[t].w, 4);
  }
  *buf = b;
  out->centroid = b;
  out->centroid_len = (size_t)s->nc * CENTROID_RECORD;
  out->norm = s->norm;
  out->first = s->first;
  out->last = s->last;
  return 0;
}

uint32_t cb_grouper_parent(const cb_grouper *g, size_t i) { return i < g->n ? g->parent[i] : (uint32_t)i; }

void cb_grouper_df_changed_each(const cb_grouper *g, void (*fn)(void *ud, uint64_t term, uint32_t df), void *ud) {
  for (size_t i = 0; i < g->df_dirty.cap; i++) {
    if (!g->df_dirty.keys[i]) continue;
    const uint32_t *v = cb_u64map_find(&g->df, g->df_dirty.keys[i]);
    fn(ud, g->df_dirty.keys[i], v ? *v : 0);
  }
}

uint32_t cb_grouper_df(const cb_grouper *g, uint64_t term) {
  const uint32_t *v = cb_u64map_find(&g->df, term);
  return v ? *v : 0;
}

int cb_grouper_df_known(const cb_grouper *g, uint64_t term) { return cb_u64map_find(&g->df, term) != NULL; }

int cb_grouper_restore_story(cb_grouper *g, const cb_group_story_state *s) {
  if (g->n || s->centroid_len % CENTROID_RECORD || s->centroid_len / CENTROID_RECORD > MAX_CENTROID) return -1;
  size_t nc = s->centroid_len / CENTROID_RECORD;
  cb_term *c = malloc((nc ? nc : 1) * sizeof *c);
  if (!c) return -1;
  const unsigned char *b = s->centroid;
  for (size_t t = 0; t < nc; t++) {
    memcpy(&c[t].key, b + t * CENTROID_RECORD, 8);
    memcpy(&c[t].w, b + t * CENTROID_RECORD + 8, 4);
  }
  long id = cb_story_restore(&g->stories, c, nc, s->norm, s->first, s->last);
  free(c);
  return id < 0 ? -1 : 0;
}

int cb_grouper_restore_article(cb_grouper *g, const cb_group_article_state *a) {
  if (a->sig_len != (size_t)g->nh * sizeof *g->sig || a->terms_len % sizeof(uint64_t) ||
      a->terms_len > CB_LOOKUP_TERMS * sizeof(uint64_t) || a->story >= g->stories.n ||
      a->match < -1 || a->match >= (int64_t)g->n || g->keeping || cb_grouper_reserve(g))
    return -1;
  uint32_t i = (uint32_t)g->n;
  if (a->title && !(g->title[i] = strdup(a->title))) return -1;
  if (!a->title) g->title[i] = NULL;
  uint64_t terms[CB_LOOKUP_TERMS];
  size_t nt = a->terms_len / sizeof *terms;
  if (nt) memcpy(terms, a->terms, a->terms_len);
  memcpy(g->sig + (size_t)i * (size_t)g->nh, a->sig, a->sig_len);
  g->nsh[i] = a->shingles;
  g->day[i] = a->day;
  g->parent[i] = a->parent;
  g->match[i] = a->match;
  g->story[i] = a->story;
  g->outlet[i] = cb_grouper_outlet_key_id(g, a->outlet);
  g->stamp[i] = 0;
  g->n++;
  if (cb_story_restore_member(&g->stories, a->story, i, terms, nt)) {   /* LSH: see restore_done */
    free(g->title[i]);
    g->n--;
    return -1;
  }
  return 0;
}

/* Every parent in range and every copy group ends in a root (no cycle). The restored
 * articles are counted in the LSH index but enter its chains only when a key is needed. */
int cb_grouper_restore_done(cb_grouper *g) {
  if (g->lsh.items || g->keeping) return -1;
  for (size_t i = 0; i < g->n; i++) if (g->parent[i] >= g->n) return -1;
  if (cb_lsh_skip(&g->lsh, g->n)) return -1;
  g->lsh_old = g->n;
  uint8_t *ok = calloc(g->n + 1, 1);   /* 1: reaches a root */
  if (!ok) return -1;
  int rc = 0;
  for (size_t i = 0; i < g->n && !rc; i++) {
    size_t steps = 0;
    uint32_t r = (uint32_t)i;
    while (!ok[r] && g->parent[r] != r && steps++ <= g->n) r = g->parent[r];
    if (steps > g->n) rc = -1;
    for (uint32_t k = (uint32_t)i; !rc && !ok[k]; k = g->parent[k]) { ok[k] = 1; if (g->parent[k] == k) break; }
  }
  free(ok);
  return rc;
}

#define MAX_SCANS 8   /* passes over the restored signatures before indexing them all */

/* Indexes every band of the restored articles whose key is in want (want NULL: every key
 * not indexed yet), in article order. */
static int index_keys(cb_grouper *g, const cb_u64map *want) {
  for (size_t i = 0; i < g->lsh_old; i++) {
    const uint32_t *sig = g->sig + i * (size_t)g->nh;
    for (int b = 0; b < g->o.bands; b++) {
      uint64_t key = cb_lsh_band_key(&g->lsh, sig, b);
      int needed = want ? cb_u64map_find(want, key) != NULL : !cb_u64map_find(&g->lsh_done, key);
      if (needed && cb_lsh_insert_band(&g->lsh, i, b, key)) return -1;
    }
  }
  return 0;
}

int cb_grouper_index_restored(cb_grouper *g, cb_group_prep *const *p, size_t n) {
  if (!g->lsh_old) return 0;
  cb_u64map want;
  cb_u64map_init(&want);
  size_t nwant = 0;
  for (size_t k = 0; k < n; k++) {
    if (!p[k] || p[k]->nh != g->nh) continue;
    for (int b = 0; b < g->o.bands; b++) {
      uint64_t key = cb_lsh_band_key(&g->lsh, p[k]->sig, b);
      if (cb_u64map_find(&g->lsh_done, key) || cb_u64map_find(&want, key)) continue;
      if (!cb_u64map_slot(&want, key)) { cb_u64map_free(&want); return -1; }
      nwant++;
    }
  }
  int rc = 0;
  if (nwant && ++g->lsh_scans > MAX_SCANS) {   /* many batches: index everything once */
    rc = index_keys(g, NULL);
    if (!rc) { g->lsh_old = 0; cb_u64map_free(&g->lsh_done); }
  } else if (nwant) {
    rc = index_keys(g, &want);
    for (size_t i = 0; !rc && i < want.cap; i++)
      if (want.keys[i] && !cb_u64map_slot(&g->lsh_done, want.keys[i])) rc = -1;
  }
  cb_u64map_free(&want);
  return rc;
}

int cb_grouper_prepare_batch(cb_grouper *g, cb_group_prep *const *p, size_t n) { return cb_grouper_index_restored(g, p, n); }

int cb_group_prep_terms(const cb_group_prep *p, void (*fn)(void *ud, uint64_t term), void *ud) {
  uint64_t *keys = malloc((p->ws.n ? p->ws.n : 1) * sizeof *keys);
  if (!keys) return -1;
  size_t k = cb_content_terms(p->ws.w, p->ws.n, keys);
  for (size_t i = 0; i < k; i++) fn(ud, keys[i]);
  free(keys);
  return 0;
}
