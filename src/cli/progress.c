/*
 * progress.c - the progress line of long commands on a terminal (see progress.h): counts,
 * rate and ETA on stderr, redrawn in place with a carriage return, padded with spaces over
 * the line before (no terminal escapes), cut to the terminal's width so it never wraps.
 */
#include "cli/progress.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define REDRAW_EVERY 0.2      /* seconds: at most 5 lines a second */
#define DEFAULT_AFTER 1.0     /* seconds the command runs before the first line */
#define MIN_RATE_TIME 0.5     /* seconds into a pass before its rate and ETA mean something */

static cli_progress *g_current;   /* begun and not ended: wiped before a message */

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void cli_progress_begin(cli_progress *p, int quiet) {
  memset(p, 0, sizeof *p);
  p->on = !quiet && isatty(STDERR_FILENO);
  p->start = p->phase_start = now();
  p->last = -1e9;
  p->after = DEFAULT_AFTER;
  const char *env = getenv("CORROBORATE_PROGRESS_AFTER_MS");
  char *end;
  long ms = env && *env ? strtol(env, &end, 10) : -1;
  if (env && *env && !*end && ms >= 0) p->after = (double)ms / 1000.0;
  if (p->on) g_current = p;
}

void cli_progress_phase(cli_progress *p, const char *what, const char *unit, size_t total,
                        const char *items_unit) {
  p->what = what;
  p->unit = unit;
  p->items_unit = items_unit;
  p->total = total;
  p->done = p->items = 0;
  p->bytes_done = p->bytes_total = 0;
  p->phase_start = now();
}

/* 1234567 as "1,234,567" */
static const char *count(char *buf, size_t size, unsigned long long v) {
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%llu", v), k = 0;
  for (int i = 0; i < n && (size_t)k + 2 < size; i++) {
    if (i && (n - i) % 3 == 0) buf[k++] = ',';
    buf[k++] = digits[i];
  }
  buf[k] = 0;
  return buf;
}

/* "articles" is said of 1 as "article" */
static int unit_len(const char *unit, size_t n) {
  int len = unit ? (int)strlen(unit) : 0;
  return n == 1 && len > 1 && unit[len - 1] == 's' ? len - 1 : len;
}

static int columns(void) {
  struct winsize w;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) return w.ws_col;
  return 80;
}

static void draw(cli_progress *p, double t) {
  char line[512], a[32], b[32], c[32];
  size_t n = 0;
  double secs = t - p->phase_start;
#define ADD(...) \
  do { if (n < sizeof line) n += (size_t)snprintf(line + n, sizeof line - n, __VA_ARGS__); } while (0)
  ADD("%s: %s", p->what ? p->what : "working", count(a, sizeof a, p->done));
  if (p->total) ADD("/%s", count(b, sizeof b, p->total));
  ADD(" %.*s", unit_len(p->unit, p->total ? p->total : p->done), p->unit ? p->unit : "");
  if (p->items_unit)
    ADD(", %s %.*s", count(c, sizeof c, p->items), unit_len(p->items_unit, p->items), p->items_unit);
  size_t rated = p->items_unit ? p->items : p->done;
  if (secs >= MIN_RATE_TIME && rated)
    ADD(", %s %s/s", count(a, sizeof a, (unsigned long long)((double)rated / secs + 0.5)),
        p->items_unit ? p->items_unit : p->unit ? p->unit : "");
  double frac = p->bytes_total ? (double)p->bytes_done / (double)p->bytes_total
              : p->total ? (double)p->done / (double)p->total : 0;
  if (frac > 0 && frac < 1 && secs >= MIN_RATE_TIME) {
    long eta = (long)(secs * (1 - frac) / frac + 0.5);
    if (eta >= 3600) ADD(", ETA %ld:%02ld:%02ld", eta / 3600, eta / 60 % 60, eta % 60);
    else ADD(", ETA %ld:%02ld", eta / 60, eta % 60);
  }
#undef ADD
  if (n >= sizeof line) n = sizeof line - 1;
  int width = columns() - 1;   /* the last column would wrap on some terminals */
  int len = (int)n < width ? (int)n : width;
  fprintf(stderr, "\r%.*s%*s", len, line, p->shown > len ? p->shown - len : 0, "");
  fflush(stderr);
  if (len > p->shown) p->shown = len;
  p->last = t;
}

void cli_progress_tick(cli_progress *p) {
  if (!p || !p->on) return;
  double t = now();
  if (t - p->start < p->after || t - p->last < REDRAW_EVERY) return;
  draw(p, t);
}

void cli_progress_hide(cli_progress *p) {
  if (!p || !p->shown) return;
  fprintf(stderr, "\r%*s\r", p->shown, "");
  fflush(stderr);
  p->shown = 0;
}

void cli_progress_end(cli_progress *p) {
  if (!p) return;
  cli_progress_hide(p);
  p->on = 0;
  if (g_current == p) g_current = NULL;
}

void cli_progress_clear(void) { cli_progress_hide(g_current); }
