/*
 * words.c - splits text into words for grouping: letters and digits (any non-ASCII letter
 * counts), apostrophes inside words, possessives and plain plurals stemmed away; marks
 * stop words, numbers and capitalised words inside a sentence (named entities).
 */
#include "group/words.h"
#include "text/utf8.h"
#include "corroborate.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include "group/u64map.h"
#include "core/data.h"

#define MAX_WORD 64

static cb_u64map stop_set;
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

uint64_t cb_word_key(const char *folded, size_t n) {
  uint64_t k = XXH3_64bits(folded, n);
  return k ? k : 1;
}

static void load_stopwords(void) {
  size_t len = 0;
  const char *d = cb_data_need("group/stopwords.txt", &len);
  cb_u64map_init(&stop_set);
  for (size_t i = 0; d && i < len;) {
    size_t j = i;
    while (j < len && d[j] != '\n') j++;
    size_t e = j;
    while (e > i && (d[e - 1] == ' ' || d[e - 1] == '\r')) e--;
    if (e > i && d[i] != '#') {
      uint32_t *v = cb_u64map_slot(&stop_set, cb_word_key(d + i, e - i));
      if (v) *v = 1;
    }
    i = j + 1;
  }
}

int cb_is_stopword(uint64_t key) {
  pthread_once(&stop_once, load_stopwords);
  return cb_u64map_find(&stop_set, key) != NULL;
}

void cb_words_init(cb_words *ws) { ws->w = NULL; ws->n = ws->cap = 0; }
void cb_words_free(cb_words *ws) { free(ws->w); cb_words_init(ws); }

static int is_letter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return 0;     /* punctuation, symbols, arrows */
  if (cp >= 0x3000 && cp <= 0x303F) return 0;
  if (cp == 0xFFFD || cp == 0xFEFF) return 0;
  return 1;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Folds and stems one word into out; returns its length (0: nothing left). */
static size_t fold_word(const char *s, size_t n, int ascii, char *out) {
  size_t k = 0;
  if (ascii) {
    for (size_t i = 0; i < n && k < MAX_WORD; i++) {
      char c = s[i];
      if (c == '\'') break;                        /* possessive / contraction tail */
      out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  } else {
    cb_arena *a = cb_arena_new(1024);
    size_t fl = 0;
    char *f = a ? cb_fold(a, s, n, &fl) : NULL;
    for (size_t i = 0; f && i < fl && k < MAX_WORD; i++) {
      if (f[i] == '\'') break;
      out[k++] = f[i];
    }
    cb_arena_free(a);
  }
  if (k > 4 && out[k - 1] == 's' && out[k - 2] != 's' && out[k - 2] != 'u' && out[k - 2] != 'i') {
    if (out[k - 2] == 'e' && out[k - 3] == 'i') { out[k - 3] = 'y'; k -= 2; }
    else k--;
  }
  return k;
}

static int push(cb_words *ws, uint64_t key, uint8_t flags) {
  if (ws->n == ws->cap) {
    size_t cap = ws->cap ? ws->cap * 2 : 256;
    cb_word *w = realloc(ws->w, cap * sizeof *w);
    if (!w) return -1;
    ws->w = w; ws->cap = cap;
  }
  ws->w[ws->n].key = key;
  ws->w[ws->n].flags = flags;
  ws->n++;
  return 0;
}

static int emit(cb_words *ws, const char *s, size_t n, int ascii, int sentence_start, uint8_t extra) {
  char f[MAX_WORD + 4];
  size_t k = fold_word(s, n, ascii, f);
  if (!k) return 0;
  uint8_t flags = extra;
  uint64_t key = cb_word_key(f, k);
  int digits = 1;
  for (size_t i = 0; i < k; i++) if (f[i] < '0' || f[i] > '9') { digits = 0; break; }
  if (digits) flags |= CB_W_NUMBER;
  if (cb_is_stopword(key)) flags |= CB_W_STOP;
  else if (!sentence_start && !digits && s[0] >= 'A' && s[0] <= 'Z') flags |= CB_W_ENTITY;
  return push(ws, key, flags);
}

int cb_words_add(cb_words *ws, const char *s, size_t n, uint8_t extra) {
  size_t i = 0;
  int sentence_start = 1;
  while (i < n) {
    int32_t cp;
    int l = cb_utf8_decode(s + i, n - i, &cp);
    if (!is_letter(cp)) {
      if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == '"' || cp == 0x201C) {
        /* "Mr." and initials do not end a sentence in a way that matters here. */
        sentence_start = 1;
      }
      i += (size_t)l;
      continue;
    }
    size_t start = i;
    int ascii = 1;
    while (i < n) {
      l = cb_utf8_decode(s + i, n - i, &cp);
      if (is_letter(cp)) { if (cp >= 0x80) ascii = 0; i += (size_t)l; continue; }
      if (is_apostrophe(cp) && i + (size_t)l < n) {
        int32_t nx;
        cb_utf8_decode(s + i + l, n - i - (size_t)l, &nx);
        if (is_letter(nx)) { if (cp >= 0x80) ascii = 0; i += (size_t)l; continue; }
      }
      break;
    }
    if (i - start <= 4 * MAX_WORD && emit(ws, s + start, i - start, ascii, sentence_start, extra)) return -1;
    sentence_start = 0;
  }
  return 0;
}
