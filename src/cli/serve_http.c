/*
 * serve_http.c - the HTTP side of `corroborate serve` on libmicrohttpd: a thread pool, each
 * thread with its own cb_store; per request the route, its parameters, the token and rate
 * checks of writes, the body size limit, then the handler and the security headers.
 */
#include "cli/serve.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define SERVE_CSP "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; " \
                  "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
/* the brief carries its own policy (no network, only its own inline script and style) */
#define SERVE_CSP_BRIEF "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

typedef struct serve_req {
  cli_serve_route route;
  cli_serve_params params;
  cli_buf body;
  int status;          /* an answer decided before the body (4xx), else 0 */
  char err[256];
  int retry;           /* 429: seconds */
  int form;            /* the body is application/x-www-form-urlencoded */
  int answered;
} serve_req;

static void close_store(void *p) { cb_store_close(p); }

cb_store *cli_serve_store(cli_serve *sv, cb_error *e) {
  cb_store *s = pthread_getspecific(sv->store_key);
  if (s) return s;
  if (cb_store_open(sv->db, &s, e)) return NULL;
  pthread_setspecific(sv->store_key, s);
  return s;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, serve_req *q, cli_serve_reply *r) {
  struct MHD_Response *res = MHD_create_response_from_buffer_with_free_callback(r->len, r->body, free);
  if (!res) { free(r->body); return MHD_NO; }
  int brief = q->route.kind == SERVE_BRIEF_HTML && r->status == 200;
  MHD_add_response_header(res, "Content-Type", r->type ? r->type : "application/json");
  MHD_add_response_header(res, "Content-Security-Policy", brief ? SERVE_CSP_BRIEF : SERVE_CSP);
  MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(res, "X-Frame-Options", "DENY");
  MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(res, "Cache-Control", "no-store");
  if (r->status == 405) MHD_add_response_header(res, "Allow", q->route.allow);
  if (r->status == 401) MHD_add_response_header(res, "WWW-Authenticate", "Bearer");
  if (r->status == 429) {
    char s[16];
    snprintf(s, sizeof s, "%d", q->retry);
    MHD_add_response_header(res, "Retry-After", s);
  }
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, res);
  MHD_destroy_response(res);
  q->answered = 1;
  return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, serve_req *q, int status, const char *msg) {
  cli_serve_reply r = {0};
  cli_serve_error(&r, status, msg);
  if (!r.body) return MHD_NO;
  return send_reply(c, q, &r);
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  serve_req *q = cls;
  if (q->status) return MHD_NO;
  if (cli_serve_param(&q->params, key, value, q->err, sizeof q->err)) q->status = 400;
  return q->status ? MHD_NO : MHD_YES;
}

static int token_ok(cli_serve *sv, struct MHD_Connection *c) {
  if (!sv->token) return 1;
  const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
  if (!h || strncmp(h, "Bearer ", 7)) return 0;
  h += 7;
  size_t n = strlen(sv->token), m = strlen(h);
  unsigned diff = (unsigned)(n ^ m);
  for (size_t i = 0; i < n; i++) diff |= (unsigned char)sv->token[i] ^ (unsigned char)(i < m ? h[i] : 0);
  return diff == 0;
}

static void client_of(struct MHD_Connection *c, char *who, size_t n) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  snprintf(who, n, "?");
  if (!ci || !ci->client_addr) return;
  const struct sockaddr *sa = ci->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, who, (socklen_t)n);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, who, (socklen_t)n);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The checks of a write before its body: token, rate, declared size, body type. */
static void check_write(cli_serve *sv, struct MHD_Connection *c, serve_req *q) {
  char who[64];
  const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
  const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
  q->form = ct && !strncmp(ct, "application/x-www-form-urlencoded", 33);
  if (!token_ok(sv, c)) {
    q->status = 401;
    snprintf(q->err, sizeof q->err, "a valid token is needed to write");
    return;
  }
  client_of(c, who, sizeof who);
  if (!cli_serve_limit_take(&sv->limit, who, now_s(), &q->retry)) {
    q->status = 429;
    snprintf(q->err, sizeof q->err, "too many writes: try again in %d s", q->retry);
  } else if (cl && strtoull(cl, NULL, 10) > sv->max_body) {
    q->status = 413;
    snprintf(q->err, sizeof q->err, "request body over the limit of %zu bytes", sv->max_body);
  }
}

