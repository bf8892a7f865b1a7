/*
 * gzstream.h - a byte stream over a FILE that is either plain or gzip (one or many
 * members, as WARC files are written), read with constant memory. A corrupt or truncated
 * gzip member is remembered as an error (with its compressed offset) and reading goes on
 * at the next member the stream can find.
 */
#ifndef CB_INGEST_GZSTREAM_H
#define CB_INGEST_GZSTREAM_H
#include <stdio.h>
#include <stddef.h>
#include <zlib.h>

#define CB_GZS_BUF 65536

typedef struct cb_gzs {
  FILE *f;
  int gz;                    /* 1: gzip input */
  z_stream z;
  int zready;                /* inflate state initialised */
  unsigned char in[CB_GZS_BUF];
  unsigned char out[CB_GZS_BUF];
  size_t out_len, out_pos;
  long long in_off;          /* file offset of in[0] */
  long long member;          /* compressed offset of the member being inflated */
  long long out_member;      /* member the bytes in out[] came from */
  long long pos;             /* bytes delivered so far (uncompressed) */
  int eof;                   /* no more input at all */
  int errors;                /* gzip errors seen so far */
  int stalled;               /* after an error: reads end until cb_gzs_resume() */
  char err[200];             /* the latest gzip error, with its offset */
} cb_gzs;

/* Sets up s over f (from its current position). 0 ok, else a CB_E* code. */
int cb_gzs_open(cb_gzs *s, FILE *f);
void cb_gzs_close(cb_gzs *s);
/* After a gzip error the stream reads as ended (so a record cannot run into the next
 * good member); this goes on reading from that member. */
void cb_gzs_resume(cb_gzs *s);
/* Next byte (0..255) or -1 at the end. */
int cb_gzs_getc(cb_gzs *s);
/* Next byte without taking it, or -1. */
int cb_gzs_peek(cb_gzs *s);
/* Reads up to n bytes (dst may be NULL to skip them); returns the number read. */
size_t cb_gzs_read(cb_gzs *s, char *dst, size_t n);
/* Reads one line (up to and without '\n', CR dropped) into buf (cap bytes, NUL-ended;
 * longer lines are cut, the rest skipped). Returns its length, or -1 at the end. */
long cb_gzs_getline(cb_gzs *s, char *buf, size_t cap);
/* Offset of the next byte as an archive index counts it: for gzip the compressed offset
 * of the member holding it, else the byte offset. */
long long cb_gzs_tell(cb_gzs *s);
#endif
