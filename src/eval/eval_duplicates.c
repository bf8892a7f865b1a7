/*
 * eval_duplicates.c - placeholder: `corroborate eval duplicates` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_duplicates(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval duplicates is not implemented yet\n");
  return 3;
}
