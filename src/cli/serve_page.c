/*
 * serve_page.c - the web app of `corroborate serve`: its page, script and style, embedded
 * in the binary from src/cli/serve_app/ (cmake/embed_app.cmake); nothing is read from disk.
 */
#include "cli/serve.h"
#include <stdlib.h>
#include <string.h>

void cli_serve_app(cli_serve_kind kind, cli_serve_reply *r) {
  const char *name = kind == SERVE_APP_JS ? "app.js" : kind == SERVE_APP_CSS ? "app.css" : "index.html";
  size_t len = 0;
  const char *data = cli_serve_app_get(name, &len);
  char *copy = data ? malloc(len + 1) : NULL;
  if (!copy) { cli_serve_error(r, 500, data ? "out of memory" : "the web app is missing"); return; }
  memcpy(copy, data, len + 1);
  r->status = 200;
  r->body = copy;
  r->len = len;
  r->type = kind == SERVE_APP_JS ? "text/javascript; charset=utf-8"
          : kind == SERVE_APP_CSS ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
}
