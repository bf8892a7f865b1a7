/*
 * frame.c - claim frames read off a dependency tree; see frame.h.
 *
 * From the claim's head word the reader climbs the tree: a number to the noun it counts
 * (nummod), a quantifying noun to what it quantifies ("the number of passengers"), a unit
 * to what it measures ("a salary of $40,000", "inflation was 6.1%"), then on to the first
 * verb (or copular predicate), which gives lemma, tense, negation and modality. Further up,
 * stance words ("rejected an offer of $X") and a reporting verb ("officials said") give the
 * stance and the voice. The closed classes are data/frames/grammar.tsv; stances are anchor
 * synsets of WordNet (data/frames/stance.tsv).
 */
#include "extract/frame.h"
#include "core/lines.h"
#include "extract/quote_lexicon.h"
#include "text/memo.h"
#include "text/wordnet.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CLIMB_MAX 8 /* steps from the claim to its predicate */
#define VOICE_MAX 4 /* steps from the predicate to a reporting verb */
#define WN_SENSES 1 /* a stance holds for a word's most common sense ("cost" is no demand) */
#define WN_DEPTH 2

/* ---- the word classes ------------------------------------------------------------------ */
enum { FW_NEGATOR, FW_MODAL, FW_FUTURE, FW_QUANTIFIER, FW_FALSE, FW_OTHER, FW_COUNT };
static const char *const fw_names[FW_COUNT] = {"negator", "modal", "future", "quantifier", "false", "other"};

typedef struct fw_entry {
  int cls;
  char word[24];
} fw_entry;
typedef struct st_entry {
  int stance;
  int pos;
  char anchor[24];
} st_entry;

static fw_entry fw[256];
static size_t nfw;
static st_entry st[96];
static size_t nst;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int field(const char *p, size_t len, int k, const char **s, size_t *n) {
  for (int i = 0; i < k; i++) {
    const char *t = memchr(p, '\t', len);
    if (!t) return 0;
    len -= (size_t)(t + 1 - p);
    p = t + 1;
  }
  const char *t = memchr(p, '\t', len);
  *s = p;
  *n = t ? (size_t)(t - p) : len;
  return 1;
}

static int stance_code(const char *s, size_t n) {
  static const char *const names[] = {"assert", "demand", "offer", "reject", "estimate", "refute"};
  for (int i = 0; i < CB_STANCE_COUNT; i++)
    if (strlen(names[i]) == n && !strncmp(names[i], s, n)) return i;
  return -1;
}

static void load(void) {
  size_t len;
  cb_lines it = cb_lines_of("frames/grammar.tsv");
  for (const char *p; (p = cb_lines_next(&it, &len)) && nfw < sizeof fw / sizeof *fw;) {
    const char *c, *w;
    size_t cn, wn;
    if (!field(p, len, 0, &c, &cn) || !field(p, len, 1, &w, &wn) || wn >= sizeof fw[0].word) continue;
    for (int k = 0; k < FW_COUNT; k++)
      if (strlen(fw_names[k]) == cn && !strncmp(fw_names[k], c, cn)) {
        fw[nfw].cls = k;
        memcpy(fw[nfw].word, w, wn);
        fw[nfw++].word[wn] = 0;
      }
  }
  it = cb_lines_of("frames/stance.tsv");
  for (const char *p; (p = cb_lines_next(&it, &len)) && nst < sizeof st / sizeof *st;) {
    const char *s, *pos, *w;
    size_t sn, pn, wn;
    if (!field(p, len, 0, &s, &sn) || !field(p, len, 1, &pos, &pn) || !field(p, len, 2, &w, &wn)) continue;
    int code = stance_code(s, sn);
    if (code < 0 || wn >= sizeof st[0].anchor) continue;
    st[nst].stance = code;
    st[nst].pos = pn == 4 && !strncmp(pos, "verb", 4) ? CB_WN_VERB : CB_WN_NOUN;
    memcpy(st[nst].anchor, w, wn);
    st[nst++].anchor[wn] = 0;
  }
}

static int in_class(int cls, const char *lemma) {
  pthread_once(&once, load);
  if (!lemma) return 0;
  for (size_t i = 0; i < nfw; i++)
    if (fw[i].cls == cls && !strcmp(fw[i].word, lemma)) return 1;
  return 0;
}

static int stance_lookup(int pos, const char *lemma);

/* The stance a verb or noun lemma carries: the first row whose anchor it is, or lies under. */
static int stance_of_verb(const char *lemma, const char *unused) { return stance_lookup(CB_WN_VERB, lemma); }
static int stance_of_noun(const char *lemma, const char *unused) { return stance_lookup(CB_WN_NOUN, lemma); }

static int stance_of_word(const cb_syn_word *w) {
  pthread_once(&once, load);
  if (!w->lemma || (w->upos != CB_UPOS_VERB && w->upos != CB_UPOS_NOUN)) return CB_STANCE_ASSERT;
  return w->upos == CB_UPOS_VERB ? cb_memo_ask(10, stance_of_verb, w->lemma, NULL)
                                 : cb_memo_ask(11, stance_of_noun, w->lemma, NULL);
}

