/*
 * bag.c - content-word bags; see bag.h.
 */
#include "corroborate/bag.h"
#include "core/lines.h"
#include "text/utf8.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* ---- lexicons: a small open-addressing table of folded word -> class key ------------ */
typedef struct lex_entry { uint64_t word; uint64_t cls; } lex_entry;   /* cls 0: stop-word */
static lex_entry *lex;
static size_t lex_cap;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static uint64_t hash_word(const char *w, size_t n) { return XXH3_64bits(w, n) | 1; }

static void lex_put(uint64_t word, uint64_t cls) {
  for (size_t i = word & (lex_cap - 1);; i = (i + 1) & (lex_cap - 1)) {
    if (!lex[i].word || lex[i].word == word) { lex[i].word = word; lex[i].cls = cls; return; }
  }
}

static const lex_entry *lex_get(uint64_t word) {
  if (!lex) return NULL;
  for (size_t i = word & (lex_cap - 1);; i = (i + 1) & (lex_cap - 1)) {
    if (!lex[i].word) return NULL;
    if (lex[i].word == word) return &lex[i];
  }
}

static void load_file(const char *name) {
  size_t len;
  cb_lines it = cb_lines_of(name);
  for (const char *p; (p = cb_lines_next(&it, &len));) lex_put(hash_word(p, len), 0);
}

static void load_lexicons(void) {
  lex_cap = 4096;
  lex = calloc(lex_cap, sizeof *lex);
  if (!lex) return;
  load_file("corroborate/stopwords.txt");
}

/* Crude English suffix stripping: enough to meet "strikes"/"strike", "holding"/"hold",
 * "quarantined"/"quarantine" (a final e goes too, as "ed" and "ing" take it). */
static size_t strip_suffix(const char *w, size_t n) {
  if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0) {
    size_t k = n - 3;   /* "stepping" -> "step", "holding" -> "hold" */
    if (k > 2 && w[k - 1] == w[k - 2] && !strchr("aeiouls", w[k - 1])) k--;
    return k;
  }
  if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0) return n - 2;
  if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) return n - 3;
  if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') return n - 1;
  return n;
}

static size_t stem(const char *w, size_t n) {
  size_t k = strip_suffix(w, n);
  return k > 4 && w[k - 1] == 'e' && w[k - 2] != 'e' ? k - 1 : k;
}

uint64_t cb_content_key(const char *w, size_t n) {
  pthread_once(&lex_once, load_lexicons);
  char low[64];
  if (n <= sizeof low) {   /* ASCII case does not matter ("Confirmed" = "confirmed") */
    int upper = 0;
    for (size_t i = 0; i < n; i++) upper |= w[i] >= 'A' && w[i] <= 'Z';
    if (upper) {
      for (size_t i = 0; i < n; i++) low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
      w = low;
    }
  }
  uint64_t h = hash_word(w, n);
  const lex_entry *e = lex_get(h);
  if (e) return e->cls;                 /* stop-word (0) */
  size_t k = stem(w, n);
  if (k != n) {
    e = lex_get(hash_word(w, k));
    if (e) return e->cls;
  }
  return hash_word(w, k);
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static size_t uniq(uint64_t *v, size_t n) {
  if (!n) return 0;
  qsort(v, n, sizeof *v, cmp_u64);
  size_t k = 1;
  for (size_t i = 1; i < n; i++) if (v[i] != v[k - 1]) v[k++] = v[i];
  return k;
}

/* The content-word keys of s[0..n) in text order (repeats kept); in the arena. */
static int content_seq(cb_arena *a, const char *s, size_t n, uint64_t **seq, size_t *nseq) {
  size_t fl;
  char *f = cb_fold(a, s, n, &fl);
  if (!f) return CB_ENOMEM;
  *nseq = 0;
  *seq = cb_arena_alloc(a, (fl / 2 + 2) * sizeof **seq);
  if (!*seq) return CB_ENOMEM;
  for (size_t i = 0; i < fl;) {
    if (!(isalnum((unsigned char)f[i]) || (unsigned char)f[i] >= 0x80)) { i++; continue; }
    size_t j = i;
    while (j < fl && (isalnum((unsigned char)f[j]) || (unsigned char)f[j] >= 0x80)) j++;
    uint64_t k = (j - i > 1 || isdigit((unsigned char)f[i])) ? cb_content_key(f + i, j - i) : 0;
    if (k) (*seq)[(*nseq)++] = k;
    i = j;
  }
  return CB_OK;
}

/* A bag of a run of content keys: the distinct keys and adjacent-key bigrams. */
static int bag_of_seq(cb_arena *a, const uint64_t *seq, size_t n, cb_bag *bag) {
  memset(bag, 0, sizeof *bag);
  bag->keys = cb_arena_alloc(a, (n + 1) * sizeof *bag->keys);
  bag->bigrams = cb_arena_alloc(a, (n + 1) * sizeof *bag->bigrams);
  if (!bag->keys || !bag->bigrams) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    bag->keys[bag->n++] = seq[i];
    if (i) bag->bigrams[bag->nb++] = (seq[i - 1] * 0x9E3779B97F4A7C15ull) ^ seq[i];
  }
  bag->n = uniq(bag->keys, bag->n);
  bag->nb = uniq(bag->bigrams, bag->nb);
  return CB_OK;
}

