/*
 * score.c - BCubed and pairwise clustering scores from three sorts of the items (by
 * predicted label, by gold label, by the pair): every cluster and every
 * (predicted, gold) cell is a run, so the cost is n log n with no all-pairs pass.
 */
#include "group/score.h"
#include <stdlib.h>
#include <string.h>

typedef struct lab { long a, b; size_t i; } lab;

static int cmp_ab(const void *x, const void *y) {
  const lab *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return 0;
}

/* Sorts v by (a, b) and writes each item's run size to size[item]; returns the run count. */
static size_t run_sizes(lab *v, size_t n, double *size) {
  if (n) qsort(v, n, sizeof *v, cmp_ab);
  size_t runs = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && cmp_ab(&v[j], &v[i]) == 0) j++;
    for (size_t k = i; k < j; k++) size[v[k].i] = (double)(j - i);
    runs++;
    i = j;
  }
  return runs;
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int cb_cluster_score_compute(const long *pred, const long *gold, size_t n, cb_cluster_score *sc) {
  memset(sc, 0, sizeof *sc);
  if (n == 0) return 0;
  double *ps = malloc(n * sizeof *ps), *gs = malloc(n * sizeof *gs), *cs = malloc(n * sizeof *cs);
  lab *v = malloc(n * sizeof *v);
  if (!ps || !gs || !cs || !v) { free(ps); free(gs); free(cs); free(v); return -1; }
  for (size_t i = 0; i < n; i++) v[i] = (lab){pred[i], 0, i};
  sc->predicted = run_sizes(v, n, ps);
  for (size_t i = 0; i < n; i++) v[i] = (lab){gold[i], 0, i};
  sc->gold = run_sizes(v, n, gs);
  for (size_t i = 0; i < n; i++) v[i] = (lab){pred[i], gold[i], i};
  run_sizes(v, n, cs);
  /* BCubed per item: |cell| / |predicted cluster| and |cell| / |gold cluster|.
   * Pairs: an item in a cluster of size s has s - 1 partners (each pair counted twice). */
  double b3p = 0, b3r = 0, tp = 0, pp = 0, gp = 0;
  for (size_t i = 0; i < n; i++) {
    b3p += cs[i] / ps[i];
    b3r += cs[i] / gs[i];
    tp += cs[i] - 1; pp += ps[i] - 1; gp += gs[i] - 1;
  }
  sc->b3_p = b3p / (double)n;
  sc->b3_r = b3r / (double)n;
  sc->b3_f1 = f1(sc->b3_p, sc->b3_r);
  sc->pair_p = pp > 0 ? tp / pp : 1;
  sc->pair_r = gp > 0 ? tp / gp : 1;
  sc->pair_f1 = f1(sc->pair_p, sc->pair_r);
  free(ps); free(gs); free(cs); free(v);
  return 0;
}
