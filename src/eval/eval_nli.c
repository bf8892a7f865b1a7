/*
 * eval_nli.c - `corroborate eval nli FILE.csv...` scores the verdict engine on sentence
 * pairs labelled entailment / neutral / contradiction (EQUATE's CSV: premise, hypothesis,
 * label, sample_index). Each pair becomes two one-sentence articles of two outlets on one
 * day, read from memory as JSON Lines and briefed by the same calls `corroborate report
 * FILE...` makes (ingest, grouping, extraction, brief); the brief gives the label:
 *   a quantity or date finding with a claim of each article and verdict conflict:
 *     contradiction;
 *   one with verdict agree or compatible: entailment when the premise's interval lies
 *     inside the hypothesis's (for every such finding), else neutral;
 *   nothing aligned (two stories, no finding holding both): neutral.
 * A file whose labels are only entailment and neutral is scored in 2 classes (a predicted
 * contradiction counts as neutral). Duplicate pairs count as they are. The claims'
 * intervals are read from the extractor's records (src/extract/quantity.h, matched by
 * span) and from the ISO values of date claims, never re-parsed from the words.
 */
#include "eval/eval.h"
#include "corroborate/brief.h"
#include "core/buf.h"
#include "corroborate/interval.h"
#include "extract/quantity.h"
#include "group/group.h"
#include "ingest/reader.h"
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ENT, NEU, CON, NLABELS };
static const char *const label_names[NLABELS] = {"entailment", "neutral", "contradiction"};

/* Why a pair got its label: the causes the breakdown counts. */
typedef enum {
  C_NOT_READ, C_SPLIT, C_NONE_BOTH, C_NONE_PREMISE, C_NONE_HYP, C_UNALIGNED, C_OTHER,
  C_CONFLICT, C_INSIDE, C_NOT_INSIDE, NCAUSES
} cause;
static const char *const cause_names[NCAUSES] = {
  "not read as two articles", "two stories (grouping split them)", "no figure claimed in either sentence",
  "no figure claimed in the premise", "no figure claimed in the hypothesis",
  "figures of both, not aligned",
  "aligned, another verdict (variant, uncertain)",
  "aligned, conflict", "aligned, premise inside hypothesis", "aligned, premise not inside hypothesis"};

typedef struct pair { char *premise, *hyp; int gold; long line; } pair;
typedef struct pairs { pair *v; size_t n, cap; int bad; } pairs;

typedef struct outcome {
  int pred;
  cause why;
  int one_story, copy;
  int extracted[2];     /* quantities the extractor finds in each sentence */
  char reason[600];
} outcome;

/* ---- CSV ------------------------------------------------------------------------------ */

typedef struct csv { const char *buf; size_t n, pos; long line; } csv;
typedef struct row { char *f[8]; int nf; long line; } row;

static void row_free(row *r) {
  for (int i = 0; i < r->nf; i++) free(r->f[i]);
  r->nf = 0;
}

static int row_add(row *r, const char *s, size_t n) {
  if (r->nf == 8) return -1;
  char *d = malloc(n + 1);
  if (!d) return -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {   /* "" inside a quoted field is one quote */
    d[k++] = s[i];
    if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') i++;
  }
  d[k] = 0;
  r->f[r->nf++] = d;
  return 0;
}

/* One quoted field starting at c->pos (on the quote); *end gets the closing quote. */
static const char *quoted_field(csv *c, size_t *len, const char **msg) {
  size_t s = ++c->pos;
  while (c->pos < c->n) {
    if (c->buf[c->pos] == '"') {
      if (c->pos + 1 < c->n && c->buf[c->pos + 1] == '"') { c->pos += 2; continue; }
      *len = c->pos - s;
      c->pos++;
      return c->buf + s;
    }
    if (c->buf[c->pos] == '\n') c->line++;
    c->pos++;
  }
  *msg = "a quoted field is not closed";
  return NULL;
}

/* Reads one record. 1: a record; 0: end of input; -1: malformed (msg says why; the reading
 * resumes on the line after the record's first line). */
