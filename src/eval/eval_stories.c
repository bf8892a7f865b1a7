/*
 * eval_stories.c - placeholder: `corroborate eval stories` is not built yet.
 */
#include "eval/eval.h"
#include <stdio.h>

int cb_eval_stories(int argc, char **argv) {
  fprintf(stderr, "corroborate: eval stories is not implemented yet\n");
  return 3;
}
