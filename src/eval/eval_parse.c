/*
 * eval_parse.c - `corroborate eval parse GOLD.conllu [--raw] [--id-prefix P]`: scores the
 * syntax layer against a UD treebank the way the CoNLL 2018 shared task script
 * (conll18_ud_eval.py) does: UPOS, XPOS, lemmas, UAS and LAS (universal part of the
 * relation) over words. By default on the gold tokens; with --raw the `# text` of the
 * sentences is joined into one document (paragraphs apart), split into sentences and
 * tokenized by Corroborate itself, and words are aligned to the gold ones by their
 * character offsets ignoring white space; tokens, sentences and words get F1 too.
 */
#include "eval/eval.h"
#include "core/buf.h"
#include "core/vec.h"
#include "syntax/syn_internal.h"
#include "text/sentence.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { M_TOK, M_SENT, M_WORD, M_UPOS, M_XPOS, M_LEMMA, M_UAS, M_LAS, M_N };
static const char *const metric_names[] = {"Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS",
                                           "LAS"};

typedef struct score { double gold[M_N], sys[M_N], ok[M_N]; } score;

/* A word of either side: span in non-space bytes, attributes, global head (-1 root). */
typedef struct xw {
  size_t s, e;
  const char *upos, *xpos, *lemma, *deprel;
  long head;
} xw;
typedef CB_VEC(xw) xw_vec;
typedef struct span2 { size_t s, e; } span2;
typedef CB_VEC(span2) span_vec;

static int same_udep(const char *a, const char *b) {
  size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
  return la == lb && strncmp(a, b, la) == 0;
}

/* The metrics of aligned word pair (g, s); g2s maps gold words to system words (-1). */
static void judge(score *sc, const xw *g, const xw *s, const long *g2s) {
  sc->ok[M_WORD]++;
  sc->ok[M_UPOS] += strcmp(g->upos, s->upos) == 0;
  sc->ok[M_XPOS] += strcmp(g->xpos, s->xpos) == 0;
  sc->ok[M_LEMMA] += strcmp(g->lemma, s->lemma) == 0;
  int head = (g->head < 0 && s->head < 0) || (g->head >= 0 && s->head >= 0 && g2s[g->head] == s->head);
  sc->ok[M_UAS] += head;
  sc->ok[M_LAS] += head && same_udep(g->deprel, s->deprel);
}

static void count_words(score *sc, size_t ng, size_t ns) {
  for (int m = M_WORD; m < M_N; m++) { sc->gold[m] += (double)ng; sc->sys[m] += (double)ns; }
}

static void print_scores(const score *sc, int from) {
  printf("Metric     | Precision |    Recall |  F1 Score | AligndAcc\n");
  printf("-----------+-----------+-----------+-----------+-----------\n");
  for (int m = from; m < M_N; m++) {
    double p = sc->sys[m] ? 100 * sc->ok[m] / sc->sys[m] : 0;
    double r = sc->gold[m] ? 100 * sc->ok[m] / sc->gold[m] : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double al = m > M_WORD && sc->ok[M_WORD] ? 100 * sc->ok[m] / sc->ok[M_WORD] : 0;
    printf("%-10s | %9.2f | %9.2f | %9.2f |", metric_names[m], p, r, f);
    if (m > M_WORD) printf(" %9.2f", al);
    printf("\n");
  }
}

/* ---- gold tokens ------------------------------------------------------------------------------------ */
static xw gold_word(const cb_conllu_word *w, long base) {
  return (xw){0, 0, w->upos, w->xpos, w->lemma, w->deprel, w->head > 0 ? base + w->head - 1 : -1};
}

