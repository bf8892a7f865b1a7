/*
 * quantity.c - the quantity extractor's walk: cut the text into chunks at line breaks,
 * tokenise each chunk, and at every token that can start a quantity (digits, a number word,
 * a currency sign, a minus) read prefix, number, range, unit, qualifier, change and noun,
 * dropping the numbers quantity_traps.c recognises as something else.
 */
#include "extract/quantity.h"
#include "extract/quantity_internal.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct qvec { cb_quantity *q; size_t n, cap; int oom; } qvec;

static cb_quantity *qvec_push(qvec *v) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 16;
    cb_quantity *nq = realloc(v->q, cap * sizeof *nq);
    if (!nq) { v->oom = 1; return NULL; }
    v->q = nq; v->cap = cap;
  }
  cb_quantity *q = &v->q[v->n++];
  memset(q, 0, sizeof *q);
  return q;
}

/* A currency sign or code at i ("$", "US$", "c $", "£", "EUR"); sets *last. */
static const cb_qprefix *prefix_at(const cb_qctx *c, size_t i, size_t *last) {
  const cb_qtok *t = &c->t[i];
  if (t->kind == QT_NUM || t->kind == QT_SPACE) return NULL;
  if (t->kind == QT_WORD && t->end - t->start > 3) return NULL;
  char head[8];
  size_t hn = t->end - t->start;
  if (hn >= sizeof head) return NULL;
  for (size_t k = 0; k < hn; k++) { char ch = c->s[t->start + k]; head[k] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch; }
  if (!cb_qlex_prefix_head(c->lx, head, hn)) return NULL;
  if (t->kind == QT_WORD) {   /* letters ("us", "c", "usd") need a sign or a number next */
    size_t x = i + 1 < c->nt && c->t[i + 1].kind != QT_SPACE ? i + 1 : cb_q_next(c, i);
    if (x >= c->nt || c->t[x].kind == QT_WORD) return NULL;
  }
  for (int k = 3; k >= 1; k--) {
    char key[32];
    size_t len = cb_q_key(c, i, k, 1, key, sizeof key, last);
    if (!len) continue;
    const cb_qprefix *p = cb_qlex_prefix(c->lx, key, len);
    if (!p) continue;
    /* letters-only prefixes must not be glued to a word before them */
    if (t->kind == QT_WORD && i > 0 && c->t[i - 1].kind == QT_WORD) return NULL;
    return p;
  }
  return NULL;
}

static int is_minus(const cb_qctx *c, size_t i) {
  if (cb_q_punct(c, i, '-')) return 1;
  return c->t[i].kind == QT_PUNCT && c->t[i].end - c->t[i].start == 3 && !memcmp(c->s + c->t[i].start, "\xe2\x88\x92", 3);
}

static int is_dash(const cb_qctx *c, size_t i) {
  if (i >= c->nt) return 0;
  if (cb_q_punct(c, i, '-')) return 1;
  const char *p = c->s + c->t[i].start;
  return c->t[i].kind == QT_PUNCT && c->t[i].end - c->t[i].start == 3
      && (!memcmp(p, "\xe2\x80\x93", 3) || !memcmp(p, "\xe2\x80\x94", 3));
}

/* "-5 degrees", "convert - 20 degrees": a minus not joining two numbers or a word. */
static int negative_sign(const cb_qctx *c, size_t i) {
  if (!is_minus(c, i)) return 0;
  size_t nx = cb_q_next(c, i);
  if (nx >= c->nt || c->t[nx].kind != QT_NUM) return 0;
  if (i > 0 && c->t[i - 1].kind != QT_SPACE) {   /* "89%-6%": a figure's sign, then a dash */
    return c->t[i - 1].kind == QT_PUNCT && !is_dash(c, i - 1) && !cb_q_punct(c, i - 1, '.') &&
           !cb_q_punct(c, i - 1, '%');
  }
  size_t p = cb_q_prev(c, i);
  if (p == (size_t)-1) return 1;
  if (c->t[p].kind == QT_NUM || cb_qnum_word_start(c, p)) return 0;
  if (c->t[p].kind == QT_PUNCT) return !cb_q_punct(c, p, '/') && !cb_q_punct(c, p, '$') && !cb_q_punct(c, p, '%');
  return 1;
}

