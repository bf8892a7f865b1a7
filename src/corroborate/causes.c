/*
 * causes.c - what caused the story's event, as each source gives it. A cue phrase from
 * data/corroborate/causes.tsv finds the cause ("started by a discarded cigarette", "a
 * lightning strike was the most likely cause") or says it is not known ("the cause ... is
 * under investigation"). Only causes of the story's own incident count
 * (data/corroborate/incidents.txt: "the fire was started by", "the cause of the fire"),
 * not of anything mentioned in passing ("the war was started by"). The story's causes make
 * one finding: causes that share a word agree, causes that share none conflict, and a
 * cause against "not known" is compatible.
 */
#include "corroborate/story.h"
#include "core/buf.h"
#include "core/lines.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CAUSE_MAX_WORDS 4

typedef enum { CUE_AFTER, CUE_BEFORE, CUE_UNKNOWN } cue_side;
typedef struct cue { const char *text; size_t len; cue_side side; } cue;
typedef struct cause { int article; size_t start, end; cb_bag bag; int known; } cause;

/* The cue phrases, parsed from the data file on each call (a few dozen lines). */
static size_t load_cues(cb_arena *a, cue **out) {
  size_t n = 0, cap = 0, len;
  cb_lines it = cb_lines_of("corroborate/causes.tsv");
  while (cb_lines_next(&it, &len)) cap++;
  *out = cb_arena_alloc(a, (cap + 1) * sizeof **out);
  if (!*out) return (size_t)-1;
  it = cb_lines_of("corroborate/causes.tsv");
  for (const char *p; (p = cb_lines_next(&it, &len));) {
    const char *tab = memchr(p, '\t', len);
    if (!tab) continue;
    cue_side side = !strncmp(tab + 1, "before", 6) ? CUE_BEFORE : !strncmp(tab + 1, "unknown", 7) ? CUE_UNKNOWN : CUE_AFTER;
    (*out)[n++] = (cue){p, (size_t)(tab - p), side};
  }
  return n;
}

/* Is w one of the lines of data/corroborate/cause-stops.txt? */
static int stop_word(const char *w, size_t n) {
  size_t len;
  cb_lines it = cb_lines_of("corroborate/cause-stops.txt");
  for (const char *p; (p = cb_lines_next(&it, &len));)
    if (len == n && !strncasecmp(p, w, n)) return 1;
  return 0;
}

static int determiner(const char *w, size_t n) {
  static const char *const d[] = {"a", "an", "the", "some", "one", NULL};
  for (int i = 0; d[i]; i++) if (strlen(d[i]) == n && !strncasecmp(w, d[i], n)) return 1;
  return 0;
}

static int word_char(char ch) { return isalnum((unsigned char)ch) || ch == '-' || (unsigned char)ch >= 0x80; }

/* The cause after a cue: up to four words, a leading determiner skipped, ending at
 * punctuation or a stop word. [*s, *e) is empty when there is none. */
static void phrase_after(const char *b, size_t lo, size_t hi, size_t *s, size_t *e) {
  size_t p = lo;
  *s = *e = lo;
  for (int words = 0; words < CAUSE_MAX_WORDS && p < hi;) {
    while (p < hi && b[p] == ' ') p++;
    size_t w = p;
    while (p < hi && word_char(b[p])) p++;
    if (p == w || stop_word(b + w, p - w)) return;
    if (!words && *s == *e && determiner(b + w, p - w)) { *s = *e = p; continue; }
    if (*s == *e) *s = w;
    *e = p;
    words++;
  }
}

/* The cause before a cue: up to four words back, ending at punctuation or a stop word,
 * a leading determiner dropped. */
static void phrase_before(const char *b, size_t lo, size_t hi, size_t *s, size_t *e) {
  size_t p = hi;
  *s = *e = hi;
  for (int words = 0; words < CAUSE_MAX_WORDS && p > lo;) {
    while (p > lo && b[p - 1] == ' ') p--;
    size_t w = p;
    while (p > lo && word_char(b[p - 1])) p--;
    if (p == w || stop_word(b + p, w - p)) break;
    if (*e == hi) *e = w;
    *s = p;
    words++;
  }
  size_t k = *s;
  while (k < *e && word_char(b[k])) k++;
  if (k < *e && determiner(b + *s, k - *s)) { *s = k; while (*s < *e && b[*s] == ' ') (*s)++; }
}

/* Where "cause" stands in s[0..n), or NULL. */
static const char *names_cause(const char *s, size_t n) {
  const char *p = memmem(s, n, "cause", 5);
  return p ? p : memmem(s, n, "Cause", 5);
}

/* Is the word a kind of incident (data/corroborate/incidents.txt) that at least half of
 * the story's articles name: the story's own event, not a war or a confusion in passing? */
static int story_incident(const cb_story_ctx *c, const char *w, size_t n) {
  uint64_t k = cb_content_key(w, n);
  return k && cb_keyset_has(cb_keyset_get("corroborate/incidents.txt"), k) &&
         cb_ctx_article_df(c, k) * 2 >= c->story->articles.n;
}

static size_t next_word(const char *b, size_t p, size_t hi, size_t *w) {
  while (p < hi && b[p] == ' ') p++;
  *w = p;
  while (p < hi && word_char(b[p])) p++;
  return p - *w;
}

/* What a cause is of, when the words at p say it ("of the fire"): 1 when it is the
 * story's incident or unsaid, 0 when it is something else ("the cause of the delay" in a
 * fire story). */
static int of_story_incident(const cb_story_ctx *c, const char *b, size_t p, size_t hi) {
  size_t w, n = next_word(b, p, hi, &w);
  if (n != 2 || strncasecmp(b + w, "of", 2)) return 1;
  n = next_word(b, w + n, hi, &w);
  if (determiner(b + w, n)) n = next_word(b, w + n, hi, &w);
  return n && story_incident(c, b + w, n);
}