static int stance_lookup(int pos, const char *lemma) {
  for (size_t i = 0; i < nst; i++)
    if (st[i].pos == pos && !strcmp(st[i].anchor, lemma)) return st[i].stance;
  for (size_t i = 0; i < nst; i++)
    if (st[i].pos == pos && cb_wn_hypernym_depth(pos, lemma, st[i].anchor, WN_SENSES, WN_DEPTH) >= 0)
      return st[i].stance;
  return CB_STANCE_ASSERT;
}

/* A verb that reports speech ("said", "told"): the quote cue list (data/quotes/cues.txt). */
static int reporting_word(const char *body, size_t base, const cb_syn_word *w) {
  if (w->upos != CB_UPOS_VERB) return 0;
  if (w->lemma && cb_qlex_find(CB_QLEX_CUE, w->lemma, strlen(w->lemma))) return 1;
  return cb_qlex_find(CB_QLEX_CUE, body + base + w->start, w->end - w->start) != NULL;
}

/* Verbs that carry little meaning of their own ("have to", "get to", "be"). */
static int light_verb(const char *lemma) {
  static const char *const l[] = {"be", "have", "get", "do", "go", "use", NULL};
  for (int i = 0; lemma && l[i]; i++)
    if (!strcmp(lemma, l[i])) return 1;
  return !lemma;
}

/* The lemma of a verb or noun: WordNet's base form of the word as written when WordNet has
 * one ("climbed" -> climb), else the tagger's lemma. */
static const char *lemma_of(cb_arena *a, const char *body, size_t base, const cb_syn_word *w) {
  int pos = w->upos == CB_UPOS_VERB ? CB_WN_VERB : w->upos == CB_UPOS_NOUN ? CB_WN_NOUN : -1;
  char form[64], out[64];
  size_t n = w->end - w->start;
  if (pos < 0 || n >= sizeof form) return w->lemma;
  memcpy(form, body + base + w->start, n);
  form[n] = 0;
  if (!cb_wn_morphy(pos, form, out, sizeof out) || (w->lemma && !strcmp(out, w->lemma))) return w->lemma;
  return cb_arena_strdup(a, out);
}

/* A noun that names an event or act ("vote", "meeting", "primary"), by WordNet: a date on it
 * dates it; a date on "cape" or "sandbank" is the parser's attachment, not the noun's date. */
static int names_event(const char *l, const char *unused) {
  return cb_wn_hypernym_depth(CB_WN_NOUN, l, "event", 3, 10) >= 0 ||
         cb_wn_hypernym_depth(CB_WN_NOUN, l, "act", 3, 10) >= 0;
}

static int event_noun(cb_arena *a, const char *body, size_t base, const cb_syn_word *w) {
  const char *l = lemma_of(a, body, base, w);
  return l && cb_memo_ask(20, names_event, l, NULL);
}

/* ---- tree walking ------------------------------------------------------------------------- */
static int head_of(const cb_syn_sent *s, int i) { return i >= 0 && (size_t)i < s->n ? s->w[i].head : -1; }

static int child_lemma_in(const cb_syn_sent *s, int h, int cls, const char *deprel) {
  for (size_t i = 0; i < s->n; i++)
    if (s->w[i].head == h && (!deprel || cb_syn_is(&s->w[i], deprel)) && in_class(cls, s->w[i].lemma))
      return 1;
  return 0;
}

static int has_child(const cb_syn_sent *s, int h, const char *deprel) {
  return cb_syn_child(s, h, deprel) >= 0;
}

/* An "of" dependent ("the number of passengers"): a plain nmod with the case word "of". */
static int of_child(const cb_syn_sent *s, int h) {
  for (size_t i = 0; i < s->n; i++) {
    if (s->w[i].head != h || !s->w[i].deprel || strcmp(s->w[i].deprel, "nmod")) continue;
    for (size_t k = 0; k < s->n; k++)
      if (s->w[k].head == (int)i && cb_syn_is(&s->w[k], "case") && s->w[k].lemma &&
          !strcmp(s->w[k].lemma, "of"))
        return (int)i;
  }
  return -1;
}

/* The lemmas of a noun and its compound and adjective modifiers, in text order. */
static const char *words_of(cb_arena *a, const cb_syn_sent *s, int m) {
  char buf[160];
  size_t n = 0;
  for (size_t i = 0; i < s->n && n < sizeof buf - 1; i++) {
    int mine = (int)i == m ||
               (s->w[i].head == m && (cb_syn_is(&s->w[i], "compound") || cb_syn_is(&s->w[i], "amod")));
    if (!mine || !s->w[i].lemma) continue;
    int k = snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", s->w[i].lemma);
    if (k < 0 || (size_t)k >= sizeof buf - n) break;
    n += (size_t)k;
  }
  buf[n] = 0;
  return cb_arena_strdup(a, buf);
}

/* "The 1,800 people evacuated from ...": a participle on the counted noun is what
 * happened to what is counted, the figure's own predicate. */
static int participle_of(const cb_syn_sent *s, int m) {
  for (size_t i = 0; i < s->n; i++)
    if (s->w[i].head == m && cb_syn_is(&s->w[i], "acl") && s->w[i].upos == CB_UPOS_VERB && s->w[i].xpos &&
        !strcmp(s->w[i].xpos, "VBN"))
      return (int)i;
  return -1;
}

