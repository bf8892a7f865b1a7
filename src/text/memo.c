/*
 * memo.c - the per-thread memo of memo.h.
 */
#include "text/memo.h"

static _Thread_local cb_memo_slot slots[CB_MEMO_SLOTS];

int cb_memo_get(uint64_t key, int *value) {
  const cb_memo_slot *s = &slots[key & (CB_MEMO_SLOTS - 1)];
  if (s->key != key) return 0;
  *value = s->value;
  return 1;
}

int cb_memo_ask(int tag, cb_memo_fn fn, const char *a, const char *b) {
  uint64_t key = cb_memo_key(tag, a, b);
  int v;
  if (cb_memo_get(key, &v)) return v;
  v = fn(a, b);
  cb_memo_put(key, v);
  return v;
}

void cb_memo_put(uint64_t key, int value) {
  cb_memo_slot *s = &slots[key & (CB_MEMO_SLOTS - 1)];
  s->key = key;
  s->value = value;
}
