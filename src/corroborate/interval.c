/*
 * interval.c - intervals and their verdicts; see interval.h.
 */
#include "corroborate/interval.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

int cb_interval_meet(const cb_interval *a, const cb_interval *b, cb_interval *out) {
  cb_interval m;
  if (a->lo > b->lo) { m.lo = a->lo; m.lo_open = a->lo_open; }
  else if (b->lo > a->lo) { m.lo = b->lo; m.lo_open = b->lo_open; }
  else { m.lo = a->lo; m.lo_open = a->lo_open || b->lo_open; }
  if (a->hi < b->hi) { m.hi = a->hi; m.hi_open = a->hi_open; }
  else if (b->hi < a->hi) { m.hi = b->hi; m.hi_open = b->hi_open; }
  else { m.hi = a->hi; m.hi_open = a->hi_open || b->hi_open; }
  if (m.lo > m.hi || (m.lo == m.hi && (m.lo_open || m.hi_open))) return 0;
  if (out) *out = m;
  return 1;
}

int cb_interval_same(const cb_interval *a, const cb_interval *b) {
  return a->lo == b->lo && a->hi == b->hi && a->lo_open == b->lo_open && a->hi_open == b->hi_open;
}

static void number(double v, char *out, size_t cap) {
  if (fabs(v) >= 1e12 && fmod(v, 1e11) == 0) { snprintf(out, cap, "%g trillion", v / 1e12); return; }
  if (fabs(v) >= 1e9 && fmod(v, 1e8) == 0) { snprintf(out, cap, "%g billion", v / 1e9); return; }
  if (fabs(v) >= 1e6 && fmod(v, 1e5) == 0) { snprintf(out, cap, "%g million", v / 1e6); return; }
  if (v == floor(v) && fabs(v) < 1e15) {
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t n = strlen(digits), k = 0;
    char buf[48];
    if (v < 0) buf[k++] = '-';
    for (size_t i = 0; i < n; i++) {
      if (i && (n - i) % 3 == 0 && n > 4) buf[k++] = ',';
      buf[k++] = digits[i];
    }
    buf[k] = 0;
    snprintf(out, cap, "%s", buf);
    return;
  }
  snprintf(out, cap, "%g", v);
}

void cb_interval_format(const cb_interval *v, char *out, size_t cap) {
  char lo[48], hi[48];
  number(v->lo, lo, sizeof lo);
  number(v->hi, hi, sizeof hi);
  if (isinf(v->hi) && isinf(v->lo)) snprintf(out, cap, "any");
  else if (isinf(v->hi)) snprintf(out, cap, "%s %s", v->lo_open ? ">" : "\xe2\x89\xa5", lo);
  else if (isinf(v->lo)) snprintf(out, cap, "%s %s", v->hi_open ? "<" : "\xe2\x89\xa4", hi);
  else if (v->lo == v->hi) snprintf(out, cap, "%s", lo);
  else snprintf(out, cap, "%s\xe2\x80\x93%s", lo, hi);
}

cb_verdict cb_interval_verdict(const cb_interval *v, size_t n, cb_interval *meet) {
  if (n < 2) { if (meet && n) *meet = v[0]; return CB_SINGLE; }
  int same = 1;
  cb_interval m = v[0];
  for (size_t i = 1; i < n; i++) {
    if (!cb_interval_same(&v[0], &v[i])) same = 0;
    if (!cb_interval_meet(&m, &v[i], &m)) return CB_CONFLICT;
  }
  if (meet) *meet = m;
  return same ? CB_AGREE : CB_COMPATIBLE;
}