/* The word of [lo, hi] closest to the root. */
static int span_head(const cb_syn_sent *s, int lo, int hi) {
  int best = -1, best_depth = 1 << 30;
  for (int i = lo; i <= hi; i++) {
    int d = 0;
    for (int k = i; k >= 0 && d < 64; k = s->w[k].head) d++;
    if (d < best_depth) {
      best = i;
      best_depth = d;
    }
  }
  return best;
}

/* "the number of passengers", "dozens of people": what a quantifying noun quantifies. */
static int quantified(const cb_syn_sent *s, int m) {
  for (int k = 0; k < 2 && m >= 0 && in_class(FW_QUANTIFIER, s->w[m].lemma); k++) {
    int of = of_child(s, m);
    if (of < 0) break;
    m = of;
  }
  return m;
}

/* The measured word of a count: the noun a number counts, or the span's own noun. */
static int counted_noun(const cb_syn_sent *s, int h) {
  if ((s->w[h].upos == CB_UPOS_ADJ || s->w[h].upos == CB_UPOS_ADV) && s->w[h].head >= 0) {
    for (size_t i = 0; i < s->n; i++) /* "fewer than 20 people": the parser's head may be "fewer" */
      if (s->w[i].head == h && s->w[i].upos == CB_UPOS_NUM) return counted_noun(s, (int)i);
    if (s->w[s->w[h].head].upos == CB_UPOS_NOUN) return quantified(s, s->w[h].head);
  }
  const cb_syn_word *w = &s->w[h];
  if (w->upos == CB_UPOS_NUM) {
    if (cb_syn_is(w, "nummod") && w->head >= 0) return quantified(s, w->head);
    int of = of_child(s, h); /* "163 of the passengers" */
    return of >= 0 ? of : -1;
  }
  if (w->upos == CB_UPOS_NOUN || w->upos == CB_UPOS_PROPN) return quantified(s, h);
  return -1;
}

/* What a unit measures: "a salary of $40,000" (salary), "inflation was 6.1%" (inflation). */
static int unit_measure(const cb_syn_sent *s, int h) {
  const cb_syn_word *w = &s->w[h];
  int of = of_child(s, h); /* "$5 million of aid" */
  if (of >= 0 && s->w[of].upos == CB_UPOS_NOUN) return of;
  if (((w->deprel && !strcmp(w->deprel, "nmod")) || cb_syn_is(w, "appos")) && w->head >= 0 &&
      s->w[w->head].upos == CB_UPOS_NOUN)
    return w->head;
  if ((cb_syn_is(w, "compound") || cb_syn_is(w, "amod") || cb_syn_is(w, "nmod:npmod") ||
       cb_syn_is(w, "nummod")) &&
      w->head >= 0 && s->w[w->head].upos == CB_UPOS_NOUN)
    return w->head; /* "a $5,000 football", "a 12-hour shift" */
  if (has_child(s, h, "cop")) { /* copular: the subject is what is measured */
    int subj = cb_syn_child(s, h, "nsubj");
    if (subj >= 0 && s->w[subj].upos == CB_UPOS_NOUN) return subj;
  }
  return -1;
}

/* "a capacity of 150 passengers", "a crowd of 5,000 people": the noun the counted noun's
 * phrase belongs to (not a quantifying noun, which says what is counted). */
static const char *whole_of(cb_arena *a, const cb_syn_sent *s, int m) {
  const cb_syn_word *w = &s->w[m];
  if (!w->deprel || strcmp(w->deprel, "nmod") || w->head < 0 || of_child(s, w->head) != m) return NULL;
  const cb_syn_word *h = &s->w[w->head];
  if (h->upos != CB_UPOS_NOUN || in_class(FW_QUANTIFIER, h->lemma) || !h->lemma) return NULL;
  return cb_arena_strdup(a, h->lemma);
}

/* "needs 41 votes to block the bill": the verb of a to-clause under the predicate that does
 * not hold the claim. */
static const char *purpose_of(const cb_syn_sent *s, int p, int from) {
  for (size_t i = 0; i < s->n; i++) {
    if (s->w[i].head != p || s->w[i].upos != CB_UPOS_VERB) continue;
    if (!cb_syn_is(&s->w[i], "advcl")) continue; /* a purpose clause, not an object's xcomp */
    int holds = 0;
    for (int k = from, n = 0; k >= 0 && n < CLIMB_MAX && !holds; k = head_of(s, k), n++) holds = k == (int)i;
    int to = 0;
    for (size_t j = 0; j < s->n && !to; j++)
      to = s->w[j].head == (int)i && cb_syn_is(&s->w[j], "mark") && s->w[j].lemma &&
           !strcmp(s->w[j].lemma, "to");
    if (!holds && to) return s->w[i].lemma;
  }
  return NULL;
}

/* The lemmas of the nouns the predicate takes as subject, object or oblique, outside the
 * claim's own words [lo, hi]: the participants ("a new pier cost the county": pier county). */
