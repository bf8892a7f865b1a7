/*
 * quantities.c - quantity findings: every number of every article of the story
 * (src/extract/quantity.h) becomes a claim keyed by what it counts (noun class, event
 * class, and for event nouns such as "strikes against vessels" their object); claims of
 * different sources about the same thing are aligned, and their intervals give the
 * verdict. Numbers that only one source gives are listed as single-source claims.
 */
#include "corroborate/align.h"
#include "corroborate/frames.h"
#include "text/wordnet.h"
#include "core/lines.h"
#include "corroborate/interval.h"
#include "extract/quantity.h"
#include "group/group.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define QTY_MIN_SCORE 0.6   /* one shared topic key is enough; the context breaks ties */
#define QTY_MAX_DAYS_APART 14 /* figures of articles further apart are of different moments */
#define KEYLESS_PENALTY 0.1 /* two figures of nothing named: context likeness 0.7 or more */

typedef struct qclaim {
  const cb_quantity *q;
  const cb_quantity *all;  /* every figure of its article, in text order */
  size_t nall;
  cb_interval iv;          /* in the dimension's base unit */
  double scale;            /* base units per unit as written (1000 for km in m) */
  const char *dim;         /* basis points are counted as percentage points */
  const cb_frame *fr;      /* what it measures, whose, stated how (NULL without a parse) */
  int head;                /* cb_frame_head */
  int small;               /* a count of one or two: says little on its own */
  const char *around;      /* its sentence, folded, figures marked (words_around) */
  size_t naround;
} qclaim;

static uint64_t key_of_word(const char *w) {
  if (!w || !*w) return 0;
  size_t n = 0;
  while (w[n] && w[n] != ' ') n++;       /* the head word of a multi-word noun */
  return cb_content_key(w, n);
}

/* Generic count nouns (data/corroborate/generic-nouns.txt) are no evidence of a topic. */
static int generic_noun(const char *w) {
  return w && cb_keyset_has(cb_keyset_get("corroborate/generic-nouns.txt"), key_of_word(w));
}

/* "10 days ago": a duration that is part of a date, not a figure. */
static int part_of_date(const char *body, size_t len, size_t end) {
  static const char *const next[] = {"ago", "earlier", "later", "before", "after", "since", NULL};
  while (end < len && body[end] == ' ') end++;
  for (int i = 0; next[i]; i++) {
    size_t k = strlen(next[i]);
    if (end + k <= len && strncasecmp(body + end, next[i], k) == 0 && (end + k == len || !isalpha((unsigned char)body[end + k])))
      return 1;
  }
  return 0;
}

/* "strikes against suspected drug vessels": an event noun's object adds its keys. */
static void object_keys(cb_item *it, const char *body, size_t len, size_t from) {
  static const char *const preps[] = {"on ", "against ", "targeting ", "at ", "of ", NULL};
  size_t i = from, words = 0;
  while (i < len && words < 3) {             /* find the preposition within three words */
    while (i < len && body[i] == ' ') i++;
    for (int p = 0; preps[p]; p++) {
      size_t k = strlen(preps[p]);
      if (i + k <= len && strncasecmp(body + i, preps[p], k) == 0) {
        i += k;
        for (int w = 0; w < 3 && i < len; w++) {   /* up to three words after it */
          while (i < len && body[i] == ' ') i++;
          size_t s = i;
          while (i < len && (isalnum((unsigned char)body[i]) || (unsigned char)body[i] >= 0x80)) i++;
          if (i > s) cb_item_add_key(it, cb_content_key(body + s, i - s));
          if (i < len && body[i] != ' ') break;
        }
        return;
      }
    }
    while (i < len && body[i] != ' ' && body[i] != '.' && body[i] != ',') i++;
    if (i < len && (body[i] == '.' || body[i] == ',')) return;
    words++;
  }
}

static int comparable_dims(const char *a, const char *b) {
  int ca = !strcmp(a, "count") || !strcmp(a, "none"), cbb = !strcmp(b, "count") || !strcmp(b, "none");
  return (ca && cbb) || !strcmp(a, b);
}

