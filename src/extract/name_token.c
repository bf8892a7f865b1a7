/*
 * name_token.c - words for the name finder (see name_token.h). A word starts with a letter
 * and goes on through letters, digits, marks, inner apostrophes ("O'Brien"), inner hyphens
 * ("Padrino-López", "al-Assad") and the dots of dotted abbreviations ("U.S."). A trailing
 * possessive 's is left out and flagged. Lines that are mostly capitalised words are marked
 * as headlines.
 */
#include "extract/name_token.h"
#include "extract/name_fold.h"
#include "extract/name_lexicon.h"
#include "text/utf8.h"
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct tok_state { const char *s; size_t n; } tok_state;

static int32_t cp_at(const char *s, size_t n, size_t i, int *len) {
  if ((unsigned char)s[i] < 0x80) { *len = 1; return (unsigned char)s[i]; }
  int32_t cp = 0;
  *len = cb_utf8_decode(s + i, n - i, &cp);
  return cp;
}

static int is_letter(int32_t cp) {
  if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_wordchar(int32_t cp) {
  if (cp < 0x80) return is_letter(cp) || (cp >= '0' && cp <= '9');
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) || c == UTF8PROC_CATEGORY_ND;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

/* A modifier written glued to the title it qualifies ("ex-", "then-"). */
static int prefix_modifier(const char *w, size_t n) {
  return (n == 2 && !strncasecmp(w, "ex", 2)) || (n == 4 && !strncasecmp(w, "then", 4));
}

/* End of the word starting at i; sets *poss when a possessive 's follows. */
static size_t word_end(const char *s, size_t n, size_t i, int *poss) {
  int len;
  size_t j = i, letters = 0;
  *poss = 0;
  while (j < n) {
    int32_t cp = cp_at(s, n, j, &len);
    if (is_wordchar(cp)) { j += (size_t)len; letters++; continue; }
    if (j + (size_t)len >= n) break;
    int len2;
    int32_t next = cp_at(s, n, j + (size_t)len, &len2);
    if (is_apostrophe(cp) && (next == 's' || next == 'S')) {
      size_t after = j + (size_t)len + 1;
      int len3 = 1;
      int32_t a3 = after < n ? cp_at(s, n, after, &len3) : ' ';
      if (!is_wordchar(a3)) { *poss = 1; break; }
    }
    if (is_hyphen(cp) && prefix_modifier(s + i, j - i)) break;   /* "ex-Vice President": two words */
    if ((is_apostrophe(cp) || is_hyphen(cp)) && is_letter(next)) { j += (size_t)len; continue; }
    /* dotted abbreviation: one letter then '.', then a letter */
    if (cp == '.' && letters == 1 && is_letter(next)) {
      size_t k = j + (size_t)len;
      while (k < n) {   /* consume L. L. L. */
        int l1, l2;
        int32_t c1 = cp_at(s, n, k, &l1);
        if (!is_letter(c1) || k + (size_t)l1 >= n) break;
        int32_t c2 = cp_at(s, n, k + (size_t)l1, &l2);
        if (c2 != '.') break;
        k += (size_t)l1 + 1;
      }
      if (k > j + (size_t)len) return k;
    }
    break;
  }
  return j;
}

static unsigned short case_flags(const char *s, size_t b, size_t e) {
  int len, first = 1, letters = 0, uppers = 0, cap = 0;
  for (size_t i = b; i < e; i += (size_t)len) {
    int32_t cp = cp_at(s, e, i, &len);
    if (!is_letter(cp)) continue;
    letters++;
    if (is_upper(cp)) { uppers++; if (first) cap = 1; }
    else if (first && i + 3 < e) {   /* al-Assad, el-Sisi, bin-... */
      size_t h = i;
      while (h < e && s[h] != '-') h++;
      if (h + 1 < e && h - i <= 3) { int l2; if (is_upper(cp_at(s, e, h + 1, &l2))) cap = 1; }
    }
    first = 0;
  }
  unsigned short f = cap ? CB_NT_CAP : 0;
  if (letters >= 2 && uppers == letters) f |= CB_NT_ALLCAPS;
  return f;
}

/* Flags from the bytes between the previous token's end p and this token's start b. */
static unsigned short gap_flags(const char *s, size_t prev_start, size_t p, size_t b, int first, int prev_abbrev) {
  if (first) return CB_NT_SENT_START;
  size_t spaces = 0, other = 0, dots = 0, paren = 0, comma = 0, newline = 0, stop = 0;
  for (size_t i = p; i < b; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ') spaces++;
    else if (c == '\n') newline++;
    else if (c == '.') dots++;
    else if (c == '(') paren++;
    else if (c == ',') comma++;
    else other++;
    if (c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '|') stop++;
    if (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98)) stop++;  /* “ ‘ */
  }
  unsigned short f = 0;
  if (newline || stop || (dots && !prev_abbrev)) f |= CB_NT_SENT_START;
  if (b == p + 1 && (s[p] == '-') && prefix_modifier(s + prev_start, p - prev_start)) return CB_NT_JOINED;   /* "ex-" */
  if (!newline && !other && !paren && !comma && spaces >= 1 && spaces <= 2 &&
      (dots == 0 || (dots == 1 && prev_abbrev && s[p] == '.')))
    f |= CB_NT_JOINED;
  if (paren && b > 0 && s[b - 1] == '(') f |= CB_NT_PAREN_BEFORE;
  return f;
}

