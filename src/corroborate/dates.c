/*
 * dates.c - date findings and the timeline. Every dated expression of the story's
 * articles (src/extract/timex.h, resolved against each article's own date) becomes a
 * claim keyed by what its sentence's tree says it dates (the predicate or event noun it
 * attaches to: "the ferry sank on Sunday" -> sink, "the June 5 vote" -> vote);
 * claims of different sources about the same event are aligned and their day ranges give
 * the verdict ("last week" = 17-23 Nov holds 21 Nov: compatible). "N days ago" is an
 * approximate phrase and gets a tolerance of a fifth of N. Each aligned date is an event
 * of the timeline. A past event dated after its own article's date is flagged.
 */
#include "corroborate/align.h"
#include "corroborate/frames.h"
#include "corroborate/interval.h"
#include "core/buf.h"
#include "extract/timex.h"
#include "group/group.h"
#include "text/wordnet.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DATE_MIN_SCORE 0.45
#define DATE_APART_MIN_SIM 0.25   /* context likeness two disjoint dates need to be one event */

typedef struct dclaim {
  const cb_timex *t;
  cb_interval iv;              /* day numbers */
  const char *event;           /* the nearest event word as written, or NULL */
  const char *words[CB_ITEM_KEYS];   /* the event word written for each key of the item */
  const cb_frame *fr;          /* what the date is the date of, from the tree (NULL without one) */
} dclaim;

/* Can two dates be of one event? Not when either dates a report ("officials said on
 * Monday") rather than the event, nor when the frames are of different things. */
static cb_frames_match date_frames(cb_arena *a, const dclaim *x, const dclaim *y, const char **why) {
  if (x->fr && y->fr && (x->fr->reporting || y->fr->reporting) && !(x->fr->reporting && y->fr->reporting)) {
    if (why) *why = "the date of a statement, not of the event";
    return CB_FRAMES_APART;
  }
  if (x->fr && y->fr && x->fr->speech != y->fr->speech) {   /* "as I said yesterday" / "released" */
    if (why) *why = "the date of a statement, not of the event";
    return CB_FRAMES_APART;
  }
  if (x->fr && y->fr && x->fr->quoted != y->fr->quoted) {   /* "tonight" in a speaker's words */
    if (why) *why = "one date is in a speaker's words, counted from when they spoke";
    return CB_FRAMES_MAYBE;
  }
  if (x->fr && y->fr && x->fr->reporting && y->fr->reporting) {
    if (why) *why = "the dates of two statements";
    return CB_FRAMES_MAYBE;
  }
  return cb_frames_compare(a, x->fr, y->fr, CB_FRAME_DATE, why);
}


/* ---- TIMEX value -> day range ------------------------------------------------------ */
static int32_t day_of(int y, int m, int d) {
  char iso[16];
  snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return cb_day_number(iso);
}

