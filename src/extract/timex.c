/*
 * timex.c - cb_timex_extract: runs the timex patterns over the text window by window
 * (bounded memory), gives each match the tense of the verb it dates and, for "N days ago",
 * the event date named earlier in the same sentence, and copies the results out.
 */
#include "extract/timex_int.h"
#include "text/sentence.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define WINDOW (64 * 1024)

typedef struct cue { size_t off; signed char tense; } cue;

typedef struct run {
  cb_arena *a;              /* results */
  cb_arena *scratch;        /* sentences of the current region */
  const char *s;            /* the window */
  size_t n, base;           /* its length and offset in the whole text */
  cb_span *sent;            /* sentences of the current region, relative to rs */
  size_t nsent, cur, rs, re;
  int have_region;
  const cb_tt *t;
  cue *cues;                /* tense cues of the window */
  size_t ncue, cuecap;
  cb_timex *out;
  size_t nout, cap;
  int oom;
} run;

/* The sentences around off: the paragraph holding it, at most REGION bytes either side.
 * A region with a very long run of letters and dots is taken as one sentence, so that no
 * input makes the splitter work hard. */
#define REGION 2048
static void load_region(run *r, size_t off) {
  size_t rs = off > REGION ? off - REGION : 0, re = off + REGION < r->n ? off + REGION : r->n;
  for (size_t k = off; k > rs + 1; k--) if (r->s[k - 1] == '\n' && r->s[k - 2] == '\n') { rs = k; break; }
  for (size_t k = off; k + 1 < re; k++) if (r->s[k] == '\n' && r->s[k + 1] == '\n') { re = k; break; }
  if (re <= off) re = off + 1 <= r->n ? off + 1 : r->n;
  r->rs = rs; r->re = re; r->nsent = 0; r->cur = 0; r->sent = NULL;
  cb_arena_free(r->scratch);
  r->scratch = cb_arena_new(0);
  size_t run_len = 0;
  for (size_t k = rs; k < re; k++) {
    unsigned char ch = (unsigned char)r->s[k];
    run_len = (isalpha(ch) || ch == '.') ? run_len + 1 : 0;
    if (run_len > 64) return;
  }
  if (r->scratch) r->nsent = cb_sentences(r->scratch, r->s + rs, re - rs, &r->sent);
}

/* [*bs, *be): the sentence holding off, as offsets into the window. */
static void sentence_bounds(run *r, size_t off, size_t *bs, size_t *be) {
  if (!r->have_region || off < r->rs || off >= r->re) { load_region(r, off); r->have_region = 1; }
  size_t rel = off - r->rs;
  while (r->cur + 1 < r->nsent && r->sent[r->cur].end <= rel) r->cur++;
  while (r->cur > 0 && r->sent[r->cur].start > rel) r->cur--;
  if (!r->nsent) { *bs = r->rs; *be = r->re; return; }
  *bs = r->rs + r->sent[r->cur].start;
  *be = r->rs + r->sent[r->cur].end;
}

/* Tense cues of the window, in text order: +2 future ("will", "next", "he'll"), -2 past
 * ("said"), -1 a past-participle-like word ("revealed"). Built once per window. */
static int cue_of(const char *s, const cb_tt *t) {
  if (t->kind != TK_WORD) return 0;
  const cb_tl_entry *e = t->lex;
  size_t k = t->e - t->s;
  if (!e && k > 3) {
    const char *ap = memchr(s + t->s, '\'', k);
    if (ap && ap > s + t->s) e = cb_tl_lookup(ap, (size_t)(s + t->e - ap));   /* "he'll" -> "'ll" */
  }
  if (cb_tl_is(e, TL_FUTURE)) return 2;
  if (cb_tl_is(e, TL_PAST)) return -2;
  if (!e && k >= 5 && s[t->e - 2] == 'e' && s[t->e - 1] == 'd') return -1;
  return 0;
}

