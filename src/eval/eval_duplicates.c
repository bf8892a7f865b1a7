/*
 * eval_duplicates.c - `corroborate eval duplicates SET.jsonl` scores near-duplicate
 * detection on a set written by bench/dups-gen: records carry id, text, published, the id
 * of their original (`orig`, null for originals and unrelated articles), the kind of edit
 * and the share of the original kept. All records go through the grouping engine in file
 * order; per edit kind it prints recall (copies put in their original's copy group) and
 * precision (duplicate_of links that point into the right family), then the totals for
 * copies keeping at least 80% of the text.
 */
#include "eval/eval.h"
#include "group/group.h"
#include "group/u64map.h"
#include <xxhash.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_KINDS 16

typedef struct rec {
  char *id, *orig, *kind;
  double kept;
  long family;      /* index of the original (or itself) */
  long orig_index;  /* -1 for originals and unrelated */
} rec;

typedef struct tally { const char *kind; long n, found, links, right; } tally;

static const char *json_str(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

static tally *tally_for(tally *t, int *nt, const char *kind) {
  for (int i = 0; i < *nt; i++) if (strcmp(t[i].kind, kind) == 0) return &t[i];
  if (*nt == MAX_KINDS) return &t[MAX_KINDS - 1];
  t[*nt].kind = kind;
  return &t[(*nt)++];
}

/* Index of each record's original, through a map of id hashes. */
static int link_originals(rec *r, size_t n) {
  cb_u64map ids;
  cb_u64map_init(&ids);
  for (size_t i = 0; i < n; i++) {
    uint32_t *v = cb_u64map_slot(&ids, XXH3_64bits(r[i].id, strlen(r[i].id)));
    if (!v) { cb_u64map_free(&ids); return -1; }
    *v = (uint32_t)i + 1;
  }
  for (size_t i = 0; i < n; i++) {
    uint32_t *v = r[i].orig ? cb_u64map_find(&ids, XXH3_64bits(r[i].orig, strlen(r[i].orig))) : NULL;
    r[i].orig_index = v ? (long)*v - 1 : -1;
    r[i].family = r[i].orig_index >= 0 ? r[i].orig_index : (long)i;
  }
  cb_u64map_free(&ids);
  return 0;
}

static void print_row(const char *label, const tally *t) {
  char rec[16] = "     -";
  if (t->n) snprintf(rec, sizeof rec, "%.4f", (double)t->found / (double)t->n);
  printf("%-22s %6ld %8s %10.4f  (%ld/%ld found, %ld/%ld links right)\n", label, t->n, rec,
         t->links ? (double)t->right / (double)t->links : 1.0, t->found, t->n, t->right, t->links);
}

static int load(const char *path, cb_grouper *g, rec **out, size_t *nout) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "corroborate: %s: cannot open\n", path); return -1; }
  rec *r = NULL;
  size_t n = 0, cap = 0, lcap = 0;
  char *line = NULL;
  ssize_t len;
  long lineno = 0;
  int bad = 0;
  while ((len = getline(&line, &lcap, f)) > 0) {
    lineno++;
    cJSON *o = cJSON_ParseWithLength(line, (size_t)len);
    const char *id = o ? json_str(o, "id") : NULL, *text = o ? json_str(o, "text") : NULL;
    if (!id || !text) {
      if (len > 1) { fprintf(stderr, "corroborate: %s:%ld: not a benchmark record\n", path, lineno); bad = 1; }
      cJSON_Delete(o);
      continue;
    }
    if (n == cap) { cap = cap ? cap * 2 : 1024; rec *nr = realloc(r, cap * sizeof *nr); if (!nr) break; r = nr; }
    const char *orig = json_str(o, "orig"), *kind = json_str(o, "edit");
    const cJSON *kept = cJSON_GetObjectItemCaseSensitive(o, "kept");
    r[n].id = strdup(id);
    r[n].orig = orig ? strdup(orig) : NULL;
    r[n].kind = strdup(kind ? kind : "?");
    r[n].kept = cJSON_IsNumber(kept) ? kept->valuedouble : 1.0;
    cb_group_doc d = {json_str(o, "title"), text, strlen(text), json_str(o, "published"), json_str(o, "outlet")};
    if (cb_grouper_add(g, &d) < 0) { cJSON_Delete(o); bad = 1; break; }
    n++;
    cb_eval_progress("articles", n, 0);
    cJSON_Delete(o);
  }
  free(line);
  fclose(f);
  *out = r; *nout = n;
  return bad;
}

