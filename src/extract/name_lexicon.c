/*
 * name_lexicon.c - loads the data/names/ lexicons (embedded data files) into open-addressing
 * hash tables keyed by folded phrase. Loaded once (pthread_once); lookups are lock-free.
 */
#include "extract/name_lexicon.h"
#include "extract/name_fold.h"
#include "corroborate.h"
#include "core/data.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct lex_entry { char *key; char *canon; size_t len; unsigned whole, first; } lex_entry;
typedef struct lex_table { lex_entry *slots; size_t cap; int max_words; } lex_table;

static const char *const lex_files[CB_LEX_COUNT] = {
  "names/titles.tsv", "names/role_nouns.txt", "names/modifiers.tsv", "names/demonyms.tsv",
  "names/honorifics.txt", "names/particles.txt", "names/stopwords.txt", "names/places.txt",
  "names/orgs.txt", "names/outlets.txt", "names/org_cues.txt", "names/outlet_cues.txt",
  "names/outlet_nouns.txt", "names/translate.tsv", "names/aliases.tsv",
  "names/prefixes.txt", "names/place_cues.txt"};

static lex_table tables[CB_LEX_COUNT];
static lex_table word_table;   /* one-word keys -> masks of lexicons (whole entry, first word) */
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static size_t slot_of(const lex_table *t, const char *key, size_t n) {
  return (size_t)XXH3_64bits(key, n) & (t->cap - 1);
}

static char *copy(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) { memcpy(p, s, n); p[n] = 0; }
  return p;
}

static int count_words(const char *key) {
  int w = *key ? 1 : 0;
  for (; *key; key++) if (*key == ' ') w++;
  return w;
}

/* The slot of key in t (empty slot if absent). */
static lex_entry *slot(const lex_table *t, const char *key, size_t n) {
  size_t i = slot_of(t, key, n);
  while (t->slots[i].key && !(t->slots[i].len == n && memcmp(t->slots[i].key, key, n) == 0))
    i = (i + 1) & (t->cap - 1);
  return &t->slots[i];
}

static void mark_word(const char *key, size_t kn, unsigned bit) {
  const char *sp = memchr(key, ' ', kn);
  size_t wn = sp ? (size_t)(sp - key) : kn;
  if (!word_table.slots) return;
  lex_entry *e = slot(&word_table, key, wn);
  if (!e->key) {
    e->key = copy(key, wn);
    if (!e->key) return;
    e->len = wn;
  }
  if (sp) e->first |= bit; else e->whole |= bit;
}

static void insert(lex_table *t, unsigned bit, const char *surface, size_t sn, const char *canon, size_t cn) {
  char key[CB_NAME_KEY_MAX];
  size_t kn = cb_name_fold(surface, sn, key);
  if (kn == 0 || !t->slots) return;
  lex_entry *e = slot(t, key, kn);
  if (e->key) return;   /* first entry wins */
  e->key = copy(key, kn);
  e->canon = copy(canon, cn);
  e->len = kn;
  if (!e->key || !e->canon) { free(e->key); free(e->canon); e->key = NULL; return; }
  mark_word(key, kn, bit);
  int w = count_words(key);
  if (w > t->max_words) t->max_words = w;
}

static void load_table(lex_table *t, unsigned bit, const char *file) {
  size_t len = 0, lines = 1;
  const char *d = cb_data_need(file, &len);
  if (!d) return;
  for (size_t i = 0; i < len; i++) lines += d[i] == '\n';
  t->cap = 16;
  while (t->cap < lines * 2) t->cap *= 2;
  t->slots = calloc(t->cap, sizeof *t->slots);
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && d[e] != '\n') e++;
    size_t tab = i;
    while (tab < e && d[tab] != '\t') tab++;
    if (e > i && d[i] != '#') {
      size_t sn = tab - i;
      if (tab < e) insert(t, bit, d + i, sn, d + tab + 1, e - tab - 1);
      else insert(t, bit, d + i, sn, d + i, sn);
    }
    i = e + 1;
  }
}

static void load_all(void) {
  size_t lines = 0;   /* each entry marks one word: room for all at half load */
  for (int i = 0; i < CB_LEX_COUNT; i++) {
    size_t len = 0;
    const char *d = cb_data_need(lex_files[i], &len);
    for (size_t k = 0; d && k < len; k++) lines += d[k] == '\n';
    lines++;
  }
  word_table.cap = 16;
  while (word_table.cap < lines * 2) word_table.cap *= 2;
  word_table.slots = calloc(word_table.cap, sizeof *word_table.slots);
  for (int i = 0; i < CB_LEX_COUNT; i++) load_table(&tables[i], 1u << i, lex_files[i]);
}

unsigned cb_name_lex_word(const char *key, size_t n, unsigned *first) {
  pthread_once(&load_once, load_all);
  *first = 0;
  if (!word_table.slots || n == 0) return 0;
  const lex_entry *e = slot(&word_table, key, n);
  if (!e->key) return 0;
  *first = e->first;
  return e->whole;
}

const char *cb_name_lex_get(cb_name_lex_id id, const char *key, size_t n) {
  pthread_once(&load_once, load_all);
  const lex_table *t = &tables[id];
  if (!t->slots || n == 0) return NULL;
  const lex_entry *e = slot(t, key, n);
  return e->key ? e->canon : NULL;
}

int cb_name_lex_max_words(cb_name_lex_id id) {
  pthread_once(&load_once, load_all);
  return tables[id].max_words;
}
