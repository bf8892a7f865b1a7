/*
 * text_meta.c - metadata lines at the top of a plain-text article (see text_meta.h): each
 * line is cut into segments at '|' and spaced dashes, each segment is a date, a byline, an
 * outlet, a person's name or a short capitalised label (a section), and the line counts as
 * metadata only when every segment is one of these.
 */
#include "ingest/text_meta.h"
#include "extract/name_fold.h"
#include "extract/name_lexicon.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef struct seg { const char *s; size_t n; } seg;

enum { SEG_BAD, SEG_DATE, SEG_BYLINE, SEG_OUTLET, SEG_PERSON, SEG_LABEL };
enum { MAX_SEGS = 6, MAX_SEG_BYTES = 60 };

static seg trim(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  return (seg){s, n};
}

/* A separator at i: '|', or a dash or dot with a space on each side (" — ", " - ", " · ").
 * Returns its bytes, 0 if none. */
static size_t sep_at(const char *s, size_t n, size_t i) {
  if (s[i] == '|') return 1;
  if (s[i] != ' ') return 0;
  static const char *const marks[] = {" - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " \xc2\xb7 ",
                                      " \xe2\x80\xa2 ", NULL};
  for (int k = 0; marks[k]; k++) {
    size_t l = strlen(marks[k]);
    if (i + l <= n && memcmp(s + i, marks[k], l) == 0) return l;
  }
  return 0;
}

/* Cuts s into at most MAX_SEGS trimmed segments; 0 if there are more or one is empty. */
static size_t split(const char *s, size_t n, seg *g) {
  size_t ns = 0, b = 0;
  for (size_t i = 0; i <= n; i++) {
    size_t l = i < n ? sep_at(s, n, i) : 1;
    if (!l) continue;
    if (ns == MAX_SEGS) return 0;
    g[ns] = trim(s + b, i - b);
    if (!g[ns++].n) return 0;
    b = i + l;
    i = b - 1;
  }
  return ns;
}

static int word_is(const char *w, size_t n, const char *const *list) {
  for (int k = 0; list[k]; k++)
    if (strlen(list[k]) == n && strncasecmp(w, list[k], n) == 0) return 1;
  return 0;
}

/* Lower-case words a capitalised name may hold ("Voice of the Valley", "El Diario de Hoy"). */
static const char *const joiners[] = {"of", "the", "and", "for", "on", "in", "at", "de", "del", "la",
                                      "le", "du", "des", "el", "y", "&", "van", "von", "bin", "al", "da",
                                      "di", NULL};

/* 1 if g holds punctuation no name or label has: , : ; ! ? " ( ) or curly double quotes. */
static int sentence_marks(seg g) {
  for (size_t i = 0; i < g.n; i++) {
    if (strchr(",:;!?\"()", g.s[i])) return 1;
    if (i + 2 < g.n && (unsigned char)g.s[i] == 0xE2 && (unsigned char)g.s[i + 1] == 0x80 &&
        ((unsigned char)g.s[i + 2] == 0x9C || (unsigned char)g.s[i + 2] == 0x9D)) return 1;
  }
  return 0;
}

/* Short and capitalised: 1..maxw words, at most MAX_SEG_BYTES, the first word capitalised
 * or a number, the others too or joining words, no sentence punctuation. Sets *words. */
static int cap_shape(seg g, size_t maxw, size_t *words) {
  *words = 0;
  if (!g.n || g.n > MAX_SEG_BYTES || sentence_marks(g)) return 0;
  for (size_t i = 0; i < g.n;) {
    size_t e = i;
    while (e < g.n && g.s[e] != ' ') e++;
    unsigned char c = (unsigned char)g.s[i];
    int cap = isupper(c) || isdigit(c) || c >= 0xC3;
    if (!cap && (!*words || !word_is(g.s + i, e - i, joiners))) return 0;
    if (++*words > maxw) return 0;
    i = e;
    while (i < g.n && g.s[i] == ' ') i++;
  }
  return *words > 0;
}

/* The folded key of g in out (CB_NAME_KEY_MAX bytes); its length. */
static size_t key_of(seg g, char *out) { return cb_name_fold(g.s, g.n, out); }

/* A known outlet (data/names/outlets.txt), written with or without "The". */
static int known_outlet(seg g) {
  char k[CB_NAME_KEY_MAX];
  size_t n = key_of(g, k);
  if (cb_name_lex_get(CB_LEX_OUTLETS, k, n)) return 1;
  return n > 4 && strncmp(k, "the ", 4) == 0 && cb_name_lex_get(CB_LEX_OUTLETS, k + 4, n - 4);
}

