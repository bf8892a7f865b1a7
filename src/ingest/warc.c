/*
 * warc.c - reads WARC 1.0/1.1 archives (plain or gzip, one or many members) record by
 * record with constant memory: response records become articles (HTML to the HTML reader,
 * plain text to the text reader) with the record's WARC-Date as their crawl time
 * (cb_article.fetched), WET conversion records are read as text, other records
 * are skipped and counted. A bad record is reported with its offset and the reading goes
 * on at the next record. A gzip file that is not a WARC is inflated (within the size
 * limit) and handed to cb_ingest_buffer.
 */
#include "ingest/warc.h"
#include "ingest/html.h"
#include "ingest/gzstream.h"
#include "ingest/reader.h"
#include "core/article.h"
#include "text/utf8.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define LINE_CAP 8192
#define MAX_HEADER_LINES 256

typedef struct warc_head {
  long long offset;
  char type[32];
  char uri[2048];
  char date[40];
  char id[128];
  char ctype[128];
  long long length;     /* -1: missing */
} warc_head;

typedef struct warc_run {
  const char *name;
  const cb_ingest_opts *o;
  cb_article_fn on_article;
  cb_problem_fn on_problem;
  void *ud;
  cb_warc_stats *st;
  cb_gzs *s;
  size_t limit;
  int problems, stop, gz_errors;
  char line[LINE_CAP];
} warc_run;

static void report(warc_run *r, int code, long long off, const char *uri, const char *why) {
  cb_error e;
  if (uri && uri[0])
    cb_error_set(&e, code, r->name, 0, "record at offset %lld (%s): %s", off, uri, why);
  else
    cb_error_set(&e, code, r->name, 0, "record at offset %lld: %s", off, why);
  r->problems++;
  if (r->on_problem) r->on_problem(r->ud, &e);
}

/* Reports gzip damage found since the last check; 1 if there was any. */
static int gzip_damage(warc_run *r, long long off) {
  if (r->s->errors == r->gz_errors) return 0;
  r->gz_errors = r->s->errors;
  cb_gzs_resume(r->s);
  cb_error e;
  cb_error_set(&e, CB_EPARSE, r->name, 0, "%s; going on at the next member", r->s->err);
  r->problems++;
  if (r->on_problem) r->on_problem(r->ud, &e);
  r->st->corrupt++;
  return 1;
}

static void copy_value(char *dst, size_t cap, const char *v) {
  while (*v == ' ' || *v == '\t') v++;
  if (*v == '<') v++;   /* WARC 1.0 writes <uri> */
  size_t n = strlen(v);
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '>')) n--;
  if (n >= cap) n = cap - 1;
  memcpy(dst, v, n);
  dst[n] = 0;
}

static void take_field(warc_head *h, const char *line) {
  const char *colon = strchr(line, ':');
  if (!colon) return;
  size_t k = (size_t)(colon - line);
  const char *v = colon + 1;
  if (k == 9 && strncasecmp(line, "WARC-Type", k) == 0) copy_value(h->type, sizeof h->type, v);
  else if (k == 15 && strncasecmp(line, "WARC-Target-URI", k) == 0) copy_value(h->uri, sizeof h->uri, v);
  else if (k == 9 && strncasecmp(line, "WARC-Date", k) == 0) copy_value(h->date, sizeof h->date, v);
  else if (k == 14 && strncasecmp(line, "WARC-Record-ID", k) == 0) copy_value(h->id, sizeof h->id, v);
  else if (k == 12 && strncasecmp(line, "Content-Type", k) == 0) copy_value(h->ctype, sizeof h->ctype, v);
  else if (k == 14 && strncasecmp(line, "Content-Length", k) == 0) {
    char *endp;
    while (*v == ' ') v++;
    long long n = strtoll(v, &endp, 10);
    h->length = endp != v && n >= 0 ? n : -2;
  }
}

/* Finds the next "WARC/1.x" line (skipping blank lines, or anything when resyncing) and
 * reads the header fields. 1: a header, 0: end of input, -1: a bad header (reported). */
