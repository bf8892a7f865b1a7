/*
 * quote_cue.c - finds the cue and the speaker phrase of one quote. Looks first in the
 * words after the closing mark up to the end of the sentence (",” Maduro said",
 * ",” said Governor X", ",” the leftist leader added", ",” according to X"), then in the
 * words before the opening mark back to the start of the sentence ("Trump would only say:
 * “...”", "He stressed that “...”"). The phrase is read backward from the cue (subject)
 * or forward from it ("said X", "according to X").
 */
#include "extract/quote_internal.h"
#include "text/utf8.h"
#include <string.h>
#include <utf8proc.h>

enum { CONTEXT_TOKENS = 40, RIGHT_CUE_WINDOW = 24, NP_WORDS = 6, ASIDE_TOKENS = 16, DESCRIPTOR_WORDS = 4, DESC_WORDS = 8 };

/* Appends the case-folded, accent-stripped form of code point cp to buf; returns the new length. */
static size_t fold_cp(int32_t cp, char *buf, size_t o, size_t cap) {
  utf8proc_int32_t out[8];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(cp, out, 8, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, &last);
  for (utf8proc_ssize_t j = 0; j < k && j < 8; j++) {
    int32_t c = out[j] == 0x2019 || out[j] == 0x2018 ? '\'' : out[j];
    char enc[4];
    int l = cb_utf8_encode(c, enc);
    if (o + (size_t)l + 1 > cap) break;
    memcpy(buf + o, enc, (size_t)l);
    o += (size_t)l;
  }
  return o;
}

size_t cb_qkey(const cb_qtext *t, size_t i, char *buf, size_t cap) {
  const cb_token *k = &t->tok[i];
  size_t len = k->end - k->start, o = 0;
  if (len > 1 && t->s[k->end - 1] == '.') len--;
  for (size_t j = 0; j < len && o + 1 < cap;) {
    unsigned char c = (unsigned char)t->s[k->start + j];
    if (c < 0x80) { buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); j++; continue; }
    int32_t cp;
    j += (size_t)cb_utf8_decode(t->s + k->start + j, len - j, &cp);
    o = fold_cp(cp, buf, o, cap);
  }
  if (o > 2 && buf[o - 1] == 's' && buf[o - 2] == '\'') o -= 2;   /* possessive */
  buf[o] = 0;
  return o;
}

int cb_qis(const cb_qtext *t, size_t i, cb_qlex list) {
  if (i >= t->ntok || t->tok[i].kind != CB_TOK_WORD) return 0;
  char buf[64];
  size_t n = cb_qkey(t, i, buf, sizeof buf);
  return cb_qlex_find(list, buf, n) != NULL;
}

static int is_word(const cb_qtext *t, size_t i) { return i < t->ntok && t->tok[i].kind == CB_TOK_WORD; }
static int is_upper(const cb_qtext *t, size_t i) { return is_word(t, i) && t->tok[i].upper; }

/* A single capital letter: a middle initial ("George W. Bush"). */
static int initial(const cb_qtext *t, size_t i) {
  return is_upper(t, i) && t->tok[i].end == t->tok[i].start + 1;
}

/* The dot of an abbreviated title ("Sen.", "Capt.") or an initial: part of the name around it. */
static int title_dot(const cb_qtext *t, size_t i) {
  return i > 0 && i < t->ntok && cb_token_is(t->s, &t->tok[i], '.') && t->tok[i - 1].end == t->tok[i].start &&
         (cb_qis(t, i - 1, CB_QLEX_TITLE) || initial(t, i - 1)) && i + 1 < t->ntok && t->tok[i + 1].kind == CB_TOK_WORD && t->tok[i + 1].upper;
}

static int word_is(const cb_qtext *t, size_t i, const char *w) {
  char buf[32];
  return is_word(t, i) && cb_qkey(t, i, buf, sizeof buf) && strcmp(buf, w) == 0;
}

/* Name particles that may sit inside a capitalised name ("Padrino López", "de los Soles"). */
static int is_connector(const cb_qtext *t, size_t i) {
  static const char *const w[] = {"de", "del", "la", "los", "las", "van", "von", "der", "bin", "da",
                                  "dos", "di", "le", "al", "of", "jr", NULL};
  for (int k = 0; w[k]; k++) if (word_is(t, i, w[k])) return 1;
  return 0;
}

