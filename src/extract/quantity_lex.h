/*
 * quantity_lex.h - the quantity lexicons (the .tsv files of data/quantity) loaded once into hash tables:
 * number words, units, currency prefixes, qualifiers, change words, event words and the
 * words that end a counted noun phrase. Loaded on first use, read-only afterwards.
 */
#ifndef CB_EXTRACT_QUANTITY_LEX_H
#define CB_EXTRACT_QUANTITY_LEX_H
#include <stddef.h>

enum { QL_UNIT_CASE = 1, QL_UNIT_DIGITS = 2, QL_UNIT_IN = 4, QL_SCALE_CURRENCY = 8, QL_UNIT_GLUED = 16 };
enum { QN_UNIT, QN_TENS, QN_HUNDRED, QN_SCALE, QN_FRACTION, QN_DOZEN, QN_DENOM, QN_SIGN, QN_VAGUE };

typedef struct cb_qunit {
  const char *norm, *dim, *base;   /* "kilometre", "length", "m" */
  double factor;                   /* value * factor = value in base */
  unsigned flags;
} cb_qunit;

typedef struct cb_qnumword { double value; int kind; } cb_qnumword;
typedef struct cb_qprefix { const char *norm, *code; } cb_qprefix;
typedef struct cb_qqual { const char *change, *bound; double tolerance; } cb_qqual;
typedef struct cb_qscale { double factor; unsigned flags; } cb_qscale;
typedef struct cb_qword { const char *cls, *value; } cb_qword;   /* words.tsv */

/* Loads the lexicons (first call; thread-safe). NULL if a data file is missing or on OOM. */
const struct cb_qlex *cb_qlex_get(void);

/* Lookups by key (bytes, not NUL-terminated). Word keys are lower-case; units and scale
 * suffixes are tried with their exact case first. NULL when absent. */
const cb_qnumword *cb_qlex_number(const struct cb_qlex *lx, const char *k, size_t n);
const cb_qunit *cb_qlex_unit(const struct cb_qlex *lx, const char *k, size_t n, int exact_case);
const cb_qprefix *cb_qlex_prefix(const struct cb_qlex *lx, const char *k, size_t n);
const cb_qqual *cb_qlex_qualifier(const struct cb_qlex *lx, const char *k, size_t n);
const cb_qscale *cb_qlex_scale(const struct cb_qlex *lx, const char *k, size_t n, int exact_case);
const char *cb_qlex_change(const struct cb_qlex *lx, const char *k, size_t n);  /* "up"/"down" */
/* Verbs that mark a change only for a number after "by" ("raised its rate by 0.25"). */
const char *cb_qlex_change_by(const struct cb_qlex *lx, const char *k, size_t n);
const char *cb_qlex_event(const struct cb_qlex *lx, const char *k, size_t n);   /* lemma */
int cb_qlex_stop(const struct cb_qlex *lx, const char *k, size_t n);
/* Fast filter: the bit of cb_qlex_start_bloom() at cb_qlex_bloom_index(token) is 0 when the
 * token (any case) cannot start a quantity (a Bloom filter over the number words, "a"/"an",
 * minus signs and the first token of each currency prefix). */
const unsigned char *cb_qlex_start_bloom(const struct cb_qlex *lx);
/* The same kind of filter over the first token of every unit. */
const unsigned char *cb_qlex_unit_bloom(const struct cb_qlex *lx);
static inline unsigned cb_qlex_lower_byte(char ch) {
  unsigned char c = (unsigned char)ch;
  return c >= 'A' && c <= 'Z' ? c + 32u : c;
}
/* Case-blind: uses the length and the first, second and last bytes, lower-cased. */
static inline unsigned cb_qlex_bloom_index(const char *k, size_t n) {
  unsigned h = (unsigned)n * 2654435761u;
  h ^= cb_qlex_lower_byte(k[0]) * 40503u;
  if (n > 1) h ^= cb_qlex_lower_byte(k[1]) * 9973u + cb_qlex_lower_byte(k[n - 1]) * 131u;
  return (h ^ (h >> 16)) & 65535u;
}
/* 1 if the lower-case token k is the first token of some currency prefix. */
int cb_qlex_prefix_head(const struct cb_qlex *lx, const char *k, size_t n);
const cb_qword *cb_qlex_word(const struct cb_qlex *lx, const char *k, size_t n);
#endif