static double inf(void) { return HUGE_VAL; }

static void set_interval(cb_quantity *q, const cb_qqual *ql) {
  double a = q->low, b = q->high;
  q->lo = a; q->hi = b;
  if (!ql) return;
  const char *bd = ql->bound;
  q->tolerance = ql->tolerance;
  if (!strcmp(bd, "lower")) { q->hi = inf(); }
  else if (!strcmp(bd, "lower_open")) { q->lo = b; q->lo_open = 1; q->hi = inf(); }
  else if (!strcmp(bd, "upper")) { q->lo = -inf(); }
  else if (!strcmp(bd, "upper_open")) { q->lo = -inf(); q->hi = a; q->hi_open = 1; }
  else if (!strcmp(bd, "approx")) {
    double d1 = fabs(a) * ql->tolerance, d2 = fabs(b) * ql->tolerance;
    q->lo = a - d1; q->hi = b + d2;
  } else if (!strcmp(bd, "below_approx")) {
    q->lo = a - fabs(a) * ql->tolerance; q->hi = b; q->hi_open = 1;
  }
}

static cb_qchange change_of(const char *s) {
  if (!strcmp(s, "~")) return CB_QCHANGE_APPROX;
  if (!strcmp(s, ">")) return CB_QCHANGE_GT;
  if (!strcmp(s, "<")) return CB_QCHANGE_LT;
  if (!strcmp(s, "up")) return CB_QCHANGE_UP;
  if (!strcmp(s, "down")) return CB_QCHANGE_DOWN;
  return CB_QCHANGE_EQ;
}

/* The qualifier phrase ending right before token i; sets *first. */
static const cb_qqual *qualifier_before(const cb_qctx *c, size_t i, size_t *first) {
  size_t starts[4];
  size_t k = i;
  int nw = 0;
  for (; nw < 3; nw++) {
    k = cb_q_prev(c, k);
    if (k == (size_t)-1 || c->t[k].kind != QT_WORD) break;
    starts[nw] = k;
  }
  for (int w = nw; w >= 1; w--) {
    char key[48];
    size_t last, len = cb_q_key(c, starts[w - 1], w, 1, key, sizeof key, &last);
    if (!len) continue;
    const cb_qqual *q = cb_qlex_qualifier(c->lx, key, len);
    if (q) { *first = starts[w - 1]; return q; }
  }
  return NULL;
}

static const cb_qqual *qualifier_after(const cb_qctx *c, size_t i, size_t *last) {
  size_t a = cb_q_next(c, i);
  if (a >= c->nt || !cb_q_is(c, a, "or")) return NULL;
  size_t b = cb_q_next(c, a);
  if (b >= c->nt) return NULL;
  char key[32];
  size_t l2, len = cb_q_key(c, a, 2, 1, key, sizeof key, &l2);
  const cb_qqual *q = len ? cb_qlex_qualifier(c->lx, key, len) : NULL;
  if (q) *last = l2;
  return q;
}

/* The change word at token p ("up"/"down"), or NULL; after_by admits the verbs that mark a
 * change only with "by" ("raised ... by"). */
static const char *change_word(const cb_qctx *c, size_t p, int after_by) {
  if (p == (size_t)-1 || c->t[p].kind != QT_WORD) return NULL;
  char w[24];
  size_t n = cb_q_lower(c, p, w, sizeof w);
  if (!n) return NULL;
  const char *ch = cb_qlex_change(c->lx, w, n);
  return ch || !after_by ? ch : cb_qlex_change_by(c->lx, w, n);
}

/* How far back from "by" a change verb may stand: "cut its road maintenance budget by". */
enum { CHANGE_BY_REACH = 5 };

/* The change word governing the number at token i: the word right before it ("rose 5%",
 * "rose by 5%"), or, after "by", a change verb a few words back in the same clause ("cut its
 * lending rate by 0.5 points"); punctuation, numbers and words like "was", "and" end the
 * look back. */