/* Before "started by": the incident started, past the auxiliaries ("the fire was
 * probably started by"). */
static int subject_is_incident(const cb_story_ctx *c, const char *b, size_t lo, size_t at) {
  static const char *const aux[] = {"was", "were", "is", "are", "been", "being", "be", "had", "has", "have",
                                    "probably", "likely", "allegedly", "reportedly", "deliberately",
                                    "apparently", "accidentally", "believed", "thought", "said", "to", NULL};
  size_t p = at;
  for (int words = 0; words < 6 && p > lo; words++) {
    while (p > lo && b[p - 1] == ' ') p--;
    size_t e = p;
    while (p > lo && word_char(b[p - 1])) p--;
    if (p == e) return 0;
    int is_aux = 0;
    for (int i = 0; aux[i] && !is_aux; i++) is_aux = strlen(aux[i]) == e - p && !strncasecmp(b + p, aux[i], e - p);
    if (!is_aux) return story_incident(c, b + p, e - p);
  }
  return 0;
}

/* The first cause an article gives: 1 if found, 0 if none, -1 when out of memory. */
static int find_cause(cb_story_ctx *c, int ai, const cue *cues, size_t ncues, cause *out) {
  const cb_article *a = c->brief->articles[ai];
  size_t best = a->body_len;
  for (size_t k = 0; k < ncues; k++) {
    const char *hit = a->body;
    size_t left = a->body_len;
    while ((hit = memmem(hit, left, cues[k].text, cues[k].len))) {
      size_t at = (size_t)(hit - a->body), end = at + cues[k].len;
      left = a->body_len - at - 1;
      hit++;
      if ((at && word_char(a->body[at - 1])) || (end < a->body_len && word_char(a->body[end]))) continue;
      if (at >= best) break;
      long si = cb_ctx_sentence_at(c, ai, at);
      if (si < 0) break;
      size_t s = at, e = at;
      size_t lo = c->sents.v[si].start, hi = c->sents.v[si].end;
      const char *cz;
      if (cues[k].side == CUE_AFTER && subject_is_incident(c, a->body, lo, at)) phrase_after(a->body, end, hi, &s, &e);
      if (cues[k].side == CUE_BEFORE && of_story_incident(c, a->body, end, hi)) phrase_before(a->body, lo, at, &s, &e);
      if (cues[k].side == CUE_UNKNOWN && (cz = names_cause(a->body + lo, at - lo)) &&
          of_story_incident(c, a->body, (size_t)(cz - a->body) + 5, at)) {
        s = at;   /* "the cause of the fire is under investigation" */
        e = end;
      }
      if (s == e) continue;
      best = at;
      *out = (cause){ai, s, e, {0}, cues[k].side != CUE_UNKNOWN};
      if (cb_bag_of(c->arena, a->body + s, e - s, &out->bag)) return -1;
      break;
    }
  }
  return best < a->body_len ? 1 : 0;
}

static int emit(cb_story_ctx *c, const cause *cs, size_t n) {
  int arts[64] = {0}, known = 0, apart = 0;
  size_t k = n < 64 ? n : 64;
  for (size_t i = 0; i < k; i++) {
    arts[i] = cs[i].article;
    if (!cs[i].known) continue;
    for (size_t j = 0; j < i; j++) apart |= cs[j].known && !cb_bag_shared(&cs[i].bag, &cs[j].bag);
    known++;
  }
  int independent = cb_ctx_independent(c, arts, k);
  if (independent < 2 || !known) return CB_OK;
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_EVENT;
  f->topic = "cause";
  f->independent = independent;
  f->verdict = apart ? CB_CONFLICT : known < (int)k ? CB_COMPATIBLE : CB_AGREE;
  cb_buf why;
  cb_buf_init(&why);
  if (apart) cb_buf_puts(&why, "the sources name different causes:");
  else if (f->verdict == CB_COMPATIBLE) cb_buf_puts(&why, "some sources name a cause, others say it is not known:");
  else cb_buf_puts(&why, "the sources name the same cause:");
  for (size_t i = 0; i < k; i++) {
    const cb_article *a = c->brief->articles[cs[i].article];
    cb_claim *cl = CB_VEC_PUSH(c->arena, &f->claims);
    const char *value = cs[i].known ? cb_arena_strndup(c->arena, a->body + cs[i].start, cs[i].end - cs[i].start) : "not known";
    if (!cl || !value || cb_ctx_claim(c, cl, cs[i].article, cs[i].start, cs[i].end, value)) { cb_buf_free(&why); return CB_ENOMEM; }
    if (!f->value && cs[i].known && !apart) f->value = value;
    cb_buf_printf(&why, "%s \"%s\" (%s)", i ? "," : "", value, cb_ctx_source_name(c, cs[i].article));
  }
  f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
  cb_buf_free(&why);
  return f->explanation ? CB_OK : CB_ENOMEM;
}

int cb_causes_build(cb_story_ctx *c) {
  cue *cues;
  size_t ncues = load_cues(c->arena, &cues);
  if (ncues == (size_t)-1) return CB_ENOMEM;
  cause *cs = cb_arena_alloc(c->arena, (c->story->articles.n + 1) * sizeof *cs);
  if (!cs) return CB_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < c->story->articles.n; i++) {
    int ai = c->story->articles.v[i];
    if (c->source_of[ai] != ai) continue;   /* a copy says what its original says */
    int found = find_cause(c, ai, cues, ncues, &cs[n]);
    if (found < 0) return CB_ENOMEM;
    n += (size_t)found;
  }
  return n >= 2 ? emit(c, cs, n) : CB_OK;
}
