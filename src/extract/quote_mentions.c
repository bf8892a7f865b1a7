/*
 * quote_mentions.c - one pass over the tokens outside quotes collecting capitalised runs
 * ("US President Donald Trump", "Gov. Tom Reyes", "press secretary Caroline Leavitt"), split
 * into titles and name, with the roles an appositive gives ("Jen Psaki, the White House press
 * secretary,"); the names extractor tells people from organisations and places. "He" and
 * "she" resolve to the subject of the last sentence that names a person; lookups walk back a
 * bounded number of mentions so the cost stays linear.
 */
#include "extract/quote_mentions.h"
#include "extract/names.h"
#include "text/utf8.h"
#include <stdio.h>
#include <string.h>

enum { MAX_KNOWN = 256, LOOKBACK = 400, SENTENCE_TOKENS = 200, PRONOUN_CHAIN = 4 };

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

/* The dot of an abbreviated title inside a run ("Gov. Tom Reyes", "Florida Sen. Marco Rubio"). */
static int title_dot(const cb_qtext *t, size_t j) {
  return j > 0 && j + 1 < t->ntok && cb_token_is(t->s, &t->tok[j], '.') &&
         t->tok[j - 1].end == t->tok[j].start &&
         cb_qis(t, j - 1, CB_QLEX_TITLE) && is_upper_word(t, j + 1);
}

/* The capitalised run starting at token i: [*b, *e) with its lowercase titles before it. */
static void run_at(const cb_qtext *t, size_t i, size_t *b, size_t *e) {
  size_t j = i;
  while (j < t->ntok && (j == i || !memchr(t->s + t->tok[j - 1].end, '\n', t->tok[j].start - t->tok[j - 1].end)) &&
         (is_upper_word(t, j) || (j > i && title_dot(t, j)) ||
          (j > i && cb_qis(t, j, CB_QLEX_TITLE) && is_upper_word(t, j + 1))))
    j++;
  *e = j;
  *b = i;
  while (*b > 0 && cb_qis(t, *b - 1, CB_QLEX_TITLE) && t->tok[*b - 1].end + 2 > t->tok[*b].start) (*b)--;
}

static size_t name_start(const cb_qtext *t, size_t b, size_t e) {
  size_t nb = b;
  for (size_t i = b; i < e; i++)
    if (cb_qis(t, i, CB_QLEX_TITLE) || cb_qis(t, i, CB_QLEX_DETERMINER) || cb_qis(t, i, CB_QLEX_STOP) ||
        t->tok[i].kind != CB_TOK_WORD) nb = i + 1;
  return nb;
}

/* The folded word of token i, with a title abbreviation spelled out ("sen" -> "senator"). */
static size_t role_key(const cb_qtext *t, size_t i, char *buf, size_t cap) {
  size_t n = cb_qkey(t, i, buf, cap);
  const char *full = cb_qlex_find(CB_QLEX_TITLE, buf, n);
  if (full && *full && strlen(full) < cap) { n = strlen(full); memcpy(buf, full, n + 1); }
  return n;
}

enum { ROLES_CAP = 256, APPOSITIVE_WORDS = 8 };

/* A word that is neither a determiner nor a stop word. */
static int plain_word(const cb_qtext *t, size_t i) {
  return t->tok[i].kind == CB_TOK_WORD && !cb_qis(t, i, CB_QLEX_DETERMINER) && !cb_qis(t, i, CB_QLEX_STOP);
}

/* Appends "word|" for each word of tokens [b, e) but determiners and stop words to out
 * (which starts with '|'); returns the new length. */
static size_t add_roles(const cb_qtext *t, size_t b, size_t e, char *out, size_t o) {
  char buf[64];
  for (size_t i = b; i < e; i++) {
    if (!plain_word(t, i)) continue;
    size_t n = role_key(t, i, buf, sizeof buf);
    if (n == 0 || o + n + 2 > ROLES_CAP) continue;
    memcpy(out + o, buf, n);
    o += n;
    out[o++] = '|';
  }
  return o;
}

/* The words after a name that say who the person is, up to the next comma or sentence end:
 * an appositive with a role ("Jen Psaki, the White House press secretary,", "Ann Lee, a
 * spokeswoman for the party") or a place ("Bernie Sanders of Vermont"). [*b, *e), or b == e. */