/* Words that open a clause: a description read backward stops before them. */
static int clause_word(const cb_qtext *t, size_t i) {
  static const char *const w[] = {"that", "who", "which", "when", "while", "and", "but", "because", "if", "as", NULL};
  for (int k = 0; w[k]; k++) if (word_is(t, i, w[k])) return 1;
  return 0;
}

int cb_qsentence_end(const cb_qtext *t, size_t i) {
  const cb_token *k = &t->tok[i];
  if (k->kind != CB_TOK_PUNCT || k->end != k->start + 1) return 0;
  char c = t->s[k->start];
  if (c == '!' || c == '?') return 1;
  if (c != '.') return 0;   /* not an end: "R-Ky., said", "(D-Nev.) said", "p.m. he said" */
  if (i + 1 < t->ntok && (cb_token_is(t->s, &t->tok[i + 1], ',') || cb_token_is(t->s, &t->tok[i + 1], ')') ||
                          (t->tok[i + 1].kind == CB_TOK_WORD && !t->tok[i + 1].upper)))
    return 0;
  return !(i > 0 && t->tok[i - 1].end == k->start &&
           (cb_qis(t, i - 1, CB_QLEX_TITLE) || t->tok[i - 1].end == t->tok[i - 1].start + 1));   /* "Gov.", "M." */
}

/* The dot of an abbreviation glued to its word inside a sentence ("Mitch McConnell, R-Ky., said"). */
static int abbrev_dot(const cb_qtext *t, size_t i) {
  return i > 0 && cb_token_is(t->s, &t->tok[i], '.') && t->tok[i - 1].end == t->tok[i].start &&
         t->tok[i - 1].kind == CB_TOK_WORD && !cb_qsentence_end(t, i);
}

static int newline_between(const cb_qtext *t, size_t a, size_t b) {
  return memchr(t->s + a, '\n', b > a ? b - a : 0) != NULL;
}

/* A word ending in 's or ’s. */
static int possessive(const cb_qtext *t, size_t i) {
  const cb_token *k = &t->tok[i];
  size_t len = k->end - k->start;
  return (len > 2 && memcmp(t->s + k->end - 2, "'s", 2) == 0) ||
         (len > 4 && memcmp(t->s + k->end - 4, "\xE2\x80\x99s", 4) == 0);
}

/* Splits the name part of a capitalised phrase [b, e) from its leading titles. */
static cb_np name_np(const cb_qtext *t, size_t b, size_t e) {
  cb_np np = {CB_NP_NAME, b, e, b, e - 1, 0};
  int titled = 0, named = 0;
  for (size_t i = b; i < e; i++) {   /* "Jason Gilbert of Cheyenne": the name ends before "of" */
    if (word_is(t, i, "of") && (!titled || named) && i > b) { e = i; break; }
    int title = cb_qis(t, i, CB_QLEX_TITLE);
    titled |= title;
    named |= titled && !title && is_upper(t, i);   /* "Sen. Barbara Mikulski of Maryland" */
  }
  np.e = e;
  np.head = e - 1;
  for (size_t i = b; i < e; i++)
    if (cb_qis(t, i, CB_QLEX_TITLE) || cb_qis(t, i, CB_QLEX_DETERMINER) || cb_qis(t, i, CB_QLEX_STOP) ||
        t->tok[i].kind != CB_TOK_WORD || (i + 1 < e && possessive(t, i)))   /* "The Post's Dana Milbank" */
      np.name_b = i + 1;
  while (np.name_b < e && is_connector(t, np.name_b)) np.name_b++;
  if (cb_qis(t, e - 1, CB_QLEX_ORG) && is_upper(t, e - 1)) {   /* "the US State Department": all of it */
    np.name_b = b;
    while (np.name_b < e - 1 && (cb_qis(t, np.name_b, CB_QLEX_DETERMINER) || cb_qis(t, np.name_b, CB_QLEX_STOP))) np.name_b++;
  }
  if (np.name_b >= e) np.kind = CB_NP_DESC;
  return np;
}

/* "Khizr Khan, 66, said", "X, who works in Y, said": the token before the comma that
 * opens the aside ending at the comma j, or j itself when there is none. */