static int read_head(warc_run *r, warc_head *h, int resync) {
  int reported = resync;
  for (;;) {
    long long off = cb_gzs_tell(r->s);
    long n = cb_gzs_getline(r->s, r->line, sizeof r->line);
    if (n < 0) return gzip_damage(r, off) ? -1 : 0;
    if (n == 0) continue;
    if (strncmp(r->line, "WARC/1.", 7) == 0) { memset(h, 0, sizeof *h); h->offset = off; h->length = -1; break; }
    if (!reported) {
      report(r, CB_EPARSE, off, NULL, "not a WARC record header (expected WARC/1.0 or WARC/1.1); skipping to the next record");
      r->st->corrupt++;
      reported = 1;
    }
  }
  for (int i = 0; i < MAX_HEADER_LINES; i++) {
    long n = cb_gzs_getline(r->s, r->line, sizeof r->line);
    if (n < 0) {
      if (!gzip_damage(r, h->offset)) { report(r, CB_EPARSE, h->offset, h->uri, "truncated record header"); r->st->corrupt++; }
      return -1;
    }
    if (n == 0) {
      if (h->length < 0) {
        report(r, CB_EPARSE, h->offset, h->uri, h->length == -1 ? "no Content-Length" : "bad Content-Length");
        r->st->corrupt++;
        return -1;
      }
      r->st->records++;
      return 1;
    }
    take_field(h, r->line);
  }
  report(r, CB_EPARSE, h->offset, h->uri, "record header too long");
  r->st->corrupt++;
  return -1;
}

/* After a block: the record ends with a blank line (CRLF CRLF). 1 if it does. */
static int read_trailer(warc_run *r) {
  int k = 0, c;
  while (k < 4 && ((c = cb_gzs_peek(r->s)) == '\r' || c == '\n')) { cb_gzs_getc(r->s); k++; }
  return k > 0 || cb_gzs_peek(r->s) < 0;
}

static char *fold_charset(cb_arena *a, const char *cs, const char *buf, size_t n, size_t *outlen) {
  static const char *latin[] = {"iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso-8859-15", "us-ascii", "ascii", NULL};
  size_t bad;
  for (int i = 0; latin[i]; i++)
    if (strcmp(cs, latin[i]) == 0 && !cb_utf8_valid(buf, n, &bad)) return cb_cp1252_to_utf8(a, buf, n, outlen);
  return NULL;
}

/* The record, not the page, names the article: the reader may have set the page's own
 * canonical URL (kept as an extra when it differs) and its own format. */
static int keep_record_identity(cb_article *a, const warc_head *h) {
  a->format = CB_FORMAT_WARC;
  if (!h->uri[0]) return CB_OK;
  if (a->url && strcmp(a->url, h->uri) != 0 && cb_article_add_extra(a, "canonical_url", a->url)) return CB_ENOMEM;
  a->url = cb_arena_strdup(a->arena, h->uri);
  return a->url ? CB_OK : CB_ENOMEM;
}

/* The crawl time, as WARC-Date gives it (W3C ISO 8601: 2024-05-18T01:58:32Z); a value that
 * does not start with a YYYY-MM-DD date is not kept. */
static void keep_fetch_date(cb_article *a, const char *date) {
  static const char shape[] = "dddd-dd-dd";
  for (int i = 0; shape[i]; i++)
    if (shape[i] == 'd' ? !isdigit((unsigned char)date[i]) : date[i] != shape[i]) return;
  size_t n = strlen(date);
  if (n >= sizeof a->fetched) n = sizeof a->fetched - 1;
  memcpy(a->fetched, date, n);
  a->fetched[n] = 0;
}

/* Builds one article from a payload and hands it on. kind: 'h' HTML, 't' text. */
static void emit(warc_run *r, const warc_head *h, int kind, const char *charset, const char *p, size_t n) {
  cb_article *a = cb_article_new();
  if (!a) { report(r, CB_ENOMEM, h->offset, h->uri, "out of memory"); return; }
  cb_error e;
  cb_error_clear(&e);
  a->source = cb_arena_strdup(a->arena, r->name);
  a->offset = h->offset;
  a->format = CB_FORMAT_WARC;
  if (h->uri[0]) a->url = cb_arena_strdup(a->arena, h->uri);
  size_t len = n;
  const char *conv = charset && charset[0] ? fold_charset(a->arena, charset, p, n, &len) : NULL;
  if (conv) p = conv; else len = n;
  if (kind == 't') {
    size_t bad;
    if (!cb_utf8_valid(p, len, &bad)) { conv = cb_cp1252_to_utf8(a->arena, p, len, &len); if (conv) p = conv; }
  }
  int rc = a->source ? cb_article_set_original(a, p, len) : CB_ENOMEM;
  if (!rc && h->id[0]) rc = cb_article_add_extra(a, "warc_record_id", h->id);
  if (!rc) {
    if (kind == 'h') r->st->html++; else r->st->text++;
    /* HTML: the HTTP charset (already converted to UTF-8 when we could), else the page's <meta> */
    rc = kind == 'h' ? cb_read_html_charset(a, a->original, a->original_len, conv ? "UTF-8" : charset && *charset ? charset : NULL, &e)
                     : cb_read_text(a, a->original, a->original_len, &e);
  }
  if (!rc) rc = keep_record_identity(a, h);
  if (!rc) keep_fetch_date(a, h->date);
  if (!rc && !a->published[0] && a->fetched[0]) {
    snprintf(a->published, sizeof a->published, "%.10s", a->fetched);
    a->published_why = "the fetch date (WARC-Date); the page states none";
  }
  if (!rc) rc = cb_article_finish(a, &e);
  if (rc) {
    r->st->failed++;
    report(r, rc, h->offset, h->uri, e.code ? e.msg : cb_strerror(rc));
    cb_article_free(a);
    return;
  }
  r->st->articles++;
  if (r->on_article && r->on_article(r->ud, a)) r->stop = 1;
}

