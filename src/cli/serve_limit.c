/*
 * serve_limit.c - the per-client write rate limit of `corroborate serve`: a token bucket per
 * client address (per_minute tokens a minute, as many at most), in a fixed table where a new
 * client takes the slot idle longest.
 */
#include "cli/serve.h"
#include <stdio.h>
#include <string.h>

void cli_serve_limit_init(cli_serve_limit *l, double per_minute) {
  memset(l, 0, sizeof *l);
  pthread_mutex_init(&l->lock, NULL);
  l->per_minute = per_minute;
}

/* The client's slot, or the one idle longest, reset for it. */
static int slot_of(cli_serve_limit *l, const char *who, double now) {
  int oldest = 0;
  for (int i = 0; i < SERVE_LIMIT_SLOTS; i++) {
    if (l->slot[i].who[0] && !strcmp(l->slot[i].who, who)) return i;
    if (l->slot[i].at < l->slot[oldest].at) oldest = i;
  }
  snprintf(l->slot[oldest].who, sizeof l->slot[oldest].who, "%s", who);
  l->slot[oldest].tokens = l->per_minute;
  l->slot[oldest].at = now;
  return oldest;
}

int cli_serve_limit_take(cli_serve_limit *l, const char *who, double now, int *retry) {
  *retry = 0;
  if (l->per_minute <= 0) return 1;
  pthread_mutex_lock(&l->lock);
  int i = slot_of(l, who, now);
  double t = l->slot[i].tokens + (now - l->slot[i].at) * l->per_minute / 60.0;
  if (t > l->per_minute) t = l->per_minute;
  l->slot[i].at = now;
  int ok = t >= 1.0;
  if (ok) t -= 1.0;
  else *retry = (int)((1.0 - t) * 60.0 / l->per_minute) + 1;
  l->slot[i].tokens = t;
  pthread_mutex_unlock(&l->lock);
  return ok;
}
