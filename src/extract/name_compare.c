/*
 * name_compare.c - the kinds of difference between two forms of a name (see
 * name_compare.h).
 */
#include "extract/name_compare.h"
#include "extract/name_fold.h"
#include "extract/name_lexicon.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { MAX_WORD = 64, MAX_WORDS = 16 };

int cb_name_distance(const char *a, size_t an, const char *b, size_t bn, int max) {
  if (an > MAX_WORD || bn > MAX_WORD) return max + 1;
  if ((an > bn ? an - bn : bn - an) > (size_t)max) return max + 1;
  int d[MAX_WORD + 1][MAX_WORD + 1];
  for (size_t i = 0; i <= an; i++) d[i][0] = (int)i;
  for (size_t j = 0; j <= bn; j++) d[0][j] = (int)j;
  for (size_t i = 1; i <= an; i++) {
    int rowmin = max + 1;
    for (size_t j = 1; j <= bn; j++) {
      int cost = a[i - 1] != b[j - 1];
      int v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
      if (v < rowmin) rowmin = v;
    }
    if (rowmin > max) return max + 1;
  }
  return d[an][bn] > max ? max + 1 : d[an][bn];
}

static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

static int is_vowel(char c) { return c && strchr("aeiouy", c) != NULL; }

/* Weighted edit distance in half-edits: a vowel for a vowel, or a doubled letter added or
 * dropped, costs 1; any other edit 2. Stops above max. */
static int typo_distance(const char *a, size_t an, const char *b, size_t bn, int max) {
  if (an > MAX_WORD || bn > MAX_WORD) return max + 1;
  int d[MAX_WORD + 1][MAX_WORD + 1];
  for (size_t i = 0; i <= an; i++) d[i][0] = (int)(2 * i);
  for (size_t j = 0; j <= bn; j++) d[0][j] = (int)(2 * j);
  for (size_t i = 1; i <= an; i++) {
    int rowmin = max + 1;
    for (size_t j = 1; j <= bn; j++) {
      char x = a[i - 1], y = b[j - 1];
      int sub = x == y ? 0 : (is_vowel(x) && is_vowel(y)) ? 1 : 2;
      int del = (i > 1 && a[i - 2] == x) ? 1 : 2;     /* drop a doubled letter of a */
      int ins = (j > 1 && b[j - 2] == y) ? 1 : 2;     /* add a doubled letter of b */
      int v = d[i - 1][j - 1] + sub;
      if (d[i - 1][j] + del < v) v = d[i - 1][j] + del;
      if (d[i][j - 1] + ins < v) v = d[i][j - 1] + ins;
      if (i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y && d[i - 2][j - 2] + 2 < v) v = d[i - 2][j - 2] + 2;
      d[i][j] = v;
      if (v < rowmin) rowmin = v;
    }
    if (rowmin > max) return max + 1;
  }
  return d[an][bn];
}

/* 1 if one word begins the other: a plural, an adjective or another name ("Republicans",
 * "Asian", "German", "Erica"), not a typo. */
static int prefix_pair(const char *a, size_t an, const char *b, size_t bn) {
  return memcmp(a, b, an < bn ? an : bn) == 0;
}

int cb_name_misspelt(const char *a, size_t an, const char *b, size_t bn) {
  size_t la = letters(a, an), lb = letters(b, bn);
  if (la < 4 || lb < 4 || a[0] != b[0]) return 0;
  if ((an == bn && memcmp(a, b, an) == 0) || prefix_pair(a, an, b, bn)) return 0;
  return typo_distance(a, an, b, bn, 2) <= 2;
}

typedef struct words { const char *w[MAX_WORDS]; size_t n[MAX_WORDS]; size_t count; } words;

static void split(const char *s, size_t n, words *w) {
  w->count = 0;
  size_t i = 0;
  while (i < n && w->count < MAX_WORDS) {
    while (i < n && (s[i] == ' ' || s[i] == '-')) i++;
    size_t b = i;
    while (i < n && s[i] != ' ' && s[i] != '-') i++;
    if (i > b) { w->w[w->count] = s + b; w->n[w->count] = i - b; w->count++; }
  }
}

static int is_particle(const char *w, size_t n) {
  return cb_name_lex_get(CB_LEX_PARTICLES, w, n) != NULL;
}

enum { ACR_MAX = 8 };

typedef struct acr_search {
  const char *acr; size_t an;
  const words *w;
  int content[MAX_WORDS];                 /* 1: not a particle, its initial must be used */
  unsigned char failed[(2 * ACR_MAX * MAX_WORDS * (MAX_WORD + 1) + 7) / 8];   /* memo of dead ends (bits) */
} acr_search;