/* "was scheduled", "had been due", "were expected": a plan told in the past tense looks back. */
static int past_plan(const run *r, size_t i) {
  const cb_tl_entry *e = r->t[i].lex;
  if (!e || !cb_tl_is(e, TL_FUTURE) || cb_tl_is(e, TL_PAST) || r->t[i].e - r->t[i].s < 3) return 0;
  const char *w = r->s + r->t[i].s;
  size_t k = r->t[i].e - r->t[i].s;
  if (!(w[k - 1] == 'd' || (k == 3 && (w[0] == 'd' || w[0] == 'D')))) return 0;   /* scheduled, expected, due */
  size_t j = i;
  if (j > 0 && r->t[j - 1].kind == TK_WORD && r->t[j - 1].e - r->t[j - 1].s == 4 &&
      strncmp(r->s + r->t[j - 1].s, "been", 4) == 0) j--;
  return j > 0 && r->t[j - 1].lex && cb_tl_is(r->t[j - 1].lex, TL_PAST) && r->t[j - 1].kind == TK_WORD &&
         r->t[j - 1].e - r->t[j - 1].s <= 4;                                        /* was, were, had */
}

static int tok_is(const run *r, size_t k, const char *w);

/* Is token k one of the words (a NULL-terminated list)? */
static int tok_in(const run *r, size_t k, const char *const *words) {
  for (; *words; words++)
    if (tok_is(r, k, *words)) return 1;
  return 0;
}

static const char *const BE_PRESENT[] = {"is", "are", "am", NULL};
static const char *const BE_BARE[] = {"is", "are", "am", "be", "been", "being", NULL};
static const char *const DETERMINERS[] = {"the", "a", "its", "their", "his", "her", NULL};
static const char *const INFINITIVE_BEFORE[] = {"to", "let", "help", "make", NULL};
static const char *const UNDATED_PLAN_BEFORE[] = {"as", "originally", "previously", NULL};

/* The value the lexicon gives a tense word of class cls (future 2: a modal, future 3: a bare verb, past 2:
 * also a participle). */
static int tense_val(const run *r, size_t k, int cls) {
  const cb_tl_entry *e = r->t[k].kind == TK_WORD ? r->t[k].lex : NULL;
  return cb_tl_is(e, cls) ? e->val[cls] : 0;
}

/* A word ending in "-ing" that the lexicon does not know as a time word ("meeting", not "morning"). */
static int ing_word(const run *r, size_t k) {
  size_t n = r->t[k].e - r->t[k].s;
  const char *w = r->s + r->t[k].s;
  return r->t[k].kind == TK_WORD && n >= 5 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g' &&
         (!r->t[k].lex || cb_tl_is(r->t[k].lex, TL_FUTURE));
}

/* A weekday at token k, or "on" and a weekday. */
static int weekday_next(const run *r, size_t k, size_t nt) {
  if (k < nt && tok_is(r, k, "on")) k++;
  return k < nt && r->t[k].kind == TK_WORD && r->t[k].lex && cb_tl_is(r->t[k].lex, TL_WEEKDAY);
}

/* The tense cue of token i, refined by its neighbours. English facts it uses:
 * - a plan word after a determiner is a noun ("announced the plan Aug. 21"); "was scheduled" looks back;
 * - a participle after a present or bare "be" is passive or a state ("will be held", "is located"): no past;
 * - a bare verb after "to", "let", "help", "make" is an infinitive, dated by the verb before it ("voted to
 *   support the plan Friday"); "as planned", "as expected", "originally scheduled" say nothing of the date;
 * - a weak modal ("would", "should", "might") points ahead, unless negated ("would not comment Monday": a
 *   refusal already made) or perfect ("would have"), which looks back;
 * - the present progressive of an event verb is a plan for a day ("the leaders are meeting Friday"), weakly
 *   (+1: it moves weekdays, not months: "is continuing to sell under a June agreement");
 * - "is"/"are" right before a weekday states a plan ("the vote is Sunday", "the deadline is on Friday"). */
