/*
 * quantity_noun.c - what a number counts: the noun phrase right after it ("22 vessels",
 * "20 most expensive restaurants" -> "expensive restaurant"), singular and lower-case, and
 * the event word near it ("83 killed", "22 vessels struck", "killing more than 80 people"),
 * from data/quantity/events.tsv. Verbs, function words (noun_stop.tsv) and punctuation end
 * the phrase.
 */
#include "extract/quantity_internal.h"
#include "text/wordnet.h"
#include <string.h>

static int ends_with(const char *w, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n > k + 1 && memcmp(w + n - k, suf, k) == 0;
}

/* Singular of a lower-case English plural (people, vessels, cities, boxes). */
static size_t singular(char *w, size_t n) {
  if (n < 3 || w[n - 1] != 's') return n;
  if (ends_with(w, n, "ss") || ends_with(w, n, "us") || ends_with(w, n, "is")) return n;
  if (ends_with(w, n, "ies")) { w[n - 3] = 'y'; return n - 2; }
  if (ends_with(w, n, "ches") || ends_with(w, n, "shes") || ends_with(w, n, "xes") || ends_with(w, n, "sses"))
    return n - 2;
  return n - 1;
}

/* "people", "children", "men": plurals without an -s (words.tsv class "plural"); the
 * singular ("people", "child", "man") or NULL. */
static const char *irregular_plural(const cb_qctx *c, size_t j) {
  const cb_qword *w = cb_q_word(c, j);
  return w && !strcmp(w->cls, "plural") ? w->value : NULL;
}

static int is_event_verb(const char *w, size_t n) {
  return ends_with(w, n, "ed") || ends_with(w, n, "ing") || ends_with(w, n, "ly");
}

/* The word at token j, lower-case, with words glued to it by hyphens ("laid-off",
 * "front-runners"): its length (0 if it does not fit) and its last token in *end. */
static size_t hyphenated(const cb_qctx *c, size_t j, char *w, size_t cap, size_t *end) {
  size_t n = cb_q_lower(c, j, w, cap);
  *end = j;
  while (n && j + 2 < c->nt && cb_q_punct(c, j + 1, '-') && c->t[j + 2].kind == QT_WORD && !c->t[j + 2].digit_in &&
         c->t[j + 1].start == c->t[j].end && c->t[j + 2].start == c->t[j + 1].end) {
    char x[32];
    size_t m = cb_q_lower(c, j + 2, x, sizeof x);
    if (!m || n + m + 2 > cap) break;
    w[n++] = '-';
    memcpy(w + n, x, m);
    n += m;
    w[n] = 0;
    j += 2;
    *end = j;
  }
  return n;
}

/* An "-ed" or "-ing" word that modifies a noun after it rather than telling what happened
 * ("scathing editorial", "laid-off employees", "20 injured people"): a WordNet adjective
 * with a word after it. */
static int modifier_verbal(const cb_qctx *c, const char *w, size_t end) {
  size_t nx = cb_q_next(c, end);
  if (nx >= c->nt || c->t[nx].kind != QT_WORD || c->t[nx].digit_in) return 0;
  char x[32];
  size_t m = cb_q_lower(c, nx, x, sizeof x);
  if (!m || cb_qlex_stop(c->lx, x, m) || cb_qlex_number(c->lx, x, m)) return 0;
  uint32_t syn;
  return cb_wn_synsets(CB_WN_ADJ, w, &syn, 1, 1) > 0;
}

/* "family", "building", "meeting": an "-ly" or "-ing" word that WordNet knows as a noun. */
static int noun_form(const char *w, size_t n) {
  uint32_t syn;
  return (ends_with(w, n, "ly") || ends_with(w, n, "ing")) && cb_wn_synsets(CB_WN_NOUN, w, &syn, 1, 1) > 0;
}

/* "the", "its", "their", ...: a determinative (CGEL ch. 5) before the counted noun. */
static int determiner(const cb_qctx *c, size_t k) {
  static const char *const d[] = {"the", "its", "their", "his", "her", "our", "your", "these", "those", NULL};
  for (int i = 0; d[i]; i++)
    if (cb_q_is(c, k, d[i])) return 1;
  return 0;
}

/* Does a plain lower-case word follow token k (the noun a capitalised modifier such as
 * "Dallas" in "five Dallas police officers" goes with)? */
static int lower_word_after(const cb_qctx *c, size_t k) {
  size_t nx = cb_q_next(c, k);
  if (nx >= c->nt || c->t[nx].kind != QT_WORD || c->t[nx].digit_in || c->t[nx].upper) return 0;
  char x[32];
  size_t m = cb_q_lower(c, nx, x, sizeof x);
  return m && !cb_qlex_stop(c->lx, x, m) && !cb_qlex_number(c->lx, x, m) && !is_event_verb(x, m);
}

