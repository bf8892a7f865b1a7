/*
 * sentence.c - a first sentence splitter: ends at . ! ? (after closing quotes or
 * brackets) followed by space and an upper-case letter, digit or opening quote, and at
 * blank lines; not after a known abbreviation or a single capital initial, unless the
 * abbreviation may end a sentence ("U.S.", "Inc.") and a usual opener follows ("He").
 */
#include "text/sentence.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *const abbrev[] = {"mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "lt", "gen", "col",
                                     "sgt", "capt", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no",
                                     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                     "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "mt", "ft",
                                     "rev", "gen", "adm", "maj", "cmdr", "pres", "supt", "det", "insp", NULL};

/* Abbreviations that may also end a sentence ("... in the U.S. He said"). */
static const char *const may_end[] = {"u.s", "u.k", "u.n", "a.m", "p.m", "inc", "corp", "co", "ltd", "jr", "sr",
                                      "e.g", "i.e", NULL};
/* Words that open a sentence far more often than they follow an abbreviation. */
static const char *const openers[] = {"he", "she", "it", "they", "we", "i", "the", "but", "and", "in", "this",
                                      "that", "there", "his", "her", "their", "its", "a", "an", NULL};

static int word_in(const char *s, size_t b, size_t e, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == e - b && strncasecmp(s + b, list[i], e - b) == 0) return 1;
  return 0;
}

/* 1 if the abbreviation ending at the dot s[dot] ends the sentence too: it is one that
 * may end a sentence and the next word (after spaces at k) is a usual sentence opener. */
static int abbrev_ends_sentence(const char *s, size_t n, size_t dot, size_t k) {
  size_t b = dot;
  while (b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.')) b--;
  if (!word_in(s, b, dot, may_end) || k >= n || !isupper((unsigned char)s[k])) return 0;
  size_t e = k;
  while (e < n && isalpha((unsigned char)s[e])) e++;
  return word_in(s, k, e, openers);
}

static int is_abbrev(const char *s, size_t dot) {
  size_t b = dot;
  /* abbreviations are short: stop looking back after 32 bytes, so a long run of letters
   * and dots costs nothing per dot (no quadratic walk) */
  while (b > 0 && dot - b < 32 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.')) b--;
  if (b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.')) return 0;
  size_t len = dot - b;
  if (len == 1 && isupper((unsigned char)s[b])) return 1;             /* initial: "J. Smith" */
  for (int i = 0; abbrev[i]; i++)
    if (strlen(abbrev[i]) == len && strncasecmp(s + b, abbrev[i], len) == 0) return 1;
  return 0;
}

static int opens_sentence(const char *s, size_t n, size_t i) {
  if (i >= n) return 1;
  unsigned char c = (unsigned char)s[i];
  if (isupper(c) || isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98)) return 1;   /* “ ‘ */
  return c >= 0xC3;   /* an accented capital, most likely */
}

static size_t skip_closers(const char *s, size_t n, size_t i) {
  for (;;) {
    if (i < n && (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']')) { i++; continue; }
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x99)) { i += 3; continue; }  /* ” ’ */
    return i;
  }
}

size_t cb_sentences(cb_arena *a, const char *s, size_t n, cb_span **out) {
  size_t cap = 16, count = 0, start = 0;
  cb_span *v = cb_arena_alloc(a, cap * sizeof *v);
  *out = NULL;
  if (!v) return 0;
  for (size_t i = 0; i <= n; i++) {
    size_t end = 0;
    int cut = 0;
    if (i == n) { end = n; cut = 1; }
    else if (s[i] == '\n' && i + 1 < n && s[i + 1] == '\n') { end = i; cut = 1; }
    else if (s[i] == '.' || s[i] == '!' || s[i] == '?') {
      if (s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1])) continue;   /* 4.5 */
      if (s[i] == '.' && is_abbrev(s, i)) {
        size_t k = i + 1;
        while (k < n && s[k] == ' ') k++;
        if (!abbrev_ends_sentence(s, n, i, k)) continue;
      }
      size_t j = skip_closers(s, n, i + 1);
      if (j < n && s[j] != ' ' && s[j] != '\n') continue;
      size_t k = j;
      while (k < n && (s[k] == ' ' || s[k] == '\n')) k++;
      if (!opens_sentence(s, n, k)) continue;
      end = j; cut = 1;
    }
    if (!cut) continue;
    while (start < end && isspace((unsigned char)s[start])) start++;
    size_t e = end;
    while (e > start && isspace((unsigned char)s[e - 1])) e--;
    if (e > start) {
      if (count == cap) {
        cb_span *nv = cb_arena_alloc(a, cap * 2 * sizeof *nv);
        if (!nv) return 0;
        memcpy(nv, v, cap * sizeof *v);
        v = nv; cap *= 2;
      }
      v[count].start = start; v[count].end = e; count++;
    }
    start = end;
    if (i < n && s[i] == '\n') i++;
  }
  *out = v;
  return count;
}