static void appositive(const cb_qtext *t, size_t name_e, size_t *b, size_t *e) {
  *b = *e = name_e;
  if (name_e + 1 >= t->ntok) return;
  char of[8];
  if (t->tok[name_e].kind == CB_TOK_WORD && cb_qkey(t, name_e, of, sizeof of) == 2 &&
      memcmp(of, "of", 2) == 0 &&
      is_upper_word(t, name_e + 1)) {
    *b = name_e + 1;   /* "of Vermont" */
    for (*e = *b; *e < t->ntok && is_upper_word(t, *e); (*e)++) {}
    return;
  }
  if (!cb_token_is(t->s, &t->tok[name_e], ',')) return;
  size_t j = name_e + 1, role = 0;
  for (; j < t->ntok && j - name_e <= APPOSITIVE_WORDS && t->tok[j].kind == CB_TOK_WORD; j++)
    role |= cb_qis(t, j, CB_QLEX_ROLE) || cb_qis(t, j, CB_QLEX_TITLE);
  if (!role || j >= t->ntok || (!cb_token_is(t->s, &t->tok[j], ',') && !cb_token_is(t->s, &t->tok[j], '.')))
    return;
  if (!cb_qis(t, name_e + 1, CB_QLEX_DETERMINER) && !cb_qis(t, name_e + 1, CB_QLEX_TITLE)) return;
  *b = name_e + 1;
  *e = j;
}

/* "|title|title|" for the titles [b, e) of a mention and the words of its appositive. */
static const char *roles_of(cb_arena *a, const cb_qtext *t, size_t b, size_t e, size_t ab, size_t ae) {
  char out[ROLES_CAP];
  size_t o = 0;
  out[o++] = '|';
  o = add_roles(t, b, e, out, o);
  o = add_roles(t, ab, ae, out, o);
  return cb_arena_strndup(a, out, o);
}

static int push(cb_arena *a, cb_mentions *m, size_t *cap, cb_name_run x) {
  if (m->n == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    cb_name_run *nv = cb_arena_alloc(a, nc * sizeof *nv);
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
    cb_name_run x = {0};
    run_at(t, i, &x.b, &x.e);
    x.name_b = name_start(t, x.b, x.e);
    if (x.name_b < x.e) {
      size_t ab, ae;
      appositive(t, x.e, &ab, &ae);
      x.last = key_of(a, t, x.e - 1);
      if ((x.name_b > x.b || ae > ab) && !(x.roles = roles_of(a, t, x.b, x.name_b, ab, ae))) return CB_ENOMEM;
      for (size_t k = x.b; k < x.name_b; k++) x.person |= cb_qis(t, k, CB_QLEX_TITLE);
      for (size_t k = ab; k < ae; k++) x.person |= cb_qis(t, k, CB_QLEX_ROLE) || cb_qis(t, k, CB_QLEX_TITLE);
      if (!x.last || !push(a, m, &cap, x)) return CB_ENOMEM;
    }
    i = x.e - 1;
  }
  return 0;
}

/* The names extractor tells people ("Hillary Clinton") from organisations and places
 * ("Goldman Sachs", "the CIA"): a mention it calls a person is one, one it calls something
 * else is not, unless a title stands before it. */
static int kinds_from_names(cb_arena *a, const cb_qtext *t, cb_mentions *m) {
  cb_names *nm = m->names = cb_arena_alloc(a, sizeof *nm);
  if (!nm || cb_names_extract(a, t->s, t->n, nm) != CB_OK) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) {
    cb_name_run *x = &m->v[i];
    size_t k = cb_names_mention_at(nm, t->tok[x->e - 1].start);
    if (k == CB_NAME_NONE || nm->mentions[k].kind == CB_NAME_UNKNOWN) continue;
    if (nm->mentions[k].kind == CB_NAME_PERSON) x->person = 1;
    else if (x->name_b == x->b) x->person = 0, x->thing = 1;
  }
  return 0;
}

