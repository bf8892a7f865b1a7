/*
 * data.c - the lexicon tables: the list of those the library reads with the format of their
 * rows, loading one (from the data directory or embedded) with an error that names it, the
 * first failure met at first use, and cb_init(), which checks them all at start. See data.h;
 * every table is described in docs/data.md.
 */
#include "core/data.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS_CLASSES "month|month_ambiguous|denom|per_not|age_prefix|score|change_stop|plural|one_after|" \
                      "ref|street|one_det"
#define TIMEX_CLASSES "month|weekday|unit|num|ord|dayrel|ref|rel|ago|part|pod|season|holiday|qual|set|" \
                      "setadv|fiscal|det|future|past|tz|func|yearprep|qty"

/* Every table a loader reads (src/core/lines.h and the loaders that call cb_data_need), with
 * the format of its rows (the notation: data_check.c) and the room its loader has. */
const cb_table cb_data_tables[] = {
  {"cleanup/junk.tsv", '\t', "REASON line|prefix|suffix text", 0},
  {"corroborate/cause-stops.txt", '\t', "text", 0},
  {"corroborate/causes.tsv", '\t', "text after|before|unknown", 0},
  {"corroborate/generic-nouns.txt", '\t', "text", 0},
  {"corroborate/incidents.txt", '\t', "text", 0},
  {"corroborate/not-topics.txt", '\t', "text", 0},
  {"corroborate/plurals.tsv", '\t', "text text", 0},
  {"corroborate/stopwords.txt", '\t', "text", 0},
  {"corroborate/tolls.txt", '\t', "text", 0},
  {"dates/holidays.tsv", '\t', "text39 rule", 64},
  {"frames/grammar.tsv", '\t', "negator|modal|future|quantifier|false|other text23", 256},
  {"frames/stance.tsv", '\t', "assert|demand|offer|reject|estimate|refute verb|noun text23", 96},
  {"group/stopwords.txt", '\t', "text", 0},
  {"html/hints.txt", ' ', "int:-100:100 content|REASON text39+", 400},
  {"html/phrases.txt", ' ', "REASON int:0:60000 rest47", 160},
  {"names/aliases.tsv", '\t', "text text", 0},
  {"names/demonyms.tsv", '\t', "text text", 0},
  {"names/honorifics.txt", '\t', "text", 0},
  {"names/modifiers.tsv", '\t', "text text?", 0},
  {"names/org_cues.txt", '\t', "text", 0},
  {"names/orgs.txt", '\t', "text", 0},
  {"names/outlet_cues.txt", '\t', "text", 0},
  {"names/outlet_nouns.txt", '\t', "text", 0},
  {"names/outlets.txt", '\t', "text", 0},
  {"names/particles.txt", '\t', "text", 0},
  {"names/place_cues.txt", '\t', "text", 0},
  {"names/places.txt", '\t', "text", 0},
  {"names/prefixes.txt", '\t', "text", 0},
  {"names/role_nouns.txt", '\t', "text", 0},
  {"names/stopwords.txt", '\t', "text", 0},
  {"names/title-classes.tsv", '\t', "office|rank|ended text63 int:0:20", 0},
  {"names/title-groups.txt", '\t', "text", 32},
  {"names/titles.tsv", '\t', "text text?", 0},
  {"names/translate.tsv", '\t', "text text", 0},
  {"quantity/change_words.tsv", '\t', "text up|down by?", 0},
  {"quantity/currency_prefix.tsv", '\t', "text text text", 0},
  {"quantity/events.tsv", '\t', "text text", 0},
  {"quantity/noun_stop.tsv", '\t', "text", 0},
  {"quantity/numbers.tsv", '\t', "text num unit|tens|hundred|scale|fraction|dozen|denominator|sign|vague", 0},
  {"quantity/qualifiers.tsv", '\t',
   "text =|~|>|<|up|down lower|lower_open|upper|upper_open|approx|below_approx|exact num", 0},
  {"quantity/scale_suffix.tsv", '\t', "text num flags:c$?", 0},
  {"quantity/tally-cues.txt", '\t', "text", 0},
  {"quantity/units.tsv", '\t', "text63 text text num text flags:cdgi?", 0},
  {"quantity/words.tsv", '\t', "text " WORDS_CLASSES " text", 0},
  {"quotes/cues.txt", '\t', "text object?", 0},
  {"quotes/determiners.txt", '\t', "text", 0},
  {"quotes/org_heads.txt", '\t', "text", 0},
  {"quotes/pronouns.txt", '\t', "text person|group", 0},
  {"quotes/roles.txt", '\t', "text", 0},
  {"quotes/skip.txt", '\t', "text", 0},
  {"quotes/stops.txt", '\t', "text", 0},
  {"quotes/titles.txt", '\t', "text text?", 0},
  {"timex/lexicon.tsv", '\t', "text31 " TIMEX_CLASSES " tvalue words:cap|abbr|article|vague?", 1024},
  {NULL, 0, NULL, 0}
};

#define NTABLES (sizeof cb_data_tables / sizeof *cb_data_tables - 1)

const cb_table *cb_table_find(const char *name) {
  for (size_t i = 0; cb_data_tables[i].name; i++)
    if (strcmp(cb_data_tables[i].name, name) == 0) return &cb_data_tables[i];
  return NULL;
}

/* Testing: CORROBORATE_FAULT_DATA names a table to treat as missing. */
static const char *fault;
static pthread_once_t fault_once = PTHREAD_ONCE_INIT;
static void read_fault(void) { fault = getenv("CORROBORATE_FAULT_DATA"); }

