/*
 * timex_lex.c - loads data/timex/lexicon.tsv once into an open-addressing hash table and
 * answers lookups. Malformed lines are skipped; a missing lexicon makes every lookup fail
 * (the extractor then finds only numeric dates).
 */
#include "extract/timex_lex.h"
#include "corroborate.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define TL_SLOTS 2048
#define TL_KEYMAX 32
#define TL_HOLIDAYS 64

typedef struct slot { char key[TL_KEYMAX]; uint8_t len; cb_tl_entry e; } slot;

static slot table[TL_SLOTS];
static cb_tl_holiday holidays[TL_HOLIDAYS];
static int nholidays;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const class_names[TL_NCLASS] = {
  "month", "weekday", "unit", "num", "ord", "dayrel", "ref", "rel", "ago", "part",
  "pod", "season", "holiday", "qual", "set", "setadv", "fiscal", "det", "future", "past", "tz", "func"};
static const char *const unit_names[] = {"", "S", "MI", "H", "D", "W", "FN", "M", "Q", "Y", "DE",
                                         "CE", "WE", "HA", "PE", "NT", "MIL", NULL};
static const char *const part_names[] = {"", "START", "MID", "END", NULL};
static const char *const pod_names[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00", NULL};
static const char *const season_names[] = {"", "SP", "SU", "FA", "WI", NULL};
static const char *const qual_names[] = {"", "APPROX", "EQUAL_OR_LESS", "MORE_THAN", "LESS_THAN",
                                         "EQUAL_OR_MORE", NULL};

static uint32_t hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static slot *find_slot(const char *key, size_t len, int create) {
  if (len == 0 || len >= TL_KEYMAX) return NULL;
  for (uint32_t h = hash(key, len), k = 0; k < TL_SLOTS; k++) {
    slot *s = &table[(h + k) & (TL_SLOTS - 1)];
    if (s->len == 0) {
      if (!create) return NULL;
      memcpy(s->key, key, len);
      s->len = (uint8_t)len;
      return s;
    }
    if (s->len == len && memcmp(s->key, key, len) == 0) return s;
  }
  return NULL;
}

static int name_index(const char *const *names, const char *v, size_t n) {
  for (int i = 1; names[i]; i++)
    if (strlen(names[i]) == n && memcmp(names[i], v, n) == 0) return i;
  return 0;
}

static int holiday_index(const char *v, size_t n) {
  char tmp[32];
  if (n >= sizeof tmp || nholidays >= TL_HOLIDAYS) return -1;
  memcpy(tmp, v, n);
  tmp[n] = 0;
  cb_tl_holiday h = {0, 0, 0, 0};
  if (strncmp(tmp, "fix:", 4) == 0) { h.kind = 'f'; h.a = atoi(tmp + 4); const char *c = strchr(tmp + 4, ':'); h.b = c ? atoi(c + 1) : 1; }
  else if (strncmp(tmp, "nth:", 4) == 0) {
    h.kind = 'n';
    const char *p = tmp + 4;
    h.a = atoi(p); p = strchr(p, ':'); if (!p) return -1;
    h.b = atoi(++p); p = strchr(p, ':'); if (!p) return -1;
    h.c = atoi(p + 1);
  } else if (strncmp(tmp, "easter:", 7) == 0) { h.kind = 'e'; h.a = atoi(tmp + 7); }
  else return -1;
  holidays[nholidays] = h;
  return nholidays++;
}

static int value_of(int cls, const char *v, size_t n) {
  switch (cls) {
  case TL_UNIT: case TL_SETADV: return name_index(unit_names, v, n);
  case TL_PART: return name_index(part_names, v, n);
  case TL_POD: return name_index(pod_names, v, n);
  case TL_SEASON: return name_index(season_names, v, n);
  case TL_QUAL: return name_index(qual_names, v, n);
  case TL_HOLIDAY: return holiday_index(v, n);
  default: return atoi(v);   /* the line's value is followed by a tab or newline: atoi stops */
  }
}

static int has(const char *f, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; i + k <= n; i++)
    if (memcmp(f + i, w, k) == 0) return 1;
  return 0;
}

static int flags_of(const char *f, size_t n) {
  return (has(f, n, "cap") ? TLF_CAP : 0) | (has(f, n, "abbr") ? TLF_ABBR : 0) |
         (has(f, n, "article") ? TLF_ARTICLE : 0) | (has(f, n, "vague") ? TLF_VAGUE : 0);
}

static void mark_prefixes(const char *key, size_t len) {
  for (size_t i = 1; i < len; i++)
    if (key[i] == ' ' || key[i] == '-') {
      slot *p = find_slot(key, i, 1);
      if (p) p->e.flags |= TLF_PREFIX;
    }
}

static void add_line(const char *line, size_t n) {
  const char *f[4] = {0};
  size_t fl[4] = {0};
  int nf = 0;
  for (size_t i = 0, b = 0; i <= n && nf < 4; i++)
    if (i == n || line[i] == '\t') { f[nf] = line + b; fl[nf++] = i - b; b = i + 1; }
  if (nf < 3) return;
  int cls = -1;
  for (int c = 0; c < TL_NCLASS; c++)
    if (strlen(class_names[c]) == fl[1] && memcmp(class_names[c], f[1], fl[1]) == 0) cls = c;
  if (cls < 0) return;
  int val = value_of(cls, f[2], fl[2]);
  if (cls == TL_HOLIDAY && val < 0) return;
  slot *s = find_slot(f[0], fl[0], 1);
  if (!s) return;
  s->e.mask |= 1u << cls;
  s->e.val[cls] = (int16_t)val;
  if (nf > 3) s->e.flags |= (uint8_t)flags_of(f[3], fl[3]);
  mark_prefixes(f[0], fl[0]);
}

static void load(void) {
  size_t len = 0;
  const char *d = cb_data_get("timex/lexicon.tsv", &len);
  if (!d) return;
  for (size_t i = 0, b = 0; i <= len; i++)
    if (i == len || d[i] == '\n') {
      if (i > b && d[b] != '#') add_line(d + b, i - b);
      b = i + 1;
    }
}

const cb_tl_entry *cb_tl_lookup(const char *key, size_t len) {
  pthread_once(&once, load);
  slot *s = find_slot(key, len, 0);
  return s ? &s->e : NULL;
}

const cb_tl_holiday *cb_tl_holiday_rule(int index) {
  pthread_once(&once, load);
  return index >= 0 && index < nholidays ? &holidays[index] : NULL;
}

const char *cb_tl_qual_name(int code) {
  return code > 0 && code < (int)(sizeof qual_names / sizeof *qual_names) - 1 ? qual_names[code] : NULL;
}