static int cue_at(const run *r, size_t i, size_t nt) {
  int q = cue_of(r->s, &r->t[i]);
  if (!q) {                                              /* most words: two cheap shapes to rule out */
    size_t n = r->t[i].e - r->t[i].s;
    if (i > 0 && ing_word(r, i) && tok_in(r, i - 1, BE_PRESENT)) return 1;
    if ((n == 2 || n == 3) && (tok_is(r, i, "is") || tok_is(r, i, "are")) && weekday_next(r, i + 1, nt)) return 2;
    return 0;
  }
  if (q == 2 && past_plan(r, i)) q = -2;
  if (q == 2 && i > 0 && tok_in(r, i - 1, DETERMINERS)) q = 0;
  if (q < 0 && i > 0 && (q == -1 || tense_val(r, i, TL_PAST) == 2) && tok_in(r, i - 1, BE_BARE)) q = 0;
  if (q == -2 && i + 1 < nt && (tok_is(r, i, "was") || tok_is(r, i, "were")) && r->t[i + 1].lex &&
      cb_tl_is(r->t[i + 1].lex, TL_FUTURE)) q = 0;        /* "were planning": the plan word speaks for both */
  if (q == 2 && i > 0 && tense_val(r, i, TL_FUTURE) == 3 && tok_in(r, i - 1, INFINITIVE_BEFORE)) q = 0;
  if (q == 2 && i > 0 && tok_in(r, i - 1, UNDATED_PLAN_BEFORE)) q = 0;
  if (q == 2 && tense_val(r, i, TL_FUTURE) == 2 && i + 1 < nt) {
    if (tok_is(r, i + 1, "not") || tok_is(r, i + 1, "never")) q = 0;
    else if (tok_is(r, i + 1, "have")) q = -1;
  }
  return q;
}

static int build_cues(run *r, size_t nt) {
  r->ncue = 0;
  for (size_t i = 0; i < nt; i++) {
    int q = cue_at(r, i, nt);
    if (!q) continue;
    if (r->ncue == r->cuecap) {
      size_t nc = r->cuecap ? r->cuecap * 2 : 256;
      cue *nv = realloc(r->cues, nc * sizeof *nv);
      if (!nv) return 0;
      r->cues = nv; r->cuecap = nc;
    }
    r->cues[r->ncue].off = r->t[i].s;
    r->cues[r->ncue++].tense = (signed char)q;
  }
  return 1;
}

/* The tense of the cue nearest to off within [from, to): the nearest one before off, for a time word
 * follows the verb it dates ("said Monday", "will meet Friday", "arrested three men Sunday"); failing that
 * the nearest one after, for a time word that opens its clause ("On Monday, the company said"). 0: none. */
static int nearest_cue(const run *r, size_t from, size_t to, size_t off, int after_only) {
  size_t lo = 0, hi = r->ncue;
  while (lo < hi) { size_t mid = (lo + hi) / 2; if (r->cues[mid].off < from) lo = mid + 1; else hi = mid; }
  int before = 0, after = 0;
  for (size_t i = lo; i < r->ncue && r->cues[i].off < to; i++) {
    if (r->cues[i].off < off) before = r->cues[i].tense;
    else { after = r->cues[i].tense; break; }
  }
  return before && !after_only ? before : after;
}

/* The length of a quotation mark at s[k] (" `` '' “ ”), else 0. */
static size_t quote_mark(const char *s, size_t k, size_t end) {
  if (s[k] == '"') return 1;
  if (k + 1 < end && ((s[k] == '`' && s[k + 1] == '`') || (s[k] == '\'' && s[k + 1] == '\''))) return 2;
  if (k + 2 < end && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
      ((unsigned char)s[k + 2] == 0x9C || (unsigned char)s[k + 2] == 0x9D)) return 3;
  return 0;
}

/* Inside a quotation, the speaker's own tense counts, not the reporting verb's ("'He will leave at 4
 * Thursday,' Castro said"): narrows [*bs, *be) to the quoted stretch holding off, if there is one. */
static void quoted_stretch(const run *r, size_t off, size_t *bs, size_t *be) {
  size_t open = 0;
  int in = 0;
  for (size_t k = *bs; k < *be;) {
    size_t q = quote_mark(r->s, k, *be);
    if (!q) { k++; continue; }
    if (!in) { in = 1; open = k + q; }
    else {
      in = 0;
      if (off >= open && off < k) { *bs = open; *be = k; return; }
    }
    k += q;
  }
  if (in && off >= open) *bs = open;   /* a quote running past the sentence end */
}

static int tense_at(void *ud, size_t tok, int after_only) {
  run *r = ud;
  size_t off = r->t[tok].s;
  size_t bs, be;
  sentence_bounds(r, off, &bs, &be);
  size_t qs = bs, qe = be;
  quoted_stretch(r, off, &qs, &qe);
  int t = nearest_cue(r, qs, qe, off, after_only);
  if (t || (qs == bs && qe == be)) return t;
  return nearest_cue(r, bs, be, off, after_only);   /* no cue in the quote: the sentence's */
}

