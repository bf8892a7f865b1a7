/*
 * quote.c - cb_quote_extract: pairs the marks (quote_marks.c), finds each quote's cue and
 * speaker phrase (quote_cue.c), then turns the phrase into a speaker: names are completed
 * from the article's earlier full names ("Mr Trump" -> "Donald Trump"), pronouns go to the
 * subject of the last sentence naming a person, role phrases to the last person holding that
 * role (else the one the names extractor ties the phrase to, else as a pronoun; "a
 * spokesman" stays a description), and quotes without a cue
 * to the speaker of the quote just before in the same or the previous paragraph (or of
 * the cued quote opening the next paragraph). Unicode spaces count as spaces; titles
 * woven into a sentence (on Fox News' “Sunday Morning Futures,”) are dropped.
 */
#include "extract/quote_internal.h"
#include "text/utf8.h"
#include "extract/quote_mentions.h"
#include <string.h>

enum { CONTINUE_BYTES = 2000, SHORT_QUOTE_WORDS = 4, DIRECT_GAP = 4, LOOKBACK_QUOTES = 50, TITLE_WORDS = 6 };

const char *cb_speaker_how_name(cb_speaker_how how) {
  static const char *const names[] = {"unknown", "name", "according-to", "pronoun", "role", "description",
                                      "continued"};
  return (unsigned)how < sizeof names / sizeof names[0] ? names[how] : "unknown";
}

static void set_speaker_span(const cb_qtext *t, cb_quote *q, const cb_np *np) {
  q->speaker_start = t->tok[np->b].start;
  q->speaker_end = t->tok[np->e - 1].end;
}

/* "a spokesman", "another official": someone new, not the last named speaker. */
static int indefinite(const cb_qtext *t, size_t i) {
  char buf[16];
  size_t n = t->tok[i].kind == CB_TOK_WORD ? cb_qkey(t, i, buf, sizeof buf) : 0;
  return (n == 1 && buf[0] == 'a') || (n == 2 && memcmp(buf, "an", 2) == 0) || (n == 3 && memcmp(buf, "one", 3) == 0) ||
         (n == 7 && memcmp(buf, "another", 7) == 0);
}

/* "the governor", "the Venezuelan leader", "the businessman": the last person named with that
 * title or role, else the one the names extractor ties the phrase to, else the person the
 * sentences before are about (as for "he"). */
static const char *role_holder(cb_arena *a, const cb_qtext *t, const cb_mentions *m, const cb_np *np,
                               size_t at) {
  const char *who = cb_mentions_with_role(a, t, m, np->b, np->head, at);
  if (!who) who = cb_mentions_role_phrase(m, t->tok[np->head].start);
  return who ? who : cb_mentions_last_person(a, t, m, at);
}

/* The quote's cue is a verb in -ing ("adding", "saying"). */
static int participle_cue(const cb_qtext *t, const cb_quote *x) {
  size_t len = x->cue_end - x->cue_start;
  return len > 4 && memcmp(t->s + x->cue_end - 3, "ing", 3) == 0;
}

