/*
 * wordnet_db.h - internal to the WordNet reader (wordnet.c, wordnet_db.c): the database
 * files mmap'd read-only, binary search in the sorted index and exception files, and a
 * bounded parser for one synset line of a data file. Nothing here allocates.
 */
#ifndef CB_TEXT_WORDNET_DB_H
#define CB_TEXT_WORDNET_DB_H
#include "text/wordnet.h"
#include <stddef.h>
#include <stdint.h>

#define CB_WN_KEY_MAX 128      /* longest key looked up (WordNet's longest lemma is 71) */
#define CB_WN_SENSES_MAX 128   /* most senses read for one word (WordNet's most: "break", 59) */

typedef struct cb_wn_map { const char *p; size_t n; } cb_wn_map;

/* 1 if the database is open (opened once, on first call, from $CB_WORDNET_DIR or
 * /usr/share/wordnet); else 0, and file and why (either may be NULL) get the file at fault
 * and the reason. */
int cb_wn_db_ok(const char **file, const char **why);
const cb_wn_map *cb_wn_db_index(cb_wn_pos pos);
const cb_wn_map *cb_wn_db_exc(cb_wn_pos pos);
const cb_wn_map *cb_wn_db_data(cb_wn_pos pos);

/* Folds word to an index key in key[CB_WN_KEY_MAX]: ASCII lower case, spaces and runs of
 * blanks to '_', outer blanks trimmed. Returns its length, 0 if empty, too long, or holding
 * a byte no WordNet lemma has (control bytes, non-ASCII). */
size_t cb_wn_fold(const char *word, char *key);

/* The line of sorted file m whose first field is key[0..klen); NULL if none. *eol gets the
 * end of the line (its '\n' or the end of the map). */
const char *cb_wn_find(const cb_wn_map *m, const char *key, size_t klen, const char **eol);

/* The synset offsets of the index line of key, in sense order: at most max, and at most
 * max_senses (0: all). Returns the count. */
size_t cb_wn_index_senses(cb_wn_pos pos, const char *key, size_t klen, uint32_t *out, size_t max,
                          int max_senses);
/* The same from an index line already found (line[0..eol)). */
size_t cb_wn_line_senses(const char *line, const char *eol, uint32_t *out, size_t max, int max_senses);

/* The base forms of a word (wordnet_morph.c), each a lemma of the index, in morphy's order:
 * the exception-list bases, then the word itself, then (only if there is none of those) the
 * forms the detachment rules give. */
#define CB_WN_FORMS_MAX 4
typedef struct cb_wn_forms {
  size_t n;
  char key[CB_WN_FORMS_MAX][CB_WN_KEY_MAX];
  size_t len[CB_WN_FORMS_MAX];
  const char *line[CB_WN_FORMS_MAX], *eol[CB_WN_FORMS_MAX];   /* their index lines */
} cb_wn_forms;
size_t cb_wn_forms_of(cb_wn_pos pos, const char *word, cb_wn_forms *f);

/* One token of a line: a cursor that never passes end. */
typedef struct cb_wn_cur { const char *p, *end; } cb_wn_cur;
int cb_wn_tok(cb_wn_cur *c, const char **s, size_t *n);

/* A synset line of a data file, located and checked. */
typedef struct cb_wn_syn {
  cb_wn_pos pos;
  unsigned nwords;
  const char *words;     /* the first word token */
  unsigned nptrs;
  const char *ptrs;      /* the first pointer token */
  const char *end;       /* end of the line */
} cb_wn_syn;

typedef struct cb_wn_ptr {
  char sym[3];           /* "@", "@i", "+", "~" ... */
  uint32_t off;
  cb_wn_pos pos;
  unsigned src, dst;     /* 1-based word numbers of a lexical pointer; 0: the whole synset */
} cb_wn_ptr;

/* Opens the synset at offset; 0 if there is none there. */
int cb_wn_syn_open(cb_wn_pos pos, uint32_t off, cb_wn_syn *s);
/* The i-th (0-based) word of s, without an adjective marker "(a)"; 0 if none. */
int cb_wn_syn_word(const cb_wn_syn *s, unsigned i, const char **w, size_t *n);
/* 1 if the i-th word of s equals key (folded, '_' for blanks). */
int cb_wn_syn_word_is(const cb_wn_syn *s, unsigned i, const char *key, size_t klen);
/* Iterates the pointers: start with c = {s->ptrs, s->end} and k = 0. Returns 0 at the end. */
int cb_wn_syn_ptr(const cb_wn_syn *s, cb_wn_cur *c, unsigned *k, cb_wn_ptr *p);
#endif
