/*
 * test_serve_route.c - the request parsing of `corroborate serve` (src/cli/serve_route.c,
 * built into this test): routes and methods, strict IDs, the unescaping of paths (%00 kept),
 * parameters and their limits, form bodies, and the JSON escaping of serve_json.c.
 */
#include "cli/serve.h"
#include "test.h"
#include <stdlib.h>
#include <string.h>

static int route(const char *method, const char *path, cli_serve_kind *kind, int64_t *id) {
  cli_serve_route r;
  int status = cli_serve_route_parse(method, path, &r);
  *kind = r.kind;
  *id = r.id;
  return status;
}

static void test_routes(void) {
  cli_serve_kind k;
  int64_t id;
  CHECK_INT(route("GET", "/", &k, &id), 200);
  CHECK_INT(k, SERVE_APP_HTML);
  CHECK_INT(route("HEAD", "/app.js", &k, &id), 200);
  CHECK_INT(route("GET", "/api/search", &k, &id), 200);
  CHECK_INT(k, SERVE_API_STORIES);
  CHECK_INT(route("GET", "/api/stories/42", &k, &id), 200);
  CHECK_INT(k, SERVE_API_STORY);
  CHECK_INT(id, 42);
  CHECK_INT(route("GET", "/api/stories/42/brief", &k, &id), 200);
  CHECK_INT(k, SERVE_API_BRIEF);
  CHECK_INT(route("GET", "/stories/7/brief", &k, &id), 200);
  CHECK_INT(k, SERVE_BRIEF_HTML);
  CHECK_INT(route("GET", "/api/articles/9007199254740992", &k, &id), 200);
  CHECK_INT(route("POST", "/api/ingest", &k, &id), 200);
  CHECK_INT(k, SERVE_API_INGEST);
  CHECK_INT(route("GET", "/api/ingest", &k, &id), 405);
  CHECK_INT(route("POST", "/api/stories", &k, &id), 405);
  CHECK_INT(route("DELETE", "/api/articles/1", &k, &id), 405);
  const char *bad[] = {"/api/articles/0", "/api/articles/01", "/api/articles/-1", "/api/articles/+1",
                       "/api/articles/1/", "/api/articles/1x", "/api/articles/9007199254740993",
                       "/api/articles/12345678901234567", "/api/articles/../../etc/passwd",
                       "/api/articles/1/../2", "/stories/1", "/stories/1/brief/", "/etc/passwd",
                       "/app.js/", "//", "", "/api", "/api/stories/1/brief/x", NULL};
  for (int i = 0; bad[i]; i++) CHECK_INT(route("GET", bad[i], &k, &id), 404);
}

static void test_unescape(void) {
  char a[] = "/api/articles/%2e%2e/%2E%2E/x", b[] = "/api/articles/1%00", c[] = "%zz%4", d[] = "%41%";
  cli_serve_unescape(a);
  CHECK_STR(a, "/api/articles/../../x");
  CHECK_INT(cli_serve_unescape(b), strlen("/api/articles/1%00"));
  CHECK_STR(b, "/api/articles/1%00");
  cli_serve_unescape(c);
  CHECK_STR(c, "%zz%4");
  cli_serve_unescape(d);
  CHECK_STR(d, "A%");
}

static void test_params(void) {
  cli_serve_params p;
  char err[256];
  cli_serve_params_init(&p);
  CHECK_INT(p.limit, 50);
  const char *q = "q=ferry+%22varo%22&outlet=Ziwa%20Today&from=2026-03&to=2026-03-31&limit=10&offset=5";
  CHECK_INT(cli_serve_form(&p, q, strlen(q), NULL, NULL, err, sizeof err), 0);
  CHECK_STR(p.q, "ferry \"varo\"");
  CHECK_STR(p.outlet, "Ziwa Today");
  CHECK_STR(p.from, "2026-03");
  CHECK_INT(p.limit, 10);
  CHECK_INT(p.offset, 5);
  const char *bad[] = {"limit=0", "limit=201", "limit=1e3", "offset=-1", "from=2026-3", "to=2026-03-1x",
                       "format=pdf", "nope=1", "q=%zz", "q=a%00b", "text=x", NULL};
  for (int i = 0; bad[i]; i++) {
    cli_serve_params_init(&p);
    CHECK_INT(cli_serve_form(&p, bad[i], strlen(bad[i]), NULL, NULL, err, sizeof err), 400);
    CHECK(err[0] != 0);
  }
  char big[400] = "q=";
  memset(big + 2, 'a', 300);
  big[302] = 0;
  CHECK_INT(cli_serve_form(&p, big, strlen(big), NULL, NULL, err, sizeof err), 400);
}

static void test_form_text(void) {
  cli_serve_params p;
  cli_serve_params_init(&p);
  char err[256], *text = NULL;
  size_t len = 0;
  const char *body = "name=a.txt&text=Ferry+sinks%0A%0AThe+%3Cb%3Eferry%3C%2Fb%3E.&&format=text";
  CHECK_INT(cli_serve_form(&p, body, strlen(body), &text, &len, err, sizeof err), 0);
  CHECK_STR(text, "Ferry sinks\n\nThe <b>ferry</b>.");
  CHECK_INT(len, strlen("Ferry sinks\n\nThe <b>ferry</b>."));
  CHECK_STR(p.name, "a.txt");
  CHECK_STR(p.format, "text");
  free(text);
}

static void test_json(void) {
  cli_buf b = {0};
  cli_sb_json(&b, "<script>\"x\\\" & 'y'\n\x01 \xc3\xa9 \xff \xed\xa0\x80 \xe2\x80\x94");
  CHECK_STR(b.ptr, "\"\\u003cscript\\u003e\\\"x\\\\\\\" \\u0026 \\u0027y\\u0027\\u000a\\u0001 \xc3\xa9 \\ufffd "
                 "\\ufffd\\ufffd\\ufffd \xe2\x80\x94\"");
  cli_buf_free(&b);
  cli_sb_json(&b, NULL);
  CHECK_STR(b.ptr, "null");
  cli_buf_free(&b);
}

int main(void) {
  test_routes();
  test_unescape();
  test_params();
  test_form_text();
  test_json();
  return test_report();
}
