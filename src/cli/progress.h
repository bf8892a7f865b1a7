/*
 * progress.h - the progress line of long commands (ingest, eval) on a terminal: on stderr,
 * redrawn in place at most 5 times a second once the command has run for a second, e.g.
 *   ingest: 120/3,400 files, 8,310 articles, 2,950 articles/s, ETA 0:42
 * Nothing is drawn when stderr is not a terminal or with --quiet, so what the command
 * prints is the same with and without it. CORROBORATE_PROGRESS_AFTER_MS sets the delay
 * before the first line (tests use 0). One thread draws; the line is wiped before any
 * problem is printed (cli_problem, cli_errorf) and when the command ends.
 */
#ifndef CB_CLI_PROGRESS_H
#define CB_CLI_PROGRESS_H
#include <stddef.h>

typedef struct cli_progress {
  const char *what;            /* "ingest", "eval nli" */
  const char *unit;            /* what done and total count: "files", "pairs" */
  const char *items_unit;      /* a second count shown beside them ("articles"), or NULL */
  size_t done, total;          /* total 0: not known */
  size_t items;                /* of items_unit; the rate is of these when there are some */
  unsigned long long bytes_done, bytes_total;   /* when bytes_total is set, the ETA goes by bytes */
  int on;                      /* drawing allowed */
  int shown;                   /* columns of the line on the screen, 0: none */
  double start, phase_start, last, after;       /* seconds (monotonic clock) */
} cli_progress;

/* Starts the clock; draws nothing ever when quiet or stderr is not a terminal. */
void cli_progress_begin(cli_progress *p, int quiet);
/* Starts a pass: what is done (what), of what (unit, total: 0 if not known), with a second
 * count (items_unit, or NULL). Counts and the rate start again from zero. */
void cli_progress_phase(cli_progress *p, const char *what, const char *unit, size_t total,
                        const char *items_unit);
/* After the counts changed: redraws the line if it is due (cheap when it is not). */
void cli_progress_tick(cli_progress *p);
/* Wipes the line off the screen (it comes back with the next tick that is due). */
void cli_progress_hide(cli_progress *p);
/* Wipes the line for good; p draws nothing more. */
void cli_progress_end(cli_progress *p);
/* Wipes the line of the progress begun and not ended, if any: before printing a message. */
void cli_progress_clear(void);
#endif