static void resolve_one(cb_arena *a, const cb_qtext *t, const cb_mentions *m, cb_quote *q, size_t i,
                        const cb_np *np) {
  cb_quote *x = &q[i];
  if (!np->kind && participle_cue(t, x)) {   /* "X said “...”, adding, “...”": the subject before */
    size_t b, e;
    if ((x->speaker = cb_mentions_sentence_subject(a, t, m, x->cue_start, &b, &e))) {
      x->speaker_start = b, x->speaker_end = e, x->how = CB_SPEAKER_NAME;
    }
  }
  if (!np->kind) return;
  set_speaker_span(t, x, np);
  size_t at = t->tok[np->b].start;
  if (np->kind == CB_NP_NAME) {
    x->speaker = cb_mentions_full_name(a, t, m, np->name_b, np->e, at);
    x->how = np->according_to ? CB_SPEAKER_ACCORDING_TO : CB_SPEAKER_NAME;
  } else if (np->kind == CB_NP_PRONOUN) {
    x->how = CB_SPEAKER_PRONOUN;
    if (cb_mentions_is_person_pronoun(t, np->b)) x->speaker = cb_mentions_last_person(a, t, m, at);
  } else if (cb_qis(t, np->head, CB_QLEX_ROLE) || cb_qis(t, np->head, CB_QLEX_TITLE)) {
    x->how = CB_SPEAKER_ROLE;
    if (!indefinite(t, np->b)) x->speaker = role_holder(a, t, m, np, at);
    if (!x->speaker) {   /* "a campaign spokesman" with no one named: the description itself */
      x->speaker = cb_qname(a, t, np->b, np->e);
      x->how = CB_SPEAKER_DESCRIPTION;
    }
  } else {
    x->how = np->according_to ? CB_SPEAKER_ACCORDING_TO : CB_SPEAKER_DESCRIPTION;
    x->speaker = cb_qname(a, t, np->b, np->e);
  }
}

static int near_enough(const char *s, size_t from, size_t to) {
  if (to < from || to - from > CONTINUE_BYTES) return 0;
  int breaks = 0;
  for (size_t i = from; i < to; i++)
    if (s[i] == '\n' && (i == from || s[i - 1] != '\n')) breaks++;
  return breaks <= 1;
}

static void inherit(cb_quote *to, const cb_quote *from) {
  to->speaker = from->speaker;
  to->speaker_start = from->speaker_start;
  to->speaker_end = from->speaker_end;
  to->how = CB_SPEAKER_CONTINUED;
}

/* “A.”¶¶“B,” Viguerie notes.: quote a is a paragraph of its own and b opens the next one. */
static int next_paragraph(const char *s, const cb_quote *a, const cb_quote *b) {
  for (size_t i = a->end; i < b->start; i++) if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') return 0;
  return a->start == 0 || s[a->start - 1] == '\n';
}

/* Quotes without a cue take the speaker of the neighbouring quote. */
static void continue_speakers(cb_quote *q, size_t n, const char *s) {
  for (size_t i = 1; i < n; i++) {
    if (q[i].partial || q[i].cue_end > q[i].cue_start || !q[i - 1].speaker || q[i].speaker) continue;
    if (!near_enough(s, q[i - 1].end, q[i].start)) continue;
    inherit(&q[i], &q[i - 1]);
  }
  for (size_t i = n - 1; i-- > 0;) {   /* “A.” “B,” he said. */
    if (q[i].partial || q[i].cue_end > q[i].cue_start || q[i].speaker || !q[i + 1].speaker ||
        q[i + 1].how == CB_SPEAKER_CONTINUED)
      continue;
    if (memchr(s + q[i].end, '\n', q[i + 1].start - q[i].end) && !next_paragraph(s, &q[i], &q[i + 1])) continue;
    inherit(&q[i], &q[i + 1]);
  }
}

/* The start of the paragraph before the one that holds byte offset at (0 if none). */
static size_t previous_paragraph(const char *s, size_t at) {
  size_t i = at;
  while (i > 0 && s[i - 1] != '\n') i--;   /* this paragraph's start */
  while (i > 0 && (s[i - 1] == '\n' || s[i - 1] == ' ' || s[i - 1] == '\r' || s[i - 1] == '\t')) i--;
  while (i > 0 && s[i - 1] != '\n') i--;
  return i;
}

/* 1 if nothing but quotes follows quote i up to the end of its paragraph. */
static int quotes_to_end(const char *s, size_t len, const cb_quote *q, size_t n, size_t i) {
  for (size_t j = q[i].end; j < len; j++) {
    if (s[j] == '\n') return 1;
    if (i + 1 < n && j == q[i + 1].start) j = q[++i].end - 1;
    else if (s[j] != ' ' && s[j] != '\t' && s[j] != '\r') return 0;
  }
  return 1;
}

