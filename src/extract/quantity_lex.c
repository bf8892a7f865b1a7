/*
 * quantity_lex.c - loads the quantity lexicons from the embedded data files into small
 * open-addressing hash tables, once per process (pthread_once); the tables are never
 * written again, so lookups from many threads are safe.
 */
#include "extract/quantity_lex.h"
#include "corroborate.h"
#include "extract/quantity_token.h"
#include "core/data.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot { const char *key; size_t len; const void *val; } slot;
typedef struct table { slot *s; size_t cap, used; } table;

struct cb_qlex {
  unsigned char start_bloom[8192];   /* words and signs that can start a quantity */
  unsigned char unit_bloom[8192];    /* first tokens of the units */
  table numbers, units_exact, units_lower, prefixes, quals, scales_exact, scales_lower,
        changes, changes_by, events, stops, words, prefix_heads;
  char *copies[12];                  /* the tables' bytes the keys point into, kept for good */
  size_t ncopies;
};

static void bloom_set(unsigned char *bloom, const char *k, size_t n) {
  if (!n) return;
  unsigned b = cb_qlex_bloom_index(k, n);
  bloom[b >> 3] |= (unsigned char)(1u << (b & 7));
}

static void bloom_add(struct cb_qlex *lx, const char *k, size_t n) { bloom_set(lx->start_bloom, k, n); }

/* The first token of a unit surface, cut the way the extractor's tokenizer cuts text. */
static void unit_head_add(struct cb_qlex *lx, const char *k) {
  cb_qtok t[64];
  size_t n = strlen(k);
  if (n >= 64 || !n) return;
  size_t nt = cb_qtokenize(k, n, t);
  if (nt) bloom_set(lx->unit_bloom, k + t[0].start, t[0].end - t[0].start);
}

static uint64_t hash_bytes(const char *k, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) { h ^= (unsigned char)k[i]; h *= 1099511628211ull; }
  return h;
}

static const void *table_get(const table *t, const char *k, size_t n) {
  if (!t->cap) return NULL;
  for (size_t i = hash_bytes(k, n) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
    const slot *s = &t->s[i];
    if (!s->key) return NULL;
    if (s->len == n && memcmp(s->key, k, n) == 0) return s->val;
  }
}

static int table_grow(table *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
  slot *ns = calloc(cap, sizeof *ns);
  if (!ns) return -1;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->s[i].key) continue;
    size_t j = hash_bytes(t->s[i].key, t->s[i].len) & (cap - 1);
    while (ns[j].key) j = (j + 1) & (cap - 1);
    ns[j] = t->s[i];
  }
  free(t->s);
  t->s = ns; t->cap = cap;
  return 0;
}

/* First entry wins: later duplicates of a key are ignored. */
static int table_put(table *t, const char *k, size_t n, const void *val) {
  if ((t->used + 1) * 2 > t->cap && table_grow(t) != 0) return -1;
  size_t i = hash_bytes(k, n) & (t->cap - 1);
  while (t->s[i].key) {
    if (t->s[i].len == n && memcmp(t->s[i].key, k, n) == 0) return 0;
    i = (i + 1) & (t->cap - 1);
  }
  t->s[i].key = k; t->s[i].len = n; t->s[i].val = val;
  t->used++;
  return 0;
}

/* Splits a TSV line in place into at most max fields; returns the count. */
static int split_fields(char *line, char **f, int max) {
  int k = 0;
  f[k++] = line;
  for (char *p = line; *p && k < max; p++)
    if (*p == '\t') { *p = 0; f[k++] = p + 1; }
  return k;
}

static void lower_ascii(char *s) {
  for (; *s; s++) if (*s >= 'A' && *s <= 'Z') *s = (char)(*s - 'A' + 'a');
}

typedef int (*line_fn)(struct cb_qlex *lx, char **f, int nf);

