/*
 * cmd_eval.c - `corroborate eval KIND DATA...`: dispatches to the scorers in src/eval/, and
 * draws their progress on a terminal (-q, --quiet: not), which every kind takes.
 */
#include "cli/cli.h"
#include "cli/progress.h"
#include <string.h>

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate eval KIND DATA... [options]\n\nScores Corroborate on annotated data and prints precision, recall and F1.\n\nkinds:\n");
  const cb_eval_kind *k = cb_eval_kinds();
  for (int i = 0; k[i].name; i++) fprintf(out, "  %-11s %s\n", k[i].name, k[i].what);
  fprintf(out, "\noptions of every kind:\n"
               "  -q, --quiet   no progress line (on a terminal, a run over a second shows on\n"
               "                stderr how far it is: items done of all, rate, time left)\n"
               "\n'corroborate eval KIND --help' tells more.\n");
}

static int is_quiet(const char *a) { return !strcmp(a, "-q") || !strcmp(a, "--quiet"); }

/* A scorer's progress, drawn: a new pass (another unit, or counting from the start again)
 * starts the rate again; the line is wiped when a pass ends, before the scorer prints. */
static void on_progress(void *ud, const cb_progress *pr) {
  cli_progress *p = ud;
  const char *unit = pr->unit;
  size_t done = pr->done, total = pr->total;
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

static int run_kind(const char *kind, int argc, char **argv) {
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
  int rc = cb_eval(kind, n, argv, on_progress, &p);
  cli_progress_end(&p);
  return rc;
}

int cmd_eval(int argc, char **argv) {
  if (argc < 2 || (argv[1][0] == '-' && cli_wants_help(argc, argv))) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? CLI_USAGE : CLI_OK;
  }
  const cb_eval_kind *k = cb_eval_kinds();
  for (int i = 0; k[i].name; i++) {
    if (strcmp(argv[1], k[i].name)) continue;
    if (argc > 2 && (!strcmp(argv[2], "-h") || !strcmp(argv[2], "--help"))) {
      int rc = cb_eval(k[i].name, argc - 1, argv + 1, NULL, NULL);
      printf("\nLike every kind, it takes -q, --quiet: no progress line on the terminal.\n");
      return rc;
    }
    return run_kind(k[i].name, argc - 1, argv + 1);
  }
  cli_errorf("eval: unknown kind '%s' (html, quantities, timex, quotes, stories, duplicates, parse)", argv[1]);
  return CLI_USAGE;
}
