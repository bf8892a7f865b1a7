/*
 * flags.c - flags on single articles: junk left in or dropped from the text, and a year
 * that contradicts the story's time ("so far in 2024" in a 2025 story). Role and date
 * flags are added where those findings are made.
 */
#include "corroborate/story.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int add_flag(cb_story_ctx *c, int article, const char *kind, const char *text, const char *why) {
  cb_flag *f = CB_VEC_PUSH(c->arena, &c->story->flags);
  if (!f) return CB_ENOMEM;
  f->article = article;
  f->kind = kind;
  f->text = text;
  f->why = why;
  return CB_OK;
}

/* The story's year: the most common year among its articles' publication dates. */
static int story_year(const cb_story_ctx *c) {
  int years[64], counts[64], n = 0, best = 0;
  for (size_t i = 0; i < c->story->articles.n; i++) {
    const char *p = c->brief->articles[c->story->articles.v[i]]->published;
    if (!isdigit((unsigned char)p[0])) continue;
    int y = atoi(p), k;
    for (k = 0; k < n && years[k] != y; k++) ;
    if (k == n && n < 64) { years[n] = y; counts[n++] = 0; }
    if (k < n) counts[k]++;
  }
  for (int k = 0; k < n; k++) if (!best || counts[k] > counts[best - 1] || (counts[k] == counts[best - 1] && years[k] > years[best - 1])) best = k + 1;
  return best ? years[best - 1] : 0;
}

/* Phrases that put a year in the present: "so far in 2024", "so far this year (2024)". */
static const char *const present_year_cues[] = {"so far in ", "to date in ", "so far this year in ", "year-to-date in ", NULL};

static int anachronisms(cb_story_ctx *c, int year) {
  for (size_t i = 0; i < c->story->articles.n; i++) {
    int ai = c->story->articles.v[i];
    const cb_article *a = c->brief->articles[ai];
    for (int q = 0; present_year_cues[q]; q++) {
      size_t ql = strlen(present_year_cues[q]);
      for (const char *p = a->body; (p = strcasestr(p, present_year_cues[q])); p += ql) {
        const char *y = p + ql;
        if (!(isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) && isdigit((unsigned char)y[2]) &&
              isdigit((unsigned char)y[3]) && !isdigit((unsigned char)y[4])))
          continue;
        int yy = atoi(y);
        if (yy == year || yy < 1900) continue;
        long si = cb_ctx_sentence_at(c, ai, (size_t)(p - a->body));
        const char *text = si >= 0 ? cb_arena_strndup(c->arena, a->body + c->sents.v[si].start,
                                                      c->sents.v[si].end - c->sents.v[si].start)
                                   : cb_arena_strndup(c->arena, p, ql + 4);
        const char *why = cb_arena_printf(c->arena, "\"%.*s\" puts %d in the present, but the story happens in %d",
                                          (int)(ql + 4), p, yy, year);
        if (!text || !why || add_flag(c, ai, "anachronism", text, why)) return CB_ENOMEM;
      }
    }
  }
  return CB_OK;
}

static int junk(cb_story_ctx *c) {
  for (size_t i = 0; i < c->story->articles.n; i++) {
    int ai = c->story->articles.v[i];
    const cb_article *a = c->brief->articles[ai];
    for (size_t k = 0; k < a->ndropped; k++) {
      if (a->dropped[k].reason != CB_DROP_JUNK_NUMBER) continue;
      const char *why = cb_arena_printf(c->arena, "junk inside the article text (%s); dropped from the body",
                                        a->dropped[k].why ? a->dropped[k].why : "noise");
      if (!why || add_flag(c, ai, "junk", a->dropped[k].text, why)) return CB_ENOMEM;
    }
  }
  return CB_OK;
}

int cb_flags_build(cb_story_ctx *c) {
  int year = story_year(c), rc = CB_OK;
  if (year) rc = anachronisms(c, year);
  if (!rc) rc = junk(c);
  return rc;
}