/* A title or honorific written with a dot ("Gov.", "Mr."), or an initial ("J."). */
static int is_abbrev(const cb_ntok *t) {
  return t->keylen == 1 || (t->lex & ((1u << CB_LEX_TITLES) | (1u << CB_LEX_HONORIFICS)));
}

int cb_ntok_is(const cb_ntok *t, const char *w) {
  size_t n = strlen(w);
  return t->keylen == n && memcmp(t->key, w, n) == 0;
}

/* 1 if s[0..n) is plain lower-case ASCII: its own folded key. */
static int own_key(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '\'')) return 0;
  }
  return n < CB_NAME_KEY_MAX;
}

/* Words that title case leaves in lower case ("Call with Trump", "Step of the Way"). */
static int title_case_lower(const cb_ntok *t) {
  static const char *const fw[] = {"a", "an", "the", "and", "but", "or", "nor", "for", "on", "at", "to",
                                   "from", "by", "of", "in", "with", "as", "vs", "via", "per", NULL};
  if (t->keylen > 4 || !strchr("abtonfi" "wvp", t->key[0])) return 0;
  for (int i = 0; fw[i]; i++) if (cb_ntok_is(t, fw[i])) return 1;
  return 0;
}

/* Marks the tokens of lines whose words are nearly all capitalised (headlines). */
/* 1 if the line ends in a full stop after token t (headlines do not). */
static int ends_sentence(const char *s, size_t n, const cb_ntok *t) {
  for (size_t i = t->end; i < n && s[i] != '\n'; i++)
    if (s[i] == '.' || s[i] == '!') return 1;
  return 0;
}

static void mark_headlines(const char *s, size_t n, cb_ntok *t, size_t k) {
  size_t i = 0;
  while (i < k) {
    size_t j = i, caps = 0, lower = 0;
    while (j < k && (j == i || !memchr(s + t[j - 1].end, '\n', t[j].start - t[j - 1].end))) {
      if (t[j].flags & CB_NT_CAP) caps++;
      else if (!title_case_lower(&t[j])) lower++;
      j++;
    }
    if (caps >= 4 && j - i <= 30 && caps * 100 >= (caps + lower) * 85 && !ends_sentence(s, n, &t[j - 1]))
      for (size_t m = i; m < j; m++) t[m].flags |= CB_NT_HEADLINE;
    i = j;
  }
}

size_t cb_name_tokens(cb_arena *a, const char *s, size_t n, cb_ntok **out, int *oom) {
  size_t cap = n / 6 + 16, k = 0, prev_end = 0;   /* about one word per six bytes */
  cb_ntok *t = cb_arena_alloc(a, cap * sizeof *t);
  *out = NULL;
  *oom = 0;
  if (!t) { *oom = 1; return 0; }
  for (size_t i = 0; i < n;) {
    int len;
    int32_t cp = cp_at(s, n, i, &len);
    if (!is_letter(cp)) { i += (size_t)len; continue; }
    int poss;
    size_t e = word_end(s, n, i, &poss);
    if (k == cap) {
      cb_ntok *nt = cb_arena_alloc(a, 2 * cap * sizeof *t);
      if (!nt) { *oom = 1; return 0; }
      memcpy(nt, t, cap * sizeof *t);
      t = nt; cap *= 2;
    }
    char key[CB_NAME_KEY_MAX];
    cb_ntok *tk = &t[k];
    tk->start = i; tk->end = e;
    size_t kl;
    if (own_key(s + i, e - i)) {   /* most words: no copy */
      kl = e - i;
      tk->key = s + i;
    } else {
      kl = cb_name_fold(s + i, e - i, key);
      tk->key = cb_arena_strndup(a, key, kl);
      if (!tk->key) { *oom = 1; return 0; }
    }
    tk->keylen = (unsigned short)kl;
    tk->lex = cb_name_lex_word(tk->key, kl, &tk->lex_first);
    int prev_abbrev = k > 0 && (t[k - 1].flags & CB_NT_DOT_AFTER) && is_abbrev(&t[k - 1]);
    tk->flags = case_flags(s, i, e) | gap_flags(s, k ? t[k - 1].start : 0, prev_end, i, k == 0, prev_abbrev);
    if (poss) tk->flags |= CB_NT_POSS;
    if (e < n && s[e] == '.') tk->flags |= CB_NT_DOT_AFTER;
    if (e < n && s[e] == ')') tk->flags |= CB_NT_PAREN_AFTER;
    if (e < n && s[e] == ',') tk->flags |= CB_NT_COMMA_AFTER;
    prev_end = e;
    k++;
    i = poss ? e + 1 + (size_t)(s[e] == '\'' ? 1 : 3) : e;
    if (i > n) i = n;
  }
  mark_headlines(s, n, t, k);
  *out = k ? t : NULL;
  return k;
}
