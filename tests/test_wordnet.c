/*
 * test_wordnet.c - the WordNet reader (src/text/wordnet.h) on the real WordNet 3.0 files
 * (scripts/install-deps installs wordnet-base): morphy, synonyms, hypernyms, siblings,
 * derivations, lemmas of a synset, garbage words, and, in forked children, a missing
 * database (an empty $CB_WORDNET_DIR) and damaged files: every answer "unknown", no crash.
 * Ends with the speed of synonym checks.
 */
#include "text/wordnet.h"
#include "test.h"
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define N CB_WN_NOUN
#define V CB_WN_VERB

static const char *morph(cb_wn_pos pos, const char *w) {
  static char out[128];
  return cb_wn_morphy(pos, w, out, sizeof out) ? out : "";
}

/* Every function must answer "unknown". */
static void all_unknown(void) {
  cb_error e;
  cb_error_clear(&e);
  CHECK(!cb_wn_available(&e));
  CHECK(e.code == CB_EIO && e.msg[0]);
  CHECK_CONTAINS(e.msg, "WordNet unavailable");
  char out[64];
  uint32_t offs[8];
  CHECK_INT(cb_wn_morphy(N, "boats", out, sizeof out), 0);
  CHECK_STR(out, "");
  CHECK_INT(cb_wn_synsets(N, "boat", offs, 8, 0), 0);
  CHECK_INT(cb_wn_synonyms_share(N, "car", "automobile", 0), 0);
  CHECK_INT(cb_wn_hypernym_depth(N, "boat", "vessel", 0, 5), -1);
  CHECK_INT(cb_wn_relation(N, "boat", "vessel", 0, 5), CB_WN_NONE);
  CHECK_INT(cb_wn_derived(N, "evacuation", V, "evacuate", 0), 0);
  CHECK_INT(cb_wn_synset_word(N, 2858304, 0, out, sizeof out), 0);
}

/* Runs fn in a child whose $CB_WORDNET_DIR is dir; 1 if every check there passed. */
static int in_child(const char *dir, void (*fn)(void)) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    setenv("CB_WORDNET_DIR", dir, 1);
    fn();
    fflush(NULL);
    _exit(t_failed ? 1 : 0);
  }
  int st = 0;
  return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void write_file(const char *dir, const char *name, const char *text, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (f) { fwrite(text, 1, n, f); fclose(f); }
}

static void copy_prefix(const char *dir, const char *name, size_t n) {
  char path[512];
  snprintf(path, sizeof path, "/usr/share/wordnet/%s", name);
  FILE *f = fopen(path, "rb");
  char *buf = malloc(n);
  size_t got = f && buf ? fread(buf, 1, n, f) : 0;
  if (f) fclose(f);
  write_file(dir, name, buf ? buf : "", got);
  free(buf);
}

/* Damaged files: a real index with data files cut short, or lines cut in the middle. */
static void damaged(void) {
  CHECK(cb_wn_available(NULL));   /* the index is real */
  char out[64];
  CHECK_INT(cb_wn_relation(N, "boat", "vessel", 0, 10), CB_WN_NONE);
  CHECK_INT(cb_wn_derived(N, "evacuation", V, "evacuate", 0), 0);
  CHECK_INT(cb_wn_synset_word(N, 2858304, 0, out, sizeof out), 0);
  CHECK_STR(morph(N, "boats"), "boat");
}

/* Threads that all make their first call at once: one open, the same answers everywhere. */
static void *worker(void *arg) {
  int bad = 0;
  for (int i = 0; i < 300; i++) {
    bad += cb_wn_relation(N, "boats", "vessel", 3, 4) != CB_WN_BROADER;
    bad += cb_wn_synonyms_share(N, "cars", "automobile", 1) != 1;
    bad += cb_wn_derived(N, "evacuation", V, "evacuate", 3) != 1;
  }
  *(int *)arg = bad;
  return NULL;
}

static void threads(void) {
  pthread_t t[4];
  int bad[4] = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, &bad[i]) == 0);
  for (int i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    CHECK_INT(bad[i], 0);
  }
}

