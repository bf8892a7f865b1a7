/*
 * frames.c - comparing two claims' frames; see frames.h.
 */
#include "corroborate/frames.h"
#include "corroborate/bag.h"
#include "text/memo.h"
#include "text/wordnet.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define WN_SENSES 3 /* a word's three most common senses */
#define WN_STEPS 2 /* "ship" -> "vessel": one kind of the other within two hypernym steps */

/* Light predicates say nothing of what is measured ("163 passengers were on board"). */
static int light(const char *pred) {
  static const char *const l[] = {"be",      "have",  "say",    "get",   "make", "do",
                                  "include", "total", "happen", "occur", NULL};
  for (int i = 0; pred && l[i]; i++)
    if (!strcmp(pred, l[i])) return 1;
  return !pred;
}

/* Generic count nouns (data/corroborate/generic-nouns.txt) name no particular thing. */
static int generic(const char *noun) {
  return noun &&
         cb_keyset_has(cb_keyset_get("corroborate/generic-nouns.txt"), cb_content_key(noun, strlen(noun)));
}

/* A generic count noun ("people") counts any kind of person ("residents", "passengers"). */
static int person(const char *noun) {
  return cb_wn_hypernym_depth(CB_WN_NOUN, noun, "person", WN_SENSES, 6) >= 0;
}

static int same_measure(const char *x, const char *y);

int cb_frames_same_measure(const char *x, const char *y) {
  return !x || !y ? 1 : cb_memo_ask(1, same_measure, x, y);
}

static int same_measure(const char *x, const char *y) {
  if (!strcasecmp(x, y)) return 2;
  if (generic(x) && generic(y)) return 2;
  if (generic(x) || generic(y)) return person(generic(x) ? y : x) ? 2 : 1;
  cb_wn_rel r = cb_wn_relation(CB_WN_NOUN, x, y, WN_SENSES, WN_STEPS);
  if (r == CB_WN_SAME || r == CB_WN_BROADER || r == CB_WN_NARROWER) return 2;
  return r == CB_WN_SIBLING ? 1 : 0;
}

/* Same predicate: the same lemma, WordNet synonyms, or one a kind of the other in one step. */
static int related_preds(const char *x, const char *y) {
  if (light(x) || light(y) || !strcmp(x, y)) return 1;
  cb_wn_rel r = cb_wn_relation(CB_WN_VERB, x, y, WN_SENSES, 1);
  return r == CB_WN_SAME || r == CB_WN_BROADER || r == CB_WN_NARROWER ||
         cb_wn_derived(CB_WN_VERB, x, CB_WN_VERB, y, WN_SENSES);
}

static int same_pred(const char *x, const char *y) {
  return light(x) || light(y) || !strcmp(x, y) || cb_memo_ask(2, related_preds, x, y);
}

/* Two acts with two of the same participants are one act told two ways ("a new pier cost
 * the county $1 million" / "the county paid $500,000 for a new pier"). */
static int shared_args(const char *x, const char *y) {
  if (!x || !y) return 0;
  char b[168];
  snprintf(b, sizeof b, " %s ", y);
  int shared = 0;
  for (const char *w = x; *w;) {
    const char *e = strchr(w, ' ');
    size_t n = e ? (size_t)(e - w) : strlen(w);
    char word[64];
    if (n && n < sizeof word - 2) {
      snprintf(word, sizeof word, " %.*s ", (int)n, w);
      shared += strstr(b, word) != NULL;
    }
    if (!e) break;
    w = e + 1;
  }
  return shared >= 2;
}

/* Two resolved times that can be one moment: one holds the other ("2026-05" holds
 * "2026-05-14"), compared to the day. */
static int same_time(const char *x, const char *y) {
  size_t n = strlen(x) < strlen(y) ? strlen(x) : strlen(y);
  if (n > 10) n = 10;
  return n >= 4 && !strncmp(x, y, n);
}

/* Do two owner phrases name one owner? A name inside the other ("Smith" in "John Smith"),
 * or for common nouns the same thing by WordNet ("the ferry" / "the ship"). */
static int same_owner(const char *x, const char *y, int proper) {
  size_t nx = strlen(x), ny = strlen(y);
  const char *s = nx <= ny ? x : y, *l = nx <= ny ? y : x;
  size_t ns = nx <= ny ? nx : ny;
  for (const char *p = l; (p = strcasestr(p, s)); p++) {
    int left = p == l || !isalnum((unsigned char)p[-1]), right = !isalnum((unsigned char)p[ns]);
    if (left && right) return 1;
  }
  return !proper && cb_frames_same_measure(x, y) == 2;
}

/* Do two phrases of lemmas ("consumer price", "consumer price inflation") name one thing:
 * the head (last word) of one among the words of the other, and a second word shared? */
