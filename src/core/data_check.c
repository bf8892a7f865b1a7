/*
 * data_check.c - holds a lexicon table to the format of its rows (cb_table.cols, data.c), so
 * that a bad row stops the table with its line number instead of being skipped by the loader.
 *
 * A table is lines; empty lines and lines starting with '#' are skipped (every loader does so).
 * Every other line is one row: fields separated by cb_table.sep, checked against the columns of
 * cb_table.cols (space separated):
 *   text, textN     any text, not empty, at most N bytes; no space at either end in a TSV
 *   rest, restN     (last column) the rest of the line, spaces and all, at most N bytes
 *   num             a decimal number ("0.5", "1e-6")
 *   int, int:LO:HI  a whole number, from LO to HI
 *   a|b|c           one of these words; REASON stands for any drop reason (cb_drop_reason_parse)
 *   words:a|b|c     one or more of these words, separated by spaces or commas
 *   flags:CHARS     zero or more of these letters (may be empty)
 *   rule            a named day's rule in dates/holidays.tsv: MM-DD, MM:N:WD or easter+K
 *   tvalue          the value of a timex/lexicon.tsv row, by its class (field 2)
 * A trailing '?' lets the column be absent; a trailing '+' lets it repeat to the end of the row.
 * The whole file must be UTF-8 without NUL bytes or carriage returns.
 */
#include "core/data.h"
#include "text/utf8.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 8
#define MAX_FIELDS 64
#define SHOWN 40   /* bytes of a bad field quoted in the message */

typedef struct col {
  const char *type;   /* the column's token, without '?' / '+' */
  size_t n;
  int optional, repeat;
} col;

typedef struct field { const char *s; size_t n; } field;

typedef struct row {
  const cb_table *t;
  field f[MAX_FIELDS];
  int nf;
  char *why;          /* room for the reason */
  size_t cap;
} row;

static int parse_cols(const char *spec, col *c) {
  int k = 0;
  for (const char *p = spec; *p && k < MAX_COLS;) {
    while (*p == ' ') p++;
    size_t n = strcspn(p, " ");
    if (!n) break;
    c[k] = (col){p, n, p[n - 1] == '?', p[n - 1] == '+'};
    if (c[k].optional || c[k].repeat) c[k].n--;
    k++;
    p += n;
  }
  return k;
}

static int is(const col *c, const char *word) { return strlen(word) == c->n && !memcmp(c->type, word, c->n); }
static int starts(const col *c, const char *w) { return c->n >= strlen(w) && !memcmp(c->type, w, strlen(w)); }

/* The number after a type's word ("text39" -> 39), or 0 for none. */
static long limit_of(const col *c, size_t word) { return c->n > word ? strtol(c->type + word, NULL, 10) : 0; }

/* ---- one field against one column ---- */
static const char *bad(row *r, int k, const char *what) {
  const field *f = &r->f[k];
  snprintf(r->why, r->cap, "field %d '%.*s%s' %s", k + 1, (int)(f->n < SHOWN ? f->n : SHOWN), f->s,
           f->n > SHOWN ? "..." : "", what);
  return r->why;
}

static int one_of(const char *list, size_t ln, const char *s, size_t n) {
  for (const char *p = list, *end = list + ln; p < end;) {
    const char *bar = memchr(p, '|', (size_t)(end - p));
    size_t wn = bar ? (size_t)(bar - p) : (size_t)(end - p);
    if (wn == 6 && !memcmp(p, "REASON", 6) ? cb_drop_reason_parse(s, n) != 0 : wn == n && !memcmp(p, s, n))
      return 1;
    p += wn + 1;
  }
  return 0;
}

static int number(const char *s, size_t n, double *v) {
  char tmp[64], *end;
  if (!n || n >= sizeof tmp || isspace((unsigned char)s[0])) return 0;
  memcpy(tmp, s, n);
  tmp[n] = 0;
  *v = strtod(tmp, &end);
  return *end == 0 && isfinite(*v);
}

/* A whole number written with digits only (an optional sign first), from lo to hi. */
static int whole(const char *s, size_t n, long lo, long hi) {
  size_t i = n && (s[0] == '-' || s[0] == '+');
  if (i == n || n - i > 9) return 0;
  long v = 0;
  for (size_t k = i; k < n; k++) {
    if (!isdigit((unsigned char)s[k])) return 0;
    v = v * 10 + (s[k] - '0');
  }
  if (s[0] == '-') v = -v;
  return v >= lo && v <= hi;
}

static const char *check_int(row *r, int k, const col *c) {
  long lo = -2147483647L, hi = 2147483647L;
  if (c->n > 4 && c->type[3] == ':') {
    char *p;
    lo = strtol(c->type + 4, &p, 10);
    hi = strtol(p + 1, NULL, 10);
  }
  if (whole(r->f[k].s, r->f[k].n, lo, hi)) return NULL;
  char what[80];
  snprintf(what, sizeof what, "is not a whole number from %ld to %ld", lo, hi);
  return bad(r, k, what);
}

