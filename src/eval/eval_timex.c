/*
 * eval_timex.c - `corroborate eval timex PATH...`: scores the timex extractor on TimeML
 * files (a file or a folder searched recursively for *.tml; each PATH is one corpus).
 * The DCT is the TIMEX3 with functionInDocument="CREATION_TIME"; the text is the TEXT
 * element with its tags stripped, and gold TIMEX3 spans become byte offsets into it.
 * MEANTIME's CAT files (*.xml, root <Document>) are read too: tokens joined back into text,
 * TIMEX3 markables anchored on tokens, the CREATION_TIME one giving the DCT; only the title
 * and first five sentences, the part MEANTIME annotates, are scored.
 * Counting follows the TempEval-3 scorer: strict (same span) and relaxed (overlapping)
 * precision/recall/F1; type and value are judged on relaxed matches, reported as accuracy
 * over matched gold timexes and as attribute F1 (accuracy x relaxed F1).
 */
#include "eval/eval.h"
#include "core/buf.h"
#include "extract/timex.h"
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct gold { size_t s, e; char type[12]; char value[40]; } gold;

typedef struct tally {
  long docs, ngold, nsys, strict_g, relaxed_g, strict_s, relaxed_s, type_ok, value_ok;
  double bytes, seconds;
} tally;

typedef struct opts { int errors, bench, no_anchor, narrative, context; } opts;

typedef struct doc { cb_buf text; gold *g; size_t ng, cap; char dct[40]; } doc;

static void attr(xmlNode *n, const char *name, char *out, size_t sz) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
  snprintf(out, sz, "%s", v ? (const char *)v : "");
  if (v) xmlFree(v);
}

static int is_el(xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void find_dct(xmlNode *n, doc *d) {
  for (; n && !d->dct[0]; n = n->next) {
    if (is_el(n, "TIMEX3")) {
      char f[40];
      attr(n, "functionInDocument", f, sizeof f);
      if (strcmp(f, "CREATION_TIME") == 0) { attr(n, "value", d->dct, sizeof d->dct); return; }
    }
    find_dct(n->children, d);
  }
}

static int add_gold(doc *d, xmlNode *n, size_t s, size_t e) {
  if (d->ng == d->cap) {
    size_t nc = d->cap ? d->cap * 2 : 64;
    gold *ng = realloc(d->g, nc * sizeof *ng);
    if (!ng) return 0;
    d->g = ng; d->cap = nc;
  }
  gold *g = &d->g[d->ng++];
  g->s = s; g->e = e;
  attr(n, "type", g->type, sizeof g->type);
  attr(n, "value", g->value, sizeof g->value);
  return 1;
}

/* Appends the text under n, recording each TIMEX3's span (outermost only when nested). */
static int flatten(xmlNode *n, doc *d, int in_timex) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) cb_buf_puts(&d->text, (const char *)n->content);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    size_t s = d->text.len;
    if (!flatten(n->children, d, in_timex || is_el(n, "TIMEX3"))) return 0;
    if (is_el(n, "TIMEX3") && !in_timex && d->text.len > s && !add_gold(d, n, s, d->text.len)) return 0;
  }
  return !d->text.oom;
}

static xmlNode *find_text(xmlNode *n) {
  for (; n; n = n->next) {
    if (is_el(n, "TEXT")) return n;
    xmlNode *t = find_text(n->children);
    if (t) return t;
  }
  return NULL;
}

/* ---- CAT (MEANTIME): tokens joined back into text, TIMEX3 markables anchored on tokens ---- */
typedef struct tokpos { long id; size_t s, e; } tokpos;
/* MEANTIME annotates the title and the first five sentences only (sentences 0..5). */
#define CAT_LAST_SENTENCE 5

static int glue_before(const char *t) {
  static const char *const g[] = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "''", "'re", "'ll", "'ve", "'d", NULL};
  for (int i = 0; g[i]; i++) if (strcmp(t, g[i]) == 0) return 1;
  return 0;
}

static int cmp_tok(const void *a, const void *b) {
  long x = ((const tokpos *)a)->id, y = ((const tokpos *)b)->id;
  return x < y ? -1 : x > y;
}

static const tokpos *find_tok(const tokpos *v, size_t n, long id) {
  tokpos key = {id, 0, 0};
  return bsearch(&key, v, n, sizeof *v, cmp_tok);
}

