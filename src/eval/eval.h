/*
 * eval.h - scoring the extractors and the grouping on annotated data, the way the
 * published evaluations count. Each entry takes the arguments after
 * `corroborate eval KIND` (argv[0] is KIND), prints its scores on stdout and returns a
 * CLI exit code (0 ok, 1 unreadable data, 2 usage).
 */
#ifndef CB_EVAL_H
#define CB_EVAL_H
#include "corroborate.h"
#include <stddef.h>

int cb_eval_html(int argc, char **argv);        /* eval_html.c: AEB main-text F1 */
int cb_eval_quantities(int argc, char **argv);  /* eval_quantities.c: CQE format */
int cb_eval_timex(int argc, char **argv);       /* eval_timex.c: TimeML, TempEval-3 scoring */
int cb_eval_quotes(int argc, char **argv);      /* eval_quotes.c: PolNeAR BRAT */
int cb_eval_stories(int argc, char **argv);     /* eval_stories.c: BCubed + pairwise */
int cb_eval_duplicates(int argc, char **argv);  /* eval_duplicates.c: generated near-dups */
int cb_eval_nli(int argc, char **argv);         /* eval_nli.c: EQUATE sentence pairs */
int cb_eval_parse(int argc, char **argv);       /* eval_parse.c: UD tagging and parsing */

/* How far a scorer is (eval_progress.c): scorers call cb_eval_progress as they go, `done` of
 * `total` UNITs ("pairs", "pages"; total 0 if not known), done == total when a pass ends,
 * and not while they print something per item. cb_eval passes it on to its caller's
 * callback; without one (tests, scorers called directly) it does nothing. */
void cb_eval_set_progress(const char *phase, cb_progress_fn fn, void *ud);
void cb_eval_progress(const char *unit, size_t done, size_t total);
#endif
