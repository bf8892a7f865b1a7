/*
 * serve_route.c - the request parsing of `corroborate serve`, kept pure (no I/O, no state) so
 * that fuzz/fuzz_serve.c can feed it anything: the router (only known paths; IDs strictly
 * decimal; nothing is ever looked up on disk), query strings and form bodies, and the
 * checks of each parameter.
 */
#include "cli/serve.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERVE_MAX_ID 9007199254740992LL   /* 2^53: exact in JavaScript */

/* A strict ID: 1-16 digits, no leading zero, at most 2^53; the rest of the path after it
 * in *rest. 0 if none. */
static int64_t parse_id(const char *s, const char **rest) {
  int64_t v = 0;
  size_t n = 0;
  if (s[0] < '1' || s[0] > '9') return 0;
  while (s[n] >= '0' && s[n] <= '9') {
    if (++n > 16) return 0;
    v = v * 10 + (s[n - 1] - '0');
  }
  if (v > SERVE_MAX_ID) return 0;
  *rest = s + n;
  return v;
}

static int is_get(const char *m) { return !strcmp(m, "GET") || !strcmp(m, "HEAD"); }

static int set(cli_serve_route *r, cli_serve_kind k, int64_t id, int api, const char *method) {
  r->kind = k;
  r->id = id;
  r->api = api;
  r->write = k == SERVE_API_INGEST;
  r->allow = r->write ? "POST" : "GET, HEAD";
  int ok = r->write ? !strcmp(method, "POST") : is_get(method);
  return ok ? 200 : 405;
}

/* /stories/ID/brief, /api/stories/ID, /api/stories/ID/brief, /api/articles/ID */
static int route_id(const char *method, const char *path, cli_serve_route *r) {
  const char *rest = NULL;
  int64_t id;
  if (!strncmp(path, "/stories/", 9) && (id = parse_id(path + 9, &rest)) && !strcmp(rest, "/brief"))
    return set(r, SERVE_BRIEF_HTML, id, 0, method);
  if (!strncmp(path, "/api/stories/", 13) && (id = parse_id(path + 13, &rest))) {
    if (!*rest) return set(r, SERVE_API_STORY, id, 1, method);
    if (!strcmp(rest, "/brief")) return set(r, SERVE_API_BRIEF, id, 1, method);
  }
  if (!strncmp(path, "/api/articles/", 14) && (id = parse_id(path + 14, &rest)) && !*rest)
    return set(r, SERVE_API_ARTICLE, id, 1, method);
  return 404;
}

int cli_serve_route_parse(const char *method, const char *path, cli_serve_route *r) {
  memset(r, 0, sizeof *r);
  r->api = !strncmp(path, "/api/", 5) || !strcmp(path, "/api");
  if (!strcmp(path, "/") || !strcmp(path, "/index.html")) return set(r, SERVE_APP_HTML, 0, 0, method);
  if (!strcmp(path, "/app.js")) return set(r, SERVE_APP_JS, 0, 0, method);
  if (!strcmp(path, "/app.css")) return set(r, SERVE_APP_CSS, 0, 0, method);
  if (!strcmp(path, "/api/stories") || !strcmp(path, "/api/search"))
    return set(r, SERVE_API_STORIES, 0, 1, method);
  if (!strcmp(path, "/api/ingest")) return set(r, SERVE_API_INGEST, 0, 1, method);
  return route_id(method, path, r);
}

void cli_serve_params_init(cli_serve_params *p) {
  memset(p, 0, sizeof *p);
  p->limit = 50;
}

/* A decimal number lo..hi, nothing else; -1 if not. */
static long parse_long(const char *s, long lo, long hi) {
  long v = 0;
  if (!*s || strlen(s) > 9) return -1;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') return -1;
    v = v * 10 + (*s - '0');
  }
  return v >= lo && v <= hi ? v : -1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, digits where digits go. */
static int is_date(const char *s) {
  size_t n = strlen(s);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
  return 1;
}

static int copy(char *dst, size_t cap, const char *key, const char *v, char *err, size_t n) {
  if (strlen(v) >= cap) {
    snprintf(err, n, "parameter '%s' is too long (at most %zu bytes)", key, cap - 1);
    return 400;
  }
  memcpy(dst, v, strlen(v) + 1);
  return 0;
}

static int set_number(long *dst, const char *key, const char *v, long lo, long hi, char *err, size_t n) {
  long x = parse_long(v, lo, hi);
  if (x < 0) {
    snprintf(err, n, "parameter '%s' must be a number from %ld to %ld", key, lo, hi);
    return 400;
  }
  *dst = x;
  return 0;
}