static int csv_next(csv *c, row *r, const char **msg) {
  r->nf = 0;
  if (c->pos >= c->n) return 0;
  r->line = c->line;
  size_t start = c->pos;
  for (;;) {
    const char *f;
    size_t len = 0;
    if (c->pos < c->n && c->buf[c->pos] == '"') {
      if (!(f = quoted_field(c, &len, msg))) break;
      if (c->pos < c->n && !strchr(",\r\n", c->buf[c->pos])) {
        *msg = "characters after a closing quote";
        break;
      }
    } else {
      f = c->buf + c->pos;
      while (c->pos < c->n && !strchr(",\r\n", c->buf[c->pos])) c->pos++;
      len = (size_t)(c->buf + c->pos - f);
    }
    if (row_add(r, f, len)) { *msg = "more than 8 fields"; break; }
    if (c->pos < c->n && c->buf[c->pos] == ',') { c->pos++; continue; }
    if (c->pos < c->n && c->buf[c->pos] == '\r') c->pos++;
    if (c->pos < c->n && c->buf[c->pos] == '\n') c->pos++;
    c->line++;
    return 1;
  }
  row_free(r);   /* resync: the line after the record's first one */
  const char *nl = memchr(c->buf + start, '\n', c->n - start);
  c->pos = nl ? (size_t)(nl - c->buf) + 1 : c->n;
  c->line = r->line + 1;
  return -1;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); buf = NULL; }
      buf = nb;
    }
  }
  fclose(f);
  *n = len;
  return buf;
}

static int label_of(const char *s) {
  for (int i = 0; i < NLABELS; i++) if (!strcmp(s, label_names[i])) return i;
  return -1;
}

static int pairs_push(pairs *p, row *r, const int col[3], long line) {
  if (p->n == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    pair *v = realloc(p->v, cap * sizeof *v);
    if (!v) return -1;
    p->v = v;
    p->cap = cap;
  }
  pair *x = &p->v[p->n++];
  x->premise = r->f[col[0]];
  x->hyp = r->f[col[1]];
  x->gold = label_of(r->f[col[2]]);
  x->line = line;
  r->f[col[0]] = r->f[col[1]] = NULL;
  return 0;
}

static void bad_line(pairs *p, const char *path, long line, const char *msg) {
  fprintf(stderr, "corroborate: %s:%ld: %s\n", path, line, msg);
  p->bad++;
}

/* The header names the columns; premise, hypothesis and label are needed. */
static int header_columns(row *r, int col[3], int *nf) {
  static const char *const want[3] = {"premise", "hypothesis", "label"};
  for (int k = 0; k < 3; k++) {
    col[k] = -1;
    for (int i = 0; i < r->nf; i++) if (!strcmp(r->f[i], want[k])) col[k] = i;
    if (col[k] < 0) return -1;
  }
  *nf = r->nf;
  return 0;
}

/* Checks one data row; NULL if good, else why not. */
static const char *row_problem(const row *r, const int col[3], int nf) {
  static char msg[120];
  if (r->nf != nf) { snprintf(msg, sizeof msg, "%d fields, the header has %d", r->nf, nf); return msg; }
  if (label_of(r->f[col[2]]) < 0) {
    snprintf(msg, sizeof msg, "unknown label '%.40s' (entailment, neutral, contradiction)", r->f[col[2]]);
    return msg;
  }
  if (!r->f[col[0]][0] || !r->f[col[1]][0]) return "empty premise or hypothesis";
  return NULL;
}

/* Reads a file's pairs; bad rows are reported and skipped. -1 if the file is unusable. */
static int read_pairs(const char *path, pairs *p) {
  size_t n;
  char *buf = slurp(path, &n);
  if (!buf) { fprintf(stderr, "corroborate: %s: cannot read\n", path); return -1; }
  size_t bom = n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
  csv c = {buf, n, bom, 1};
  row r = {0};
  const char *msg = NULL;
  int col[3], nf = 0, rc;
  while ((rc = csv_next(&c, &r, &msg)) < 0) bad_line(p, path, r.line, msg);
  if (rc == 0 || header_columns(&r, col, &nf)) {
    fprintf(stderr, "corroborate: %s:1: no header with premise, hypothesis and label\n", path);
    row_free(&r); free(buf);
    return -1;
  }
  row_free(&r);
  while ((rc = csv_next(&c, &r, &msg)) != 0) {
    const char *why = rc < 0 ? msg : row_problem(&r, col, nf);
    if (rc > 0 && r.nf == 1 && !r.f[0][0]) { row_free(&r); continue; }   /* a blank line */
    if (why) bad_line(p, path, r.line, why);
    else if (pairs_push(p, &r, col, r.line)) { row_free(&r); free(buf); return -1; }
    row_free(&r);
  }
  free(buf);
  return 0;
}