static int emit(run *r, const cb_tm_res *m, size_t start, size_t end) {
  if (r->nout == r->cap) {
    size_t nc = r->cap ? r->cap * 2 : 16;
    cb_timex *nv = cb_arena_alloc(r->a, nc * sizeof *nv);
    if (!nv) return 0;
    if (r->nout) memcpy(nv, r->out, r->nout * sizeof *nv);
    r->out = nv; r->cap = nc;
  }
  cb_timex *x = &r->out[r->nout];
  memset(x, 0, sizeof *x);
  x->start = r->base + start; x->end = r->base + end;
  x->type = m->type; x->precision = m->prec; x->flags = m->flags; x->mod = m->mod;
  x->value = cb_arena_strdup(r->a, m->val);
  x->value_end = m->vend[0] ? cb_arena_strdup(r->a, m->vend) : NULL;
  if (!x->value || (m->vend[0] && !x->value_end)) return 0;
  r->nout++;
  return 1;
}

/* Classes that can start or shape a mention on their own (not tense cues, not function words). */
#define STARTERS (~((1u << TL_FUNC) | (1u << TL_FUTURE) | (1u << TL_PAST) | (1u << TL_TZ) | (1u << TL_DET) | (1u << TL_AGO) | \
                     (1u << TL_YEARPREP) | (1u << TL_QTY)))

static int starts(const cb_tt *t) { return t->kind == TK_NUM || (t->lex && (t->lex->mask & STARTERS)); }

/* Cheap filter before the patterns: a number, a starter word, or "the"/"for" before one. */
static int worth_trying(const cb_tt *t, const cb_tt *next, const cb_tt *after) {
  if (starts(t)) return 1;
  return t->lex && (t->lex->mask & ((1u << TL_DET) | (1u << TL_FUNC))) && next && (starts(next) || (after && starts(after)));
}

/* The last resolved date of year-or-finer precision, for "that year", "that day". */
static void remember_last(cb_tm_ctx *c, const cb_tm_res *m) {
  int y = 0, mo = 1, d = 1;
  if ((m->type == CB_TIMEX_DATE || m->type == CB_TIMEX_TIME) && m->prec >= CB_TP_DAY && !m->vend[0] &&
      cb_tv_parse(m->val, &y, &mo, &d) == 3 && cb_cal_valid(y, mo, d)) {
    c->has_last_day = 1;
    c->last_day = cb_cal_days(y, mo, d);
    c->last_day_tok = m->end;
  }
  y = 0; mo = 1; d = 1;
  if (m->type != CB_TIMEX_DATE || m->prec < CB_TP_YEAR || m->prec > CB_TP_DAY) return;
  if (cb_tv_parse(m->val, &y, &mo, &d) < 1) return;
  if (mo < 1 || mo > 12) mo = 1;
  if (!cb_cal_valid(y, mo, d)) d = 1;
  c->has_last = 1;
  c->last = cb_cal_days(y, mo, d);
  c->last_prec = m->prec;
}

/* Narrative mode: each resolved date ("in 1940", "June 22, 1941", "the next year") becomes the reference
 * for the partial dates after it. */
static void follow_narrative(cb_tm_ctx *c, const cb_tm_res *m) {
  if (m->type != CB_TIMEX_DATE || m->prec < CB_TP_YEAR || m->prec > CB_TP_DAY) return;
  int y = 0, mo = 1, d = 1;
  if (cb_tv_parse(m->val, &y, &mo, &d) < 1) return;
  if (mo < 1 || mo > 12) mo = 1;
  if (d < 1 || d > 28) d = d < 1 ? 1 : d;
  if (!cb_cal_valid(y, mo, d)) return;
  c->has_dct = 1;
  c->dct = cb_cal_days(y, mo, d);
  c->narrative = 1;
}

/* Is token k the word w (ASCII case folded; w has no apostrophe)? */
static int tok_is(const run *r, size_t k, const char *w) {
  size_t n = strlen(w);
  return r->t[k].kind == TK_WORD && r->t[k].e - r->t[k].s == n && strncasecmp(r->s + r->t[k].s, w, n) == 0;
}

/* The form of a "year before" phrase in tokens [i, e): 2 "a year ago", "year-earlier"; 1 "last year"; 0 other. */
static int year_before_form(const run *r, size_t i, size_t e) {
  for (size_t k = i; k + 1 < e; k++) {
    if (!tok_is(r, k, "year")) continue;
    size_t n = k + 1;
    if (r->t[n].kind == TK_PUNCT && r->t[n].ch == '-' && n + 1 < e) n++;
    if (tok_is(r, n, "ago") || tok_is(r, n, "earlier")) return 2;
  }
  return e == i + 2 && tok_is(r, i, "last") && tok_is(r, i + 1, "year") ? 1 : 0;
}

