/*
 * wordnet_morph.c - WordNet's morphy: the base forms of an inflected word, found in the
 * exception lists ("children" -> "child", "went" -> "go") or by the detachment rules
 * ("boats" -> "boat", "evacuated" -> "evacuate"), each checked against the index.
 */
#include "text/wordnet_db.h"
#include <string.h>

/* Adds key[0..n) to f if it is a lemma (its index line found) and not there yet. */
static void add_form(cb_wn_pos pos, cb_wn_forms *f, const char *key, size_t n) {
  if (f->n >= CB_WN_FORMS_MAX || n == 0 || n >= CB_WN_KEY_MAX) return;
  for (size_t i = 0; i < f->n; i++) if (f->len[i] == n && memcmp(f->key[i], key, n) == 0) return;
  const char *eol, *line = cb_wn_find(cb_wn_db_index(pos), key, n, &eol);
  if (!line) return;
  memcpy(f->key[f->n], key, n);
  f->key[f->n][n] = 0;
  f->len[f->n] = n;
  f->line[f->n] = line;
  f->eol[f->n++] = eol;
}

static void add_exceptions(cb_wn_pos pos, cb_wn_forms *f, const char *key, size_t klen) {
  const char *eol, *line = cb_wn_find(cb_wn_db_exc(pos), key, klen, &eol);
  if (!line) return;
  cb_wn_cur c = {line, eol};
  const char *t;
  size_t n;
  cb_wn_tok(&c, &t, &n);   /* the inflected form itself */
  while (cb_wn_tok(&c, &t, &n)) add_form(pos, f, t, n);
}

typedef struct rule { const char *suf, *rep; } rule;
static const rule noun_rules[] = {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                                  {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}};
static const rule verb_rules[] = {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
                                  {"ed", ""}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
static const rule adj_rules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {NULL, NULL}};
static const rule no_rules[] = {{NULL, NULL}};

static void add_detached(cb_wn_pos pos, cb_wn_forms *f, const char *key, size_t klen) {
  const rule *r = pos == CB_WN_NOUN ? noun_rules : pos == CB_WN_VERB ? verb_rules
                : pos == CB_WN_ADJ ? adj_rules : no_rules;
  /* as WordNet: no noun rule for "glass", "bus"-like short words or words in -ss */
  if (pos == CB_WN_NOUN && (klen <= 2 || (key[klen - 1] == 's' && key[klen - 2] == 's'))) return;
  char cand[CB_WN_KEY_MAX + 8];
  for (; r->suf; r++) {
    size_t sl = strlen(r->suf), rl = strlen(r->rep);
    if (klen <= sl || memcmp(key + klen - sl, r->suf, sl) != 0) continue;
    memcpy(cand, key, klen - sl);
    memcpy(cand + klen - sl, r->rep, rl);
    add_form(pos, f, cand, klen - sl + rl);
  }
}

size_t cb_wn_forms_of(cb_wn_pos pos, const char *word, cb_wn_forms *f) {
  char key[CB_WN_KEY_MAX];
  size_t klen = cb_wn_fold(word, key);
  f->n = 0;
  if (!klen || !cb_wn_db_index(pos)) return 0;
  add_exceptions(pos, f, key, klen);
  add_form(pos, f, key, klen);
  if (!f->n) add_detached(pos, f, key, klen);
  return f->n;
}

size_t cb_wn_morphy(cb_wn_pos pos, const char *word, char *out, size_t outsize) {
  cb_wn_forms f;
  if (!out || !outsize) return 0;
  out[0] = 0;
  if (!cb_wn_forms_of(pos, word, &f) || f.len[0] + 1 > outsize) return 0;
  memcpy(out, f.key[0], f.len[0] + 1);
  return f.len[0];
}

/* The inflected forms the exception list gives for lemma (a scan of the list: it is sorted
 * by inflected form, not by lemma); the past participle among them is the one ending in
 * "ed" ("carried"), else in "n" ("stricken", "sunk" has none: then the last listed). */
static size_t exception_participle(const char *lemma, size_t ln, char *out, size_t outsize) {
  const cb_wn_map *m = cb_wn_db_exc(CB_WN_VERB);
  if (!m || !m->p) return 0;
  size_t best = 0;
  int best_rank = -1;
  for (const char *p = m->p, *end = m->p + m->n; p < end;) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    cb_wn_cur c = {p, eol};
    const char *form, *base;
    size_t fn, bn;
    if (cb_wn_tok(&c, &form, &fn)) {
      while (cb_wn_tok(&c, &base, &bn)) {
        if (bn != ln || memcmp(base, lemma, ln) || fn + 1 > outsize) continue;
        int rank = fn > 2 && !memcmp(form + fn - 2, "ed", 2) ? 2 : form[fn - 1] == 'n' ? 1 : 0;
        if (rank >= best_rank) { memcpy(out, form, fn); out[fn] = 0; best = fn; best_rank = rank; }
      }
    }
    p = eol + 1;
  }
  return best;
}

size_t cb_wn_past_participle(const char *verb, char *out, size_t outsize) {
  char key[CB_WN_KEY_MAX];
  size_t n = cb_wn_fold(verb, key);
  if (!n || !cb_wn_db_ok(NULL, NULL) || outsize < n + 4) return 0;
  size_t k = exception_participle(key, n, out, outsize);
  if (k) return k;
  memcpy(out, key, n);
  if (key[n - 1] == 'e') { memcpy(out + n, "d", 2); return n + 1; }
  if (n > 1 && key[n - 1] == 'y' && !strchr("aeiou", key[n - 2])) { memcpy(out + n - 1, "ied", 4); return n + 2; }
  memcpy(out + n, "ed", 3);
  return n + 2;
}