/* Is the event one whose count accumulates (data/corroborate/tolls.txt)? */
static int toll_event(const char *event) {
  return event && cb_keyset_has(cb_keyset_get("corroborate/tolls.txt"), key_of_word(event));
}

/* The day an article was published, INT32_MIN when unknown or only inferred. */
static int32_t published_day(const cb_story_ctx *c, int article) {
  const cb_article *a = c->brief->articles[article];
  return a->published[0] && !a->published_inferred ? cb_day_number(a->published) : INT32_MIN;
}

/* Figures of articles published weeks apart describe different moments ("39 percent" in a
 * December poll, "50 percent" in May), unless they are a toll that grows. */
static int far_apart(const cb_story_ctx *c, const cb_item *x, const cb_item *y, const qclaim *a, const qclaim *b) {
  int32_t dx = published_day(c, x->article), dy = published_day(c, y->article);
  if (dx == INT32_MIN || dy == INT32_MIN || toll_event(a->q->event) || toll_event(b->q->event)) return 0;
  return (dx > dy ? dx - dy : dy - dx) > QTY_MAX_DAYS_APART;
}

/* The words of a claim's sentence around its figures, folded (case and spacing), into out:
 * the claim's figure written '#', the sentence's other figures '%'. */
static size_t words_around(const cb_story_ctx *c, int article, const qclaim *qc, char *out, size_t cap) {
  const char *body = c->brief->articles[article]->body;
  const cb_quantity *q = qc->q;
  long si = cb_ctx_sentence_at(c, article, q->start);
  if (si < 0) return 0;
  size_t n = 0, s = c->sents.v[si].start, e = c->sents.v[si].end, k = 0;
  for (size_t i = s; i < e && n + 1 < cap; i++) {
    while (k < qc->nall && qc->all[k].start < i) k++;
    if (k < qc->nall && qc->all[k].start == i && qc->all[k].end > i && qc->all[k].end <= e) {
      out[n++] = &qc->all[k] == q ? '#' : '%';
      i = qc->all[k].end - 1;
      continue;
    }
    unsigned char ch = (unsigned char)body[i];
    if (isspace(ch)) { if (n && out[n - 1] != ' ') out[n++] = ' '; continue; }
    out[n++] = (char)tolower(ch);
  }
  out[n] = 0;
  return n;
}

/* Two claims whose sentences are the same but for the figures, each in its place (a copy
 * with a number changed, a wire story rewritten), state the same thing. */
static int same_sentence(const qclaim *a, const qclaim *b) {
  return a->naround > 8 && a->naround == b->naround && !memcmp(a->around, b->around, a->naround);
}

static double qscore(const cb_story_ctx *c, const cb_item *x, const cb_item *y, void *ud) {
  const qclaim *claims = ud;   /* the claims the items index */
  const qclaim *a = &claims[x->idx], *b = &claims[y->idx];
  if (!comparable_dims(a->dim, b->dim) || far_apart(c, x, y, a, b)) return 0;
  const char *why = NULL;
  cb_frames_match fm = a->head != b->head ? CB_FRAMES_APART : cb_frames_compare(c->arena, a->fr, b->fr, a->head, &why);
  int twin = same_sentence(a, b);
  if (twin) fm = CB_FRAMES_SAME;
  if (fm == CB_FRAMES_APART) return 0;
  if ((a->small || b->small) && !twin) return 0;   /* "one of my daughters": small counts say little */
  int shared = cb_item_shared_keys(x, y);
  if (!shared && a->fr && b->fr && a->fr->measure && b->fr->measure &&
      cb_frames_same_measure(a->fr->measure, b->fr->measure) == 2 && !generic_noun(a->fr->measure))
    shared = 1;   /* WordNet: "ship" and "vessel" */
  if (!shared && (x->nkeys || y->nkeys)) return 0;
  if (!shared)   /* "28 people": nothing named is counted, so the words around must say it all */
    return cb_ctx_similarity(c, &x->ctx, &y->ctx, NULL) - KEYLESS_PENALTY;
  /* the same dimension ("percent") or currency is weak evidence: the words around, or
   * what is counted, must say more */
  int weak = 0;
  if (strcmp(a->dim, "count") && strcmp(a->dim, "none") && !strcmp(a->dim, b->dim)) weak = 1;
  if (a->q->currency && b->q->currency && !strcmp(a->q->currency, b->q->currency)) weak++;
  if (weak > shared) weak = shared;
  double score = 0.6 * (shared - weak) + (weak ? 0.4 : 0) + cb_ctx_similarity(c, &x->ctx, &y->ctx, NULL);
  /* figures far apart (2 vs 22) are seldom two reports of one count: a real conflict
   * (163 vs 136 passengers) is close */
  if (!cb_interval_meet(&a->iv, &b->iv, NULL)) {
    double p = fabs(a->q->value), r = fabs(b->q->value);
    double ratio = p > r ? p / (r > 0 ? r : 1e-9) : r / (p > 0 ? p : 1e-9);
    if (ratio > 2) score -= 0.5;
  }
  if (twin) score += 1;   /* the same sentence but for the figure: the best match there is */
  return score;
}

