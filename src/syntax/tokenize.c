/*
 * tokenize.c - words the way UD English EWT cuts them: punctuation apart (runs such as
 * "..." or "!!" as one), clitics split from their host as a multi-word token ("do|n't",
 * "it|'s", "can|not", "gon|na"), hyphens and slashes between words apart except after
 * a short prefix ("e-mail", "co-workers"), abbreviations and initials keeping their dot
 * ("U.S.", "Dr.", "J."), numbers whole ("1,200", "4.5", "9/11"), "$" and "%" apart,
 * URLs and e-mail addresses whole.
 */
#include "syntax/syn_internal.h"
#include "core/vec.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef CB_VEC(cb_syn_span) span_vec;
typedef struct tk { cb_arena *a; const char *s; span_vec v; int oom; } tk;

static const char *const abbrevs[] = {
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb",
  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "lt", "rev", "prof",
  "sen", "rep", "reps", "ft", "mt", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "col", "sgt", "capt", "ave", "blvd", "rd", "dept", "est", "fig", "approx", "univ", "assn", "bros", "messrs",
  "adm", "maj", "cmdr", "pres", "supt", "det", "insp", "hon", "mass", "calif", "fla", "tex", "wash", NULL};
static const char *const prefixes[] = {"e", "co", "pre", "post", "non", "semi", "re", "pro", "multi", "mid",
                                        "ex", "anti", "inter", "sub", "ultra", "mini", "micro", NULL};
/* Emoticons kept whole at the end of a word or alone. */
static const char *const smileys[] = {":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":-P", ":p",
                                      ":/", ":?", "=)", NULL};

static void emit(tk *t, size_t b, size_t e, int mwt) {
  if (e <= b) return;
  cb_syn_span *sp = CB_VEC_PUSH(t->a, &t->v);
  if (!sp) { t->oom = 1; return; }
  sp->start = (uint32_t)b;
  sp->end = (uint32_t)e;
  sp->mwt = (uint8_t)mwt;
}

/* Byte length of a punctuation character that can open a word at s[b], 0 if none. */
static size_t lead_punct(const char *s, size_t b, size_t e) {
  unsigned char c = (unsigned char)s[b];
  if (strchr("\"'([{<*$~`=#-", c) && c) return 1;
  if (c == 0xE2 && e - b >= 3 && (unsigned char)s[b + 1] == 0x80) {
    unsigned char d = (unsigned char)s[b + 2];
    if (d == 0x9C || d == 0x98 || d == 0x94 || d == 0x93 || d == 0xA6) return 3;   /* “ ‘ — – … */
  }
  if (c == 0xC2 && e - b >= 2 && ((unsigned char)s[b + 1] == 0xA3 || (unsigned char)s[b + 1] == 0xAB))
    return 2;   /* £ « */
  if (c == 0xE2 && e - b >= 3 && (unsigned char)s[b + 1] == 0x82 && (unsigned char)s[b + 2] == 0xAC) return 3;
  return 0;
}

/* Byte length of a punctuation character that can close a word, ending at s[e - 1]; 0 if none. */
static size_t trail_punct(const char *s, size_t b, size_t e) {
  unsigned char c = (unsigned char)s[e - 1];
  if (c && strchr("\"')]}>,;:!?%*.~=-", c)) return 1;
  if (e - b >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80) {
    unsigned char d = (unsigned char)s[e - 1];
    if (d == 0x9D || d == 0x99 || d == 0x94 || d == 0x93 || d == 0xA6) return 3;   /* ” ’ — – … */
  }
  if (e - b >= 2 && (unsigned char)s[e - 2] == 0xC2 && (unsigned char)s[e - 1] == 0xBB) return 2;   /* » */
  return 0;
}

static int in_list(const char *s, size_t b, size_t e, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == e - b && strncasecmp(s + b, list[i], e - b) == 0) return 1;
  return 0;
}

/* s[b..e) ends in "." that belongs to the word: "U.S.", "J.", "Dr.". */
static int keeps_dot(const char *s, size_t b, size_t e) {
  size_t w = e - 1;   /* the dot */
  if (w == b) return 0;
  if (w - b == 1 && isalpha((unsigned char)s[b])) return 1;
  for (size_t i = b; i < w; i++) {
    if (s[i] == '.' && i > b && isalpha((unsigned char)s[i - 1])) return 1;
    if (!isalpha((unsigned char)s[i])) return 0;
  }
  return in_list(s, b, w, abbrevs);
}

static int is_url(const char *s, size_t b, size_t e) {
  const char *p = memmem(s + b, e - b, "://", 3);
  if (p || (e - b > 4 && strncasecmp(s + b, "www.", 4) == 0)) return 1;
  const char *at = memchr(s + b, '@', e - b);
  return at && at > s + b && memchr(at, '.', (size_t)(s + e - at)) && isalnum((unsigned char)s[e - 1]);
}

/* The length of a run of the same one-byte character c ending at e (at most the span). */
static size_t run_back(const char *s, size_t b, size_t e) {
  size_t i = e - 1;
  while (i > b && s[i - 1] == s[e - 1]) i--;
  return e - i;
}

static int apos_at(const char *s, size_t i, size_t e) {
  if (s[i] == '\'') return 1;
  return e - i >= 3 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
         (unsigned char)s[i + 2] == 0x99 ? 3 : 0;
}

/* Contractions written without the apostrophe, as EWT splits them ("dont" -> "do|nt"), and
 * fused words ("cannot" -> "can|not", "gonna" -> "gon|na"): where the second part starts. */
