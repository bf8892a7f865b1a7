/*
 * warc.h - the WARC reader (WARC 1.0/1.1, plain or gzip): record iteration with counts of
 * what was read and skipped, and the HTTP payload parsing its response records need.
 * cb_read_warc() in reader.h is this reader without the counts.
 */
#ifndef CB_INGEST_WARC_H
#define CB_INGEST_WARC_H
#include "corroborate.h"
#include <stdio.h>

typedef struct cb_warc_stats {
  long records;        /* records seen (well-formed headers) */
  long articles;       /* articles handed to the callback */
  long html;           /* payloads given to the HTML reader */
  long text;           /* payloads given to the text reader (WET conversion, text/plain) */
  long skipped_type;   /* warcinfo, request, metadata, revisit ... */
  long skipped_status; /* HTTP status other than 2xx */
  long skipped_media;  /* images, scripts, PDFs ... */
  long too_big;        /* over the size limit, skipped */
  long corrupt;        /* bad headers, lying Content-Length, gzip damage, truncation */
  long failed;         /* the article reader refused the payload */
} cb_warc_stats;

/* Reads every record of f; returns the number of problems reported. st may be NULL. */
int cb_warc_read(const char *name, FILE *f, const cb_ingest_opts *o, cb_article_fn on_article,
                 cb_problem_fn on_problem, void *ud, cb_warc_stats *st);

/* An HTTP response split into its parts (pointers into the payload). */
typedef struct cb_http {
  int status;              /* 0 if there is no status line */
  cb_slice content_type;   /* media type without parameters */
  char charset[40];        /* lower-cased, "" if none */
  int chunked;             /* Transfer-Encoding: chunked */
  int encoded;             /* Content-Encoding other than identity */
  const char *body;
  size_t body_len;
} cb_http;

/* Parses status line and headers of buf; 0 ok, CB_EPARSE if it is not HTTP. */
int cb_http_parse(const char *buf, size_t n, cb_http *h);
/* Decodes a chunked body in place; returns the decoded length. */
size_t cb_http_unchunk(char *body, size_t n);
/* Copies the charset parameter of a Content-Type value into out (lower case). */
void cb_http_charset(const char *v, size_t n, char *out, size_t cap);
#endif