/* Base units per unit as written: the extractor's conversion, and 100 basis points to a
 * percentage point (50 basis points = half a percentage point). */
static double scale_of(const cb_quantity *q) {
  double f = q->base_unit && q->value != 0 && q->base_value != 0 ? q->base_value / q->value : 1;
  return !strcmp(q->dimension, "basis_point") ? f / 100 : f;
}

static cb_interval interval_of(const cb_quantity *q, double scale) {
  cb_interval v = {q->lo, q->hi, q->lo_open, q->hi_open};
  if (q->tolerance > 0 && q->lo == q->hi) {
    v.lo = q->lo * (1 - q->tolerance);
    v.hi = q->hi * (1 + q->tolerance);
  }
  if (!isinf(v.lo)) v.lo *= scale;
  if (!isinf(v.hi)) v.hi *= scale;
  return v;
}

cb_interval cb_quantity_claim_interval(const cb_quantity *q) { return interval_of(q, scale_of(q)); }


/* A toll reported at different times that only grows (the dead, the evacuated): the
 * earlier figures were right when written. *latest gets the latest report's interval. */
static int growing_count(const cb_story_ctx *c, const qclaim *cl, const int *arts, const int *idx, size_t k,
                         cb_interval *latest) {
  int order[64], toll = 0;
  for (size_t i = 0; i < k; i++) {
    const char *p = c->brief->articles[arts[i]]->published;
    if (!p[0] || p[0] == 'X' || strcmp(cl[idx[i]].dim, "count")) return 0;
    toll |= toll_event(cl[idx[i]].q->event);
    order[i] = (int)i;
  }
  if (!toll) return 0;
  for (size_t i = 1; i < k; i++)   /* insertion sort by publication date */
    for (size_t j = i; j > 0 && strcmp(c->brief->articles[arts[order[j]]]->published, c->brief->articles[arts[order[j - 1]]]->published) < 0; j--) {
      int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
    }
  int days_apart = 0;
  for (size_t i = 1; i < k; i++) {
    const cb_article *a = c->brief->articles[arts[order[i - 1]]], *b = c->brief->articles[arts[order[i]]];
    if (strncmp(a->published, b->published, 10) != 0) days_apart = 1;
    if (cl[idx[order[i]]].iv.lo < cl[idx[order[i - 1]]].iv.lo) return 0;   /* a later report went down */
    if (!strncmp(a->published, b->published, 10) && !cb_interval_meet(&cl[idx[order[i]]].iv, &cl[idx[order[i - 1]]].iv, NULL))
      return 0;   /* the same day, different figures: a real conflict */
  }
  if (!days_apart) return 0;
  *latest = cl[idx[order[k - 1]]].iv;
  return 1;
}