static const char *check_text(row *r, int k, const col *c, size_t word) {
  const field *f = &r->f[k];
  long max = limit_of(c, word);
  if (!f->n) { snprintf(r->why, r->cap, "field %d is empty", k + 1); return r->why; }
  if (r->t->sep == '\t' && (f->s[0] == ' ' || f->s[f->n - 1] == ' '))
    return bad(r, k, "has a space at its start or end");
  if (max && f->n > (size_t)max) {
    char what[64];
    snprintf(what, sizeof what, "is longer than %ld bytes", max);
    return bad(r, k, what);
  }
  return NULL;
}

static const char *check_words(row *r, int k, const col *c) {
  const field *f = &r->f[k];
  const char *list = c->type + 6;
  size_t ln = c->n - 6;
  for (size_t i = 0; i < f->n;) {
    size_t e = i;
    while (e < f->n && f->s[e] != ' ' && f->s[e] != ',') e++;
    if (e > i && !one_of(list, ln, f->s + i, e - i)) {
      snprintf(r->why, r->cap, "field %d '%.*s' holds a word that is not one of %.*s", k + 1,
               (int)(f->n < SHOWN ? f->n : SHOWN), f->s, (int)ln, list);
      return r->why;
    }
    i = e + 1;
  }
  return NULL;
}

static const char *check_flags(row *r, int k, const col *c) {
  const field *f = &r->f[k];
  for (size_t i = 0; i < f->n; i++)
    if (!memchr(c->type + 6, f->s[i], c->n - 6)) {
      char what[64];
      snprintf(what, sizeof what, "has a flag that is not one of '%.*s'", (int)(c->n - 6), c->type + 6);
      return bad(r, k, what);
    }
  return NULL;
}

/* s[0..n) is exactly want numbers separated by sep, the i-th from lo[i] to hi[i]; a range
 * reaching below 0 leaves 0 out (the N-th weekday: -1 is the last, 0 none). */
static int numbers_in(const char *s, size_t n, char sep, int want, const int *lo, const int *hi) {
  for (int got = 0, i = 0;; got++) {
    int e = i;
    while ((size_t)e < n && s[e] != sep) e++;
    if (got == want || !whole(s + i, (size_t)(e - i), lo[got], hi[got])) return 0;
    if (lo[got] < 0 && whole(s + i, (size_t)(e - i), 0, 0)) return 0;
    if ((size_t)e >= n) return got + 1 == want;
    i = e + 1;
  }
}

/* dates/holidays.tsv: "MM-DD", "MM:N:WD" (N-th weekday WD of month MM, N=-1 the last), "easter+K". */
static const char *check_rule(row *r, int k) {
  const field *f = &r->f[k];
  static const int day_lo[] = {1, 1}, day_hi[] = {12, 31}, nth_lo[] = {1, -5, 1}, nth_hi[] = {12, 5, 7};
  if (f->n > 7 && !memcmp(f->s, "easter", 6) && (f->s[6] == '+' || f->s[6] == '-') &&
      whole(f->s + 7, f->n - 7, 0, 366))
    return NULL;
  if (numbers_in(f->s, f->n, '-', 2, day_lo, day_hi)) return NULL;
  if (numbers_in(f->s, f->n, ':', 3, nth_lo, nth_hi)) return NULL;
  return bad(r, k, "is not a day rule (MM-DD, MM:N:WD with N from -5 to 5 but not 0, or easter+K)");
}

/* ---- timex/lexicon.tsv values, by class (as src/extract/timex_lex.c reads them) ---- */
static const char *timex_names(const field *cls) {
  static const char units[] = "S|MI|H|D|W|FN|M|Q|Y|DE|CE|WE|HA|PE|NT|MIL";
  static const struct { const char *cls, *names; } by[] = {
    {"unit", units}, {"setadv", units},
    {"part", "START|MID|END"}, {"pod", "MO|AF|EV|NI|12:00|24:00"}, {"season", "SP|SU|FA|WI"},
    {"qual", "APPROX|EQUAL_OR_LESS|MORE_THAN|LESS_THAN|EQUAL_OR_MORE"}};
  for (size_t i = 0; i < sizeof by / sizeof *by; i++)
    if (strlen(by[i].cls) == cls->n && !memcmp(by[i].cls, cls->s, cls->n)) return by[i].names;
  return NULL;
}

/* "fix:M:D", "nth:M:WD:N" (N-th weekday WD of month M, N=-1 the last), "easter:K". */
static int timex_holiday(const char *s, size_t n) {
  static const int fix_lo[] = {1, 1}, fix_hi[] = {12, 31}, nth_lo[] = {1, 1, -5}, nth_hi[] = {12, 7, 5};
  if (n > 4 && !memcmp(s, "fix:", 4)) return numbers_in(s + 4, n - 4, ':', 2, fix_lo, fix_hi);
  if (n > 4 && !memcmp(s, "nth:", 4)) return numbers_in(s + 4, n - 4, ':', 3, nth_lo, nth_hi);
  return n > 7 && !memcmp(s, "easter:", 7) && whole(s + 7, n - 7, -366, 366);
}

