/*
 * serve_api.c - the JSON API of `corroborate serve` (docs/api.md): stories newest first with
 * search, one story with its articles, one article with its dropped boilerplate, a story's
 * brief, and ingest (one input at a time, under the server's write lock).
 */
#include "cli/serve.h"
#include <stdlib.h>
#include <string.h>

#define SERVE_MAX_MEMBERS 500

void cli_serve_error(cli_serve_reply *r, int status, const char *msg) {
  cli_buf b = {0};
  cli_buf_puts(&b, "{\"error\":");
  cli_sb_json(&b, msg);
  cli_buf_puts(&b, "}\n");
  r->status = status;
  r->body = b.ptr;
  r->len = b.len;
  r->type = "application/json";
}

int cli_serve_status_of(int code) {
  switch (code) {
  case CB_ENOTFOUND: return 404;
  case CB_ETOOBIG: return 413;
  case CB_EEMPTY: case CB_EBINARY: case CB_EUTF8: case CB_EPARSE: case CB_EUSAGE: return 400;
  default: return 500;
  }
}

static void reply_json(cli_serve_reply *r, cli_buf *b) {
  if (b->oom) { cli_buf_free(b); cli_serve_error(r, 500, "out of memory"); return; }
  r->status = 200;
  r->body = b->ptr;
  r->len = b->len;
  r->type = "application/json";
}

static void story_json(cli_buf *b, const cb_story_row *s) {
  cli_buf_printf(b, "{\"id\":%lld,\"headline\":", (long long)s->id);
  cli_sb_json(b, s->headline);
  cli_sb_key(b, "first", 0);
  cli_sb_json(b, s->first);
  cli_sb_key(b, "last", 0);
  cli_sb_json(b, s->last);
  cli_buf_printf(b, ",\"articles\":%ld,\"outlets\":%ld,\"duplicates\":%ld}", s->articles, s->outlets,
                s->duplicates);
}

typedef struct listing { cli_buf *b; long n; } listing;

static int on_story(void *ud, const cb_story_row *s) {
  listing *l = ud;
  if (l->n++) cli_buf_append(l->b, ",", 1);
  story_json(l->b, s);
  return l->b->oom;
}

void cli_serve_stories(cli_serve *sv, const cli_serve_params *p, cli_serve_reply *r) {
  cb_error e;
  cb_store *s = cli_serve_store(sv, &e);
  if (!s) { cli_serve_error(r, 500, e.msg); return; }
  cb_search_opts o;
  cb_search_opts_init(&o);
  o.words = p->q;
  o.outlet = p->outlet;
  o.from = p->from;
  o.to = p->to;
  o.limit = p->limit;
  o.offset = p->offset;
  cli_buf b = {0};
  listing l = {&b, 0};
  cli_buf_puts(&b, "{\"stories\":[");
  if (cb_store_search(s, &o, on_story, &l, &e)) {
    cli_buf_free(&b);
    cli_serve_error(r, 500, e.msg);
    return;
  }
  cli_buf_printf(&b, "],\"count\":%ld,\"limit\":%ld,\"offset\":%ld,\"q\":", l.n, p->limit, p->offset);
  cli_sb_json(&b, p->q);
  cli_buf_puts(&b, "}\n");
  reply_json(r, &b);
}

typedef struct one_story { int64_t id; cli_buf *b; int found; } one_story;

static int on_story_id(void *ud, const cb_story_row *s) {
  one_story *o = ud;
  if (s->id != o->id) return 0;
  story_json(o->b, s);
  o->found = 1;
  return 1;
}

typedef struct members { cb_group_row v[SERVE_MAX_MEMBERS]; size_t n; } members;

static int on_member(void *ud, const cb_group_row *g) {
  members *m = ud;
  if (m->n < SERVE_MAX_MEMBERS) m->v[m->n++] = *g;
  return m->n >= SERVE_MAX_MEMBERS;
}

static void member_json(cli_buf *b, const cb_group_row *g, const cb_article *a) {
  cli_buf_printf(b, "{\"id\":%lld,\"title\":", (long long)g->article_id);
  cli_sb_json(b, a ? a->title : NULL);
  cli_sb_key(b, "outlet", 0);
  cli_sb_json(b, a ? a->outlet : NULL);
  cli_sb_key(b, "published", 0);
  cli_sb_json(b, a && a->published[0] ? a->published : NULL);
  cli_buf_printf(b, ",\"duplicate_of\":%lld,\"similarity\":%.3f}", (long long)g->duplicate_of,
                g->similarity);
}

