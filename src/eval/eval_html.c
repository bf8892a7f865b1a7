/*
 * eval_html.c - `corroborate eval html DIR`: main-text quality of the HTML reader on the
 * Scrapinghub Article Extraction Benchmark (DIR/html/<id>.html.gz + DIR/ground-truth.json),
 * scored exactly as its evaluate.py scores: tokens are runs of word characters (Python's
 * \w: letters, digits, underscore), shingles are word 4-grams (a text of fewer than four
 * tokens is one shingle), per page TP/FP/FN from the shingle multisets normalised by their
 * sum; precision is averaged over pages with TP+FP > 0, recall over pages with TP+FN > 0,
 * and F1 is taken from the two averages. Pages are split by the first hex digit of the id:
 * dev 0-7, test 8-f. Also counts titles, dates and authors found, and with --bench N times
 * the reader alone (pages per second of CPU time).
 */
#include "eval/eval.h"
#include "ingest/reader.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>
#include <xxhash.h>
#include <zlib.h>

typedef struct page { const char *id; char *html; size_t len; const char *gold, *url; } page;
typedef struct prf { double tp, fp, fn; } prf;
typedef struct tally {
  double p_sum, r_sum;
  int p_n, r_n, pages, title, date, author, empty;
  int url_dates, url_dates_agree;   /* pages whose URL carries a date; of those, extracted date agrees */
} tally;

/* ---- the benchmark's tokenizer and shingles -------------------------------------------- */

static int is_word_cp(int32_t c) {
  if (c == '_') return 1;
  if (c < 128) return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  switch (utf8proc_category(c)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    return 1;
  default:
    return 0;
  }
}

typedef struct span { const char *s; size_t n; } span;

/* Word tokens of text (malloc'd array). */
static span *tokenize(const char *t, size_t n, size_t *count) {
  size_t cap = 256, k = 0;
  span *v = malloc(cap * sizeof *v);
  if (!v) { *count = 0; return NULL; }
  size_t i = 0, start = 0;
  int in = 0;
  while (i <= n) {
    int32_t c = 0;
    utf8proc_ssize_t len = 1;
    if (i < n) {
      len = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(n - i), &c);
      if (len < 1) { len = 1; c = -1; }
    }
    int w = i < n && c >= 0 && is_word_cp(c);
    if (w && !in) { start = i; in = 1; }
    if (!w && in) {
      if (k == cap) {
        span *nv = realloc(v, (cap *= 2) * sizeof *v);
        if (!nv) break;
        v = nv;
      }
      v[k].s = t + start;
      v[k].n = i - start;
      k++;
      in = 0;
    }
    i += (size_t)len;
  }
  *count = k;
  return v;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Sorted hashes of the word 4-gram shingles of text. */
static uint64_t *shingles(const char *t, size_t n, size_t *count) {
  size_t nt;
  span *tok = tokenize(t, n, &nt);
  *count = 0;
  if (!tok || nt == 0) { free(tok); return NULL; }
  size_t ns = nt >= 4 ? nt - 3 : 1, width = nt >= 4 ? 4 : nt;
  uint64_t *h = malloc(ns * sizeof *h);
  if (!h) { free(tok); return NULL; }
  for (size_t i = 0; i < ns; i++) {
    uint64_t x = 0x9E3779B97F4A7C15ull;   /* chained: each token hashed with the previous as seed */
    for (size_t j = 0; j < width; j++) x = XXH3_64bits_withSeed(tok[i + j].s, tok[i + j].n, x + j);
    h[i] = x;
  }
  free(tok);
  if (ns) qsort(h, ns, sizeof *h, cmp_u64);
  *count = ns;
  return h;
}

static prf match(const char *gold, const char *pred, size_t pred_len) {
  size_t ng, np;
  uint64_t *g = shingles(gold, strlen(gold), &ng), *p = shingles(pred, pred_len, &np);
  prf r = {0, 0, 0};
  size_t i = 0, j = 0;
  while (i < ng || j < np) {
    uint64_t key = j >= np || (i < ng && g[i] <= p[j]) ? g[i] : p[j];
    size_t cg = 0, cp = 0;
    while (i < ng && g[i] == key) { i++; cg++; }
    while (j < np && p[j] == key) { j++; cp++; }
    r.tp += (double)(cg < cp ? cg : cp);
    r.fp += cp > cg ? (double)(cp - cg) : 0;
    r.fn += cg > cp ? (double)(cg - cp) : 0;
  }
  free(g);
  free(p);
  double s = r.tp + r.fp + r.fn;
  if (s > 0) { r.tp /= s; r.fp /= s; r.fn /= s; }
  return r;
}