/* Letters acr[k..] matched from word wi, letter ci on; word wi's initial is used; inside:
 * a letter inside a word was used already. One such letter is allowed, from the second part
 * of a compound word, right after a known first part (data/names/prefixes.txt: "tele|visión"
 * for VTV), so "RINO" is not "RTL Info" nor "UPI" "University of Pennsylvania". */
static int acr_from(acr_search *s, size_t k, size_t wi, size_t ci, int inside) {
  if (k == s->an) {
    for (size_t j = wi + 1; j < s->w->count; j++) if (s->content[j]) return 0;
    return 1;
  }
  size_t bit = ((k * MAX_WORDS + wi) * (MAX_WORD + 1) + ci) * 2 + (size_t)inside;
  if (ci > MAX_WORD || (s->failed[bit / 8] >> (bit % 8) & 1)) return 0;
  if (!inside)   /* the first letter of the second part of a compound ("tele|vision") */
    for (size_t p = ci > 3 ? ci : 3; p <= 6 && p < s->w->n[wi]; p++)
      if (s->w->w[wi][p] == s->acr[k] && cb_name_lex_get(CB_LEX_PREFIXES, s->w->w[wi], p) &&
          acr_from(s, k + 1, wi, p + 1, 1)) return 1;
  for (size_t j = wi + 1; j < s->w->count; j++) {           /* the initial of a later word */
    if (s->w->w[j][0] == s->acr[k] && acr_from(s, k + 1, j, 1, inside)) return 1;
    if (s->content[j]) break;                                /* content words cannot be skipped */
  }
  s->failed[bit / 8] |= (unsigned char)(1u << (bit % 8));
  return 0;
}

int cb_name_is_acronym(const char *acr, size_t an, const char *lng, size_t ln) {
  if (an < 3 || an > ACR_MAX) return 0;   /* two letters say too little ("GO", "PM") */
  for (size_t i = 0; i < an; i++) if (acr[i] < 'a' || acr[i] > 'z') return 0;
  words w;
  split(lng, ln, &w);
  if (w.count < 2 || w.w[0][0] != acr[0]) return 0;
  acr_search s;
  size_t pos = 0;   /* quick test: the content words' initials appear in order */
  for (size_t i = 0; i < w.count; i++) {
    s.content[i] = !is_particle(w.w[i], w.n[i]);
    if (!s.content[i]) continue;
    while (pos < an && acr[pos] != w.w[i][0]) pos++;
    if (pos++ >= an) return 0;
  }
  size_t bits = 2 * an * MAX_WORDS * (MAX_WORD + 1);
  memset(s.failed, 0, (bits + 7) / 8);
  s.acr = acr; s.an = an; s.w = &w;
  return acr_from(&s, 1, 0, 1, 0);
}

static int is_function_word(const char *w, size_t n) {
  static const char *const fw[] = {"of", "the", "and", "for", "a", "an", NULL};
  for (int i = 0; fw[i]; i++) if (strlen(fw[i]) == n && memcmp(fw[i], w, n) == 0) return 1;
  return 0;
}

static int cmp_words(const void *x, const void *y) {
  const char *const *a = x, *const *b = y;
  return strcmp(*a, *b);
}

size_t cb_name_translation_key(const char *key, size_t n, char *out, int *translated) {
  words w;
  split(key, n, &w);
  char store[MAX_WORDS][CB_NAME_KEY_MAX];
  const char *sorted[MAX_WORDS];
  size_t k = 0;
  *translated = 0;
  for (size_t i = 0; i < w.count; i++) {
    if (w.n[i] == 1) continue;   /* an initial ("Lindsey O. Graham") is not a word to translate */
    const char *en = cb_name_lex_get(CB_LEX_TRANSLATE, w.w[i], w.n[i]);
    size_t len = en ? strlen(en) : w.n[i];
    if (len >= CB_NAME_KEY_MAX) len = CB_NAME_KEY_MAX - 1;
    if (en && (len != w.n[i] || memcmp(en, w.w[i], len) != 0)) *translated = 1;
    const char *src = en ? en : w.w[i];
    if (is_function_word(src, len)) continue;
    memcpy(store[k], src, len);
    store[k][len] = 0;
    sorted[k] = store[k];
    k++;
  }
  if (k) qsort(sorted, k, sizeof *sorted, cmp_words);
  size_t o = 0;
  for (size_t i = 0; i < k; i++) {
    size_t len = strlen(sorted[i]);
    if (o + len + 2 >= CB_NAME_KEY_MAX) break;
    if (o) out[o++] = ' ';
    memcpy(out + o, sorted[i], len);
    o += len;
  }
  out[o] = 0;
  return o;
}