/* The story's articles, as "articles":[...] after its row (the row's last } is reopened). */
static int story_members(cb_store *s, int64_t id, cli_buf *b, cb_error *e) {
  members *m = calloc(1, sizeof *m);
  if (!m) { cb_error_set(e, CB_ENOMEM, "", 0, "out of memory"); return CB_ENOMEM; }
  int rc = cb_store_list_groups(s, id, on_member, m, e);
  if (!b->oom && b->len) b->len--;   /* the row's closing brace */
  cli_buf_puts(b, ",\"members\":[");
  for (size_t i = 0; !rc && i < m->n; i++) {
    cb_article *a = NULL;
    if (cb_store_get_article(s, m->v[i].article_id, &a, e)) a = NULL;
    if (i) cli_buf_append(b, ",", 1);
    member_json(b, &m->v[i], a);
    cb_article_free(a);
  }
  cli_buf_puts(b, "]}\n");
  free(m);
  return rc;
}

void cli_serve_story(cli_serve *sv, int64_t id, cli_serve_reply *r) {
  cb_error e;
  cb_store *s = cli_serve_store(sv, &e);
  if (!s) { cli_serve_error(r, 500, e.msg); return; }
  cli_buf b = {0};
  one_story o = {id, &b, 0};
  int rc = cb_store_list_stories(s, on_story_id, &o, &e);
  if (!rc && !o.found) { cli_buf_free(&b); cli_serve_error(r, 404, "no such story"); return; }
  if (!rc) rc = story_members(s, id, &b, &e);
  if (rc) { cli_buf_free(&b); cli_serve_error(r, cli_serve_status_of(rc), e.msg); return; }
  reply_json(r, &b);
}

void cli_serve_article(cli_serve *sv, int64_t id, cli_serve_reply *r) {
  cb_error e;
  cb_store *s = cli_serve_store(sv, &e);
  if (!s) { cli_serve_error(r, 500, e.msg); return; }
  cb_article *a = NULL;
  char *json = NULL;
  size_t len = 0;
  int rc = cb_store_get_article(s, id, &a, &e);
  if (!rc) rc = cb_article_to_json(a, id, &json, &len, &e);
  cb_article_free(a);
  if (rc) {
    cli_serve_error(r, cli_serve_status_of(rc), rc == CB_ENOTFOUND ? "no such article" : e.msg);
    return;
  }
  cli_buf b = {0};
  cli_buf_append(&b, json, len);
  cb_free(json);
  reply_json(r, &b);
}

static int on_hash_member(void *ud, const cb_group_row *g) {
  uint64_t *h = ud;
  int64_t v[2] = {g->article_id, g->duplicate_of};
  const unsigned char *p = (const unsigned char *)v;
  for (size_t i = 0; i < sizeof v; i++) *h = (*h ^ p[i]) * 1099511628211ULL;
  return 0;
}

/* The story's state for the cache: a hash of its articles (and which copies which), so the
 * brief is rebuilt only when its own articles change, whoever changed the store. */
static int64_t state_of(cb_store *s, int64_t id) {
  uint64_t h = 14695981039346656037ULL;
  cb_error e;
  if (cb_store_list_groups(s, id, on_hash_member, &h, &e)) return -1;
  return (int64_t)(h >> 1);
}

static void reply_brief(cli_serve_reply *r, char *body, size_t len, cb_render_format f) {
  r->status = 200;
  r->body = body;
  r->len = len;
  r->type = f == CB_RENDER_HTML ? "text/html; charset=utf-8" : "application/json";
}

void cli_serve_brief(cli_serve *sv, int64_t id, cb_render_format f, cli_serve_reply *r) {
  cb_error e;
  cb_store *s = cli_serve_store(sv, &e);
  if (!s) { cli_serve_error(r, 500, e.msg); return; }
  cli_serve_key k = {id, (int)f, state_of(s, id)};
  size_t len = 0;
  char *hit = cli_serve_cache_get(&sv->briefs, k, &len);
  if (hit) { reply_brief(r, hit, len, f); return; }
  cb_brief *br = NULL;
  char *out = NULL;
  cb_render_opts o;
  cb_render_opts_init(&o);
  o.format = f;
  int rc = cb_store_brief(s, id, &br, &e);
  if (!rc) rc = cb_brief_render(br, &o, &out, &len, &e);
  cb_brief_free(br);
  cli_serve_cache_done(&sv->briefs, k, rc ? NULL : out, len);
  if (rc) {
    cli_serve_error(r, cli_serve_status_of(rc), rc == CB_ENOTFOUND ? "no such story" : e.msg);
    return;
  }
  char *body = malloc(len + 1);
  if (body) { memcpy(body, out, len); body[len] = 0; reply_brief(r, body, len, f); }
  else cli_serve_error(r, 500, "out of memory");
  cb_free(out);
}
