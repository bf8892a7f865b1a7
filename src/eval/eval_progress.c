/*
 * eval_progress.c - the hook through which the scorers report how far they are (eval.h):
 * one callback for the process, set by cb_eval around the scorer it runs.
 */
#include "eval/eval.h"

static cb_progress_fn g_fn;
static void *g_ud;
static const char *g_phase;

void cb_eval_set_progress(const char *phase, cb_progress_fn fn, void *ud) {
  g_phase = phase;
  g_fn = fn;
  g_ud = ud;
}

void cb_eval_progress(const char *unit, size_t done, size_t total) {
  if (!g_fn) return;
  cb_progress p = {.phase = g_phase, .unit = unit, .done = done, .total = total};
  g_fn(g_ud, &p);
}