static int phrases_meet(const char *x, const char *y) {
  if (!x || !y || !*x || !*y) return 0;
  char a[160], b[160];
  snprintf(a, sizeof a, " %s ", x);
  snprintf(b, sizeof b, " %s ", y);
  int shared = 0, head = 0;
  for (int pass = 0; pass < 2; pass++) {
    const char *p = pass ? b : a, *other = pass ? a : b;
    const char *last = strrchr(p + 1, ' ');
    while (last > p && last[-1] != ' ') last--;
    for (const char *w = p + 1; *w;) {
      const char *e = strchr(w, ' ');
      if (!e || e == w) break;
      char word[64];
      size_t n = (size_t)(e - w) < sizeof word - 2 ? (size_t)(e - w) : sizeof word - 3;
      snprintf(word, sizeof word, " %.*s ", (int)n, w);
      if (strstr(other, word)) {
        shared += !pass;
        head |= w == last;
      }
      w = e + 1;
    }
  }
  const char *hx = strrchr(x, ' '), *hy = strrchr(y, ' ');
  hx = hx ? hx + 1 : x;
  hy = hy ? hy + 1 : y;
  return !strcmp(hx, hy) || (head && shared >= 2); /* the same head, or one inside the other */
}

static void say(cb_arena *a, const char **why, const char *fmt, const char *x, const char *y) {
  if (why && a)
    *why = cb_arena_printf(a, fmt, x ? x : "?", y ? y : "?");
  else if (why)
    *why = fmt;
}

static cb_frames_match apart(cb_arena *a, const char **why, const char *fmt, const char *x, const char *y) {
  say(a, why, fmt, x, y);
  return CB_FRAMES_APART;
}

/* The parts of two frames compared, the moment aside. */
static cb_frames_match compare_parts(cb_arena *a, const cb_frame *x, const cb_frame *y, int kind,
                                     const char **why);

/* Two claims of different moments ("by Tuesday morning" / "by Tuesday evening") may both be
 * right: a figure that changed is an update, never a conflict, though equal figures agree. */
cb_frames_match cb_frames_compare(cb_arena *a, const cb_frame *x, const cb_frame *y, int kind,
                                  const char **why) {
  cb_frames_match m = compare_parts(a, x, y, kind, why);
  if (m == CB_FRAMES_APART || !x || !y || !x->time || !y->time || !x->time_point || !y->time_point) return m;
  int differ = x->time_value && y->time_value ? !same_time(x->time_value, y->time_value)
                                              : strcasecmp(x->time, y->time) != 0;
  if (!differ) return m;
  say(a, why, "different moments: %s / %s", x->time, y->time);
  return CB_FRAMES_MAYBE;
}