static const char *args_of(cb_arena *a, const cb_syn_sent *s, int p, int lo, int hi) {
  char buf[160];
  size_t n = 0;
  for (size_t i = 0; i < s->n && n < sizeof buf - 1; i++) {
    const cb_syn_word *w = &s->w[i];
    if (w->head != p || ((int)i >= lo && (int)i <= hi) || !w->lemma) continue;
    if (w->upos != CB_UPOS_NOUN && w->upos != CB_UPOS_PROPN) continue;
    if (!cb_syn_is(w, "nsubj") && !cb_syn_is(w, "obj") && !cb_syn_is(w, "iobj") && !cb_syn_is(w, "obl"))
      continue;
    int k = snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", w->lemma);
    if (k < 0 || (size_t)k >= sizeof buf - n) break;
    n += (size_t)k;
  }
  buf[n] = 0;
  return n ? cb_arena_strdup(a, buf) : NULL;
}

/* Has word i a case word ("to", "from") of that lemma? */
static int case_of(const cb_syn_sent *s, int i, const char *lemma) {
  for (size_t k = 0; i >= 0 && k < s->n; k++)
    if (s->w[k].head == i && cb_syn_is(&s->w[k], "case") && s->w[k].lemma && !strcmp(s->w[k].lemma, lemma))
      return 1;
  return 0;
}

/* A noun on the way up from the measured word m to its predicate p ("a bus with 84
 * passengers"), not a quantifying noun: the word the predicate is said of. -1 if none. */
static int noun_between(const cb_syn_sent *s, int m, int p) {
  for (int i = head_of(s, m), k = 0; i >= 0 && i != p && k < CLIMB_MAX; i = head_of(s, i), k++)
    if ((s->w[i].upos == CB_UPOS_NOUN || s->w[i].upos == CB_UPOS_PROPN) &&
        !in_class(FW_QUANTIFIER, s->w[i].lemma) && !(s->w[m].upos == CB_UPOS_NUM && i == head_of(s, m)))
      return i;
  return -1;
}

/* "the death toll is 47": the subject a bare number is the value of. -1 if none. */
static int copular_subject(const cb_syn_sent *s, int h) {
  if (h < 0 || !has_child(s, h, "cop")) return -1;
  int subj = cb_syn_child(s, h, "nsubj");
  return subj >= 0 && s->w[subj].upos == CB_UPOS_NOUN ? subj : -1;
}

/* The first verb above i (or a copular predicate), passing nouns and adjectives. */
static int predicate_above(const cb_syn_sent *s, int i) {
  for (int k = 0; i >= 0 && k < CLIMB_MAX; k++, i = head_of(s, i)) {
    const cb_syn_word *w = &s->w[i];
    if (w->upos == CB_UPOS_VERB) return i;
    if (has_child(s, i, "cop")) return i;
    if (w->head < 0) return w->upos == CB_UPOS_AUX ? i : -1;
  }
  return -1;
}

/* The words of a name: the word and its compound/flat dependents, as one slice. */
static const char *phrase_of(cb_arena *a, const char *body, size_t base, const cb_syn_sent *s, int h) {
  uint32_t lo = s->w[h].start, hi = s->w[h].end;
  for (size_t i = 0; i < s->n; i++) {
    if (s->w[i].head != h) continue;
    if (!cb_syn_is(&s->w[i], "compound") && !cb_syn_is(&s->w[i], "flat")) continue;
    if (s->w[i].start < lo) lo = s->w[i].start;
    if (s->w[i].end > hi) hi = s->w[i].end;
  }
  return cb_arena_strndup(a, body + base + lo, hi - lo);
}

static int proper(const cb_syn_sent *s, int h) {
  if (s->w[h].upos == CB_UPOS_PROPN) return 1;
  for (size_t i = 0; i < s->n; i++) /* "the senator, John Smith": the name in apposition */
    if (s->w[i].head == h && cb_syn_is(&s->w[i], "appos") && s->w[i].upos == CB_UPOS_PROPN) return 1;
  return 0;
}

/* "the senator, John Smith" -> John Smith; else the word itself. */
static int named(const cb_syn_sent *s, int h) {
  if (s->w[h].upos == CB_UPOS_PROPN) return h;
  for (size_t i = 0; i < s->n; i++)
    if (s->w[i].head == h && cb_syn_is(&s->w[i], "appos") && s->w[i].upos == CB_UPOS_PROPN) return (int)i;
  return h;
}

/* The subject of predicate p: its own, the antecedent of a relative pronoun ("Brooke, who
 * served"), or for a coordinated verb without one the first verb's ("Smith joined in 2009 and
 * quit in May"). -1 if none. */
