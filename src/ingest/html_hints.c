/*
 * html_hints.c - what the class, id, role and itemprop words of a block say about it,
 * from the lexicon data/html/hints.txt: a weight (> 0 article-like, < 0 boilerplate) and
 * the drop reason for boilerplate. The lexicon is parsed once per process.
 */
#include "ingest/html.h"
#include "core/data.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { EXACT, PREFIX, ANYWHERE };

typedef struct rule {
  char word[40];
  uint8_t len, kind;
  int8_t weight;
  uint8_t reason;   /* cb_drop_reason, 0 for content */
} rule;

static rule rules[400];
static size_t nrules;
static pthread_once_t once = PTHREAD_ONCE_INIT;


static void add_rule(const char *w, size_t n, int weight, uint8_t reason) {
  if (nrules >= sizeof rules / sizeof *rules) return;
  rule *r = &rules[nrules];
  r->kind = EXACT;
  if (n > 2 && w[0] == '*' && w[n - 1] == '*') { r->kind = ANYWHERE; w++; n -= 2; }
  else if (n > 1 && w[n - 1] == '*') { r->kind = PREFIX; n--; }
  if (n == 0 || n >= sizeof r->word) return;
  memcpy(r->word, w, n);
  r->word[n] = 0;
  r->len = (uint8_t)n;
  r->weight = (int8_t)(weight > 100 ? 100 : weight < -100 ? -100 : weight);
  r->reason = reason;
  nrules++;
}

/* One line: WEIGHT REASON PATTERN... */
static void parse_line(const char *s, const char *end) {
  char num[16];
  size_t k = 0;
  while (s < end && isspace((unsigned char)*s)) s++;
  if (s >= end || *s == '#') return;
  while (s < end && !isspace((unsigned char)*s) && k + 1 < sizeof num) num[k++] = *s++;
  num[k] = 0;
  int weight = atoi(num);
  while (s < end && isspace((unsigned char)*s)) s++;
  const char *rs = s;
  while (s < end && !isspace((unsigned char)*s)) s++;
  uint8_t reason = (uint8_t)cb_drop_reason_parse(rs, (size_t)(s - rs));
  for (;;) {
    while (s < end && isspace((unsigned char)*s)) s++;
    if (s >= end) break;
    const char *ws = s;
    while (s < end && !isspace((unsigned char)*s)) s++;
    add_rule(ws, (size_t)(s - ws), weight, reason);
  }
}

static void load(void) {
  size_t n = 0;
  const char *d = cb_data_need("html/hints.txt", &n);
  if (!d) return;
  const char *end = d + n;
  while (d < end) {
    const char *nl = memchr(d, '\n', (size_t)(end - d));
    if (!nl) nl = end;
    parse_line(d, nl);
    d = nl + 1;
  }
}

/* Folds a matching rule in: the strongest weight each way; among boilerplate rules the
 * earliest line of the lexicon gives the reason. */
static void apply(size_t idx, cb_hint *h) {
  const rule *r = &rules[idx];
  if (r->weight > 0) { if (r->weight > h->pos) h->pos = r->weight; return; }
  if (r->weight < h->neg) h->neg = r->weight;
  if (h->first < 0 || (int)idx < h->first) h->first = (int16_t)idx;
}

static int alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Rules indexed so that a word or a position is checked against only the few rules that
 * can match there: whole words by hash, prefixes and anywhere rules by first byte. */
static uint16_t first_word[256][32], first_any[256][32];
static uint8_t n_word[256], n_any[256];
static uint8_t any_bigram[256 * 256 / 8];   /* bit set: some anywhere rule starts with these two bytes */
#define EXACT_SLOTS 1024
static int16_t exact_slot[EXACT_SLOTS];        /* whole-word rules by hash of the word, -1 empty */

static unsigned word_hash(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h & (EXACT_SLOTS - 1);
}

static void index_rules(void) {
  load();
  memset(exact_slot, -1, sizeof exact_slot);
  /* buckets hold 32 rules each: plenty for a lexicon of a few hundred words */
  for (size_t i = 0; i < nrules; i++) {
    unsigned char c = (unsigned char)rules[i].word[0];
    if (rules[i].kind == ANYWHERE) {
      if (n_any[c] < 32) first_any[c][n_any[c]++] = (uint16_t)i;
      unsigned bg = c * 256u + (unsigned char)rules[i].word[1];
      any_bigram[bg / 8] |= (uint8_t)(1u << (bg % 8));
    }
    else if (rules[i].kind == EXACT) {
      unsigned h = word_hash(rules[i].word, rules[i].len);
      while (exact_slot[h] >= 0) h = (h + 1) & (EXACT_SLOTS - 1);
      exact_slot[h] = (int16_t)i;
    } else if (n_word[c] < 32) first_word[c][n_word[c]++] = (uint16_t)i;
  }
}

void cb_html_hint_of(const char *text, size_t len, cb_hint *h) {
  pthread_once(&once, index_rules);
  h->pos = h->neg = 0;
  h->first = -1;
  char low[256];
  size_t n = 0;
  for (size_t i = 0; i < len && n + 1 < sizeof low; i++) {
    unsigned char c = (unsigned char)text[i];
    low[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  low[n] = 0;
  uint8_t hit[sizeof rules / sizeof *rules / 8 + 1];
  memset(hit, 0, sizeof hit);
  for (size_t t = 0; t < n; t++) {   /* anywhere rules, by the bytes they start with */
    unsigned char c = (unsigned char)low[t];
    unsigned bg = c * 256u + (unsigned char)low[t + 1];
    if (!(any_bigram[bg / 8] & (1u << (bg % 8)))) continue;
    for (int k = 0; k < n_any[c]; k++) {
      uint16_t ri = first_any[c][k];
      const rule *r = &rules[ri];
      if (n - t >= r->len && low[t + 1] == r->word[1] && memcmp(low + t, r->word, r->len) == 0 &&
          !(hit[ri / 8] & (1 << (ri % 8)))) {
        hit[ri / 8] |= (uint8_t)(1 << (ri % 8));
        apply(ri, h);
      }
    }
  }
  for (size_t t = 0; t < n;) {      /* word and prefix rules, word by word */
    while (t < n && !alnum((unsigned char)low[t])) t++;
    size_t st = t;
    while (t < n && alnum((unsigned char)low[t])) t++;
    size_t wl = t - st;
    if (!wl) continue;
    for (unsigned k = word_hash(low + st, wl); exact_slot[k] >= 0; k = (k + 1) & (EXACT_SLOTS - 1)) {
      const rule *r = &rules[exact_slot[k]];
      if (wl == r->len && memcmp(low + st, r->word, wl) == 0) apply((size_t)exact_slot[k], h);
    }
    unsigned char c = (unsigned char)low[st];
    for (int k = 0; k < n_word[c]; k++) {   /* prefix rules */
      const rule *r = &rules[first_word[c][k]];
      if (wl >= r->len && memcmp(low + st, r->word, r->len) == 0) apply(first_word[c][k], h);
    }
  }
}

void cb_html_hint_add(cb_hint *acc, const cb_hint *h) {
  if (h->pos > acc->pos) acc->pos = h->pos;
  if (h->neg < acc->neg) acc->neg = h->neg;
  if (h->first >= 0 && (acc->first < 0 || h->first < acc->first)) acc->first = h->first;
}

void cb_html_hint_result(const cb_hint *h, int8_t *weight, uint8_t *reason) {
  int w = h->pos + h->neg;
  *weight = (int8_t)(w > 100 ? 100 : w < -100 ? -100 : w);
  *reason = h->neg && h->first >= 0 ? rules[h->first].reason : 0;
}
