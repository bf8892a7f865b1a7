/*
 * cleanup.h - telling page furniture from article text, line by line: stray numbers,
 * share widgets, comment forms, related-link lists, advertisements, newsletter boxes,
 * photo captions with credits and credit lines (datelines: text/dateline.h). The phrases
 * are data (data/cleanup/junk.tsv); the shapes (numbers, bullets, credits) are rules here.
 */
#ifndef CB_INGEST_CLEANUP_H
#define CB_INGEST_CLEANUP_H
#include "corroborate.h"

typedef struct cb_junk_state { int in_related; } cb_junk_state;

/* Classifies one line (no newline). Returns a cb_drop_reason, or 0 for article text;
 * *why gets a short explanation. The state carries "we are in a related-links list". */
int cb_junk_line(cb_junk_state *st, const char *s, size_t n, const char **why);
/* A photo caption that ends in a credit: "... [Name/ Reuters]", "(AP Photo/Name)",
 * "Photo: Name/AFP". */
int cb_is_caption_with_credit(const char *s, size_t n);
/* A credit line: "(FRANCE 24 with AFP)", "(Reporting by X; Editing by Y)", "(AFP)".
 * On success *outlet gets the outlet part when the credit names one ("FRANCE 24"). */
int cb_is_credit_line(const char *s, size_t n, cb_slice *outlet);
/* Drops junk paragraphs from a->body (paragraphs separated by blank lines or newlines),
 * recording each in a->dropped. Used for every format by cb_article_finish. */
int cb_clean_body(cb_article *a);
#endif
