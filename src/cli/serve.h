/*
 * serve.h - what the files of `corroborate serve` share: the request router and parameter
 * parser (serve_route.c, pure, fuzzed), a growable text buffer with JSON escaping
 * (serve_json.c), the write rate limiter (serve_limit.c), the handlers of the routes
 * (serve_api.c, serve_ingest.c, serve_page.c), the brief cache (serve_cache.c), the HTTP
 * glue (serve_http.c) and the embedded web app.
 */
#ifndef CB_CLI_SERVE_H
#define CB_CLI_SERVE_H
#include "corroborate.h"
#include "cli/out.h"
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* ---- routes (serve_route.c) ---------------------------------------------------------- */
typedef enum cli_serve_kind {
  SERVE_NONE = 0,
  SERVE_APP_HTML,       /* GET /                          the web app */
  SERVE_APP_JS,         /* GET /app.js */
  SERVE_APP_CSS,        /* GET /app.css */
  SERVE_BRIEF_HTML,     /* GET /stories/ID/brief          the HTML brief of a story */
  SERVE_API_STORIES,    /* GET /api/stories, /api/search  stories, newest first, filtered */
  SERVE_API_STORY,      /* GET /api/stories/ID            a story and its articles */
  SERVE_API_BRIEF,      /* GET /api/stories/ID/brief      the JSON brief of a story */
  SERVE_API_ARTICLE,    /* GET /api/articles/ID           an article, with dropped boilerplate */
  SERVE_API_INGEST      /* POST /api/ingest               store articles, regroup */
} cli_serve_kind;

typedef struct cli_serve_route {
  cli_serve_kind kind;
  int64_t id;           /* the ID of the path, else 0 */
  int write;            /* 1: a write (needs the token when one is set, rate limited) */
  int api;              /* 1: errors as JSON */
  const char *allow;    /* the methods the path allows (405) */
} cli_serve_route;

/* Routes METHOD PATH (no query string). Returns 200, 404 (no such path) or 405 (r->allow
 * says what is allowed). IDs are decimal, 1 to 2^53, no sign, no leading zero. */
int cli_serve_route_parse(const char *method, const char *path, cli_serve_route *r);

/* Decodes %XX in place (the URL path and query arguments), except %00 and bad escapes,
 * which stay as written; returns the new length. */
size_t cli_serve_unescape(char *s);

#define SERVE_MAX_WORDS 256
#define SERVE_MAX_FIELD 200
typedef struct cli_serve_params {
  char q[SERVE_MAX_WORDS + 1];
  char outlet[SERVE_MAX_FIELD + 1];
  char from[11], to[11];          /* YYYY, YYYY-MM or YYYY-MM-DD */
  long limit, offset;             /* limit 1..200 (default 50), offset 0..10^6 */
  char name[SERVE_MAX_FIELD + 1]; /* ingest: what the pasted input is called */
  char format[8];                 /* ingest: auto (default), text, html, jsonl, warc */
} cli_serve_params;

void cli_serve_params_init(cli_serve_params *p);
/* Sets one parameter from its decoded value; 0, or 400 with err filled. */
int cli_serve_param(cli_serve_params *p, const char *key, const char *value, char *err, size_t n);
/* Parses a query string or an application/x-www-form-urlencoded body (a=1&b=2, + and %XX
 * decoded). The field "text" (a form's article) goes to *text (malloc'd, NUL-terminated;
 * text may be NULL when none is allowed), the others to cli_serve_param. 0 or 400. */
int cli_serve_form(cli_serve_params *p, const char *s, size_t len, char **text, size_t *text_len,
                   char *err, size_t n);

/* ---- JSON into the command line's text buffer (serve_json.c; the buffer: out.h) ---------- */
/* s as a JSON string (null for NULL): <, >, & and controls as \u escapes, bad UTF-8 as U+FFFD. */
void cli_sb_json(cli_buf *b, const char *s);
/* "key": and the value; a comma first unless it opens the object (first). */
void cli_sb_key(cli_buf *b, const char *key, int first);