static int days_in_month(int y, int m) {
  static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return md[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* Monday of ISO week w of year y. */
static int32_t iso_week_monday(int y, int w) {
  int32_t jan4 = day_of(y, 1, 4);
  int dow = (int)((jan4 + 3) % 7 + 7) % 7;   /* 1970-01-01 was a Thursday: 0 = Monday */
  return jan4 - dow + (w - 1) * 7;
}

static int value_range(const char *v, int32_t *lo, int32_t *hi) {
  int y, m, d, w;
  char rest[16] = "";
  if (!v || !isdigit((unsigned char)v[0])) return 0;
  if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && v[10] != 'T' ? 1 : sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
    *lo = *hi = day_of(y, m, d);
    return 1;
  }
  if (sscanf(v, "%4d-W%2d%15s", &y, &w, rest) >= 2) {
    int32_t mon = iso_week_monday(y, w);
    /* a weekend is Saturday and Sunday, or from Friday evening (Oxford English Dictionary) */
    if (!strcmp(rest, "-WE")) { *lo = mon + 4; *hi = mon + 6; }
    else { *lo = mon; *hi = mon + 6; }
    return 1;
  }
  if (sscanf(v, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
    *lo = day_of(y, m, 1);
    *hi = day_of(y, m, days_in_month(y, m));
    return 1;
  }
  if (strlen(v) == 4 && sscanf(v, "%4d", &y) == 1) {   /* a year */
    *lo = day_of(y, 1, 1);
    *hi = day_of(y, 12, 31);
    return 1;
  }
  return 0;
}

/* "10 days ago": approximate, a fifth of N either side (at least one day). */
static int ago_tolerance(const char *s, size_t n) {
  if (n < 4 || !memmem(s, n, "ago", 3)) return 0;
  int k = atoi(s);
  return k >= 5 ? (k + 2) / 5 : 1;
}

static void format_days(const cb_interval *iv, char *out, size_t cap, const char **precision) {
  char a[11], b[11];
  if (isinf(iv->hi)) {   /* "since August" */
    cb_day_format((int32_t)iv->lo, a);
    snprintf(out, cap, "%s/..", a);
    *precision = "open";
    return;
  }
  cb_day_format((int32_t)iv->lo, a);
  cb_day_format((int32_t)iv->hi, b);
  if (iv->lo == iv->hi) { snprintf(out, cap, "%s", a); *precision = "day"; return; }
  if (a[8] == '0' && a[9] == '1' && !strncmp(a, b, 7) && iv->hi - iv->lo >= 27) { snprintf(out, cap, "%.7s", a); *precision = "month"; return; }
  snprintf(out, cap, "%s/%s", a, b);
  *precision = iv->hi - iv->lo <= 7 ? "week" : iv->hi - iv->lo <= 31 ? "month" : "year";
}

/* ---- what a date is the date of ------------------------------------------------------ */
/* The frame's event noun ("the June 5 vote") and predicate ("sank on Sunday") become the
 * claim's keys and name the event; a reporting verb ("said on Monday") names none. */
static void frame_keys(cb_item *it, dclaim *dc) {
  const cb_frame *f = dc->fr;
  if (!f) return;
  const char *own = f->owner ? strrchr(f->owner, ' ') : NULL;   /* the owner's last word: "Cowan" */
  own = own ? own + 1 : f->owner;
  if (own && f->owner_proper) cb_item_add_key(it, cb_content_key(own, strlen(own)));
  if (f->pred && !f->reporting) {   /* its senses: "announce" and "declare" share one */
    uint32_t syn[3];
    size_t ns = cb_wn_synsets(CB_WN_VERB, f->pred, syn, 3, 3);
    for (size_t k = 0; k < ns; k++) cb_item_add_key(it, 0x2545f4914f6cdd1dull ^ syn[k]);
  }
  const char *w[2] = {f->measure, f->reporting ? NULL : f->pred};
  for (int i = 0; i < 2; i++) {
    if (!w[i] || (i == 1 && !strcmp(w[i], "be"))) continue;
    int had = it->nkeys;
    cb_item_add_key(it, cb_content_key(w[i], strlen(w[i])));
    if (it->nkeys > had) dc->words[it->nkeys - 1] = w[i];
    if (!dc->event) dc->event = w[i];
  }
}

static double dscore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  const dclaim *claims = ud;   /* the claims the items index */
  const dclaim *a = &claims[x->idx], *b = &claims[y->idx];
  cb_frames_match fm = date_frames(NULL, a, b, NULL);
  if (fm == CB_FRAMES_APART) return 0;
  int shared = cb_item_shared_keys(x, y);
  if (!shared && a->event && b->event && cb_frames_same_measure(a->event, b->event) == 2) shared = 1;
  double sim = cb_ctx_similarity(c, &x->ctx, &y->ctx, NULL);
  /* dates that cannot both hold are one event only when the words around say so too: an
   * event word alone ("announced later this week", "announced over the weekend") is not enough */
  if (fm != CB_FRAMES_SAME && sim < DATE_APART_MIN_SIM && !cb_interval_meet(&a->iv, &b->iv, NULL)) return 0;
  if (fm == CB_FRAMES_SAME) sim += DATE_APART_MIN_SIM;   /* the trees say it is one act */
  double s = 0.4 * (shared > 2 ? 2 : shared) + sim;
  if (!shared) s -= 0.3;
  if (cb_interval_same(&a->iv, &b->iv)) s += 0.15;   /* the very same day or month is evidence too */
  if (!cb_interval_meet(&a->iv, &b->iv, NULL)) {   /* days apart: seldom the same event */
    double gap = a->iv.lo > b->iv.hi ? a->iv.lo - b->iv.hi : b->iv.lo - a->iv.hi;
    if (gap >= 3) s -= 0.5;
  }
  return s;
}

/* Has the surface a year written out ("2013", "'13")? */
static int year_written(const char *s, size_t n) {
  for (size_t i = 0; i + 1 < n; i++)
    if (isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) && (i + 2 >= n || !isdigit((unsigned char)s[i + 2])) &&
        ((i >= 2 && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i - 2])) || (i >= 1 && s[i - 1] == '\'')))
      return 1;
  return 0;
}

