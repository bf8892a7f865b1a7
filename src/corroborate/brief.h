/*
 * brief.h - the brief: what Corroborate tells a reader about a set of articles, story by
 * story. Built by cb_brief_build from article records; rendered by src/report/. Everything
 * lives in the brief's arena (one free). Article numbers are indexes into brief->articles;
 * the JSON ids are those indexes + 1 unless the caller supplies store ids.
 */
#ifndef CB_CORRO_BRIEF_H
#define CB_CORRO_BRIEF_H
#include "corroborate.h"
#include "core/vec.h"
#include <stdint.h>

typedef enum { CB_KIND_QUANTITY, CB_KIND_DATE, CB_KIND_QUOTE, CB_KIND_ROLE, CB_KIND_NAME, CB_KIND_EVENT } cb_claim_kind;
/* CB_UNCERTAIN: values that disagree about what may not be the same thing (the frames of
 * the claims do not show it is); listed with the reason, never called a conflict. */
typedef enum { CB_AGREE, CB_COMPATIBLE, CB_CONFLICT, CB_VARIANT, CB_SINGLE, CB_UNCERTAIN } cb_verdict;
const char *cb_claim_kind_name(cb_claim_kind k);
const char *cb_verdict_name(cb_verdict v);

typedef CB_VEC(int) cb_int_vec;

/* One source's words behind a finding. */
typedef struct cb_claim {
  int article;
  size_t start, end;            /* surface span in the article body */
  size_t sent_start, sent_end;  /* its sentence */
  const char *text;             /* the exact surface words */
  const char *sentence;
  const char *value;            /* normalised value, as a reader reads it */
  const struct cb_frame *frame; /* what the claim is about, from its sentence's tree, or NULL */
  const char *frame_text;       /* the frame in words ("passenger of the ferry (carry, past)") */
} cb_claim;

typedef struct cb_finding {
  cb_claim_kind kind;
  cb_verdict verdict;
  const char *topic;            /* "people killed", "date of the call", "Maduro's words" */
  const char *value;            /* the tightest value consistent with all sources, or NULL */
  const char *explanation;      /* one line a reader understands */
  int independent;              /* independent sources behind it */
  int8_t same_thing;            /* the claims' frames show one thing (1), may not (0), unknown (-1) */
  CB_VEC(cb_claim) claims;
} cb_finding;

typedef struct cb_brief_form { const char *text; const char *kind; cb_int_vec articles; } cb_brief_form;
typedef struct cb_brief_entity { const char *name; const char *type; CB_VEC(cb_brief_form) forms; } cb_brief_entity;
typedef struct cb_flag { int article; const char *kind, *text, *why; } cb_flag;
typedef struct cb_event {
  const char *date;             /* ISO value ("2025-11-24", "2025-W47", "2025-08") */
  const char *precision;        /* day, week, month, year */
  const char *what;             /* the sentence or its event words */
  const char *surface;          /* the words as written ("last week") */
  int32_t day_lo, day_hi;       /* for ordering and drawing */
  cb_int_vec articles;
} cb_event;
typedef struct cb_fact {
  const char *text;             /* the best-supported sentence */
  int independent;
  cb_int_vec articles;
  CB_VEC(cb_claim) sentences;   /* each article's sentence */
} cb_fact;

/* A line of the story's short extractive summary. */
typedef struct cb_summary_line {
  const char *kind;             /* "fact", "conflict", "single" */
  const char *text;
  cb_int_vec articles;
} cb_summary_line;

typedef struct cb_story_brief {
  long id;
  const char *headline;
  char first[11], last[11];
  cb_int_vec articles;
  CB_VEC(cb_finding) findings;
  CB_VEC(cb_brief_entity) entities;
  CB_VEC(cb_flag) flags;
  CB_VEC(cb_event) timeline;
  CB_VEC(cb_fact) facts;
  CB_VEC(cb_summary_line) summary;   /* best-supported facts, then conflicts, then single-source claims */
} cb_story_brief;

typedef struct cb_brief {
  cb_arena *arena;
  cb_article **articles;        /* borrowed: the caller keeps them alive */
  int64_t *ids;                 /* id per article (store id or index + 1) */
  long *duplicate_of;           /* article index or -1 */
  double *similarity;
  long *story_of;
  size_t narticles;
  CB_VEC(cb_story_brief) stories;
  cb_article **owned;           /* articles the brief owns (cb_brief_of_paths, cb_store_brief): */
  size_t nowned;                /* freed with it, and the malloc'd array too; else NULL */
} cb_brief;

/* Builds the brief of the given articles. ids may be NULL (then index + 1). */
int cb_brief_build(cb_article **articles, const int64_t *ids, size_t n, cb_brief **out, cb_error *e);
void cb_brief_free(cb_brief *b);
/* Hands the brief the articles (a malloc'd array of n): cb_brief_free frees them. */
void cb_brief_own(cb_brief *b, cb_article **articles, size_t n);
#endif