static int subject_of(const cb_syn_sent *s, int p) {
  int subj = cb_syn_child(s, p, "nsubj");
  const char *x = s->w[p].xpos;
  if (subj < 0 && cb_syn_is(&s->w[p], "conj") && s->w[p].head >= 0 && s->w[s->w[p].head].upos == CB_UPOS_VERB)
    subj = cb_syn_child(s, s->w[p].head, "nsubj");
  if (subj < 0 && cb_syn_is(&s->w[p], "xcomp") && s->w[p].head >= 0) { /* "had to apologize", "urged
                                                                       him to resign": the controller */
    subj = cb_syn_child(s, s->w[p].head, "obj");
    if (subj < 0) subj = cb_syn_child(s, s->w[p].head, "nsubj");
  }
  if (subj < 0 && cb_syn_is(&s->w[p], "acl") && x && !strcmp(x, "VBN") && s->w[p].head >= 0)
    subj = s->w[p].head; /* "money left over from the race": the money is what is left */
  /* a participle clause without a subject takes its main clause's ("Brown has kept a low
   * profile since leaving the Senate": Brown left) */
  if (subj < 0 && cb_syn_is(&s->w[p], "advcl") && x && (!strcmp(x, "VBG") || !strcmp(x, "VBN")) &&
      s->w[p].head >= 0)
    subj = cb_syn_child(s, s->w[p].head, "nsubj");
  if (subj >= 0 && cb_syn_is(&s->w[p], "acl:relcl") && s->w[subj].xpos && s->w[subj].xpos[0] == 'W') {
    int rel = subj; /* WP / WDT: who, which, that */
    subj = s->w[p].head;
    /* ", who" opens a clause on the noun right before the comma ("the second senator after
     * Edward Brooke, who served"), whatever noun the parser hung it on */
    int before = rel - 1;
    if (before > 0 && s->w[before].upos == CB_UPOS_PUNCT) before--;
    if (before >= 0 && before != subj && s->w[before].upos == CB_UPOS_PROPN && rel - 1 != before) subj = before;
  }
  return subj;
}

/* A personal pronoun of one person ("he", "she"): PRP, third person singular. */
static int person_pronoun(const char *body, size_t base, const cb_syn_word *w) {
  static const char *const p[] = {"he", "she", "him", "her", NULL};
  size_t n = w->end - w->start;
  for (int i = 0; p[i]; i++)
    if (strlen(p[i]) == n && !strncasecmp(body + base + w->start, p[i], n)) return 1;
  return 0;
}

static void set_owner(cb_arena *a, const char *body, size_t base, const cb_syn_sent *s, int o, cb_frame *f) {
  if (o >= 0 && s->w[o].upos == CB_UPOS_PRON && person_pronoun(body, base, &s->w[o]))
    f->owner_pronoun_at = (long)(base + s->w[o].start); /* who "he" is: the story knows, not the tree */
  if (o < 0 || s->w[o].upos == CB_UPOS_PRON || s->w[o].upos == CB_UPOS_DET) return;
  if (s->w[o].upos != CB_UPOS_NOUN && s->w[o].upos != CB_UPOS_PROPN) return;
  o = named(s, o);
  f->owner = phrase_of(a, body, base, s, o);
  f->owner_proper = proper(s, o);
}

/* A bare number set beside a name by commas is the person's age ("Maria Lopez, 61, said"):
 * a number the tree attaches to a proper noun without a preposition, up to 120. */
static int bare_age(const cb_syn_sent *s, int h) {
  const cb_syn_word *w = &s->w[h];
  if (w->upos != CB_UPOS_NUM || w->head < 0 || s->w[w->head].upos != CB_UPOS_PROPN) return 0;
  if (!(cb_syn_is(w, "appos") || cb_syn_is(w, "nmod:unmarked") || cb_syn_is(w, "nmod:npmod") ||
        cb_syn_is(w, "amod")))
    return 0;
  int commas = 0;
  for (size_t i = 0; i < s->n; i++) commas += s->w[i].head == h && s->w[i].upos == CB_UPOS_PUNCT;
  if (h > 0 && s->w[h - 1].upos == CB_UPOS_PUNCT) commas++;
  long v = w->lemma ? strtol(w->lemma, NULL, 10) : 0;
  return commas > 0 && v >= 1 && v <= 120;
}

/* Whose age: the noun the age phrase modifies ("Smith, 61", "the 61-year-old senator"), the
 * subject of "Smith is 61", the head of "who is 61". */
static int age_owner(const cb_syn_sent *s, int h) {
  for (int k = 0, i = h; i >= 0 && k < 4; k++) {
    const cb_syn_word *w = &s->w[i];
    if (has_child(s, i, "cop")) {
      int subj = cb_syn_child(s, i, "nsubj");
      if (subj >= 0 && s->w[subj].upos == CB_UPOS_PRON && cb_syn_is(w, "acl:relcl")) return w->head;
      return subj;
    }
    int up = w->head;
    if (up < 0) return -1;
    if ((s->w[up].upos == CB_UPOS_NOUN || s->w[up].upos == CB_UPOS_PROPN) && i != h) return up;
    if ((s->w[up].upos == CB_UPOS_NOUN || s->w[up].upos == CB_UPOS_PROPN) &&
        (cb_syn_is(w, "amod") || cb_syn_is(w, "appos") || cb_syn_is(w, "nmod") || cb_syn_is(w, "acl") ||
         cb_syn_is(w, "nummod") || cb_syn_is(w, "obl:npmod") || cb_syn_is(w, "nmod:npmod")))
      return up;
    i = up;
  }
  return -1;
}

