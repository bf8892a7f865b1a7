/*
 * serve_cache.c - the rendered briefs of `corroborate serve`, kept so that a story read often
 * is built once: keyed by story, format and the story's state (a hash of its articles, by
 * the caller), so a change to the story's articles, here or by another process, makes it
 * stale. A brief being built is built once: the other readers of it wait for it.
 */
#include "cli/serve.h"
#include <stdlib.h>
#include <string.h>

void cli_serve_cache_init(cli_serve_cache *c) {
  memset(c, 0, sizeof *c);
  pthread_mutex_init(&c->lock, NULL);
  pthread_cond_init(&c->built, NULL);
}

static int same(cli_serve_key a, cli_serve_key b) {
  return a.id == b.id && a.fmt == b.fmt && a.state == b.state;
}

static char *lookup(cli_serve_cache *c, cli_serve_key k, size_t *len) {
  for (int i = 0; i < SERVE_CACHE_SLOTS; i++) {
    struct cli_serve_cached *e = &c->slot[i];
    if (!e->body || !same(e->k, k)) continue;
    char *copy = malloc(e->len + 1);
    if (copy) { memcpy(copy, e->body, e->len + 1); *len = e->len; e->used = ++c->clock; }
    return copy;
  }
  return NULL;
}

/* The slot of the key's build under way, or -1. */
static int building(cli_serve_cache *c, cli_serve_key k) {
  for (int i = 0; i < SERVE_CACHE_SLOTS; i++)
    if (c->building[i].on && same(c->building[i].k, k)) return i;
  return -1;
}

char *cli_serve_cache_get(cli_serve_cache *c, cli_serve_key k, size_t *len) {
  pthread_mutex_lock(&c->lock);
  char *hit;
  while (!(hit = lookup(c, k, len)) && building(c, k) >= 0) pthread_cond_wait(&c->built, &c->lock);
  if (!hit)   /* this thread builds it (without a free slot, others may build it too) */
    for (int i = 0; i < SERVE_CACHE_SLOTS; i++)
      if (!c->building[i].on) { c->building[i].k = k; c->building[i].on = 1; break; }
  pthread_mutex_unlock(&c->lock);
  return hit;
}

static void put(cli_serve_cache *c, cli_serve_key k, char *copy, size_t len) {
  int victim = 0;
  for (int i = 0; i < SERVE_CACHE_SLOTS; i++) {
    if (!c->slot[i].body) { victim = i; break; }
    if (c->slot[i].used < c->slot[victim].used) victim = i;
  }
  struct cli_serve_cached *e = &c->slot[victim];
  free(e->body);
  *e = (struct cli_serve_cached){k, copy, len, ++c->clock};
}

void cli_serve_cache_done(cli_serve_cache *c, cli_serve_key k, const char *body, size_t len) {
  char *copy = body ? malloc(len + 1) : NULL;
  if (copy) { memcpy(copy, body, len); copy[len] = 0; }
  pthread_mutex_lock(&c->lock);
  if (copy) put(c, k, copy, len);
  int b = building(c, k);
  if (b >= 0) c->building[b].on = 0;
  pthread_cond_broadcast(&c->built);
  pthread_mutex_unlock(&c->lock);
}

void cli_serve_cache_free(cli_serve_cache *c) {
  for (int i = 0; i < SERVE_CACHE_SLOTS; i++) free(c->slot[i].body);
  pthread_cond_destroy(&c->built);
  pthread_mutex_destroy(&c->lock);
}
