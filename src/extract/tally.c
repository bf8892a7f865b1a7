/*
 * tally.c - vote tallies; see tally.h. The text's tokens are scanned for "N-M", "N-to-M",
 * "N to M" and "N of M"-free pairs of counts written as digits or number words (data/
 * quantity/numbers.tsv, units and tens), kept when a vote or decision word is near.
 */
#include "extract/tally.h"
#include "core/lines.h"
#include "core/vec.h"
#include "extract/quantity_lex.h"
#include "text/token.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CUE_WINDOW 3 /* words between the tally and a vote word */

/* The words of voting (data/quantity/tally-cues.txt), lower case, sorted once for bsearch. */
static char **cues;
static size_t ncues;
static pthread_once_t cues_once = PTHREAD_ONCE_INIT;

static int by_word(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void load_cues(void) {
  size_t len, n = 0;
  cb_lines it = cb_lines_of("quantity/tally-cues.txt");
  while (cb_lines_next(&it, &len)) n++;
  if (!(cues = calloc(n + 1, sizeof *cues))) return;
  it = cb_lines_of("quantity/tally-cues.txt");
  for (const char *p; (p = cb_lines_next(&it, &len)) && ncues < n;) {
    if (!(cues[ncues] = malloc(len + 1))) break;
    for (size_t i = 0; i < len; i++) cues[ncues][i] = (char)tolower((unsigned char)p[i]);
    cues[ncues++][len] = 0;
  }
  qsort(cues, ncues, sizeof *cues, by_word);
}

/* The word at s[0..n) in lower case into out; 0 when it does not fit. */
static size_t lower(const char *s, size_t n, char *out, size_t cap) {
  if (n == 0 || n >= cap) return 0;
  for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)s[i]);
  out[n] = 0;
  return n;
}

/* The value of a number word up to ninety-nine ("six", "twenty"), from the quantity
 * lexicon (data/quantity/numbers.tsv, units and tens); -1 if none. */
static long word_value(const char *w, size_t n) {
  char low[24];
  const struct cb_qlex *lx = cb_qlex_get();
  const cb_qnumword *nw = lx && lower(w, n, low, sizeof low) ? cb_qlex_number(lx, low, n) : NULL;
  return nw && (nw->kind == QN_UNIT || nw->kind == QN_TENS) ? (long)nw->value : -1;
}

/* The value of n digits at p (the text is not NUL-terminated). */
static long digits(const char *p, size_t n) {
  long v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (p[i] - '0');
  return v;
}

static int all_digits(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)p[i])) return 0;
  return n > 0;
}

/* A count: plain digits (no separators, at most 4) or a number word. */
static long count_at(const char *s, const cb_token *t) {
  size_t n = t->end - t->start;
  if (t->kind == CB_TOK_NUMBER) {
    return n <= 4 && all_digits(s + t->start, n) ? digits(s + t->start, n) : -1;
  }
  return t->kind == CB_TOK_WORD ? word_value(s + t->start, n) : -1;
}

static int is_cue(const char *s, const cb_token *t) {
  char low[32], *key = low;
  pthread_once(&cues_once, load_cues);
  return cues && lower(s + t->start, t->end - t->start, low, sizeof low) &&
         bsearch(&key, cues, ncues, sizeof *cues, by_word) != NULL;
}

static int cue_near(const char *s, const cb_token *t, size_t nt, size_t first, size_t last) {
  size_t lo = first > CUE_WINDOW ? first - CUE_WINDOW : 0,
         hi = last + CUE_WINDOW + 1 < nt ? last + CUE_WINDOW + 1 : nt;
  for (size_t k = lo; k < hi; k++) {
    if (k >= first && k <= last) continue;
    if (t[k].kind == CB_TOK_PUNCT && (s[t[k].start] == '.' || s[t[k].start] == ';')) {
      if (k < first)
        lo = k;
      else
        break; /* not across a sentence */
      continue;
    }
    if (t[k].kind == CB_TOK_WORD && is_cue(s, &t[k])) return 1;
  }
  return 0;
}

/* "396-9" is one number token with a hyphen inside, or three tokens. */
static int hyphen_pair(const char *s, const cb_token *t, long *a, long *b) {
  const char *p = s + t->start, *e = s + t->end, *h = memchr(p, '-', (size_t)(e - p));
  if (!h || h == p || h + 1 >= e) return 0;
  const char *q = h + 1;
  if (e - q > 3 && !strncasecmp(q, "to-", 3)) q += 3;
  for (const char *x = p; x < h; x++)
    if (!isdigit((unsigned char)*x)) return 0;
  for (const char *x = q; x < e; x++)
    if (!isdigit((unsigned char)*x)) return 0;
  if (h - p > 4 || e - q > 4 || q >= e) return 0;
  *a = digits(p, (size_t)(h - p));
  *b = digits(q, (size_t)(e - q));
  return 1;
}

size_t cb_tally_extract(cb_arena *a, const char *s, size_t n, cb_tally **out) {
  *out = NULL;
  cb_token *t;
  size_t nt = cb_tokens(a, s, n, &t);
  CB_VEC(cb_tally) v = {0};
  for (size_t i = 0; i < nt; i++) {
    long x = -1, y = -1;
    size_t last = i;
    if ((t[i].kind == CB_TOK_NUMBER || t[i].kind == CB_TOK_WORD) && hyphen_pair(s, &t[i], &x, &y)) {
      last = i;
    } else if ((x = count_at(s, &t[i])) >= 0 && i + 2 < nt) {
      const cb_token *m = &t[i + 1];
      int dash =
          m->kind == CB_TOK_PUNCT && m->end - m->start == 1 && s[m->start] == '-' && m->start == t[i].end;
      int to = m->kind == CB_TOK_WORD && m->end - m->start == 2 && !strncasecmp(s + m->start, "to", 2);
      const cb_token *r = &t[i + 2]; /* "12-to-7" is read as 12, -, "to-7" */
      size_t rn = r->end - r->start;
      if ((dash || to) && (y = count_at(s, r)) >= 0) {
        last = i + 2;
      } else if (dash && r->kind == CB_TOK_WORD && rn > 3 && rn <= 7 &&
                 !strncasecmp(s + r->start, "to-", 3) && all_digits(s + r->start + 3, rn - 3)) {
        y = digits(s + r->start + 3, rn - 3);
        last = i + 2;
      } else {
        continue;
      }
    } else {
      continue;
    }
    if (x < 0 || y < 0 || x + y == 0 || !cue_near(s, t, nt, i, last)) continue;
    cb_tally *r = CB_VEC_PUSH(a, &v);
    if (!r) break;
    r->start = t[i].start;
    r->end = t[last].end;
    r->yes = x >= y ? x : y;
    r->no = x >= y ? y : x;
    i = last;
  }
  *out = v.v;
  return v.n;
}
