/*
 * score.c - BCubed and pairwise clustering scores via the contingency table of
 * (predicted, gold) label pairs, computed by sorting: no all-pairs pass.
 */
#include "group/score.h"
#include <stdlib.h>
#include <string.h>

typedef struct lab { long a, b; } lab;

static int cmp_ab(const void *x, const void *y) {
  const lab *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

static int cmp_long(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return a < b ? -1 : a > b;
}

/* Sizes of each label's cluster, looked up per item: out[i] = |{j: v[j] == v[i]}|. */
static int cluster_sizes(const long *v, size_t n, double *out, size_t *nclusters) {
  long *s = malloc((n ? n : 1) * sizeof *s);
  if (!s) return -1;
  memcpy(s, v, n * sizeof *s);
  qsort(s, n, sizeof *s, cmp_long);
  *nclusters = 0;
  for (size_t i = 0; i < n; i++) if (i == 0 || s[i] != s[i - 1]) (*nclusters)++;
  for (size_t i = 0; i < n; i++) {
    long *lo = bsearch(&v[i], s, n, sizeof *s, cmp_long);
    while (lo > s && lo[-1] == v[i]) lo--;
    size_t k = 0;
    while (lo + k < s + n && lo[k] == v[i]) k++;
    out[i] = (double)k;
  }
  free(s);
  return 0;
}

static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

int cb_cluster_score_compute(const long *pred, const long *gold, size_t n, cb_cluster_score *sc) {
  memset(sc, 0, sizeof *sc);
  if (n == 0) return 0;
  double *ps = malloc(n * sizeof *ps), *gs = malloc(n * sizeof *gs);
  lab *pg = malloc(n * sizeof *pg);
  if (!ps || !gs || !pg || cluster_sizes(pred, n, ps, &sc->predicted) || cluster_sizes(gold, n, gs, &sc->gold)) {
    free(ps); free(gs); free(pg);
    return -1;
  }
  for (size_t i = 0; i < n; i++) { pg[i].a = pred[i]; pg[i].b = gold[i]; }
  qsort(pg, n, sizeof *pg, cmp_ab);
  /* For each (pred, gold) cell of size c: c items each with c correct partners. */
  double b3p = 0, b3r = 0, tp = 0, pp = 0, gp = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && pg[j].a == pg[i].a && pg[j].b == pg[i].b) j++;
    double c = (double)(j - i);
    tp += c * (c - 1) / 2;
    i = j;
  }
  for (size_t i = 0; i < n; i++) { pp += ps[i] - 1; gp += gs[i] - 1; }
  pp /= 2; gp /= 2;
  /* BCubed: per item, |cell| / |pred cluster| and |cell| / |gold cluster|. */
  for (size_t i = 0; i < n; i++) {
    lab key = {pred[i], gold[i]};
    lab *lo = bsearch(&key, pg, n, sizeof *pg, cmp_ab);
    while (lo > pg && cmp_ab(lo - 1, &key) == 0) lo--;
    size_t c = 0;
    while (lo + c < pg + n && cmp_ab(lo + c, &key) == 0) c++;
    b3p += (double)c / ps[i];
    b3r += (double)c / gs[i];
  }
  sc->b3_p = b3p / (double)n;
  sc->b3_r = b3r / (double)n;
  sc->b3_f1 = f1(sc->b3_p, sc->b3_r);
  sc->pair_p = pp > 0 ? tp / pp : 1;
  sc->pair_r = gp > 0 ? tp / gp : 1;
  sc->pair_f1 = f1(sc->pair_p, sc->pair_r);
  free(ps); free(gs); free(pg);
  return 0;
}