static size_t skip_aside(const cb_qtext *t, size_t j, size_t lb) {
  if (!cb_token_is(t->s, &t->tok[j], ',')) return j;
  for (size_t k = j; k-- > lb && j - k < ASIDE_TOKENS;) {
    if (cb_token_is(t->s, &t->tok[k], ',')) return k > lb ? k - 1 : j;
    if (t->tok[k].kind == CB_TOK_PUNCT && strchr(".!?;:\"", t->s[t->tok[k].start]) && !abbrev_dot(t, k))
      return j;
    if (t->tok[k].kind == CB_TOK_PUNCT && t->tok[k].end - t->tok[k].start == 3 &&
        (unsigned char)t->s[t->tok[k].start + 2] >= 0x9C) return j;   /* a curly double mark */
  }
  return j;
}

/* "Chuck Schumer (D-N.Y.) said": the token before a short parenthesis ending at j, else j. */
static size_t skip_parenthesis(const cb_qtext *t, size_t j, size_t lb) {
  if (!cb_token_is(t->s, &t->tok[j], ')')) return j;
  for (size_t k = j; k-- > lb && j - k < ASIDE_TOKENS;)
    if (cb_token_is(t->s, &t->tok[k], '(')) return k > lb ? k - 1 : j;
  return j;
}

/* "the campaign manager, Jeff Weaver, said": j is the comma after a name that follows a
 * description and a comma; returns the name's last token, else j. */
static size_t appositive_name(const cb_qtext *t, size_t j, size_t lb) {
  if (j == 0 || !cb_token_is(t->s, &t->tok[j], ',') || !is_upper(t, j - 1)) return j;
  size_t c = j - 1;
  while (c > lb && (is_upper(t, c - 1) || title_dot(t, c - 1) || is_connector(t, c - 1)) && j - c < NP_WORDS) c--;
  if (c < lb + 2 || !cb_token_is(t->s, &t->tok[c - 1], ',') || !is_word(t, c - 2) || is_upper(t, c - 2) ||
      cb_qis(t, c - 2, CB_QLEX_STOP) || cb_qis(t, c - 2, CB_QLEX_CUE))
    return j;
  return j - 1;
}

/* The phrase ending at token j (the subject of a cue at j + 1), not before token lb. */
static cb_np backward_np(const cb_qtext *t, size_t j, size_t lb) {
  cb_np none = {0};
  while (j > lb && cb_qis(t, j, CB_QLEX_SKIP)) j--;
  if (j > lb && cb_token_is(t->s, &t->tok[j], ',') && cb_token_is(t->s, &t->tok[j - 1], ')')) j--;   /* "X (R-OH), said" */
  j = skip_parenthesis(t, j, lb);
  size_t apposed = appositive_name(t, j, lb);
  j = apposed != j ? apposed : skip_aside(t, j, lb);
  if (j < lb || !is_word(t, j)) return none;
  if (cb_qis(t, j, CB_QLEX_PRONOUN)) return (cb_np){CB_NP_PRONOUN, j, j + 1, j, j, 0};
  if (!is_upper(t, j) && (cb_qis(t, j, CB_QLEX_STOP) || cb_qis(t, j, CB_QLEX_CUE) || cb_qis(t, j, CB_QLEX_SKIP)))
    return none;
  size_t b = j;
  if (is_upper(t, j)) {
    while (b > lb && (is_upper(t, b - 1) || cb_qis(t, b - 1, CB_QLEX_TITLE) || (title_dot(t, b - 1) && b - 1 > lb) ||
                      (is_connector(t, b - 1) && b - 1 > lb && is_upper(t, b - 2)))) b--;
    if (b > lb && cb_qis(t, b - 1, CB_QLEX_DETERMINER)) b--;
    while (b < j && cb_qis(t, b, CB_QLEX_STOP)) b++;   /* "As White House press secretary X" */
    return name_np(t, b, j + 1);
  }
  for (size_t k = 0; k < DESC_WORDS && b > lb && is_word(t, b - 1) && !cb_qis(t, b, CB_QLEX_DETERMINER); k++) {
    if (cb_qis(t, b - 1, CB_QLEX_CUE) || clause_word(t, b - 1)) break;   /* "source familiar with X's thinking" */
    b--;
  }
  if (!cb_qis(t, b, CB_QLEX_DETERMINER)) b = j;   /* no determiner: the bare noun only */
  if (b == j && !cb_qis(t, j, CB_QLEX_ROLE) && t->s[t->tok[j].end - 1] != 's') return none;
  return (cb_np){CB_NP_DESC, b, j + 1, j + 1, j, 0};
}