int cb_mentions_build(cb_arena *a, const cb_qtext *t, const cb_quote *q, size_t nq, const cb_np *np,
                      cb_mentions *m) {
  const char *known[MAX_KNOWN];
  size_t nk = 0;
  m->v = NULL; m->n = 0; m->q = q; m->nq = nq; m->names = NULL;
  if (collect(a, t, q, nq, m) != 0 || kinds_from_names(a, t, m) != 0) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) if (m->v[i].person) add_known(known, &nk, m->v[i].last);
  for (size_t i = 0; i < nq; i++)
    if (np[i].kind == CB_NP_NAME) add_known(known, &nk, key_of(a, t, np[i].e - 1));
  for (size_t i = 0; i < m->n; i++)
    if (!m->v[i].person && !m->v[i].thing && known_has(known, nk, m->v[i].last)) m->v[i].person = 1;
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
    const cb_name_run *x = &m->v[i];
    if (x->e - x->name_b >= 2 && strlen(x->last) == kn && memcmp(x->last, buf, kn) == 0)
      return cb_qname(a, t, x->name_b, x->e);
  }
  return cb_qname(a, t, b, e);
}

/* The first token of the sentence holding token i (a paragraph break also starts one). */
static size_t sentence_start(const cb_qtext *t, size_t i) {
  for (size_t k = 0; i > 0 && k < SENTENCE_TOKENS; k++, i--)
    if (cb_qsentence_end(t, i - 1) ||
        memchr(t->s + t->tok[i - 1].end, '\n', t->tok[i].start - t->tok[i - 1].end))
      break;
  return i;
}

/* A mention in the place of a subject: first in its sentence, after punctuation ("...,
 * Trump said") or after a cue verb ("said Trump"), not after a preposition or another verb. */
static int subject_place(const cb_qtext *t, const cb_name_run *x, size_t start) {
  return x->b <= start || t->tok[x->b - 1].kind == CB_TOK_PUNCT || cb_qis(t, x->b - 1, CB_QLEX_CUE);
}

/* 1 if byte offset off lies inside one of the quotes. */
static int in_quote(const cb_mentions *m, size_t off) {
  size_t lo = 0, hi = m->nq;
  while (lo < hi) {   /* first quote ending after off */
    size_t mid = (lo + hi) / 2;
    if (m->q[mid].end <= off) lo = mid + 1; else hi = mid;
  }
  return lo < m->nq && m->q[lo].start <= off;
}

/* 'h' for "he", 's' for "she" at token i, else 0. */
static int he_or_she(const cb_qtext *t, size_t i) {
  char buf[8];
  size_t n = t->tok[i].kind == CB_TOK_WORD ? cb_qkey(t, i, buf, sizeof buf) : 0;
  if (n == 2 && memcmp(buf, "he", 2) == 0) return 'h';
  return n == 3 && memcmp(buf, "she", 3) == 0 ? 's' : 0;
}

/* A "he" or "she" (a subject's form) outside quotes among tokens [from, to): its
 * he_or_she() letter, else 0. */
static int subject_pronoun(const cb_qtext *t, const cb_mentions *m, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    int he = he_or_she(t, i);
    if (he && !in_quote(m, t->tok[i].start)) return he;
  }
  return 0;
}

/* person_before() for a pronoun he (he_or_she() letter, 0 for "I"), through at most depth
 * sentences whose subject is a pronoun. */
static const cb_name_run *person_before(const cb_qtext *t, const cb_mentions *m, size_t at, int he,
                                       int depth) {
  size_t here = mention_at(t, m, at);
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {   /* the last sentence that names a person */
    size_t last = here - 1 - k;
    if (!m->v[last].person) continue;
    size_t start = sentence_start(t, m->v[last].b), first = last, subject = m->n;
    for (size_t i = last + 1; i-- > 0 && m->v[i].b >= start;) {   /* its first person, in a subject's place */
      if (!m->v[i].person) continue;
      first = i;
      if (subject_place(t, &m->v[i], start)) subject = i;
    }
    int pro = subject_pronoun(t, m, start, m->v[first].b);
    if (pro && he && pro != he) return &m->v[first];   /* "He was joined by Ann Lee. She said": not him */
    if (pro && depth > 0) {   /* "Though he did not name Rubio, he ...": who "he" is */
      const cb_name_run *x = person_before(t, m, t->tok[start].start, pro, depth - 1);
      if (x) return x;
    }
    return &m->v[subject < m->n ? subject : first];
  }
  return NULL;
}