static void pairs_free(pairs *p) {
  for (size_t i = 0; i < p->n; i++) { free(p->v[i].premise); free(p->v[i].hyp); }
  free(p->v);
}

/* ---- one pair through the pipeline ----------------------------------------------------- */

#define PUBLISHED "2024-03-12"   /* both articles' day: any one day does */

typedef struct two { cb_article *a[2]; int n; } two;

static int take_article(void *ud, cb_article *a) {
  two *t = ud;
  if (t->n < 2) t->a[t->n++] = a; else cb_article_free(a);
  return 0;
}

static void ignore_problem(void *ud, const cb_error *e) { (void)ud; (void)e; }

/* One JSON Lines record: a sentence as an article of its own outlet. */
static int add_record(cb_buf *b, const char *text, const char *outlet) {
  cJSON *o = cJSON_CreateObject();
  if (!o || !cJSON_AddStringToObject(o, "outlet", outlet)
      || !cJSON_AddStringToObject(o, "published", PUBLISHED) || !cJSON_AddStringToObject(o, "text", text)) {
    cJSON_Delete(o);
    return -1;
  }
  char *s = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  if (!s) return -1;
  cb_buf_puts(b, s);
  cb_buf_puts(b, "\n");
  cJSON_free(s);
  return b->oom ? -1 : 0;
}

/* Reads the pair as a user's JSON Lines file of two records would be read. */
static int read_two(const char *name, const pair *p, two *t) {
  cb_buf b;
  cb_buf_init(&b);
  int rc = add_record(&b, p->premise, "Outlet A") || add_record(&b, p->hyp, "Outlet B") ? -1 : 0;
  cb_ingest_opts o = {CB_FORMAT_JSONL, 0};
  if (!rc) cb_ingest_buffer(name, b.ptr, b.len, &o, take_article, ignore_problem, t);
  cb_buf_free(&b);
  if (t->n == 2) cb_articles_fill_years(t->a, 2);
  return rc;
}

/* ---- intervals of claims --------------------------------------------------------------- */

typedef struct extracted { cb_quantity *q; size_t n; } extracted;


/* Days of one ISO date value: a day, a week (YYYY-Www), a month, a year. */
static int iso_days(const char *s, size_t n, double *lo, double *hi) {
  char d[40];
  if (n == 10 && s[4] == '-' && s[7] == '-') { memcpy(d, s, 10); d[10] = 0; *lo = *hi = cb_day_number(d); }
  else if (n == 8 && s[5] == 'W') {
    snprintf(d, sizeof d, "%.4s-01-04", s);   /* ISO week 1 holds January 4 */
    int32_t j4 = cb_day_number(d), wd = ((j4 % 7) + 10) % 7;   /* 1970-01-01 was a Thursday: 0 = Monday */
    *lo = j4 - wd + 7.0 * (atoi(s + 6) - 1);
    *hi = *lo + 6;
  } else if (n == 7 && s[4] == '-') {
    snprintf(d, sizeof d, "%.7s-01", s);
    *lo = cb_day_number(d);
    int y = atoi(s), m = atoi(s + 5) + 1;
    snprintf(d, sizeof d, "%04d-%02d-01", m > 12 ? y + 1 : y, m > 12 ? 1 : m);
    *hi = cb_day_number(d) - 1;
  } else if (n == 4) {
    snprintf(d, sizeof d, "%.4s-01-01", s);
    *lo = cb_day_number(d);
    snprintf(d, sizeof d, "%04d-01-01", atoi(s) + 1);
    *hi = cb_day_number(d) - 1;
  } else return -1;
  return *lo == INT32_MIN || *hi == INT32_MIN ? -1 : 0;
}

