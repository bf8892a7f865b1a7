/*
 * cleanup.c - junk-line classification and body clean-up; see cleanup.h.
 */
#include "ingest/cleanup.h"
#include "core/article.h"
#include "core/buf.h"
#include "core/data.h"
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct rule { int reason; int match; char *phrase; size_t len; } rule;
enum { M_LINE, M_PREFIX, M_SUFFIX };

static rule *rules;
static size_t nrules;
static pthread_once_t rules_once = PTHREAD_ONCE_INIT;


static void load_rules(void) {
  size_t len;
  const char *d = cb_data_need("cleanup/junk.tsv", &len);
  if (!d) return;
  size_t cap = 0;
  for (size_t i = 0; i < len; i++) cap += d[i] == '\n';
  rules = calloc(cap + 1, sizeof *rules);
  if (!rules) return;
  for (const char *p = d, *end = d + len; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    const char *t1 = memchr(p, '\t', (size_t)(le - p));
    const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(le - t1 - 1)) : NULL;
    if (*p != '#' && t1 && t2) {
      rule *r = &rules[nrules];
      r->reason = cb_drop_reason_parse(p, (size_t)(t1 - p));
      r->match = strncmp(t1 + 1, "prefix", 6) == 0 ? M_PREFIX : strncmp(t1 + 1, "suffix", 6) == 0 ? M_SUFFIX : M_LINE;
      r->len = (size_t)(le - t2 - 1);
      r->phrase = strndup(t2 + 1, r->len);
      if (r->reason && r->phrase) nrules++;
      else free(r->phrase);
    }
    p = le + 1;
  }
}

static const char *why_for(int reason) {
  switch (reason) {
  case CB_DROP_SHARE: return "share widget text";
  case CB_DROP_COMMENT_FORM: return "comment form text";
  case CB_DROP_RELATED: return "related-links list";
  case CB_DROP_AD: return "advertisement marker";
  case CB_DROP_NEWSLETTER: return "newsletter sign-up";
  case CB_DROP_NAVIGATION: return "navigation or cookie notice";
  case CB_DROP_MOST_READ: return "most-read list";
  }
  return "page furniture";
}

/* Trims spaces and trailing punctuation (". … : * !") for whole-line matching. */
static void trim_for_match(const char **s, size_t *n) {
  while (*n && isspace((unsigned char)**s)) (*s)++, (*n)--;
  for (;;) {
    if (*n && (isspace((unsigned char)(*s)[*n - 1]) || strchr(".:*!|-", (*s)[*n - 1]))) { (*n)--; continue; }
    if (*n >= 3 && memcmp(*s + *n - 3, "\xe2\x80\xa6", 3) == 0) { *n -= 3; continue; }   /* … */
    break;
  }
}

static int is_number_line(const char *s, size_t n) {
  size_t digits = 0;
  for (size_t i = 0; i < n; i++) {
    if (isdigit((unsigned char)s[i])) digits++;
    else if (!isspace((unsigned char)s[i])) return 0;
  }
  return digits > 0;
}

/* "• Source 1 • Source 2": a line made of bullet items. */
static int is_bullet_line(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  return n >= 3 && (memcmp(s, "\xe2\x80\xa2", 3) == 0 || memcmp(s, "\xc2\xb7", 2) == 0 || *s == '*');
}

int cb_is_caption_with_credit(const char *s, size_t n) {
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (n < 12) return 0;
  /* "... [Leonardo Fernandez Viloria/ Reuters]" or "(AP Photo/Jane Doe)" */
  char close = s[n - 1];
  if (close == ']' || close == ')') {
    char open = close == ']' ? '[' : '(';
    const char *o = NULL;
    for (size_t i = n - 1; i-- > 0;) if (s[i] == open) { o = s + i; break; }
    if (!o || (size_t)(s + n - o) > 120) return 0;
    size_t in = (size_t)(s + n - 1 - o - 1);
    const char *inner = o + 1;
    if (memchr(inner, '/', in)) return 1;
    if (in > 6 && (strncasecmp(inner, "photo", 5) == 0 || strncasecmp(inner, "image", 5) == 0 ||
                   strncasecmp(inner, "credit", 6) == 0 || strncasecmp(inner, "picture", 7) == 0)) return 1;
    return 0;
  }
  /* "... Photo: Jane Doe/AFP" or "... (Getty Images)" at the end: only the last 80 bytes */
  for (size_t i = n > 80 ? n - 80 : 0; i + 6 < n; i++)
    if ((strncasecmp(s + i, "Photo: ", 7) == 0 || strncasecmp(s + i, "Image: ", 7) == 0 ||
         strncasecmp(s + i, "Photograph: ", 12) == 0) && n - i < 80) return 1;
  return n > 12 && strncasecmp(s + n - 12, "Getty Images", 12) == 0;
}

