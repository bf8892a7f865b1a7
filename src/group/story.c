/*
 * story.c - stories with centroids and a term -> story inverted index (see story.h).
 * Candidate stories come from the postings of the article's strongest terms, newest first,
 * stopping once the postings are older than the time window (and capped), so the cost of
 * placing an article does not grow with the number of stories.
 */
#include "group/story.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cb_stories_init(cb_stories *ss, int max_terms) {
  memset(ss, 0, sizeof *ss);
  ss->max_terms = max_terms;
  cb_u64map_init(&ss->post_head);
}

void cb_stories_free(cb_stories *ss) {
  for (size_t i = 0; i < ss->n; i++) { free(ss->s[i].c); free(ss->s[i].members); }
  free(ss->s);
  free(ss->post_story);
  free(ss->post_next);
  free(ss->stamp);
  cb_u64map_free(&ss->post_head);
  memset(ss, 0, sizeof *ss);
}

long cb_story_open(cb_stories *ss) {
  if (ss->n == ss->cap) {
    size_t cap = ss->cap ? ss->cap * 2 : 256;
    cb_story *s = realloc(ss->s, cap * sizeof *s);
    if (!s) return -1;
    ss->s = s;
    uint32_t *st = realloc(ss->stamp, cap * sizeof *st);
    if (!st) return -1;
    ss->stamp = st;
    ss->cap = cap;
  }
  cb_story *s = &ss->s[ss->n];
  memset(s, 0, sizeof *s);
  s->first = s->last = CB_NO_DATE;
  ss->stamp[ss->n] = 0;
  return (long)ss->n++;
}

static int post(cb_stories *ss, uint64_t key, uint32_t id) {
  if (ss->npost == ss->post_cap) {
    size_t cap = ss->post_cap ? ss->post_cap * 2 : 4096;
    uint32_t *a = realloc(ss->post_story, cap * sizeof *a);
    if (!a) return -1;
    ss->post_story = a;
    uint32_t *b = realloc(ss->post_next, cap * sizeof *b);
    if (!b) return -1;
    ss->post_next = b;
    ss->post_cap = cap;
  }
  uint32_t *head = cb_u64map_slot(&ss->post_head, key);
  if (!head) return -1;
  ss->post_story[ss->npost] = id;
  ss->post_next[ss->npost] = *head;
  *head = (uint32_t)++ss->npost;
  return 0;
}

/* centroid += v (both key-sorted). */
static int merge_centroid(cb_stories *ss, uint32_t id, const cb_term *v, size_t nv) {
  cb_story *s = &ss->s[id];
  cb_term *m = malloc((s->nc + nv + 1) * sizeof *m);
  if (!m) return -1;
  size_t i = 0, j = 0, k = 0;
  while (i < s->nc || j < nv) {
    if (j == nv || (i < s->nc && s->c[i].key < v[j].key)) m[k++] = s->c[i++];
    else if (i == s->nc || v[j].key < s->c[i].key) m[k++] = v[j++];
    else { m[k] = s->c[i++]; m[k++].w += v[j++].w; }
  }
  if (k > (size_t)ss->max_terms + (size_t)ss->max_terms / 2) {   /* prune now and then, not every time */
    cb_terms_sort_weight(m, k);
    k = (size_t)ss->max_terms;
    cb_terms_sort_key(m, k);
  }
  free(s->c);
  s->c = m;
  s->nc = (uint32_t)k;
  double n2 = 0;
  for (size_t t = 0; t < k; t++) n2 += (double)m[t].w * m[t].w;
  s->norm = sqrt(n2);
  return 0;
}

static int append_member(cb_story *s, uint32_t article) {
  if (s->nmembers == s->cap) {
    uint32_t cap = s->cap ? s->cap * 2 : 4;
    uint32_t *m = realloc(s->members, cap * sizeof *m);
    if (!m) return -1;
    s->members = m; s->cap = cap;
  }
  s->members[s->nmembers++] = article;
  return 0;
}

