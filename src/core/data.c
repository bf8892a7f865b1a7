/*
 * data.c - the embedded lexicon tables: the list of those the library reads, loading one
 * with an error that names it, the first failure met at first use, and cb_init(), which
 * checks them all at start. See data.h.
 */
#include "core/data.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every table a loader reads (src/core/lines.h and the loaders that call cb_data_need). */
const char *const cb_data_tables[] = {
  "cleanup/junk.tsv",
  "corroborate/cause-stops.txt", "corroborate/causes.tsv", "corroborate/generic-nouns.txt",
  "corroborate/incidents.txt", "corroborate/not-topics.txt", "corroborate/plurals.tsv",
  "corroborate/stopwords.txt", "corroborate/tolls.txt",
  "dates/holidays.tsv",
  "frames/grammar.tsv", "frames/stance.tsv",
  "group/stopwords.txt",
  "html/hints.txt", "html/phrases.txt",
  "names/aliases.tsv", "names/demonyms.tsv", "names/honorifics.txt", "names/modifiers.tsv",
  "names/org_cues.txt", "names/orgs.txt", "names/outlet_cues.txt", "names/outlet_nouns.txt",
  "names/outlets.txt", "names/particles.txt", "names/place_cues.txt", "names/places.txt",
  "names/prefixes.txt", "names/role_nouns.txt", "names/stopwords.txt", "names/title-classes.tsv",
  "names/title-groups.txt", "names/titles.tsv", "names/translate.tsv",
  "quantity/change_words.tsv", "quantity/currency_prefix.tsv", "quantity/events.tsv",
  "quantity/noun_stop.tsv", "quantity/numbers.tsv", "quantity/qualifiers.tsv",
  "quantity/scale_suffix.tsv", "quantity/tally-cues.txt", "quantity/units.tsv", "quantity/words.tsv",
  "quotes/cues.txt", "quotes/determiners.txt", "quotes/org_heads.txt", "quotes/pronouns.txt",
  "quotes/roles.txt", "quotes/skip.txt", "quotes/stops.txt", "quotes/titles.txt",
  "timex/lexicon.tsv",
  NULL
};

/* Testing: CORROBORATE_FAULT_DATA names a table to treat as missing. */
static const char *fault;
static pthread_once_t fault_once = PTHREAD_ONCE_INIT;
static void read_fault(void) { fault = getenv("CORROBORATE_FAULT_DATA"); }

static const char *embedded(const char *name, size_t *len) {
  pthread_once(&fault_once, read_fault);
  if (fault && strcmp(fault, name) == 0) { *len = 0; return NULL; }
  return cb_data_get(name, len);
}

static int listed(const char *name) {
  for (size_t i = 0; cb_data_tables[i]; i++)
    if (strcmp(cb_data_tables[i], name) == 0) return 1;
  return 0;
}

static const char missing[] = "missing: not embedded in this build (no such file under data/ when it was built)";

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

int cb_data_load(const char *name, cb_slice *out, cb_error *e) {
  size_t len = 0;
  const char *d = embedded(name, &len);
  out->ptr = d;
  out->len = len;
  if (!d) return fail(e, name, missing);
  if (!has_entry(d, len)) return fail(e, name, "holds no entries (only comments and blank lines)");
  return CB_OK;
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
  const char *d = embedded(name, len);
  if (d && listed(name)) return d;
  cb_error e;
  if (!d) fail(&e, name, missing);
  else fail(&e, name, "is read but not listed in cb_data_tables (src/core/data.c), which cb_init checks");
  keep_failure(&e);
  *len = 0;
  return NULL;
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
  for (size_t i = 0; cb_data_tables[i]; i++)
    if (cb_data_load(cb_data_tables[i], &s, &check_result)) return;
}

int cb_init(cb_error *e) {
  pthread_once(&check_once, check_tables);
  if (check_result.code) {
    if (e) *e = check_result;
    return check_result.code;
  }
  return cb_data_status(e);
}
