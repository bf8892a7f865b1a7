/*
 * eval_html.c - placeholder: `corroborate eval html` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_html(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval html is not implemented yet\n");
  return 3;
}
