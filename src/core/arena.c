/*
 * arena.c - bump allocation for records whose lifetimes end together (an article, a
 * report). Chunks grow geometrically; nothing is freed until the whole arena is.
 */
#include "corroborate.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk { struct chunk *next; size_t cap, used; unsigned char data[]; } chunk;

struct cb_arena { chunk *head; size_t chunk_size; size_t total; };

cb_arena *cb_arena_new(size_t chunk_size) {
  cb_arena *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
  return a;
}

void cb_arena_free(cb_arena *a) {
  if (!a) return;
  chunk *c = a->head;
  while (c) { chunk *n = c->next; free(c); c = n; }
  free(a);
}

void *cb_arena_alloc(cb_arena *a, size_t n) {
  if (!a) return NULL;
  size_t need = (n + 15) & ~(size_t)15;
  if (need < n) return NULL;
  chunk *c = a->head;
  if (!c || c->cap - c->used < need) {
    size_t cap = a->chunk_size;
    if (c && cap < c->cap * 2 && c->cap < (64u << 20)) cap = c->cap * 2;
    if (cap < need) cap = need;
    chunk *nc = malloc(sizeof *nc + cap);
    if (!nc) return NULL;
    nc->cap = cap; nc->used = 0; nc->next = c;
    a->head = c = nc;
  }
  void *p = c->data + c->used;
  c->used += need;
  a->total += need;
  return p;
}

void *cb_arena_calloc(cb_arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  void *p = cb_arena_alloc(a, n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

char *cb_arena_strndup(cb_arena *a, const char *s, size_t n) {
  char *p = cb_arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *cb_arena_strdup(cb_arena *a, const char *s) {
  return s ? cb_arena_strndup(a, s, strlen(s)) : NULL;
}

char *cb_arena_printf(cb_arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = n >= 0 ? cb_arena_alloc(a, (size_t)n + 1) : NULL;
  if (p) vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

size_t cb_arena_used(const cb_arena *a) { return a ? a->total : 0; }
