/*
 * quote.h - direct quotations with their speakers. Finds quoted passages in straight and
 * curly marks (a quote may run over paragraph breaks when the next paragraph opens with a
 * mark), tells full from partial quotes, finds the cue ("said", "told", "added",
 * "according to", ...) and the speaker next to it, and resolves pronouns ("he said") and
 * role phrases ("the Venezuelan leader") to the last named person.
 */
#ifndef CB_EXTRACT_QUOTE_H
#define CB_EXTRACT_QUOTE_H
#include "corroborate.h"

typedef enum cb_speaker_how {
  CB_SPEAKER_UNKNOWN = 0,   /* no speaker found */
  CB_SPEAKER_NAME,          /* a name next to the cue: "Maduro said", "said Governor X" */
  CB_SPEAKER_ACCORDING_TO,  /* "according to X" */
  CB_SPEAKER_PRONOUN,       /* "he said" -> the last named person before it */
  CB_SPEAKER_ROLE,          /* "the leftist leader added" -> the person with that role */
  CB_SPEAKER_DESCRIPTION,   /* a description that names no one ("officials said") */
  CB_SPEAKER_CONTINUED      /* no cue: the speaker of the quote just before */
} cb_speaker_how;

typedef struct cb_quote {
  size_t start, end;              /* the quote with its marks, [start, end) bytes */
  size_t inner_start, inner_end;  /* the quoted words without the outer marks */
  int partial;                    /* 1: a fragment inside a sentence; 0: full sentence(s) */
  int paragraphs;                 /* number of paragraphs the quote spans (>= 1) */
  int direct;                     /* 1: the quote is the whole reported content (a full quote,
                                     or a fragment right after its cue: says “the wind is ...”);
                                     0: words woven into the writer's own sentence */
  size_t cue_start, cue_end;      /* cue span ("said", "according to"); equal if none */
  const char *cue;                /* the cue's folded form; NULL if none */
  size_t speaker_start, speaker_end; /* the speaker's words in the text; equal if none */
  const char *speaker;            /* normalised name ("Donald Trump") or description; NULL if unknown */
  cb_speaker_how how;
} cb_quote;

/* Extracts the quotes of text[0..n) into an arena array (*out), in text order. Returns
 * the count; 0 with *out == NULL when there is none or memory ran out. Any bytes are
 * accepted. */
size_t cb_quote_extract(cb_arena *a, const char *text, size_t n, cb_quote **out);
const char *cb_speaker_how_name(cb_speaker_how how);

/* Appends quote q of text as one JSON object (quote_json.c). */
struct cb_buf;
void cb_quote_json(struct cb_buf *b, const char *text, const cb_quote *q);
#endif
