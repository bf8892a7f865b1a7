/*
 * fuzz_wordnet.c - libFuzzer harness for the WordNet reader (src/text/wordnet.h): the
 * first byte picks the parts of speech and limits, the rest, cut at the first 0x00 byte,
 * gives two words of arbitrary bytes, which go through every lookup. Nothing may crash,
 * leak or hang; a base form must fit its buffer and be a lemma of the index; a synset's
 * lemmas must be NUL-terminated inside their buffer. Runs on the installed WordNet files
 * ($CB_WORDNET_DIR or /usr/share/wordnet), or tests the "unknown" answers without them.
 */
#include "text/wordnet.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *word(const uint8_t *p, size_t n) {
  char *s = malloc(n + 1);
  if (!s) abort();
  if (n) memcpy(s, p, n);
  s[n] = 0;
  return s;
}

static void lemmas(cb_wn_pos pos, const uint32_t *offs, size_t n) {
  char w[64];
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < 300 && cb_wn_synset_word(pos, offs[i], k, w, sizeof w); k++)
      if (strlen(w) >= sizeof w) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  cb_wn_pos pa = (cb_wn_pos)(data[0] & 3), pb = (cb_wn_pos)(data[0] >> 2 & 3);
  int senses = data[0] >> 4 & 3, depth = data[0] >> 6;
  const uint8_t *rest = data + 1, *z = memchr(rest, 0, size - 1);
  size_t na = z ? (size_t)(z - rest) : size - 1;
  char *a = word(rest, na), *b = z ? word(z + 1, size - 1 - na - 1) : word(rest, 0);

  char base[32];
  size_t bl = cb_wn_morphy(pa, a, base, sizeof base);
  if (bl && (bl >= sizeof base || strlen(base) != bl)) abort();
  uint32_t offs[8];
  if (bl && cb_wn_synsets(pa, base, offs, 8, 0) == 0) abort();   /* morphy answers lemmas */
  lemmas(pa, offs, cb_wn_synsets(pa, a, offs, 8, senses));
  cb_wn_synonyms_share(pa, a, b, senses);
  uint32_t as = 0, bs = 0;
  int d = cb_wn_hypernym_link(pa, a, b, senses, depth * 4, &as, &bs);
  if (d > depth * 4 || d < -1) abort();
  if (d >= 0) lemmas(pa, &bs, 1);
  cb_wn_rel r = cb_wn_relation(pa, a, b, senses, depth * 4);
  if ((unsigned)r > CB_WN_GROUP || !cb_wn_rel_name(r)) abort();
  cb_wn_derived(pa, a, pb, b, senses);
  free(a);
  free(b);
  return 0;
}
