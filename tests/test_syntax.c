/*
 * test_syntax.c - the syntax layer: the UD tokenizer (clitics, punctuation, numbers,
 * abbreviations), tagging and parsing of hand-written news-style trees
 * (tests/fixtures/syntax/news.conllu: key relations per sentence, at most one wrong, 90% of
 * them right and 90% UAS over the set),
 * determinism, a CoNLL-U round trip and the tree helpers.
 */
#include "test.h"
#include "core/buf.h"
#include "syntax/syn_internal.h"
#include <stdlib.h>

static const cb_syn_model *model;

/* The words of text joined by "|". */
static char *words(cb_arena *a, const char *text) {
  cb_syn_span *sp;
  size_t n = cb_syn_tokenize(a, text, strlen(text), &sp);
  cb_buf b;
  cb_buf_init(&b);
  for (size_t i = 0; i < n; i++) {
    if (i) cb_buf_putc(&b, '|');
    cb_buf_append(&b, text + sp[i].start, sp[i].end - sp[i].start);
  }
  char *s = cb_arena_strndup(a, b.ptr ? b.ptr : "", b.len);
  cb_buf_free(&b);
  return s;
}

static void test_tokenizer(void) {
  cb_arena *a = cb_arena_new(0);
  CHECK_STR(words(a, "I don't think it's 1,200 or 4.5%."), "I|do|n't|think|it|'s|1,200|or|4.5|%|.");
  CHECK_STR(words(a, "The U.S. economy grew $5 billion."), "The|U.S.|economy|grew|$|5|billion|.");
  CHECK_STR(words(a, "\"Yes,\" she said (quietly)..."), "\"|Yes|,|\"|she|said|(|quietly|)|...");
  CHECK_STR(words(a, "We can't and won't go; they're here."), "We|ca|n't|and|wo|n't|go|;|they|'re|here|.");
  CHECK_STR(words(a, "A well-known e-mail from Dr. Smith"), "A|well|-|known|e-mail|from|Dr.|Smith");
  CHECK_STR(words(a, "The parents' cars cannot wait!"), "The|parents|'|cars|can|not|wait|!");
  CHECK_STR(words(a, "Visit www.example.com, then call."), "Visit|www.example.com|,|then|call|.");
  CHECK_STR(words(a, "\xe2\x80\x9cNo,\xe2\x80\x9d he said \xe2\x80\x94 twice."),
            "\xe2\x80\x9c|No|,|\xe2\x80\x9d|he|said|\xe2\x80\x94|twice|.");
  CHECK_STR(words(a, "John\xe2\x80\x99s car"), "John|\xe2\x80\x99s|car");
  cb_syn_span *sp;
  CHECK_INT(cb_syn_tokenize(a, "Don't", 5, &sp), 2);
  CHECK(sp[0].mwt && sp[1].mwt);
  CHECK_INT(cb_syn_tokenize(a, "", 0, &sp), 0);
  cb_arena_free(a);
}

static int same_rel(const char *a, const char *b) {
  size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
  return la == lb && strncmp(a, b, la) == 0;
}

/* Relations every sentence must get right: subject, object, nummod, amod, aux, "not". */
static int key_relation(const cb_conllu_word *g) {
  static const char *const keys[] = {"nsubj", "obj", "nummod", "amod", "aux", NULL};
  for (int k = 0; keys[k]; k++) if (same_rel(g->deprel, keys[k])) return 1;
  return strcmp(g->lemma, "not") == 0;
}

/* Counts heads and key relations right; a sentence may miss at most one key relation. */
static void check_sentence(const cb_conllu_sent *g, const cb_syn_sent *p, long *heads, long *all, long *keys,
                           long *keys_ok) {
  int missed = 0;
  for (size_t j = 0; j < g->n && j < p->n; j++) {
    const cb_conllu_word *gw = &g->w[j];
    int head_ok = p->w[j].head == gw->head - 1;
    *heads += head_ok;
    (*all)++;
    if (!key_relation(gw)) continue;
    int ok = head_ok && same_rel(p->w[j].deprel, gw->deprel);
    (*keys)++;
    *keys_ok += ok;
    missed += !ok;
    if (!ok)
      printf("%s: word %zu '%s': head %d %s, want %d %s\n", g->sent_id, j + 1, gw->form, p->w[j].head + 1,
             p->w[j].deprel, gw->head, gw->deprel);
  }
  if (missed > 1) fprintf(stderr, "%s: %d key relations wrong\n", g->sent_id, missed);
  CHECK(missed <= 1);
}