static int cat_timex(xmlNode *m, doc *d, const tokpos *v, size_t nv) {
  size_t s = (size_t)-1, e = 0;
  for (xmlNode *a = m->children; a; a = a->next) {
    if (!is_el(a, "token_anchor")) continue;
    char id[32];
    attr(a, "t_id", id, sizeof id);
    const tokpos *t = find_tok(v, nv, atol(id));
    if (!t) continue;
    if (t->s < s) s = t->s;
    if (t->e > e) e = t->e;
  }
  char f[40];
  attr(m, "functionInDocument", f, sizeof f);
  if (strcmp(f, "CREATION_TIME") == 0 && !d->dct[0]) attr(m, "value", d->dct, sizeof d->dct);
  return s == (size_t)-1 || add_gold(d, m, s, e);
}

static int load_cat(xmlNode *root, doc *d) {
  tokpos *v = NULL;
  size_t nv = 0, cap = 0;
  long last_sentence = -1;
  int ok = 1, open_paren = 0;
  for (xmlNode *n = root->children; n && ok; n = n->next) {
    if (!is_el(n, "token")) continue;
    xmlChar *txt = xmlNodeGetContent(n);
    char id[32], sn[32];
    attr(n, "t_id", id, sizeof id);
    attr(n, "sentence", sn, sizeof sn);
    const char *t = txt ? (const char *)txt : "";
    if (atol(sn) > CAT_LAST_SENTENCE) { if (txt) xmlFree(txt); break; }
    if (d->text.len) {
      if (atol(sn) != last_sentence) cb_buf_puts(&d->text, "\n");
      else if (!glue_before(t) && !open_paren) cb_buf_putc(&d->text, ' ');
    }
    last_sentence = atol(sn);
    open_paren = strcmp(t, "(") == 0 || strcmp(t, "$") == 0 || strcmp(t, "``") == 0;
    if (nv == cap) { cap = cap ? cap * 2 : 512; tokpos *nn = realloc(v, cap * sizeof *nn); if (!nn) ok = 0; else v = nn; }
    if (ok) { v[nv].id = atol(id); v[nv].s = d->text.len; cb_buf_puts(&d->text, t); v[nv].e = d->text.len; nv++; }
    if (txt) xmlFree(txt);
  }
  if (ok && nv) qsort(v, nv, sizeof *v, cmp_tok);
  for (xmlNode *n = root->children; n && ok; n = n->next)
    if (is_el(n, "Markables"))
      for (xmlNode *m = n->children; m && ok; m = m->next)
        if (is_el(m, "TIMEX3")) ok = cat_timex(m, d, v, nv);
  free(v);
  return ok && !d->text.oom;
}

static int load_doc(const char *path, doc *d) {
  xmlDoc *x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!x) return 0;
  xmlNode *root = xmlDocGetRootElement(x);
  if (root && is_el(root, "Document")) {
    int ok = load_cat(root, d);
    xmlFreeDoc(x);
    return ok;
  }
  find_dct(root, d);
  xmlNode *t = find_text(root);
  int ok = t && flatten(t->children, d, 0);
  xmlFreeDoc(x);
  return ok;
}

static int overlaps(size_t a, size_t b, size_t c, size_t e) { return a < e && c < b; }

/* The text around [s, e) on one line (line breaks as spaces), the mention in brackets. */
#define CONTEXT 90
static void show_context(const doc *d, size_t s, size_t e) {
  size_t a = s > CONTEXT ? s - CONTEXT : 0, b = e + CONTEXT < d->text.len ? e + CONTEXT : d->text.len;
  printf("           ");
  for (size_t k = a; k < b; k++) {
    if (k == s) putchar('[');
    if (k == e) putchar(']');
    putchar(d->text.ptr[k] == '\n' || d->text.ptr[k] == '\t' ? ' ' : d->text.ptr[k]);
  }
  printf("%s\n", e == b ? "]" : "");
}

static void show(const doc *d, const char *what, size_t s, size_t e, const char *detail, const opts *o) {
  int len = (int)(e - s > 60 ? 60 : e - s);
  printf("  %-8s %-40.*s %s\n", what, len, d->text.ptr + s, detail);
  if (o->context) show_context(d, s, e);
}