static const char *check_tvalue(row *r, int k) {
  const field *cls = &r->f[1], *v = &r->f[k];
  const char *names = timex_names(cls);
  if (names) {
    if (one_of(names, strlen(names), v->s, v->n)) return NULL;
    char what[160];
    snprintf(what, sizeof what, "is not one of %s (the values of class %.*s)", names, (int)cls->n, cls->s);
    return bad(r, k, what);
  }
  if (cls->n == 7 && !memcmp(cls->s, "holiday", 7)) {
    return timex_holiday(v->s, v->n) ? NULL
         : bad(r, k, "is not a holiday rule (fix:M:D, nth:M:WD:N with N from -5 to 5 but not 0, easter:K)");
  }
  return whole(v->s, v->n, -32768, 32767) ? NULL : bad(r, k, "is not a whole number");
}

static const char *check_field(row *r, int k, const col *c) {
  if (starts(c, "text")) return check_text(r, k, c, 4);
  if (starts(c, "rest")) return check_text(r, k, c, 4);
  if (starts(c, "int")) return check_int(r, k, c);
  if (starts(c, "flags:")) return check_flags(r, k, c);
  if (starts(c, "words:")) return check_words(r, k, c);
  if (is(c, "num")) {
    double v;
    return number(r->f[k].s, r->f[k].n, &v) ? NULL : bad(r, k, "is not a number");
  }
  if (is(c, "rule")) return check_rule(r, k);
  if (is(c, "tvalue")) return check_tvalue(r, k);
  if (one_of(c->type, c->n, r->f[k].s, r->f[k].n)) return NULL;
  char what[300];
  snprintf(what, sizeof what, "is not one of %.*s", (int)c->n, c->type);
  return bad(r, k, what);
}

/* ---- one row ---- */
/* Splits the line into r->f; the last column of kind "rest" takes what is left. */
static void split(row *r, const char *s, size_t n, const col *c, int nc) {
  int rest = nc && starts(&c[nc - 1], "rest");
  r->nf = 0;
  for (size_t i = 0; r->nf < MAX_FIELDS;) {
    size_t e = i;
    if (!(rest && r->nf == nc - 1))
      while (e < n && s[e] != r->t->sep) e++;
    else e = n;
    r->f[r->nf++] = (field){s + i, e - i};
    if (e >= n) break;
    i = e + 1;
  }
}

static const char *check_count(row *r, const col *c, int nc) {
  int lo = 0, hi = nc;
  for (int i = 0; i < nc; i++) lo += !c[i].optional;
  if (nc && c[nc - 1].repeat) hi = MAX_FIELDS;
  if (r->nf >= lo && r->nf <= hi && r->nf < MAX_FIELDS) return NULL;
  const char *sep = r->t->sep == '\t' ? "tabs" : "spaces";
  if (lo == hi) snprintf(r->why, r->cap, "%d fields, want %d separated by %s", r->nf, lo, sep);
  else if (hi == MAX_FIELDS)
    snprintf(r->why, r->cap, "%d fields, want %d or more separated by %s", r->nf, lo, sep);
  else snprintf(r->why, r->cap, "%d fields, want %d to %d separated by %s", r->nf, lo, hi, sep);
  return r->why;
}

static const char *check_row(row *r, const char *s, size_t n, const col *c, int nc) {
  split(r, s, n, c, nc);
  const char *why = check_count(r, c, nc);
  for (int k = 0; !why && k < r->nf; k++) why = check_field(r, k, &c[k < nc ? k : nc - 1]);
  return why;
}

/* Problems of the bytes themselves, or NULL. */
static const char *check_bytes(const char *s, size_t n) {
  size_t at;
  if (memchr(s, 0, n)) return "a NUL byte: not a text file";
  if (n && s[n - 1] == '\r') return "a carriage return at its end (CRLF line ends): use LF line ends";
  if (!cb_utf8_valid(s, n, &at)) return "not valid UTF-8";
  return NULL;
}

int cb_table_check(const cb_table *t, const char *file, const char *d, size_t len, cb_error *e) {
  col c[MAX_COLS];
  int nc = parse_cols(t->cols, c), entries = 0;
  char why[400];
  row r = {.t = t, .why = why, .cap = sizeof why};
  long line = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(d + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - d) : len, n = end - i;
    const char *s = d + i, *bad_why = NULL;
    line++;
    i = end + 1;
    if (!(bad_why = check_bytes(s, n)) && (n == 0 || s[0] == '#')) continue;
    if (!bad_why) bad_why = check_row(&r, s, n, c, nc);
    entries += nc && c[nc - 1].repeat ? r.nf - (nc - 1) : 1;
    if (!bad_why && t->max && entries > t->max) {
      snprintf(why, sizeof why, "more than %d %s, the most its loader has room for", t->max,
               nc && c[nc - 1].repeat ? "patterns" : "entries");
      bad_why = why;
    }
    if (bad_why) {
      cb_error_set(e, CB_EDATA, file, line, "%s", bad_why);
      return CB_EDATA;
    }
  }
  return CB_OK;
}