static void usage(FILE *out) {
  fprintf(out,
    "usage: corroborate eval duplicates SET.jsonl [options]\n\n"
    "Scores near-duplicate detection on a set made by bench/dups-gen: recall and precision per\n"
    "edit kind, and for all copies keeping >= 80%% of the original text.\n\n"
    "options:\n"
    "  --jaccard X       estimated Jaccard that makes a copy (default 0.5)\n"
    "  --containment X   containment that makes a copy (default 0.7)\n"
    "  --shingle N       words per shingle (default 3)\n"
    "  --bands B --rows R  LSH layout (default 42 x 3)\n");
}

int cb_eval_duplicates(int argc, char **argv) {
  cb_group_opts o;
  cb_group_opts_default(&o);
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); return 0; }
    else if (!strcmp(argv[i], "--jaccard") && i + 1 < argc) o.dup_jaccard = atof(argv[++i]);
    else if (!strcmp(argv[i], "--containment") && i + 1 < argc) o.dup_containment = atof(argv[++i]);
    else if (!strcmp(argv[i], "--shingle") && i + 1 < argc) o.shingle_words = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--bands") && i + 1 < argc) o.bands = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--rows") && i + 1 < argc) o.rows = atoi(argv[++i]);
    else if (argv[i][0] != '-' && !path) path = argv[i];
    else { usage(stderr); return 2; }
  }
  if (!path) { usage(stderr); return 2; }
  cb_grouper *g = cb_grouper_new(&o);
  if (!g) return 3;
  rec *r = NULL;
  size_t n = 0;
  clock_t t0 = clock();
  int rc = load(path, g, &r, &n);
  cb_eval_progress("articles", n, n);   /* the pass ends: the line goes before the scores */
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  if (link_originals(r, n)) rc = 3;
  /* Rows in a fixed order: the edits first, then what is not a copy. */
  static const char *order[] = {"exact", "new_intro", "trimmed_end", "words_changed", "boilerplate",
                                "reordered", "heavy_trim", "original", "unrelated", NULL};
  tally t[MAX_KINDS], keep80 = {"kept >= 80%", 0, 0, 0, 0}, all = {"all", 0, 0, 0, 0};
  memset(t, 0, sizeof t);
  int nt = 0;
  for (int i = 0; order[i]; i++) tally_for(t, &nt, order[i]);
  for (size_t i = 0; i < n; i++) {
    tally *k = tally_for(t, &nt, r[i].kind);
    long pred = cb_grouper_duplicate_of(g, i, NULL, NULL);
    long root_i = pred >= 0 ? pred : (long)i;
    int is_copy = r[i].orig_index >= 0;
    int found = 0;
    if (is_copy) {
      long o_root = cb_grouper_duplicate_of(g, (size_t)r[i].orig_index, NULL, NULL);
      found = root_i == (o_root >= 0 ? o_root : r[i].orig_index);
    }
    int link = pred >= 0, right = link && r[pred].family == r[i].family;
    tally *rows[3] = {k, &all, is_copy && r[i].kept >= 0.8 ? &keep80 : NULL};
    for (int j = 0; j < 3; j++) {
      if (!rows[j]) continue;
      rows[j]->n += is_copy; rows[j]->found += found; rows[j]->links += link; rows[j]->right += right;
    }
  }
  printf("%zu articles signed and grouped in %.2f s (%.0f articles/s, one core)\n\n", n, secs, secs > 0 ? (double)n / secs : 0);
  printf("%-22s %6s %8s %10s\n", "edit", "copies", "recall", "precision");
  for (int i = 0; i < nt; i++) print_row(t[i].kind, &t[i]);
  printf("\n");
  print_row(keep80.kind, &keep80);
  print_row(all.kind, &all);
  for (size_t i = 0; i < n; i++) { free(r[i].id); free(r[i].orig); free(r[i].kind); }
  free(r);
  cb_grouper_free(g);
  return rc ? 1 : 0;
}
