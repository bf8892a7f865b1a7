/*
 * vec.h - growable arrays whose storage lives in an arena: CB_VEC(type) declares one,
 * cb_vec_push appends (doubling, old storage stays in the arena until it is freed).
 *   CB_VEC(int) v = {0};  int *slot = CB_VEC_PUSH(arena, &v);  if (!slot) oom;
 */
#ifndef CB_CORE_VEC_H
#define CB_CORE_VEC_H
#include "corroborate.h"
#include <string.h>

#define CB_VEC(type) struct { type *v; size_t n, cap; }

static inline void *cb_vec_grow(cb_arena *a, void *v, size_t *cap, size_t n, size_t elem) {
  if (n < *cap) return v;
  size_t nc = *cap ? *cap * 2 : 8;
  void *p = cb_arena_alloc(a, nc * elem);
  if (!p) return NULL;
  if (n) memcpy(p, v, n * elem);
  *cap = nc;
  return p;
}

/* Returns a pointer to a new zeroed element at the end, or NULL on OOM. */
#define CB_VEC_PUSH(arena, vec) \
  (((vec)->v = cb_vec_grow((arena), (vec)->v, &(vec)->cap, (vec)->n, sizeof *(vec)->v)) \
     ? memset(&(vec)->v[(vec)->n++], 0, sizeof *(vec)->v) : NULL)
#endif