/* An interval in base units (m2, m, kg ...) written in the unit of claim q ("12,000 hectares"). */
static void in_unit_of(const qclaim *qc, const cb_interval *base, char *out, size_t cap) {
  const cb_quantity *q = qc->q;
  cb_interval v = *base;
  if (qc->scale != 1) {
    if (!isinf(v.lo)) v.lo = round(v.lo / qc->scale * 100) / 100;
    if (!isinf(v.hi)) v.hi = round(v.hi / qc->scale * 100) / 100;
  }
  cb_interval_format(&v, out, cap);
  const char *unit = q->unit ? q->unit : NULL;
  if (unit && strcmp(q->dimension, "count") && strcmp(q->dimension, "none") && strlen(out) + strlen(unit) + 2 < cap) {
    if (!strcmp(unit, "$") || !strcmp(unit, "\xe2\x82\xac") || !strcmp(unit, "\xc2\xa3")) return;   /* money keeps its number */
    if (strcmp(unit, "%")) strcat(out, " ");
    strcat(out, unit);
  }
}

/* The nearest content word before a figure, within six words of its sentence ("inflation
 * was 6.1%" -> "inflation"): what a measure without a counted noun is about. */
static const char *word_before(const cb_story_ctx *c, int article, size_t start) {
  const cb_article *a = c->brief->articles[article];
  long si = cb_ctx_sentence_at(c, article, start);
  size_t lo = si >= 0 ? c->sents.v[si].start : 0, p = start;
  for (int w = 0; w < 6 && p > lo; w++) {
    while (p > lo && !isalpha((unsigned char)a->body[p - 1])) p--;
    size_t e = p;
    while (p > lo && isalpha((unsigned char)a->body[p - 1])) p--;
    size_t n = e - p;
    uint64_t k = n >= 4 ? cb_content_key(a->body + p, n) : 0;
    int verbish = n > 4 && (!strncmp(a->body + e - 2, "ed", 2) || !strncmp(a->body + e - 2, "ly", 2));
    if (k && !verbish && !isupper((unsigned char)a->body[p]) && !cb_keyset_has(cb_keyset_get("corroborate/not-topics.txt"), k))
      return cb_arena_strndup(c->arena, a->body + p, n);
  }
  return NULL;
}

/* The second column of the line of a data file whose first column is key, or NULL. */
static const char *lookup(const char *data_name, const char *key) {
  size_t len, kl = strlen(key);
  cb_lines it = cb_lines_of(data_name);
  for (const char *p; (p = cb_lines_next(&it, &len));) {
    const char *tab = memchr(p, '\t', len);
    if (tab && (size_t)(tab - p) == kl && !strncasecmp(p, key, kl)) return tab + 1;
  }
  return NULL;
}

/* The value of lookup() up to its line's end, copied into the arena. */
static const char *lookup_word(cb_arena *a, const char *data_name, const char *key) {
  const char *v = lookup(data_name, key);
  if (!v) return NULL;
  size_t n = 0;
  while (v[n] && v[n] != '\n') n++;
  return cb_arena_strndup(a, v, n);
}

/* "vessel" -> "vessels", "ferry" -> "ferries", "person" -> "people" (data/corroborate/plurals.tsv). */
static const char *plural(cb_arena *a, const char *noun) {
  const char *irregular = lookup_word(a, "corroborate/plurals.tsv", noun);
  if (irregular) return irregular;
  size_t n = strlen(noun);
  if (n > 1 && noun[n - 1] == 'y' && !strchr("aeiou", noun[n - 2])) return cb_arena_printf(a, "%.*sies", (int)(n - 1), noun);
  if (n && (noun[n - 1] == 's' || noun[n - 1] == 'x' || noun[n - 1] == 'z' || (n > 1 && noun[n - 1] == 'h' && strchr("cs", noun[n - 2]))))
    return cb_arena_printf(a, "%ses", noun);
  return cb_arena_printf(a, "%ss", noun);
}

/* The event's past participle: as a source wrote it ("struck", "evacuated"), from the
 * claims' frames, else as WordNet spells it ("carried"); NULL when neither has it. */