static int eval_gold_tokens(const cb_syn_model *m, cb_conllu_sent *s, size_t n, score *sc, long *words) {
  for (size_t i = 0; i < n; i++) {
    cb_arena *a = cb_arena_new(0);
    const char **forms = cb_arena_alloc(a, s[i].n * sizeof *forms);
    size_t *ns = cb_arena_alloc(a, s[i].n * sizeof *ns);
    long *id = cb_arena_alloc(a, s[i].n * sizeof *id);
    cb_syn_sent p;
    if (!forms || !ns || !id) { cb_arena_free(a); return -1; }
    for (size_t j = 0; j < s[i].n; j++) {
      forms[j] = s[i].w[j].form;
      ns[j] = strlen(forms[j]);
      id[j] = (long)j;
    }
    if (cb_syn_parse_tokens(m, a, forms, ns, s[i].n, &p)) { cb_arena_free(a); return -1; }
    for (size_t j = 0; j < s[i].n; j++) {
      xw g = gold_word(&s[i].w[j], 0);
      const cb_syn_word *w = &p.w[j];
      xw y = {0, 0, cb_upos_name(w->upos), w->xpos, w->lemma, w->deprel, w->head};
      judge(sc, &g, &y, id);
    }
    count_words(sc, s[i].n, s[i].n);
    *words += (long)s[i].n;
    cb_arena_free(a);
    cb_eval_progress("sentences", i + 1, n);
  }
  return 0;
}

/* ---- raw text ----------------------------------------------------------------------------------------- */
typedef struct doc {
  cb_buf text;
  size_t *nw;             /* nw[i]: non-space bytes before byte i */
  size_t *sent_at;        /* byte where each gold sentence's text starts */
  xw_vec g, s;            /* gold and system words */
  span_vec gt, st, gs, ss; /* tokens and sentences of both sides */
} doc;

static int is_sp(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static size_t nonspace_len(const char *s) {
  size_t k = 0;
  for (; *s; s++) k += !is_sp(*s);
  return k;
}

static void build_text(doc *d, const cb_conllu_sent *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i) cb_buf_puts(&d->text, s[i].newdoc || s[i].newpar ? "\n\n" : " ");
    d->sent_at[i] = d->text.len;
    if (s[i].text) { cb_buf_puts(&d->text, s[i].text); continue; }
    for (size_t j = 0; j < s[i].n; j++) {
      if (j) cb_buf_putc(&d->text, ' ');
      cb_buf_puts(&d->text, s[i].w[j].form);
    }
  }
}

static int push_span(cb_arena *a, span_vec *v, size_t s, size_t e) {
  span2 *p = CB_VEC_PUSH(a, v);
  if (!p) return -1;
  p->s = s; p->e = e;
  return 0;
}

/* Gold words and tokens with their offsets in the non-space stream; each sentence anchored
 * where its text starts (a form that differs from the text shifts its own sentence only). */
static int gold_side(cb_arena *a, doc *d, const cb_conllu_sent *s, size_t n) {
  size_t pos = 0;
  long base = 0;
  for (size_t i = 0; i < n; i++) {
    pos = d->nw[d->sent_at[i]];
    size_t sent_start = pos;
    for (size_t j = 0; j < s[i].n; j++) {
      const cb_conllu_word *w = &s[i].w[j];
      if (w->mwt_first && w->mwt_form) {
        size_t tl = nonspace_len(w->mwt_form), sub = pos, last = j + (size_t)(w->mwt_last - w->mwt_first);
        size_t sum = 0;
        for (size_t k = j; k <= last && k < s[i].n; k++) sum += nonspace_len(s[i].w[k].form);
        for (size_t k = j; k <= last && k < s[i].n; k++) {
          xw *x = CB_VEC_PUSH(a, &d->g);
          if (!x) return -1;
          *x = gold_word(&s[i].w[k], base);
          size_t l = nonspace_len(s[i].w[k].form);
          x->s = sum == tl ? sub : pos;
          x->e = sum == tl ? sub + l : pos + tl;
          sub += l;
        }
        if (push_span(a, &d->gt, pos, pos + tl)) return -1;
        pos += tl;
        j = last;
        continue;
      }
      xw *x = CB_VEC_PUSH(a, &d->g);
      if (!x) return -1;
      *x = gold_word(w, base);
      size_t l = nonspace_len(w->form);
      x->s = pos; x->e = pos + l;
      if (push_span(a, &d->gt, pos, pos + l)) return -1;
      pos += l;
    }
    if (push_span(a, &d->gs, sent_start, pos)) return -1;
    base += (long)s[i].n;
  }
  return 0;
}

