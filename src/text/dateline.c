/*
 * dateline.c - the dateline opening a story (see dateline.h): a place in capitals, then
 * optional ", Region" and ", Month Day[, Year]" parts and an "(Agency)", then a dash.
 */
#include "text/dateline.h"
#include "text/utf8.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Words in capitals that open a story without being a place ("BREAKING -", "EXCLUSIVE-"). */
static const char *const not_places[] = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE",
                                         "ANALYSIS", "OPINION", "EDITORIAL", "FACTBOX", "EXPLAINER",
                                         "CORRECTED", "REFILE", "INSIGHT", "VIDEO", "PHOTOS", "NOTE", NULL};

static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};

static int up(const char *s, size_t n, size_t i) { return i < n && isupper((unsigned char)s[i]); }

/* A letter beyond ASCII at s (Latin, Greek, Cyrillic): its bytes, else 0. */
static size_t wide_letter(const char *s, size_t n) {
  int32_t cp;
  if (!n || (unsigned char)*s < 0xC0) return 0;
  int k = cb_utf8_decode(s, n, &cp);
  return cp >= 0xC0 && cp < 0x530 && cp != 0xD7 && cp != 0xF7 ? (size_t)k : 0;
}

/* End of one word in capitals at i: capitals (any letter beyond ASCII counts), with '.',
 * '\'' or a hyphen between them ("ST.", "N'DJAMENA", "PORT-AU-PRINCE"); i if there is
 * none. *caps counts its ASCII capitals. */
static size_t caps_word(const char *s, size_t n, size_t i, size_t *caps) {
  size_t j = i, c = 0, k;
  if (!up(s, n, i) && !(i < n && wide_letter(s + i, n - i))) return i;
  while (j < n) {
    unsigned char ch = (unsigned char)s[j];
    if (isupper(ch)) { c++; j++; }
    else if ((k = wide_letter(s + j, n - j))) j += k;
    else if ((ch == '\'' || ch == '-') && up(s, n, j + 1) && up(s, n, j + 2)) j++;
    else if (ch == '.') j++;
    else break;
  }
  if (j < n && isalnum((unsigned char)s[j])) return i;   /* "NATOs", "Maduro": not in capitals */
  *caps += c;
  return j;
}

/* End of the place: up to six words in capitals separated by single spaces. */
static size_t place_end(const char *s, size_t n, size_t *caps) {
  size_t e = 0, i = 0;
  for (int w = 0; w < 6; w++) {
    size_t j = caps_word(s, n, i, caps);
    if (j == i) break;
    e = j;
    if (j + 1 >= n || s[j] != ' ') break;
    i = j + 1;
  }
  return e;
}

static int not_place(const char *s, size_t n) {
  for (int i = 0; not_places[i]; i++)
    if (strlen(not_places[i]) == n && strncmp(s, not_places[i], n) == 0) return 1;
  return 0;
}

/* Month name or abbreviation at i ("March", "Mar.", "Sept."): its end, or i. */
static size_t month_at(const char *s, size_t n, size_t i) {
  size_t k = i;
  while (k < n && isalpha((unsigned char)s[k])) k++;
  size_t len = k - i;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(months[m]);
    int form = len == full || len == 3 || (m == 8 && len == 4);
    if (form && len <= full && strncasecmp(s + i, months[m], len) == 0)
      return k < n && s[k] == '.' ? k + 1 : k;
  }
  return i;
}

static size_t digits(const char *s, size_t n, size_t i, size_t max) {
  size_t k = i;
  while (k < n && k - i < max && isdigit((unsigned char)s[k])) k++;
  return k < n && isdigit((unsigned char)s[k]) ? i : k;
}

/* "March 3", "Mar. 3, 2027", "3 March": the end of the date, or i. */
static size_t month_day(const char *s, size_t n, size_t i) {
  size_t m = month_at(s, n, i), d;
  if (m > i && m < n && s[m] == ' ' && (d = digits(s, n, m + 1, 2)) > m + 1) {
    if (d + 6 <= n && s[d] == ',' && s[d + 1] == ' ' && digits(s, n, d + 2, 4) == d + 6) return d + 6;
    return d;
  }
  d = digits(s, n, i, 2);
  if (d > i && d < n && s[d] == ' ' && (m = month_at(s, n, d + 1)) > d + 1) return m;
  return i;
}

/* "Puerto Rico", "Calif.", "D.C.": up to four capitalised words; the end, or i. */
static size_t region(const char *s, size_t n, size_t i) {
  size_t e = i;
  for (int w = 0; w < 4 && up(s, n, i); w++) {
    size_t j = i + 1;
    while (j < n && (isalpha((unsigned char)s[j]) || s[j] == '.' || (unsigned char)s[j] >= 0x80)) j++;
    e = j;
    if (j + 1 >= n || s[j] != ' ' || !up(s, n, j + 1)) break;
    i = j + 1;
  }
  return e;
}

/* A dash at i ('-', en or em dash): its bytes, else 0. */
static size_t dash_at(const char *s, size_t n, size_t i) {
  if (i < n && s[i] == '-') return 1;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93)) return 3;
  return 0;
}

static size_t spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* After the place: ", Region", ", March 3" (up to three parts), "(Agency)"; the end, or 0. */
static size_t tail_end(const char *s, size_t n, size_t j) {
  for (int part = 0; part < 3 && j < n && s[j] == ','; part++) {
    size_t k = spaces(s, n, j + 1), e = month_day(s, n, k);
    if (e == k) e = region(s, n, k);
    if (e == k) return 0;
    j = e;
  }
  j = spaces(s, n, j);
  if (j < n && s[j] == '(') {
    const char *c = memchr(s + j, ')', n - j < 30 ? n - j : 30);
    if (!c) return 0;
    j = spaces(s, n, (size_t)(c - s) + 1);
  }
  return j;
}

size_t cb_dateline_len(const char *s, size_t n, cb_slice *place) {
  size_t caps = 0, pe = place_end(s, n, &caps);
  if (caps < 3 || not_place(s, pe)) return 0;
  size_t j = tail_end(s, n, pe), dash = j ? dash_at(s, n, j) : 0;
  if (!dash) return 0;
  j += dash;
  if (j < n && s[j] != ' ' && !isupper((unsigned char)s[j])) return 0;
  j = spaces(s, n, j);
  unsigned char c = j < n ? (unsigned char)s[j] : 0;
  if (!(isupper(c) || isdigit(c) || c == '"' || c >= 0xC3)) return 0;
  if (place) { place->ptr = s; place->len = pe; }
  return j;
}