static const char *written_participle(cb_arena *a, const qclaim *cl, const int *idx, size_t n, const char *event) {
  for (size_t i = 0; i < n; i++) {
    const cb_frame *f = cl[idx[i]].fr;
    if (f && f->pred_form && f->pred && !strcmp(f->pred, event)) return f->pred_form;
  }
  char done[64];
  return cb_wn_past_participle(event, done, sizeof done) ? cb_arena_strdup(a, done) : NULL;
}

/* "boats struck", "residents evacuated": the counted noun and what happened to it (the
 * participle a source wrote), "boats (strike)" when none wrote one, or the noun alone when
 * it names the event. */
static const char *noun_event(cb_arena *a, const char *noun, const char *event, const char *done) {
  const char *many = plural(a, noun);
  if (!many) return noun;
  size_t common = 0;
  while (noun[common] && event[common] && noun[common] == event[common]) common++;
  if (key_of_word(noun) == key_of_word(event) || common >= 5) return many;   /* "strikes", "deportees", "survivors" */
  return done ? cb_arena_printf(a, "%s %s", many, done) : cb_arena_printf(a, "%s (%s)", many, event);
}

static const char *topic_of(const cb_story_ctx *c, const qclaim *cl, const int *idx, const int *arts, size_t n) {
  const char *noun = NULL, *event = NULL, *generic = NULL;
  for (size_t i = 0; i < n; i++) {
    const cb_quantity *q = cl[idx[i]].q;
    if (!noun && q->noun && !generic_noun(q->noun)) noun = q->noun;
    if (!generic && q->noun && generic_noun(q->noun)) generic = q->noun;
    if (!event && q->event) event = q->event;
  }
  if (event && toll_event(event) && key_of_word(event) == key_of_word("killed")) return "people killed";
  const char *done = event ? written_participle(c->arena, cl, idx, n, event) : NULL;
  if (noun && event) return noun_event(c->arena, noun, event, done);
  if (generic && event) return noun_event(c->arena, generic, event, done);
  if (noun && !strcmp(cl[idx[0]].dim, "count")) return plural(c->arena, noun);
  /* a measure ("percent", "area"): name it by the word the sources put before it */
  const char *what = NULL;
  for (size_t i = 0; i < n && !what; i++) what = word_before(c, arts[i], cl[idx[i]].q->start);
  const char *dim = cl[idx[0]].dim;
  if (what && strcmp(dim, "count") && strcmp(dim, "none")) return cb_arena_printf(c->arena, "%s (%s)", what, dim);
  if (noun) return noun;
  if (event) return noun_event(c->arena, "number", event, done);
  if (what) return cb_arena_printf(c->arena, "%s (number)", what);
  return dim;
}

/* The worth of the last written digit of a figure, in base units: what its zeros imply
 * ("$40,000": 10,000; "1,800 people": 100; "$1 million": a million; "2 percent": 1); 0 when
 * as exact as written (decimals, a count); -2 for a bound or range; -1 when the digits cannot
 * be read. *round: the zeros of a figure of 100 or more make it a round one. */
static double written_unit(const cb_story_ctx *c, int article, const qclaim *qc, int *round) {
  const cb_quantity *q = qc->q;
  const char *body = c->brief->articles[article]->body;
  int count = !strcmp(qc->dim, "count") || !strcmp(qc->dim, "none");
  *round = 0;
  if (q->is_range || q->tolerance > 0 || (q->change != CB_QCHANGE_EQ && q->change != CB_QCHANGE_UP && q->change != CB_QCHANGE_DOWN))
    return -2;   /* a bound or a range: as written, and no measure of exactness for the others */
  if (memchr(body + q->start, '.', q->end - q->start)) return 0;
  double written = 0;   /* the digits as written */
  for (size_t i = q->start; i < q->end; i++) {
    if (isdigit((unsigned char)body[i])) written = written * 10 + (body[i] - '0');
    else if (written > 0 && body[i] != ',') break;
  }
  if (written <= 0 || q->value <= 0) return -1;
  double zeros = 1;   /* "40,000" may be rounded; "50" or "20" is as likely exact */
  for (double w = written; w >= 10 && fmod(w, 10) == 0 && q->value >= 100; w /= 10) zeros *= 10;
  *round = zeros > 1;
  if (count && !*round) return 0;   /* counts are counted, not rounded */
  return q->value / written * zeros * qc->scale;
}