/* "June 28" in two articles resolved to two years: the same date written, only the year the
 * engine inferred differs, which is no disagreement of the sources. */
static int year_inferred_apart(const cb_story_ctx *c, int ax, const cb_timex *x, int ay, const cb_timex *y) {
  if (!x->value || !y->value || strlen(x->value) < 10 || strlen(y->value) < 10) return 0;
  if (strncmp(x->value + 4, y->value + 4, 6) || !strncmp(x->value, y->value, 4)) return 0;
  const char *bx = c->brief->articles[ax]->body + x->start, *by = c->brief->articles[ay]->body + y->start;
  return !year_written(bx, x->end - x->start) && !year_written(by, y->end - y->start);
}

static int add_event(cb_story_ctx *c, const cb_interval *iv, const char *date, const char *precision, const char *what,
                     const char *surface, const int *arts, size_t k) {
  cb_event *ev = CB_VEC_PUSH(c->arena, &c->story->timeline);
  if (!ev) return CB_ENOMEM;
  ev->date = cb_arena_strdup(c->arena, date);
  ev->precision = precision;
  ev->what = what;
  ev->surface = surface;
  /* "since August" has no end: on the timeline it stands at its start */
  ev->day_lo = isinf(iv->lo) ? (isinf(iv->hi) ? 0 : (int32_t)iv->hi) : (int32_t)iv->lo;
  ev->day_hi = isinf(iv->hi) ? ev->day_lo : (int32_t)iv->hi;
  for (size_t i = 0; i < k; i++) {
    int seen = 0;
    for (size_t j = 0; j < ev->articles.n && !seen; j++) seen = ev->articles.v[j] == arts[i];
    if (seen) continue;
    int *slot = CB_VEC_PUSH(c->arena, &ev->articles);
    if (!slot) return CB_ENOMEM;
    *slot = arts[i];
  }
  return CB_OK;
}

static int emit_group(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud);

/* Dates that cannot all hold are told apart by their frames: those shown to be of one act
 * (the core) make the finding; a claim whose act is not clear ("people ... last week") does
 * not make the core's conflict uncertain, and goes to a finding of its own. The core: drop
 * the claim with fewest sure links until every pair left is sure. */
