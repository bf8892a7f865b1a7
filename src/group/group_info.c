/*
 * group_info.c - reading the engine's decisions back: an article's original and story,
 * a story's headline (the title closest to its centroid), span, outlets and counts, and
 * the document frequencies for a store to keep.
 */
#include "group/group_impl.h"
#include "group/minhash.h"
#include "group/words.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t cb_grouper_count(const cb_grouper *g) { return g ? g->n : 0; }
uint32_t cb_grouper_ndocs(const cb_grouper *g) { return g->ndocs; }
size_t cb_grouper_nstories(const cb_grouper *g) { return g ? g->stories.n : 0; }

long cb_grouper_duplicate_of(const cb_grouper *g, size_t i, double *similarity, double *containment) {
  if (similarity) *similarity = 0;
  if (containment) *containment = 0;
  if (!g || i >= g->n) return -1;
  uint32_t r = cb_grouper_root(g, (uint32_t)i);
  if (r == i) return -1;
  const uint32_t *a = g->sig + i * (size_t)g->nh, *b = g->sig + (size_t)r * (size_t)g->nh;
  double j = cb_minhash_jaccard(a, b, g->nh);
  double na = g->nsh[i], nb = g->nsh[r], small = na < nb ? na : nb;
  double c = small > 0 ? j * (na + nb) / (1 + j) / small : 0;
  if (similarity) *similarity = j;
  if (containment) *containment = c > 1 ? 1 : c;
  return (long)r;
}

long cb_grouper_story_of(const cb_grouper *g, size_t i) {
  return g && i < g->n ? (long)g->story[i] : -1;
}

const uint32_t *cb_grouper_story_members(const cb_grouper *g, size_t id, size_t *n) {
  if (!g || id >= g->stories.n) { *n = 0; return NULL; }
  *n = g->stories.s[id].nmembers;
  return g->stories.s[id].members;
}

/* How well a title names the story: centroid weight of its content words, per sqrt(words). */
static double title_score(const cb_grouper *g, size_t id, const char *title) {
  cb_words ws;
  cb_words_init(&ws);
  if (cb_words_add(&ws, title, strlen(title), 0)) { cb_words_free(&ws); return 0; }
  double s = 0;
  size_t k = 0;
  for (size_t i = 0; i < ws.n; i++) {
    if (ws.w[i].flags & (CB_W_STOP | CB_W_NUMBER)) continue;
    s += cb_story_weight(&g->stories, (uint32_t)id, ws.w[i].key);
    k++;
  }
  cb_words_free(&ws);
  return k ? s / sqrt((double)k) : 0;
}

int cb_grouper_story(const cb_grouper *g, size_t id, cb_story_info *out) {
  memset(out, 0, sizeof *out);
  if (!g || id >= g->stories.n) return -1;
  const cb_story *s = &g->stories.s[id];
  out->id = (long)id;
  out->articles = s->nmembers;
  cb_day_format(s->first, out->first);
  cb_day_format(s->last, out->last);
  double best = -1;
  uint32_t *seen = calloc(g->noutlets + 1, sizeof *seen);
  for (uint32_t k = 0; k < s->nmembers; k++) {
    uint32_t a = s->members[k];
    if (cb_grouper_root(g, a) != a) { out->duplicates++; continue; }
    if (seen && g->outlet[a] && !seen[g->outlet[a]]) { seen[g->outlet[a]] = 1; out->outlets++; }
    if (!g->title[a]) continue;
    double sc = title_score(g, id, g->title[a]);
    if (sc > best) { best = sc; out->headline = g->title[a]; }
  }
  for (uint32_t k = 0; seen && k < s->nmembers; k++) {   /* outlets of copies count too */
    uint32_t a = s->members[k];
    if (g->outlet[a] && !seen[g->outlet[a]]) { seen[g->outlet[a]] = 1; out->outlets++; }
  }
  free(seen);
  return 0;
}

void cb_grouper_df_each(const cb_grouper *g, void (*fn)(void *ud, uint64_t term, uint32_t df), void *ud) {
  for (size_t i = 0; i < g->df.cap; i++)
    if (g->df.keys[i]) fn(ud, g->df.keys[i], g->df.vals[i]);
}

int cb_grouper_df_set(cb_grouper *g, uint64_t term, uint32_t df) {
  uint32_t *v = cb_u64map_slot(&g->df, term);
  if (!v) return -1;
  *v = df;
  return 0;
}

void cb_grouper_ndocs_set(cb_grouper *g, uint32_t ndocs) { g->ndocs = ndocs; }