int cb_is_credit_line(const char *s, size_t n, cb_slice *outlet) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (n < 4 || n > 160 || s[0] != '(' || s[n - 1] != ')') return 0;
  const char *in = s + 1;
  size_t m = n - 2;
  if (outlet) { outlet->ptr = NULL; outlet->len = 0; }
  if (m > 13 && (strncasecmp(in, "reporting by", 12) == 0 || strncasecmp(in, "writing by", 10) == 0 ||
                 strncasecmp(in, "editing by", 10) == 0 || strncasecmp(in, "additional reporting", 20) == 0))
    return 1;
  /* "(FRANCE 24 with AFP)", "(AFP)", "(Reuters)", "(AP)": short, capitalised words only */
  if (m > 40 || memchr(in, '.', m)) return 0;
  size_t words = 0;
  for (size_t i = 0; i < m; i++) {
    if (i == 0 || in[i - 1] == ' ') {
      words++;
      if (!(isupper((unsigned char)in[i]) || isdigit((unsigned char)in[i]) || strncmp(in + i, "with ", 5) == 0 ||
            strncmp(in + i, "and ", 4) == 0))
        return 0;
    }
  }
  if (words > 6) return 0;
  if (outlet) {
    const char *w = NULL;
    for (size_t i = 0; i + 6 <= m; i++) if (strncmp(in + i, " with ", 6) == 0) { w = in + i; break; }
    outlet->ptr = in;
    outlet->len = w ? (size_t)(w - in) : m;
  }
  return 1;
}

int cb_junk_line(cb_junk_state *st, const char *s, size_t n, const char **why) {
  pthread_once(&rules_once, load_rules);
  const char *t = s;
  size_t m = n;
  trim_for_match(&t, &m);
  if (n && m == 0) { *why = "punctuation only"; return CB_DROP_BOILERPLATE; }
  if (is_number_line(s, n)) { *why = "a stray number on a line of its own"; return CB_DROP_JUNK_NUMBER; }
  if (st && st->in_related && is_bullet_line(s, n) && n < 300) { *why = "item of a related-links list"; return CB_DROP_RELATED; }
  if (st) st->in_related = 0;
  for (size_t i = 0; i < nrules && m <= 200; i++) {   /* furniture phrases are short */
    const rule *r = &rules[i];
    int hit = r->match == M_LINE ? (m == r->len && strncasecmp(t, r->phrase, m) == 0)
            : r->match == M_PREFIX ? (m >= r->len && strncasecmp(t, r->phrase, r->len) == 0)
            : (m >= r->len && strncasecmp(t + m - r->len, r->phrase, r->len) == 0);
    if (!hit) continue;
    if (r->reason == CB_DROP_RELATED && st) st->in_related = 1;
    *why = why_for(r->reason);
    return r->reason;
  }
  if (cb_is_caption_with_credit(s, n) && n < 400) { *why = "photo caption with a credit"; return CB_DROP_CAPTION; }
  return 0;
}

static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) if (!isspace((unsigned char)s[i])) return 0;
  return 1;
}

int cb_clean_body(cb_article *a) {
  if (!a->body) return CB_OK;
  cb_buf b;
  cb_buf_init(&b);
  cb_junk_state st = {0};
  const char *p = a->body, *end = a->body + a->body_len;
  int changed = 0, rc = CB_OK;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    size_t n = (size_t)(le - p);
    const char *why = NULL;
    int r = is_blank(p, n) ? 0 : cb_junk_line(&st, p, n, &why);
    if (r) {
      changed = 1;
      if (r == CB_DROP_CAPTION && (rc = cb_article_add_caption(a, p, n))) break;
      if ((rc = cb_article_drop(a, (cb_drop_reason)r, p, n, why))) break;
    } else if (!is_blank(p, n)) {
      if (b.len) cb_buf_append(&b, "\n\n", 2);
      const char *q = p;
      size_t k = n;
      while (k && isspace((unsigned char)*q)) q++, k--;
      while (k && isspace((unsigned char)q[k - 1])) k--;
      if (k != n) changed = 1;
      cb_buf_append(&b, q, k);
    }
    if (nl && nl + 1 < end && nl[1] != '\n' && !r) changed = 1;  /* single newlines become paragraph breaks */
    p = le + 1;
  }
  if (!rc && b.oom) rc = CB_ENOMEM;
  if (!rc && changed) {
    char *body = cb_arena_strndup(a->arena, b.ptr ? b.ptr : "", b.len);
    if (!body) rc = CB_ENOMEM;
    else { a->body = body; a->body_len = b.len; }
  }
  cb_buf_free(&b);
  return rc;
}
