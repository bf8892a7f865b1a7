/*
 * syn_internal.h - what the parts of the syntax layer (and its trainer, tools/syntax/) share:
 * the sparse classifiers, feature hashing, the tag and label sets, the tagger and parser
 * state, the model layout, the CoNLL-U reader and the UD tokenizer. Not a public interface.
 */
#ifndef CB_SYN_INTERNAL_H
#define CB_SYN_INTERNAL_H
#include "syntax/syntax.h"
#include <stdint.h>
#include <stddef.h>

#define CB_SYN_MAX_WORDS 1000   /* longer sentences are cut into pieces of this size */
#define CB_SYN_MAX_FEATS 160    /* features of one decision, at most */

/* ---- hashing ---------------------------------------------------------------------------- */
static inline uint64_t cb_syn_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 29);
}
uint64_t cb_syn_hash(const char *s, size_t n);   /* FNV-1a 64, then mixed */
/* The 32-bit key of a feature: template t with values a, b, c (0 for none); never 0. */
static inline uint32_t cb_syn_key(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = cb_syn_mix(cb_syn_mix(cb_syn_mix(t * 0x100000001b3ULL + 7, a), b), c);
  uint32_t k = (uint32_t)(h ^ (h >> 32));
  return k ? k : 1;
}

/* ---- a sparse linear classifier, as stored in the model (read-only) -------------------------- */
typedef struct cb_syn_slot { uint32_t key, row; } cb_syn_slot;   /* row: first pair << 8 | pairs */
typedef struct cb_syn_clf {
  uint32_t ncls, nfeat, mask;   /* classes; features kept; hash table size - 1 */
  cb_syn_slot *slot;            /* open-addressing table by key (0 empty): one cache line per look-up */
  uint32_t *pair;               /* class << 16 | (uint16_t)weight */
} cb_syn_clf;

/* Adds the weights of the n features to score[0..ncls). */
void cb_syn_clf_score(const cb_syn_clf *c, const uint32_t *keys, size_t n, int32_t *score);

/* ---- the model ------------------------------------------------------------------------------ */
typedef struct cb_syn_lex { uint64_t key; uint32_t val; } cb_syn_lex;   /* open-addressing entry */
typedef struct cb_syn_rule { uint64_t key; uint8_t strip; const char *add; } cb_syn_rule;

struct cb_syn_model {
  uint32_t ntags, nlabels;
  const char **tag_xpos;        /* joint tag t: XPOS name and UPOS */
  uint8_t *tag_upos;
  const char **label;           /* deprel names; label 0 is "root" */
  cb_syn_clf tagger, parser, labeler;
  cb_syn_lex *freq_tag; uint32_t freq_mask;    /* lower-case word hash -> most frequent tag + 1 */
  cb_syn_lex *lemma; uint32_t lemma_mask;      /* hash(form, tag) -> index into lemma_str */
  const char **lemma_str;
  cb_syn_rule *rule; uint32_t rule_mask;       /* hash(tag, suffix) -> rewrite rule */
  int lab_parataxis, lab_punct;
  void *mem;                    /* the decompressed bytes */
};

/* Builds a model from the bytes of a model file (as written by the trainer). */
int cb_syn_model_load(const unsigned char *data, size_t len, cb_syn_model *m, cb_error *e);
/* The same from the inflated bytes mem[0..len) (malloc'd; the model takes them over). */
int cb_syn_model_load_raw(void *mem, size_t len, cb_syn_model *m, cb_error *e);
/* Frees what cb_syn_model_load allocated (not m itself). */
void cb_syn_model_free(cb_syn_model *m);
/* Lookup in an open-addressing table of cb_syn_lex (mask = size - 1); NULL if absent. */
const cb_syn_lex *cb_syn_lex_find(const cb_syn_lex *t, uint32_t mask, uint64_t key);

/* ---- words as the tagger and parser see them ------------------------------------------------------ */
typedef struct cb_syn_tok {
  const char *form; size_t n;
  uint64_t h_form, h_low, h_shape, h_pre[3], h_suf[4];   /* feature values */
  uint32_t flags;              /* CB_SYN_F_* */
  uint32_t wn;                 /* WordNet's parts of speech for the word (tagger.c wn_class) */
  int tag;                     /* joint tag, -1 unknown */
  int tag1;                    /* the tag of the first tagging pass (-1 during it) */
  int tag2;                    /* the second best tag of the last pass */
  int head, label;             /* head index (n = root), label index */
} cb_syn_tok;
enum { CB_SYN_F_UPPER = 1, CB_SYN_F_DIGIT = 2, CB_SYN_F_HYPHEN = 4, CB_SYN_F_ALLCAP = 8,
       CB_SYN_F_PUNCT = 16 };

/* Fills the feature values of t from its form. */
void cb_syn_tok_init(cb_syn_tok *t, const char *form, size_t n);

/* Tagger features of word i given tags already chosen for words < i; returns the count. */
size_t cb_syn_tag_feats(const cb_syn_model *m, const cb_syn_tok *w, size_t n, size_t i,
                        const int *freq_tag, uint32_t *keys);