static const char *change_before(const cb_qctx *c, size_t i) {
  size_t p = cb_q_prev(c, i);
  int by = p != (size_t)-1 && cb_q_is(c, p, "by");
  if (by) p = cb_q_prev(c, p);
  const char *ch = change_word(c, p, by);
  for (int w = 1; !ch && by && w < CHANGE_BY_REACH && p != (size_t)-1 && c->t[p].kind == QT_WORD; w++) {
    const cb_qword *cw = cb_q_word(c, p);
    if (cw && !strcmp(cw->cls, "change_stop")) break;
    p = cb_q_prev(c, p);
    ch = change_word(c, p, 1);
  }
  return ch;
}

typedef struct qparts {
  const cb_qprefix *prefix;
  size_t first;              /* first token: prefix, minus sign or number */
  size_t ns;                 /* where the number starts */
  cb_qnum n1, n2; int range; int negative;
  cb_qunitm um; int has_unit;
  size_t end_tok;            /* last token of number + unit */
} qparts;

typedef struct qunit {
  const char *norm, *dim, *base, *code;
  double factor;
  size_t first, last; int written;
} qunit;

static size_t after_prefix(const cb_qctx *c, size_t pl) {
  if (pl + 1 >= c->nt) return c->nt;
  if (c->t[pl + 1].kind != QT_SPACE) return pl + 1;
  return cb_q_next(c, pl);
}

/* A second number after a range joiner ("12-15", "8 to 10", "between 10 and 20", "two or three"). */
static int read_range(const cb_qctx *c, qparts *p, int between) {
  size_t j = cb_q_next(c, p->n1.last);
  if (j >= c->nt) return 0;
  int dash = is_dash(c, j);
  /* "three or four hours": alternatives are a range too */
  if (!dash && !cb_q_is(c, j, "to") && !cb_q_is(c, j, "or") && !(between && cb_q_is(c, j, "and"))) return 0;
  /* "fell by 900 to 11,400": the change, then where it ended; "vetted by 15 to 20 people" stays a range */
  size_t before = cb_q_prev(c, p->first);
  if (!dash && before != (size_t)-1 && cb_q_is(c, before, "by") && change_before(c, p->first)) return 0;
  size_t k = cb_q_next(c, j), pl;
  if (k < c->nt && p->prefix && prefix_at(c, k, &pl)) k = after_prefix(c, pl);
  if (k >= c->nt) return 0;
  int r = cb_qnum_parse(c, k, &p->n2);
  if (r != 1) return 0;
  if (p->n2.digits != p->n1.digits && dash) return 0;
  return 1;
}


/* The scale written in a number ("10 billion", "10bn"), 1 if none. */
static double scale_of_num(const cb_qctx *c, const cb_qnum *n) {
  for (size_t k = n->first; n->scaled && k <= n->last && k < c->nt; k++) {
    if (c->t[k].kind != QT_WORD) continue;
    char w[16];
    size_t len = cb_q_lower(c, k, w, sizeof w);
    const cb_qnumword *x = len ? cb_qlex_number(c->lx, w, len) : NULL;
    if (x && x->kind == QN_SCALE) return x->value;
    if (n->suffix_factor > 1) return n->suffix_factor;
  }
  return 1;
}

/* Range, year and score checks once a number is read; 0 to go on, else where to resume. */
static size_t check_range(const cb_qctx *c, qparts *p) {
  size_t before = cb_q_prev(c, p->first);
  int between = before != (size_t)-1 && cb_q_is(c, before, "between");
  int from = before != (size_t)-1 && cb_q_is(c, before, "from");
  if (read_range(c, p, between)) {
    double lo = p->n1.value, hi = p->n2.value;
    cb_qnum both = p->n1;
    both.last = p->n2.last;
    cb_qunitm um2;
    int unit2 = cb_q_unit_after(c, &both, &um2);
    if (cb_q_is_year(c, &p->n1) && !unit2 && (p->n2.int_digits == 2 || cb_q_is_year(c, &p->n2)))
      return p->n2.last + 1;   /* "2012-13": a season, not a range to average */
    int dash = is_dash(c, cb_q_next(c, p->n1.last));
    if (dash && p->n1.integer && p->n2.integer && !unit2 && (lo >= hi || cb_q_near_score_word(c, p->ns)))
      return p->n2.last + 1;   /* a score "4-3" */
    double f = !p->n1.scaled ? scale_of_num(c, &p->n2) : 1;   /* "$5 to 10 billion" */
    if (f > 1 && lo * f <= hi) { lo *= f; p->n1.value = lo; p->n1.scaled = 1; }
    if (lo < hi && !(from && !dash)) { p->range = 1; p->n1.last = p->n2.last; }
  }
  if (!p->range && !p->prefix && cb_q_is_year(c, &p->n1)) {
    cb_qunitm um;
    if (!cb_q_unit_after(c, &p->n1, &um) || um.u->dim[0] == 'd') return p->n1.last + 1;   /* "in 2024" */
  }
  return 0;
}

