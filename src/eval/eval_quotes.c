/*
 * eval_quotes.c - placeholder: `corroborate eval quotes` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_quotes(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval quotes is not implemented yet\n");
  return 3;
}
