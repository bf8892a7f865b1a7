/*
 * quote_mentions.c - one pass over the tokens outside quotes collecting capitalised runs
 * ("US President Donald Trump", "press secretary Caroline Leavitt"), split into titles and
 * name; lookups walk back a bounded number of mentions so the cost stays linear.
 */
#include "extract/quote_mentions.h"
#include "text/utf8.h"
#include <stdio.h>
#include <string.h>

enum { MAX_KNOWN = 256, LOOKBACK = 400 };

size_t cb_mentions_token_at(const cb_qtext *t, size_t off) {
  size_t lo = 0, hi = t->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t->tok[mid].start < off) lo = mid + 1; else hi = mid;
  }
  return lo;
}

static int is_upper_word(const cb_qtext *t, size_t i) {
  return i < t->ntok && t->tok[i].kind == CB_TOK_WORD && t->tok[i].upper;
}

static const char *key_of(cb_arena *a, const cb_qtext *t, size_t i) {
  char buf[64];
  size_t n = cb_qkey(t, i, buf, sizeof buf);
  return cb_arena_strndup(a, buf, n);
}

/* The capitalised run starting at token i: [*b, *e) with its lowercase titles before it. */
static void run_at(const cb_qtext *t, size_t i, size_t *b, size_t *e) {
  size_t j = i;
  while (j < t->ntok && (j == i || !memchr(t->s + t->tok[j - 1].end, '\n', t->tok[j].start - t->tok[j - 1].end)) &&
         (is_upper_word(t, j) || (j > i && cb_qis(t, j, CB_QLEX_TITLE) && is_upper_word(t, j + 1))))
    j++;
  *e = j;
  *b = i;
  while (*b > 0 && cb_qis(t, *b - 1, CB_QLEX_TITLE) && t->tok[*b - 1].end + 2 > t->tok[*b].start) (*b)--;
}

static size_t name_start(const cb_qtext *t, size_t b, size_t e) {
  size_t nb = b;
  for (size_t i = b; i < e; i++)
    if (cb_qis(t, i, CB_QLEX_TITLE) || cb_qis(t, i, CB_QLEX_DETERMINER) || cb_qis(t, i, CB_QLEX_STOP)) nb = i + 1;
  return nb;
}

/* The folded word of token i, with a title abbreviation spelled out ("sen" -> "senator"). */
static size_t role_key(const cb_qtext *t, size_t i, char *buf, size_t cap) {
  size_t n = cb_qkey(t, i, buf, cap);
  const char *full = cb_qlex_find(CB_QLEX_TITLE, buf, n);
  if (full && *full && strlen(full) < cap) { n = strlen(full); memcpy(buf, full, n + 1); }
  return n;
}

/* "|title|title|" for the titles [b, e) of a mention. */
static const char *roles_of(cb_arena *a, const cb_qtext *t, size_t b, size_t e) {
  char out[256], buf[64];
  size_t o = 0;
  out[o++] = '|';
  for (size_t i = b; i < e; i++) {
    size_t n = role_key(t, i, buf, sizeof buf);
    if (n == 0 || o + n + 2 > sizeof out) continue;
    memcpy(out + o, buf, n);
    o += n;
    out[o++] = '|';
  }
  return cb_arena_strndup(a, out, o);
}

static int push(cb_arena *a, cb_mentions *m, size_t *cap, cb_mention x) {
  if (m->n == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    cb_mention *nv = cb_arena_alloc(a, nc * sizeof *nv);
    if (!nv) return 0;
    if (m->v) memcpy(nv, m->v, m->n * sizeof *nv);
    m->v = nv; *cap = nc;
  }
  m->v[m->n++] = x;
  return 1;
}

static int known_has(const char **known, size_t nk, const char *k) {
  for (size_t i = 0; i < nk; i++) if (strcmp(known[i], k) == 0) return 1;
  return 0;
}

static void add_known(const char **known, size_t *nk, const char *k) {
  if (k && *nk < MAX_KNOWN && !known_has(known, *nk, k)) known[(*nk)++] = k;
}

static int collect(cb_arena *a, const cb_qtext *t, const cb_quote *q, size_t nq, cb_mentions *m) {
  size_t cap = 0, qi = 0;
  for (size_t i = 0; i < t->ntok; i++) {
    while (qi < nq && q[qi].end <= t->tok[i].start) qi++;
    if (qi < nq && q[qi].start <= t->tok[i].start) continue;   /* inside a quote */
    if (!is_upper_word(t, i)) continue;
    cb_mention x = {0};
    run_at(t, i, &x.b, &x.e);
    x.name_b = name_start(t, x.b, x.e);
    if (x.name_b < x.e) {
      x.last = key_of(a, t, x.e - 1);
      if (x.name_b > x.b && !(x.roles = roles_of(a, t, x.b, x.name_b))) return CB_ENOMEM;
      for (size_t k = x.b; k < x.name_b; k++) x.person |= cb_qis(t, k, CB_QLEX_TITLE);
      if (!x.last || !push(a, m, &cap, x)) return CB_ENOMEM;
    }
    i = x.e - 1;
  }
  return 0;
}

