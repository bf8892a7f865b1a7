/*
 * store-lookups.c - how fast a big store answers a reader: one article fetched by id
 * (`corroborate show`: median and 99th percentile over random ids), and the brief of a stored
 * story of about 100 articles (twice: the first also loads the parser model and WordNet) and,
 * with --10k, of the story nearest 10,000 (cb_store_brief + JSON render). Public API only.
 * Usage: store-lookups DB [FETCHES] [--10k]   (bench/store-lookups builds and runs it)
 */
#include <corroborate.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

typedef struct pick { int64_t near100, near10k; long n100, n10k; } pick;

static long dist(long a, long b) { return a > b ? a - b : b - a; }

static int on_story(void *ud, const cb_story_row *r) {
  pick *p = ud;
  if (!p->near100 || dist(r->articles, 100) < dist(p->n100, 100)) { p->near100 = r->id; p->n100 = r->articles; }
  if (!p->near10k || dist(r->articles, 10000) < dist(p->n10k, 10000)) { p->near10k = r->id; p->n10k = r->articles; }
  return 0;
}

static void brief_of(cb_store *s, int64_t id, long n) {
  cb_brief *b;
  cb_error e;
  double t0 = now();
  if (cb_store_brief(s, id, &b, &e)) { fprintf(stderr, "brief %lld: %s\n", (long long)id, e.msg); return; }
  double t1 = now();
  cb_render_opts o;
  cb_render_opts_init(&o);
  o.format = CB_RENDER_JSON;
  char *out;
  size_t len;
  if (cb_brief_render(b, &o, &out, &len, &e) == CB_OK) cb_free(out);
  double t2 = now();
  printf("brief of story %lld (%ld articles): %.3f s (load + build %.3f s, JSON %.3f s)\n", (long long)id, n,
         t2 - t0, t1 - t0, t2 - t1);
  cb_brief_free(b);
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: store-lookups DB [FETCHES]\n"); return 2; }
  int fetches = argc > 2 ? atoi(argv[2]) : 2000;
  cb_store *s;
  cb_error e;
  if (cb_init(&e) || cb_store_open(argv[1], &s, &e)) { fprintf(stderr, "%s: %s\n", e.file, e.msg); return 1; }
  int64_t n = cb_store_count_articles(s);
  if (n <= 0 || fetches <= 0) { fprintf(stderr, "empty store\n"); return 1; }
  double *t = malloc((size_t)fetches * sizeof *t);
  srand(7);
  for (int i = 0; t && i < fetches; i++) {
    int64_t id = 1 + (int64_t)(((uint64_t)rand() * (uint64_t)RAND_MAX + (uint64_t)rand()) % (uint64_t)n);
    cb_article *a;
    double t0 = now();
    if (cb_store_get_article(s, id, &a, &e) == CB_OK) cb_article_free(a);
    t[i] = now() - t0;
  }
  qsort(t, (size_t)fetches, sizeof *t, cmp);
  printf("store of %lld articles: one article by id: median %.3f ms, p99 %.3f ms (%d fetches)\n", (long long)n,
         t[fetches / 2] * 1e3, t[fetches * 99 / 100] * 1e3, fetches);
  free(t);
  pick p = {0};
  if (cb_store_list_stories(s, on_story, &p, &e) == CB_OK && p.near100) {
    brief_of(s, p.near100, p.n100);   /* the first brief also loads the parser model and WordNet */
    brief_of(s, p.near100, p.n100);
    if (argc > 3 && p.near10k != p.near100 && p.n10k >= 1000) brief_of(s, p.near10k, p.n10k);
  }
  cb_store_close(s);
  return 0;
}