/* Prefix, sign, number, traps, range and unit. 0 when a quantity was read into p, else the
 * token index to resume from. */
static size_t read_number_part(const cb_qctx *c, size_t i, qparts *p) {
  size_t pl, skip;
  memset(p, 0, sizeof *p);
  p->first = p->ns = i;
  if (negative_sign(c, i)) { p->negative = 1; p->ns = cb_q_next(c, i); }
  else if ((p->prefix = prefix_at(c, i, &pl)) != NULL) {
    p->ns = after_prefix(c, pl);
    if (p->ns < c->nt && negative_sign(c, p->ns)) { p->negative = 1; p->ns = cb_q_next(c, p->ns); }
    if (p->ns >= c->nt || (c->t[p->ns].kind != QT_NUM && !cb_qnum_word_start(c, p->ns))) return i + 1;
  }
  int r = cb_qnum_parse(c, p->ns, &p->n1);
  if (r < 0) return p->ns + 1;
  if (r == 0) return i + 1;
  if (cb_q_is_code(c, &p->n1, &skip) || cb_q_is_time(c, &p->n1, &skip)) return skip + 1;
  if (!p->prefix && (cb_q_is_date(c, &p->n1) || cb_q_is_address(c, &p->n1) || cb_q_is_reference(c, &p->n1)))
    return p->n1.last + 1;
  if (cb_q_is_pronoun_one(c, &p->n1) || cb_q_is_enumerator(c, &p->n1)) return p->n1.last + 1;
  size_t resume = check_range(c, p);
  if (resume) return resume;
  p->has_unit = cb_q_unit_after(c, &p->n1, &p->um);
  int money_unit = p->has_unit && !strcmp(p->um.u->dim, "currency");
  if (p->n1.suffix_money && !p->prefix && !money_unit) {   /* "48m" without money: metres */
    size_t sx = p->n1.last;   /* "seat 14B": billions are money; a B glued to digits is an id */
    if (c->t[sx].end - c->t[sx].start == 1 && c->s[c->t[sx].start] == 'B') return sx + 1;
    p->n1.value /= p->n1.suffix_factor; p->n1.scaled = 0; p->n1.suffix_money = 0; p->n1.last--;
    p->has_unit = cb_q_unit_after(c, &p->n1, &p->um);
    money_unit = p->has_unit && !strcmp(p->um.u->dim, "currency");
  }
  /* a word glued to the digits that is no unit: an id ("24703m212") */
  if (!p->has_unit && p->n1.digits && p->n1.last + 1 < c->nt && c->t[p->n1.last + 1].kind == QT_WORD) return p->n1.last + 2;
  /* "$ 20 $ 30": with a sign before it, a number takes no unit after it */
  if (p->prefix && p->has_unit && (!money_unit || c->t[p->um.first].kind == QT_PUNCT)) p->has_unit = 0;
  p->end_tok = p->has_unit ? p->um.last : p->n1.last;
  return 0;
}

/* "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50." */
static void add_cents(const cb_qctx *c, const qparts *p, cb_quantity *q, size_t *end_tok) {
  size_t k = cb_q_next(c, *end_tok);
  if (k < c->nt && cb_q_is(c, k, "and")) k = cb_q_next(c, k);
  cb_qnum cents;
  if (p->range || k >= c->nt || cb_qnum_parse(c, k, &cents) != 1 || cents.value >= 100 || !cents.integer) return;
  size_t u = cb_q_next(c, cents.last);
  if (u < c->nt && (cb_q_is(c, u, "cents") || cb_q_is(c, u, "cent") || cb_q_is(c, u, "pence"))) *end_tok = u;
  else if (u >= c->nt || cb_q_punct(c, u, '.') || cb_q_punct(c, u, ',') || cb_q_punct(c, u, ';')) *end_tok = cents.last;
  else return;
  q->value += cents.value / 100;
  q->low = q->high = q->value;
}