static int emit(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const dclaim *cl = ud;
  size_t k = n < 64 ? n : 64;
  cb_interval iv[64];
  for (size_t i = 0; i < k; i++) iv[i] = cl[items[members[i]].idx].iv;
  if (k < 3 || cb_interval_verdict(iv, k, NULL) != CB_CONFLICT) return emit_group(c, items, members, n, ud);
  unsigned char sure[64][64] = {{0}}, in[64];
  for (size_t i = 0; i < k; i++) {
    in[i] = 1;
    for (size_t j = i + 1; j < k; j++)
      sure[i][j] = sure[j][i] = date_frames(NULL, &cl[items[members[i]].idx], &cl[items[members[j]].idx], NULL) ==
                                CB_FRAMES_SAME;
  }
  for (size_t left = k; left > 2;) {
    size_t worst = k, fewest = k;
    for (size_t i = 0; i < k; i++) {
      if (!in[i]) continue;
      size_t links = 0;
      for (size_t j = 0; j < k; j++) links += in[j] && sure[i][j];
      if (links < fewest) { fewest = links; worst = i; }
    }
    if (fewest + 1 >= left) break;   /* every pair left is sure */
    in[worst] = 0;
    left--;
  }
  int core[64], rest[64];
  size_t nc = 0, nr = 0;
  for (size_t i = 0; i < k; i++) { if (in[i]) core[nc++] = members[i]; else rest[nr++] = members[i]; }
  if (!nr) return emit_group(c, items, members, n, ud);
  int rc = emit_group(c, items, core, nc, ud);
  return rc ? rc : emit_group(c, items, rest, nr, ud);
}

static int emit_group(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const dclaim *cl = ud;
  cb_interval iv[64] = {{0}}, meet = {0};
  size_t k = n < 64 ? n : 64;
  int arts[64] = {0}, idx[64] = {0};
  for (size_t i = 0; i < k; i++) { arts[i] = items[members[i]].article; idx[i] = (int)items[members[i]].idx; iv[i] = cl[idx[i]].iv; }
  cb_verdict v = cb_interval_verdict(iv, k, &meet);
  const char *unsure = NULL;
  for (size_t i = 0; i < k && v == CB_CONFLICT; i++)
    for (size_t j = i + 1; j < k && v == CB_CONFLICT; j++)
      if (year_inferred_apart(c, arts[i], cl[idx[i]].t, arts[j], cl[idx[j]].t)) {
        v = CB_UNCERTAIN;
        unsure = "the same day and month written, the year inferred differently";
      }
  for (size_t i = 0; i < k && v == CB_CONFLICT; i++)
    for (size_t j = i + 1; j < k && v == CB_CONFLICT; j++)
      if (date_frames(c->arena, &cl[idx[i]], &cl[idx[j]], &unsure) != CB_FRAMES_SAME) v = CB_UNCERTAIN;
  int independent = cb_ctx_independent(c, arts, k);
  if (independent < 2 && v != CB_CONFLICT) v = CB_SINGLE;
  /* the event the claims have most in common names the topic ("call", not "took") */
  const char *event = NULL;
  int best = 0;
  for (size_t i = 0; i < k; i++) {
    const cb_item *x = &items[members[i]];
    for (int q = 0; q < x->nkeys; q++) {
      int count = 0;
      for (size_t j = 0; j < k; j++) {
        const cb_item *y = &items[members[j]];
        for (int r = 0; r < y->nkeys; r++) count += y->keys[r] == x->keys[q];
      }
      if (count > best) { best = count; event = cl[idx[i]].words[q]; }
    }
  }
  if (best < 2 || !event) event = NULL;
  for (size_t i = 0; i < k && !event; i++) event = cl[idx[i]].event;
  const cb_article *a0 = c->brief->articles[arts[0]];
  const cb_timex *t0 = cl[idx[0]].t;
  char val[32];
  const char *precision = "day";
  format_days(v == CB_CONFLICT || v == CB_UNCERTAIN ? &iv[0] : &meet, val, sizeof val, &precision);
  long si = cb_ctx_sentence_at(c, arts[0], t0->start);
  const char *what = si >= 0 ? cb_arena_strndup(c->arena, a0->body + c->sents.v[si].start, c->sents.v[si].end - c->sents.v[si].start) : NULL;
  const char *surface = cb_arena_strndup(c->arena, a0->body + t0->start, t0->end - t0->start);
  int rc = CB_OK;
  if (v != CB_CONFLICT && v != CB_UNCERTAIN) {
    rc = add_event(c, &meet, val, precision, what, surface, arts, k);
  } else {   /* conflicting dates: each date on the timeline with the sources that give it */
    for (size_t i = 0; i < k && !rc; i++) {
      int seen = 0;
      for (size_t j = 0; j < i && !seen; j++) seen = cb_interval_same(&iv[j], &iv[i]);
      if (seen) continue;
      int same[64];
      size_t ns = 0;
      for (size_t j = i; j < k; j++) if (cb_interval_same(&iv[j], &iv[i])) same[ns++] = arts[j];
      char one[32];
      const char *p;
      format_days(&iv[i], one, sizeof one, &p);
      const cb_article *ai = c->brief->articles[arts[i]];
      const cb_timex *ti = cl[idx[i]].t;
      long sj = cb_ctx_sentence_at(c, arts[i], ti->start);
      const char *w = sj >= 0 ? cb_arena_strndup(c->arena, ai->body + c->sents.v[sj].start, c->sents.v[sj].end - c->sents.v[sj].start) : what;
      rc = add_event(c, &iv[i], one, p, w, cb_arena_strndup(c->arena, ai->body + ti->start, ti->end - ti->start), same, ns);
    }
  }
  if (rc || v == CB_SINGLE) return rc;   /* one source's date: on the timeline, not a finding */
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_DATE;
  f->verdict = v;
  f->independent = independent;
  f->topic = event ? cb_arena_printf(c->arena, "date of: %s", event) : "date";
  if (v != CB_CONFLICT && v != CB_UNCERTAIN) f->value = cb_arena_strdup(c->arena, val);
  cb_buf why;
  cb_buf_init(&why);
  if (v == CB_AGREE) cb_buf_printf(&why, "all sources date it %s", val);
  else if (v == CB_COMPATIBLE) cb_buf_printf(&why, "the sources date it differently, but all allow %s:", val);
  else if (v == CB_UNCERTAIN) cb_buf_printf(&why, "the dates differ, but perhaps not of the same event (%s):", unsure);
  else cb_buf_puts(&why, "the dates cannot all be true:");
  for (size_t i = 0; i < k; i++) {
    const cb_article *a = c->brief->articles[arts[i]];
    const cb_timex *t = cl[idx[i]].t;
    char one[32];
    const char *p;
    format_days(&cl[idx[i]].iv, one, sizeof one, &p);
    cb_claim *claim = CB_VEC_PUSH(c->arena, &f->claims);
    if (!claim || cb_ctx_claim(c, claim, arts[i], t->start, t->end, cb_arena_strdup(c->arena, one))) { cb_buf_free(&why); return CB_ENOMEM; }
    cb_ctx_claim_frame(c, claim, cl[idx[i]].fr);
    if (v != CB_AGREE)
      cb_buf_printf(&why, "%s \"%.*s\" = %s (%s)", i ? "," : "", (int)(t->end - t->start), a->body + t->start, one, cb_ctx_source_name(c, arts[i]));
  }
  f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
  cb_buf_free(&why);
  return f->explanation ? CB_OK : CB_ENOMEM;
}