/* A date claim's value ("2025-11-21", "2025-W47", "2025-08", "2025-08-01/..") in days. */
static int date_interval(const char *v, cb_interval *out) {
  if (!v) return -1;
  const char *slash = strchr(v, '/');
  double a, b, c, d;
  *out = (cb_interval){-HUGE_VAL, HUGE_VAL, 0, 0};
  if (!slash) {
    if (iso_days(v, strlen(v), &a, &b)) return -1;
    out->lo = a; out->hi = b;
    return 0;
  }
  if (strncmp(v, "..", 2) && iso_days(v, (size_t)(slash - v), &a, &b) == 0) out->lo = a;
  else if (strncmp(v, "..", 2)) return -1;
  if (strcmp(slash + 1, "..") && iso_days(slash + 1, strlen(slash + 1), &c, &d) == 0) out->hi = d;
  else if (strcmp(slash + 1, "..")) return -1;
  return 0;
}

static int claim_interval(const cb_finding *f, const cb_claim *cl, const extracted *ex, cb_interval *out) {
  if (f->kind == CB_KIND_DATE) return date_interval(cl->value, out);
  const extracted *x = &ex[cl->article];
  for (size_t i = 0; i < x->n; i++)
    if (x->q[i].start == cl->start && x->q[i].end == cl->end) {
      *out = cb_quantity_claim_interval(&x->q[i]);
      return 0;
    }
  return -1;
}

/* Is a inside b (every value a allows, b allows)? */
static int inside(const cb_interval *a, const cb_interval *b) {
  int lo = a->lo > b->lo || (a->lo == b->lo && (!b->lo_open || a->lo_open));
  int hi = a->hi < b->hi || (a->hi == b->hi && (!b->hi_open || a->hi_open));
  return lo && hi;
}

/* ---- the brief to a label -------------------------------------------------------------- */

static const cb_claim *claim_of(const cb_finding *f, int article) {
  for (size_t i = 0; i < f->claims.n; i++) if (f->claims.v[i].article == article) return &f->claims.v[i];
  return NULL;
}

static void describe(outcome *o, const cb_finding *f, const char *extra) {
  const cb_claim *p = claim_of(f, 0), *h = claim_of(f, 1);
  snprintf(o->reason, sizeof o->reason, "%s finding '%s': %s, premise \"%s\" (%s), hypothesis \"%s\" (%s)%s",
           cb_claim_kind_name(f->kind), f->topic ? f->topic : "", cb_verdict_name(f->verdict), p->text,
           p->value ? p->value : "?", h->text, h->value ? h->value : "?", extra);
}

/* Which articles have a quantity or date claim in the story: bit 0 premise, bit 1 hypothesis. */
static int claimed(const cb_story_brief *s) {
  int bits = 0;
  for (size_t i = 0; i < s->findings.n; i++) {
    const cb_finding *f = &s->findings.v[i];
    if (f->kind == CB_KIND_QUANTITY || f->kind == CB_KIND_DATE)
      bits |= (claim_of(f, 0) ? 1 : 0) | (claim_of(f, 1) ? 2 : 0);
  }
  return bits;
}

/* Looks at the findings holding both sentences. 1 if one decided the outcome: a conflict
 * first; entailment only when every such finding agrees or is compatible with the premise
 * inside (a verdict such as uncertain stands in its way; single, the copy rule's verdict,
 * is judged on its intervals). */