static void add_score(tally *t, prf r) {
  if (r.tp + r.fp > 0) { t->p_sum += r.fp == 0 && r.fn == 0 ? 1 : r.tp / (r.tp + r.fp); t->p_n++; }
  if (r.tp + r.fn > 0) { t->r_sum += r.fp == 0 && r.fn == 0 ? 1 : r.tp / (r.tp + r.fn); t->r_n++; }
}

/* ---- reading the benchmark ------------------------------------------------------------- */

static char *read_gz(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  for (int k; b; n += (size_t)k) {
    if (n + 1 >= cap) {
      char *nb = realloc(b, cap *= 2);
      if (!nb) { free(b); b = NULL; break; }
      b = nb;
    }
    k = gzread(f, b + n, (unsigned)(cap - n - 1));
    if (k <= 0) break;
  }
  gzclose(f);
  if (b) { b[n] = 0; *len = n; }
  return b;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
  fclose(f);
  if (b) { b[n] = 0; *len = (size_t)n; }
  return b;
}

static int in_split(const char *id, const char *split) {
  int dev = (id[0] >= '0' && id[0] <= '7');
  if (strcmp(split, "dev") == 0) return dev;
  if (strcmp(split, "test") == 0) return !dev;
  return 1;
}

/* Loads the ground truth and the pages of the split; returns the page count or -1. */
static int load(const char *dir, const char *split, cJSON **gt, page **out) {
  char path[4096];
  size_t len;
  snprintf(path, sizeof path, "%s/ground-truth.json", dir);
  char *js = read_file(path, &len);
  if (!js) { fprintf(stderr, "corroborate: %s: cannot read\n", path); return -1; }
  *gt = cJSON_ParseWithLength(js, len);
  free(js);
  if (!*gt) { fprintf(stderr, "corroborate: %s: not valid JSON\n", path); return -1; }
  int n = cJSON_GetArraySize(*gt), k = 0;
  page *pg = calloc((size_t)n + 1, sizeof *pg);
  if (!pg) return -1;
  const cJSON *e;
  cJSON_ArrayForEach(e, *gt) {
    if (!e->string || !in_split(e->string, split)) continue;
    const cJSON *body = cJSON_GetObjectItemCaseSensitive(e, "articleBody");
    snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, e->string);
    pg[k].id = e->string;
    const cJSON *url = cJSON_GetObjectItemCaseSensitive(e, "url");
    pg[k].gold = cJSON_IsString(body) ? body->valuestring : "";
    pg[k].url = cJSON_IsString(url) ? url->valuestring : "";
    pg[k].html = read_gz(path, &pg[k].len);
    if (!pg[k].html) { fprintf(stderr, "corroborate: %s: cannot read\n", path); continue; }
    k++;
  }
  *out = pg;
  return k;
}

/* ---- scoring ----------------------------------------------------------------------------- */

static void print_row(const char *name, const tally *t) {
  double p = t->p_n ? t->p_sum / t->p_n : 0, r = t->r_n ? t->r_sum / t->r_n : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("%-6s %6d %10.3f %8.3f %8.3f %8d %8d %8d %8d %6d/%d\n", name, t->pages, p, r, f, t->title, t->date,
         t->author, t->empty, t->url_dates_agree, t->url_dates);
}