/* Tokens of one system sentence: words, with clitic-split words joined back. */
static int sys_tokens(cb_arena *a, doc *d, const char *t, size_t off, size_t len) {
  cb_syn_span *sp;
  size_t n = cb_syn_tokenize(a, t + off, len, &sp);
  if (n == (size_t)-1) return -1;
  for (size_t i = 0; i < n; i++) {
    size_t j = i;
    while (sp[i].mwt && j + 1 < n && sp[j + 1].mwt && sp[j + 1].start == sp[j].end) j++;
    if (push_span(a, &d->st, d->nw[off + sp[i].start], d->nw[off + sp[j].end])) return -1;
    i = j;
  }
  return 0;
}

static int sys_side(const cb_syn_model *m, cb_arena *a, doc *d) {
  const char *t = d->text.ptr;
  cb_span *ss;
  size_t ns = cb_sentences(a, t, d->text.len, &ss);
  long base = 0;
  for (size_t i = 0; i < ns; i++) {
    cb_syn_sent p;
    size_t off = ss[i].start, len = ss[i].end - ss[i].start;
    if (cb_syn_parse(m, a, t + off, len, &p) || sys_tokens(a, d, t, off, len)) return -1;
    cb_eval_progress("sentences", i + 1, ns);
    if (!p.n) continue;
    for (size_t j = 0; j < p.n; j++) {
      xw *x = CB_VEC_PUSH(a, &d->s);
      if (!x) return -1;
      const cb_syn_word *w = &p.w[j];
      *x = (xw){d->nw[off + w->start], d->nw[off + w->end], cb_upos_name(w->upos), w->xpos, w->lemma,
                w->deprel, w->head >= 0 ? base + w->head : -1};
    }
    if (push_span(a, &d->ss, d->nw[off + p.w[0].start], d->nw[off + p.w[p.n - 1].end])) return -1;
    base += (long)p.n;
  }
  return 0;
}

static double matched_spans(const span_vec *g, const span_vec *s) {
  size_t i = 0, j = 0;
  double ok = 0;
  while (i < g->n && j < s->n) {
    if (g->v[i].s == s->v[j].s && g->v[i].e == s->v[j].e) { ok++; i++; j++; }
    else if (g->v[i].e < s->v[j].e || (g->v[i].e == s->v[j].e && g->v[i].s < s->v[j].s)) i++;
    else j++;
  }
  return ok;
}

static void score_raw(doc *d, score *sc, cb_arena *a) {
  long *g2s = cb_arena_alloc(a, (d->g.n + 1) * sizeof *g2s);
  if (!g2s) return;
  for (size_t i = 0; i < d->g.n; i++) g2s[i] = -1;
  size_t i = 0, j = 0;
  while (i < d->g.n && j < d->s.n) {
    const xw *g = &d->g.v[i], *s = &d->s.v[j];
    if (g->s == s->s && g->e == s->e) { g2s[i++] = (long)j++; continue; }
    if (g->e < s->e || (g->e == s->e && g->s < s->s)) i++;
    else j++;
  }
  for (i = 0; i < d->g.n; i++) if (g2s[i] >= 0) judge(sc, &d->g.v[i], &d->s.v[g2s[i]], g2s);
  count_words(sc, d->g.n, d->s.n);
  sc->gold[M_TOK] = (double)d->gt.n; sc->sys[M_TOK] = (double)d->st.n;
  sc->ok[M_TOK] = matched_spans(&d->gt, &d->st);
  sc->gold[M_SENT] = (double)d->gs.n; sc->sys[M_SENT] = (double)d->ss.n;
  sc->ok[M_SENT] = matched_spans(&d->gs, &d->ss);
}

