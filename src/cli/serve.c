/*
 * serve.c - `corroborate serve`: its options, the safety checks before listening (loopback
 * unless a token is given), and the life of the server: SIGTERM or SIGINT stops it after
 * the requests under way (an ingest finishes its transaction), exit 0.
 */
#include "cli/cli.h"
#include "cli/serve.h"
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void) {
  printf("usage: corroborate serve [options]\n\n"
         "Serves a small web app and a JSON API over the store: stories newest first with\n"
         "search by words, outlet and date; a story's brief; an article with its dropped\n"
         "boilerplate; paste or upload articles (stored, stories updated). docs/api.md\n"
         "describes the API.\n\n"
         "options:\n"
         "  --db PATH         the database\n"
         "  --port N          the port (default 8080; 0: any free port, printed)\n"
         "  --bind ADDR       the address to listen on (default 127.0.0.1); any other than\n"
         "                    a loopback address needs --token\n"
         "  --token T         writes (POST) need the header 'Authorization: Bearer T'\n"
         "                    (default: $CORROBORATE_TOKEN; none on loopback)\n"
         "  --max-body N      the largest request body, in bytes (default 8388608)\n"
         "  --write-rate N    writes a minute per client address (default 30; 0: no limit)\n"
         "  --threads N       a pool of N server threads (default 0: a thread per connection,\n"
         "                    at most 256); each thread has its own database handle\n\n"
         "It prints 'listening on http://ADDR:PORT/' on standard error once ready, and stops\n"
         "on SIGTERM or SIGINT.\n\n"
         "exit: 0 stopped by a signal; 2 usage error (or a non-loopback address without a\n"
         "      token); 3 the database or the port could not be opened\n");
}

static int is_loopback(const char *addr) {
  struct in_addr v4;
  struct in6_addr v6;
  if (inet_pton(AF_INET, addr, &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  if (inet_pton(AF_INET6, addr, &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return 0;
}

typedef struct serve_opts {
  const char *db, *bind, *token;
  long port, max_body, rate, threads;
} serve_opts;

static int number(const char *v, long lo, long hi, long *out, const char *name) {
  char *end;
  long x = strtol(v, &end, 10);
  if (!*v || *end || x < lo || x > hi) {
    cli_errorf("serve: the %s must be a number from %ld to %ld", name, lo, hi);
    return -1;
  }
  *out = x;
  return 0;
}

static int parse(int argc, char **argv, serve_opts *o) {
  const char *v;
  for (int i = 1; i < argc; i++) {
    int bad = 0;
    if ((v = cli_opt(argc, argv, &i, "--db"))) o->db = v;
    else if ((v = cli_opt(argc, argv, &i, "--bind"))) o->bind = v;
    else if ((v = cli_opt(argc, argv, &i, "--token"))) o->token = v;
    else if ((v = cli_opt(argc, argv, &i, "--port"))) bad = number(v, 0, 65535, &o->port, "port");
    else if ((v = cli_opt(argc, argv, &i, "--max-body"))) bad = number(v, 1, 1L << 30, &o->max_body, "size");
    else if ((v = cli_opt(argc, argv, &i, "--write-rate"))) bad = number(v, 0, 1000000, &o->rate, "rate");
    else if ((v = cli_opt(argc, argv, &i, "--threads"))) bad = number(v, 0, 256, &o->threads, "threads");
    else { cli_errorf("serve: unknown option '%s' (try --help)", argv[i]); return -1; }
    if (bad) return -1;
  }
  return 0;
}

static int check(serve_opts *o) {
  if (o->token && !*o->token) o->token = NULL;
  struct in6_addr any;
  if (inet_pton(AF_INET, o->bind, &any) != 1 && inet_pton(AF_INET6, o->bind, &any) != 1) {
    cli_errorf("serve: --bind needs an IPv4 or IPv6 address, not '%s'", o->bind);
    return -1;
  }
  if (!is_loopback(o->bind) && !o->token) {
    cli_errorf("serve: %s is not a loopback address: give --token (writes will need it)", o->bind);
    return -1;
  }
  return 0;
}

/* Opens (and migrates) the database once before listening. */
static int open_db(const char *db) {
  cb_error e;
  cb_store *s;
  if (cb_init(&e) || cb_store_open(db, &s, &e)) { cli_problem(&e); return -1; }
  cb_store_close(s);
  return 0;
}

static int run(cli_serve *sv, const serve_opts *o) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);   /* the server's threads inherit it */
  signal(SIGPIPE, SIG_IGN);
  int port = 0, sig = 0;
  struct MHD_Daemon *d = cli_serve_http_start(sv, o->bind, (int)o->port, (int)o->threads, &port);
  if (!d) { cli_errorf("serve: cannot listen on %s port %ld", o->bind, o->port); return CLI_FAIL; }
  int v6 = strchr(o->bind, ':') != NULL;
  fprintf(stderr, "corroborate serve: listening on http://%s%s%s:%d/ (database %s)\n", v6 ? "[" : "", o->bind,
          v6 ? "]" : "", port, sv->db);
  fflush(stderr);
  sigwait(&set, &sig);
  fprintf(stderr, "corroborate serve: stopping (%s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
  cli_serve_http_stop(d);
  return CLI_OK;
}

int cmd_serve(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { help(); return CLI_OK; }
  serve_opts o = {NULL, "127.0.0.1", getenv("CORROBORATE_TOKEN"), 8080, 8L << 20, 30, 0};
  if (parse(argc, argv, &o) || check(&o)) return CLI_USAGE;
  static cli_serve sv;
  sv.db = cli_db_path(o.db);
  sv.token = o.token;
  sv.max_body = (size_t)o.max_body;
  if (open_db(sv.db)) return CLI_FAIL;
  pthread_mutex_init(&sv.write_lock, NULL);
  cli_serve_limit_init(&sv.limit, (double)o.rate);
  cli_serve_cache_init(&sv.briefs);
  int rc = run(&sv, &o);
  cli_serve_cache_free(&sv.briefs);
  return rc;
}