/* The phrase starting at token i ("said Governor X", "according to the report"), before ub. */
static cb_np forward_np(const cb_qtext *t, size_t i, size_t ub) {
  cb_np none = {0};
  if (i >= ub || !is_word(t, i)) return none;
  size_t d = i;   /* "said retired neurosurgeon Ben Carson": descriptors before a name */
  while (d < ub && d - i < DESCRIPTOR_WORDS && is_word(t, d) && !is_upper(t, d) && !cb_qis(t, d, CB_QLEX_STOP) &&
         !cb_qis(t, d, CB_QLEX_DETERMINER) && !cb_qis(t, d, CB_QLEX_PRONOUN) && !cb_qis(t, d, CB_QLEX_CUE)) d++;
  if (d > i && d < ub && is_upper(t, d)) {
    cb_np np = forward_np(t, d, ub);
    if (np.kind == CB_NP_NAME) { np.b = i; return np; }
  }
  if (cb_qis(t, i, CB_QLEX_PRONOUN)) return (cb_np){CB_NP_PRONOUN, i, i + 1, i, i, 0};
  size_t e = i;
  if (cb_qis(t, i, CB_QLEX_DETERMINER) || cb_qis(t, i, CB_QLEX_TITLE) || is_upper(t, i)) {
    int det = cb_qis(t, i, CB_QLEX_DETERMINER);
    while (e < ub && e - i < NP_WORDS + 1 &&
           (title_dot(t, e) || (is_word(t, e) &&
           (e == i || is_upper(t, e) || cb_qis(t, e, CB_QLEX_TITLE) || (det && !cb_qis(t, e, CB_QLEX_STOP)) ||
            (is_connector(t, e) && is_upper(t, e + 1))) && !cb_qis(t, e, CB_QLEX_CUE))))
      e++;
    while (e > i + 1 && is_connector(t, e - 1)) e--;
    if (e > i && is_upper(t, e - 1)) return name_np(t, i, e);
    if (e > i) return (cb_np){CB_NP_DESC, i, e, e, e - 1, 0};
  }
  return none;
}

/* First token at or after byte offset off. */
static size_t token_at(const cb_qtext *t, size_t off) {
  size_t lo = 0, hi = t->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t->tok[mid].start < off) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* "told", "asked": what follows the verb is the listener, not the speaker. */
static int object_cue(const cb_qtext *t, size_t i) {
  char buf[32];
  size_t n = cb_qkey(t, i, buf, sizeof buf);
  const char *v = cb_qlex_find(CB_QLEX_CUE, buf, n);
  return v && strcmp(v, "object") == 0;
}

/* A listed cue verb, unless it is capitalised inside a name ("the United States"). */
static int cue_word(const cb_qtext *t, size_t k) {
  return cb_qis(t, k, CB_QLEX_CUE) && !(is_upper(t, k) && k > 0 && is_upper(t, k - 1));
}

static int is_according(const cb_qtext *t, size_t i) { return word_is(t, i, "according") && word_is(t, i + 1, "to"); }

static void set_cue(const cb_qtext *t, cb_quote *q, size_t i, size_t e) {
  q->cue_start = t->tok[i].start;
  q->cue_end = t->tok[e - 1].end;
}

static int ends_sentence(const char *s, const cb_quote *q) {
  char c = q->inner_end > q->inner_start ? s[q->inner_end - 1] : 0;
  return c == '.' || c == '!' || c == '?';
}

/* “...,” — a quote that ends on a comma goes on with its cue. */
static int closes_with_comma(const char *s, const cb_quote *q) {
  char c = q->inner_end > q->inner_start ? s[q->inner_end - 1] : 0;
  return c == ',' || c == '?' || c == '!';
}