static int judge_findings(const cb_story_brief *s, const extracted *ex, outcome *o) {
  const cb_finding *conflict = NULL, *outside = NULL, *in = NULL, *other = NULL, *unbacked = NULL;
  for (size_t i = 0; i < s->findings.n; i++) {
    const cb_finding *f = &s->findings.v[i];
    int figure = f->kind == CB_KIND_QUANTITY || f->kind == CB_KIND_DATE;
    /* a figure of the hypothesis no figure of the premise backs: not entailed */
    if (figure && claim_of(f, 1) && !claim_of(f, 0) && !unbacked) unbacked = f;
    if (!figure || !claim_of(f, 0) || !claim_of(f, 1)) continue;
    if (f->verdict == CB_CONFLICT) { if (!conflict) conflict = f; continue; }
    /* a finding the copy rule made single still aligns the two sentences: whether one
     * source copied the other says nothing of entailment, so its intervals decide */
    if (f->verdict != CB_AGREE && f->verdict != CB_COMPATIBLE && f->verdict != CB_SINGLE) { if (!other) other = f; continue; }
    /* values that agree about what may be two things ("recorded 24" / "composed 24") */
    if (f->kind == CB_KIND_QUANTITY && f->same_thing == 0) { if (!other) other = f; continue; }
    cb_interval p, h;
    if (claim_interval(f, claim_of(f, 0), ex, &p) || claim_interval(f, claim_of(f, 1), ex, &h)) continue;
    if (inside(&p, &h)) { if (!in) in = f; } else if (!outside) outside = f;
  }
  if (conflict) { o->pred = CON; o->why = C_CONFLICT; describe(o, conflict, ""); }
  else if (outside) { o->pred = NEU; o->why = C_NOT_INSIDE; describe(o, outside, ": premise not inside"); }
  else if (other) { o->pred = NEU; o->why = C_OTHER; describe(o, other, ""); }
  else if (unbacked) {
    o->pred = NEU;
    o->why = C_OTHER;
    snprintf(o->reason, sizeof o->reason, "the hypothesis's \"%s\" is backed by no figure of the premise",
             claim_of(unbacked, 1)->text);
  }
  else if (in) { o->pred = ENT; o->why = C_INSIDE; describe(o, in, ": premise inside"); }
  return conflict || outside || in || other || unbacked;
}

static void judge(const cb_brief *b, const extracted *ex, outcome *o) {
  o->pred = NEU;
  o->one_story = b->story_of[0] == b->story_of[1];
  o->copy = b->duplicate_of[1] == 0 || b->duplicate_of[0] == 1;
  if (!o->one_story) {
    o->why = C_SPLIT;
    snprintf(o->reason, sizeof o->reason, "the two sentences fell in two stories");
    return;
  }
  const cb_story_brief *s = NULL;
  for (size_t i = 0; i < b->stories.n && !s; i++)
    for (size_t k = 0; k < b->stories.v[i].articles.n; k++)
      if (b->stories.v[i].articles.v[k] == 0) s = &b->stories.v[i];
  if (s && judge_findings(s, ex, o)) return;
  int bits = s ? claimed(s) : 0;
  o->why = bits == 3 ? C_UNALIGNED : bits == 1 ? C_NONE_HYP : bits == 2 ? C_NONE_PREMISE : C_NONE_BOTH;
  snprintf(o->reason, sizeof o->reason, "%s (extractor: %d in premise, %d in hypothesis)",
           cause_names[o->why], o->extracted[0], o->extracted[1]);
}

static void run_pair(const char *name, const pair *p, outcome *o) {
  memset(o, 0, sizeof *o);
  o->pred = NEU;
  two t = {{NULL, NULL}, 0};
  cb_brief *b = NULL;
  cb_error e;
  cb_arena *ar = cb_arena_new(0);
  extracted ex[2] = {{0}};
  cb_error_clear(&e);
  int rc = !ar ? CB_ENOMEM : read_two(name, p, &t) ? CB_EPARSE : t.n != 2 ? CB_EEMPTY : cb_brief_build(t.a, NULL, 2, &b, &e);
  if (rc) {
    o->why = C_NOT_READ;
    snprintf(o->reason, sizeof o->reason, "the pair was not read as two articles (%s%s%s)", cb_strerror(rc),
             e.msg[0] ? ": " : "", e.msg);
  } else {
    for (int k = 0; k < 2; k++) {
      size_t n = cb_quantity_extract(ar, t.a[k]->body, t.a[k]->body_len, &ex[k].q);
      ex[k].n = n == (size_t)-1 ? 0 : n;
      o->extracted[k] = (int)ex[k].n;
    }
    judge(b, ex, o);
  }
  cb_brief_free(b);
  for (int k = 0; k < t.n; k++) cb_article_free(t.a[k]);
  cb_arena_free(ar);
}

/* ---- scoring and printing -------------------------------------------------------------- */

typedef struct opts { long errors, examples, split; int each; } opts;

typedef struct tally {
  long conf[NLABELS][NLABELS], gold[NLABELS], n, right, one_story, copies;
  long cause_n[NCAUSES], cause_wrong[NCAUSES], cause_pred[NCAUSES][NLABELS][NLABELS];
} tally;