/* Company reports: after "the third quarter" (of 1989), "a year ago" and "year-earlier" mean that quarter
 * a year before (1988-Q3), and so does "last year" in the quarter's own sentence. */
static void quarter_context(run *r, cb_tm_ctx *c, cb_tm_res *m, size_t i) {
  size_t bs, be;
  if (m->type != CB_TIMEX_DATE) return;
  int y = 0, q = 0;
  if (m->prec == CB_TP_QUARTER && sscanf(m->val, "%4d-Q%1d", &y, &q) == 2 && q >= 1 && q <= 4) {
    if (c->lastq_q && y < c->lastq_y) return;       /* "the year-ago quarter" compares, it does not move on */
    sentence_bounds(r, r->t[i].s, &bs, &be);
    c->lastq_y = y; c->lastq_q = q; c->lastq_sent = r->base + bs;
    return;
  }
  if (!c->lastq_q || m->prec != CB_TP_YEAR || !(m->flags & CB_TIMEX_RELATIVE) || m->mod) return;
  if (strlen(m->val) != 4 || sscanf(m->val, "%4d", &y) != 1 || y != c->lastq_y - 1) return;
  int form = year_before_form(r, i, m->end);
  if (!form) return;
  if (form == 1 && (sentence_bounds(r, r->t[i].s, &bs, &be), r->base + bs) != c->lastq_sent) return;
  snprintf(m->val, sizeof m->val, "%04d-Q%d", y, c->lastq_q);
  m->prec = CB_TP_QUARTER;
}

/* Extracts from one window; tokens buffer reused across windows. */
static int scan_window(run *r, const cb_timex_opts *o, cb_tm_ctx *c, cb_tt **tok, size_t *cap) {
  size_t nt = cb_tt_scan(r->s, r->n, tok, cap);
  if (nt == (size_t)-1) return 0;
  r->t = *tok;
  r->have_region = 0; r->nsent = 0;
  if (!build_cues(r, nt)) return 0;
  c->s = r->s; c->t = *tok; c->nt = nt; c->tense = tense_at; c->ud = r;
  c->has_last_day = 0;                            /* its token index belongs to the previous window */
  cb_ymd an;
  int fixed_anchor = o && o->anchor && cb_cal_parse(o->anchor, &an);
  long sent_anchor = 0;
  size_t anchor_sent = (size_t)-1, bs, be;
  for (size_t i = 0; i < nt;) {
    cb_tm_res m;
    memset(&m, 0, sizeof m);
    if (!worth_trying(&(*tok)[i], i + 1 < nt ? &(*tok)[i + 1] : NULL, i + 2 < nt ? &(*tok)[i + 2] : NULL)) { i++; continue; }
    c->has_anchor = 0;
    if (fixed_anchor) { c->has_anchor = 1; c->anchor = cb_cal_days(an.y, an.m, an.d); }
    else if (o && o->sentence_anchor && anchor_sent != (size_t)-1 && (sentence_bounds(r, (*tok)[i].s, &bs, &be), bs) == anchor_sent) {
      c->has_anchor = 1; c->anchor = sent_anchor;
    }
    c->at = i;
    if (!cb_tm_match(c, i, &m) || m.end <= i) { i++; continue; }
    quarter_context(r, c, &m, i);
    if (c->has_dct && (m.flags & CB_TIMEX_RELATIVE) && o && o->dct_inferred) m.flags |= CB_TIMEX_INFERRED;
    if (!emit(r, &m, (*tok)[i].s, (*tok)[m.end - 1].e)) return 0;
    if (o && o->narrative > 0) follow_narrative(c, &m);
    remember_last(c, &m);
    if (o && o->sentence_anchor && m.type == CB_TIMEX_DATE && m.prec == CB_TP_DAY && (m.flags & CB_TIMEX_RELATIVE) &&
        !(m.flags & CB_TIMEX_ANCHORED)) {
      cb_ymd d;
      if (cb_cal_parse(m.val, &d)) { sent_anchor = cb_cal_days(d.y, d.m, d.d); sentence_bounds(r, (*tok)[i].s, &bs, &be); anchor_sent = bs; }
    }
    i = m.end;
  }
  return 1;
}

