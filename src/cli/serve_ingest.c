/*
 * serve_ingest.c - POST /api/ingest of `corroborate serve`: one input in memory (pasted or
 * uploaded) stored with cb_store_ingest_buffer under the server's write lock (one writer at
 * a time; readers go on, SQLite WAL), then each article's story looked up.
 */
#include "cli/serve.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SERVE_MAX_REPORTED 100

typedef struct got { int64_t id; int added; int64_t story; char *title; } got;

typedef struct ingest_run {
  got v[SERVE_MAX_REPORTED];
  size_t n;
  cli_buf problems;
  long nproblems;
  char first[600];   /* the first problem */
} ingest_run;

static void on_stored(void *ud, const cb_stored *st) {
  ingest_run *r = ud;
  if (r->n >= SERVE_MAX_REPORTED) return;
  got *g = &r->v[r->n++];
  g->id = st->id;
  g->added = st->added;
  g->title = st->article && st->article->title ? strdup(st->article->title) : NULL;
}

static void on_problem(void *ud, const cb_error *e) {
  ingest_run *r = ud;
  if (!r->nproblems) snprintf(r->first, sizeof r->first, "no article could be read: %s", e->msg);
  if (r->nproblems++ >= SERVE_MAX_REPORTED) return;
  if (r->problems.len) cli_buf_append(&r->problems, ",", 1);
  cli_sb_json(&r->problems, e->msg);
}

static int on_group(void *ud, const cb_group_row *g) {
  ingest_run *r = ud;
  for (size_t i = 0; i < r->n; i++)
    if (r->v[i].id == g->article_id) r->v[i].story = g->story_id;
  return 0;
}

static void result_json(cli_buf *b, const ingest_run *run, const cb_ingest_stats *st) {
  cli_buf_printf(b, "{\"added\":%ld,\"known\":%ld,\"articles\":[", st->added, st->known);
  for (size_t i = 0; i < run->n; i++) {
    cli_buf_printf(b, "%s{\"id\":%lld,\"added\":%s,\"story\":%lld,\"title\":", i ? "," : "",
                  (long long)run->v[i].id, run->v[i].added ? "true" : "false", (long long)run->v[i].story);
    cli_sb_json(b, run->v[i].title);
    cli_buf_append(b, "}", 1);
  }
  cli_buf_puts(b, "],\"problems\":[");
  if (run->problems.len) cli_buf_append(b, run->problems.ptr, run->problems.len);
  cli_buf_puts(b, "]}\n");
}

/* Stores the input; 0 or a cb_ code (e). */
static int store_input(cli_serve *sv, cb_store *s, const cli_serve_params *p, const char *body,
                       size_t len, ingest_run *run, cb_ingest_stats *st, cb_error *e) {
  cb_store_ingest_opts o;
  cb_store_ingest_opts_init(&o);
  if (p->format[0] && strcmp(p->format, "auto")) cb_format_parse(p->format, &o.read.format);
  o.read.max_bytes = sv->max_body;
  o.jobs = 1;
  o.on_stored = on_stored;
  o.on_problem = on_problem;
  o.ud = run;
  char name[SERVE_MAX_FIELD + 32];
  if (p->name[0]) snprintf(name, sizeof name, "%s", p->name);
  else snprintf(name, sizeof name, "pasted-%lld", (long long)time(NULL));
  pthread_mutex_lock(&sv->write_lock);
  int rc = cb_store_ingest_buffer(s, name, body, len, &o, st, e);
  if (!rc && run->n) rc = cb_store_list_groups(s, 0, on_group, run, e);
  pthread_mutex_unlock(&sv->write_lock);
  return rc;
}

void cli_serve_ingest(cli_serve *sv, const cli_serve_params *p, const char *body, size_t len,
                      cli_serve_reply *r) {
  cb_error e;
  cb_store *s = cli_serve_store(sv, &e);
  if (!s) { cli_serve_error(r, 500, e.msg); return; }
  if (!len) { cli_serve_error(r, 400, "empty input: send the article as the request body"); return; }
  ingest_run *run = calloc(1, sizeof *run);
  if (!run) { cli_serve_error(r, 500, "out of memory"); return; }
  cb_ingest_stats st = {0};
  int rc = store_input(sv, s, p, body, len, run, &st, &e);
  if (rc) cli_serve_error(r, cli_serve_status_of(rc), e.msg);
  else if (!run->n) {
    cli_serve_error(r, 400, run->nproblems ? run->first : "no article in the input");
  } else {
    cli_buf b = {0};
    result_json(&b, run, &st);
    if (b.oom) { cli_buf_free(&b); cli_serve_error(r, 500, "out of memory"); }
    else { r->status = 200; r->body = b.ptr; r->len = b.len; r->type = "application/json"; }
  }
  for (size_t i = 0; i < run->n; i++) free(run->v[i].title);
  cli_buf_free(&run->problems);
  free(run);
}