/* Copies the data file (it must stay alive: keys point into it) and feeds each line. */
static int load_file(struct cb_qlex *lx, const char *name, line_fn fn) {
  size_t len;
  const char *d = cb_data_need(name, &len);
  if (!d) return -1;
  char *copy = lx->ncopies < sizeof lx->copies / sizeof *lx->copies ? malloc(len + 1) : NULL;
  if (!copy) return -1;
  lx->copies[lx->ncopies++] = copy;
  memcpy(copy, d, len);
  copy[len] = 0;
  for (char *line = copy; line && *line;) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = 0;
    if (*line && *line != '#') {
      char *f[8];
      int nf = split_fields(line, f, 8);
      if (fn(lx, f, nf) != 0) return -1;
    }
    line = nl ? nl + 1 : NULL;
  }
  return 0;
}

static int on_number(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 3) return 0;
  if (table_get(&lx->numbers, f[0], strlen(f[0]))) return 0;
  cb_qnumword *w = malloc(sizeof *w);
  if (!w) return -1;
  w->value = strtod(f[1], NULL);
  w->kind = !strcmp(f[2], "tens") ? QN_TENS : !strcmp(f[2], "hundred") ? QN_HUNDRED
          : !strcmp(f[2], "scale") ? QN_SCALE : !strcmp(f[2], "fraction") ? QN_FRACTION
          : !strcmp(f[2], "dozen") ? QN_DOZEN : !strcmp(f[2], "denominator") ? QN_DENOM
          : !strcmp(f[2], "sign") ? QN_SIGN : !strcmp(f[2], "vague") ? QN_VAGUE : QN_UNIT;
  if (w->kind == QN_UNIT || w->kind == QN_TENS || w->kind == QN_FRACTION || w->kind == QN_SIGN || w->kind == QN_VAGUE)
    bloom_add(lx, f[0], strlen(f[0]));
  return table_put(&lx->numbers, f[0], strlen(f[0]), w);
}

static unsigned parse_flags(const char *s) {
  unsigned fl = 0;
  for (; s && *s; s++) {
    if (*s == 'c') fl |= QL_UNIT_CASE;
    else if (*s == 'd') fl |= QL_UNIT_DIGITS;
    else if (*s == 'i') fl |= QL_UNIT_IN;
    else if (*s == '$') fl |= QL_SCALE_CURRENCY;
    else if (*s == 'g') fl |= QL_UNIT_GLUED;
  }
  return fl;
}

static int on_unit(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 5) return 0;
  if (!(parse_flags(nf > 5 ? f[5] : NULL) & QL_UNIT_CASE)) lower_ascii(f[0]);
  if (table_get(parse_flags(nf > 5 ? f[5] : NULL) & QL_UNIT_CASE ? &lx->units_exact : &lx->units_lower, f[0], strlen(f[0])))
    return 0;   /* first entry wins */
  cb_qunit *u = malloc(sizeof *u);
  if (!u) return -1;
  unit_head_add(lx, f[0]);
  u->norm = f[1]; u->dim = f[2]; u->factor = strtod(f[3], NULL); u->base = f[4];
  u->flags = parse_flags(nf > 5 ? f[5] : NULL);
  if (u->flags & QL_UNIT_CASE) return table_put(&lx->units_exact, f[0], strlen(f[0]), u);
  return table_put(&lx->units_lower, f[0], strlen(f[0]), u);
}

static int on_prefix(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 3) return 0;
  lower_ascii(f[0]);
  if (table_get(&lx->prefixes, f[0], strlen(f[0]))) return 0;
  cb_qprefix *p = malloc(sizeof *p);
  if (!p) return -1;
  p->norm = f[1]; p->code = f[2];
  size_t first = 0;   /* the first token of the key: its letters, or one sign */
  while (f[0][first] >= 'a' && f[0][first] <= 'z') first++;
  if (!first) { first = 1; while ((f[0][first] & 0xC0) == 0x80) first++; }
  bloom_add(lx, f[0], first);
  if (table_put(&lx->prefix_heads, f[0], first, p) != 0) return -1;
  return table_put(&lx->prefixes, f[0], strlen(f[0]), p);
}

static int on_qualifier(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 4) return 0;
  if (table_get(&lx->quals, f[0], strlen(f[0]))) return 0;
  cb_qqual *q = malloc(sizeof *q);
  if (!q) return -1;
  q->change = f[1]; q->bound = f[2]; q->tolerance = strtod(f[3], NULL);
  return table_put(&lx->quals, f[0], strlen(f[0]), q);
}

