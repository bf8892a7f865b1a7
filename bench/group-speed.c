/*
 * group-speed.c - scale benchmark of the grouping engine (built and run by
 * bench/group-speed): a seeded synthetic corpus of N articles with realistic lengths
 * (300-900 words, Zipf vocabulary), stories of 1-200 articles spread over time, and ~5%
 * syndicated copies (light edits). Reports wall time for signing + candidate search alone
 * and for the full engine (near-duplicates + stories), articles/s, peak RSS, and how well
 * copies and stories were recovered.
 */
#include "group/group.h"
#include "group/minhash.h"
#include "group/lsh.h"
#include "group/words.h"
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

typedef struct art { char *text, *title; char date[11]; long story, orig; } art;

static void day_str(int day, char out[11]) { cb_day_format(day, out); }

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

static art *make_corpus(size_t n) {
  art *a = calloc(n, sizeof *a);
  size_t i = 0;
  long story = 0;
  int day = cb_day_number("2020-01-01");
  while (i < n) {
    int size = unif() < 0.5 ? 1 + (int)(rnd() % 5) : (int)(1 + 199 * pow(unif(), 3));
    int topic[STORY_WORDS];
    for (int k = 0; k < STORY_WORDS; k++) topic[k] = 2000 + (int)(rnd() % (VOCAB - 2000));
    int start = day + (int)(rnd() % 3);
    for (int k = 0; k < size && i < n; k++, i++) {
      if (i > 0 && unif() < 0.05) {   /* a syndicated copy of a recent article */
        size_t src = i - 1 - rnd() % (i < 50 ? i : 50);
        a[i] = a[src];
        a[i].text = copy_with_edits(a[src].text);
        a[i].title = strdup(a[src].title);
        a[i].orig = (long)src;
        continue;
      }
      a[i].text = write_text(topic, 300 + (int)(rnd() % 600));
      char title[80];
      snprintf(title, sizeof title, "%s %s %s %s", vocab[topic[0]], vocab[topic[1]], vocab[topic[2]], vocab[zipf_word()]);
      a[i].title = strdup(title);
      day_str(start + (int)(rnd() % 4), a[i].date);
      a[i].story = story;
      a[i].orig = -1;
    }
    story++;
    if (story % 40 == 0) day++;
  }
  return a;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void on_item(void *ud, uint32_t it) { (*(long *)ud)++; (void)it; }

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)atol(argv[1]) : 10000;
  make_vocab();
  art *a = make_corpus(n);
  cb_group_opts o;
  cb_group_opts_default(&o);
  /* 1. signing + candidate search alone */
  int nh = o.bands * o.rows;
  uint32_t *sig = malloc((size_t)nh * sizeof *sig);
  cb_lsh lsh;
  cb_lsh_init(&lsh, o.bands, o.rows);
  long cands = 0;
  double t0 = now(), c0 = cpu();
  for (size_t i = 0; i < n; i++) {
    cb_words ws;
    cb_words_init(&ws);
    cb_words_add(&ws, a[i].text, strlen(a[i].text), 0);
    uint32_t nsh;
    cb_minhash_sign(ws.w, ws.n, o.shingle_words, nh, sig, &nsh);
    cb_lsh_query(&lsh, sig, 64, on_item, &cands);
    cb_lsh_insert(&lsh, sig);
    cb_words_free(&ws);
  }
  double t_sign = now() - t0, c_sign = cpu() - c0;
  cb_lsh_free(&lsh);
  free(sig);
  /* 2. the whole engine */
  cb_grouper *g = cb_grouper_new(&o);
  t0 = now(); c0 = cpu();
  for (size_t i = 0; i < n; i++) {
    cb_group_doc d = {a[i].title, a[i].text, strlen(a[i].text), a[i].date, "outlet"};
    cb_grouper_add(g, &d);
  }
  double t_all = now() - t0, c_all = cpu() - c0;
  long copies = 0, found = 0, false_links = 0;
  for (size_t i = 0; i < n; i++) {
    long r = cb_grouper_duplicate_of(g, i, NULL, NULL);
    if (a[i].orig >= 0) { copies++; long ro = cb_grouper_duplicate_of(g, (size_t)a[i].orig, NULL, NULL); found += r == (ro >= 0 ? ro : a[i].orig); }
    else if (r >= 0 && a[r].story != a[i].story) false_links++;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("articles %zu | sign+candidates: wall %.2f s, CPU %.2f s = %.0f articles/s per core, %.1f candidates/article"
         " | full engine: wall %.2f s, CPU %.2f s = %.0f articles/s | stories %zu | copies found %ld/%ld,"
         " false copy links %ld | peak RSS %ld MB\n",
         n, t_sign, c_sign, n / c_sign, (double)cands / n, t_all, c_all, n / c_all, cb_grouper_nstories(g),
         found, copies, false_links, ru.ru_maxrss / 1024);
  cb_grouper_free(g);
  for (size_t i = 0; i < n; i++) { free(a[i].text); free(a[i].title); }
  free(a);
  free(zipf_cdf);
  return 0;
}