long cb_story_restore(cb_stories *ss, const cb_term *c, size_t nc, double norm, int32_t first, int32_t last) {
  cb_term *copy = malloc((nc ? nc : 1) * sizeof *copy);
  long id = copy ? cb_story_open(ss) : -1;
  if (id < 0) { free(copy); return -1; }
  if (nc) memcpy(copy, c, nc * sizeof *copy);
  cb_story *s = &ss->s[id];
  s->c = copy;
  s->nc = (uint32_t)nc;
  s->norm = norm;
  s->first = first;
  s->last = last;
  return id;
}

int cb_story_restore_member(cb_stories *ss, uint32_t id, uint32_t article, const uint64_t *keys, size_t nkeys) {
  if (append_member(&ss->s[id], article)) return -1;
  for (size_t k = 0; k < nkeys; k++) if (post(ss, keys[k], id)) return -1;
  return 0;
}

int cb_story_add(cb_stories *ss, uint32_t id, uint32_t article, int32_t day, const cb_term *v, size_t nv,
                 const uint64_t *keys, size_t nkeys) {
  cb_story *s = &ss->s[id];
  if (append_member(s, article)) return -1;
  if (day != CB_NO_DATE) {
    if (s->first == CB_NO_DATE || day < s->first) s->first = day;
    if (s->last == CB_NO_DATE || day > s->last) s->last = day;
  }
  for (size_t k = 0; k < nkeys; k++) if (post(ss, keys[k], id)) return -1;
  return nv ? merge_centroid(ss, id, v, nv) : 0;
}

/* 1 if an article of that day may join s: within the window of its days, and not
 * stretching it over more than max_span days. */
static int in_window(const cb_story *s, int32_t day, int window, int max_span) {
  if (day == CB_NO_DATE || s->first == CB_NO_DATE) return 1;
  if (window >= 0 && (day < s->first - window || day > s->last + window)) return 0;
  int32_t first = day < s->first ? day : s->first, last = day > s->last ? day : s->last;
  return max_span < 0 || last - first <= max_span;
}

/* 1 if the story ended before the window that reaches back from day. */
static int long_past(const cb_story *s, int32_t day, int window) {
  return window >= 0 && day != CB_NO_DATE && s->last != CB_NO_DATE && s->last < day - window;
}

int cb_story_takes(const cb_stories *ss, uint32_t id, int32_t day, int window, int max_span) {
  return id < ss->n && in_window(&ss->s[id], day, window, max_span);
}

#define PAST_RUN 16   /* postings past the window in a row that end a search */

long cb_story_best(cb_stories *ss, const cb_term *v, size_t nv, const uint64_t *keys, size_t nkeys,
                   int32_t day, int window, int max_span, size_t max_postings, double *cos) {
  long best = -1;
  double best_cos = 0;
  if (++ss->cur == 0) { memset(ss->stamp, 0, ss->n * sizeof *ss->stamp); ss->cur = 1; }
  for (size_t t = 0; t < nkeys; t++) {
    const uint32_t *head = cb_u64map_find(&ss->post_head, keys[t]);
    size_t seen = 0, past = 0;
    for (uint32_t p = head ? *head : 0; p && seen < max_postings && past < PAST_RUN; p = ss->post_next[p - 1], seen++) {
      uint32_t id = ss->post_story[p - 1];
      const cb_story *s = &ss->s[id];
      past = long_past(s, day, window) ? past + 1 : 0;
      if (ss->stamp[id] == ss->cur) continue;
      ss->stamp[id] = ss->cur;
      if (!in_window(s, day, window, max_span) || s->norm <= 0) continue;
      double c = cb_termvec_dot(v, nv, s->c, s->nc) / s->norm;
      if (c > best_cos || (c == best_cos && best >= 0 && (long)id < best)) { best_cos = c; best = id; }
    }
  }
  *cos = best_cos;
  return best;
}

double cb_story_weight(const cb_stories *ss, uint32_t id, uint64_t key) {
  const cb_story *s = &ss->s[id];
  size_t lo = 0, hi = s->nc;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->c[mid].key < key) lo = mid + 1; else hi = mid;
  }
  return lo < s->nc && s->c[lo].key == key ? s->c[lo].w : 0;
}
