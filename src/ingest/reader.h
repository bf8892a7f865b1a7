/*
 * reader.h - the contract between the ingest driver and the format readers.
 *
 * A single-article reader (text, HTML) is given a fresh article whose source, format and
 * original bytes are already set; it fills title, outlet, author, date, body, dropped
 * noise and captions, and returns CB_OK or an error code with e filled. The driver then
 * calls cb_article_finish(). A multi-record reader (JSON Lines, WARC) makes its own
 * articles and hands each to the callbacks, so one bad record does not stop the rest.
 */
#ifndef CB_INGEST_READER_H
#define CB_INGEST_READER_H
#include "corroborate.h"
#include <stdio.h>

cb_format cb_detect_format(const char *name, const char *buf, size_t n);

int cb_read_text(cb_article *a, const char *buf, size_t n, cb_error *e);
int cb_read_html(cb_article *a, const char *buf, size_t n, cb_error *e);
int cb_read_jsonl(const char *name, const char *buf, size_t n, const cb_ingest_opts *o,
                  cb_article_fn on_article, cb_problem_fn on_problem, void *ud);
/* WARC is read from a stream so a multi-gigabyte archive takes constant memory. */
int cb_read_warc(const char *name, FILE *f, const cb_ingest_opts *o,
                 cb_article_fn on_article, cb_problem_fn on_problem, void *ud);

/* Common last step for every article: content hash, inferred publication bound when no
 * date was given, empty-body check. */
int cb_article_finish(cb_article *a, cb_error *e);
/* Infers a lower bound for the publication date from the latest dated event in the
 * body. year: the year to give dates that state none (0: leave them without a year).
 * Returns 1 if a bound was set. */
int cb_article_infer_published(cb_article *a, int year);
/* Sets the original bytes (copied into the article's arena). */
int cb_article_set_original(cb_article *a, const char *buf, size_t n);
#endif
