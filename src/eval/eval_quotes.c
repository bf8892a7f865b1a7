/*
 * eval_quotes.c - `corroborate eval quotes DIR...`: scores cb_quote_extract on PolNeAR
 * folders (DIR/text/NAME.txt with DIR/attributions/NAME_ANNOTATOR.ann in BRAT; the first
 * annotator file of each text is used). Only direct quotations count: attributions whose
 * content opens with a quote mark. Their content fragments, merged where only spaces
 * separate them, are the gold quotes (a quote split by "he said" gives two). Prints span
 * P/R/F1 with overlap and exact matching, speaker accuracy on matched quotes (the
 * predicted speaker's words overlap the gold Source, or the names agree) and the share of
 * predicted quotes with no speaker. BRAT offsets count code points; they are mapped to bytes.
 */
#include "eval/eval.h"
#include "extract/quote.h"
#include "text/utf8.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FRAGS = 64 };

typedef struct gold { size_t start, end, src_start, src_end; int has_src; } gold;
typedef struct tspan { char id[16]; char type[16]; size_t b[MAX_FRAGS], e[MAX_FRAGS]; int n; } tspan;
typedef struct tally {
  int misses;
  long docs, gold, pred, pred_hit, gold_hit, exact_pred, exact_gold, spk_n, spk_ok, unknown, pred_indirect;
} tally;

static char *read_all(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *b = malloc(cap + 1);
  for (size_t r; b && (r = fread(b + len, 1, cap - len, f)) > 0;) {
    len += r;
    if (len == cap) { char *nb = realloc(b, cap * 2 + 1); if (!nb) { free(b); b = NULL; break; } b = nb; cap *= 2; }
  }
  fclose(f);
  if (b) { b[len] = 0; *n = len; }
  return b;
}

/* byte offset of each code point index, [0..ncp] */
static size_t *cp_offsets(const char *s, size_t n, size_t *ncp) {
  size_t *v = malloc((n + 2) * sizeof *v), k = 0;
  if (!v) return NULL;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    v[k++] = i;
    i += (size_t)cb_utf8_decode(s + i, n - i, &cp);
  }
  v[k] = n;
  *ncp = k;
  return v;
}

static int parse_t(const char *line, tspan *t) {
  const char *tab = strchr(line, '\t');
  if (!tab || tab - line >= (long)sizeof t->id) return 0;
  memcpy(t->id, line, (size_t)(tab - line)); t->id[tab - line] = 0;
  const char *p = tab + 1;
  size_t tl = strcspn(p, " \t");
  if (tl >= sizeof t->type) return 0;
  memcpy(t->type, p, tl); t->type[tl] = 0;
  p += tl;
  t->n = 0;
  while (*p == ' ' || *p == ';') {
    char *end;
    unsigned long b = strtoul(p + 1, &end, 10), e = strtoul(end, &end, 10);
    if (t->n < MAX_FRAGS) { t->b[t->n] = b; t->e[t->n] = e; t->n++; }
    p = end;
  }
  return t->n > 0;
}

static const tspan *find_t(const tspan *ts, size_t nt, const char *id) {
  for (size_t i = 0; i < nt; i++) if (strcmp(ts[i].id, id) == 0) return &ts[i];
  return NULL;
}

static int opens_with_mark(const char *s, size_t n, size_t at) {
  if (at >= n) return 0;
  if (s[at] == '"') return 1;
  return at + 2 < n && (unsigned char)s[at] == 0xE2 && (unsigned char)s[at + 1] == 0x80 &&
         ((unsigned char)s[at + 2] == 0x9C || (unsigned char)s[at + 2] == 0x9D);
}

static int only_space(const char *s, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t') return 0;
  return 1;
}

typedef struct doc { const char *s; size_t n; const size_t *off; size_t ncp; const char *path; } doc;

static size_t at_byte(const doc *d, size_t cp) { return cp <= d->ncp ? d->off[cp] : d->n; }

