/*
 * eval_quantities.c - `corroborate eval quantities FILE...`: scores the quantity extractor
 * on CQE-format JSON ([{text, quantities:[{value, normalized_unit, change?}]}]) exactly as
 * CQE_Evaluation's calculate_metrics counts: per sentence, gold and predictions are sorted by
 * normalised unit; each gold quantity walks the remaining predictions; a value match counts
 * once per gold quantity at most (capped at the sentence's gold count), a change match counts
 * on every value match, and a unit match consumes the prediction. A gold value "a-b" is a
 * range and matches only a predicted range. Precision = hits / predictions, recall = hits /
 * gold. value+change is scored only for files whose gold has "change".
 */
#include "eval/eval.h"
#include "extract/quantity.h"
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

typedef struct qitem { double a, b; int range; char unit[128]; char change[8]; } qitem;
typedef struct counts { long gold, pred, value, unit, change; int has_change; } counts;

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (size_t k; buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
    n += k;
    if (cap - n - 1 == 0) { char *nb = realloc(buf, cap * 2); if (!nb) { free(buf); buf = NULL; break; } buf = nb; cap *= 2; }
  }
  fclose(f);
  if (buf) buf[n] = 0;
  *len = n;
  return buf;
}

static void lower_copy(char *dst, size_t cap, const char *src) {
  size_t k = 0;
  for (; src && src[k] && k + 1 < cap; k++) dst[k] = (src[k] >= 'A' && src[k] <= 'Z') ? (char)(src[k] + 32) : src[k];
  dst[k] = 0;
}

/* decode_dictionary: "a-b" (not starting with '-', without 'E') is a range. */
static int gold_item(const cJSON *g, qitem *it) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(g, "value");
  const cJSON *u = cJSON_GetObjectItemCaseSensitive(g, "normalized_unit");
  const cJSON *ch = cJSON_GetObjectItemCaseSensitive(g, "change");
  memset(it, 0, sizeof *it);
  if (cJSON_IsNumber(v)) { it->a = it->b = v->valuedouble; }
  else if (cJSON_IsString(v)) {
    const char *s = v->valuestring, *dash = strchr(s, '-');
    if (!strchr(s, 'E') && s[0] != '-' && dash) {
      it->range = 1; it->a = strtod(s, NULL); it->b = strtod(dash + 1, NULL);
    } else it->a = it->b = strtod(s, NULL);
  } else return -1;
  lower_copy(it->unit, sizeof it->unit, cJSON_IsString(u) ? u->valuestring : "");
  if (cJSON_IsString(ch)) snprintf(it->change, sizeof it->change, "%s", ch->valuestring);
  return 0;
}

static int isclose(double gold, double model) { return fabs(gold - model) <= 1e-8 + 1e-5 * fabs(model); }

static int values_match(const qitem *g, const qitem *m) {
  if (g->range != m->range) return 0;
  if (g->range) return isclose(g->a, m->a) && isclose(g->b, m->b);
  return isclose(g->a, m->a);
}

/* Stable sort by unit, as Python's sorted(key=normalized_unit). */
static void sort_by_unit(qitem *x, size_t n) {
  for (size_t i = 1; i < n; i++) {
    qitem t = x[i];
    size_t j = i;
    while (j > 0 && strcmp(x[j - 1].unit, t.unit) > 0) { x[j] = x[j - 1]; j--; }
    x[j] = t;
  }
}

static void score_sentence(qitem *gold, size_t ng, qitem *pred, size_t np, counts *c, int verbose) {
  c->gold += (long)ng; c->pred += (long)np;
  sort_by_unit(gold, ng);
  sort_by_unit(pred, np);
  long left = (long)ng;
  for (size_t g = 0; g < ng; g++) {
    for (size_t m = 0; m < np; m++) {
      if (!values_match(&gold[g], &pred[m])) continue;
      if (left > 0) { c->value++; left--; }
      if (c->has_change && strcmp(pred[m].change, gold[g].change) == 0) c->change++;
      if (strcmp(pred[m].unit, gold[g].unit) == 0) {
        c->unit++;
        memmove(&pred[m], &pred[m + 1], (np - m - 1) * sizeof *pred);
        np--;
        break;
      } else if (verbose) {
        printf("    unit: gold '%s' predicted '%s'\n", gold[g].unit, pred[m].unit);
      }
    }
  }
}

static size_t predict(const char *text, qitem **out) {
  cb_arena *a = cb_arena_new(0);
  cb_quantity *q;
  size_t n = a ? cb_quantity_extract(a, text, strlen(text), &q) : (size_t)-1;
  if (n == (size_t)-1) { cb_arena_free(a); *out = NULL; return 0; }
  *out = calloc(n ? n : 1, sizeof **out);
  for (size_t k = 0; *out && k < n; k++) {
    qitem *it = &(*out)[k];
    it->range = q[k].is_range;
    it->a = it->range ? q[k].low : q[k].value;
    it->b = it->range ? q[k].high : q[k].value;
    lower_copy(it->unit, sizeof it->unit, q[k].unit_norm);
    snprintf(it->change, sizeof it->change, "%s", cb_qchange_name(q[k].change));
  }
  cb_arena_free(a);
  return *out ? n : 0;
}