static int impossible_date(cb_story_ctx *c, int ai, const cb_timex *t, const cb_interval *iv) {
  const cb_article *a = c->brief->articles[ai];
  int32_t pub = a->published[0] && !a->published_inferred ? cb_day_number(a->published) : INT32_MIN;
  if (pub == INT32_MIN || iv->lo <= pub || (t->flags & CB_TIMEX_FUTURE)) return CB_OK;
  long si = cb_ctx_sentence_at(c, ai, t->start);
  if (si < 0) return CB_OK;
  const char *sent = cb_arena_strndup(c->arena, a->body + c->sents.v[si].start, c->sents.v[si].end - c->sents.v[si].start);
  if (!sent) return CB_ENOMEM;
  static const char *const future[] = {" will ", " would ", " plans ", " planned ", " scheduled ", " expected ", " next ", " to be ", " due ", NULL};
  for (int i = 0; future[i]; i++) if (strcasestr(sent, future[i])) return CB_OK;
  cb_flag *f = CB_VEC_PUSH(c->arena, &c->story->flags);
  if (!f) return CB_ENOMEM;
  char d[11];
  cb_day_format((int32_t)iv->lo, d);
  f->article = ai;
  f->kind = "impossible-date";
  f->text = sent;
  f->why = cb_arena_printf(c->arena, "\"%.*s\" (%s) is after the article's own date, %s, in a sentence about the past",
                           (int)(t->end - t->start), a->body + t->start, d, a->published);
  return f->why ? CB_OK : CB_ENOMEM;
}