const char *cb_q_noun_after(const cb_qctx *c, cb_arena *a, size_t i, size_t *last, const char **event) {
  char out[96];
  size_t len = 0, k = i;
  int words = 0, proper = 0, nproper = 0;
  *event = NULL;
  size_t h = cb_q_next(c, k);   /* "two-door version", "20 most expensive restaurants" */
  if (h < c->nt && cb_q_punct(c, h, '-')) k = h;
  h = cb_q_next(c, k);
  if (h < c->nt && cb_q_is(c, h, "most")) k = h;
  /* "millions of its cars", "hundreds of the victims": a determiner after "of" */
  if (k < c->nt && cb_q_is(c, k, "of") && (h = cb_q_next(c, k)) < c->nt && determiner(c, h)) k = h;
  /* "2.5 million more votes": "more" before a noun (not "more than") */
  if ((h = cb_q_next(c, k)) < c->nt && (cb_q_is(c, h, "more") || cb_q_is(c, h, "fewer")) &&
      lower_word_after(c, h) && !cb_q_is(c, cb_q_next(c, h), "than")) k = h;
  for (; words < 3 + nproper; words++) {   /* capitalised modifiers do not count */
    size_t j = cb_q_next(c, k), end;
    if (j >= c->nt || c->t[j].kind != QT_WORD || c->t[j].digit_in) break;
    if (j == k + 1 && c->t[k].kind == QT_WORD) break;   /* words must be spaced */
    char w[48];
    size_t n = hyphenated(c, j, w, sizeof w, &end);
    if (!n || cb_qlex_stop(c->lx, w, n) || cb_qlex_number(c->lx, w, n)) break;
    if (words > 0 && c->t[j].upper && !proper) break;   /* "Latin American artists" go on */
    proper = c->t[j].upper && (words == 0 || proper);
    nproper += proper;
    const char *ev = cb_qlex_event(c->lx, w, n);
    int verbal = is_event_verb(w, n) && !modifier_verbal(c, w, end) && !noun_form(w, n);
    if (verbal || (ev && words > 0)) { if (ev && !*event) *event = ev; break; }
    if (ev && !*event) *event = ev;
    const char *irr = irregular_plural(c, j);
    if (irr) n = strlen(irr);
    if (len + n + 2 >= sizeof out) break;
    if (len) out[len++] = ' ';
    memcpy(out + len, irr ? irr : w, n);
    len += n;
    k = end;
    if (proper && lower_word_after(c, k)) continue;   /* "Dallas" is no plural */
    if (irr || singular(w, n) != n) { words++; break; }   /* a plural ends the phrase: "22 vessels", "5,000 people" */
  }
  if (!len) return NULL;
  /* singular of the last word */
  size_t start = len;
  while (start > 0 && out[start - 1] != ' ') start--;
  len = start + singular(out + start, len - start);
  *last = k;
  return cb_arena_strndup(a, out, len);
}

/* The event a word names, or a phrase of up to four words starting there ("out of their
 * homes", "forced from their homes"). */
static const char *event_at(const cb_qctx *c, size_t j) {
  char w[64];
  size_t last;
  for (int k = 4; k >= 2; k--) {
    size_t n = cb_q_key(c, j, k, 1, w, sizeof w, &last);
    const char *ev = n ? cb_qlex_event(c->lx, w, n) : NULL;
    if (ev) return ev;
  }
  size_t n = cb_q_lower(c, j, w, sizeof w);
  return n ? cb_qlex_event(c->lx, w, n) : NULL;
}

const char *cb_q_event_before(const cb_qctx *c, size_t i, int *dist) {
  size_t k = i;
  for (int w = 0; w < 6; w++) {
    *dist = w + 1;
    k = cb_q_prev(c, k);
    if (k == (size_t)-1) return NULL;
    if (c->t[k].kind == QT_PUNCT) {
      char ch = c->s[c->t[k].start];
      if (ch == '.' || ch == ';' || ch == ':' || ch == '!' || ch == '?') return NULL;
      continue;
    }
    if (c->t[k].kind != QT_WORD) continue;
    const char *ev = event_at(c, k);
    if (ev) return ev;
  }
  return NULL;
}

const char *cb_q_event_after(const cb_qctx *c, size_t i, int *dist) {
  size_t k = i;
  for (int w = 0; w < 4; w++) {
    *dist = w + 1;
    k = cb_q_next(c, k);
    if (k >= c->nt || c->t[k].kind == QT_PUNCT) return NULL;
    if (c->t[k].kind != QT_WORD) continue;
    const char *ev = event_at(c, k);
    if (ev) return ev;
  }
  return NULL;
}