/* Adds the gold quotes of one attribution (content c, source src or NULL). */
static size_t add_gold(const doc *d, const tspan *c, const tspan *src, gold *g, size_t ng, size_t cap, int *indirect) {
  size_t b0 = at_byte(d, c->b[0]);
  if (!opens_with_mark(d->s, d->n, b0)) { *indirect = 1; return ng; }
  for (int i = 0; i < c->n && ng < cap; i++) {
    size_t b = at_byte(d, c->b[i]), e = at_byte(d, c->e[i]);
    while (i + 1 < c->n && only_space(d->s, e, at_byte(d, c->b[i + 1]))) e = at_byte(d, c->e[++i]);
    if (!opens_with_mark(d->s, d->n, b)) continue;
    while (e > b && (d->s[e - 1] == ' ' || d->s[e - 1] == '\n' || d->s[e - 1] == '\t')) e--;   /* stray spaces */
    gold x = {b, e, 0, 0, src != NULL};
    if (src) { x.src_start = at_byte(d, src->b[0]); x.src_end = at_byte(d, src->e[src->n - 1]); }
    g[ng++] = x;
  }
  return ng;
}

typedef struct span { size_t b, e; } span;

/* Reads the .ann file: gold direct quotes into g, the indirect contents into ind. */
static size_t read_gold(const doc *d, const char *ann, gold **gout, span **iout, size_t *nind) {
  size_t nt = 0, capt = 256, ng = 0, ni = 0;
  tspan *ts = malloc(capt * sizeof *ts);
  gold *g = malloc(4096 * sizeof *g);
  span *ind = malloc(4096 * sizeof *ind);
  *gout = g; *iout = ind; *nind = 0;
  if (!ts || !g || !ind) { free(ts); return 0; }
  for (const char *p = ann; *p;) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    char line[1024];
    snprintf(line, sizeof line, "%.*s", (int)(len < 1023 ? len : 1023), p);
    if (line[0] == 'T') {
      if (nt == capt) { tspan *n2 = realloc(ts, capt * 2 * sizeof *ts); if (!n2) break; ts = n2; capt *= 2; }
      if (parse_t(line, &ts[nt])) nt++;
    } else if (line[0] == 'E') {
      char *c = strstr(line, "Content:"), *s = strstr(line, "Source:");
      char cid[16] = "", sid[16] = "";
      if (c) sscanf(c + 8, "%15s", cid);
      if (s) sscanf(s + 7, "%15s", sid);
      const tspan *ct = find_t(ts, nt, cid), *st = s ? find_t(ts, nt, sid) : NULL;
      int indirect = 0;
      if (ct) ng = add_gold(d, ct, st, g, ng, 4096, &indirect);
      if (ct && indirect && ni < 4096) ind[ni++] = (span){at_byte(d, ct->b[0]), at_byte(d, ct->e[ct->n - 1])};
    }
    p = nl ? nl + 1 : p + len;
  }
  free(ts);
  *nind = ni;
  return ng;
}

static int overlaps(size_t a, size_t b, size_t c, size_t d) { return a < d && c < b; }

static int same_name(cb_arena *a, const doc *d, const gold *g, const cb_quote *q) {
  if (!q->speaker || !g->has_src) return 0;
  size_t n1, n2;
  char *x = cb_fold(a, d->s + g->src_start, g->src_end - g->src_start, &n1);
  char *y = cb_fold(a, q->speaker, strlen(q->speaker), &n2);
  if (!x || !y || !n1 || !n2) return 0;
  const char *lx = strrchr(x, ' '), *ly = strrchr(y, ' ');
  return strcmp(lx ? lx + 1 : x, ly ? ly + 1 : y) == 0;
}

/* --misses: one line per matched quote whose speaker is wrong, on stderr. */
static void print_miss(const doc *d, const gold *g, const cb_quote *m) {
  int ql = (int)(m->end - m->start > 70 ? 70 : m->end - m->start);
  int gl = (int)(g->src_end - g->src_start), sl = (int)(m->speaker_end - m->speaker_start);
  fprintf(stderr, "speaker miss: %s@%zu: gold \"%.*s\" got \"%.*s\" = %s (%s, cue %s) for %.*s\n", d->path,
          m->start, gl, d->s + g->src_start, sl, d->s + m->speaker_start, m->speaker ? m->speaker : "?",
          cb_speaker_how_name(m->how), m->cue ? m->cue : "-", ql, d->s + m->start);
}

