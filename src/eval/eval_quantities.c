/*
 * eval_quantities.c - placeholder: `corroborate eval quantities` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_quantities(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval quantities is not implemented yet\n");
  return 3;
}