static void test_fixture_trees(void) {
  cb_arena *a = cb_arena_new(0);
  cb_conllu_sent *s;
  cb_error e;
  size_t n = cb_conllu_read(a, CB_SOURCE_DIR "/tests/fixtures/syntax/news.conllu", &s, &e);
  CHECK(n >= 10 && n <= 20);
  long heads = 0, all = 0, tags = 0, keys = 0, keys_ok = 0;
  for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
    cb_syn_sent p;
    CHECK_INT(cb_syn_parse(model, a, s[i].text, strlen(s[i].text), &p), 0);
    CHECK_INT(p.n, s[i].n);   /* the tokenizer cuts the raw text like the gold tree */
    check_sentence(&s[i], &p, &heads, &all, &keys, &keys_ok);
    for (size_t j = 0; j < s[i].n && j < p.n; j++)
      tags += strcmp(cb_upos_name(p.w[j].upos), s[i].w[j].upos) == 0;
  }
  printf("fixture: UAS %.1f%%, UPOS %.1f%% over %ld words; %ld of %ld key relations right\n",
         all ? 100.0 * heads / all : 0, all ? 100.0 * tags / all : 0, all, keys_ok, keys);
  CHECK(keys > 0 && keys_ok >= 0.9 * keys);
  CHECK(all > 0 && heads >= 0.9 * all);
  CHECK(all > 0 && tags >= 0.95 * all);
  cb_arena_free(a);
}

static int same_parse(const cb_syn_sent *x, const cb_syn_sent *y) {
  if (x->n != y->n) return 0;
  for (size_t i = 0; i < x->n; i++) {
    const cb_syn_word *a = &x->w[i], *b = &y->w[i];
    if (a->start != b->start || a->end != b->end || a->head != b->head || a->upos != b->upos ||
        strcmp(a->lemma, b->lemma) || strcmp(a->xpos, b->xpos) || strcmp(a->deprel, b->deprel))
      return 0;
  }
  return 1;
}

static void test_determinism_and_helpers(void) {
  const char *t = "The minister didn't say when the 3 new bridges would open.";
  cb_arena *a = cb_arena_new(0), *b = cb_arena_new(0);
  cb_syn_sent x, y;
  CHECK_INT(cb_syn_parse(model, a, t, strlen(t), &x), 0);
  CHECK_INT(cb_syn_parse(model, b, t, strlen(t), &y), 0);
  CHECK(same_parse(&x, &y));
  CHECK(cb_syn_model_get(NULL) == model);
  int root = -1;
  for (size_t i = 0; i < x.n; i++) if (x.w[i].head < 0) { CHECK(root < 0); root = (int)i; }
  CHECK(root >= 0);
  CHECK_STR(x.w[root].deprel, "root");
  int subj = cb_syn_child(&x, root, "nsubj");
  CHECK(subj >= 0 && strncmp(t + x.w[subj].start, "minister", 8) == 0);
  CHECK_INT(cb_syn_word_at(&x, (size_t)(strstr(t, "bridges") - t) + 2), 9);
  CHECK_STR(x.w[9].lemma, "bridge");
  CHECK_STR(x.w[2].lemma, "do");
  CHECK_STR(cb_upos_name(CB_UPOS_PROPN), "PROPN");
  CHECK_STR(cb_upos_name(CB_UPOS_NONE), "_");
  cb_syn_word w = {.deprel = "nsubj:pass"};
  CHECK(cb_syn_is(&w, "nsubj"));
  CHECK(!cb_syn_is(&w, "nsubj:outer"));
  CHECK(!cb_syn_is(&w, "nsub"));
  cb_syn_sent z;
  CHECK_INT(cb_syn_parse(model, a, "", 0, &z), 0);
  CHECK_INT(z.n, 0);
  cb_arena_free(a);
  cb_arena_free(b);
}