static void tense_of(const cb_syn_sent *s, int p, cb_frame *f) {
  int past = 0, future = 0, present = 0;
  for (size_t i = 0; i < s->n; i++) {
    if (s->w[i].head != p || !(cb_syn_is(&s->w[i], "aux") || cb_syn_is(&s->w[i], "cop"))) continue;
    const char *x = s->w[i].xpos;
    if (in_class(FW_FUTURE, s->w[i].lemma))
      future = 1;
    else if (in_class(FW_MODAL, s->w[i].lemma))
      f->modal = 1;
    else if (x && !strcmp(x, "VBD"))
      past = 1;
    else if (x && (!strcmp(x, "VBZ") || !strcmp(x, "VBP")))
      present = 1;
  }
  const char *x = s->w[p].xpos;
  if (x && !strcmp(x, "VBD")) past = 1;
  if (x && (!strcmp(x, "VBZ") || !strcmp(x, "VBP"))) present = 1;
  f->tense = future ? CB_TENSE_FUTURE : past ? CB_TENSE_PAST : present ? CB_TENSE_PRESENT : CB_TENSE_NONE;
}

static int negated(const cb_syn_sent *s, int i) {
  return i >= 0 && (child_lemma_in(s, i, FW_NEGATOR, "advmod") || child_lemma_in(s, i, FW_NEGATOR, "det") ||
                    child_lemma_in(s, i, FW_NEGATOR, "cc:preconj"));
}

/* A clause reported by the verb above it: "officials said [the ferry carried 163]". */
static int reported_edge(const char *body, size_t base, const cb_syn_sent *s, int i) {
  const cb_syn_word *w = &s->w[i];
  return (cb_syn_is(w, "ccomp") || cb_syn_is(w, "parataxis")) && w->head >= 0 &&
         reporting_word(body, base, &s->w[w->head]);
}

/* A verb that reports what follows it: a cue verb with a clause under it. */
static int reports_clause(const char *body, size_t base, const cb_syn_sent *s, int v) {
  if (!reporting_word(body, base, &s->w[v])) return 0;
  for (size_t i = 0; i < s->n; i++)
    if (s->w[i].head == v && (cb_syn_is(&s->w[i], "ccomp") || cb_syn_is(&s->w[i], "parataxis"))) return 1;
  return 0;
}

/* Stance words on the way from the claim up to (and just above) its predicate; the outermost
 * wins ("rejected an offer of $5": reject). Stops at a clause's reporting verb. */
static void stance_path(const char *body, size_t base, const cb_syn_sent *s, int from, int p, cb_frame *f) {
  int top = p >= 0 ? p : from, k = 0;
  for (int i = from; i >= 0 && k < CLIMB_MAX + 3; i = head_of(s, i), k++) {
    const cb_syn_word *w = &s->w[i];
    int stance = stance_of_word(w);
    if (stance != CB_STANCE_ASSERT && stance != CB_STANCE_REFUTE) f->stance = (uint8_t)stance;
    if (reported_edge(body, base, s, i)) break;
    if (i == top) { /* above the predicate only through clausal complements ("refused to pay") */
      if (!(cb_syn_is(w, "xcomp") || cb_syn_is(w, "ccomp") || cb_syn_is(w, "acl"))) break;
      top = head_of(s, i);
    }
  }
}

/* A reporting verb above the predicate: the voice, the speaker, and a report marked false. */
static void voice_of(cb_arena *a, const char *body, size_t base, const cb_syn_sent *s, int p, cb_frame *f) {
  if (reports_clause(body, base, s, p)) f->reporting = 1;
  f->speech = (uint8_t)reporting_word(body, base, &s->w[p]);
  for (int i = p, k = 0; i >= 0 && k < VOICE_MAX; k++) {
    const cb_syn_word *w = &s->w[i];
    if (w->head < 0) return;
    if (reported_edge(body, base, s, i)) {
      int v = w->head;
      f->attributed = 1;
      int subj = cb_syn_child(s, v, "nsubj");
      if (subj >= 0) f->speaker = phrase_of(a, body, base, s, named(s, subj));
      if (negated(s, v) || child_lemma_in(s, v, FW_FALSE, "advmod") ||
          stance_of_word(&s->w[v]) == CB_STANCE_REFUTE)
        f->stance = CB_STANCE_REFUTE;
      return;
    }
    if ((cb_syn_is(w, "ccomp") || cb_syn_is(w, "xcomp")) &&
        stance_of_word(&s->w[w->head]) == CB_STANCE_REFUTE) {
      f->stance = CB_STANCE_REFUTE; /* "denied that ...", "disputed that ..." */
      f->attributed = 1;
      return;
    }
    if (!(cb_syn_is(w, "ccomp") || cb_syn_is(w, "parataxis") || cb_syn_is(w, "xcomp") ||
          cb_syn_is(w, "conj")))
      return;
    i = w->head;
  }
}

/* Inside a quotation: an odd number of quote marks before the claim in its sentence. */
static int in_quotes(const char *body, size_t base, const cb_syn_sent *s, size_t start) {
  if (!s->n) return 0;
  int open = 0;
  for (size_t i = base + s->w[0].start; i < start; i++) {
    unsigned char c = (unsigned char)body[i];
    if (c == '"')
      open = !open;
    else if (c == 0xE2 && (unsigned char)body[i + 1] == 0x80) {
      unsigned char d = (unsigned char)body[i + 2];
      if (d == 0x9C)
        open = 1;
      else if (d == 0x9D)
        open = 0;
    }
  }
  return open;
}