/* Two words or more, the last one or two an outlet word ("Courier", "Broadcasting Corporation"). */
static int outlet_word_last(seg g) {
  char k[CB_NAME_KEY_MAX];
  size_t n = key_of(g, k);
  for (size_t i = n, spaces = 0; i-- > 0 && spaces < 2;) {
    if (k[i] != ' ') continue;
    spaces++;
    if (cb_name_lex_get(CB_LEX_OUTLET_CUES, k + i + 1, n - i - 1)) return 1;
  }
  return 0;
}

/* A word that reads as a verb form in a title-case line: "...ed", "...ing". */
static int verb_like(seg g) {
  for (size_t i = 0; i < g.n;) {
    size_t e = i;
    while (e < g.n && g.s[e] != ' ') e++;
    size_t l = e - i;
    if ((l > 4 && strncmp(g.s + e - 2, "ed", 2) == 0) || (l > 5 && strncmp(g.s + e - 3, "ing", 3) == 0))
      return 1;
    i = e + 1;
  }
  return 0;
}

/* An outlet's name: known, or (by_shape) two to six capitalised words without a verb that
 * end in an outlet word ("Kasenda Courier") or start with "The" ("The Velin Ledger"). */
static int outlet_name(seg g, int by_shape) {
  size_t w;
  if (!cap_shape(g, 6, &w)) return 0;
  if (known_outlet(g)) return 1;
  int the = g.n > 4 && strncmp(g.s, "The ", 4) == 0;
  return by_shape && w >= 2 && !verb_like(g) && (the || outlet_word_last(g));
}

/* Job words after a byline's comma: "By Jane Doe, Staff Writer" names no outlet. */
static int job_title(seg g) {
  static const char *const jobs[] = {"writer", "reporter", "correspondent", "editor", "contributor",
                                     "columnist", "journalist", "producer", "staff", NULL};
  size_t b = g.n;
  while (b && g.s[b - 1] != ' ') b--;
  return word_is(g.s + b, g.n - b, jobs);
}

/* A person's name: two to four capitalised words or initials, no digits, no outlet word, no
 * job ("Staff Writer"). */
static int person_name(seg g) {
  size_t w;
  if (!cap_shape(g, 4, &w) || w < 2 || outlet_name(g, 1) || job_title(g)) return 0;
  for (size_t i = 0; i < g.n; i++) if (isdigit((unsigned char)g.s[i]) || g.s[i] == '&') return 0;
  return strncmp(g.s, "The ", 4) != 0;
}

/* A separator of names at i (",", " and ", " & "; the end of g counts): its bytes, else 0. */
static size_t name_sep(seg g, size_t i) {
  if (i == g.n || g.s[i] == ',') return 1;
  if (i + 5 <= g.n && strncmp(g.s + i, " and ", 5) == 0) return 5;
  return i + 3 <= g.n && strncmp(g.s + i, " & ", 3) == 0 ? 3 : 0;
}

/* Names separated by ", ", " and " or " & ", each a person's ("Jane Doe, Ann Lee and Tom
 * Burke"). */
static int names_list(seg g) {
  size_t b = 0;
  for (size_t i = 0; i <= g.n; i++) {
    size_t sep = name_sep(g, i);
    if (!sep) continue;
    if (!person_name(trim(g.s + b, i - b))) return 0;
    b = i + sep;
    i = b - 1;
  }
  return 1;
}

/* "By Jane Doe", "By Jane Doe, Kasenda Courier", "By Jane Doe for Kasenda Courier", "By Jane
 * Doe, Ann Lee and Tom Burke", "By Jane Doe, Staff Writer", "By Reuters": the names in
 * *who, the outlet (if any) in *outlet. "By Tuesday, officials ..." is no byline. */
static int byline(seg g, seg *who, seg *outlet) {
  if (g.n < 5 || strncasecmp(g.s, "by ", 3) != 0 || !isupper((unsigned char)g.s[3])) return 0;
  seg rest = trim(g.s + 3, g.n - 3);
  *who = rest;
  *outlet = (seg){NULL, 0};
  if (known_outlet(rest)) { *outlet = rest; who->n = 0; return 1; }
  int list = !memchr(rest.s, ',', rest.n) || memmem(rest.s, rest.n, " and ", 5) ||
             memmem(rest.s, rest.n, " & ", 3);
  if (list && names_list(rest)) return 1;   /* a comma without "and": "NAME, Outlet" */
  size_t cut = 0, skip = 0;
  for (size_t i = 0; i < rest.n && !skip; i++) {
    if (rest.s[i] == ',') cut = i, skip = 1;
    else if (i + 5 <= rest.n && strncmp(rest.s + i, " for ", 5) == 0) cut = i, skip = 5;
  }
  size_t w;
  seg tail = trim(rest.s + cut + skip, rest.n - cut - skip);
  if (!skip || !cap_shape(tail, 6, &w)) return 0;
  *who = trim(rest.s, cut);
  if (!job_title(tail)) *outlet = tail;
  return names_list(*who);
}

