/*
 * syntax.h - part-of-speech tags, lemmas and a labelled dependency tree in Universal
 * Dependencies for one sentence at a time: an averaged-perceptron tagger and a greedy
 * transition-based parser trained by the project from UD English EWT (`make model`). The
 * trained model is one data file (data/syntax/), loaded once and shared read-only by every
 * thread. Words carry byte offsets into the caller's text: slices, not copies.
 */
#ifndef CB_SYNTAX_H
#define CB_SYNTAX_H
#include "corroborate.h"

/* Universal POS tags (UD v2), in this order. */
typedef enum cb_upos {
  CB_UPOS_NONE = 0, CB_UPOS_ADJ, CB_UPOS_ADP, CB_UPOS_ADV, CB_UPOS_AUX, CB_UPOS_CCONJ, CB_UPOS_DET,
  CB_UPOS_INTJ, CB_UPOS_NOUN, CB_UPOS_NUM, CB_UPOS_PART, CB_UPOS_PRON, CB_UPOS_PROPN, CB_UPOS_PUNCT,
  CB_UPOS_SCONJ, CB_UPOS_SYM, CB_UPOS_VERB, CB_UPOS_X, CB_UPOS_COUNT
} cb_upos;

typedef struct cb_syn_word {
  uint32_t start, end;   /* [start, end) byte offsets of the word in the text given */
  const char *lemma;     /* NUL-terminated, lower case except proper nouns (arena) */
  const char *xpos;      /* Penn Treebank tag ("VBD", "NNS"); static string */
  const char *deprel;    /* UD relation with subtype ("nsubj", "obl:tmod", "root"); static */
  int16_t head;          /* index of the head word in the sentence, -1 for the root */
  uint8_t upos;          /* cb_upos */
} cb_syn_word;

typedef struct cb_syn_sent {
  cb_syn_word *w;        /* arena array */
  size_t n;
} cb_syn_sent;

typedef struct cb_syn_model cb_syn_model;

/* The model embedded in the library, loaded on first use (thread-safe); NULL when it
 * cannot be loaded (the reason in *e when e is not NULL). Never freed. */
const cb_syn_model *cb_syn_model_get(cb_error *e);

/* Tokenizes text[0..len) as UD English does (clitics "n't", "'s" split; punctuation apart)
 * and tags, lemmatizes and parses it as ONE sentence. Words live in arena a. */
int cb_syn_parse(const cb_syn_model *m, cb_arena *a, const char *text, size_t len, cb_syn_sent *out);

/* Tags and parses words already tokenized (forms[i], ns[i] bytes each); offsets in out
 * are then word indexes (start = i, end = i + 1). For the evaluation on gold tokens. */
int cb_syn_parse_tokens(const cb_syn_model *m, cb_arena *a, const char *const *forms, const size_t *ns,
                        size_t n, cb_syn_sent *out);

const char *cb_upos_name(int upos);   /* "NOUN"; "_" for CB_UPOS_NONE */

/* Tree helpers. */
int cb_syn_is(const cb_syn_word *w, const char *deprel);   /* "nsubj" matches "nsubj:pass" too */
/* The first dependent of word h whose relation matches deprel (as cb_syn_is), -1 if none. */
int cb_syn_child(const cb_syn_sent *s, int h, const char *deprel);
/* The word whose span holds byte offset off, -1 if none. */
int cb_syn_word_at(const cb_syn_sent *s, size_t off);
#endif