static int by_day(const void *x, const void *y) {
  const cb_event *a = x, *b = y;
  if (a->day_lo != b->day_lo) return a->day_lo < b->day_lo ? -1 : 1;
  return a->day_hi < b->day_hi ? -1 : a->day_hi > b->day_hi;
}

/* One event per date and wording: an article that says "Wednesday" twice is one entry. */
static int merge_repeats(cb_story_ctx *c) {
  size_t k = 0;
  for (size_t i = 0; i < c->story->timeline.n; i++) {
    cb_event *e = &c->story->timeline.v[i];
    cb_event *prev = k ? &c->story->timeline.v[k - 1] : NULL;
    if (prev && !strcmp(prev->date, e->date) && prev->surface && e->surface && !strcasecmp(prev->surface, e->surface)) {
      for (size_t a = 0; a < e->articles.n; a++) {
        int seen = 0;
        for (size_t b = 0; b < prev->articles.n && !seen; b++) seen = prev->articles.v[b] == e->articles.v[a];
        int *slot = seen ? NULL : CB_VEC_PUSH(c->arena, &prev->articles);
        if (!seen && !slot) return CB_ENOMEM;
        if (slot) *slot = e->articles.v[a];
      }
      continue;
    }
    c->story->timeline.v[k++] = *e;
  }
  c->story->timeline.n = k;
  return CB_OK;
}

int cb_dates_build(cb_story_ctx *c) {
  CB_VEC(cb_item) items = {0};
  CB_VEC(dclaim) claims = {0};
  int rc = CB_OK;
  for (size_t s = 0; s < c->story->articles.n && !rc; s++) {
    int ai = c->story->articles.v[s];
    const cb_article *a = c->brief->articles[ai];
    size_t n;
    const cb_timex *t = cb_ctx_timexes(c, ai, &n);
    for (size_t i = 0; i < n && !rc; i++) {
      int32_t lo, hi;
      if (t[i].type != CB_TIMEX_DATE && t[i].type != CB_TIMEX_TIME) continue;
      if (t[i].precision < CB_TP_YEAR || !value_range(t[i].value, &lo, &hi)) continue;
      int tol = ago_tolerance(a->body + t[i].start, t[i].end - t[i].start);
      int since = t[i].start >= 6 && strncasecmp(a->body + t[i].start - 6, "since ", 6) == 0;
      dclaim *dc = CB_VEC_PUSH(c->arena, &claims);
      cb_item *it = dc ? CB_VEC_PUSH(c->arena, &items) : NULL;
      if (!it) return CB_ENOMEM;
      dc->t = &t[i];
      dc->fr = cb_ctx_frame(c, ai, t[i].start, t[i].end, CB_FRAME_DATE);
      dc->iv = (cb_interval){(double)(lo - tol), since ? HUGE_VAL : (double)(hi + tol), 0, 0};   /* "since August": from then on */
      it->article = ai;
      it->idx = claims.n - 1;
      frame_keys(it, dc);
      rc = cb_item_context(c, it, t[i].start, t[i].end, 8);
      if (!rc) rc = impossible_date(c, ai, &t[i], &dc->iv);
    }
  }
  if (rc || !items.n) return rc;
  rc = cb_align_each(c, items.v, items.n, dscore, claims.v, DATE_MIN_SCORE, emit, claims.v);
  if (!rc) qsort(c->story->timeline.v, c->story->timeline.n, sizeof *c->story->timeline.v, by_day);
  if (!rc) rc = merge_repeats(c);
  return rc;
}
