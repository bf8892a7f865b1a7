/*
 * timex_query.h - questions the timex patterns ask of the token stream (is this token a
 * month, a day of the month, a year, a number, a unit; is it glued to the one before), and
 * the patterns themselves, one file per family. The questions are static inline: they run
 * at every token. Internal to src/extract/timex*.c.
 */
#ifndef CB_EXTRACT_TIMEX_QUERY_H
#define CB_EXTRACT_TIMEX_QUERY_H
#include "extract/timex_int.h"
#include <math.h>
#include <string.h>
#include <strings.h>

static inline const cb_tl_entry *lexof(const cb_tm_ctx *c, size_t i) {
  return i < c->nt && c->t[i].kind == TK_WORD ? c->t[i].lex : NULL;
}

static inline int is_punct(const cb_tm_ctx *c, size_t i, char ch) {
  return i < c->nt && c->t[i].kind == TK_PUNCT && c->t[i].ch == ch;
}

static inline int glued(const cb_tm_ctx *c, size_t i) { return i < c->nt && c->t[i].gap == 0; }

static inline int word_is_n(const cb_tm_ctx *c, size_t i, const char *w, size_t n) {
  if (i >= c->nt || c->t[i].kind != TK_WORD || c->t[i].e - c->t[i].s != n) return 0;
  return strncasecmp(c->s + c->t[i].s, w, n) == 0;
}

#define word_is(c, i, w) word_is_n((c), (i), "" w, sizeof(w) - 1)

/* Nothing glued after token i but punctuation other than '-' / '/' ("2025-12-04." ends well). */
static inline int ends_clean(const cb_tm_ctx *c, size_t i) {
  if (i >= c->nt || !glued(c, i)) return 1;
  return c->t[i].kind == TK_PUNCT && c->t[i].ch != '-' && c->t[i].ch != '/' &&
         !((c->t[i].ch == '.' || c->t[i].ch == ',') && i + 1 < c->nt && glued(c, i + 1) && c->t[i + 1].kind == TK_NUM);
}

static inline int num_tok(const cb_tm_ctx *c, size_t i, int ndig_min, int ndig_max) {
  return i < c->nt && c->t[i].kind == TK_NUM && c->t[i].ndig >= ndig_min && c->t[i].ndig <= ndig_max;
}

/* A month name: capitalised when it doubles as a word ("May", "March"), an abbreviation
 * only before "." or a number. */
static inline int month_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_MONTH)) return 0;
  if ((e->flags & TLF_CAP) && !c->t[i].cap) return 0;
  *end = i + 1;
  if (e->flags & TLF_ABBR) {
    if (is_punct(c, i + 1, '.') && glued(c, i + 1)) *end = i + 2;
    else if (!num_tok(c, i + 1, 1, 4)) return 0;
    if (!c->t[i].cap) return 0;
  }
  return e->val[TL_MONTH];
}

static inline int weekday_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_WEEKDAY)) return 0;
  *end = i + 1;
  if (e->flags & TLF_ABBR) {
    if (!(is_punct(c, i + 1, '.') && glued(c, i + 1)) || !c->t[i].cap) return 0;
    *end = i + 2;
  }
  return e->val[TL_WEEKDAY];
}

static inline int has(const cb_tm_ctx *c, size_t i, int cls) { return cb_tl_is(lexof(c, i), cls); }

static inline int val(const cb_tm_ctx *c, size_t i, int cls) { return lexof(c, i)->val[cls]; }

/* Day of month 1..31 with an optional glued ordinal suffix ("24th"). */
static inline int day_at(const cb_tm_ctx *c, size_t i, size_t *end) {
  if (!num_tok(c, i, 1, 2) || c->t[i].num < 1 || c->t[i].num > 31) return 0;
  *end = i + 1;
  if (i + 1 < c->nt && glued(c, i + 1) && c->t[i + 1].kind == TK_WORD) {
    if (word_is(c, i + 1, "st") || word_is(c, i + 1, "nd") || word_is(c, i + 1, "rd") || word_is(c, i + 1, "th"))
      *end = i + 2;
    else return 0;   /* "24M", "3pm" */
  }
  if (*end < c->nt && glued(c, *end) && (c->t[*end].kind == TK_NUM)) return 0;
  return c->t[i].num;
}

/* A four-digit year that stands alone ("2025", not "2025.5", "$2025", "2025M"). */
static inline int year_at(const cb_tm_ctx *c, size_t i, int strict) {
  if (!num_tok(c, i, 4, 4)) return 0;
  int y = c->t[i].num;
  if (y < 1000 || y > 2099 || (strict && y < 1800)) return 0;
  if (i > 0 && glued(c, i) && (is_punct(c, i - 1, '$') || is_punct(c, i - 1, '#') ||
                               c->t[i - 1].kind != TK_PUNCT || is_punct(c, i - 1, '.') || is_punct(c, i - 1, ',')))
    return 0;
  size_t j = i + 1;
  if (j < c->nt && glued(c, j)) {
    if (c->t[j].kind == TK_WORD && !word_is(c, j, "s")) return 0;
    if ((is_punct(c, j, '.') || is_punct(c, j, ',')) && glued(c, j + 1) && c->t[j + 1].kind == TK_NUM) return 0;
    if (is_punct(c, j, '%')) return 0;
  }
  if (word_is(c, j, "percent")) return 0;
  /* "2000 troops": a count before a plural noun, unless a word like "in" or "since" precedes */
  if (j < c->nt && c->t[j].kind == TK_WORD && !c->t[j].cap && !c->t[j].lex && c->t[j].e - c->t[j].s > 3 &&
      c->s[c->t[j].e - 1] == 's' && !(i > 0 && (has(c, i - 1, TL_YEARPREP) || has(c, i - 1, TL_MONTH) || has(c, i - 1, TL_FISCAL))))
    return 0;
  return y;
}