/* A time expression whose head reaches the predicate (or the measured word) from below. */
static void time_of(cb_arena *a, const char *body, const size_t base, const cb_syn_sent *s, int p, int m,
                    const cb_span_off *t, size_t nt, size_t start, size_t end, cb_frame *f) {
  for (size_t k = 0; k < nt; k++) {
    if (t[k].start < end && t[k].end > start) continue; /* the claim itself */
    int lo = cb_syn_word_at(s, t[k].start - base), hi = cb_syn_word_at(s, t[k].end - 1 - base);
    if (lo < 0 || hi < 0) continue;
    int h = span_head(s, lo, hi);
    for (int i = head_of(s, h), n = 0; i >= 0 && n < CLIMB_MAX; i = head_of(s, i), n++) {
      if (i == p || i == m) {
        f->time_start = (long)t[k].start;
        f->time_end = (long)t[k].end;
        f->time = cb_arena_strndup(a, body + t[k].start, t[k].end - t[k].start);
        f->time_point = (uint8_t)t[k].point;
        f->time_value = t[k].value;
        return;
      }
      if (s->w[i].upos == CB_UPOS_VERB) break; /* attached to another verb first */
    }
  }
}

void cb_frame_of(cb_arena *a, const char *body, size_t base, const cb_syn_sent *s, size_t start, size_t end,
                 int unit_head, const cb_span_off *times, size_t ntimes, cb_frame *f) {
  memset(f, 0, sizeof *f);
  f->time_start = f->time_end = f->owner_pronoun_at = -1;
  if (!s || !s->n || start < base || end <= start) return;
  int lo = -1, hi = -1;
  for (size_t i = 0; i < s->n; i++)
    if (base + s->w[i].start < end && base + s->w[i].end > start) {
      if (lo < 0) lo = (int)i;
      hi = (int)i;
    }
  if (lo < 0) return;
  int h = span_head(s, lo, hi), m = -1;
  if (unit_head == CB_FRAME_AGE) {
    f->measure = "age";
    set_owner(a, body, base, s, age_owner(s, h), f);
  } else if (unit_head == CB_FRAME_UNIT) {
    m = unit_measure(s, h);
  } else if (unit_head == CB_FRAME_COUNT && bare_age(s, h)) { /* "Maria Lopez, 61," */
    f->measure = "age";
    set_owner(a, body, base, s, s->w[h].head, f);
    unit_head = CB_FRAME_AGE;
  } else if (unit_head == CB_FRAME_COUNT) {
    int num = -1; /* the number itself, wherever the parser put a qualifier ("fewer than"); of a
                     range ("80 and 90 homes"), the one that counts the noun */
    for (int i = lo; i <= hi; i++)
      if (s->w[i].upos == CB_UPOS_NUM && (num < 0 || cb_syn_is(&s->w[i], "nummod"))) num = i;
    m = num >= 0 && cb_syn_is(&s->w[num], "nummod") ? counted_noun(s, num) : counted_noun(s, h);
    if (m < 0) m = copular_subject(s, num >= 0 ? num : h); /* "the remainder is 47", "turnout was 64" */
  } else if (unit_head == CB_FRAME_DATE) { /* the date of a noun ("the June 5 vote") or a verb */
    int up = h;
    while (up >= 0 && cb_syn_is(&s->w[up], "case")) up = head_of(s, up);
    up = head_of(s, up);
    if (up >= 0 && s->w[up].upos == CB_UPOS_NOUN && event_noun(a, body, base, &s->w[up])) m = up;
  }
  f->kind = (uint8_t)unit_head;
  if (m >= 0) { /* "19 other children"; "steps that the president can take" */
    f->other = (uint8_t)child_lemma_in(s, m, FW_OTHER, "amod");
    for (int i = lo; i <= hi; i++) /* "one of my daughters", "163 of the passengers": a part */
      if (s->w[i].upos == CB_UPOS_NUM && of_child(s, i) == m) f->other = 1;
    for (size_t i = 0; i < s->n; i++)
      if (s->w[i].head == m && cb_syn_is(&s->w[i], "acl") && child_lemma_in(s, (int)i, FW_MODAL, "aux"))
        f->modal = 1;
  }
  if (m >= 0 && s->w[m].lemma) {
    f->measure = cb_arena_strdup(a, lemma_of(a, body, base, &s->w[m]));
    f->measure_words = words_of(a, s, m);
  }
  if (m >= 0 && unit_head != CB_FRAME_DATE) f->whole = whole_of(a, s, m);
  int from = m >= 0 ? m : h;
  int part = m >= 0 && unit_head == CB_FRAME_COUNT ? participle_of(s, m) : -1;
  int p = part >= 0 ? part : predicate_above(s, from);
  int holder = p >= 0 && part < 0 && (unit_head == CB_FRAME_COUNT || unit_head == CB_FRAME_UNIT)
                   ? noun_between(s, from, p)
                   : -1;
  /* "inflation eased to 4.1 percent", "stood at 6.1 percent": the figure is the level, said
   * of the subject */
  int goal = unit_head != CB_FRAME_DATE && (case_of(s, from, "to") || case_of(s, h, "to") ||
                                            case_of(s, from, "at") || case_of(s, h, "at"));
  if (p >= 0) {
    /* "a bus with 84 passengers was swept away": the verb is said of the bus; the count is
     * only what the bus had */
    f->pred = cb_arena_strdup(a, holder >= 0 || goal ? "be"
                                 : has_child(s, p, "cop") && s->w[p].upos != CB_UPOS_VERB
                                     ? "be"
                                     : lemma_of(a, body, base, &s->w[p]));
    f->earlier = (uint8_t)(case_of(s, from, "from") || case_of(s, h, "from"));
    f->args = args_of(a, s, p, lo, hi);
    int obj = cb_syn_child(s, p, "obj");
    if (obj >= 0 && (obj < lo || obj > hi) && (s->w[obj].upos == CB_UPOS_NOUN || s->w[obj].upos == CB_UPOS_PROPN))
      f->object = lemma_of(a, body, base, &s->w[obj]);
    tense_of(s, p, f);
    int ph = s->w[p].head; /* "licensed to carry"; not "had to apologize" (have to = must) */
    if ((cb_syn_is(&s->w[p], "xcomp") || cb_syn_is(&s->w[p], "ccomp")) && ph >= 0 &&
        !reporting_word(body, base, &s->w[ph]) && !light_verb(s->w[ph].lemma))
      f->pred_head = s->w[ph].lemma;
    f->purpose = purpose_of(s, p, from);
    const char *x = s->w[p].xpos;
    if (s->w[p].upos == CB_UPOS_VERB && x && (!strcmp(x, "VBN") || !strcmp(x, "VBD")))
      f->pred_form = cb_arena_strndup(a, body + base + s->w[p].start, s->w[p].end - s->w[p].start);
    f->negated = (uint8_t)(negated(s, p) || negated(s, m) || negated(s, h));
  }
  if (unit_head == CB_FRAME_DATE && m < 0 && p >= 0) { /* "the primary will be held on April 30": the
                                                        date of the primary */
    int pass = cb_syn_child(s, p, "nsubj:pass");
    if (pass >= 0 && (s->w[pass].upos == CB_UPOS_NOUN || s->w[pass].upos == CB_UPOS_ADJ) &&
        event_noun(a, body, base, &s->w[pass])) { /* a subject is nominal, however tagged */
      f->measure = cb_arena_strdup(a, lemma_of(a, body, base, &s->w[pass]));
      f->measure_words = words_of(a, s, pass);
    }
  }
  if (holder >= 0 && !f->owner) set_owner(a, body, base, s, holder, f);
  if (m >= 0 && !f->owner) { /* "the ship's capacity", else the subject ("Smith won 52%") */
    int poss = cb_syn_child(s, m, "nmod:poss");
    if (poss >= 0) set_owner(a, body, base, s, poss, f);
  }
  if (!f->owner && p >= 0) { /* the subject: whose figure, or who acted on the date */
    int subj = subject_of(s, p);
    if (subj >= 0 && subj != m && subj != h && (subj < lo || subj > hi)) {
      set_owner(a, body, base, s, subj, f);
      /* "consumer prices rose 6.4%": a figure with a unit and no noun of its own is the
       * subject's */
      if (unit_head == CB_FRAME_UNIT && m < 0 && s->w[subj].upos == CB_UPOS_NOUN)
        f->measure_words = words_of(a, s, subj);
    }
  }
  stance_path(body, base, s, from, p, f);
  if (p >= 0) voice_of(a, body, base, s, p, f);
  if (in_quotes(body, base, s, start)) f->attributed = f->quoted = 1;
  time_of(a, body, base, s, p, m, times, ntimes, start, end, f);
}