static void print_item(const char *tag, const qitem *it) {
  if (it->range) printf("    %s %g-%g | %s | %s\n", tag, it->a, it->b, it->unit, it->change);
  else printf("    %s %.10g | %s | %s\n", tag, it->a, it->unit, it->change);
}

static int score_file(const char *path, counts *c, int verbose) {
  size_t len;
  char *data = read_all(path, &len);
  if (!data) { fprintf(stderr, "corroborate: %s: cannot read\n", path); return -1; }
  cJSON *root = cJSON_ParseWithLength(data, len);
  free(data);
  if (!cJSON_IsArray(root)) { fprintf(stderr, "corroborate: %s: not a JSON list\n", path); cJSON_Delete(root); return -1; }
  c->has_change = 1;
  const cJSON *s;
  size_t done = 0, total = (size_t)cJSON_GetArraySize(root);
  cJSON_ArrayForEach(s, root) {
    const cJSON *qs = cJSON_GetObjectItemCaseSensitive(s, "quantities"), *g;
    cJSON_ArrayForEach(g, qs) if (!cJSON_GetObjectItemCaseSensitive(g, "change")) c->has_change = 0;
  }
  cJSON_ArrayForEach(s, root) {
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(s, "text"), *qs = cJSON_GetObjectItemCaseSensitive(s, "quantities"), *g;
    if (!cJSON_IsString(t)) continue;
    size_t ng = 0, cap = (size_t)cJSON_GetArraySize(qs) + 1;
    qitem *gold = calloc(cap, sizeof *gold), *pred = NULL;
    if (!gold) { cJSON_Delete(root); return -1; }
    cJSON_ArrayForEach(g, qs) if (gold_item(g, &gold[ng]) == 0) ng++;
    size_t np = predict(t->valuestring, &pred);
    if (verbose) {
      printf("T: %s\n", t->valuestring);
      for (size_t k = 0; k < ng; k++) print_item("gold", &gold[k]);
      for (size_t k = 0; k < np; k++) print_item("pred", &pred[k]);
    }
    score_sentence(gold, ng, pred, np, c, verbose);
    free(gold); free(pred);
    if (!verbose) cb_eval_progress("sentences", ++done, total);   /* --verbose prints each */
  }
  if (!verbose) cb_eval_progress("sentences", total, total);
  cJSON_Delete(root);
  return 0;
}

static void prf(const char *what, long hit, long gold, long pred) {
  double p = pred ? (double)hit / (double)pred : 0, r = gold ? (double)hit / (double)gold : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("  %-13s P %5.1f  R %5.1f  F1 %5.1f   (%ld hits, %ld gold, %ld predicted)\n", what, p * 100, r * 100, f * 100, hit, gold, pred);
}

static void report(const char *name, const counts *c) {
  printf("%s\n", name);
  prf("value", c->value, c->gold, c->pred);
  prf("value+unit", c->unit, c->gold, c->pred);
  if (c->has_change) prf("value+change", c->change, c->gold, c->pred);
  else printf("  value+change  n/a (the gold has no change)\n");
}

/* --speed FILE...: extraction throughput over plain text files (the benchmark; no gold). */
static int speed(int argc, char **argv) {
  double secs = 0, bytes = 0;
  size_t found = 0;
  for (int i = 0; i < argc; i++) {
    size_t len;
    char *text = read_all(argv[i], &len);
    if (!text) { fprintf(stderr, "corroborate: %s: cannot read\n", argv[i]); return 1; }
    cb_arena *a = cb_arena_new(0);
    cb_quantity *q;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t n = a ? cb_quantity_extract(a, text, len, &q) : (size_t)-1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    cb_arena_free(a);
    free(text);
    if (n == (size_t)-1) { fprintf(stderr, "corroborate: %s: out of memory\n", argv[i]); return 1; }
    found += n;
    bytes += (double)len;
    secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  }
  printf("quantities: %zu in %.1f MB, %.3f s, %.1f MB/s on one core\n", found, bytes / 1e6, secs,
         secs > 0 ? bytes / 1e6 / secs : 0.0);
  return 0;
}

int cb_eval_quantities(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "--speed")) return argc > 2 ? speed(argc - 2, argv + 2) : 2;
  int verbose = 0, nfiles = 0, bad = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      printf("usage: corroborate eval quantities FILE.json... [--verbose]\n\n"
             "Scores quantity extraction on CQE-format files the way CQE_Evaluation counts:\n"
             "value F1, value+unit F1 and (when the gold has it) value+change F1, per file and overall.\n"
             "--verbose prints gold and predicted quantities for every sentence.\n"
             "'corroborate eval quantities --speed TEXT...' measures extraction speed on plain text.\n");
      return 0;
    }
    if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) verbose = 1;
    else nfiles++;
  }
  if (!nfiles) { fprintf(stderr, "usage: corroborate eval quantities FILE.json... [--verbose]\n"); return 2; }
  counts all = {0};
  all.has_change = 1;
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-') continue;
    counts c = {0};
    if (score_file(argv[i], &c, verbose) != 0) { bad = 1; continue; }
    report(argv[i], &c);
    all.gold += c.gold; all.pred += c.pred; all.value += c.value; all.unit += c.unit; all.change += c.change;
    if (!c.has_change) all.has_change = 0;
  }
  if (nfiles > 1) report("overall", &all);
  return bad ? 1 : 0;
}
