/*
 * words.h - the word stream grouping works on: each word of a text as a 64-bit hash of its
 * folded form (case, accents and curly quotes folded, a light English plural stem), with
 * flags for stop words, numbers, capitalised words that do not open a sentence (named
 * entities) and the title.
 */
#ifndef CB_GROUP_WORDS_H
#define CB_GROUP_WORDS_H
#include <stddef.h>
#include <stdint.h>

enum { CB_W_STOP = 1, CB_W_NUMBER = 2, CB_W_ENTITY = 4, CB_W_TITLE = 8 };

typedef struct cb_word {
  uint64_t key;     /* hash of the folded, stemmed word; never 0 */
  uint8_t flags;
} cb_word;

typedef struct cb_words { cb_word *w; size_t n, cap; } cb_words;

void cb_words_init(cb_words *ws);
void cb_words_free(cb_words *ws);
/* Appends the words of s[0..n) (flags |= extra_flags). 0 ok, -1 on OOM. */
int cb_words_add(cb_words *ws, const char *s, size_t n, uint8_t extra_flags);
/* 1 if the folded word is a stop word (data/group/stopwords.txt). */
int cb_is_stopword(uint64_t key);
/* The key of a folded ASCII word, as cb_words_add computes it. */
uint64_t cb_word_key(const char *folded, size_t n);
#endif
