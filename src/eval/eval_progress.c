/*
 * eval_progress.c - the hook through which the scorers report how far they are (eval.h):
 * one callback for the process, set by the command line before it runs a scorer.
 */
#include "eval/eval.h"

static cb_eval_progress_fn g_fn;
static void *g_ud;

void cb_eval_set_progress(cb_eval_progress_fn fn, void *ud) {
  g_fn = fn;
  g_ud = ud;
}

void cb_eval_progress(const char *unit, size_t done, size_t total) {
  if (g_fn) g_fn(g_ud, unit, done, total);
}