/* The unit: from the lexicon, the currency prefix, or "aged 87"; compound "per" units. */
static void unit_part(const cb_qctx *c, cb_arena *a, qparts *p, cb_quantity *q, qunit *u) {
  memset(u, 0, sizeof *u);
  u->norm = "-"; u->dim = "none"; u->factor = 1;
  if (p->has_unit) {
    const cb_qunit *x = p->um.u;
    u->norm = x->norm; u->dim = x->dim; u->base = x->base; u->factor = x->factor;
    u->first = p->um.first; u->last = p->um.last; u->written = 1;
    if (!strcmp(u->dim, "currency")) u->code = u->base;
    if (!strcmp(u->norm, "pound-mass") && p->n1.scaled) {   /* "361 million pounds" is money */
      u->norm = "pound sterling"; u->dim = "currency"; u->code = u->base = "GBP"; u->factor = 1;
    }
    /* "50 dollar dollar": a repeated unit word belongs to the same quantity */
    size_t rep = cb_q_next(c, u->last), ul = c->t[u->last].end - c->t[u->last].start;
    if (rep < c->nt && c->t[rep].kind == QT_WORD && c->t[rep].end - c->t[rep].start == ul
        && !memcmp(c->s + c->t[rep].start, c->s + c->t[u->last].start, ul))
      p->end_tok = u->last = rep;
  } else if (p->prefix) {
    u->norm = p->prefix->norm; u->dim = "currency"; u->code = u->base = p->prefix->code;
    u->first = u->last = p->first; u->written = 1;
  } else {   /* "aged 87", "age 87" */
    size_t b = cb_q_prev(c, p->ns);
    const cb_qword *w = b != (size_t)-1 ? cb_q_word(c, b) : NULL;
    if (w && !strcmp(w->cls, "age_prefix")) { u->norm = w->value; u->dim = "age"; u->base = "year"; }
  }
  if (!strcmp(u->dim, "currency") && !p->n1.scaled) {   /* "75 USD million" */
    size_t k = cb_q_next(c, p->end_tok);
    char w[16];
    size_t wl = k < c->nt ? cb_q_lower(c, k, w, sizeof w) : 0;
    const cb_qnumword *sc = wl ? cb_qlex_number(c->lx, w, wl) : NULL;
    if (sc && sc->kind == QN_SCALE && c->t[k].kind == QT_WORD) {
      q->value *= sc->value; q->low *= sc->value; q->high *= sc->value;
      p->end_tok = k;
    }
  }
  if (!strcmp(u->dim, "currency") && u->factor == 1) add_cents(c, p, q, &p->end_tok);
  size_t per_end;
  const char *per = strcmp(u->dim, "none") ? cb_q_per_after(c, p->end_tok, &per_end) : NULL;
  if (per && strcmp(per, u->norm) != 0) {
    const char *composed = cb_arena_printf(a, "%s per %s", u->norm, per);
    if (composed) { u->norm = composed; p->end_tok = per_end; }
  }
}

/* Qualifier before ("at least") or after ("or more"), else a change verb ("rose"). Returns
 * the first token of the surface. */
