/*
 * eval_kinds.c - the scorers `corroborate eval` and the public API run, by name: what each
 * scores, and cb_eval, which runs one with its caller's progress callback.
 */
#include "eval/eval.h"
#include <stdio.h>
#include <string.h>

static const struct { cb_eval_kind kind; int (*run)(int, char **); } kinds[] = {
  {{"html", "main-text F1 on the Article Extraction Benchmark (DIR with html/ and ground-truth.json)"},
   cb_eval_html},
  {{"quantities", "value / value+unit / value+change F1 on CQE-format JSON files"}, cb_eval_quantities},
  {{"timex", "TempEval-3 span F1 and value/type accuracy on TimeML files or folders"}, cb_eval_timex},
  {{"quotes", "direct-quote span F1 and speaker accuracy on PolNeAR BRAT folders"}, cb_eval_quotes},
  {{"stories", "BCubed and pairwise F1 of story grouping on JSON Lines with a gold 'event'"}, cb_eval_stories},
  {{"duplicates", "near-duplicate precision/recall on a generated set"}, cb_eval_duplicates},
  {{"nli", "accuracy of the verdicts on sentence pairs (EQUATE CSV: premise,hypothesis,label)"}, cb_eval_nli},
  {{"parse", "UPOS/XPOS/lemma/UAS/LAS on a UD CoNLL-U treebank (gold tokens, or --raw)"}, cb_eval_parse},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

const cb_eval_kind *cb_eval_kinds(void) {
  static cb_eval_kind list[NKINDS + 1];
  for (size_t i = 0; i < NKINDS; i++) list[i] = kinds[i].kind;   /* the last stays {NULL, NULL} */
  return list;
}

int cb_eval(const char *kind, int argc, char **argv, cb_progress_fn on_progress, void *ud) {
  for (size_t i = 0; kind && i < NKINDS; i++) {
    if (strcmp(kind, kinds[i].kind.name)) continue;
    char phase[64];
    snprintf(phase, sizeof phase, "eval %s", kind);
    cb_eval_set_progress(phase, on_progress, ud);
    int rc = kinds[i].run(argc, argv);
    cb_eval_set_progress(NULL, NULL, NULL);
    fflush(stdout);
    return rc;
  }
  return -1;
}