const char *cb_stance_name(int stance) {
  static const char *const n[] = {"asserted", "demanded", "offered", "rejected", "expected", "disputed"};
  return stance >= 0 && stance < CB_STANCE_COUNT ? n[stance] : "?";
}

const char *cb_tense_name(int tense) {
  static const char *const n[] = {"", "past", "present", "future"};
  return tense >= 0 && tense <= CB_TENSE_FUTURE ? n[tense] : "";
}

char *cb_frame_describe(cb_arena *a, const cb_frame *f) {
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s",
                   f->measure                  ? f->measure
                   : f->kind == CB_FRAME_TITLE ? "title"
                   : f->kind == CB_FRAME_DATE  ? "date"
                                               : "figure");
  if (f->owner && n < (int)sizeof buf) n += snprintf(buf + n, sizeof buf - (size_t)n, " of %s", f->owner);
  if (f->pred && n < (int)sizeof buf)
    n += snprintf(buf + n, sizeof buf - (size_t)n, " (%s%s%s%s%s)", f->negated ? "not " : "",
                  f->modal ? "may " : "", f->pred, f->tense ? ", " : "", cb_tense_name(f->tense));
  if (f->stance && n < (int)sizeof buf)
    n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s", cb_stance_name(f->stance));
  if (f->attributed && n < (int)sizeof buf)
    snprintf(buf + n, sizeof buf - (size_t)n, ", according to %s",
             f->speaker ? f->speaker : "a quoted source");
  return cb_arena_strdup(a, buf);
}
