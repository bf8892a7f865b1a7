/*
 * wordnet_db.c - the WordNet 3.0 database files, mmap'd read-only once per process
 * (pthread_once) and shared by every thread: binary search by first field in the sorted
 * index and exception files, and a bounded reader of one synset line found by its byte
 * offset in a data file. A damaged file can make answers wrong, never a read out of bounds.
 */
#include "text/wordnet_db.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const pos_name[4] = {"noun", "verb", "adj", "adv"};

static struct {
  int ok;
  char file[512], why[512];
  cb_wn_map index[4], data[4], exc[4];
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static int map_file(const char *dir, const char *name, cb_wn_map *m, int optional) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  m->p = NULL;
  m->n = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = fd < 0 ? errno : EINVAL;
    if (fd >= 0) close(fd);
    if (optional) return 0;
    snprintf(db.file, sizeof db.file, "%s", path);
    snprintf(db.why, sizeof db.why, "WordNet unavailable: cannot open %.400s: %.60s", path,
             strerror(err));
    return -1;
  }
  if (st.st_size > 0) {
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) { m->p = p; m->n = (size_t)st.st_size; }
  }
  close(fd);
  return 0;
}

static void unmap_all(void) {
  cb_wn_map *all[3] = {db.index, db.data, db.exc};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < 4; i++) {
      if (all[k][i].p) munmap((void *)all[k][i].p, all[k][i].n);
      all[k][i].p = NULL;
      all[k][i].n = 0;
    }
}

static void db_open(void) {
  const char *dir = getenv("CB_WORDNET_DIR");
  if (!dir || !*dir) dir = "/usr/share/wordnet";
  char name[32];
  for (int i = 0; i < 4; i++) {
    snprintf(name, sizeof name, "index.%s", pos_name[i]);
    if (map_file(dir, name, &db.index[i], 0)) { unmap_all(); return; }
    snprintf(name, sizeof name, "data.%s", pos_name[i]);
    if (map_file(dir, name, &db.data[i], 0)) { unmap_all(); return; }
    snprintf(name, sizeof name, "%s.exc", pos_name[i]);
    map_file(dir, name, &db.exc[i], 1);
  }
  const char *eol;
  if (!cb_wn_find(&db.index[CB_WN_NOUN], "entity", 6, &eol)) {
    snprintf(db.file, sizeof db.file, "%s/index.noun", dir);
    snprintf(db.why, sizeof db.why, "WordNet unavailable: %.400s/index.noun is not a WordNet index",
             dir);
    unmap_all();
    return;
  }
  db.ok = 1;
}

int cb_wn_db_ok(const char **file, const char **why) {
  pthread_once(&db_once, db_open);
  if (file) *file = db.file;
  if (why) *why = db.why;
  return db.ok;
}

static int pos_ok(cb_wn_pos pos) { return (unsigned)pos < 4 && cb_wn_db_ok(NULL, NULL); }
const cb_wn_map *cb_wn_db_index(cb_wn_pos pos) { return pos_ok(pos) ? &db.index[pos] : NULL; }
const cb_wn_map *cb_wn_db_exc(cb_wn_pos pos) { return pos_ok(pos) ? &db.exc[pos] : NULL; }
const cb_wn_map *cb_wn_db_data(cb_wn_pos pos) { return pos_ok(pos) ? &db.data[pos] : NULL; }