/* A paragraph of full quotes with no cue and no speaker from the quotes around it goes
 * on with the person the paragraph before is about ("... Trump spoke only in bromides
 * during the interview.¶¶“We have to do something.”"), when it names one. */
static void paragraph_speakers(cb_arena *a, const cb_qtext *t, const cb_mentions *m, cb_quote *q, size_t n) {
  for (size_t i = 0; i < n; i++) {
    cb_quote *x = &q[i];
    int opens = x->start == 0 || t->s[x->start - 1] == '\n';
    if (x->speaker || x->partial || x->cue_end > x->cue_start || !opens) continue;
    if (!quotes_to_end(t->s, t->n, q, n, i)) continue;
    size_t b, e;
    x->speaker = cb_mentions_paragraph_subject(a, t, m, x->start, previous_paragraph(t->s, x->start), &b, &e);
    if (!x->speaker) continue;
    x->speaker_start = b;
    x->speaker_end = e;
    x->how = CB_SPEAKER_CONTINUED;
    for (; i + 1 < n && !q[i + 1].speaker && q[i + 1].cue_end == q[i + 1].cue_start &&
           !memchr(t->s + q[i].end, '\n', q[i + 1].start - q[i].end); i++)
      inherit(&q[i + 1], &q[i]);   /* the quotes after it in the paragraph */
  }
}

static size_t count_words(const cb_qtext *t, size_t from, size_t to) {
  size_t k = 0;
  for (size_t i = cb_mentions_token_at(t, from); i < t->ntok && t->tok[i].start < to; i++)
    k += t->tok[i].kind != CB_TOK_PUNCT;
  return k;
}

/* Full quote: opens with a capital and either ends a sentence, stands alone or follows ':' or ','. */
static int is_partial(const cb_qtext *t, const cb_quote *q) {
  size_t i = cb_mentions_token_at(t, q->inner_start);
  if (i >= t->ntok || t->tok[i].start >= q->inner_end || !t->tok[i].upper) return 1;
  char last = t->s[q->inner_end - 1];
  if (last == '.' || last == '!' || last == '?') return 0;   /* a whole sentence: The ad claims “Jeb is ...” */
  size_t b = cb_mentions_token_at(t, q->start);
  if (b == 0 || cb_token_is(t->s, &t->tok[b - 1], ':') || cb_token_is(t->s, &t->tok[b - 1], ',')) return 0;
  const cb_token *p = &t->tok[b - 1];
  if (memchr(t->s + p->end, '\n', q->start - p->end)) return 0;
  return !(p->kind == CB_TOK_PUNCT && strchr(".!?\"", t->s[p->start]) && p->end == p->start + 1) &&
         !(p->kind == CB_TOK_PUNCT && p->end - p->start == 3);   /* after a curly closing mark */
}

/* Direct: a full quote, a fragment right after its cue ("says “...”", "told them, “...”")
 * or a fragment that closes its clause before a cue after it (“...,” she said). */
static int is_direct(const cb_qtext *t, const cb_quote *q) {
  if (!q->partial) return 1;
  if (q->cue_end <= q->cue_start) return 0;
  if (q->cue_start >= q->end) {
    char c = t->s[q->inner_end - 1];
    return c == ',' || c == '.' || c == '!' || c == '?';
  }
  size_t b = cb_mentions_token_at(t, q->start), cue = cb_mentions_token_at(t, q->cue_start);
  if (b == 0 || cue >= b) return 0;
  if (cue == b - 1) return 1;
  int sep = cb_token_is(t->s, &t->tok[b - 1], ',') || cb_token_is(t->s, &t->tok[b - 1], ':');
  return sep && b - 1 - cue <= DIRECT_GAP;
}

/* A title woven into the sentence: a few capitalised words after a word ("appeared on Fox
 * News’ “Sunday Morning Futures,” Trump said", "starred in “Scandal”"). */
