/*
 * text_meta.h - the metadata lines newspapers and wires print at the top of an article,
 * as the plain-text reader meets them: "Outlet — date", "Outlet | Section | date",
 * "By NAME, Outlet", "NAME | Outlet", "Published: date | Updated: date", an outlet alone
 * on its line ("The Kasenda Courier"), a masthead word that is no date ("Today").
 * Outlets are told by the known-outlet list (data/names/outlets.txt), the words outlets
 * end in (data/names/outlet_cues.txt) and their shape: short, capitalised, no verb.
 */
#ifndef CB_INGEST_TEXT_META_H
#define CB_INGEST_TEXT_META_H
#include "corroborate.h"
#include "ingest/pubdate.h"

typedef struct cb_text_meta {
  cb_article *a;
  cb_date_label date_kind;   /* what the label of the date taken said; NONE: no date yet */
  int titled;                /* the title has been read: an outlet line may follow it */
} cb_text_meta;

/* A stated publication date from line s[0..n): taken when its label says more than the
 * one taken before (a publication date over a plain one over an update). */
void cb_meta_date(cb_text_meta *m, const cb_date *d, cb_date_label kind, const char *s, size_t n);
/* A line of segments split by '|' or a spaced dash: "Outlet — date", "Outlet | Section |
 * date", "By NAME, Outlet | date", "NAME | Outlet", "Published: date | Updated: date", or a
 * byline alone. Fills author, outlet and date; returns 1 if the line was metadata. */
int cb_meta_line(cb_text_meta *m, const char *s, size_t n);
/* An outlet alone on its line: a known outlet; under the title also capitalised words
 * without a verb ending in an outlet word ("Kasenda Courier") or starting with "The" ("The
 * Velin Ledger"); above it they would as likely be a headline ("Stocks Hit Record").
 * Returns 1 if so (the outlet is set unless one is known already). */
int cb_meta_outlet_alone(cb_text_meta *m, const char *s, size_t n);
/* 1 if the line is a masthead word and no date: "Today" alone. */
int cb_meta_masthead_day(const char *s, size_t n);
#endif