/* Do the figures differ only by rounding? A figure written less exactly than the most exact
 * one stands for what rounds to it, (v - 1/2, v + 1/2] of its last digit, a price also for
 * what it cuts ("$129" for "$129.99", "2 percent" for "2.1 percent"; not "$1 million" for
 * "$500,000"); a round figure does so against a bound too ("$40,000" and "more than
 * $40,000"), a figure of other digits never ("6 years" is not "less than 6 years"). *exact
 * gets the most exactly written claim. */
static int only_rounding(const cb_story_ctx *c, const qclaim *cl, const int *arts, const int *idx, size_t k,
                         size_t *exact) {
  double unit[64];
  int round[64], found = 0;
  for (size_t i = 0; i < k; i++) {
    unit[i] = written_unit(c, arts[i], &cl[idx[i]], &round[i]);
    if (unit[i] >= 0 && (!found || unit[i] < unit[*exact])) { *exact = i; found = 1; }
  }
  if (!found) return 0;
  cb_interval riv[64];
  int widened = 0;
  for (size_t i = 0; i < k; i++) {
    riv[i] = cl[idx[i]].iv;
    int finer = unit[i] > unit[*exact] && unit[i] > 0;   /* another figure is written more exactly */
    int bounds_only = 1;   /* "$40,000" against "more than $40,000": its zeros are its precision */
    for (size_t j = 0; j < k; j++) bounds_only &= j == i || unit[j] == -2;
    if (!finer && !(round[i] && unit[i] > 0 && bounds_only)) continue;
    riv[i].lo -= unit[i] / 2;
    riv[i].lo_open = 1;
    riv[i].hi += cl[idx[i]].q->currency ? unit[i] : unit[i] / 2;
    riv[i].hi_open = cl[idx[i]].q->currency != NULL;
    widened = 1;
  }
  return widened && cb_interval_verdict(riv, k, NULL) != CB_CONFLICT;
}

/* Do the claims' frames show they are about one thing? *why gets the first doubt. */
static int sure_same(const cb_story_ctx *c, const cb_item *items, const int *members, const qclaim *cl, const int *idx,
                     size_t k, const char **why) {
  for (size_t i = 0; i < k; i++)
    for (size_t j = i + 1; j < k; j++) {
      const qclaim *a = &cl[idx[i]], *b = &cl[idx[j]];
      if (same_sentence(a, b)) continue;
      if (cb_frames_compare(c->arena, a->fr, b->fr, a->head, why) != CB_FRAMES_SAME) return 0;
    }
  return 1;
}

/* The frame the claims share, in words ("passenger (carry, past)"), for a conflict. */
static const char *frame_words(const cb_story_ctx *c, const qclaim *cl, const int *idx, size_t k) {
  for (size_t i = 0; i < k; i++)
    if (cl[idx[i]].fr && cl[idx[i]].fr->measure) return cb_frame_describe(c->arena, cl[idx[i]].fr);
  return k && cl[idx[0]].fr ? cb_frame_describe(c->arena, cl[idx[0]].fr) : "one thing";
}

