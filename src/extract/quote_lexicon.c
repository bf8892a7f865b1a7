/*
 * quote_lexicon.c - loads the embedded data/quotes/ word lists into sorted arrays once
 * (pthread_once) and answers lookups by binary search on the folded key.
 */
#include "extract/quote_lexicon.h"
#include "corroborate.h"
#include "core/data.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { const char *key; size_t len; const char *value; } entry;
typedef struct list { entry *v; size_t n; } list;

static const char *const files[CB_QLEX_COUNT] = {
  "quotes/cues.txt", "quotes/pronouns.txt", "quotes/titles.txt", "quotes/roles.txt",
  "quotes/determiners.txt", "quotes/skip.txt", "quotes/stops.txt",
  "quotes/org_heads.txt"};
static list lists[CB_QLEX_COUNT];
static cb_arena *arena;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp_key(const char *a, size_t an, const char *b, size_t bn) {
  int c = memcmp(a, b, an < bn ? an : bn);
  return c ? c : (an < bn ? -1 : an > bn);
}

static int cmp_entry(const void *x, const void *y) {
  const entry *a = x, *b = y;
  return cmp_key(a->key, a->len, b->key, b->len);
}

/* One line "key" or "key<TAB>value"; comments and blank lines are skipped. */
static int add_line(list *l, const char *s, size_t n) {
  if (n == 0 || s[0] == '#') return 1;
  const char *tab = memchr(s, '\t', n);
  size_t klen = tab ? (size_t)(tab - s) : n;
  char *key = cb_arena_strndup(arena, s, klen);
  char *val = cb_arena_strndup(arena, tab ? tab + 1 : "", tab ? n - klen - 1 : 0);
  if (!key || !val) return 0;
  l->v[l->n++] = (entry){key, klen, val};
  return 1;
}

static int load(list *l, const char *name) {
  size_t len = 0;
  const char *d = cb_data_need(name, &len);
  if (!d) return 1;
  size_t lines = 1;
  for (size_t i = 0; i < len; i++) lines += d[i] == '\n';
  l->v = cb_arena_calloc(arena, lines, sizeof *l->v);
  if (!l->v) return 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len;
    size_t end = e;
    while (end > i && (d[end - 1] == '\r' || d[end - 1] == ' ')) end--;
    if (!add_line(l, d + i, end - i)) return 0;
    i = e + 1;
  }
  if (l->n) qsort(l->v, l->n, sizeof *l->v, cmp_entry);
  return 1;
}

static void load_all(void) {
  arena = cb_arena_new(0);
  if (!arena) return;
  for (int i = 0; i < CB_QLEX_COUNT; i++)
    if (!load(&lists[i], files[i])) { lists[i].n = 0; }
}

const char *cb_qlex_find(cb_qlex which, const char *key, size_t n) {
  pthread_once(&once, load_all);
  if (which < 0 || which >= CB_QLEX_COUNT || !key) return NULL;
  const list *l = &lists[which];
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = cmp_key(key, n, l->v[mid].key, l->v[mid].len);
    if (c == 0) return l->v[mid].value;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return NULL;
}