static void print_pair(const pair *p, const outcome *o, const char *tag) {
  printf("  %sline %ld: gold %s, predicted %s\n    premise:    %s\n    hypothesis: %s\n    why: %s\n", tag,
         p->line, label_names[p->gold], label_names[o->pred], p->premise, p->hyp, o->reason);
}

static void print_confusion(const tally *t, int classes) {
  printf("confusion (rows gold, columns predicted):\n  %-14s", "");
  for (int c = 0; c < classes; c++) printf(" %13s", label_names[c]);
  printf("\n");
  for (int g = 0; g < classes; g++) {
    printf("  %-14s", label_names[g]);
    for (int c = 0; c < classes; c++) printf(" %13ld", t->conf[g][c]);
    printf("\n");
  }
}

static void print_causes(const tally *t, int classes) {
  printf("causes (pairs, wrong; wrong as gold->predicted):\n");
  for (int c = 0; c < NCAUSES; c++) {
    if (!t->cause_n[c]) continue;
    printf("  %-48s %6ld %6ld ", cause_names[c], t->cause_n[c], t->cause_wrong[c]);
    for (int g = 0; g < classes; g++)
      for (int p = 0; p < classes; p++)
        if (g != p && t->cause_pred[c][g][p])
          printf(" %s->%s %ld", label_names[g], label_names[p], t->cause_pred[c][g][p]);
    printf("\n");
  }
}

static void print_summary(const char *path, const tally *t, int classes, double secs) {
  int maj = 0;
  for (int g = 1; g < classes; g++) if (t->gold[g] > t->gold[maj]) maj = g;
  double n = t->n ? (double)t->n : 1;
  printf("%s: %d classes\n", path, classes);
  printf("pairs %ld  accuracy %.3f  majority %.3f (%s)\n", t->n, t->right / n, t->gold[maj] / n,
         label_names[maj]);
  printf("one story: %ld of %ld (%.1f%%); hypothesis read as a copy of the premise: %ld\n", t->one_story,
         t->n, 100.0 * t->one_story / n, t->copies);
  print_confusion(t, classes);
  print_causes(t, classes);
  printf("time: %.2f s (%.2f ms per pair)\n", secs, t->n ? 1000 * secs / (double)t->n : 0);
}

static void count(tally *t, const pair *p, const outcome *o) {
  t->n++;
  t->gold[p->gold]++;
  t->conf[p->gold][o->pred]++;
  t->right += p->gold == o->pred;
  t->one_story += o->one_story;
  t->copies += o->copy;
  t->cause_n[o->why]++;
  t->cause_wrong[o->why] += p->gold != o->pred;
  t->cause_pred[o->why][p->gold][o->pred]++;
}

static void print_each(const pairs *ps, const outcome *out) {
  for (size_t i = 0; i < ps->n; i++)
    printf("pair line %ld: gold %s predicted %s: %s\n", ps->v[i].line, label_names[ps->v[i].gold],
           label_names[out[i].pred], out[i].reason);
}

static void print_examples(const pairs *ps, const outcome *out, const opts *op) {
  long shown = 0;
  if (op->errors > 0) printf("errors (first %ld):\n", op->errors);
  for (size_t i = 0; i < ps->n && shown < op->errors; i++)
    if (out[i].pred != ps->v[i].gold) { print_pair(&ps->v[i], &out[i], ""); shown++; }
  for (int c = 0; op->examples > 0 && c < NCAUSES; c++) {
    long k = 0;
    for (size_t i = 0; i < ps->n && k < op->examples; i++)
      if (out[i].why == (cause)c && out[i].pred != ps->v[i].gold) {
        if (!k++) printf("wrong, %s:\n", cause_names[c]);
        print_pair(&ps->v[i], &out[i], "");
      }
  }
}

/* The pairs the grouping split, right or wrong: what the diagnosis of the grouping needs. */
static void print_split(const pairs *ps, const outcome *out, long max) {
  long k = 0;
  for (size_t i = 0; i < ps->n && k < max; i++)
    if (!out[i].one_story) {
      if (!k++) printf("pairs in two stories:\n");
      print_pair(&ps->v[i], &out[i], "");
    }
}