/* A lowercase word in -ed: after “...,” Name, most likely the cue ("Trump fumed"). */
static int past_tense(const cb_qtext *t, size_t i) {
  const cb_token *k = &t->tok[i];
  return k->kind == CB_TOK_WORD && !k->upper && k->end - k->start > 3 && t->s[k->end - 1] == 'd' &&
         t->s[k->end - 2] == 'e';
}

/* The verb of a subject that follows the quote: any word after a pronoun (“...,” he went
 * on), a verb in -s after a name (“...,” Viguerie notes: the third person singular). */
static int verb_after_subject(const cb_qtext *t, size_t first, size_t k) {
  const cb_token *w = &t->tok[k];
  if (k <= first || w->kind != CB_TOK_WORD || w->upper || cb_qis(t, k, CB_QLEX_STOP) || clause_word(t, k))
    return 0;
  if (k == first + 1 && cb_qis(t, first, CB_QLEX_PRONOUN)) return 1;
  if (w->end - w->start < 4 || t->s[w->end - 1] != 's' || t->s[w->end - 2] == '\'') return 0;
  for (size_t i = first; i < k; i++)
    if ((!is_upper(t, i) && !title_dot(t, i) && !is_connector(t, i)) || cb_qis(t, i, CB_QLEX_DETERMINER))
      return 0;
  return 1;
}

/* The end of the words after quote q: the sentence end, a line break or the next quote. */
static size_t right_bound(const cb_qtext *t, const cb_quote *q, size_t first, size_t next_start) {
  size_t ub = first;
  while (ub < t->ntok && ub - first < CONTEXT_TOKENS && t->tok[ub].start < next_start &&
         !cb_qsentence_end(t, ub) &&
         !newline_between(t, ub == first ? q->end : t->tok[ub - 1].end, t->tok[ub].start)) ub++;
  return ub;
}

/* Punctuation inside a speaker phrase: a possessive apostrophe (Sanders’) or "&" (P&G). */
static int name_punct(const cb_qtext *t, size_t k) {
  const cb_token *x = &t->tok[k];
  size_t len = x->end - x->start;
  if (len == 1) return t->s[x->start] == '\'' || t->s[x->start] == '&';
  return len == 3 && memcmp(t->s + x->start, "\xE2\x80\x99", 3) == 0;
}

/* The quote opens with a capital: a sentence quoted, not words woven into the writer's. */
static int opens_upper(const cb_qtext *t, const cb_quote *q) {
  size_t i = token_at(t, q->inner_start);
  return i < t->ntok && t->tok[i].start < q->inner_end && t->tok[i].upper;
}

/* The speaker of a cue at k after the quote, whose words start at first and end at ub;
 * *other = 1 when the cue belongs to another clause. */
static cb_np right_speaker(const cb_qtext *t, const cb_quote *q, size_t first, size_t k, size_t ub,
                           int *other) {
  cb_np none = {0};
  if (k == first) return forward_np(t, k + 1, ub);   /* “...,” said X; “...?” asked X */
  if (cb_token_is(t->s, &t->tok[k - 1], ',') && !object_cue(t, k)) {           /* “...” that X ..., said Y */
    cb_np inv = forward_np(t, k + 1, ub);
    if (inv.kind == CB_NP_NAME) return inv;
  }
  cb_np np = backward_np(t, k - 1, first);
  if (np.kind == CB_NP_NAME && np.b > first && cb_token_is(t->s, &t->tok[np.b - 1], ',') &&
      np.b - first <= ASIDE_TOKENS) return np;   /* "Sanders's campaign manager, Jeff Weaver, said" */
  if (np.kind == CB_NP_PRONOUN && np.b > first && cb_token_is(t->s, &t->tok[np.b - 1], ',') &&
      opens_upper(t, q))
    return np;   /* “We are ...” at the convention, he said: a sentence quoted with its adjunct */
  if (np.kind && np.b != first) {   /* "columnist Ai Jun wrote": descriptors first, else another clause */
    *other = 1;
    size_t words = 0;
    for (size_t i = first; i < np.b; i++) {
      if (title_dot(t, i) || name_punct(t, i)) continue;   /* "former George W. Bush speechwriter X wrote" */
      if (!is_word(t, i) || cb_qis(t, i, CB_QLEX_STOP) || ++words > DESCRIPTOR_WORDS + 2) return none;
    }
    *other = 0;
    np.b = first;
  }
  return np;
}