static int media_is(const char *t, size_t n, const char *want) {
  size_t k = strlen(want);
  return n >= k && strncasecmp(t, want, k) == 0;
}

static void take_payload(warc_run *r, const warc_head *h, const char *ctype, size_t ctlen,
                         const char *charset, const char *p, size_t n) {
  size_t bad;
  if (media_is(ctype, ctlen, "text/html") || media_is(ctype, ctlen, "application/xhtml"))
    emit(r, h, 'h', charset, p, n);
  else if (media_is(ctype, ctlen, "text/plain"))
    emit(r, h, 't', charset, p, n);
  else if (ctlen == 0 && cb_detect_format(h->uri, p, n) == CB_FORMAT_HTML)
    emit(r, h, 'h', charset, p, n);
  else if (ctlen == 0 && !cb_looks_binary(p, n) && cb_utf8_valid(p, n, &bad))
    emit(r, h, 't', charset, p, n);
  else
    r->st->skipped_media++;
}

static void take_response(warc_run *r, const warc_head *h, char *p, size_t n) {
  cb_http http;
  if (cb_http_parse(p, n, &http)) {
    report(r, CB_EPARSE, h->offset, h->uri, "response record without an HTTP status line");
    r->st->corrupt++;
    return;
  }
  if (http.status < 200 || http.status > 299) { r->st->skipped_status++; return; }
  if (http.encoded) { r->st->skipped_media++; return; }
  size_t blen = http.body_len;
  if (http.chunked) blen = cb_http_unchunk((char *)http.body, http.body_len);
  take_payload(r, h, http.content_type.ptr ? http.content_type.ptr : "", http.content_type.len,
               http.charset, http.body, blen);
}

static void take_record(warc_run *r, const warc_head *h, char *p, size_t n) {
  char charset[40];
  cb_http_charset(h->ctype, strlen(h->ctype), charset, sizeof charset);
  if (strcasecmp(h->type, "response") == 0) take_response(r, h, p, n);
  else if (strcasecmp(h->type, "conversion") == 0) emit(r, h, 't', charset, p, n);
  else if (strcasecmp(h->type, "resource") == 0) {
    const char *semi = strchr(h->ctype, ';');
    take_payload(r, h, h->ctype, semi ? (size_t)(semi - h->ctype) : strlen(h->ctype), charset, p, n);
  } else r->st->skipped_type++;
}

/* Reads the block of one record; returns 1 if it is whole and well closed. */
static int read_block(warc_run *r, const warc_head *h, char **buf, size_t *cap) {
  if ((unsigned long long)h->length > r->limit) {
    cb_gzs_read(r->s, NULL, (size_t)h->length);
    char why[160];
    snprintf(why, sizeof why, "record of %lld bytes is over the limit of %zu bytes (--max-size); skipped", h->length, r->limit);
    report(r, CB_ETOOBIG, h->offset, h->uri, why);
    r->st->too_big++;
    return 0;
  }
  size_t n = (size_t)h->length;
  if (n + 1 > *cap) {
    char *nb = realloc(*buf, n + 1);
    if (!nb) { report(r, CB_ENOMEM, h->offset, h->uri, "out of memory"); cb_gzs_read(r->s, NULL, n); return 0; }
    *buf = nb; *cap = n + 1;
  }
  size_t got = cb_gzs_read(r->s, *buf, n);
  (*buf)[got] = 0;
  if (gzip_damage(r, h->offset)) return 0;
  if (got < n) {
    report(r, CB_EPARSE, h->offset, h->uri, "truncated record: the file ends before Content-Length bytes");
    r->st->corrupt++;
    return 0;
  }
  if (!read_trailer(r)) {
    report(r, CB_EPARSE, h->offset, h->uri, "Content-Length does not match the record (no blank line after the block); skipped");
    r->st->corrupt++;
    return -1;
  }
  return 1;
}