static cb_frames_match compare_parts(cb_arena *a, const cb_frame *x, const cb_frame *y, int kind,
                                     const char **why) {
  if (why) *why = NULL;
  if (!x || !y) {
    say(a, why, "no sentence structure to compare%s%s", "", "");
    return CB_FRAMES_MAYBE;
  }
  if (x->stance != y->stance)
    return apart(a, why, "%s / %s", cb_stance_name(x->stance), cb_stance_name(y->stance));
  if (x->stance == CB_STANCE_REFUTE) return apart(a, why, "a disputed figure%s%s", "", "");
  if (x->negated || y->negated) return apart(a, why, "a negated statement%s%s", "", "");
  if (x->modal != y->modal) return apart(a, why, "what may be / what is%s%s", "", "");
  if (x->earlier != y->earlier) return apart(a, why, "a level before a change / after it%s%s", "", "");
  if (x->other != y->other) {
    say(a, why, "one count is of others beside some%s%s", "", "");
    return CB_FRAMES_MAYBE;
  }
  if ((x->tense == CB_TENSE_FUTURE) != (y->tense == CB_TENSE_FUTURE))
    return apart(a, why, "different moments: %s / %s", cb_tense_name(x->tense), cb_tense_name(y->tense));
  int proper = x->owner_proper && y->owner_proper;
  if (x->owner && y->owner && !same_owner(x->owner, y->owner, proper) && (proper || kind == CB_FRAME_AGE))
    return apart(a, why, "different owners: %s / %s", x->owner, y->owner);
  if (x->whole && y->whole && !cb_frames_same_measure(x->whole, y->whole))
    return apart(a, why, "parts of different things: %s / %s", x->whole, y->whole);
  if (kind != CB_FRAME_DATE && x->purpose && y->purpose && strcmp(x->purpose, y->purpose))
    return apart(a, why, "for different ends: to %s / to %s", x->purpose, y->purpose);
  int m = cb_frames_same_measure(x->measure, y->measure);
  if (m < 2 && phrases_meet(x->measure_words, y->measure_words)) m = 2; /* "consumer price(s)" */
  if (!m) return apart(a, why, "different things measured: %s / %s", x->measure, y->measure);
  if (kind == CB_FRAME_AGE && (!x->owner || !y->owner || !same_owner(x->owner, y->owner, proper))) {
    say(a, why, "whose age is not clear: %s / %s", x->owner, y->owner);
    return CB_FRAMES_MAYBE;
  }
  /* the owner of a figure with no noun is the subject it measures, already compared */
  int subject_measured = !x->measure && !y->measure && m == 2;
  if (x->owner && y->owner && !same_owner(x->owner, y->owner, proper) && !subject_measured) {
    say(a, why, "perhaps different owners: %s / %s", x->owner, y->owner);
    return CB_FRAMES_MAYBE;
  }
  if ((x->whole != NULL) != (y->whole != NULL)) {
    say(a, why, "one figure is of a %s", x->whole ? x->whole : y->whole, "");
    return CB_FRAMES_MAYBE;
  }
  if ((x->pred_head || y->pred_head) &&
      (!x->pred_head || !y->pred_head || strcmp(x->pred_head, y->pred_head))) {
    say(a, why, "different predicates: %s / %s", x->pred_head ? x->pred_head : x->pred,
        y->pred_head ? y->pred_head : y->pred);
    return CB_FRAMES_MAYBE;
  }
  if (x->object && y->object && cb_frames_same_measure(x->object, y->object) < 2) {
    say(a, why, "different things acted on: %s / %s", x->object, y->object);
    return CB_FRAMES_MAYBE;
  } /* "left the Senate" / "left the administration" */
  if (x->pred && y->pred && !same_pred(x->pred, y->pred) && !shared_args(x->args, y->args)) {
    say(a, why, "different predicates: %s / %s", x->pred, y->pred);
    return CB_FRAMES_MAYBE;
  }
  if (kind == CB_FRAME_DATE && x->measure && y->measure && strcasecmp(x->measure, y->measure) &&
      !cb_wn_synonyms_share(CB_WN_NOUN, x->measure, y->measure, WN_SENSES)) {
    say(a, why, "perhaps two events: %s / %s", x->measure, y->measure);
    return CB_FRAMES_MAYBE;
  } /* primaries / election */
  if (kind == CB_FRAME_DATE && (x->measure != NULL) != (y->measure != NULL)) {
    /* "until an election in June" / "held on April 30": the date of a noun, not of the act,
     * unless the noun names the act ("the vote" / "voted") */
    const cb_frame *n = x->measure ? x : y, *v = x->measure ? y : x;
    /* ... or the noun is what the same act acts on ("hold primaries in mid May" / "the
     * primary would be held on April 30") */
    int same_act = n->pred && v->pred && !light(n->pred) && !strcmp(n->pred, v->pred);
    if (!v->pred || (!same_act && strcmp(n->measure, v->pred) &&
                     !cb_wn_derived(CB_WN_NOUN, n->measure, CB_WN_VERB, v->pred, WN_SENSES))) {
      say(a, why, "the date of %s / of %s", n->measure, v->pred ? v->pred : "something else");
      return CB_FRAMES_MAYBE;
    }
  }
  if (kind != CB_FRAME_DATE && (x->time && x->time_point == 2) != (y->time && y->time_point == 2)) {
    say(a, why, "only one figure is of a given day (%s)", x->time ? x->time : y->time, "");
    return CB_FRAMES_MAYBE;
  }
  if (kind == CB_FRAME_DATE && (!x->owner || !y->owner) && !(x->measure && y->measure)) {
    say(a, why, "whose act is not clear (%s / %s)", x->pred, y->pred);
    return CB_FRAMES_MAYBE;
  } /* "since leaving in January" / "he left last year": who left? */
  if (kind == CB_FRAME_DATE && x->pred && y->pred && !light(x->pred) && !light(y->pred) &&
      same_pred(x->pred, y->pred))
    return CB_FRAMES_SAME; /* the date of one act: "sank on Sunday" / "sank on Saturday" */
  if (kind == CB_FRAME_DATE && !(x->measure && y->measure)) {
    say(a, why, "not shown to be one act: %s / %s", x->pred, y->pred);
    return CB_FRAMES_MAYBE;
  } /* "issued a statement on Friday" / "the comments he made Thursday" */
  if (m == 1 && kind != CB_FRAME_AGE) {
    if (!x->measure && !y->measure && x->pred && y->pred && !light(x->pred) && x->owner && y->owner)
      return CB_FRAMES_SAME;
    say(a, why, "what is measured is not clear: %s / %s", x->measure ? x->measure : "a figure",
        y->measure ? y->measure : "a figure");
    return CB_FRAMES_MAYBE;
  }
  return CB_FRAMES_SAME;
}