static void test_round_trip(void) {
  const char *t = "Rescuers said on Tuesday that they can't reach 1,200 families in the U.S. state.";
  cb_arena *a = cb_arena_new(0);
  cb_syn_sent p;
  CHECK_INT(cb_syn_parse(model, a, t, strlen(t), &p), 0);
  cb_buf o;
  cb_buf_init(&o);
  cb_syn_conllu_write(&o, t, strlen(t), &p, "rt-1");
  cb_conllu_sent *s;
  size_t n = cb_conllu_parse(a, o.ptr, o.len, &s);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK_STR(s[0].sent_id, "rt-1");
    CHECK_STR(s[0].text, t);
    CHECK_INT(s[0].n, p.n);
    for (size_t i = 0; i < s[0].n && i < p.n; i++) {
      CHECK(strlen(s[0].w[i].form) == p.w[i].end - p.w[i].start);
      CHECK(strncmp(s[0].w[i].form, t + p.w[i].start, p.w[i].end - p.w[i].start) == 0);
      CHECK_INT(s[0].w[i].head, p.w[i].head + 1);
      CHECK_STR(s[0].w[i].deprel, p.w[i].deprel);
      CHECK_STR(s[0].w[i].lemma, p.w[i].lemma);
      CHECK_STR(s[0].w[i].upos, cb_upos_name(p.w[i].upos));
    }
    CHECK_STR(s[0].w[p.n - 2].misc, "SpaceAfter=No");   /* "state" touches "." */
  }
  cb_buf_free(&o);
  cb_arena_free(a);
}

static void test_gold_tokens(void) {
  const char *forms[] = {"Prices", "did", "n't", "rise", "."};
  size_t ns[] = {6, 3, 3, 4, 1};
  cb_arena *a = cb_arena_new(0);
  cb_syn_sent p;
  CHECK_INT(cb_syn_parse_tokens(model, a, forms, ns, 5, &p), 0);
  CHECK_INT(p.n, 5);
  CHECK_INT(p.w[2].start, 2);
  CHECK_INT(p.w[2].end, 3);
  CHECK_STR(p.w[2].lemma, "not");
  CHECK_INT(p.w[2].head, 3);
  CHECK_INT(p.w[0].head, 3);
  CHECK(cb_syn_is(&p.w[0], "nsubj"));
  CHECK(cb_syn_is(&p.w[1], "aux"));
  cb_arena_free(a);
}

/* Odd input: bytes of every value, long runs, a very long sentence; the tree stays well formed. */
static void test_odd_input(void) {
  char buf[3000];
  uint32_t x = 12345;
  for (size_t i = 0; i < sizeof buf; i++) {
    x = x * 1103515245u + 12345u;
    buf[i] = (char)(i % 7 == 0 ? ' ' : (x >> 16) & 255);
  }
  cb_arena *a = cb_arena_new(0);
  const char *odd[] = {"\xff\xfe\x80 ...", "------", "$$$ %%% ...!!!???", "(((", "'s 's n't", ":) :-( <3"};
  for (size_t k = 0; k < sizeof odd / sizeof *odd + 1; k++) {
    const char *t = k < sizeof odd / sizeof *odd ? odd[k] : buf;
    size_t n = k < sizeof odd / sizeof *odd ? strlen(t) : sizeof buf;
    cb_syn_sent p;
    CHECK_INT(cb_syn_parse(model, a, t, n, &p), 0);
    int roots = 0, bad = 0;
    for (size_t i = 0; i < p.n; i++) {
      roots += p.w[i].head < 0;
      bad += p.w[i].head >= (int)p.n || p.w[i].end > n || p.w[i].start >= p.w[i].end || !p.w[i].lemma;
    }
    CHECK(p.n == 0 || roots >= 1);
    CHECK_INT(bad, 0);
  }
  cb_arena_free(a);
}

int main(void) {
  cb_error e;
  model = cb_syn_model_get(&e);
  CHECK(model != NULL);
  if (!model) { fprintf(stderr, "no model: %s\n", e.msg); return test_report(); }
  test_tokenizer();
  test_fixture_trees();
  test_determinism_and_helpers();
  test_round_trip();
  test_gold_tokens();
  test_odd_input();
  return test_report();
}
