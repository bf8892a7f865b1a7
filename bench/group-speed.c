/*
 * group-speed.c - scale benchmark of the grouping engine (built and run by
 * bench/group-speed): a seeded synthetic corpus of N articles with realistic lengths
 * (300-900 words, Zipf vocabulary), stories of 1-200 articles spread over time, and ~5%
 * syndicated copies (light edits). Reports wall time for signing + candidate search alone
 * and for the full engine (near-duplicates + stories), articles/s, peak RSS, and how well
 * copies and stories were recovered.
 */
#include "group/group.h"
#include "group/score.h"
#include "group/minhash.h"
#include "group/lsh.h"
#include "group/words.h"
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define VOCAB 60000
#define STORY_WORDS 40

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t rnd(void) { rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17; return rng_state; }
static double unif(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

static char vocab[VOCAB][12];
static double *zipf_cdf;

static void make_vocab(void) {
  static const char *syl[] = {"ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "de", "ba", "po", "gu", "fe", "zi", "ha", "jo"};
  zipf_cdf = malloc(VOCAB * sizeof *zipf_cdf);
  double s = 0;
  for (int i = 0; i < VOCAB; i++) {
    int k = i, n = 0;
    do { memcpy(vocab[i] + n, syl[k % 16], 2); n += 2; k /= 16; } while (k && n < 10);
    vocab[i][n] = 0;
    s += 1.0 / (i + 10);
    zipf_cdf[i] = s;
  }
  for (int i = 0; i < VOCAB; i++) zipf_cdf[i] /= s;
}

static int zipf_word(void) {
  double u = unif();
  int lo = 0, hi = VOCAB - 1;
  while (lo < hi) { int m = (lo + hi) / 2; if (zipf_cdf[m] < u) lo = m + 1; else hi = m; }
  return lo;
}

static char *write_text(const int *topic, int nwords) {
  size_t cap = (size_t)nwords * 13 + 64, n = 0;
  char *t = malloc(cap);
  for (int w = 0; w < nwords; w++) {
    const char *word = unif() < 0.25 ? vocab[topic[rnd() % STORY_WORDS]] : vocab[zipf_word()];
    size_t l = strlen(word);
    if (w % 60 == 59) { t[n++] = '.'; t[n++] = '\n'; t[n++] = '\n'; }
    else if (w) t[n++] = ' ';
    if (w % 12 == 0 && l) { memcpy(t + n, word, l); t[n] = (char)(t[n] - 32); }
    else memcpy(t + n, word, l);
    n += l;
  }
  t[n] = 0;
  return t;
}

static char *copy_with_edits(const char *src) {
  size_t n = strlen(src);
  char *t = malloc(n + 64);
  memcpy(t, src, n + 1);
  for (size_t i = 0; i < n; i++)   /* ~2% of letters changed: light edits */
    if (t[i] >= 'a' && t[i] <= 'z' && unif() < 0.004) t[i] = (char)('a' + rnd() % 26);
  size_t cut = n - n / 10;         /* trimmed end */
  t[cut] = 0;
  return t;
}

typedef struct art { char *text, *title; char date[11]; long story, orig; } art;

/* The corpus is made on the fly (a ring of recent articles for copies to come from), so
 * the benchmark's own memory stays flat and the RSS figure is the engine's. */
#define RING 64
typedef struct gen {
  uint64_t seed;
  size_t i;
  long story;
  int left, start, day, topic[STORY_WORDS];
  art ring[RING];
} gen;

static void gen_init(gen *g, uint64_t seed) {
  memset(g, 0, sizeof *g);
  g->seed = seed;
  rng_state = seed;
  g->day = cb_day_number("2020-01-01");
  g->story = -1;
}

static void gen_free(gen *g) {
  for (int k = 0; k < RING; k++) { free(g->ring[k].text); free(g->ring[k].title); }
}

static void new_story(gen *g) {
  g->left = unif() < 0.5 ? 1 + (int)(rnd() % 5) : (int)(1 + 199 * pow(unif(), 3));
  for (int k = 0; k < STORY_WORDS; k++) g->topic[k] = 2000 + (int)(rnd() % (VOCAB - 2000));
  g->story++;
  if (g->story % 40 == 0) g->day++;
  g->start = g->day + (int)(rnd() % 3);
}

/* The next article (owned by the generator until RING more have been made). */
static const art *gen_next(gen *g) {
  art *a = &g->ring[g->i % RING];
  free(a->text); free(a->title);
  if (g->i > 0 && unif() < 0.05) {   /* a syndicated copy of a recent article */
    size_t back = 1 + rnd() % (g->i < RING - 1 ? g->i : RING - 1);
    const art *src = &g->ring[(g->i - back) % RING];
    *a = *src;
    a->text = copy_with_edits(src->text);
    a->title = strdup(src->title);
    a->orig = (long)(g->i - back);
  } else {
    if (g->left <= 0) new_story(g);
    g->left--;
    a->text = write_text(g->topic, 300 + (int)(rnd() % 600));
    char title[80];
    snprintf(title, sizeof title, "%s %s %s %s", vocab[g->topic[0]], vocab[g->topic[1]], vocab[g->topic[2]], vocab[zipf_word()]);
    a->title = strdup(title);
    cb_day_format(g->start + (int)(rnd() % 4), a->date);
    a->story = g->story;
    a->orig = -1;
  }
  g->i++;
  return a;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void on_item(void *ud, uint32_t it) { (*(long *)ud)++; (void)it; }

/* --jsonl FILE: signing + candidate search on real texts, to compare with
 * bench/minhash-ref.py on the same file. */
static int time_jsonl(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return 1; }
  cb_group_opts o;
  cb_group_opts_default(&o);
  int nh = o.bands * o.rows;
  uint32_t sig[CB_MINHASH_MAX];
  cb_lsh lsh;
  cb_lsh_init(&lsh, o.bands, o.rows);
  char *line = NULL;
  size_t cap = 0, n = 0;
  long cands = 0;
  double c = 0;
  while (getline(&line, &cap, f) > 0) {
    cJSON *j = cJSON_Parse(line);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "text");
    if (cJSON_IsString(t)) {
      double c0 = cpu();
      cb_words ws;
      cb_words_init(&ws);
      cb_words_add(&ws, t->valuestring, strlen(t->valuestring), 0);
      uint32_t nsh;
      cb_minhash_sign(ws.w, ws.n, o.shingle_words, nh, sig, &nsh);
      cb_lsh_query(&lsh, sig, 64, on_item, &cands);
      cb_lsh_insert(&lsh, sig);
      cb_words_free(&ws);
      c += cpu() - c0;
      n++;
    }
    cJSON_Delete(j);
  }
  free(line);
  fclose(f);
  cb_lsh_free(&lsh);
  printf("C engine: %zu articles, CPU %.2f s = %.0f articles/s per core, %.1f LSH band hits/article\n",
         n, c, n / c, (double)cands / n);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 2 && strcmp(argv[1], "--jsonl") == 0) return time_jsonl(argv[2]);
  size_t n = argc > 1 ? (size_t)atol(argv[1]) : 10000;
  make_vocab();
  cb_group_opts o;
  cb_group_opts_default(&o);
  /* 1. signing + candidate search alone */
  int nh = o.bands * o.rows;
  uint32_t *sig = malloc((size_t)nh * sizeof *sig);
  cb_lsh lsh;
  cb_lsh_init(&lsh, o.bands, o.rows);
  long cands = 0;
  double t_sign = 0, c_sign = 0;
  gen gn;
  gen_init(&gn, 88172645463325252ULL);
  for (size_t i = 0; i < n; i++) {
    const art *a = gen_next(&gn);
    double t0 = now(), c0 = cpu();
    cb_words ws;
    cb_words_init(&ws);
    cb_words_add(&ws, a->text, strlen(a->text), 0);
    uint32_t nsh;
    cb_minhash_sign(ws.w, ws.n, o.shingle_words, nh, sig, &nsh);
    cb_lsh_query(&lsh, sig, 64, on_item, &cands);
    cb_lsh_insert(&lsh, sig);
    cb_words_free(&ws);
    t_sign += now() - t0; c_sign += cpu() - c0;
  }
  gen_free(&gn);
  cb_lsh_free(&lsh);
  free(sig);
  /* 2. the whole engine; the generator's story and original are kept for scoring */
  cb_grouper *g = cb_grouper_new(&o);
  long *story = malloc(n * sizeof *story), *orig = malloc(n * sizeof *orig);
  double t_all = 0, c_all = 0;
  gen_init(&gn, 88172645463325252ULL);
  for (size_t i = 0; i < n; i++) {
    const art *a = gen_next(&gn);
    story[i] = a->story; orig[i] = a->orig;
    double t0 = now(), c0 = cpu();
    cb_group_doc d = {a->title, a->text, strlen(a->text), a->date, "outlet"};
    cb_grouper_add(g, &d);
    t_all += now() - t0; c_all += cpu() - c0;
  }
  gen_free(&gn);
  long copies = 0, found = 0, false_links = 0;
  for (size_t i = 0; i < n; i++) {
    long r = cb_grouper_duplicate_of(g, i, NULL, NULL);
    if (orig[i] >= 0) { copies++; long ro = cb_grouper_duplicate_of(g, (size_t)orig[i], NULL, NULL); found += r == (ro >= 0 ? ro : orig[i]); }
    else if (r >= 0 && story[r] != story[i]) false_links++;
  }
  /* Story quality on the generator's own stories (copies belong to their original's). */
  long *pred = malloc(n * sizeof *pred);
  for (size_t i = 0; i < n; i++) pred[i] = cb_grouper_story_of(g, i);
  cb_cluster_score sc;
  cb_cluster_score_compute(pred, story, n, &sc);
  free(pred);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("articles %zu | sign+candidates: wall %.2f s, CPU %.2f s = %.0f articles/s per core, %.1f LSH band hits/article"
         " | full engine: wall %.2f s, CPU %.2f s = %.0f articles/s | stories %zu | copies found %ld/%ld,"
         " false copy links %ld | gold stories %zu, BCubed F1 %.3f, pairwise F1 %.3f | peak RSS %ld MB\n",
         n, t_sign, c_sign, n / c_sign, (double)cands / n, t_all, c_all, n / c_all, cb_grouper_nstories(g),
         found, copies, false_links, sc.gold, sc.b3_f1, sc.pair_f1, ru.ru_maxrss / 1024);
  cb_grouper_free(g);
  free(story); free(orig);
  free(zipf_cdf);
  return 0;
}