static int emit(cb_story_ctx *c, const cb_item *items, const int *members, size_t n, void *ud) {
  const qclaim *cl = ud;
  cb_interval iv[64] = {{0}}, meet = {0};
  size_t k = n < 64 ? n : 64;
  for (size_t i = 0; i < k; i++) iv[i] = cl[items[members[i]].idx].iv;
  cb_verdict v = cb_interval_verdict(iv, k, &meet);
  int arts[64] = {0}, idx[64] = {0};
  for (size_t i = 0; i < k; i++) { arts[i] = items[members[i]].article; idx[i] = (int)items[members[i]].idx; }
  if (cb_ctx_independent(c, arts, k) < 2 && v != CB_CONFLICT) v = CB_SINGLE;   /* copies of one source */
  int grew = v == CB_CONFLICT && growing_count(c, cl, arts, idx, k, &meet);
  if (grew) v = CB_COMPATIBLE;
  size_t exact = 0;
  int rounded = v == CB_CONFLICT && only_rounding(c, cl, arts, idx, k, &exact);
  if (rounded) { v = CB_COMPATIBLE; meet = cl[idx[exact]].iv; }   /* the value: the most exact figure */
  const char *unsure = NULL;
  int same = sure_same(c, items, members, cl, idx, k, &unsure);
  if (v == CB_CONFLICT && !same) v = CB_UNCERTAIN;
  int small = 1;
  for (size_t i = 0; i < k; i++) small &= cl[idx[i]].small;
  if (small && (v == CB_SINGLE || v == CB_UNCERTAIN)) return CB_OK;   /* "two countries" alone: nothing to tell */
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_QUANTITY;
  f->verdict = v;
  f->same_thing = (int8_t)(k > 1 ? same : -1);
  f->topic = topic_of(c, cl, idx, arts, k);
  f->independent = cb_ctx_independent(c, arts, k);
  char val[96];
  if (v != CB_CONFLICT && v != CB_UNCERTAIN) {
    in_unit_of(&cl[idx[0]], &meet, val, sizeof val);
    f->value = cb_arena_strdup(c->arena, val);
  }
  cb_buf why;
  cb_buf_init(&why);
  switch (v) {
  case CB_AGREE: cb_buf_printf(&why, "all sources give %s", val); break;
  case CB_COMPATIBLE:
    if (grew) cb_buf_printf(&why, "counts at different times: the figure grew as the story went on, to %s by the latest report:", val);
    else if (rounded) cb_buf_printf(&why, "the figures differ only by rounding; all hold for %s:", val);
    else cb_buf_printf(&why, "the figures differ in wording but all hold for %s:", val);
    break;
  case CB_CONFLICT: cb_buf_printf(&why, "the figures cannot all be true of %s:", frame_words(c, cl, idx, k)); break;
  case CB_UNCERTAIN: cb_buf_printf(&why, "the figures differ, but perhaps not about the same thing (%s):", unsure); break;
  default:
    cb_buf_printf(&why, "only %s gives this figure", cb_ctx_source_name(c, arts[0]));
    if (k > 1) cb_buf_printf(&why, " (%zu articles, 1 independent source)", k);
    break;
  }
  for (size_t i = 0; i < k; i++) {
    const cb_article *a = c->brief->articles[arts[i]];
    const cb_quantity *q = cl[idx[i]].q;
    cb_claim *claim = CB_VEC_PUSH(c->arena, &f->claims);
    char one[96];
    in_unit_of(&cl[idx[i]], &cl[idx[i]].iv, one, sizeof one);
    if (!claim || cb_ctx_claim(c, claim, arts[i], q->start, q->end, cb_arena_strdup(c->arena, one))) { cb_buf_free(&why); return CB_ENOMEM; }
    cb_ctx_claim_frame(c, claim, cl[idx[i]].fr);
    if (v == CB_COMPATIBLE || v == CB_CONFLICT || v == CB_UNCERTAIN)
      cb_buf_printf(&why, "%s \"%.*s\" (%s%s%s)", i ? "," : "", (int)(q->end - q->start), a->body + q->start,
                    cb_ctx_source_name(c, arts[i]), v == CB_UNCERTAIN && claim->frame_text ? ": " : "",
                    v == CB_UNCERTAIN && claim->frame_text ? claim->frame_text : "");
  }
  f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
  cb_buf_free(&why);
  return f->explanation ? CB_OK : CB_ENOMEM;
}