static int score_file(const char *path, const opts *op) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pairs ps = {0};
  if (read_pairs(path, &ps) < 0) { pairs_free(&ps); return -1; }
  int classes = 2;
  for (size_t i = 0; i < ps.n; i++) if (ps.v[i].gold == CON) classes = 3;
  outcome *out = calloc(ps.n ? ps.n : 1, sizeof *out);
  tally *t = calloc(1, sizeof *t);
  if (!out || !t) { free(out); free(t); pairs_free(&ps); return -1; }
  for (size_t i = 0; i < ps.n; i++) {
    char name[600];
    snprintf(name, sizeof name, "%s:%ld", path, ps.v[i].line);
    run_pair(name, &ps.v[i], &out[i]);
    if (classes == 2 && out[i].pred == CON) out[i].pred = NEU;   /* not entailed */
    count(t, &ps.v[i], &out[i]);
    cb_eval_progress("pairs", i + 1, ps.n);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  print_summary(path, t, classes, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  if (op->each) print_each(&ps, out);
  print_examples(&ps, out, op);
  print_split(&ps, out, op->split);
  int bad = ps.bad;
  free(out); free(t);
  pairs_free(&ps);
  return bad ? 1 : 0;
}

static void usage(FILE *out) {
  fprintf(out,
    "usage: corroborate eval nli FILE.csv... [--errors N] [--examples K] [--split N] [--each]\n\n"
    "Scores the verdicts on sentence pairs (CSV with a header: premise,hypothesis,label\n"
    "[,sample_index]; labels entailment, neutral, contradiction; EQUATE's format). Each pair\n"
    "is read as two one-sentence articles of two outlets (\"Outlet A\", \"Outlet B\") published\n"
    "the same day, and briefed as `corroborate report` briefs files. The label from the brief:\n"
    "  contradiction  a quantity or date finding holds a claim of each sentence, verdict conflict\n"
    "  entailment     such a finding has verdict agree or compatible and the premise's interval\n"
    "                 lies inside the hypothesis's (\"6 years\" entails \"more than 1 years\"; \"more\n"
    "                 than 1\" does not entail \"6\"), and so does every other such finding (one\n"
    "                 with another verdict, such as uncertain, makes it neutral; a finding the\n"
    "                 copy rule made single is judged on its intervals like agree)\n"
    "  neutral        otherwise: two stories, no finding holding both, a wider premise\n"
    "A file whose labels are only entailment and neutral is scored in 2 classes: a predicted\n"
    "contradiction counts as neutral (not entailed). Duplicate pairs count as they are.\n"
    "Prints per file: pairs, accuracy, the majority-class baseline, the confusion matrix, the\n"
    "pairs that fell in one story, the pairs by cause of their label, and the run time.\n\n"
    "options:\n"
    "  --errors N     print the first N misclassified pairs with the finding and verdict\n"
    "  --examples K   print K misclassified pairs of each cause\n"
    "  --split N      print N pairs (right or wrong) that the grouping put in two stories\n"
    "  --each         print every pair: its line, gold and predicted labels and why\n\n"
    "exit: 0 ok; 1 a file or some of its lines could not be read (the rest is scored); 2 usage\n");
}

int cb_eval_nli(int argc, char **argv) {
  opts op = {0, 0, 0, 0};
  char **files = calloc((size_t)argc + 1, sizeof *files);
  int nfiles = 0, rc = 0;
  if (!files) return 3;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); free(files); return 0; }
    else if (!strcmp(argv[i], "--errors") && i + 1 < argc) op.errors = atol(argv[++i]);
    else if (!strcmp(argv[i], "--examples") && i + 1 < argc) op.examples = atol(argv[++i]);
    else if (!strcmp(argv[i], "--split") && i + 1 < argc) op.split = atol(argv[++i]);
    else if (!strcmp(argv[i], "--each")) op.each = 1;
    else if (argv[i][0] != '-') files[nfiles++] = argv[i];
    else { usage(stderr); free(files); return 2; }
  }
  if (!nfiles) { usage(stderr); free(files); return 2; }
  for (int i = 0; i < nfiles; i++) {
    if (i) printf("\n");
    if (score_file(files[i], &op)) rc = 1;
  }
  free(files);
  return rc;
}