const char *cb_name_alias_of(const char *key, size_t n, char *out, size_t *outn) {
  const char *c = cb_name_lex_get(CB_LEX_ALIASES, key, n);
  if (!c) return NULL;
  *outn = cb_name_fold(c, strlen(c), out);
  return out;
}

/* Accents stripped, case kept; 1 if a and b are then equal. */
static int equal_without_marks(const char *a, const char *b) {
  utf8proc_uint8_t *fa = NULL, *fb = NULL;
  int opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK;
  utf8proc_ssize_t ra = utf8proc_map((const utf8proc_uint8_t *)a, (utf8proc_ssize_t)strlen(a), &fa, opt);
  utf8proc_ssize_t rb = utf8proc_map((const utf8proc_uint8_t *)b, (utf8proc_ssize_t)strlen(b), &fb, opt);
  int eq = ra >= 0 && rb >= 0 && fa && fb && ra == rb && memcmp(fa, fb, (size_t)ra) == 0;
  free(fa);
  free(fb);
  return eq;
}

/* Every word of the shorter key is a word of the longer one. */
static int part_of(const words *p, const words *whole) {
  if (p->count == 0 || p->count >= whole->count) return 0;
  for (size_t i = 0; i < p->count; i++) {
    int found = 0;
    for (size_t j = 0; j < whole->count && !found; j++)
      found = p->n[i] == whole->n[j] && memcmp(p->w[i], whole->w[j], p->n[i]) == 0;
    if (!found) return 0;
  }
  return 1;
}

/* Same number of words, one of them misspelt, the others equal. */
static int one_word_misspelt(const words *a, const words *b) {
  if (a->count != b->count || a->count < 1) return 0;
  size_t diff = 0, at = 0;
  for (size_t i = 0; i < a->count; i++)
    if (a->n[i] != b->n[i] || memcmp(a->w[i], b->w[i], a->n[i]) != 0) { diff++; at = i; }
  if (diff != 1 || (a->count == 1 && a->n[0] < 5)) return 0;
  return cb_name_misspelt(a->w[at], a->n[at], b->w[at], b->n[at]);
}

static cb_form_diff compare_keys(const char *fk, size_t fn, const char *nk, size_t nn) {
  words f, n;
  split(fk, fn, &f);
  split(nk, nn, &n);
  if (part_of(&f, &n) || part_of(&n, &f)) return CB_FORM_PART;   /* "Maduro"; "Vladimir V. Putin" */
  if (one_word_misspelt(&f, &n)) return CB_FORM_MISSPELLING;
  if (f.count == 1 && n.count > 1 && cb_name_is_acronym(fk, fn, nk, nn)) return CB_FORM_ACRONYM;
  if (n.count == 1 && f.count > 1 && cb_name_is_acronym(nk, nn, fk, fn)) return CB_FORM_ACRONYM;
  char ta[CB_NAME_KEY_MAX], tb[CB_NAME_KEY_MAX];
  int xa, xb;
  size_t la = cb_name_translation_key(fk, fn, ta, &xa), lb = cb_name_translation_key(nk, nn, tb, &xb);
  if ((xa || xb) && la && la == lb && memcmp(ta, tb, la) == 0) return CB_FORM_TRANSLATION;
  char aa[CB_NAME_KEY_MAX], ab[CB_NAME_KEY_MAX];
  size_t an = 0, bn = 0;
  const char *ca = cb_name_alias_of(fk, fn, aa, &an), *cbk = cb_name_alias_of(nk, nn, ab, &bn);
  if ((ca && an == nn && memcmp(ca, nk, nn) == 0) || (cbk && bn == fn && memcmp(cbk, fk, fn) == 0) ||
      (ca && cbk && an == bn && memcmp(ca, cbk, an) == 0))
    return CB_FORM_ALIAS;
  return CB_FORM_VARIANT;
}

cb_form_diff cb_name_compare(const char *form, const char *name) {
  if (strcmp(form, name) == 0) return CB_FORM_SAME;
  char fk[CB_NAME_KEY_MAX], nk[CB_NAME_KEY_MAX];
  size_t fn = cb_name_fold(form, strlen(form), fk), nn = cb_name_fold(name, strlen(name), nk);
  if (fn == nn && memcmp(fk, nk, fn) == 0)
    return equal_without_marks(form, name) ? CB_FORM_DIACRITICS : CB_FORM_CASE;
  return compare_keys(fk, fn, nk, nn);
}