int cb_bag_of(cb_arena *a, const char *s, size_t n, cb_bag *bag) {
  uint64_t *seq;
  size_t ns;
  int rc = content_seq(a, s, n, &seq, &ns);
  return rc ? rc : bag_of_seq(a, seq, ns, bag);
}

int cb_bag_windows(cb_arena *a, const char *s, size_t n, size_t width, size_t step, cb_bag **out, size_t *nout) {
  uint64_t *seq;
  size_t ns;
  int rc = content_seq(a, s, n, &seq, &ns);
  if (rc) return rc;
  if (!width || !step) return CB_EUSAGE;
  size_t nw = ns <= width ? 1 : (ns - width + step - 1) / step + 1;
  *out = cb_arena_alloc(a, nw * sizeof **out);
  if (!*out) return CB_ENOMEM;
  *nout = nw;
  for (size_t w = 0; w < nw && !rc; w++) {
    size_t start = w * step, end = start + width < ns ? start + width : ns;
    if (w == nw - 1 && ns > width) start = ns - width;   /* the last window ends with the text */
    rc = bag_of_seq(a, seq + start, end - start, &(*out)[w]);
  }
  return rc;
}

static size_t shared(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny,
                     void (*fn)(void *ud, uint64_t k), void *ud) {
  size_t i = 0, j = 0, c = 0;
  while (i < nx && j < ny) {
    if (x[i] == y[j]) { if (fn) fn(ud, x[i]); c++; i++; j++; }
    else if (x[i] < y[j]) i++;
    else j++;
  }
  return c;
}

size_t cb_bag_shared(const cb_bag *x, const cb_bag *y) { return shared(x->keys, x->n, y->keys, y->n, NULL, NULL); }
size_t cb_bag_shared_bigrams(const cb_bag *x, const cb_bag *y) {
  return shared(x->bigrams, x->nb, y->bigrams, y->nb, NULL, NULL);
}
void cb_bag_each_shared(const cb_bag *x, const cb_bag *y, void (*fn)(void *ud, uint64_t k), void *ud) {
  shared(x->keys, x->n, y->keys, y->n, fn, ud);
}

int cb_bag_has(const cb_bag *b, uint64_t key) {
  size_t lo = 0, hi = b->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (b->keys[mid] == key) return 1;
    if (b->keys[mid] < key) lo = mid + 1; else hi = mid;
  }
  return 0;
}

/* ---- keysets ------------------------------------------------------------------------ */
static struct { const char *name; cb_keyset set; } keysets[16];
static size_t nkeysets;
static pthread_mutex_t keysets_mu = PTHREAD_MUTEX_INITIALIZER;

static int load_keyset(const char *name, cb_keyset *ks) {
  size_t len, cap = 1;
  cb_lines it = cb_lines_of(name);
  while (cb_lines_next(&it, &len)) cap++;
  ks->keys = malloc(cap * sizeof *ks->keys);
  if (!ks->keys) return CB_ENOMEM;
  ks->n = 0;
  it = cb_lines_of(name);
  for (const char *p; (p = cb_lines_next(&it, &len));) {
    uint64_t k = cb_content_key(p, len);
    if (k) ks->keys[ks->n++] = k;
  }
  ks->n = uniq(ks->keys, ks->n);
  return CB_OK;
}

const cb_keyset *cb_keyset_get(const char *name) {
  const cb_keyset *found = NULL;
  pthread_mutex_lock(&keysets_mu);
  for (size_t i = 0; i < nkeysets && !found; i++)
    if (!strcmp(keysets[i].name, name)) found = &keysets[i].set;
  if (!found && nkeysets < sizeof keysets / sizeof *keysets && !load_keyset(name, &keysets[nkeysets].set)) {
    keysets[nkeysets].name = name;
    found = &keysets[nkeysets++].set;
  }
  pthread_mutex_unlock(&keysets_mu);
  return found;
}

int cb_keyset_has(const cb_keyset *s, uint64_t key) {
  if (!s || !key) return 0;
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->keys[mid] == key) return 1;
    if (s->keys[mid] < key) lo = mid + 1; else hi = mid;
  }
  return 0;
}