static enum MHD_Result begin(cli_serve *sv, struct MHD_Connection *c, const char *url, const char *method,
                             serve_req *q) {
  cli_serve_params_init(&q->params);
  int status = cli_serve_route_parse(method, url, &q->route);
  if (status == 404) return send_error(c, q, 404, "no such page");
  if (status == 405) return send_error(c, q, 405, "method not allowed");
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, on_arg, q);
  if (!q->status && q->route.write) check_write(sv, c, q);
  if (q->status) return send_error(c, q, q->status, q->err);
  return MHD_YES;
}

/* The ingest body: raw (the article itself) or a form with a field "text". */
static void ingest(cli_serve *sv, serve_req *q, cli_serve_reply *r) {
  if (!q->form) { cli_serve_ingest(sv, &q->params, q->body.ptr ? q->body.ptr : "", q->body.len, r); return; }
  char *text = NULL;
  size_t len = 0;
  char err[256];
  int rc = cli_serve_form(&q->params, q->body.ptr ? q->body.ptr : "", q->body.len, &text, &len, err, sizeof err);
  if (rc) cli_serve_error(r, rc, err);
  else cli_serve_ingest(sv, &q->params, text ? text : "", len, r);
  free(text);
}

static enum MHD_Result finish(cli_serve *sv, struct MHD_Connection *c, serve_req *q) {
  cli_serve_reply r = {0};
  int64_t id = q->route.id;
  switch (q->route.kind) {
  case SERVE_APP_HTML: case SERVE_APP_JS: case SERVE_APP_CSS: cli_serve_app(q->route.kind, &r); break;
  case SERVE_BRIEF_HTML: cli_serve_brief(sv, id, CB_RENDER_HTML, &r); break;
  case SERVE_API_STORIES: cli_serve_stories(sv, &q->params, &r); break;
  case SERVE_API_STORY: cli_serve_story(sv, id, &r); break;
  case SERVE_API_BRIEF: cli_serve_brief(sv, id, CB_RENDER_JSON, &r); break;
  case SERVE_API_ARTICLE: cli_serve_article(sv, id, &r); break;
  case SERVE_API_INGEST: ingest(sv, q, &r); break;
  default: cli_serve_error(&r, 404, "no such page");
  }
  if (!r.body) return MHD_NO;
  return send_reply(c, q, &r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size,
                                  void **con_cls) {
  cli_serve *sv = cls;
  serve_req *q = *con_cls;
  if (!q) {
    if (!(q = calloc(1, sizeof *q))) return MHD_NO;
    *con_cls = q;
    return begin(sv, c, url, method, q);
  }
  if (q->answered) { *upload_size = 0; return MHD_YES; }
  if (*upload_size) {
    if (q->body.len + *upload_size > sv->max_body) q->status = 413;
    else cli_buf_append(&q->body, upload, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  if (q->status == 413) return send_error(c, q, 413, "request body over the size limit");
  if (q->body.oom) return send_error(c, q, 500, "out of memory");
  return finish(sv, c, q);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  serve_req *q = *con_cls;
  if (!q) return;
  cli_buf_free(&q->body);
  free(q);
  *con_cls = NULL;
}

static size_t on_unescape(void *cls, struct MHD_Connection *c, char *s) { return cli_serve_unescape(s); }

/* addr as a socket address (IPv4 or IPv6); 0 ok. */
static int sock_addr(const char *addr, int port, struct sockaddr_storage *ss) {
  memset(ss, 0, sizeof *ss);
  struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
  struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
  if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons((uint16_t)port);
    return 0;
  }
  if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons((uint16_t)port);
    return 0;
  }
  return -1;
}

struct MHD_Daemon *cli_serve_http_start(cli_serve *sv, const char *addr, int port, int threads,
                                        int *bound) {
  struct sockaddr_storage ss;
  if (sock_addr(addr, port, &ss)) return NULL;
  if (pthread_key_create(&sv->store_key, close_store)) return NULL;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
  if (threads <= 0) flags |= MHD_USE_THREAD_PER_CONNECTION;
  if (ss.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  struct MHD_OptionItem pool[] = {{MHD_OPTION_THREAD_POOL_SIZE, threads, NULL}, {MHD_OPTION_END, 0, NULL}};
  struct MHD_Daemon *d = MHD_start_daemon(
      flags, (uint16_t)port, NULL, NULL, on_request, sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)256, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)128,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_NOTIFY_COMPLETED, on_completed, sv,
      MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, sv, MHD_OPTION_ARRAY, threads > 0 ? pool : pool + 1,
      MHD_OPTION_END);
  if (!d) return NULL;
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  *bound = di ? di->port : port;
  return d;
}

void cli_serve_http_stop(struct MHD_Daemon *d) { MHD_stop_daemon(d); }