int cb_quantities_build(cb_story_ctx *c) {
  CB_VEC(cb_item) items = {0};
  CB_VEC(qclaim) claims = {0};
  int rc = CB_OK;
  for (size_t s = 0; s < c->story->articles.n && !rc; s++) {
    int ai = c->story->articles.v[s];
    const cb_article *a = c->brief->articles[ai];
    cb_quantity *q;
    size_t n = cb_quantity_extract(c->arena, a->body, a->body_len, &q);
    if (n == (size_t)-1) return CB_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
      int counted = !strcmp(q[i].dimension, "count") || !strcmp(q[i].dimension, "none");
      int head = !strcmp(q[i].dimension, "age") ? CB_FRAME_AGE : counted ? CB_FRAME_COUNT : CB_FRAME_UNIT;
      const cb_frame *fr = cb_ctx_frame(c, ai, q[i].start, q[i].end, head);
      int age = fr && fr->measure && !strcmp(fr->measure, "age");   /* "Maria Lopez, 61," */
      /* a bare number is a claim when it counts something, or is the value of a subject */
      if (!strcmp(q[i].dimension, "none") && !q[i].event && !q[i].noun && !(fr && fr->measure)) continue;
      if (!strcmp(q[i].dimension, "duration") && part_of_date(a->body, a->body_len, q[i].end)) continue;
      qclaim *qc = CB_VEC_PUSH(c->arena, &claims);
      cb_item *it = qc ? CB_VEC_PUSH(c->arena, &items) : NULL;
      if (!it) return CB_ENOMEM;
      qc->q = &q[i];
      qc->all = q;
      qc->nall = n;
      qc->scale = scale_of(&q[i]);
      qc->iv = interval_of(&q[i], qc->scale);
      qc->dim = !strcmp(q[i].dimension, "basis_point") ? "percentage_point" : q[i].dimension;
      qc->head = age ? CB_FRAME_AGE : head;
      qc->fr = fr;
      if (fr && q[i].event && fr->pred && strcmp(fr->pred, q[i].event)) {
        /* the event word next to the figure ("1,800 evacuated", "forced to leave their
         * homes") says what happened to what is counted better than the clause's verb */
        cb_frame *own = cb_arena_alloc(c->arena, sizeof *own);
        if (!own) return CB_ENOMEM;
        *own = *fr;
        own->pred = q[i].event;
        own->pred_head = NULL;
        qc->fr = own;
      }
      if (age) qc->dim = "age";
      char around[1024];
      qc->naround = words_around(c, ai, qc, around, sizeof around);
      if (!(qc->around = cb_arena_strndup(c->arena, around, qc->naround))) return CB_ENOMEM;
      /* "one strike", "two countries": compared with other sources, never listed alone */
      qc->small = counted && !age && !q[i].is_range && (q[i].value < 2 || (q[i].value <= 2 && !q[i].event));
      it->article = ai;
      it->idx = claims.n - 1;
      uint64_t nk = generic_noun(q[i].noun) ? 0 : key_of_word(q[i].noun), ek = key_of_word(q[i].event);
      cb_item_add_key(it, nk);
      cb_item_add_key(it, ek);
      if (qc->fr && qc->fr->measure && !generic_noun(qc->fr->measure))
        cb_item_add_key(it, key_of_word(qc->fr->measure));
      if (q[i].noun && q[i].event && nk == ek) object_keys(it, a->body, a->body_len, q[i].end);
      if (q[i].noun && nk == key_of_word("strike")) object_keys(it, a->body, a->body_len, q[i].end);
      if (q[i].currency) cb_item_add_key(it, cb_content_key(q[i].currency, strlen(q[i].currency)));
      if (strcmp(qc->dim, "count") && strcmp(qc->dim, "none"))   /* "area", "percent", ... */
        cb_item_add_key(it, cb_content_key(qc->dim, strlen(qc->dim)));
      if (qc->fr && qc->fr->measure && !generic_noun(qc->fr->measure)) {
        uint32_t cls[6];   /* WordNet classes last, so "boats" and "vessels" are compared */
        size_t ncls = cb_wn_classes(CB_WN_NOUN, qc->fr->measure, 2, cls, 6);
        for (size_t k = 0; k < ncls; k++) cb_item_add_key(it, 0x9e3779b97f4a7c15ull ^ cls[k]);
      }
      rc = cb_item_context(c, it, q[i].start, q[i].end, 8);
    }
  }
  if (rc || !items.n) return rc;
  return cb_align_each(c, items.v, items.n, qscore, claims.v, QTY_MIN_SCORE, emit, claims.v);
}