const char *cb_mentions_sentence_subject(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at,
                                         size_t *b, size_t *e) {
  size_t here = mention_at(t, m, at), k = cb_mentions_token_at(t, at);
  size_t start = sentence_start(t, k < t->ntok ? k : t->ntok - 1);
  const cb_name_run *x = NULL;
  for (size_t i = here; i-- > 0 && m->v[i].b >= start;)
    if (!m->v[i].thing && !cb_qis(t, m->v[i].name_b, CB_QLEX_PRONOUN) && subject_place(t, &m->v[i], start))
      x = &m->v[i];
  if (!x) return NULL;
  *b = t->tok[x->b].start;
  *e = t->tok[x->e - 1].end;
  return cb_mentions_full_name(a, t, m, x->name_b, x->e, *b);
}

const char *cb_mentions_paragraph_subject(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at,
                                          size_t from, size_t *b, size_t *e) {
  const cb_name_run *x = person_before(t, m, at, 0, PRONOUN_CHAIN);
  if (!x || t->tok[x->b].start < from) return NULL;
  *b = t->tok[x->b].start;
  *e = t->tok[x->e - 1].end;
  return cb_mentions_full_name(a, t, m, x->name_b, x->e, *b);
}

const char *cb_mentions_last_person(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at) {
  size_t p = cb_mentions_token_at(t, at);
  const cb_name_run *x = person_before(t, m, at, p < t->ntok ? he_or_she(t, p) : 0, PRONOUN_CHAIN);
  if (x) return cb_mentions_full_name(a, t, m, x->name_b, x->e, t->tok[x->b].start);
  size_t here = mention_at(t, m, at);
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {   /* no known person: the last full name */
    const cb_name_run *x = &m->v[here - 1 - k];
    if (x->e - x->name_b >= 2 && !x->thing)
      return cb_mentions_full_name(a, t, m, x->name_b, x->e, t->tok[x->b].start);
  }
  return NULL;
}

/* 1 if one of mention x's titles is the word "|want|". */
static int has_role(const cb_name_run *x, const char *want) { return x->roles && strstr(x->roles, want) != NULL; }

/* How many words of the description [b, head) mention x's roles carry ("Florida" of "the
 * Florida senator" in "|florida|senator|"). */
static int modifiers_shared(const cb_qtext *t, const cb_name_run *x, size_t b, size_t head) {
  char key[60], want[64];
  int k = 0;
  for (size_t i = b; i < head; i++) {
    if (!plain_word(t, i)) continue;
    size_t kn = role_key(t, i, key, sizeof key);
    snprintf(want, sizeof want, "|%.*s|", (int)kn, key);
    k += has_role(x, want);
  }
  return k;
}

const char *cb_mentions_with_role(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t b, size_t head,
                                  size_t at) {
  char key[60], want[64];
  size_t kn = role_key(t, head, key, sizeof key);
  snprintf(want, sizeof want, "|%.*s|", (int)kn, key);
  const cb_name_run *found = NULL;
  int best = -1;
  size_t here = mention_at(t, m, at);
  for (size_t k = 0; k < LOOKBACK && k < here; k++) {   /* the latest holder, or one that fits better */
    const cb_name_run *x = &m->v[here - 1 - k];
    if (!has_role(x, want)) continue;
    int shared = modifiers_shared(t, x, b, head);
    if (shared > best) { best = shared; found = x; }
  }
  return found ? cb_mentions_full_name(a, t, m, found->name_b, found->e, t->tok[found->b].start) : NULL;
}

const char *cb_mentions_role_phrase(const cb_mentions *m, size_t off) {
  size_t k = m->names ? cb_names_mention_at(m->names, off) : CB_NAME_NONE;
  if (k == CB_NAME_NONE) return NULL;
  const cb_name_mention *x = &m->names->mentions[k];
  if (!x->role_phrase || x->entity == CB_NAME_NONE || x->kind != CB_NAME_PERSON) return NULL;
  return m->names->entities[x->entity].name;
}

int cb_mentions_is_person_pronoun(const cb_qtext *t, size_t i) {
  char buf[16];
  size_t n = cb_qkey(t, i, buf, sizeof buf);
  const char *kind = cb_qlex_find(CB_QLEX_PRONOUN, buf, n);
  return kind && strcmp(kind, "person") == 0;
}