static void test_missing_and_damaged(void) {
  const char *dir = getenv("CB_WORDNET_DIR");
  CHECK(in_child(dir && *dir ? dir : "/usr/share/wordnet", threads));
  char empty[] = "/tmp/cb-wn-empty-XXXXXX", bad[] = "/tmp/cb-wn-bad-XXXXXX";
  CHECK(mkdtemp(empty) != NULL);
  CHECK(in_child(empty, all_unknown));
  CHECK(in_child("/nonexistent/wordnet", all_unknown));
  CHECK(mkdtemp(bad) != NULL);
  const char *pos[4] = {"noun", "verb", "adj", "adv"};
  char name[32];
  for (int i = 0; i < 4; i++) {   /* garbage index files: not a WordNet index */
    snprintf(name, sizeof name, "index.%s", pos[i]);
    static const char junk[] = "zz\n\n\xff\xfe garbage";
    write_file(bad, name, junk, sizeof junk - 1);
    snprintf(name, sizeof name, "data.%s", pos[i]);
    write_file(bad, name, "", 0);
  }
  CHECK(in_child(bad, all_unknown));
  for (int i = 0; i < 4; i++) {   /* real indexes, data files cut after their header */
    snprintf(name, sizeof name, "index.%s", pos[i]);
    copy_prefix(bad, name, 64u << 20);
    snprintf(name, sizeof name, "data.%s", pos[i]);
    copy_prefix(bad, name, 2000);
  }
  CHECK(in_child(bad, damaged));
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", empty, bad);
  CHECK(system(cmd) == 0);
}

static void test_morphy(void) {
  CHECK_STR(morph(N, "boats"), "boat");
  CHECK_STR(morph(N, "children"), "child");
  CHECK_STR(morph(V, "went"), "go");
  CHECK_STR(morph(N, "passengers"), "passenger");
  CHECK_STR(morph(N, "Passengers"), "passenger");
  CHECK_STR(morph(N, "churches"), "church");
  CHECK_STR(morph(N, "women"), "woman");
  CHECK_STR(morph(N, "bodies"), "body");
  CHECK_STR(morph(N, "glass"), "glass");
  CHECK_STR(morph(V, "evacuated"), "evacuate");
  CHECK_STR(morph(V, "killed"), "kill");
  CHECK_STR(morph(V, "running"), "run");
  CHECK_STR(morph(CB_WN_ADJ, "stronger"), "strong");
  CHECK_STR(morph(CB_WN_ADJ, "bigger"), "big");   /* exceptions first, as WordNet: "bigger" is a lemma too */
  CHECK_STR(morph(V, "saw"), "see");
  CHECK_STR(morph(N, "saw"), "saw");
  CHECK_STR(morph(N, "axes"), "ax");
  CHECK_STR(morph(N, "data"), "datum");
  CHECK_STR(morph(N, "prime ministers"), "prime_minister");
  CHECK_STR(morph(N, "  Prime_Minister "), "prime_minister");
  CHECK_STR(morph(N, "xyzzyqx"), "");
  CHECK_STR(morph(CB_WN_ADV, "quickly"), "quickly");
  char tiny[4];
  CHECK_INT(cb_wn_morphy(N, "passengers", tiny, sizeof tiny), 0);   /* does not fit */
  CHECK_INT(cb_wn_morphy(N, "boats", NULL, 0), 0);
}

static void test_synsets(void) {
  uint32_t offs[64];
  size_t n = cb_wn_synsets(N, "car", offs, 64, 0);
  CHECK_INT(n, 5);
  CHECK_INT(cb_wn_synsets(N, "car", offs, 64, 2), 2);
  CHECK_INT(cb_wn_synsets(N, "car", offs, 1, 0), 1);
  char w[64];
  int found = 0;
  for (size_t i = 0; cb_wn_synset_word(N, offs[0], i, w, sizeof w); i++)
    found += strcmp(w, "automobile") == 0;
  CHECK_INT(found, 1);   /* sense 1 of car: car, auto, automobile, machine, motorcar */
  CHECK(cb_wn_synset_word(N, offs[0], 0, w, sizeof w));
  CHECK_STR(w, "car");
  CHECK(!cb_wn_synset_word(N, offs[0], 5, w, sizeof w));
  CHECK(!cb_wn_synset_word(N, offs[0], 0, w, 3));
  CHECK(!cb_wn_synset_word(N, offs[0] + 1, 0, w, sizeof w));   /* not a line start */
  CHECK(!cb_wn_synset_word(N, 0xffffffffu, 0, w, sizeof w));
  CHECK(!cb_wn_synset_word((cb_wn_pos)7, offs[0], 0, w, sizeof w));
  CHECK(cb_wn_synsets(N, "prime minister", offs, 64, 0) >= 1);
  CHECK(cb_wn_synsets(N, "prime_minister", offs, 64, 0) >= 1);
  CHECK_INT(cb_wn_synsets(N, "boats", offs, 64, 0), 0);   /* no morphy here */
}