static size_t fused_start(const char *s, size_t b, size_t e) {
  static const char *const nt[] = {"dont", "cant", "wont", "didnt", "doesnt", "isnt", "wasnt", "havent",
                                   "hasnt", "hadnt", "couldnt", "wouldnt", "shouldnt", "arent", "werent",
                                   "aint", NULL};
  static const struct { const char *w; int at; } two[] = {
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"im", 1}, {"ive", 1}, {"thats", 4},
    {"alot", 1}, {"youre", 3}, {"theyre", 4}, {"whats", 4}, {"heres", 4}, {"theres", 5},
    {"outta", 3}, {NULL, 0}};
  if (in_list(s, b, e, nt)) return e - 2;
  for (int i = 0; two[i].w; i++)
    if (strlen(two[i].w) == e - b && strncasecmp(s + b, two[i].w, e - b) == 0) return b + (size_t)two[i].at;
  return e;
}

/* Where the clitic of s[b..e) starts ("n't", "'s", "'re", "not" of "cannot"), e if none. */
static size_t clitic_start(const char *s, size_t b, size_t e) {
  static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m", NULL};
  for (size_t i = e - 1; i > b && e - i <= 5; i--) {
    int al = apos_at(s, i, e);
    if (!al) continue;
    size_t t = i + (size_t)al;
    if (t == e - 1 && (s[t] == 't' || s[t] == 'T') && i - 1 > b && (s[i - 1] == 'n' || s[i - 1] == 'N'))
      return i - 1;
    if (in_list(s, t, e, tails)) return i;
    return e;
  }
  return fused_start(s, b, e);
}

/* A word without outer punctuation: split at hyphens and slashes between words. */
static void split_inner(tk *t, size_t b, size_t e, int mwt) {
  const char *s = t->s;
  size_t from = b;
  for (size_t i = b + 1; i + 1 < e; i++) {
    if (s[i] != '-' && s[i] != '/') continue;
    int l = isalnum((unsigned char)s[i - 1]) || (unsigned char)s[i - 1] >= 0x80;
    int r = isalnum((unsigned char)s[i + 1]) || (unsigned char)s[i + 1] >= 0x80 || s[i + 1] == '-';
    if (!l || !r) continue;
    if (isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]) && s[i] == '/') continue;
    if (s[i] == '/' && i - 1 == b && i + 2 == e) continue;   /* "b/c", "w/o" */
    if (s[i] == '-' && from == b && in_list(s, b, i, prefixes)) continue;
    size_t j = i;
    while (j + 1 < e && s[j + 1] == s[i]) j++;
    emit(t, from, i, mwt);
    emit(t, i, j + 1, mwt);
    from = j + 1;
    i = j;
  }
  emit(t, from, e, mwt);
}

static void middle(tk *t, size_t b, size_t e) {
  if (is_url(t->s, b, e)) { emit(t, b, e, 0); return; }
  size_t c = clitic_start(t->s, b, e);
  if (c > b && c < e) {
    split_inner(t, b, c, 1);
    emit(t, c, e, 1);
    return;
  }
  split_inner(t, b, e, 0);
}

/* The closing punctuation of s[b..*e): peeled into tail[] (last first); *e moves back. */
static int peel_tail(const char *s, size_t b, size_t *e, cb_syn_span *tail, int max) {
  int nt = 0, url = is_url(s, b, *e);
  while (*e > b && nt < max) {
    size_t l = trail_punct(s, b, *e);
    if (!l) break;
    char c = s[*e - 1];
    if (l == 1 && strchr(".!?-*=~>", c)) l = run_back(s, b, *e);
    for (int k = 0; smileys[k]; k++) {
      size_t sl = strlen(smileys[k]);
      if (*e - b >= sl && memcmp(s + *e - sl, smileys[k], sl) == 0) { l = sl; break; }
    }
    if (l == 1 && c == '.' && !url && keeps_dot(s, b, *e)) break;
    if (url && !strchr(".,;:!?)\"'", c)) break;
    tail[nt].start = (uint32_t)(*e - l);
    tail[nt++].end = (uint32_t)*e;
    *e -= l;
  }
  return nt;
}

static void chunk(tk *t, size_t b, size_t e) {
  const char *s = t->s;
  while (b < e) {   /* opening punctuation */
    if (is_url(s, b, e)) break;
    size_t l = lead_punct(s, b, e);
    if (!l) break;
    if (l == 1 && strchr("-*=~$<", s[b])) { l = 1; while (b + l < e && s[b + l] == s[b]) l++; }
    if (s[b] == '#' && !(b + 1 < e && isdigit((unsigned char)s[b + 1]))) break;
    if (in_list(s, b, e, smileys)) break;
    if (apos_at(s, b, e) && clitic_start(s, b, e) == b && e - b <= 4) break;   /* "'s" alone */
    emit(t, b, b + l, 0);
    b += l;
  }
  cb_syn_span tail[32];
  int nt = b < e ? peel_tail(s, b, &e, tail, 32) : 0;
  if (b < e) middle(t, b, e);
  for (int i = nt - 1; i >= 0; i--) emit(t, tail[i].start, tail[i].end, 0);
}

size_t cb_syn_tokenize(cb_arena *a, const char *s, size_t n, cb_syn_span **out) {
  tk t = {a, s, {0}, 0};
  size_t i = 0;
  while (i < n) {
    while (i < n && isspace((unsigned char)s[i])) i++;
    size_t b = i;
    while (i < n && !isspace((unsigned char)s[i])) {
      if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) break;   /* nbsp */
      i++;
    }
    if (i > b) chunk(&t, b, i);
    if (i < n && (unsigned char)s[i] == 0xC2) i += 2;
  }
  *out = t.v.v;
  return t.oom ? (size_t)-1 : t.v.n;
}
