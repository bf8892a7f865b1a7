/*
 * fuzz_serve.c - the request parsing of `corroborate serve` (src/cli/serve_route.c) and its
 * JSON escaping (serve_json.c). Input: "METHOD PATH\nQUERY\nBODY": the path is unescaped as
 * the server does and routed, the query and the body parsed as forms (the body's "text"
 * field kept), and every parsed string escaped as JSON. Checks: a route is 200, 404 or 405
 * and only a known kind with an ID in range; parameters within their limits; the JSON has no
 * raw control byte, <, > or &, and is valid UTF-8.
 */
#include "cli/serve.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* not MUST(): the harnesses are built with NDEBUG (RelWithDebInfo) */
#define MUST(cond) do { if (!(cond)) abort(); } while (0)

static void check_json(const char *s) {
  cli_buf b = {0};
  cli_sb_json(&b, s);
  if (b.oom) return;
  MUST(b.len >= 2 && b.ptr[0] == '"' && b.ptr[b.len - 1] == '"');
  for (size_t i = 0; i < b.len; i++) {
    unsigned char c = (unsigned char)b.ptr[i];
    MUST(c >= 0x20 && c != '<' && c != '>' && c != '&' && c != 0x7F);
  }
  cli_buf_free(&b);
}

static void check_params(const cli_serve_params *p) {
  MUST(strlen(p->q) <= SERVE_MAX_WORDS && strlen(p->outlet) <= SERVE_MAX_FIELD);
  MUST(p->limit >= 1 && p->limit <= 200 && p->offset >= 0 && p->offset <= 1000000);
  MUST(strlen(p->from) <= 10 && strlen(p->to) <= 10);
  check_json(p->q);
  check_json(p->outlet);
  check_json(p->name);
}

static char *part(const uint8_t *d, size_t n, size_t *pos) {
  size_t start = *pos;
  while (*pos < n && d[*pos] != '\n') (*pos)++;
  char *s = malloc(*pos - start + 1);
  if (!s) abort();
  memcpy(s, d + start, *pos - start);
  s[*pos - start] = 0;
  if (*pos < n) (*pos)++;
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  size_t pos = 0;
  char *line = part(d, n, &pos), *query = part(d, n, &pos);
  char *sp = strchr(line, ' ');
  const char *method = sp ? line : "GET", *path = sp ? sp + 1 : line;
  if (sp) *sp = 0;
  char *p = strdup(path);
  if (!p) abort();
  cli_serve_unescape(p);
  cli_serve_route r;
  int status = cli_serve_route_parse(method, p, &r);
  MUST(status == 200 || status == 404 || status == 405);
  if (status != 404) MUST(r.kind > SERVE_NONE && r.kind <= SERVE_API_INGEST && r.allow);
  MUST(r.id >= 0 && r.id <= 9007199254740992LL);
  cli_serve_params prm;
  cli_serve_params_init(&prm);
  char err[256];
  if (cli_serve_form(&prm, query, strlen(query), NULL, NULL, err, sizeof err) == 0) check_params(&prm);
  else check_json(err);
  char *text = NULL;
  size_t tlen = 0;
  cli_serve_params_init(&prm);
  if (cli_serve_form(&prm, (const char *)d + pos, n - pos, &text, &tlen, err, sizeof err) == 0) {
    check_params(&prm);
    if (text) { MUST(strlen(text) == tlen); check_json(text); }
  }
  free(text);
  free(p);
  free(line);
  free(query);
  return 0;
}