static void test_synonyms(void) {
  CHECK_INT(cb_wn_synonyms_share(N, "car", "automobile", 1), 1);
  CHECK_INT(cb_wn_synonyms_share(N, "cars", "automobiles", 1), 1);
  CHECK_INT(cb_wn_synonyms_share(N, "passenger", "rider", 0), 1);   /* rider: sense 4 */
  CHECK_INT(cb_wn_synonyms_share(N, "passenger", "rider", 3), 0);
  CHECK_INT(cb_wn_synonyms_share(N, "boat", "boats", 1), 1);
  /* WordNet: a ship is a kind of vessel, not a synonym */
  CHECK_INT(cb_wn_synonyms_share(N, "ship", "vessel", 0), 0);
  CHECK_INT(cb_wn_synonyms_share(N, "ship", "boat", 0), 0);
  CHECK_INT(cb_wn_synonyms_share(N, "traveller", "traveler", 1), 1);
  CHECK_INT(cb_wn_synonyms_share(V, "kill", "killed", 1), 1);
  CHECK_INT(cb_wn_synonyms_share(V, "die", "decease", 1), 1);
  CHECK_INT(cb_wn_synonyms_share(N, "car", "banana", 0), 0);
}

static void test_hypernyms(void) {
  CHECK_INT(cb_wn_hypernym_depth(N, "boat", "vessel", 3, 2), 1);
  CHECK_INT(cb_wn_hypernym_depth(N, "ship", "vessel", 3, 2), 1);
  CHECK_INT(cb_wn_hypernym_depth(N, "boats", "vessels", 3, 2), 1);
  CHECK_INT(cb_wn_hypernym_depth(N, "vessel", "boat", 3, 2), -1);
  CHECK_INT(cb_wn_hypernym_depth(N, "car", "automobile", 1, 2), 0);
  CHECK_INT(cb_wn_hypernym_depth(N, "passenger", "traveller", 1, 2), 1);
  CHECK_INT(cb_wn_hypernym_depth(N, "passenger", "traveller", 1, 0), -1);
  CHECK_INT(cb_wn_hypernym_depth(N, "age", "vote", 0, 32), -1);
  CHECK_INT(cb_wn_hypernym_depth(N, "dog", "animal", 1, 8) > 1, 1);
  CHECK_INT(cb_wn_hypernym_depth(N, "dog", "animal", 1, 1), -1);
  uint32_t as = 0, bs = 0, offs[4];
  CHECK_INT(cb_wn_hypernym_link(N, "boat", "vessel", 3, 2, &as, &bs), 1);
  CHECK(cb_wn_synsets(N, "boat", offs, 4, 1) == 1 && as == offs[0]);
  char w[64];
  CHECK(cb_wn_synset_word(N, bs, 0, w, sizeof w));
  CHECK_STR(w, "vessel");   /* for the report: "vessel ⊃ boat" */
}

static void test_relation(void) {
  CHECK_INT(cb_wn_relation(N, "car", "automobile", 3, 4), CB_WN_SAME);
  CHECK_INT(cb_wn_relation(N, "boat", "vessel", 3, 4), CB_WN_BROADER);
  CHECK_INT(cb_wn_relation(N, "vessel", "ship", 3, 4), CB_WN_NARROWER);
  CHECK_INT(cb_wn_relation(N, "passengers", "travellers", 3, 4), CB_WN_BROADER);
  CHECK_INT(cb_wn_relation(N, "boat", "ship", 1, 4), CB_WN_SIBLING);
  CHECK_INT(cb_wn_relation(N, "police", "officers", 3, 4), CB_WN_MEMBER);
  CHECK_INT(cb_wn_relation(N, "persons", "people", 3, 4), CB_WN_GROUP);
  CHECK_INT(cb_wn_relation(N, "people", "persons", 3, 4), CB_WN_MEMBER);
  CHECK_INT(cb_wn_relation(N, "age", "vote", 3, 6), CB_WN_NONE);
  CHECK_INT(cb_wn_relation(N, "passenger", "banana", 3, 6), CB_WN_NONE);
  CHECK_INT(cb_wn_relation(N, "house", "election", 3, 6), CB_WN_NONE);
  CHECK_INT(cb_wn_relation((cb_wn_pos)-1, "boat", "vessel", 3, 4), CB_WN_NONE);
  CHECK_STR(cb_wn_rel_name(CB_WN_BROADER), "broader");
  CHECK_STR(cb_wn_rel_name(CB_WN_GROUP), "group");
  CHECK_STR(cb_wn_rel_name((cb_wn_rel)99), "none");
}

