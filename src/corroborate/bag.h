/*
 * bag.h - the content words of a stretch of text, as the corroboration stage compares
 * them: folded (case, accents), stop-words dropped (data/corroborate/stopwords.txt), crude
 * suffix stemming, each word a 64-bit key. A bag is a small sorted set of keys, so overlap is a merge.
 */
#ifndef CB_CORRO_WORDS_H
#define CB_CORRO_WORDS_H
#include "corroborate.h"
#include <stdint.h>

typedef struct cb_bag { uint64_t *keys; size_t n; uint64_t *bigrams; size_t nb; } cb_bag;

/* Fills bag with the sorted, distinct content-word keys (and adjacent content-word
 * bigrams) of s[0..n). Keys live in the arena. */
int cb_bag_of(cb_arena *a, const char *s, size_t n, cb_bag *bag);
/* The content words of s[0..n) cut into overlapping windows of width words, one every step
 * words (the last ends with the text; a short text is one window): a long sentence's
 * clauses, each a bag, so two sentences that share one clause can be found alike. */
int cb_bag_windows(cb_arena *a, const char *s, size_t n, size_t width, size_t step, cb_bag **out, size_t *nout);
/* Key of one word (ASCII case ignored, stemmed); 0 for a stop-word. Synonyms are not folded
 * here: the claims' frames compare words through WordNet (src/corroborate/frames.h). */
uint64_t cb_content_key(const char *w, size_t n);
/* Number of shared keys. */
size_t cb_bag_shared(const cb_bag *x, const cb_bag *y);
size_t cb_bag_shared_bigrams(const cb_bag *x, const cb_bag *y);
int cb_bag_has(const cb_bag *b, uint64_t key);
/* Calls fn for each shared key. */
void cb_bag_each_shared(const cb_bag *x, const cb_bag *y, void (*fn)(void *ud, uint64_t k), void *ud);
/* A word list from data/ (one word per line, '#' comments) as a sorted set of content
 * keys, loaded once and shared (thread-safe). Returns NULL only on OOM. */
typedef struct cb_keyset { uint64_t *keys; size_t n; } cb_keyset;
const cb_keyset *cb_keyset_get(const char *data_name);
int cb_keyset_has(const cb_keyset *s, uint64_t key);
#endif
