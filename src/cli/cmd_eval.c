/*
 * cmd_eval.c - `corroborate eval KIND DATA...`: dispatches to the scorers in src/eval/, and
 * draws their progress on a terminal (-q, --quiet: not), which every kind takes.
 */
#include "cli/cli.h"
#include "cli/progress.h"
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
  fprintf(out, "\noptions of every kind:\n"
               "  -q, --quiet   no progress line (on a terminal, a run over a second shows on\n"
               "                stderr how far it is: items done of all, rate, time left)\n"
               "\n'corroborate eval KIND --help' tells more.\n");
}

static int is_quiet(const char *a) { return !strcmp(a, "-q") || !strcmp(a, "--quiet"); }

/* A scorer's progress, drawn: a new pass (another unit, or counting from the start again)
 * starts the rate again; the line is wiped when a pass ends, before the scorer prints. */
static void on_progress(void *ud, const char *unit, size_t done, size_t total) {
  cli_progress *p = ud;
  if (!p->unit) {            /* the first pass: its time counts from the start of the run */
    p->unit = unit;
    p->total = total;
  } else if (strcmp(p->unit, unit) || done < p->done || p->total != total) {
    cli_progress_phase(p, p->what, unit, total, NULL);
  }
  p->done = done;
  if (total && done >= total) cli_progress_hide(p);
  else cli_progress_tick(p);
}

static int run_kind(int (*run)(int, char **), const char *kind, int argc, char **argv) {
  int n = 0, quiet = 0, opts = 1;
  for (int i = 0; i < argc; i++) {   /* -q is this file's: the scorers never see it */
    if (i && opts && !strcmp(argv[i], "--")) opts = 0;
    if (i && opts && is_quiet(argv[i])) quiet = 1;
    else argv[n++] = argv[i];
  }
  argv[n] = NULL;
  char what[64];
  snprintf(what, sizeof what, "eval %s", kind);
  cli_progress p;
  cli_progress_begin(&p, quiet);
  cli_progress_phase(&p, what, NULL, 0, NULL);
  cb_eval_set_progress(on_progress, &p);
  int rc = run(n, argv);
  cb_eval_set_progress(NULL, NULL);
  cli_progress_end(&p);
  return rc;
}

int cmd_eval(int argc, char **argv) {
  if (argc < 2 || (argv[1][0] == '-' && cli_wants_help(argc, argv))) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? CLI_USAGE : CLI_OK;
  }
  for (int i = 0; kinds[i].kind; i++) {
    if (strcmp(argv[1], kinds[i].kind)) continue;
    if (argc > 2 && (!strcmp(argv[2], "-h") || !strcmp(argv[2], "--help"))) {
      int rc = kinds[i].run(argc - 1, argv + 1);
      printf("\nLike every kind, it takes -q, --quiet: no progress line on the terminal.\n");
      return rc;
    }
    return run_kind(kinds[i].run, argv[1], argc - 1, argv + 1);
  }
  cli_errorf("eval: unknown kind '%s' (html, quantities, timex, quotes, stories, duplicates, parse)", argv[1]);
  return CLI_USAGE;
}