static void test_derived(void) {
  CHECK_INT(cb_wn_derived(N, "evacuation", V, "evacuate", 3), 1);
  CHECK_INT(cb_wn_derived(V, "evacuate", N, "evacuation", 3), 1);
  CHECK_INT(cb_wn_derived(N, "evacuations", V, "evacuated", 3), 1);
  CHECK_INT(cb_wn_derived(N, "election", V, "elect", 3), 1);
  CHECK_INT(cb_wn_derived(N, "evacuation", V, "elect", 0), 0);
  CHECK_INT(cb_wn_derived(N, "banana", V, "evacuate", 0), 0);
  CHECK_INT(cb_wn_derived(N, "evacuation", N, "evacuate", 0), 0);   /* not a noun */
}

static void test_garbage(void) {
  static char big[10 * 1024 + 1];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof big - 1; i++) { x = x * 1103515245u + 12345u; big[i] = (char)(x >> 16 | 1); }
  static char longw[10 * 1024 + 1];
  memset(longw, 'a', sizeof longw - 1);
  const char *bad[] = {"", " ", "_", "   _ ", "\xff\xfe", "caf\xc3", "\xc3\xa9t\xc3\xa9", "a\nb", "\t",
                       "s", "ss", "es", "ies", "ing", big, longw, "boat\x80", "-", "'", "((a))"};
  char out[256];
  uint32_t offs[8];
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    for (int p = -1; p <= 4; p++) {
      cb_wn_morphy((cb_wn_pos)p, bad[i], out, sizeof out);
      cb_wn_synsets((cb_wn_pos)p, bad[i], offs, 8, 0);
      CHECK_INT(cb_wn_synonyms_share((cb_wn_pos)p, bad[i], "boat", 0), 0);
      CHECK_INT(cb_wn_relation((cb_wn_pos)p, "boat", bad[i], 0, 32), CB_WN_NONE);
      cb_wn_derived((cb_wn_pos)p, bad[i], (cb_wn_pos)p, bad[i], 0);
    }
  }
  CHECK_INT(cb_wn_morphy(N, longw, out, sizeof out), 0);
  CHECK_INT(cb_wn_synonyms_share(N, NULL, "boat", 0), 0);
  CHECK_INT(cb_wn_synsets(N, "boat", NULL, 8, 0), 0);
  CHECK_INT(cb_wn_synsets(N, "boat", offs, 0, 0), 0);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Synonym checks per second on news-like pairs (inflected, so morphy runs too). */
static void test_speed(void) {
  static const char *pairs[][2] = {
    {"passengers", "travellers"}, {"boats", "ships"}, {"people", "persons"}, {"cars", "automobiles"},
    {"deaths", "fatalities"}, {"children", "kids"}, {"houses", "homes"}, {"soldiers", "troops"},
    {"votes", "ballots"}, {"migrants", "refugees"}, {"police", "officers"}, {"injuries", "wounds"}};
  size_t np = sizeof pairs / sizeof *pairs, n = 0;
  int hits = 0;
  double t0 = now(), t;
  do {
    for (size_t i = 0; i < np; i++, n++) hits += cb_wn_synonyms_share(N, pairs[i][0], pairs[i][1], 3);
  } while ((t = now() - t0) < 0.3);
  printf("wordnet: %.0f synonym checks/s (%zu in %.2f s, %d shared)\n", n / t, n, t, hits);
  n = 0;
  t0 = now();
  do {
    for (size_t i = 0; i < np; i++, n++) hits += cb_wn_relation(N, pairs[i][0], pairs[i][1], 3, 4) != 0;
  } while ((t = now() - t0) < 0.3);
  printf("wordnet: %.0f relation checks/s (3 senses, depth 4)\n", n / t);
  CHECK(n > 0);
}

int main(void) {
  test_missing_and_damaged();   /* first: the children must open the database themselves */
  cb_error e;
  cb_error_clear(&e);
  double t0 = now();
  int ok = cb_wn_available(&e);
  printf("wordnet: opened in %.3f ms\n", (now() - t0) * 1e3);   /* mmap only: nothing is loaded */
  if (!ok) {
    fprintf(stderr, "test_wordnet: %s (install wordnet-base: scripts/install-deps)\n", e.msg);
    CHECK(0);
    return test_report();
  }
  test_morphy();
  test_synsets();
  test_synonyms();
  test_hypernyms();
  test_relation();
  test_derived();
  test_garbage();
  test_speed();
  return test_report();
}