static size_t qualifier_part(const cb_qctx *c, cb_arena *a, const qparts *p, size_t tail, cb_quantity *q) {
  size_t qfirst = p->first, qlast;
  const cb_qqual *ql = qualifier_before(c, p->first, &qfirst);
  size_t span_first = ql ? qfirst : p->first;
  const cb_qqual *qa = ql ? NULL : qualifier_after(c, tail, &qlast);
  if (qa) ql = qa;
  q->change = ql ? change_of(ql->change) : CB_QCHANGE_EQ;
  if (!ql) {
    const char *ch = change_before(c, span_first);
    if (ch) q->change = change_of(ch);
  } else {
    size_t f = qa ? cb_q_next(c, tail) : qfirst;
    size_t l = qa ? qlast : cb_q_prev(c, p->first);
    if (l == (size_t)-1 || l < f) l = f;
    q->qualifier = cb_arena_strndup(a, c->s + c->t[f].start, c->t[l].end - c->t[f].start);
  }
  set_interval(q, ql);
  if (!ql && p->n1.vague) {   /* "hundreds of": more than 100 */
    q->change = CB_QCHANGE_GT;
    q->lo = q->low; q->lo_open = 1; q->hi = HUGE_VAL;
  }
  return span_first;
}

static void set_base(cb_quantity *q, const qunit *u) {
  q->base_unit = u->base;
  if (!strcmp(u->dim, "temperature")) {
    q->base_unit = "celsius";
    q->base_value = !strcmp(u->norm, "fahrenheit") ? (q->value - 32) * 5 / 9
                  : !strcmp(u->norm, "kelvin") ? q->value - 273.15 : q->value;
  } else {
    q->base_value = q->value * u->factor;
  }
}

/* A whole number up to 120 set off by commas after a name is the person's age, as news
 * writes it ("Maria Lopez, 61, said"; "Jones (R-Ohio), 58,"). */
static int bare_age(const cb_qctx *c, const qparts *p) {
  if (p->range || p->prefix || !p->n1.digits || !p->n1.integer || p->n1.value < 1 || p->n1.value > 120) return 0;
  size_t before = cb_q_prev(c, p->n1.first), after = cb_q_next(c, p->n1.last);
  if (before == (size_t)-1 || !cb_q_punct(c, before, ',') || after >= c->nt || !cb_q_punct(c, after, ',')) return 0;
  size_t name = cb_q_prev(c, before);
  return name != (size_t)-1 && ((c->t[name].kind == QT_WORD && c->t[name].upper) || cb_q_punct(c, name, ')'));
}

/* Is the noun at token k written as its singular ("index", not "indexes")? */
static int written_singular(const cb_qctx *c, size_t k, const char *singular) {
  char w[48];
  size_t n = k < c->nt ? cb_q_lower(c, k, w, sizeof w) : 0;
  const char *last = strrchr(singular, ' ');
  last = last ? last + 1 : singular;
  return n && strlen(last) == n && !memcmp(w, last, n);
}

/* Parses the quantity at token i into the vector. Returns the index to continue from. */
static size_t quantity_at(const cb_qctx *c, size_t i, cb_arena *a, qvec *v) {
  qparts p;
  size_t resume = read_number_part(c, i, &p);
  if (resume) return resume;
  cb_quantity *q = qvec_push(v);
  if (!q) return c->nt;
  double sign = p.negative ? -1 : 1;
  q->value = q->low = q->high = sign * p.n1.value;
  q->is_range = p.range;
  if (p.range) q->high = sign * p.n2.value;   /* "12-15": low 12, high 15, value 12 */
  qunit u;
  unit_part(c, a, &p, q, &u);
  /* what it counts */
  const char *ev = NULL;
  size_t noun_last = p.end_tok;
  const char *noun = cb_q_noun_after(c, a, p.end_tok, &noun_last, &ev);
  int counts_noun = !strcmp(u.dim, "none") && noun != NULL;
  if (counts_noun) {   /* "22 vessels"; "20,000 wafers a month" is a rate */
    u.norm = noun; u.dim = "count";
    size_t per_end;
    const char *per = cb_q_per_after(c, noun_last, &per_end);
    const char *composed = per && strcmp(per, noun) ? cb_arena_printf(a, "%s per %s", noun, per) : NULL;
    if (composed) { u.norm = composed; noun_last = per_end; }
  }
  if (!strcmp(u.dim, "none") && !noun && bare_age(c, &p)) {   /* "Maria Lopez, 61, said" */
    u.norm = "year of age"; u.dim = "age"; u.base = "year";
  }
  if (!strcmp(u.dim, "none") && !p.range && !p.negative && cb_q_is_name_number(c, &p.n1)) {
    v->n--;   /* "FRANCE 24", "Apollo 11" */
    return p.end_tok + 1;
  }
  /* a number above one before a singular noun counts nothing: after a name it is part of the
   * name ("the FTSE 100 index", "a Fortune 500 company") */
  if (counts_noun && !p.range && p.n1.value > 1 && written_singular(c, noun_last, noun) &&
      cb_q_is_name_number(c, &p.n1)) {
    v->n--;
    return noun_last + 1;
  }
  size_t tail = noun ? noun_last : p.end_tok;
  size_t span_first = qualifier_part(c, a, &p, tail, q);
  if (q->change == CB_QCHANGE_EQ && noun && !counts_noun) {   /* "a 15% increase", "a $2 drop" */
    const char *ch = cb_qlex_change(c->lx, noun, strlen(noun));
    if (ch) q->change = change_of(ch);
  }
  if (!ev && (!strcmp(u.dim, "count") || !strcmp(u.dim, "none"))) {   /* the nearest event word */
    int da = 0, db = 0;
    const char *after = cb_q_event_after(c, tail, &da);
    const char *before = cb_q_event_before(c, span_first, &db);
    ev = after && (!before || da <= db) ? after : before;
  }
  q->start = c->t[span_first].start;
  q->end = c->t[p.end_tok].end;
  q->unit = u.written ? cb_arena_strndup(a, c->s + c->t[u.first].start, c->t[u.last].end - c->t[u.first].start) : NULL;
  q->unit_norm = u.norm;
  q->dimension = u.dim;
  q->currency = u.code;
  set_base(q, &u);
  q->noun = noun;
  q->event = ev;
  if (u.written && !q->unit) v->oom = 1;
  return p.end_tok + 1;
}