static int set_date(char *dst, const char *key, const char *v, char *err, size_t n) {
  if (*v && !is_date(v)) {
    snprintf(err, n, "parameter '%s' must be YYYY, YYYY-MM or YYYY-MM-DD", key);
    return 400;
  }
  snprintf(dst, 11, "%s", v);
  return 0;
}

static int set_format(cli_serve_params *p, const char *v, char *err, size_t n) {
  static const char *const ok[] = {"auto", "text", "html", "jsonl", "warc", NULL};
  for (int i = 0; ok[i]; i++)
    if (!strcmp(v, ok[i])) { snprintf(p->format, sizeof p->format, "%s", v); return 0; }
  snprintf(err, n, "parameter 'format' must be auto, text, html, jsonl or warc");
  return 400;
}

int cli_serve_param(cli_serve_params *p, const char *key, const char *value, char *err, size_t n) {
  const char *v = value ? value : "";
  if (!strcmp(key, "q")) return copy(p->q, sizeof p->q, key, v, err, n);
  if (!strcmp(key, "outlet")) return copy(p->outlet, sizeof p->outlet, key, v, err, n);
  if (!strcmp(key, "name")) return copy(p->name, sizeof p->name, key, v, err, n);
  if (!strcmp(key, "from")) return set_date(p->from, key, v, err, n);
  if (!strcmp(key, "to")) return set_date(p->to, key, v, err, n);
  if (!strcmp(key, "limit")) return set_number(&p->limit, key, v, 1, 200, err, n);
  if (!strcmp(key, "offset")) return set_number(&p->offset, key, v, 0, 1000000, err, n);
  if (!strcmp(key, "format")) return set_format(p, v, err, n);
  snprintf(err, n, "unknown parameter '%.40s'", key);
  return 400;
}

static int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes s[0..n) (+ and %XX) into a new string; *out_len its length. NULL on OOM or on
 * a bad escape or a NUL byte (*bad set). */
static char *decode(const char *s, size_t n, size_t *out_len, int *bad) {
  char *o = malloc(n + 1);
  size_t k = 0;
  if (!o) return NULL;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '+') c = ' ';
    else if (c == '%') {
      int a = i + 1 < n ? hex(s[i + 1]) : -1, b = i + 2 < n ? hex(s[i + 2]) : -1;
      if (a < 0 || b < 0) { *bad = 1; free(o); return NULL; }
      c = (char)(a * 16 + b);
      i += 2;
    }
    if (c == 0) { *bad = 1; free(o); return NULL; }
    o[k++] = c;
  }
  o[k] = 0;
  *out_len = k;
  return o;
}

size_t cli_serve_unescape(char *s) {
  size_t k = 0;
  for (size_t i = 0; s[i]; i++) {
    int a = s[i] == '%' && s[i + 1] ? hex(s[i + 1]) : -1, b = a >= 0 && s[i + 2] ? hex(s[i + 2]) : -1;
    if (a >= 0 && b >= 0 && (a || b)) { s[k++] = (char)(a * 16 + b); i += 2; }
    else s[k++] = s[i];
  }
  s[k] = 0;
  return k;
}

/* One key=value pair of a form. */
static int form_pair(cli_serve_params *p, const char *s, size_t len, char **text, size_t *text_len,
                     char *err, size_t n) {
  const char *eq = memchr(s, '=', len);
  size_t klen = eq ? (size_t)(eq - s) : len, vlen = eq ? len - klen - 1 : 0, kl = 0, vl = 0;
  int bad = 0;
  char *k = decode(s, klen, &kl, &bad), *v = k ? decode(eq ? eq + 1 : s + len, vlen, &vl, &bad) : NULL;
  int rc = 0;
  if (!k || !v) {
    snprintf(err, n, bad ? "bad %%-escape or NUL byte in the parameters" : "out of memory");
    rc = bad ? 400 : 500;
  } else if (text && !strcmp(k, "text")) {
    free(*text);
    *text = v;
    *text_len = vl;
    v = NULL;
  } else rc = cli_serve_param(p, k, v, err, n);
  free(k);
  free(v);
  return rc;
}

int cli_serve_form(cli_serve_params *p, const char *s, size_t len, char **text, size_t *text_len,
                   char *err, size_t n) {
  size_t i = 0;
  while (i < len) {
    const char *amp = memchr(s + i, '&', len - i);
    size_t end = amp ? (size_t)(amp - s) : len;
    if (end > i) {
      int rc = form_pair(p, s + i, end - i, text, text_len, err, n);
      if (rc) return rc;
    }
    i = end + 1;
  }
  return 0;
}