static int eval_raw(const cb_syn_model *m, cb_conllu_sent *s, size_t n, score *sc, long *words) {
  cb_arena *a = cb_arena_new(1 << 20);
  doc d;
  memset(&d, 0, sizeof d);
  cb_buf_init(&d.text);
  d.sent_at = malloc((n + 1) * sizeof *d.sent_at);
  if (!d.sent_at) { cb_arena_free(a); return -1; }
  build_text(&d, s, n);
  d.nw = malloc((d.text.len + 1) * sizeof *d.nw);
  int rc = !a || !d.nw || d.text.oom ? -1 : 0;
  for (size_t i = 0, k = 0; !rc && i <= d.text.len; i++) {
    d.nw[i] = k;
    k += i < d.text.len && !is_sp(d.text.ptr[i]);
  }
  if (!rc) rc = gold_side(a, &d, s, n);
  if (!rc) rc = sys_side(m, a, &d);
  if (!rc) score_raw(&d, sc, a);
  *words += (long)d.s.n;
  free(d.nw);
  free(d.sent_at);
  cb_buf_free(&d.text);
  cb_arena_free(a);
  return rc;
}

/* ---- the command ------------------------------------------------------------------------------------ */
static void usage(FILE *out) {
  fprintf(out, "usage: corroborate eval parse GOLD.conllu [--raw] [--id-prefix P]\n\n"
               "Tags and parses the sentences of a UD treebank and scores UPOS, XPOS, lemmas, UAS and\n"
               "LAS (universal relation) like the CoNLL 2018 shared task script. On the gold tokens by\n"
               "default; --raw joins the '# text' lines into one document, splits and tokenizes it\n"
               "itself and aligns words by character offsets (tokens, sentences, words F1 too).\n"
               "--id-prefix P keeps only the sentences whose sent_id starts with P.\n");
}

static size_t keep_prefix(cb_conllu_sent *s, size_t n, const char *prefix) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!prefix || (s[i].sent_id && strncmp(s[i].sent_id, prefix, strlen(prefix)) == 0)) s[k++] = s[i];
  return k;
}

int cb_eval_parse(int argc, char **argv) {
  const char *gold = NULL, *prefix = NULL;
  int raw = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); return 0; }
    if (!strcmp(argv[i], "--raw")) raw = 1;
    else if (!strcmp(argv[i], "--id-prefix") && i + 1 < argc) prefix = argv[++i];
    else if (argv[i][0] == '-' && argv[i][1]) { usage(stderr); return 2; }
    else gold = argv[i];
  }
  if (!gold) { usage(stderr); return 2; }
  cb_error e;
  const cb_syn_model *m = cb_syn_model_get(&e);
  if (!m) { fprintf(stderr, "corroborate: %s\n", e.msg); return 3; }
  cb_arena *a = cb_arena_new(1 << 22);
  cb_conllu_sent *s;
  size_t n = a ? cb_conllu_read(a, gold, &s, &e) : (size_t)-1;
  if (n == (size_t)-1) {
    fprintf(stderr, "corroborate: %s: %s\n", gold, a ? e.msg : "out of memory");
    cb_arena_free(a);
    return 1;
  }
  n = keep_prefix(s, n, prefix);
  score sc;
  memset(&sc, 0, sizeof sc);
  long words = 0;
  clock_t t0 = clock();
  int rc = raw ? eval_raw(m, s, n, &sc, &words) : eval_gold_tokens(m, s, n, &sc, &words);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  if (rc) { fprintf(stderr, "corroborate: out of memory\n"); cb_arena_free(a); return 3; }
  printf("%s: %zu sentences, %s\n", gold, n, raw ? "raw text" : "gold tokens");
  print_scores(&sc, raw ? M_TOK : M_WORD);
  printf("speed: %.0f words/s (CPU, one thread)\n", secs > 0 ? (double)words / secs : 0);
  cb_arena_free(a);
  return 0;
}
