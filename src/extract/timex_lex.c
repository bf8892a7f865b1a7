/*
 * timex_lex.c - loads data/timex/lexicon.tsv once into an open-addressing hash table and
 * answers lookups. Its rows were checked when the table was read (the format in
 * src/core/data.c: a bad row fails cb_init with its line); a missing lexicon makes every
 * lookup fail (the extractor then finds only numeric dates).
 */
#include "extract/timex_lex.h"
#include "corroborate.h"
#include "core/data.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define TL_SLOTS 2048
#define TL_KEYMAX 32
#define TL_HOLIDAYS 64

typedef struct slot { char key[TL_KEYMAX]; uint8_t len; cb_tl_entry e; } slot;

static slot table[TL_SLOTS];
static uint32_t first_two[27][27 / 32 + 1];   /* which (first, second) letters start some key */
static uint32_t lengths;                      /* which key lengths occur (bit per length < 32) */
static cb_tl_holiday holidays[TL_HOLIDAYS];
static int nholidays;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static const char *const class_names[TL_NCLASS] = {
  "month", "weekday", "unit", "num", "ord", "dayrel", "ref", "rel", "ago", "part",
  "pod", "season", "holiday", "qual", "set", "setadv", "fiscal", "det", "future", "past", "tz", "func", "yearprep", "qty"};
static const char *const unit_names[] = {"", "S", "MI", "H", "D", "W", "FN", "M", "Q", "Y", "DE",
                                         "CE", "WE", "HA", "PE", "NT", "MIL", NULL};
static const char *const part_names[] = {"", "START", "MID", "END", NULL};
static const char *const pod_names[] = {"", "MO", "AF", "EV", "NI", "12:00", "24:00", NULL};
static const char *const season_names[] = {"", "SP", "SU", "FA", "WI", NULL};
static const char *const qual_names[] = {"", "APPROX", "EQUAL_OR_LESS", "MORE_THAN", "LESS_THAN",
                                         "EQUAL_OR_MORE", NULL};

/* Cheap on purpose: length and three letters pick the slot, memcmp settles it. */
static uint32_t hash(const char *s, size_t n) {
  uint32_t a = (unsigned char)s[0], b = (unsigned char)s[n > 1 ? 1 : 0], z = (unsigned char)s[n - 1];
  uint32_t m = (unsigned char)s[n / 2];
  return (uint32_t)n * 2654435761u ^ (a * 97u + b * 7919u + z * 104729u + m * 31u);
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

static int letter_index(char ch) { return ch >= 'a' && ch <= 'z' ? ch - 'a' : 26; }

static void note_shape(const char *key, size_t len) {
  int a = letter_index(key[0]), b = len > 1 ? letter_index(key[1]) : 26;
  first_two[a][b / 32] |= 1u << (b % 32);
  lengths |= 1u << len;
}

int cb_tl_maybe(const char *key, size_t len) {
  if (len == 0 || len >= TL_KEYMAX) return 0;
  int a = letter_index(key[0]), b = len > 1 ? letter_index(key[1]) : 26;
  return (lengths >> len & 1u) && (first_two[a][b / 32] >> (b % 32) & 1u);
}

static void mark_prefixes(const char *key, size_t len) {
  for (size_t i = 1; i < len; i++)
    if (key[i] == ' ' || key[i] == '-') {
      slot *p = find_slot(key, i, 1);
      if (p) { p->e.flags |= TLF_PREFIX; note_shape(key, i); }
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
  note_shape(f[0], fl[0]);
  s->e.mask |= 1u << cls;
  s->e.val[cls] = (int16_t)val;
  if (nf > 3) s->e.flags |= (uint8_t)flags_of(f[3], fl[3]);
  mark_prefixes(f[0], fl[0]);
}

static void load(void) {
  size_t len = 0;
  const char *d = cb_data_need("timex/lexicon.tsv", &len);
  if (!d) return;
  for (size_t i = 0, b = 0; i <= len; i++)
    if (i == len || d[i] == '\n') {
      if (i > b && d[b] != '#') add_line(d + b, i - b);
      b = i + 1;
    }
}

void cb_tl_init(void) { pthread_once(&once, load); }

const cb_tl_entry *cb_tl_lookup(const char *key, size_t len) {
  pthread_once(&once, load);
  if (!cb_tl_maybe(key, len)) return NULL;
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