static char *dup(cb_article *a, seg g) { return cb_arena_strndup(a->arena, g.s, g.n); }

void cb_meta_date(cb_text_meta *m, const cb_date *d, cb_date_label kind, const char *s, size_t n) {
  if (kind <= m->date_kind) return;
  cb_date_format(d, m->a->published, sizeof m->a->published);
  m->a->published_inferred = 0;
  m->a->published_why = cb_arena_printf(m->a->arena, "date line \"%.*s\"", (int)n, s);
  m->date_kind = kind;
}

/* What segment g is; a date goes to *d and *dk. */
static int classify(seg g, cb_date *d, cb_date_label *dk) {
  seg who, outlet;
  size_t w;
  if ((*dk = cb_date_line_label(g.s, g.n, d)) != CB_DATE_NONE) return SEG_DATE;
  if (byline(g, &who, &outlet)) return SEG_BYLINE;
  if (outlet_name(g, 1)) return SEG_OUTLET;
  if (person_name(g)) return SEG_PERSON;
  return cap_shape(g, 6, &w) ? SEG_LABEL : SEG_BAD;
}

/* Sets author and outlet from the classified segments; the first segment is the outlet of
 * a dated line that names none otherwise ("Kasenda Valley | World | 12 Aug 2026"). */
static void take_names(cb_text_meta *m, const seg *g, const int *kind, size_t ns, int dated) {
  cb_article *a = m->a;
  int outlet_seg = -1, person_seg = -1;
  for (size_t i = 0; i < ns; i++) {
    if (kind[i] == SEG_OUTLET && outlet_seg < 0) outlet_seg = (int)i;
    if (kind[i] == SEG_PERSON && person_seg < 0) person_seg = (int)i;
    seg who, outlet;
    if (kind[i] != SEG_BYLINE || !byline(g[i], &who, &outlet)) continue;
    if (!a->author && who.n) a->author = dup(a, who);
    if (!a->outlet && outlet.n) a->outlet = dup(a, outlet);
  }
  if (outlet_seg < 0 && dated && (kind[0] == SEG_LABEL || kind[0] == SEG_PERSON)) outlet_seg = 0;
  else if (outlet_seg >= 0 && person_seg >= 0 && !a->author) a->author = dup(a, g[person_seg]);
  if (outlet_seg >= 0 && !a->outlet) a->outlet = dup(a, g[outlet_seg]);
}

int cb_meta_line(cb_text_meta *m, const char *s, size_t n) {
  seg g[MAX_SEGS];
  int kind[MAX_SEGS];
  cb_date d[MAX_SEGS];
  cb_date_label dk[MAX_SEGS];
  size_t ns = n <= 240 ? split(s, n, g) : 0;
  int dated = 0, by = 0, outlet = 0, person = 0;
  for (size_t i = 0; i < ns; i++) {
    kind[i] = classify(g[i], &d[i], &dk[i]);
    if (kind[i] == SEG_BAD) return 0;
    dated |= kind[i] == SEG_DATE;
    by |= kind[i] == SEG_BYLINE;
    outlet |= kind[i] == SEG_OUTLET;
    person |= kind[i] == SEG_PERSON;
  }
  if (!ns || !(dated || by || (ns == 2 && outlet && person))) return 0;
  for (size_t i = 0; i < ns; i++)
    if (kind[i] == SEG_DATE) cb_meta_date(m, &d[i], dk[i], g[i].s, g[i].n);
  take_names(m, g, kind, ns, dated);
  return 1;
}

int cb_meta_outlet_alone(cb_text_meta *m, const char *s, size_t n) {
  seg g = trim(s, n);
  cb_date d;
  if (cb_date_line(g.s, g.n, &d) || !outlet_name(g, m->titled)) return 0;
  if (!m->a->outlet) m->a->outlet = dup(m->a, g);
  return 1;
}

int cb_meta_masthead_day(const char *s, size_t n) {
  seg g = trim(s, n);
  return g.n == 5 && strncasecmp(g.s, "today", 5) == 0;
}