static int exact_match(const cb_quote *q, const gold *g) {
  return (q->start == g->start && q->end == g->end) || (q->inner_start == g->start && q->inner_end == g->end);
}

/* At most 100 bytes of quote q, for the --misses lines. */
static int cut(const cb_quote *q) { return (int)(q->end - q->start > 100 ? 100 : q->end - q->start); }

static void score_preds(const doc *d, const gold *g, size_t ng, const span *ind, size_t ni, const cb_quote *q,
                        size_t nq, cb_arena *a, tally *t) {
  t->docs++; t->gold += (long)ng; t->pred += (long)nq;
  for (size_t i = 0; i < nq; i++) {
    int hit = 0, exact = 0, inside = 0;
    for (size_t j = 0; j < ng; j++) {
      hit |= overlaps(q[i].start, q[i].end, g[j].start, g[j].end);
      exact |= exact_match(&q[i], &g[j]);
    }
    for (size_t j = 0; j < ni && !hit; j++) inside |= overlaps(q[i].start, q[i].end, ind[j].b, ind[j].e);
    t->pred_hit += hit; t->exact_pred += exact; t->unknown += q[i].speaker == NULL; t->pred_indirect += inside;
    if (!hit && t->misses)
      fprintf(stderr, "SPURIOUS %s@%zu: %.*s\n", d->path, q[i].start, cut(&q[i]), d->s + q[i].start);
  }
  for (size_t j = 0; j < ng; j++) {
    const cb_quote *m = NULL;
    int exact = 0;
    for (size_t i = 0; i < nq; i++) {
      if (!m && overlaps(q[i].start, q[i].end, g[j].start, g[j].end)) m = &q[i];
      exact |= exact_match(&q[i], &g[j]);
    }
    t->exact_gold += exact;
    int glen = (int)(g[j].end - g[j].start > 100 ? 100 : g[j].end - g[j].start);
    if (!m && t->misses)
      fprintf(stderr, "GOLDMISS %s@%zu: %.*s\n", d->path, g[j].start, glen, d->s + g[j].start);
    if (!m) continue;
    t->gold_hit++;
    if (!g[j].has_src) continue;
    t->spk_n++;
    int ok = (m->speaker_end > m->speaker_start && overlaps(m->speaker_start, m->speaker_end, g[j].src_start, g[j].src_end)) ||
             same_name(a, d, &g[j], m);
    t->spk_ok += ok;
    if (!ok && t->misses) print_miss(d, &g[j], m);
  }
}

/* Scores the direct quotes (t[0]) and all quotes (t[1]) of one document. */
static void score_doc(const doc *d, const gold *g, size_t ng, const span *ind, size_t ni, tally *t) {
  cb_arena *a = cb_arena_new(0);
  cb_quote *q = NULL;
  size_t nq = a ? cb_quote_extract(a, d->s, d->n, &q) : 0, nd = 0;
  cb_quote *direct = nq && a ? cb_arena_calloc(a, nq, sizeof *direct) : NULL;
  for (size_t i = 0; direct && i < nq; i++) if (q[i].direct) direct[nd++] = q[i];
  score_preds(d, g, ng, ind, ni, direct, nd, a, &t[0]);
  score_preds(d, g, ng, ind, ni, q, nq, a, &t[1]);
  cb_arena_free(a);
}