static int is_dash(const cb_qtext *t, size_t i) {
  const cb_token *k = &t->tok[i];
  if (k->kind != CB_TOK_PUNCT) return 0;
  if (k->end - k->start == 1) return t->s[k->start] == '-';
  return k->end - k->start == 3 && (unsigned char)t->s[k->start] == 0xE2 && (unsigned char)t->s[k->start + 1] == 0x80 &&
         ((unsigned char)t->s[k->start + 2] == 0x93 || (unsigned char)t->s[k->start + 2] == 0x94);
}

/* “...” — Bernie Sanders (on the same line or opening the next paragraph): a name after a dash. */
static cb_np dash_speaker(const cb_qtext *t, cb_quote *q, size_t next_start) {
  cb_np none = {0};
  size_t d = token_at(t, q->end);
  if (d + 1 >= t->ntok || !is_dash(t, d) || !is_upper(t, d + 1) || t->tok[d].start >= next_start) return none;
  if (newline_between(t, t->tok[d].end, t->tok[d + 1].start)) return none;
  size_t e = d + 1;
  while (e < t->ntok && e - d <= NP_WORDS && (is_upper(t, e) || is_connector(t, e) || cb_qis(t, e, CB_QLEX_TITLE)) &&
         !newline_between(t, t->tok[e - 1].end, t->tok[e].start)) e++;
  while (e > d + 2 && !is_upper(t, e - 1)) e--;
  cb_np np = name_np(t, d + 1, e);
  if (np.kind != CB_NP_NAME) return none;
  set_cue(t, q, d, d + 1);
  return np;
}

/* The cue at k after the quote and its speaker (first..ub: the words after the quote). */
static cb_np right_cue_at(const cb_qtext *t, cb_quote *q, size_t first, size_t k, size_t ub) {
  cb_np none = {0};
  if (ends_sentence(t->s, q) && t->tok[first].upper && k - first > 4) return none;   /* a new sentence */
  int other = 0;
  cb_np np = right_speaker(t, q, first, k, ub, &other);
  if (!other) set_cue(t, q, k, k + 1);
  return np;
}

/* The ')' closing a short parenthesis opened at k (before ub), else k. */
static size_t close_parenthesis(const cb_qtext *t, size_t k, size_t ub) {
  for (size_t j = k + 1; j < ub && j - k < ASIDE_TOKENS; j++)
    if (cb_token_is(t->s, &t->tok[j], ')')) return j;
  return k;
}

/* A listed cue wins over an -ed guess before it (“...,” the retired neurosurgeon said);
 * an -ed verb right after the quote counts when a name follows (“...,” exhorted Curtis). */
static cb_np right_cue(const cb_qtext *t, cb_quote *q, size_t next_start) {
  cb_np dash = dash_speaker(t, q, next_start);
  if (dash.kind) return dash;
  size_t first = token_at(t, q->end), ub = right_bound(t, q, first, next_start), guess = 0;
  while (first < ub && t->tok[first].kind == CB_TOK_PUNCT) first++;
  for (size_t k = first; k < ub && k - first < RIGHT_CUE_WINDOW; k++) {
    if (!is_word(t, k)) {
      if (cb_token_is(t->s, &t->tok[k], '(')) k = close_parenthesis(t, k, ub);
      else if (t->tok[k].kind != CB_TOK_NUMBER && !cb_token_is(t->s, &t->tok[k], ',') && !title_dot(t, k) &&
               !name_punct(t, k) && !abbrev_dot(t, k)) break;
      continue;
    }
    if (is_according(t, k)) {
      cb_np np = forward_np(t, k + 2, ub);
      np.according_to = 1;
      if (np.kind) set_cue(t, q, k, k + 2);
      return np;
    }
    if (cue_word(t, k)) return right_cue_at(t, q, first, k, ub);
    if (!guess && closes_with_comma(t->s, q) &&
        ((past_tense(t, k) && (k > first || forward_np(t, k + 1, ub).kind == CB_NP_NAME)) ||
         (opens_upper(t, q) && verb_after_subject(t, first, k))))
      guess = k + 1;
  }
  if (guess) return right_cue_at(t, q, first, guess - 1, ub);
  cb_np none = {0};
  return none;
}