static int may_start(const cb_qctx *c, size_t i) {
  const cb_qtok *t = &c->t[i];
  if (t->kind == QT_NUM) return 1;
  if (t->kind == QT_SPACE) return 0;
  size_t n = t->end - t->start;
  if (n > 12) return 0;
  unsigned b = cb_qlex_bloom_index(c->s + t->start, n);
  return (c->bloom[b >> 3] >> (b & 7)) & 1;
}

/* ---- a unit written once for two numbers ("from 40 to 55 mph", "three or four hours") ---- */

/* Is text[from, to) only a coordinator between two numbers: to, or, and, through, a dash? */
static int coordinator(const char *s, size_t from, size_t to) {
  while (from < to && isspace((unsigned char)s[from])) from++;
  while (to > from && isspace((unsigned char)s[to - 1])) to--;
  static const char *const w[] = {"to", "or", "and", "through", "-", "\xe2\x80\x93", "\xe2\x80\x94", NULL};
  for (int i = 0; w[i]; i++)
    if (strlen(w[i]) == to - from && !strncasecmp(s + from, w[i], to - from)) return 1;
  return 0;
}

static int between_and(const char *s, size_t from, size_t to) {
  while (from < to && isspace((unsigned char)s[from])) from++;
  return to - from >= 3 && !strncasecmp(s + from, "and", 3);
}

/* The scale word written in a quantity's surface ("10 billion" -> 1e9), else 1. */
static double scale_in(const struct cb_qlex *lx, const char *s, const cb_quantity *q) {
  for (size_t i = q->start; i < q->end;) {
    while (i < q->end && !isalpha((unsigned char)s[i])) i++;
    size_t j = i;
    while (j < q->end && isalpha((unsigned char)s[j])) j++;
    char w[16];
    if (j > i && j - i < sizeof w) {
      for (size_t k = i; k < j; k++) w[k - i] = (char)tolower((unsigned char)s[k]);
      const cb_qnumword *x = cb_qlex_number(lx, w, j - i);
      if (x && x->kind == QN_SCALE) return x->value;
    }
    i = j;
  }
  return 1;
}

static void rescale(cb_quantity *q, double f) {
  q->value *= f; q->low *= f; q->high *= f; q->base_value *= f;
  if (!isinf(q->lo)) q->lo *= f;
  if (!isinf(q->hi)) q->hi *= f;
}

static int bare(const cb_quantity *q) { return !strcmp(q->dimension, "none") && !q->unit && !q->noun; }

