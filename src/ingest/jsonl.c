/*
 * jsonl.c - the JSON Lines reader: one article per line, an object with the fields
 * title, text, url, published, outlet and author (every other field is kept as extra
 * metadata). Lines are read one at a time, each parsed with cJSON on its own, so a bad
 * line (invalid JSON, not an object, no text, invalid UTF-8, over the size limit) is
 * reported with its line number and the lines after it still load.
 */
#include "ingest/reader.h"
#include "ingest/pubdate.h"
#include "core/article.h"
#include "text/utf8.h"
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* No single record may be longer than this, whatever the file limit. */
#define JSONL_MAX_RECORD ((size_t)16 << 20)
#define JSONL_DEFAULT_FILE_LIMIT ((size_t)64 << 20)

static size_t record_limit(const cb_ingest_opts *o) {
  size_t file_limit = o && o->max_bytes ? o->max_bytes : JSONL_DEFAULT_FILE_LIMIT;
  return file_limit < JSONL_MAX_RECORD ? file_limit : JSONL_MAX_RECORD;
}

static void report(cb_problem_fn on_problem, void *ud, int code, const char *name, long line,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void report(cb_problem_fn on_problem, void *ud, int code, const char *name, long line,
                   const char *fmt, ...) {
  cb_error e;
  char msg[sizeof e.msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  cb_error_set(&e, code, name, line, "%s", msg);
  if (on_problem) on_problem(ud, &e);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if (!is_space(s[i])) return 0;
  return 1;
}

/* NFC-normalised copy of s with the surrounding white space trimmed; with one_line, every
 * run of white space inside (line breaks too) becomes one space. NULL on OOM. */
static const char *clean_string(cb_arena *ar, const char *s, int one_line, size_t *outlen) {
  size_t n = strlen(s), len;
  char *t = cb_text_normalize(ar, s, n, &len);
  if (!t) return NULL;
  size_t b = 0;
  while (b < len && is_space(t[b])) b++;
  while (len > b && is_space(t[len - 1])) len--;
  if (one_line) {
    size_t w = b;
    for (size_t r = b; r < len; r++) {
      if (is_space(t[r]) && is_space(t[r + 1])) continue;   /* r + 1 < len here: t[len - 1] is no space */
      t[w++] = is_space(t[r]) ? ' ' : t[r];
    }
    len = w;
  }
  t[len] = 0;
  if (outlen) *outlen = len - b;
  return t + b;
}

/* Parses the "published" value; when it is not a date, the raw string is kept as extra. */
static int set_published(cb_article *a, const char *raw) {
  size_t n;
  const char *s = clean_string(a->arena, raw, 1, &n);
  if (!s) return CB_ENOMEM;
  if (n == 0) return CB_OK;
  cb_date d;
  if (cb_date_line(s, n, &d) || (cb_date_parse(s, n, &d) && d.year && d.month)) {
    cb_date_format(&d, a->published, sizeof a->published);
    a->published_why = "JSON field \"published\"";
    return CB_OK;
  }
  return cb_article_add_extra(a, "published", s);
}

/* Stores a known string field; an empty value counts as absent. */
static int set_string_field(cb_article *a, const char **slot, const char *raw) {
  size_t n;
  const char *s = clean_string(a->arena, raw, 1, &n);
  if (!s) return CB_ENOMEM;
  if (n && !*slot) *slot = s;
  return CB_OK;
}

/* Any other field: strings as they are, everything else as compact JSON. */
static int add_extra_field(cb_article *a, const char *key, const cJSON *item) {
  if (cJSON_IsNull(item)) return CB_OK;
  if (cJSON_IsString(item)) {
    const char *s = clean_string(a->arena, item->valuestring, 0, NULL);
    return s ? cb_article_add_extra(a, key, s) : CB_ENOMEM;
  }
  char *json = cJSON_PrintUnformatted(item);
  if (!json) return CB_ENOMEM;
  int rc = cb_article_add_extra(a, key, json);
  cJSON_free(json);
  return rc;
}

static int set_field(cb_article *a, const cJSON *item) {
  const char *k = item->string ? item->string : "";
  const char **slot = strcmp(k, "title") == 0    ? &a->title
                      : strcmp(k, "url") == 0    ? &a->url
                      : strcmp(k, "outlet") == 0 ? &a->outlet
                      : strcmp(k, "author") == 0 ? &a->author
                                                 : NULL;
  int is_text = strcmp(k, "text") == 0, known = slot || is_text || strcmp(k, "published") == 0;
  if (is_text && !cJSON_IsString(item) && !cJSON_IsNull(item)) return CB_EPARSE;   /* a number, list, ... */
  if (!known || !cJSON_IsString(item)) return add_extra_field(a, k, item);
  if (slot) return set_string_field(a, slot, item->valuestring);
  if (strcmp(k, "published") == 0) return a->published[0] ? CB_OK : set_published(a, item->valuestring);
  if (a->body) return CB_OK;   /* a repeated "text": the first one counts */
  size_t n;
  const char *body = clean_string(a->arena, item->valuestring, 0, &n);
  if (!body) return CB_ENOMEM;
  a->body = body;
  a->body_len = n;
  return CB_OK;
}

/* Fills a from one record's bytes. Returns CB_OK, or an error code with e filled. */
static int read_record(cb_article *a, const char *s, size_t n, cb_error *e) {
  size_t bad;
  if (!cb_utf8_valid(s, n, &bad)) {
    cb_error_set(e, CB_EUTF8, a->source, a->line, "invalid UTF-8 at byte %zu", bad);
    return CB_EUTF8;
  }
  const char *nul = memchr(s, 0, n);
  if (nul) {
    cb_error_set(e, CB_EBINARY, a->source, a->line, "NUL byte at byte %zu", (size_t)(nul - s));
    return CB_EBINARY;
  }
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, 0);
  if (!root) {
    size_t at = end && end >= s && end <= s + n ? (size_t)(end - s) : 0;
    cb_error_set(e, CB_EPARSE, a->source, a->line, "invalid JSON near byte %zu", at);
    return CB_EPARSE;
  }
  int rc = CB_OK;
  size_t used = end && end >= s && end <= s + n ? (size_t)(end - s) : n;
  if (!is_blank(s + used, n - used)) {
    cb_error_set(e, CB_EPARSE, a->source, a->line, "invalid JSON: extra text after the value at byte %zu", used);
    rc = CB_EPARSE;
  } else if (!cJSON_IsObject(root)) {
    cb_error_set(e, CB_EPARSE, a->source, a->line, "not a JSON object (one article per line expected)");
    rc = CB_EPARSE;
  }
  for (const cJSON *it = rc ? NULL : root->child; it && !rc; it = it->next) rc = set_field(a, it);
  cJSON_Delete(root);
  if (rc == CB_ENOMEM && !e->code) cb_error_set(e, rc, a->source, a->line, "out of memory");
  if (rc == CB_EPARSE && !e->code) cb_error_set(e, rc, a->source, a->line, "the \"text\" field is not a string");
  if (!rc && !a->body) {
    cb_error_set(e, CB_EEMPTY, a->source, a->line, "no \"text\" field with article text");
    rc = CB_EEMPTY;
  }
  return rc;
}

/* Makes one article from one line and hands it on. Returns 1 if a problem was
 * reported; sets *stop when the article callback asks to stop. */
static int one_line(const char *name, const char *s, size_t n, long lineno, cb_article_fn on_article,
                    cb_problem_fn on_problem, void *ud, int *stop) {
  cb_article *a = cb_article_new();
  if (!a) { report(on_problem, ud, CB_ENOMEM, name, lineno, "out of memory"); return 1; }
  a->format = CB_FORMAT_JSONL;
  a->line = lineno;
  a->source = cb_arena_strdup(a->arena, name);
  cb_error e;
  cb_error_clear(&e);
  int rc = a->source ? cb_article_set_original(a, s, n) : CB_ENOMEM;
  if (!rc) rc = read_record(a, s, n, &e);
  if (!rc) rc = cb_article_finish(a, &e);
  if (rc) {
    if (!e.code) cb_error_set(&e, rc, name, lineno, "%s", cb_strerror(rc));
    if (on_problem) on_problem(ud, &e);
    cb_article_free(a);
    return 1;
  }
  if (on_article) *stop = on_article(ud, a) != 0;
  else cb_article_free(a);
  return 0;
}

int cb_read_jsonl(const char *name, const char *buf, size_t n, const cb_ingest_opts *o,
                  cb_article_fn on_article, cb_problem_fn on_problem, void *ud) {
  size_t limit = record_limit(o), pos = 0;
  long lineno = 0, records = 0;
  int problems = 0, stop = 0;
  if (!name) name = "-";
  if (!buf) n = 0;
  if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) pos = 3;   /* a byte-order mark */
  while (pos < n && !stop) {
    const char *s = buf + pos, *nl = memchr(s, '\n', n - pos);
    size_t len = nl ? (size_t)(nl - s) : n - pos;
    pos += len + (nl ? 1 : 0);
    lineno++;
    if (len && s[len - 1] == '\r') len--;
    if (is_blank(s, len)) continue;
    records++;
    if (len > limit) {
      report(on_problem, ud, CB_ETOOBIG, name, lineno, "record is %zu bytes, over the limit of %zu bytes", len, limit);
      problems++;
      continue;
    }
    problems += one_line(name, s, len, lineno, on_article, on_problem, ud, &stop);
  }
  if (records == 0) {
    report(on_problem, ud, CB_EEMPTY, name, 0, "no JSON Lines records");
    problems++;
  }
  return problems;
}