static int digits(const char *s, int n) {
  for (int i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* A publication date in the URL ("/2019/11/18/", "/2019-11-18", "/2019/11/"): "YYYY-MM-DD"
 * or "YYYY-MM" in out; 0 if none. An independent check of the extracted date. */
static int url_date(const char *u, char *out) {
  for (const char *p = u; *p; p++) {
    if (*p != '/' || !digits(p + 1, 4) || (p[1] != '1' && p[1] != '2')) continue;
    const char *y = p + 1, *m = p + 6;
    if ((p[5] != '/' && p[5] != '-') || !digits(m, 2) || m[0] > '1') continue;
    if ((m[2] == '/' || m[2] == '-') && digits(m + 3, 2) && m[3] <= '3' && !digits(m + 5, 1)) {
      snprintf(out, 11, "%.4s-%.2s-%.2s", y, m, m + 3);
      return 1;
    }
    if (m[2] == '/') { snprintf(out, 8, "%.4s-%.2s", y, m); return 1; }
  }
  return 0;
}

static void count_page(tally *t, prf r, const cb_article *a, int rc, size_t blen, const char *url) {
  add_score(t, r);
  t->pages++;
  t->title += !rc && a->title != NULL;
  t->date += !rc && a->published[0] != 0;
  t->author += !rc && a->author != NULL;
  t->empty += blen == 0;
  char ud[16];
  if (url && url_date(url, ud)) {
    t->url_dates++;
    t->url_dates_agree += !rc && strncmp(a->published, ud, strlen(ud)) == 0;
  }
}

static void score_page(const page *pg, tally *t, tally *half, int verbose) {
  cb_article *a = cb_article_new();
  if (!a) return;
  a->source = pg->id;
  cb_error e;
  cb_error_clear(&e);
  int rc = cb_read_html(a, pg->html, pg->len, &e);
  const char *body = rc ? "" : a->body;
  size_t blen = rc ? 0 : a->body_len;
  prf r = match(pg->gold, body, blen);
  count_page(t, r, a, rc, blen, pg->url);
  count_page(half, r, a, rc, blen, pg->url);
  if (verbose) {
    double p = r.tp + r.fp > 0 ? r.tp / (r.tp + r.fp) : 0, rr = r.tp + r.fn > 0 ? r.tp / (r.tp + r.fn) : 0;
    printf("%.12s P=%.3f R=%.3f  title=%s | date=%s | author=%s\n", pg->id, p, rr,
           rc ? "-" : a->title ? a->title : "-", rc ? "-" : a->published, rc ? "-" : a->author ? a->author : "-");
  }
  cb_article_free(a);
}

static int bench(page *pg, int n, int rounds) {
  struct timespec c0, c1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  size_t bytes = 0;
  for (int r = 0; r < rounds; r++)
    for (int i = 0; i < n; i++) {
      cb_article *a = cb_article_new();
      if (!a) return 1;
      a->source = pg[i].id;
      cb_error e;
      cb_read_html(a, pg[i].html, pg[i].len, &e);
      cb_article_free(a);
      bytes += pg[i].len;
    }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  double s = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
  printf("corroborate HTML reader: %d pages x %d rounds in %.3f s CPU: %.0f pages/s per core, %.1f MB/s\n", n,
         rounds, s, (double)n * rounds / s, (double)bytes / s / 1e6);
  return 0;
}

/* Writes {id: {"articleBody": text}} as a benchmark output file (output/NAME.json) for its evaluate.py. */
static int dump_json(page *pg, int n, const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) { fprintf(stderr, "corroborate: %s: cannot write\n", path); return 1; }
  cJSON *o = cJSON_CreateObject();
  for (int i = 0; o && i < n; i++) {
    cb_article *a = cb_article_new();
    if (!a) break;
    a->source = pg[i].id;
    cb_error e;
    int rc = cb_read_html(a, pg[i].html, pg[i].len, &e);
    cJSON *rec = cJSON_AddObjectToObject(o, pg[i].id);
    if (rec) cJSON_AddStringToObject(rec, "articleBody", rc ? "" : a->body);
    cb_article_free(a);
  }
  char *js = o ? cJSON_PrintUnformatted(o) : NULL;
  int bad = !js || fputs(js, f) < 0;
  free(js);
  cJSON_Delete(o);
  if (fclose(f) || bad) { fprintf(stderr, "corroborate: %s: cannot write\n", path); return 1; }
  return 0;
}

static int usage(FILE *out, int code) {
  fprintf(out,
          "usage: corroborate eval html DIR [--split dev|test|all] [--pages] [--show ID] [--bench N] [--json OUT]\n\n"
          "Scores the HTML reader's main text on the Article Extraction Benchmark (DIR holds html/<id>.html.gz\n"
          "and ground-truth.json) exactly as its evaluate.py does: word 4-gram shingles, per-page precision and\n"
          "recall averaged over pages, F1 of the averages. dev = ids starting 0-7, test = 8-f; without --split\n"
          "all three rows are printed. Also counts pages with a title, date and author found.\n"
          "  --pages     one line per page (precision, recall, title, date, author)\n"
          "  --show ID   print the extracted text of the page whose id starts with ID\n"
          "  --bench N   time N passes of the reader over the pages: pages/s per core (CPU time)\n"
          "  --json OUT  write the extracted bodies as the benchmark's output JSON ({id: {articleBody}})\n");
  return code;
}

static int show(page *pg, int n, const char *id) {
  for (int i = 0; i < n; i++) {
    if (strncmp(pg[i].id, id, strlen(id)) != 0) continue;
    cb_article *a = cb_article_new();
    if (!a) return 3;
    a->source = pg[i].id;
    cb_error e;
    int rc = cb_read_html(a, pg[i].html, pg[i].len, &e);
    printf("title: %s\ndate: %s\nauthor: %s\noutlet: %s\nurl: %s\n--- body ---\n%s\n--- dropped ---\n",
           a->title ? a->title : "", a->published, a->author ? a->author : "", a->outlet ? a->outlet : "",
           a->url ? a->url : "", rc ? e.msg : a->body);
    for (size_t k = 0; k < a->ndropped; k++)
      printf("[%s] %s: %.120s\n", cb_drop_reason_name(a->dropped[k].reason), a->dropped[k].why, a->dropped[k].text);
    for (size_t k = 0; k < a->ncaptions; k++) printf("[caption] %.200s\n", a->captions[k]);
    printf("--- gold ---\n%s\n", pg[i].gold);
    cb_article_free(a);
    return 0;
  }
  fprintf(stderr, "corroborate: eval html: no page %s\n", id);
  return 1;
}

int cb_eval_html(int argc, char **argv) {
  const char *dir = NULL, *split = NULL, *show_id = NULL, *json = NULL;
  int rounds = 0, pages = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) return usage(stdout, 0);
    if (!strcmp(argv[i], "--split") && i + 1 < argc) split = argv[++i];
    else if (!strcmp(argv[i], "--bench") && i + 1 < argc) rounds = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--show") && i + 1 < argc) show_id = argv[++i];
    else if (!strcmp(argv[i], "--json") && i + 1 < argc) json = argv[++i];
    else if (!strcmp(argv[i], "--pages")) pages = 1;
    else if (argv[i][0] == '-' || dir) return usage(stderr, 2);
    else dir = argv[i];
  }
  if (!dir || (split && strcmp(split, "dev") && strcmp(split, "test") && strcmp(split, "all")) || rounds < 0)
    return usage(stderr, 2);
  cJSON *gt = NULL;
  page *pg = NULL;
  int n = load(dir, split ? split : "all", &gt, &pg);
  if (n < 0) { cJSON_Delete(gt); return 1; }
  int rc = 0;
  if (show_id) rc = show(pg, n, show_id);
  else if (json) rc = dump_json(pg, n, json);
  else if (rounds) rc = bench(pg, n, rounds);
  else {
    tally all = {0}, dev = {0}, test = {0};
    for (int i = 0; i < n; i++) {
      score_page(&pg[i], &all, in_split(pg[i].id, "dev") ? &dev : &test, pages);
      if (!pages) cb_eval_progress("pages", (size_t)i + 1, (size_t)n);   /* --pages prints each */
    }
    printf("Article Extraction Benchmark, main text (scored as evaluate.py): %s\n", dir);
    printf("%-6s %6s %10s %8s %8s %8s %8s %8s %8s %8s\n", "split", "pages", "precision", "recall", "F1", "title",
           "date", "author", "empty", "date=url");
    if (!split || !strcmp(split, "dev")) print_row("dev", &dev);
    if (!split || !strcmp(split, "test")) print_row("test", &test);
    if (!split || !strcmp(split, "all")) print_row("all", &all);
    printf("title/date/author: pages where one was found; empty: pages with no text; date=url: pages whose URL\n"
           "carries a date where the extracted date agrees / pages whose URL carries one.\n");
    printf("anchors (all pages): rs_trafilatura 0.970, trafilatura 0.958, Readability.js 0.947\n");
  }
  for (int i = 0; i < n; i++) free(pg[i].html);
  free(pg);
  cJSON_Delete(gt);
  return rc;
}