static int is_title(const cb_qtext *t, const cb_quote *q) {
  size_t b = cb_mentions_token_at(t, q->start), i = cb_mentions_token_at(t, q->inner_start), words = 0;
  if (b == 0) return 0;
  const cb_token *p = &t->tok[b - 1];
  int after_word = p->kind == CB_TOK_WORD ||
                   (p->kind == CB_TOK_PUNCT && p->end - p->start == 3 && (unsigned char)t->s[p->start + 2] == 0x99);
  if (!after_word) return 0;
  for (; i < t->ntok && t->tok[i].start < q->inner_end; i++) {
    if (t->tok[i].kind != CB_TOK_WORD) continue;
    if (++words > TITLE_WORDS || (!t->tok[i].upper && !cb_qis(t, i, CB_QLEX_STOP))) return 0;
  }
  return words > 0;
}

/* Drops short quotes with neither cue nor speaker (titles, scare quotes) and titles. */
static size_t keep_attributed(const cb_qtext *t, cb_quote *q, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_title(t, &q[i])) continue;
    int cue = q[i].cue_end > q[i].cue_start;
    if (!cue && !q[i].speaker && count_words(t, q[i].inner_start, q[i].inner_end) < SHORT_QUOTE_WORDS) continue;
    q[k++] = q[i];
  }
  return k;
}

/* Unicode spaces (no-break U+00A0, U+2000..U+200A, U+202F) read as ASCII spaces of the same
 * byte length, so offsets stay valid and "Woodward\u00A0told" splits like "Woodward told".
 * Returns text itself when it has none, else an arena copy (NULL if memory ran out). */
static const char *plain_spaces(cb_arena *a, const char *text, size_t n) {
  char *c = NULL;
  for (size_t i = 0; i + 1 < n; i++) {
    unsigned char b0 = (unsigned char)text[i], b1 = (unsigned char)text[i + 1];
    size_t len = 0;
    if (b0 == 0xC2 && b1 == 0xA0) len = 2;
    else if (b0 == 0xE2 && b1 == 0x80 && i + 2 < n &&
             (((unsigned char)text[i + 2] >= 0x80 && (unsigned char)text[i + 2] <= 0x8A) ||
              (unsigned char)text[i + 2] == 0xAF)) len = 3;
    if (!len) continue;
    if (!c) {
      if (!(c = cb_arena_alloc(a, n + 1))) return NULL;
      memcpy(c, text, n);
      c[n] = 0;
      text = c;
    }
    memset(c + i, ' ', len);
    i += len - 1;
  }
  return text;
}

size_t cb_quote_extract(cb_arena *a, const char *text, size_t n, cb_quote **out) {
  cb_quote *q = NULL;
  *out = NULL;
  if (text && !(text = plain_spaces(a, text, n))) return 0;
  size_t nq = text ? cb_quote_marks(a, text, n, &q) : 0;
  if (!nq) return 0;
  cb_qtext t = {text, n, NULL, 0};
  t.ntok = cb_tokens(a, text, n, &t.tok);
  cb_np *np = cb_arena_calloc(a, nq, sizeof *np);
  if (!t.tok || !np) return 0;
  for (size_t i = 0; i < nq; i++) {
    np[i] = cb_quote_find_cue(&t, &q[i], i ? q[i - 1].end : 0, i + 1 < nq ? q[i + 1].start : n);
    if (q[i].cue_end > q[i].cue_start) q[i].cue = cb_fold(a, text + q[i].cue_start, q[i].cue_end - q[i].cue_start, NULL);
    q[i].partial = is_partial(&t, &q[i]);
  }
  cb_mentions m;
  if (cb_mentions_build(a, &t, q, nq, np, &m) != 0) return 0;
  for (size_t i = 0; i < nq; i++) resolve_one(a, &t, &m, q, i, &np[i]);
  for (size_t i = 0; i < nq; i++) q[i].direct = is_direct(&t, &q[i]);
  continue_speakers(q, nq, text);
  paragraph_speakers(a, &t, &m, q, nq);
  nq = keep_attributed(&t, q, nq);
  *out = nq ? q : NULL;
  return nq;
}