static int on_scale(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 2) return 0;
  cb_qscale *s = malloc(sizeof *s);
  if (!s) return -1;
  s->factor = strtod(f[1], NULL);
  s->flags = parse_flags(nf > 2 ? f[2] : NULL);
  if (s->flags & QL_UNIT_CASE) return table_put(&lx->scales_exact, f[0], strlen(f[0]), s);
  return table_put(&lx->scales_lower, f[0], strlen(f[0]), s);
}

/* A third field "by": the word marks a change only for a number after "by" ("raised ... by"). */
static int on_change(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 2) return 0;
  table *t = nf > 2 && !strcmp(f[2], "by") ? &lx->changes_by : &lx->changes;
  return table_put(t, f[0], strlen(f[0]), f[1]);
}
static int on_event(struct cb_qlex *lx, char **f, int nf) {
  return nf < 2 ? 0 : table_put(&lx->events, f[0], strlen(f[0]), f[1]);
}
static int on_stop(struct cb_qlex *lx, char **f, int nf) {
  return table_put(&lx->stops, f[0], strlen(f[0]), f[0]);
}

static int on_word(struct cb_qlex *lx, char **f, int nf) {
  if (nf < 3) return 0;
  if (table_get(&lx->words, f[0], strlen(f[0]))) return 0;
  cb_qword *w = malloc(sizeof *w);
  if (!w) return -1;
  w->cls = f[1]; w->value = f[2];
  return table_put(&lx->words, f[0], strlen(f[0]), w);
}

static struct cb_qlex *the_lex;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load_all(void) {
  struct cb_qlex *lx = calloc(1, sizeof *lx);
  if (!lx) return;
  if (load_file(lx, "quantity/numbers.tsv", on_number) || load_file(lx, "quantity/units.tsv", on_unit)
      || load_file(lx, "quantity/currency_prefix.tsv", on_prefix)
      || load_file(lx, "quantity/qualifiers.tsv", on_qualifier)
      || load_file(lx, "quantity/scale_suffix.tsv", on_scale)
      || load_file(lx, "quantity/change_words.tsv", on_change)
      || load_file(lx, "quantity/events.tsv", on_event)
      || load_file(lx, "quantity/noun_stop.tsv", on_stop)
      || load_file(lx, "quantity/words.tsv", on_word))
    return;   /* partial tables stay unreachable: the extractor reports OOM */
  bloom_add(lx, "a", 1); bloom_add(lx, "an", 2); bloom_add(lx, "-", 1);
  bloom_add(lx, "\xe2\x88\x92", 3);   /* minus sign */
  the_lex = lx;
}

const struct cb_qlex *cb_qlex_get(void) {
  pthread_once(&once, load_all);
  return the_lex;
}

const cb_qnumword *cb_qlex_number(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->numbers, k, n);
}
const cb_qunit *cb_qlex_unit(const struct cb_qlex *lx, const char *k, size_t n, int exact_case) {
  return table_get(exact_case ? &lx->units_exact : &lx->units_lower, k, n);
}
const cb_qprefix *cb_qlex_prefix(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->prefixes, k, n);
}
const cb_qqual *cb_qlex_qualifier(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->quals, k, n);
}
const cb_qscale *cb_qlex_scale(const struct cb_qlex *lx, const char *k, size_t n, int exact_case) {
  return table_get(exact_case ? &lx->scales_exact : &lx->scales_lower, k, n);
}
const char *cb_qlex_change(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->changes, k, n);
}
const char *cb_qlex_change_by(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->changes_by, k, n);
}
const char *cb_qlex_event(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->events, k, n);
}
int cb_qlex_stop(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->stops, k, n) != NULL;
}
const cb_qword *cb_qlex_word(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->words, k, n);
}

const unsigned char *cb_qlex_start_bloom(const struct cb_qlex *lx) { return lx->start_bloom; }
const unsigned char *cb_qlex_unit_bloom(const struct cb_qlex *lx) { return lx->unit_bloom; }

int cb_qlex_prefix_head(const struct cb_qlex *lx, const char *k, size_t n) {
  return table_get(&lx->prefix_heads, k, n) != NULL;
}