static const char *embedded(const char *name, size_t *len) {
  pthread_once(&fault_once, read_fault);
  if (fault && strcmp(fault, name) == 0) { *len = 0; return NULL; }
  return cb_data_get(name, len);
}

static const char missing[] =
    "missing: not embedded in this build (no such file under data/ when it was built)";

/* 1 if a line is neither empty nor a comment (the rule every loader follows). */
static int has_entry(const char *d, size_t len) {
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - d) : len;
    if (e > i && d[i] != '#' && !(e == i + 1 && d[i] == '\r')) return 1;
    i = e + 1;
  }
  return 0;
}

static int fail(cb_error *e, const char *name, const char *why) {
  char file[400];
  snprintf(file, sizeof file, "data/%s", name);
  cb_error_set(e, CB_EDATA, file, 0, "lexicon table %s", why);
  return CB_EDATA;
}

/* ---- each table, read and checked once ---- */
typedef struct table_state {
  atomic_int ready;   /* 1 once the fields below are set */
  const char *d;      /* the bytes: embedded, or owned */
  size_t len;
  char *owned;        /* a file of the data directory, malloc'd */
  cb_error err;       /* code 0: the table is good */
} table_state;

static table_state states[NTABLES];
static pthread_mutex_t states_mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_int sealed;

int cb_data_sealed(void) { return atomic_load(&sealed); }

void cb_data_forget(void) {
  pthread_mutex_lock(&states_mu);
  for (size_t i = 0; i < NTABLES; i++) {
    free(states[i].owned);
    memset(&states[i], 0, sizeof states[i]);
  }
  pthread_mutex_unlock(&states_mu);
}

static void read_table(const cb_table *t, table_state *s) {
  cb_error_clear(&s->err);
  if (cb_data_dir_has((size_t)(t - cb_data_tables))) {
    if (cb_data_dir_read(t, &s->owned, &s->len, &s->err)) return;
    s->d = s->owned;
    char file[600];
    cb_data_dir_file(t, file, sizeof file);
    cb_table_check(t, file, s->d, s->len, &s->err);   /* an empty file empties the lexicon */
    return;
  }
  s->d = embedded(t->name, &s->len);
  char file[400];
  snprintf(file, sizeof file, "data/%s", t->name);
  if (!s->d) fail(&s->err, t->name, missing);
  else if (!has_entry(s->d, s->len))
    fail(&s->err, t->name, "holds no entries (only comments and blank lines)");
  else cb_table_check(t, file, s->d, s->len, &s->err);
}

static const table_state *state_of(const cb_table *t) {
  table_state *s = &states[t - cb_data_tables];
  if (atomic_load_explicit(&s->ready, memory_order_acquire)) return s;
  pthread_mutex_lock(&states_mu);
  if (!atomic_load(&s->ready)) {
    read_table(t, s);
    atomic_store_explicit(&s->ready, 1, memory_order_release);
  }
  pthread_mutex_unlock(&states_mu);
  return s;
}

static int load(const cb_table *t, cb_slice *out, cb_error *e) {
  const table_state *s = state_of(t);
  if (s->err.code) {
    if (e) *e = s->err;
    return s->err.code;
  }
  out->ptr = s->d;
  out->len = s->len;
  return CB_OK;
}

int cb_data_load(const char *name, cb_slice *out, cb_error *e) {
  out->ptr = NULL;
  out->len = 0;
  const cb_table *t = cb_table_find(name);
  if (!t) return cb_data_get(name, NULL) ? fail(e, name, "is not listed in cb_data_tables (src/core/data.c)")
                                        : fail(e, name, missing);
  return load(t, out, e);
}

static void seal(void) {
  if (!atomic_load_explicit(&sealed, memory_order_relaxed)) atomic_store(&sealed, 1);
}

/* The first failure met at first use. */
static cb_error first_failure;
static pthread_mutex_t failure_mu = PTHREAD_MUTEX_INITIALIZER;

static void keep_failure(const cb_error *e) {
  pthread_mutex_lock(&failure_mu);
  if (!first_failure.code) first_failure = *e;
  pthread_mutex_unlock(&failure_mu);
}

const char *cb_data_need(const char *name, size_t *len) {
  seal();
  cb_error e;
  cb_slice s = {NULL, 0};
  *len = 0;
  const cb_table *t = cb_table_find(name);
  if (!t) {
    if (cb_data_get(name, NULL)) fail(&e, name, "is read but not listed in cb_data_tables (src/core/data.c), "
                                              "which cb_init checks");
    else fail(&e, name, missing);
    keep_failure(&e);
    return NULL;
  }
  if (load(t, &s, &e)) { keep_failure(&e); return NULL; }
  *len = s.len;
  return s.ptr;
}

int cb_data_status(cb_error *e) {
  pthread_mutex_lock(&failure_mu);
  int code = first_failure.code;
  if (code && e) *e = first_failure;
  pthread_mutex_unlock(&failure_mu);
  return code;
}

/* cb_init's check of every listed table, done once. */
static cb_error check_result;
static pthread_once_t check_once = PTHREAD_ONCE_INIT;

static void check_tables(void) {
  cb_error_clear(&check_result);
  cb_slice s;
  for (size_t i = 0; cb_data_tables[i].name; i++)
    if (cb_data_load(cb_data_tables[i].name, &s, &check_result)) return;
}

int cb_init(cb_error *e) {
  seal();
  pthread_once(&check_once, check_tables);
  if (check_result.code) {
    if (e) *e = check_result;
    return check_result.code;
  }
  return cb_data_status(e);
}