static int eval_pair(const char *txt, const char *ann_path, tally *t) {
  size_t n = 0, an = 0, ncp = 0, ni = 0;
  char *s = read_all(txt, &n), *ann = read_all(ann_path, &an);
  size_t *off = s ? cp_offsets(s, n, &ncp) : NULL;
  if (!s || !ann || !off) { free(s); free(ann); free(off); return 1; }
  doc d = {s, n, off, ncp, txt};
  gold *g; span *ind;
  size_t ng = read_gold(&d, ann, &g, &ind, &ni);
  if (g && ind) score_doc(&d, g, ng, ind, ni, t);
  free(g); free(ind); free(s); free(ann); free(off);
  return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Scores every text of DIR/text that has an annotation file. */
static int eval_dir(const char *dir, tally *t) {
  char path[4096];
  snprintf(path, sizeof path, "%s/attributions", dir);
  DIR *dp = opendir(path);
  if (!dp) { fprintf(stderr, "corroborate: eval quotes: cannot open %s\n", path); return 1; }
  char **names = NULL;
  size_t nn = 0, cap = 0;
  for (struct dirent *e; (e = readdir(dp));) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".ann") != 0) continue;
    if (nn == cap) { char **n2 = realloc(names, (cap = cap ? cap * 2 : 256) * sizeof *names); if (!n2) break; names = n2; }
    names[nn++] = strdup(e->d_name);
  }
  closedir(dp);
  if (nn) qsort(names, nn, sizeof *names, cmp_str);
  int bad = 0;
  char last[1024] = "";
  for (size_t i = 0; i < nn; i++) {
    char stem[1024];
    snprintf(stem, sizeof stem, "%s", names[i] ? names[i] : "");
    char *us = strrchr(stem, '_');
    if (!us || strcmp(stem, last) == 0) continue;
    *us = 0;
    if (strcmp(stem, last) == 0) continue;
    snprintf(last, sizeof last, "%s", stem);
    char txt[4096], ann[4096];
    snprintf(txt, sizeof txt, "%s/text/%s.txt", dir, stem);
    snprintf(ann, sizeof ann, "%s/attributions/%s", dir, names[i]);
    bad |= eval_pair(txt, ann, t);
    if (!t[0].misses) cb_eval_progress("files", i + 1, nn);   /* --misses prints as it goes */
  }
  if (!t[0].misses) cb_eval_progress("files", nn, nn);
  for (size_t i = 0; i < nn; i++) free(names[i]);
  free(names);
  return bad;
}

static double pct(long a, long b) { return b ? 100.0 * (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

static void print_tally(const char *what, const tally *t) {
  double po = pct(t->pred_hit, t->pred), ro = pct(t->gold_hit, t->gold);
  double pe = pct(t->exact_pred, t->pred), re = pct(t->exact_gold, t->gold);
  double pl = pct(t->pred_hit, t->pred - t->pred_indirect);
  printf("%s: documents %ld, gold direct quotes %ld, predicted quotes %ld\n", what, t->docs, t->gold, t->pred);
  printf("overlap  P %.1f  R %.1f  F1 %.1f\n", po, ro, f1(po, ro));
  printf("exact    P %.1f  R %.1f  F1 %.1f\n", pe, re, f1(pe, re));
  printf("overlap, not counting %ld predictions inside indirect gold attributions: P %.1f  F1 %.1f\n",
         t->pred_indirect, pl, f1(pl, ro));
  printf("speaker accuracy %.1f%% (%ld of %ld matched quotes with a gold source)\n", pct(t->spk_ok, t->spk_n),
         t->spk_ok, t->spk_n);
  printf("unknown speaker %.1f%% of predicted quotes (%ld)\n\n", pct(t->unknown, t->pred), t->unknown);
}

int cb_eval_quotes(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
    fprintf(argc < 2 ? stderr : stdout,
            "usage: corroborate eval quotes DIR...\n\nDIR holds text/*.txt and attributions/*.ann (PolNeAR BRAT).\n"
            "Prints direct-quote span P/R/F1 (overlap and exact), speaker accuracy and the unknown-speaker share.\n"
            "--misses (before DIR) lists on stderr the gold quotes not found (GOLDMISS), the direct quotes\n"
            "that match no gold quote (SPURIOUS) and those whose speaker is wrong, with file and offset.\n");
    return argc < 2 ? 2 : 0;
  }
  tally t[2] = {{0}, {0}};
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--misses") == 0) t[0].misses = 1;
    else bad |= eval_dir(argv[i], t);
  }
  print_tally("direct quotations (full quotes, and fragments right next to their cue)", &t[0]);
  print_tally("all quotations (also fragments woven into the writer's sentence)", &t[1]);
  return bad ? 1 : 0;
}
