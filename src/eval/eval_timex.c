/*
 * eval_timex.c - placeholder: `corroborate eval timex` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_timex(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval timex is not implemented yet\n");
  return 3;
}
