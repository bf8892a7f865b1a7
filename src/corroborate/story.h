/*
 * story.h - the working state of one story while its brief is built: every sentence of
 * every article with its content-word bag, the document frequency of each word over the
 * story's sentences (for weighting), and which articles are independent sources.
 * Internal to src/corroborate.
 */
#ifndef CB_CORRO_STORY_H
#define CB_CORRO_STORY_H
#include "corroborate/brief.h"
#include "corroborate/bag.h"
#include "extract/frame.h"

typedef struct cb_sent {
  int article;                  /* brief article index */
  size_t start, end;            /* byte span in the article body */
  cb_bag bag;
  cb_bag *windows; size_t nwindows;   /* its clauses as word windows, made when first needed */
} cb_sent;

typedef struct cb_df_entry { uint64_t key; uint32_t df; uint32_t adf; int last_article; double weight; } cb_df_entry;

typedef struct cb_story_ctx {
  cb_arena *arena;              /* the brief's arena */
  cb_brief *brief;
  cb_story_brief *story;
  CB_VEC(cb_sent) sents;
  cb_df_entry *df; size_t df_cap;
  int *source_of;               /* article index -> independent source id (its original's index) */
  struct cb_names *names;       /* per story article (index into story->articles), found when first needed */
  unsigned char *names_done;    /* ... and whether found yet */
  size_t *first_sent;           /* brief article index -> its first sentence in sents (sents.n if none) */
  size_t *end_sent;             /* ... and one past its last */
  const cb_syn_sent **parses;   /* per sentence, parsed when a claim first needs it */
  uint64_t *parse_keys;         /* hash of a parsed sentence's text -> parse_of: its sentence */
  size_t *parse_of, parse_cap;
  const struct cb_timex **timexes;   /* per brief article: its time expressions, found once */
  size_t *ntimexes;
  cb_span_off **times;          /* ... and as the spans frames read */
} cb_story_ctx;

int cb_story_ctx_init(cb_story_ctx *c, cb_brief *b, cb_story_brief *s);
/* Weight of a word key: rare in the story's sentences (log(1 + sentences / df)) and not
 * shared by every article (a word all sources use is the story's topic, not a claim). */
double cb_ctx_weight(const cb_story_ctx *c, uint64_t key);
/* Number of the story's articles that use the word. */
unsigned cb_ctx_article_df(const cb_story_ctx *c, uint64_t key);
/* Sum of weights of a bag. */
double cb_ctx_bag_weight(const cb_story_ctx *c, const cb_bag *b);
/* Weighted overlap of two bags: shared weight / the smaller bag's weight, with a bonus
 * for shared bigrams; also returns the number of shared words. */
double cb_ctx_similarity(const cb_story_ctx *c, const cb_bag *x, const cb_bag *y, size_t *nshared);
/* Distinct independent sources among a set of article indexes. */
int cb_ctx_independent(const cb_story_ctx *c, const int *articles, size_t n);
/* The sentence (index into c->sents) that holds byte offset pos of article a; -1 if none. */
long cb_ctx_sentence_at(const cb_story_ctx *c, int article, size_t pos);
/* How the brief names an article's source: its outlet, else its file name. */
const char *cb_ctx_source_name(const cb_story_ctx *c, int article);
/* A claim for article a spanning [start,end) with its sentence filled in. */
int cb_ctx_claim(const cb_story_ctx *c, cb_claim *cl, int article, size_t start, size_t end, const char *value);

/* The time expressions of article a (src/extract/timex.h, resolved against its own date),
 * extracted once for the dates and the frames. */
const struct cb_timex *cb_ctx_timexes(cb_story_ctx *c, int article, size_t *n);
/* The parse of sentence si (index into c->sents), made on first use; NULL when the model
 * cannot be loaded or the sentence has no words. */
const cb_syn_sent *cb_ctx_parse(cb_story_ctx *c, long si);
/* The frame of the claim [start, end) of article a (head_kind: cb_frame_head), read off its
 * sentence's tree; NULL without a parse or on OOM. */
const cb_frame *cb_ctx_frame(cb_story_ctx *c, int article, size_t start, size_t end, int head_kind);
/* The names of story article si (index into story->articles), found on first use; NULL on OOM. */
const struct cb_names *cb_ctx_names(cb_story_ctx *c, size_t si);
/* Sets a claim's frame and its words. */
void cb_ctx_claim_frame(const cb_story_ctx *c, cb_claim *cl, const cb_frame *f);

/* The stages, each adding to c->story. */
int cb_facts_build(cb_story_ctx *c);
int cb_flags_build(cb_story_ctx *c);
int cb_quantities_build(cb_story_ctx *c);
int cb_tallies_build(cb_story_ctx *c);  /* vote tallies ("passed 301-112") */
int cb_dates_build(cb_story_ctx *c);
int cb_quotes_build(cb_story_ctx *c);
int cb_names_build(cb_story_ctx *c);
int cb_events_build(cb_story_ctx *c);   /* after cb_names_build */
int cb_causes_build(cb_story_ctx *c);
int cb_summary_build(cb_story_ctx *c);  /* last: reads the findings and facts */
#endif