size_t cb_wn_fold(const char *word, char *key) {
  if (!word) return 0;
  size_t n = 0;
  int blank = 0;
  for (const unsigned char *s = (const unsigned char *)word; *s; s++) {
    unsigned c = *s;
    if (c == ' ' || c == '\t' || c == '_') { blank = n > 0; continue; }
    if (c < 0x21 || c > 0x7e) return 0;
    if (blank) { if (n + 1 >= CB_WN_KEY_MAX) return 0; key[n++] = '_'; blank = 0; }
    if (n + 1 >= CB_WN_KEY_MAX) return 0;
    key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  key[n] = 0;
  return n;
}

/* Compares key with the first field of line[0..len): <0, 0, >0 as strcmp would. */
static int cmp_first(const char *key, size_t klen, const char *line, size_t len) {
  for (size_t i = 0; i < klen; i++) {
    if (i >= len) return 1;
    int d = (unsigned char)key[i] - (unsigned char)line[i];
    if (d) return d;
  }
  return klen == len || line[klen] == ' ' ? 0 : -1;
}

const char *cb_wn_find(const cb_wn_map *m, const char *key, size_t klen, const char **eol) {
  if (!m || !m->p || !klen) return NULL;
  size_t lo = 0, hi = m->n;   /* both always line starts (or the end) */
  while (lo < hi) {
    size_t ls = lo + (hi - lo) / 2;
    while (ls > lo && m->p[ls - 1] != '\n') ls--;
    const char *e = memchr(m->p + ls, '\n', m->n - ls);
    size_t le = e ? (size_t)(e - m->p) : m->n;
    int c = cmp_first(key, klen, m->p + ls, le - ls);
    if (c == 0) { *eol = m->p + le; return m->p + ls; }
    if (c < 0) hi = ls; else lo = le + 1;
  }
  return NULL;
}

int cb_wn_tok(cb_wn_cur *c, const char **s, size_t *n) {
  while (c->p < c->end && *c->p == ' ') c->p++;
  const char *b = c->p;
  while (c->p < c->end && *c->p != ' ' && *c->p != '\n') c->p++;
  *s = b;
  *n = (size_t)(c->p - b);
  return *n > 0;
}

static int num(const char *s, size_t n, int base, uint32_t *v) {
  if (!n || n > 8) return 0;
  uint32_t x = 0;
  for (size_t i = 0; i < n; i++) {
    int d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0'
          : base == 16 && s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 : -1;
    if (d < 0) return 0;
    x = x * (uint32_t)base + (uint32_t)d;
  }
  *v = x;
  return 1;
}

static int tok_num(cb_wn_cur *c, int base, uint32_t *v) {
  const char *s;
  size_t n;
  return cb_wn_tok(c, &s, &n) && num(s, n, base, v);
}

size_t cb_wn_index_senses(cb_wn_pos pos, const char *key, size_t klen, uint32_t *out, size_t max,
                          int max_senses) {
  const char *eol, *line = cb_wn_find(cb_wn_db_index(pos), key, klen, &eol);
  return line ? cb_wn_line_senses(line, eol, out, max, max_senses) : 0;
}

size_t cb_wn_line_senses(const char *line, const char *eol, uint32_t *out, size_t max, int max_senses) {
  cb_wn_cur c = {line, eol};
  const char *s;
  size_t n;
  uint32_t nsyn, nptr, skip;
  if (!cb_wn_tok(&c, &s, &n) || !cb_wn_tok(&c, &s, &n)) return 0;   /* lemma, pos */
  if (!tok_num(&c, 10, &nsyn) || !tok_num(&c, 10, &nptr)) return 0;
  for (uint32_t i = 0; i < nptr; i++) if (!cb_wn_tok(&c, &s, &n)) return 0;
  if (!tok_num(&c, 10, &skip) || !tok_num(&c, 10, &skip)) return 0;  /* sense_cnt, tagsense_cnt */
  if (max_senses > 0 && (size_t)max_senses < max) max = (size_t)max_senses;
  size_t k = 0;
  for (uint32_t i = 0; i < nsyn && k < max; i++)
    if (!tok_num(&c, 10, &out[k++])) return k - 1;
  return k;
}

int cb_wn_syn_open(cb_wn_pos pos, uint32_t off, cb_wn_syn *s) {
  const cb_wn_map *m = cb_wn_db_data(pos);
  if (!m || !m->p || off >= m->n || (off > 0 && m->p[off - 1] != '\n')) return 0;
  const char *e = memchr(m->p + off, '\n', m->n - off);
  cb_wn_cur c = {m->p + off, e ? e : m->p + m->n};
  uint32_t v, nw, np;
  const char *t;
  size_t n;
  if (!tok_num(&c, 10, &v) || v != off) return 0;
  if (!cb_wn_tok(&c, &t, &n) || !cb_wn_tok(&c, &t, &n)) return 0;   /* lex_filenum, ss_type */
  if (!tok_num(&c, 16, &nw) || nw == 0) return 0;
  s->pos = pos;
  s->nwords = nw;
  s->words = c.p;
  for (uint32_t i = 0; i < 2 * nw; i++) if (!cb_wn_tok(&c, &t, &n)) return 0;
  if (!tok_num(&c, 10, &np)) return 0;
  s->nptrs = np;
  s->ptrs = c.p;
  s->end = c.end;
  return 1;
}

int cb_wn_syn_word(const cb_wn_syn *s, unsigned i, const char **w, size_t *n) {
  if (i >= s->nwords) return 0;
  cb_wn_cur c = {s->words, s->end};
  for (unsigned k = 0; k < 2 * i; k++) if (!cb_wn_tok(&c, w, n)) return 0;
  if (!cb_wn_tok(&c, w, n)) return 0;
  if (s->pos == CB_WN_ADJ && *n > 2 && (*w)[*n - 1] == ')') {   /* "long(a)": drop "(a)" */
    const char *o = memchr(*w, '(', *n);
    if (o && o > *w) *n = (size_t)(o - *w);
  }
  return 1;
}

int cb_wn_syn_word_is(const cb_wn_syn *s, unsigned i, const char *key, size_t klen) {
  const char *w;
  size_t n;
  if (!cb_wn_syn_word(s, i, &w, &n) || n != klen) return 0;
  for (size_t k = 0; k < n; k++) {
    char c = w[k] >= 'A' && w[k] <= 'Z' ? (char)(w[k] + 32) : w[k];
    if (c != key[k]) return 0;
  }
  return 1;
}

static int pos_of(char c, cb_wn_pos *p) {
  switch (c) {
  case 'n': *p = CB_WN_NOUN; return 1;
  case 'v': *p = CB_WN_VERB; return 1;
  case 'a': case 's': *p = CB_WN_ADJ; return 1;
  case 'r': *p = CB_WN_ADV; return 1;
  default: return 0;
  }
}

int cb_wn_syn_ptr(const cb_wn_syn *s, cb_wn_cur *c, unsigned *k, cb_wn_ptr *p) {
  const char *t;
  size_t n;
  uint32_t st;
  if (*k >= s->nptrs) return 0;
  (*k)++;
  if (!cb_wn_tok(c, &t, &n) || n > 2) return 0;
  memcpy(p->sym, t, n);
  p->sym[n] = 0;
  if (!tok_num(c, 10, &p->off)) return 0;
  if (!cb_wn_tok(c, &t, &n) || n != 1 || !pos_of(*t, &p->pos)) return 0;
  if (!cb_wn_tok(c, &t, &n) || n != 4 || !num(t, 4, 16, &st)) return 0;
  p->src = st >> 8;
  p->dst = st & 0xff;
  return 1;
}