/* The most frequent tag + 1 of each word (0 if rare), from m->freq_tag, for the tagger features. */
void cb_syn_freq_tags(const cb_syn_model *m, const cb_syn_tok *w, size_t n, int *out);
/* Tags words greedily left to right (w[i].tag), twice: the second pass also sees the tags the
 * first gave the next two words. */
void cb_syn_tag(const cb_syn_model *m, cb_syn_tok *w, size_t n);
/* Keys of the lemma dictionary (form, tag) and of the suffix rules (suffix, tag). */
uint64_t cb_syn_lemma_key(const char *form, size_t n, int tag);
uint64_t cb_syn_rule_key(const char *suffix, size_t n, int tag);
/* The lemma of word w with tag t (arena a). */
const char *cb_syn_lemma(const cb_syn_model *m, cb_arena *a, const cb_syn_tok *w);

/* ---- arc-eager parsing -------------------------------------------------------------------------- */
enum { CB_SYN_SHIFT = 0, CB_SYN_REDUCE, CB_SYN_LEFT, CB_SYN_RIGHT, CB_SYN_NACT };

typedef struct cb_syn_state {
  cb_syn_tok *w; int n;        /* words; index n is the root, at the end of the buffer */
  const uint8_t *tag_upos;     /* the UPOS of each tag */
  int *stack; int nstack;
  int b;                       /* front of the buffer */
  int *lc, *lc2, *rc, *rc2;    /* leftmost, second leftmost, rightmost, second rightmost child (-1) */
  int *nl, *nr;                /* number of left and right children */
  uint64_t *lset, *rset;       /* bit sets of the labels of left and right children */
} cb_syn_state;

/* Sets up the state for w[0..n) (memory from arena a); NULL on OOM. */
int cb_syn_state_init(cb_syn_state *s, cb_arena *a, cb_syn_tok *w, int n, const uint8_t *tag_upos);
int cb_syn_legal(const cb_syn_state *s, int act);
int cb_syn_done(const cb_syn_state *s);
/* Applies the action; arcs get label lab. */
void cb_syn_apply(cb_syn_state *s, int act, int lab);
size_t cb_syn_parse_feats(const cb_syn_state *s, uint32_t *keys);
/* Features to label the arc h -> d (h < n): those of the arc, then the configuration's
 * pk[0..npk) (cb_syn_parse_feats) joined with the direction. */
size_t cb_syn_label_feats(const cb_syn_state *s, int h, int d, const uint32_t *pk, size_t npk,
                          uint32_t *keys);
/* Best legal action by the scores. */
int cb_syn_best_legal(const cb_syn_state *s, const int32_t *score);
/* Best label for h -> d: "root" only, and only, for the root. */
int cb_syn_best_label(const cb_syn_model *m, const cb_syn_state *s, int h, int d, const uint32_t *pk,
                      size_t npk);
/* Parses w[0..n) (tagged): sets head and label of each word; one root. */
int cb_syn_parse_words(const cb_syn_model *m, cb_arena *a, cb_syn_tok *w, int n);
/* Makes the tree single-rooted: the first root child stays, the others hang from it. */
void cb_syn_one_root(cb_syn_tok *w, int n, int parataxis);

/* ---- tokenizing ----------------------------------------------------------------------------------- */
/* A word of the text; mwt: part of a token split in words ("do|n't"). */
typedef struct cb_syn_span { uint32_t start, end; uint8_t mwt; } cb_syn_span;
/* UD English words of s[0..n) (arena array in *out); returns the count, (size_t)-1 on OOM. */
size_t cb_syn_tokenize(cb_arena *a, const char *s, size_t n, cb_syn_span **out);

/* ---- CoNLL-U ------------------------------------------------------------------------------------------ */
typedef struct cb_conllu_word {
  char *form, *lemma, *upos, *xpos, *deprel, *misc;
  int head;                    /* 0 for the root */
  int mwt_first, mwt_last;     /* the multi-word token this word opens (first == id), else 0 */
  char *mwt_form;              /* ... and its form */
} cb_conllu_word;
typedef struct cb_conllu_sent {
  char *sent_id, *text;
  cb_conllu_word *w; size_t n;
  int newdoc, newpar;
} cb_conllu_sent;
/* Reads a whole CoNLL-U file (arena a); returns the number of sentences, (size_t)-1 with e set. */
size_t cb_conllu_read(cb_arena *a, const char *path, cb_conllu_sent **out, cb_error *e);
/* Parses CoNLL-U text already in memory. */
size_t cb_conllu_parse(cb_arena *a, const char *buf, size_t len, cb_conllu_sent **out);
int cb_upos_parse(const char *s);   /* CB_UPOS_* or 0 */
struct cb_buf;
/* Appends sentence s (parsed from text[0..n)) as CoNLL-U: "# sent_id", "# text" (white space
 * runs as one space), one line per word with SpaceAfter=No where words touch. */
void cb_syn_conllu_write(struct cb_buf *o, const char *text, size_t n, const cb_syn_sent *s,
                         const char *sent_id);
#endif