/* A cue in -ing ("saying", "adding"). */
static int participle(const cb_qtext *t, size_t i) {
  const cb_token *k = &t->tok[i];
  return k->end - k->start > 4 && memcmp(t->s + k->end - 3, "ing", 3) == 0;
}

/* "the Vermont senator", "The spokeswoman" at determiner i (before k): a description whose
 * last word is a role or title, as a CB_NP_DESC; else none. */
static cb_np role_description(const cb_qtext *t, size_t i, size_t k) {
  cb_np none = {0};
  if (!word_is(t, i, "the")) return none;
  size_t e = i + 1;
  while (e < k && e - i <= DESCRIPTOR_WORDS && is_word(t, e) && !cb_qis(t, e, CB_QLEX_STOP) &&
         !cb_qis(t, e, CB_QLEX_CUE)) e++;
  while (e > i + 1 && !cb_qis(t, e - 1, CB_QLEX_ROLE) && !cb_qis(t, e - 1, CB_QLEX_TITLE)) e--;
  if (e == i + 1 || (e < k && is_upper(t, e))) return none;   /* "the senator Bernie Sanders": a name */
  return (cb_np){CB_NP_DESC, i, e, e, e - 1, 0};
}

/* The subject of the sentence [lb, k): its first name or pronoun ("Trump told X ..., adding"),
 * or a role that opens it ("The Vermont senator emailed supporters saying: ..."). */
static cb_np first_subject(const cb_qtext *t, size_t lb, size_t k) {
  cb_np none = {0};
  for (size_t i = lb; i < k; i++) {
    if (cb_qis(t, i, CB_QLEX_PRONOUN)) return (cb_np){CB_NP_PRONOUN, i, i + 1, i, i, 0};
    cb_np role = role_description(t, i, k);
    if (role.kind) return role;
    if (!is_upper(t, i) || cb_qis(t, i, CB_QLEX_STOP) || cb_qis(t, i, CB_QLEX_DETERMINER)) continue;
    size_t e = i;
    while (e < k && (is_upper(t, e) || cb_qis(t, e, CB_QLEX_TITLE) || title_dot(t, e))) e++;
    if (e < k && cb_token_is(t->s, &t->tok[e], ',') && i > lb && cb_qis(t, i - 1, CB_QLEX_STOP) &&
        !is_upper(t, i - 1)) {
      i = e;   /* "On Tuesday, ...", "Here in Columbia, Sanders ..." */
      continue;
    }
    cb_np np = name_np(t, i, e);
    if (np.kind == CB_NP_NAME) return np;
    return none;
  }
  return none;
}

static int all_caps(const cb_qtext *t, size_t i) {
  for (size_t j = t->tok[i].start; j < t->tok[i].end; j++) if (t->s[j] >= 'a' && t->s[j] <= 'z') return 0;
  return 1;
}

/* Before a colon with no cue word, only a sure subject speaks: a pronoun, a name of two
 * words or more not in capitals (no headline), or a possessive ("Clinton's response was:"). */
static int colon_subject(const cb_qtext *t, const cb_np *np) {
  if (np->kind == CB_NP_PRONOUN) return 1;
  if (np->kind != CB_NP_NAME || all_caps(t, np->e - 1)) return 0;
  const cb_token *last = &t->tok[np->e - 1];
  size_t len = last->end - last->start;
  int possessive = (len > 2 && memcmp(t->s + last->end - 2, "'s", 2) == 0) ||
                   (len > 4 && memcmp(t->s + last->end - 4, "\xE2\x80\x99s", 4) == 0);
  return possessive || np->e - np->name_b >= 2;
}

/* The speaker right before a colon c that opens a quote: a subject and its verb ("he
 * demurred:"), or a name that is all the clause holds ("Clinton:", "HEADLINE - Philip Bump:"). */
