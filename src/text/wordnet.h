/*
 * wordnet.h - general English word knowledge from WordNet 3.0 (Princeton; Debian package
 * wordnet-base): base forms (morphy), synonyms, hypernyms ("boat" is a kind of "vessel")
 * and derivations ("evacuation" / "evacuate"), so that claims are compared only when they
 * measure the same thing.
 *
 * The database files are read from $CB_WORDNET_DIR, else /usr/share/wordnet. They are
 * mmap'd read-only on the first call (once per process, thread-safe) and never loaded into
 * tables: a lookup is a binary search in a sorted index file and a seek by byte offset in a
 * data file. Without the files every function answers "unknown" (0, -1, CB_WN_NONE) and
 * cb_wn_available says why. Words are any bytes of any length: they are folded to ASCII
 * lower case with blanks as '_' ("Prime  Minister" -> "prime_minister"); a word with a
 * control or non-ASCII byte, or longer than 127 bytes, is simply unknown.
 *
 * max_senses limits a lemma to its most common senses (WordNet orders them by frequency in
 * its tagged corpus); 0 means all. Functions taking two words apply morphy to both first
 * ("boats" -> "boat") and use the senses of every base form morphy finds (NLTK does the
 * same: "saw" as a verb has the senses of "saw" and of "see", max_senses of each);
 * cb_wn_synsets takes the lemma as it is.
 */
#ifndef CB_TEXT_WORDNET_H
#define CB_TEXT_WORDNET_H
#include "corroborate.h"
#include <stddef.h>
#include <stdint.h>

typedef enum cb_wn_pos { CB_WN_NOUN = 0, CB_WN_VERB, CB_WN_ADJ, CB_WN_ADV } cb_wn_pos;

typedef enum cb_wn_rel {
  CB_WN_NONE = 0,   /* unrelated, or unknown */
  CB_WN_SAME,       /* a and b share a synset (synonyms in some sense) */
  CB_WN_BROADER,    /* b is a hypernym of a: "boat" -> "vessel" */
  CB_WN_NARROWER,   /* b is a hyponym of a: "vessel" -> "boat" */
  CB_WN_SIBLING,    /* a and b share a direct hypernym: "boat" and "ship" under "vessel" */
  CB_WN_MEMBER,     /* b is a member of the group a: "police" -> "officers" (%m pointer) */
  CB_WN_GROUP       /* b is a group a is a member of: "persons" -> "people" (#m pointer) */
} cb_wn_rel;

/* 1 if the database could be opened; else 0 and e (may be NULL) says which file and why
 * (code CB_EIO). */
int cb_wn_available(cb_error *e);

/* WordNet's morphy: the base form of word for pos, a lemma of the index: as WordNet, an
 * exception-list base first ("children" -> "child", "went" -> "go", "bigger" -> "big", verb
 * "saw" -> "see"), else the word itself if it is a lemma ("people" stays "people"), else
 * the first detachment rule that gives a lemma ("boats" -> "boat", "evacuated" ->
 * "evacuate", "prime ministers" -> "prime_minister"). Writes it, lower case with '_' for
 * blanks, into out (NUL-terminated) and returns its length; 0 if the word has no base form
 * in WordNet or outsize is too small. */
size_t cb_wn_morphy(cb_wn_pos pos, const char *word, char *out, size_t outsize);

/* The synset offsets of lemma (no morphy) in sense order, most common first: at most max,
 * and at most max_senses. Returns the count written (0: unknown). */
size_t cb_wn_synsets(cb_wn_pos pos, const char *lemma, uint32_t *offsets, size_t max,
                     int max_senses);

/* 1 if a and b share a synset within their first max_senses senses. */
int cb_wn_synonyms_share(cb_wn_pos pos, const char *a, const char *b, int max_senses);

/* The fewest hypernym steps (@ and @i pointers) from one of the first max_senses senses
 * of a up to one of the first max_senses senses of b: 0 if they share a synset, -1 if none
 * within max_depth (at most 32) steps. */
int cb_wn_hypernym_depth(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                         int max_depth);
/* The same, also telling which synsets link them: *a_syn the sense of a the path starts
 * from, *b_syn the sense of b it reaches (either may be NULL). */
int cb_wn_hypernym_link(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                        int max_depth, uint32_t *a_syn, uint32_t *b_syn);

/* How b relates to a: SAME, else BROADER/NARROWER within max_depth hypernym steps, else
 * MEMBER/GROUP (one step), else SIBLING, else NONE. */
cb_wn_rel cb_wn_relation(cb_wn_pos pos, const char *a, const char *b, int max_senses,
                         int max_depth);
const char *cb_wn_rel_name(cb_wn_rel r);   /* "none", "same", "broader", ..., "group" */

/* 1 if a sense of a (as a_pos) and a sense of b (as b_pos), within their first max_senses
 * senses, are linked by a derivationally-related-form pointer (+) between these very
 * words: "evacuation"/"evacuate", "election"/"elect". Morphy is applied to both. */
int cb_wn_derived(cb_wn_pos a_pos, const char *a, cb_wn_pos b_pos, const char *b,
                  int max_senses);

/* The synsets of word's first max_senses senses (morphy applied) and their direct
 * hypernyms, at most max, into out: keys under which "boat", "ship" and "vessel" meet
 * (all three reach the synset of the watercraft sense of "vessel"). Returns the count. */
size_t cb_wn_classes(cb_wn_pos pos, const char *word, int max_senses, uint32_t *out, size_t max);

/* The past participle of a verb lemma, for naming what happened to a count ("carry" ->
 * "carried", "strike" -> "struck", "evacuate" -> "evacuated"): an irregular form from the
 * exception list, else the regular spelling. Returns its length (0 without WordNet). */
size_t cb_wn_past_participle(const char *verb, char *out, size_t outsize);

/* The i-th (0-based) lemma of the synset at offset, as WordNet writes it (its case, blanks
 * for '_': "Robert Burns"), into out (NUL-terminated). Returns 1, or 0 past the last lemma,
 * on an unknown synset, or when outsize is too small. Iterate i = 0, 1, ... until 0. */
int cb_wn_synset_word(cb_wn_pos pos, uint32_t offset, size_t i, char *out, size_t outsize);
#endif