static void score_doc(const doc *d, const cb_timex *v, size_t nv, tally *t, const opts *o, const char *path) {
  t->docs++;
  t->ngold += (long)d->ng;
  t->nsys += (long)nv;
  if (o->errors) printf("%s (dct %s)\n", path, d->dct);
  for (size_t i = 0; i < d->ng; i++) {
    const gold *g = &d->g[i];
    const cb_timex *best = NULL;
    size_t bestov = 0;
    for (size_t k = 0; k < nv; k++) {
      if (!overlaps(g->s, g->e, v[k].start, v[k].end)) continue;
      size_t lo = g->s > v[k].start ? g->s : v[k].start, hi = g->e < v[k].end ? g->e : v[k].end;
      if (!best || hi - lo > bestov) { best = &v[k]; bestov = hi - lo; }
    }
    if (!best) { if (o->errors) show(d, "MISSED", g->s, g->e, g->value, o); continue; }
    t->relaxed_g++;
    if (best->start == g->s && best->end == g->e) t->strict_g++;
    int tok = strcmp(cb_timex_type_name(best->type), g->type) == 0, vok = strcmp(best->value, g->value) == 0;
    t->type_ok += tok;
    t->value_ok += vok;
    if (o->errors && (!vok || !tok || best->start != g->s || best->end != g->e)) {
      char det[160];
      snprintf(det, sizeof det, "gold %s %s | sys %s %s [%.*s]", g->type, g->value, cb_timex_type_name(best->type),
               best->value, (int)(best->end - best->start > 40 ? 40 : best->end - best->start), d->text.ptr + best->start);
      show(d, "DIFF", g->s, g->e, det, o);
    }
  }
  for (size_t k = 0; k < nv; k++) {
    int rel = 0, strict = 0;
    for (size_t i = 0; i < d->ng; i++) {
      if (overlaps(d->g[i].s, d->g[i].e, v[k].start, v[k].end)) rel = 1;
      if (d->g[i].s == v[k].start && d->g[i].e == v[k].end) strict = 1;
    }
    t->relaxed_s += rel;
    t->strict_s += strict;
    if (o->errors && !rel) show(d, "SPURIOUS", v[k].start, v[k].end, v[k].value, o);
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);   /* CPU time: fair on a busy machine */
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int eval_file(const char *path, tally *t, const opts *o) {
  doc d;
  memset(&d, 0, sizeof d);
  cb_buf_init(&d.text);
  int ok = load_doc(path, &d);
  if (ok) {
    cb_arena *a = cb_arena_new(0);
    cb_timex *v = NULL;
    cb_timex_opts to = {d.dct[0] ? d.dct : NULL, 0, NULL, !o->no_anchor, o->narrative};
    double t0 = now();
    size_t nv = a ? cb_timex_extract_opts(a, d.text.ptr ? d.text.ptr : "", d.text.len, &to, &v) : 0;
    for (int r = 1; r < o->bench; r++) {      /* repeat for a steadier speed figure */
      cb_arena *b = cb_arena_new(0);
      cb_timex *w;
      if (b) cb_timex_extract_opts(b, d.text.ptr ? d.text.ptr : "", d.text.len, &to, &w);
      cb_arena_free(b);
    }
    t->seconds += now() - t0;
    t->bytes += (double)d.text.len * (o->bench > 1 ? o->bench : 1);
    score_doc(&d, v, nv, t, o, path);
    cb_arena_free(a);
  } else {
    fprintf(stderr, "corroborate: %s: not a readable TimeML file\n", path);
  }
  cb_buf_free(&d.text);
  free(d.g);
  return ok;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int eval_path(const char *path, tally *t, const opts *o) {
  struct stat st;
  if (stat(path, &st) != 0) { fprintf(stderr, "corroborate: %s: no such file or folder\n", path); return 1; }
  if (!S_ISDIR(st.st_mode)) return eval_file(path, t, o) ? 0 : 1;
  DIR *dir = opendir(path);
  if (!dir) { fprintf(stderr, "corroborate: %s: cannot open folder\n", path); return 1; }
  char **names = NULL;
  size_t n = 0, cap = 0;
  int bad = 0;
  for (struct dirent *e; (e = readdir(dir));) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) { cap = cap ? cap * 2 : 64; char **nn = realloc(names, cap * sizeof *nn); if (!nn) { bad = 1; break; } names = nn; }
    names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
    if (!names[n]) { bad = 1; break; }
    sprintf(names[n], "%s/%s", path, e->d_name);
    n++;
  }
  closedir(dir);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    struct stat s2;
    size_t len = strlen(names[i]);
    if (stat(names[i], &s2) == 0 && S_ISDIR(s2.st_mode)) bad |= eval_path(names[i], t, o);
    else if (len > 4 && (strcmp(names[i] + len - 4, ".tml") == 0 || strcmp(names[i] + len - 4, ".xml") == 0))
      bad |= !eval_file(names[i], t, o);
    if (!o->errors) cb_eval_progress("documents", (size_t)t->docs, 0);   /* --errors prints each */
    free(names[i]);
  }
  free(names);
  return bad;
}