static cb_np before_colon(const cb_qtext *t, cb_quote *q, size_t lb, size_t c) {
  cb_np none = {0};
  if (c <= lb || !is_word(t, c - 1)) return none;
  size_t v = c - 1;
  if (!is_upper(t, v)) {
    if (v <= lb || cb_qis(t, v, CB_QLEX_STOP) || cb_qis(t, v, CB_QLEX_DETERMINER)) return none;
    cb_np np = backward_np(t, v - 1, lb);   /* not "hits them where they live:", "Obama's word:" */
    int clause = np.b == lb || (np.b > lb && t->tok[np.b - 1].kind == CB_TOK_PUNCT);
    if (np.kind == CB_NP_PRONOUN ? !clause : np.kind != CB_NP_NAME || np.e != v || all_caps(t, np.e - 1) ||
                                               possessive(t, np.e - 1))
      return none;
    set_cue(t, q, v, v + 1);
    return np;
  }
  cb_np np = backward_np(t, v, lb);
  if (np.kind != CB_NP_NAME || all_caps(t, np.e - 1)) return none;
  if (np.b > lb && !is_dash(t, np.b - 1)) return none;
  return np;
}

static cb_np left_cue(const cb_qtext *t, cb_quote *q, size_t prev_end) {
  cb_np none = {0}, np;
  size_t end = token_at(t, q->start), lb = end, after_comma = 0, part = 0;
  int tries = 0;
  while (lb > 0 && end - lb < CONTEXT_TOKENS && t->tok[lb - 1].end > prev_end &&
         !cb_qsentence_end(t, lb - 1) &&
         (!newline_between(t, t->tok[lb - 1].end, lb == end ? q->start : t->tok[lb].start) ||
          (lb == end && cb_token_is(t->s, &t->tok[lb - 1], ':')))) lb--;   /* "X responded:" then the quote */
  for (size_t k = end; k-- > lb;) {
    if (is_according(t, k)) {
      cb_np np = forward_np(t, k + 2, end);
      np.according_to = 1;
      if (np.kind) set_cue(t, q, k, k + 2);
      return np;
    }
    if (!cue_word(t, k)) continue;
    if (q->cue_end == q->cue_start) set_cue(t, q, k, k + 1);
    cb_np np = k > lb ? backward_np(t, k - 1, lb) : none;
    if (np.kind == CB_NP_DESC && participle(t, k)) np = none;   /* "..., saying": the subject is further back */
    if (!np.kind && participle(t, k) && !part) part = k;
    if (!np.kind && k > lb && cb_token_is(t->s, &t->tok[k - 1], ',') && !after_comma) after_comma = k;
    else if (!np.kind && !object_cue(t, k)) np = forward_np(t, k + 1, end);
    if (np.kind) { set_cue(t, q, k, k + 1); return np; }
    if (++tries == 3) break;
  }
  if (after_comma) {   /* "Trump told X ..., adding “...”": the sentence's subject */
    cb_np np = first_subject(t, lb, after_comma - 1);
    if (np.kind) set_cue(t, q, after_comma, after_comma + 1);
    return np;
  }
  /* "She followed that by saying, “...”", "She then addressed the crowd: “...”" */
  int colon = end > lb && cb_token_is(t->s, &t->tok[end - 1], ':');
  if (!part && !colon) return none;
  if (!part && (np = before_colon(t, q, lb, end - 1)).kind) return np;
  np = first_subject(t, lb, part ? part : end - 1);
  if (!part && !colon_subject(t, &np)) return none;
  if (np.kind && part) set_cue(t, q, part, part + 1);
  return np;
}

static int ends_with_colon(const cb_qtext *t, const cb_quote *q) {
  size_t i = token_at(t, q->start);
  return i > 0 && cb_token_is(t->s, &t->tok[i - 1], ':');
}

/* Right of the quote first (unless it follows a colon), then left; a cue without a speaker
 * phrase is kept only when neither side has a speaker. */
cb_np cb_quote_find_cue(const cb_qtext *t, cb_quote *q, size_t prev_end, size_t next_start) {
  int colon = ends_with_colon(t, q);
  cb_np np = {0};
  if (!colon && (np = right_cue(t, q, next_start)).kind) return np;
  size_t cs = q->cue_start, ce = q->cue_end;
  q->cue_start = q->cue_end = 0;
  if ((np = left_cue(t, q, prev_end)).kind) return np;
  if (colon && (np = right_cue(t, q, next_start)).kind) return np;
  if (q->cue_end == q->cue_start) { q->cue_start = cs; q->cue_end = ce; }
  return np;
}