/* Does the text read as history rather than news? Its explicit years ("in 1941") are many and nearly
 * all more than ten years before the article date, or there are very many of them (a chronicle), or
 * it counts years BC. One pass over the bytes. */
static int looks_historical(const char *s, size_t n, int dct_year) {
  size_t years = 0, old = 0, bc = 0;
  for (size_t i = 0; i < n;) {
    if (!isdigit((unsigned char)s[i])) { i++; continue; }
    size_t j = i;
    while (j < n && isdigit((unsigned char)s[j])) j++;
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ', after = j < n ? (unsigned char)s[j] : ' ';
    int word = !isalpha(before) && before != '.' && before != ',' && before != '$' && !isalpha(after);
    if (word && j - i == 4) {
      int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[j - 1] - '0');
      if (y >= 1000 && y <= dct_year) { years++; if (y < dct_year - 10) old++; }
    }
    if (word && j - i <= 4 && j + 3 <= n && s[j] == ' ' && s[j + 1] == 'B' && (s[j + 2] == 'C' || s[j + 2] == '.')) bc++;
    i = j;
  }
  return bc >= 5 || years >= 40 || (years >= 8 && old * 5 >= years * 4);
}

/* Window end: the last line break (else space) before the limit, so sentences stay whole. */
static size_t window_end(const char *s, size_t n, size_t from) {
  if (n - from <= WINDOW) return n;
  size_t lim = from + WINDOW;
  for (size_t k = lim; k > from + WINDOW / 2; k--) if (s[k - 1] == '\n') return k;
  for (size_t k = lim; k > from + WINDOW / 2; k--) if (s[k - 1] == ' ') return k;
  while (lim > from + 1 && ((unsigned char)s[lim] & 0xC0) == 0x80) lim--;   /* not inside a UTF-8 sequence */
  return lim;
}

size_t cb_timex_extract_opts(cb_arena *a, const char *text, size_t n, const cb_timex_opts *o, cb_timex **out) {
  *out = NULL;
  if (!a || !text || !n) return 0;
  cb_tm_ctx c;
  memset(&c, 0, sizeof c);
  cb_ymd d;
  cb_timex_opts auto_o, line_o;
  if (o && o->dct && cb_cal_parse(o->dct, &d)) { c.has_dct = 1; c.dct = cb_cal_days(d.y, d.m, d.d); }
  else if (cb_tm_dateline(text, n, &c.dct)) {        /* no article date: the dateline's, flagged as inferred */
    c.has_dct = 1;
    d = cb_cal_date(c.dct);
    if (o) line_o = *o; else memset(&line_o, 0, sizeof line_o);
    line_o.dct_inferred = 1;
    o = &line_o;
  }
  if (c.has_dct && o && o->narrative == 0 && looks_historical(text, n, d.y)) { auto_o = *o; auto_o.narrative = 1; o = &auto_o; }
  run r;
  memset(&r, 0, sizeof r);
  r.a = a;
  cb_tt *tok = NULL;
  size_t cap = 0, from = 0;
  while (from < n) {
    size_t to = window_end(text, n, from);
    r.s = text + from; r.n = to - from; r.base = from;
    r.scratch = cb_arena_new(0);
    int ok = r.scratch && scan_window(&r, o, &c, &tok, &cap);
    cb_arena_free(r.scratch);
    if (!ok) { r.oom = 1; break; }
    from = to;
  }
  free(tok);
  free(r.cues);
  if (r.oom) return 0;
  *out = r.out;
  return r.nout;
}

size_t cb_timex_extract(cb_arena *a, const char *text, size_t n, const char *dct, cb_timex **out) {
  cb_timex_opts o = {dct, 0, NULL, 1, 0};
  return cb_timex_extract_opts(a, text, n, &o, out);
}

const char *cb_timex_type_name(cb_timex_type t) {
  static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
  return (unsigned)t < 4 ? names[t] : "DATE";
}

const char *cb_timex_precision_name(cb_timex_precision p) {
  static const char *const names[] = {"none", "century", "decade", "year", "half", "quarter", "season",
                                      "month", "week", "day", "part-of-day", "hour", "minute"};
  return (unsigned)p < sizeof names / sizeof *names ? names[p] : "none";
}