/* ---- write rate limit (serve_limit.c) ------------------------------------------------ */
#define SERVE_LIMIT_SLOTS 256
typedef struct cli_serve_limit {
  pthread_mutex_t lock;
  double per_minute;                       /* 0: no limit */
  struct { char who[64]; double tokens, at; } slot[SERVE_LIMIT_SLOTS];
} cli_serve_limit;
void cli_serve_limit_init(cli_serve_limit *l, double per_minute);
/* 1 if the client may write now (takes a token), 0 if over its rate; *retry: seconds to wait. */
int cli_serve_limit_take(cli_serve_limit *l, const char *who, double now, int *retry);

/* ---- rendered briefs (serve_cache.c) ------------------------------------------------- */
#define SERVE_CACHE_SLOTS 64
typedef struct cli_serve_key { int64_t id; int fmt; int64_t state; } cli_serve_key;
typedef struct cli_serve_cache {
  pthread_mutex_t lock;
  pthread_cond_t built;
  unsigned long clock;
  struct cli_serve_cached { cli_serve_key k; char *body; size_t len; unsigned long used; }
      slot[SERVE_CACHE_SLOTS];
  struct { cli_serve_key k; int on; } building[SERVE_CACHE_SLOTS];   /* renderings under way */
} cli_serve_cache;
void cli_serve_cache_init(cli_serve_cache *c);
/* A malloc'd copy of the cached rendering; else NULL, and the caller is to build it and
 * then call cli_serve_cache_done (with the rendering, or NULL if it failed). While one
 * thread builds a key, the others asking for it wait for it rather than build it too. */
char *cli_serve_cache_get(cli_serve_cache *c, cli_serve_key k, size_t *len);
void cli_serve_cache_done(cli_serve_cache *c, cli_serve_key k, const char *body, size_t len);
void cli_serve_cache_free(cli_serve_cache *c);

/* ---- the server (serve.c, serve_http.c) ---------------------------------------------- */
typedef struct cli_serve {
  const char *db;
  const char *token;            /* NULL: writes need none (loopback only) */
  size_t max_body;
  pthread_mutex_t write_lock;   /* one ingest at a time */
  pthread_key_t store_key;      /* each server thread's own cb_store */
  cli_serve_limit limit;
  cli_serve_cache briefs;
} cli_serve;

/* A response: body (malloc'd, freed with free) of type, with a status. */
typedef struct cli_serve_reply { int status; char *body; size_t len; const char *type; } cli_serve_reply;
/* The thread's store, opened on first use; NULL (and e) if it cannot be opened. */
cb_store *cli_serve_store(cli_serve *sv, cb_error *e);
/* Fills r with {"error": msg} and status. */
void cli_serve_error(cli_serve_reply *r, int status, const char *msg);
/* The HTTP status for a cb_ error code. */
int cli_serve_status_of(int code);

/* Handlers (serve_api.c, serve_page.c); each fills r. */
void cli_serve_stories(cli_serve *sv, const cli_serve_params *p, cli_serve_reply *r);
void cli_serve_story(cli_serve *sv, int64_t id, cli_serve_reply *r);
void cli_serve_brief(cli_serve *sv, int64_t id, cb_render_format f, cli_serve_reply *r);
void cli_serve_article(cli_serve *sv, int64_t id, cli_serve_reply *r);
void cli_serve_ingest(cli_serve *sv, const cli_serve_params *p, const char *body, size_t len,
                      cli_serve_reply *r);
void cli_serve_app(cli_serve_kind kind, cli_serve_reply *r);

/* Starts the HTTP daemon on addr:port (threads: its pool); NULL on failure. *bound gets the
 * port bound (port 0: any free one). Stop it with cli_serve_http_stop. */
struct MHD_Daemon;
struct MHD_Daemon *cli_serve_http_start(cli_serve *sv, const char *addr, int port, int threads,
                                        int *bound);
void cli_serve_http_stop(struct MHD_Daemon *d);

/* The embedded files of src/cli/serve_app/ (generated by cmake/embed_app.cmake). */
const char *cli_serve_app_get(const char *name, size_t *len);
#endif