/* A gzip file that is not a WARC: inflate it (within the limit) and read it as one input. */
static int read_other(warc_run *r) {
  size_t cap = 65536, len = 0;
  char *buf = malloc(cap);
  if (!buf) { report(r, CB_ENOMEM, 0, NULL, "out of memory"); return r->problems; }
  for (;;) {
    if (len == cap) {
      if (cap > r->limit) break;
      char *nb = realloc(buf, cap * 2);
      if (!nb) break;
      buf = nb; cap *= 2;
    }
    size_t k = cb_gzs_read(r->s, buf + len, cap - len);
    if (!k) break;
    len += k;
  }
  gzip_damage(r, 0);
  if (len > r->limit || cb_gzs_peek(r->s) >= 0) {
    cb_error e;
    cb_error_set(&e, CB_ETOOBIG, r->name, 0, "decompressed data is over the limit of %zu bytes (--max-size)", r->limit);
    r->problems++;
    if (r->on_problem) r->on_problem(r->ud, &e);
  } else {
    r->problems += cb_ingest_buffer(r->name, buf, len, r->o, r->on_article, r->on_problem, r->ud);
  }
  free(buf);
  return r->problems;
}

static int starts_warc(cb_gzs *s) {
  /* Peek without consuming: the first bytes sit in the output buffer. */
  if (cb_gzs_peek(s) < 0) return 0;
  size_t i = s->out_pos;
  while (i < s->out_len && (s->out[i] == '\r' || s->out[i] == '\n' || s->out[i] == ' ')) i++;
  return s->out_len - i >= 5 && memcmp(s->out + i, "WARC/", 5) == 0;
}

static int read_records(warc_run *r) {
  char *buf = NULL;
  size_t cap = 0;
  int resync = 0;
  warc_head h;
  while (!r->stop) {
    int k = read_head(r, &h, resync);
    if (k == 0) break;
    if (gzip_damage(r, h.offset) || k < 0) { resync = 1; continue; }
    int b = read_block(r, &h, &buf, &cap);
    resync = b <= 0;
    if (b > 0) take_record(r, &h, buf, (size_t)h.length);
  }
  gzip_damage(r, cb_gzs_tell(r->s));
  free(buf);
  return r->problems;
}

int cb_warc_read(const char *name, FILE *f, const cb_ingest_opts *o, cb_article_fn on_article,
                 cb_problem_fn on_problem, void *ud, cb_warc_stats *st) {
  cb_warc_stats local;
  cb_gzs *s = malloc(sizeof *s);
  warc_run *r = calloc(1, sizeof *r);
  if (!s || !r || cb_gzs_open(s, f)) {
    cb_error e;
    cb_error_set(&e, CB_ENOMEM, name, 0, "out of memory");
    if (on_problem) on_problem(ud, &e);
    if (s) cb_gzs_close(s);
    free(s); free(r);
    return 1;
  }
  memset(st ? st : &local, 0, sizeof local);
  r->name = name; r->o = o; r->on_article = on_article; r->on_problem = on_problem; r->ud = ud;
  r->st = st ? st : &local;
  r->s = s;
  r->limit = o && o->max_bytes ? o->max_bytes : DEFAULT_MAX_BYTES;
  int problems;
  if (starts_warc(s)) problems = read_records(r);
  else if (s->gz) problems = read_other(r);
  else {
    cb_error e;
    cb_error_set(&e, CB_EPARSE, name, 0, "not a WARC file (no WARC/1.0 or WARC/1.1 record at the start)");
    if (on_problem) on_problem(ud, &e);
    problems = 1;
  }
  cb_gzs_close(s);
  free(s); free(r);
  return problems;
}

int cb_read_warc(const char *name, FILE *f, const cb_ingest_opts *o,
                 cb_article_fn on_article, cb_problem_fn on_problem, void *ud) {
  return cb_warc_read(name, f, o, on_article, on_problem, ud, NULL);
}
