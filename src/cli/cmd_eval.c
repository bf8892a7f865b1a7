/*
 * cmd_eval.c - `corroborate eval KIND DATA...`: dispatches to the scorers in src/eval/.
 */
#include "cli/cli.h"
#include "eval/eval.h"
#include <string.h>

static const struct { const char *kind; const char *what; int (*run)(int, char **); } kinds[] = {
  {"html", "main-text F1 on the Article Extraction Benchmark (DIR with html/ and ground-truth.json)", cb_eval_html},
  {"quantities", "value / value+unit / value+change F1 on CQE-format JSON files", cb_eval_quantities},
  {"timex", "TempEval-3 span F1 and value/type accuracy on TimeML files or folders", cb_eval_timex},
  {"quotes", "direct-quote span F1 and speaker accuracy on PolNeAR BRAT folders", cb_eval_quotes},
  {"stories", "BCubed and pairwise F1 of story grouping on JSON Lines with a gold 'event'", cb_eval_stories},
  {"duplicates", "near-duplicate precision/recall on a generated set", cb_eval_duplicates},
  {"nli", "accuracy of the verdicts on sentence pairs (EQUATE CSV: premise,hypothesis,label)", cb_eval_nli},
  {"parse", "UPOS/XPOS/lemma/UAS/LAS on a UD CoNLL-U treebank (gold tokens, or --raw)", cb_eval_parse},
  {NULL, NULL, NULL}
};

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate eval KIND DATA... [options]\n\nScores Corroborate on annotated data and prints precision, recall and F1.\n\nkinds:\n");
  for (int i = 0; kinds[i].kind; i++) fprintf(out, "  %-11s %s\n", kinds[i].kind, kinds[i].what);
  fprintf(out, "\n'corroborate eval KIND --help' tells more.\n");
}

int cmd_eval(int argc, char **argv) {
  if (argc < 2 || (argv[1][0] == '-' && cli_wants_help(argc, argv))) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? CLI_USAGE : CLI_OK;
  }
  for (int i = 0; kinds[i].kind; i++)
    if (strcmp(argv[1], kinds[i].kind) == 0) return kinds[i].run(argc - 1, argv + 1);
  cli_errorf("eval: unknown kind '%s' (html, quantities, timex, quotes, stories, duplicates, parse)", argv[1]);
  return CLI_USAGE;
}