/* A bare number coordinated with the next one takes its unit, what it counts and its scale;
 * a sum's currency sign carries to a bare number after it ("$5 to 10 billion"). */
static void share_units(const struct cb_qlex *lx, const char *s, cb_quantity *q, size_t n) {
  for (size_t k = 1; k < n; k++) {
    cb_quantity *a = &q[k - 1], *b = &q[k];
    if (a->is_range || b->is_range || !coordinator(s, a->end, b->start)) continue;
    if (bare(b) && a->currency && !a->noun && !between_and(s, a->end, b->start)) {   /* "$4 and 32 of" */
      b->unit_norm = a->unit_norm; b->dimension = a->dimension; b->currency = a->currency;
      b->base_unit = a->base_unit;
      b->base_value = a->value ? b->value * (a->base_value / a->value) : b->value;
    }
    double f = scale_in(lx, s, b);
    if (f > 1 && scale_in(lx, s, a) == 1 && a->value < f && (bare(a) || a->currency)) rescale(a, f);
    if (!bare(a) || bare(b)) continue;
    a->unit_norm = b->unit_norm; a->dimension = b->dimension; a->currency = b->currency;
    a->base_unit = b->base_unit; a->noun = b->noun;
    if (!a->event) a->event = b->event;
    a->base_value = b->value ? a->value * (b->base_value / b->value) : a->value;
  }
}

enum { CHUNK_SOFT = 2048, CHUNK_HARD = 16384, CHUNK_SLACK = 4096 };

/* Next chunk end: a line break after CHUNK_SOFT bytes, else a space after CHUNK_HARD, else a
 * hard cut; a chunk never exceeds CHUNK_HARD + CHUNK_SLACK bytes. */
static size_t chunk_end(const char *s, size_t n, size_t from) {
  size_t soft = from + CHUNK_SOFT, hard = from + CHUNK_HARD;
  if (n <= soft) return n;
  const char *nl = memchr(s + soft, '\n', (hard < n ? hard : n) - soft);
  if (nl) return (size_t)(nl - s) + 1;
  if (hard >= n) return n;
  for (size_t k = hard; k < n && k + 1 < hard + CHUNK_SLACK; k++) if (s[k] == ' ' || s[k] == '\n') return k + 1;
  return hard + CHUNK_SLACK < n ? hard + CHUNK_SLACK : n;
}

size_t cb_quantity_extract(cb_arena *a, const char *text, size_t n, cb_quantity **out) {
  *out = NULL;
  const struct cb_qlex *lx = cb_qlex_get();
  if (!lx) return (size_t)-1;
  if (!text || !n) return 0;
  size_t cap = (n < CHUNK_HARD + CHUNK_SLACK ? n : CHUNK_HARD + CHUNK_SLACK) + 8;   /* tokens <= bytes */
  cb_qtok *toks = malloc(cap * sizeof *toks);
  if (!toks) return (size_t)-1;
  qvec v = {0};
  for (size_t from = 0; from < n && !v.oom;) {
    size_t to = chunk_end(text, n, from);
    size_t nt = cb_qtokenize(text + from, to - from, toks);
    cb_qctx c = {text + from, toks, nt, lx, cb_qlex_start_bloom(lx)};
    size_t first_new = v.n;
    for (size_t i = 0; i < nt && !v.oom;) {
      if (!may_start(&c, i)) { i++; continue; }
      size_t nx = quantity_at(&c, i, a, &v);
      i = nx > i ? nx : i + 1;
    }
    for (size_t k = first_new; k < v.n; k++) { v.q[k].start += from; v.q[k].end += from; }
    from = to;
  }
  free(toks);
  if (v.oom) { free(v.q); return (size_t)-1; }
  share_units(lx, text, v.q, v.n);
  if (v.n) {
    *out = cb_arena_alloc(a, v.n * sizeof **out);
    if (!*out) { free(v.q); return (size_t)-1; }
    memcpy(*out, v.q, v.n * sizeof **out);
  }
  free(v.q);
  return v.n;
}

const char *cb_qchange_name(cb_qchange c) {
  static const char *names[] = {"=", "~", ">", "<", "up", "down"};
  return (unsigned)c < 6 ? names[c] : "=";
}