static double ratio(long a, long b) { return b ? (double)a / b : 0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

static void report(const char *name, const tally *t, const opts *o) {
  double sp = ratio(t->strict_s, t->nsys), sr = ratio(t->strict_g, t->ngold);
  double rp = ratio(t->relaxed_s, t->nsys), rr = ratio(t->relaxed_g, t->ngold), rf = f1(rp, rr);
  double ta = ratio(t->type_ok, t->relaxed_g), va = ratio(t->value_ok, t->relaxed_g);
  printf("%s: %ld docs, %ld gold, %ld found\n", name, t->docs, t->ngold, t->nsys);
  printf("  strict span   P %5.1f  R %5.1f  F1 %5.1f\n", 100 * sp, 100 * sr, 100 * f1(sp, sr));
  printf("  relaxed span  P %5.1f  R %5.1f  F1 %5.1f\n", 100 * rp, 100 * rr, 100 * rf);
  printf("  type          accuracy %5.1f  F1 %5.1f\n", 100 * ta, 100 * ta * rf);
  printf("  value         accuracy %5.1f  F1 %5.1f\n", 100 * va, 100 * va * rf);
  if (o->bench && t->seconds > 0)
    printf("  speed         %.1f MB/s (%.1f MB of text in %.3f s of CPU time, one core)\n", t->bytes / 1e6 / t->seconds,
           t->bytes / 1e6, t->seconds);
}

static void usage(FILE *f) {
  fprintf(f, "usage: corroborate eval timex PATH... [--errors|--context] [--bench[=N]] [--no-anchor] [--narrative]\n\n"
             "Scores the date/time extractor on TimeML files (.tml) or MEANTIME CAT files (.xml); each\n"
             "PATH, a file or a folder, is one corpus. Counting follows the TempEval-3 scorer: strict and\n"
             "relaxed span P/R/F1, and type and value accuracy on relaxed matches with their attribute F1\n"
             "(accuracy x relaxed F1).\n\n"
             "  --errors     list missed, spurious and wrongly valued mentions\n"
             "  --context    the same, each with the text around it\n"
             "  --bench[=N]  run the extractor N times per document (default 20) and report MB/s\n"
             "  --no-anchor  count \"N days ago\" from the article date only\n"
             "  --narrative  force history mode (partial dates follow the last full date named);\n"
             "               by default it is switched on per document when the text reads as history\n");
}

int cb_eval_timex(int argc, char **argv) {
  opts o = {0, 0, 0, 0, 0};
  int npaths = 0, bad = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) { usage(stdout); return 0; }
    if (strcmp(argv[i], "--errors") == 0) o.errors = 1;
    else if (strcmp(argv[i], "--context") == 0) o.errors = o.context = 1;
    else if (strcmp(argv[i], "--no-anchor") == 0) o.no_anchor = 1;
    else if (strcmp(argv[i], "--narrative") == 0) o.narrative = 1;
    else if (strncmp(argv[i], "--bench", 7) == 0) o.bench = argv[i][7] == '=' ? atoi(argv[i] + 8) : 20;
    else if (argv[i][0] == '-') { fprintf(stderr, "corroborate: eval timex: unknown option %s\n", argv[i]); usage(stderr); return 2; }
    else npaths++;
  }
  if (o.bench < 0 || o.bench > 100000) o.bench = 20;
  if (!npaths) { usage(stderr); return 2; }
  xmlInitParser();
  tally all;
  memset(&all, 0, sizeof all);
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-') continue;
    tally t;
    memset(&t, 0, sizeof t);
    bad |= eval_path(argv[i], &t, &o);
    cb_eval_progress("documents", (size_t)t.docs, (size_t)t.docs);   /* a pass ends: the line goes */
    if (t.docs) report(argv[i], &t, &o);
    all.docs += t.docs; all.ngold += t.ngold; all.nsys += t.nsys; all.strict_g += t.strict_g;
    all.relaxed_g += t.relaxed_g; all.strict_s += t.strict_s; all.relaxed_s += t.relaxed_s;
    all.type_ok += t.type_ok; all.value_ok += t.value_ok; all.bytes += t.bytes; all.seconds += t.seconds;
  }
  if (npaths > 1) report("all", &all, &o);
  xmlCleanupParser();
  return bad ? 1 : 0;
}