typedef struct num { double v; int vague, article; size_t end; } num;

static inline int number_at(const cb_tm_ctx *c, size_t i, num *n) {
  memset(n, 0, sizeof *n);
  if (i >= c->nt) return 0;
  const cb_tt *t = &c->t[i];
  if (t->kind == TK_NUM) {
    if (t->ndig > 6) return 0;
    n->v = t->num; n->end = i + 1;
    if (is_punct(c, i + 1, '.') && glued(c, i + 1) && num_tok(c, i + 2, 1, 3) && glued(c, i + 2)) {
      n->v += c->t[i + 2].num / pow(10, c->t[i + 2].ndig);
      n->end = i + 3;
    } else if (is_punct(c, i + 1, ',') && glued(c, i + 1) && num_tok(c, i + 2, 3, 3) && glued(c, i + 2)) {
      n->v = n->v * 1000 + c->t[i + 2].num;
      n->end = i + 3;
    }
    if (n->end < c->nt && glued(c, n->end) && c->t[n->end].kind == TK_WORD) return 0;   /* "100M" */
    return 1;
  }
  const cb_tl_entry *e = lexof(c, i);
  if (!cb_tl_is(e, TL_NUM)) return 0;
  int v = e->val[TL_NUM];
  n->end = i + 1;
  if (v < 0) { n->vague = 1; return 1; }
  if (e->flags & TLF_ARTICLE) {
    n->article = 1; n->v = 1;
    const cb_tl_entry *f = lexof(c, i + 1);
    if (cb_tl_is(f, TL_NUM) && (f->flags & TLF_VAGUE)) { n->vague = 1; n->article = 0; n->end = i + 2; return 1; }  /* "a few" */
    if (word_is(c, i + 1, "hundred") || word_is(c, i + 1, "dozen") || word_is(c, i + 1, "couple")) {
      n->v = f->val[TL_NUM]; n->article = 0; n->end = i + 2;
      if (word_is(c, n->end, "of")) n->end++;      /* "a couple of" */
      return 1;
    }
    return 1;
  }
  n->v = v;
  if (v >= 20 && v < 100 && v % 10 == 0) {        /* "twenty four", "twenty-four" */
    size_t j = i + 1;
    if (is_punct(c, j, '-') && glued(c, j)) j++;
    const cb_tl_entry *f = lexof(c, j);
    if (cb_tl_is(f, TL_NUM) && f->val[TL_NUM] > 0 && f->val[TL_NUM] < 10) { n->v += f->val[TL_NUM]; n->end = j + 1; }
  }
  if (cb_tl_is(lexof(c, n->end), TL_NUM) && lexof(c, n->end)->val[TL_NUM] == 100) { n->v *= 100; n->end++; }
  if (word_is(c, n->end, "thousand")) { n->v *= 1000; n->end++; }
  if ((word_is(c, i, "couple") || word_is(c, i, "dozen")) && word_is(c, n->end, "of")) n->end++;   /* "couple of years" */
  return 1;
}

static inline int unit_at(const cb_tm_ctx *c, size_t i) { return has(c, i, TL_UNIT) ? val(c, i, TL_UNIT) : 0; }

/* ---- result helpers ----------------------------------------------------------------- */
static inline void set(cb_tm_res *r, size_t end, cb_timex_type type, cb_timex_precision p, unsigned flags) {
  r->end = end; r->type = type; r->prec = p; r->flags = flags; r->mod = NULL; r->vend[0] = 0;
}

static inline int tense(const cb_tm_ctx *c, size_t i) { return c->tense ? c->tense(c->ud, i, 0) : 0; }
/* The tense of the verbs after token i only (a weekday in the possessive dates the noun it precedes). */
static inline int tense_after(const cb_tm_ctx *c, size_t i) { return c->tense ? c->tense(c->ud, i, 1) : 0; }

/* patterns (timex_pat_abs.c: dates with their own calendar position; timex_pat_rel.c: dates
 * counted from the article date), and the value helpers they share. Each returns the token
 * index after its match, 0 if none. */
size_t cb_tp_numeric(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_clock(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_month(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_paired_day(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_century(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_short_decade(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_spelled_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_quarter(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_the_quarter(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_the_year(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_season(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_holiday(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_relative(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_dayrel(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_trading_day(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_weekday(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_ref(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_duration(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_year_end(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_year_ago(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
size_t cb_tp_set(const cb_tm_ctx *c, size_t i, cb_tm_res *r);
void cb_tp_time_value(const cb_tm_ctx *c, cb_tm_res *r, int h, int mi);
size_t cb_tp_part_of_day(const cb_tm_ctx *c, size_t j, cb_tm_res *r);
int cb_tp_unit_value(const cb_tm_ctx *c, cb_tm_res *r, int unit, int k);
#endif