int cb_mentions_build(cb_arena *a, const cb_qtext *t, const cb_quote *q, size_t nq, const cb_np *np,
                      cb_mentions *m) {
  const char *known[MAX_KNOWN];
  size_t nk = 0;
  m->v = NULL; m->n = 0;
  if (collect(a, t, q, nq, m) != 0) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) if (m->v[i].person) add_known(known, &nk, m->v[i].last);
  for (size_t i = 0; i < nq; i++)
    if (np[i].kind == CB_NP_NAME) add_known(known, &nk, key_of(a, t, np[i].e - 1));
  for (size_t i = 0; i < m->n; i++)
    if (!m->v[i].person && known_has(known, nk, m->v[i].last)) m->v[i].person = 1;
  return 0;
}

const char *cb_qname(cb_arena *a, const cb_qtext *t, size_t b, size_t e) {
  size_t from = t->tok[b].start, to = t->tok[e - 1].end;
  if (to - from > 2 && t->s[to - 1] == 's' && t->s[to - 2] == '\'') to -= 2;             /* Trump's */
  else if (to - from > 4 && t->s[to - 1] == 's' && memcmp(t->s + to - 4, "\xE2\x80\x99", 3) == 0) to -= 4;
  char *out = cb_arena_strndup(a, t->s + from, to - from);
  size_t o = 0;
  for (size_t i = 0; out && out[i]; i++) {   /* runs of spaces and line breaks read as one space */
    int space = out[i] == ' ' || out[i] == '\n' || out[i] == '\t' || out[i] == '\r';
    if (space && o > 0 && out[o - 1] == ' ') continue;
    out[o++] = space ? ' ' : out[i];
  }
  if (out) out[o] = 0;
  return out;
}

/* Index of the first mention starting at or after byte offset at. */
static size_t mention_at(const cb_qtext *t, const cb_mentions *m, size_t at) {
  size_t lo = 0, hi = m->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t->tok[m->v[mid].b].start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const char *cb_mentions_full_name(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t b, size_t e,
                                  size_t at) {
  if (e - b != 1) return cb_qname(a, t, b, e);
  char buf[64];
  size_t kn = cb_qkey(t, e - 1, buf, sizeof buf);
  size_t here = mention_at(t, m, at);
  for (size_t step = 0; step < LOOKBACK && step < m->n; step++) {   /* before first, then after */
    size_t i = step < here ? here - 1 - step : step;
    if (i >= m->n) break;
    const cb_mention *x = &m->v[i];
    if (x->e - x->name_b >= 2 && strlen(x->last) == kn && memcmp(x->last, buf, kn) == 0)
      return cb_qname(a, t, x->name_b, x->e);
  }
  return cb_qname(a, t, b, e);
}

const char *cb_mentions_last_person(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at) {
  size_t here = mention_at(t, m, at);
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {
    const cb_mention *x = &m->v[here - 1 - k];
    if (x->person) return cb_mentions_full_name(a, t, m, x->name_b, x->e, t->tok[x->b].start);
  }
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {   /* no known person: the last full name */
    const cb_mention *x = &m->v[here - 1 - k];
    if (x->e - x->name_b >= 2) return cb_mentions_full_name(a, t, m, x->name_b, x->e, t->tok[x->b].start);
  }
  return NULL;
}

/* 1 if one of mention x's titles is the word "|want|". */
static int has_role(const cb_mention *x, const char *want) { return x->roles && strstr(x->roles, want) != NULL; }

const char *cb_mentions_with_role(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t head, size_t at) {
  char key[60], want[64];
  size_t kn = role_key(t, head, key, sizeof key);
  snprintf(want, sizeof want, "|%.*s|", (int)kn, key);
  const cb_mention *found = NULL;
  size_t here = mention_at(t, m, at);
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {
    const cb_mention *x = &m->v[here - 1 - k];
    if (!has_role(x, want)) continue;
    if (found && strcmp(found->last, x->last) != 0) return NULL;   /* two people: ambiguous */
    if (!found) found = x;
  }
  return found ? cb_mentions_full_name(a, t, m, found->name_b, found->e, t->tok[found->b].start) : NULL;
}

int cb_mentions_is_person_pronoun(const cb_qtext *t, size_t i) {
  char buf[16];
  size_t n = cb_qkey(t, i, buf, sizeof buf);
  const char *kind = cb_qlex_find(CB_QLEX_PRONOUN, buf, n);
  return kind && strcmp(kind, "person") == 0;
}
