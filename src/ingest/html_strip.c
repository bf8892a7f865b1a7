/*
 * html_strip.c - a byte pre-pass before the HTML parser: comments and the contents of
 * <script>, <style>, <svg>, <noscript>, <template>, <iframe> and <textarea> never hold
 * article text, so they are cut out (a page shrinks to about 40% and parses twice as fast);
 * JSON-LD scripts are kept aside for the metadata; whitespace runs collapse to one
 * character; start tags keep only the attributes the reader uses, and their class, id,
 * role and itemprop words are weighed here and handed on as one short "h" attribute. Works on any ASCII-compatible charset; linear in the input.
 */
#include "ingest/html.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

static const char *const raw_tags[] = {"script", "style", "svg", "noscript", "template",
                                       "iframe", "textarea", NULL};

static const unsigned char space_tab[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1};

static int is_space(unsigned char c) { return space_tab[c]; }

/* The raw-text tag opening at s ("<script ..."), or NULL. */
static const char *raw_tag_at(const char *s, const char *end) {
  if (end - s < 4) return NULL;
  unsigned char c = (unsigned char)(s[1] | 32);
  if (c != 's' && c != 'n' && c != 't' && c != 'i') return NULL;
  for (int i = 0; raw_tags[i]; i++) {
    if (raw_tags[i][0] != c) continue;
    size_t k = strlen(raw_tags[i]);
    if ((size_t)(end - s) > k + 1 && strncasecmp(s + 1, raw_tags[i], k) == 0 &&
        (is_space((unsigned char)s[k + 1]) || s[k + 1] == '>' || s[k + 1] == '/'))
      return raw_tags[i];
  }
  return NULL;
}

/* The first "</tag" at or after s, or end. */
static const char *find_close(const char *s, const char *end, const char *tag) {
  size_t k = strlen(tag);
  while (s < end && (s = memchr(s, '<', (size_t)(end - s)))) {
    if ((size_t)(end - s) >= k + 2 && s[1] == '/' && strncasecmp(s + 2, tag, k) == 0) return s;
    s++;
  }
  return end;
}

/* Past the "-->" that closes a comment starting at s, or end. */
static const char *comment_end(const char *s, const char *end) {
  const char *p = s + 4;
  while (p < end && (p = memchr(p, '>', (size_t)(end - p)))) {
    if (p - s >= 6 && p[-1] == '-' && p[-2] == '-') return p + 1;
    p++;
  }
  return end;
}

static int is_jsonld(const char *open, const char *gt) {
  for (const char *p = open; p + 8 <= gt; p++)
    if ((*p == 'l' || *p == 'L') && strncasecmp(p, "ld+json", 7) == 0) return 1;
  return 0;
}

static void keep_jsonld(cb_arena *ar, const char *s, size_t n, const char ***list, size_t *count) {
  if (*count >= 16) return;
  if (*count == 0) *list = cb_arena_calloc(ar, 16, sizeof **list);
  if (!*list) return;
  char *t = cb_arena_strndup(ar, s, n);
  if (t) (*list)[(*count)++] = t;
}

/* Copies text between tags, collapsing whitespace runs to one ' ' (or '\n' when the run
 * holds a line break); returns the new output length. */
static size_t copy_text(const char *s, size_t n, char *out, size_t j) {
  size_t i = 0;
  while (i < n) {
    size_t st = i;
    while (i < n && !is_space((unsigned char)s[i])) i++;
    memcpy(out + j, s + st, i - st);
    j += i - st;
    if (i >= n) break;
    int nl = 0;
    for (uint64_t w; i + 8 <= n && (memcpy(&w, s + i, 8), w == 0x2020202020202020ull); i += 8) {}   /* indentation */
    while (i < n && is_space((unsigned char)s[i])) nl |= s[i++] == '\n';
    out[j++] = nl ? '\n' : ' ';
  }
  return j;
}

/* What a start tag is to the pre-pass: dropped whole (no text, nothing the reader uses),
 * <meta>, <link>, inline formatting, or any other element. */
enum { TK_OTHER, TK_DROP, TK_META, TK_LINK, TK_INLINE };

static int is_alpha(unsigned char c) { return ((c | 32) >= 'a' && (c | 32) <= 'z'); }

static int tag_kind(const char *name, size_t n) {
  static const struct { const char *name; uint8_t kind; } kinds[] = {   /* by length */
    {"a", TK_INLINE}, {"b", TK_INLINE}, {"i", TK_INLINE}, {"u", TK_INLINE},
    {"em", TK_INLINE},
    {"img", TK_DROP}, {"wbr", TK_DROP}, {"col", TK_DROP}, {"sup", TK_INLINE}, {"sub", TK_INLINE},
    {"area", TK_DROP}, {"meta", TK_META}, {"link", TK_LINK}, {"font", TK_INLINE}, {"code", TK_INLINE},
    {"abbr", TK_INLINE}, {"cite", TK_INLINE}, {"mark", TK_INLINE},
    {"input", TK_DROP}, {"track", TK_DROP}, {"param", TK_DROP}, {"embed", TK_DROP}, {"small", TK_INLINE},
    {"source", TK_DROP}, {"strong", TK_INLINE}};
  static const uint8_t from[] = {0, 0, 4, 5, 10, 18, 23, 25};   /* entries of length n: [from[n], from[n+1]) */
  if (n == 0 || n > 6) return TK_OTHER;
  unsigned char c = (unsigned char)(name[0] | 32);
  for (size_t i = from[n]; i < from[n + 1]; i++)
    if (kinds[i].name[0] == c && strncasecmp(name, kinds[i].name, n) == 0) return kinds[i].kind;
  return TK_OTHER;
}

/* Attributes the reader uses, by kind of tag; everything else (srcset, data-*, on*,
 * styles, hrefs) is left out, which is most of the markup's bytes. */
static int attr_kept(const char *k, size_t n, int kind) {
  static const char *const other[] = {"hidden", "datetime", NULL};
  static const char *const inline_[] = {"hidden", "rel", NULL};
  static const char *const meta[] = {"property", "name", "itemprop", "content", "charset", "http-equiv", NULL};
  static const char *const link[] = {"rel", "href", NULL};
  const char *const *keep = kind == TK_META ? meta : kind == TK_LINK ? link : kind == TK_INLINE ? inline_
                          : kind == TK_OTHER ? other : NULL;
  unsigned char c = (unsigned char)(k[0] | 32);
  for (int i = 0; keep && keep[i]; i++)
    if (keep[i][0] == c && strlen(keep[i]) == n && strncasecmp(k, keep[i], n) == 0) return 1;
  return 0;
}

static int style_hides(const char *v, size_t n) {
  char c[160];
  size_t j = 0;
  for (size_t i = 0; i < n && j + 1 < sizeof c; i++) if (!is_space((unsigned char)v[i])) c[j++] = (char)(v[i] | 0x20);
  c[j] = 0;
  return strstr(c, "display:none") || strstr(c, "visibility:hidden");
}

/* Copies a start tag at s ("<name attr=...>") with only the kept attributes; a hiding
 * inline style becomes "hidden". Returns the position after the tag. */
/* Class/id verdicts of one page, cached by a hash of the class text (pages repeat their
 * classes a lot). */
#define HINT_SLOTS 1024
typedef struct hint_cache { uint64_t key[HINT_SLOTS]; cb_hint h[HINT_SLOTS]; } hint_cache;

typedef struct hint_attrs { const char *v[4]; size_t n[4]; } hint_attrs;   /* class, id, role, itemprop */

static int hint_attr_index(const char *k, size_t n) {
  static const char *const names[] = {"class", "id", "role", "itemprop"};
  for (int i = 0; i < 4; i++)
    if (strlen(names[i]) == n && strncasecmp(k, names[i], n) == 0) return i;
  return -1;
}

static void hint_part(hint_cache *hc, const char *v, size_t n, int cached, cb_hint *acc) {
  cb_hint h;
  if (!n) return;
  if (!cached || !hc) { cb_html_hint_of(v, n, &h); cb_html_hint_add(acc, &h); return; }
  uint64_t key = XXH3_64bits_withSeed(v, n, (uint64_t)cached) | 1;
  size_t slot = key & (HINT_SLOTS - 1);
  if (hc->key[slot] != key) { cb_html_hint_of(v, n, &hc->h[slot]); hc->key[slot] = key; }
  cb_html_hint_add(acc, &hc->h[slot]);
}

static int has_word_ci(const char *v, size_t n, const char *w) {
  size_t wn = strlen(w);
  for (size_t i = 0; i + wn <= n; i++)
    if ((i == 0 || v[i - 1] == ' ') && (i + wn == n || v[i + wn] == ' ') && strncasecmp(v + i, w, wn) == 0) return 1;
  return 0;
}

/* Writes " h=WWRFCCCC": what the class/id/role/itemprop words say, computed here so the
 * parser never sees the (long) class lists: WW weight + 128, R drop reason, F flags
 * (1: a content word, 2: itemprop author), CCCC a hash of the class text. */
static void put_hint(hint_cache *hc, const hint_attrs *a, char *out, size_t *j) {
  cb_hint h = {0, 0, -1};
  for (int i = 0; i < 4; i++) hint_part(hc, a->v[i], a->n[i], i + 1, &h);   /* cached per attribute */
  int8_t w;
  uint8_t r;
  cb_html_hint_result(&h, &w, &r);
  unsigned flags = (h.pos > 0 ? 1u : 0u) | (a->n[3] && has_word_ci(a->v[3], a->n[3], "author") ? 2u : 0u);
  unsigned cls = a->n[0] ? (unsigned)(XXH3_64bits(a->v[0], a->n[0]) & 0xFFFF) | 1u : 0u;
  static const char hex[] = "0123456789abcdef";
  char t[12] = {' ', 'h', '='};
  unsigned wb = (unsigned)(w + 128);
  t[3] = hex[wb >> 4]; t[4] = hex[wb & 15]; t[5] = hex[r & 15]; t[6] = hex[flags & 15];
  t[7] = hex[(cls >> 12) & 15]; t[8] = hex[(cls >> 8) & 15]; t[9] = hex[(cls >> 4) & 15]; t[10] = hex[cls & 15];
  memcpy(out + *j, t, 11);
  *j += 11;
}

static const char *copy_start_tag(const char *s, const char *end, char *out, size_t *j, hint_cache *hc) {
  hint_attrs ha;
  int any_hint = 0;
  memset(&ha, 0, sizeof ha);
  const char *p = s + 1;
  while (p < end && !is_space((unsigned char)*p) && *p != '>' && *p != '/') p++;
  int kind = tag_kind(s + 1, (size_t)(p - s - 1)), canonical = 0;
  size_t start = *j;
  memcpy(out + *j, s, (size_t)(p - s));
  *j += (size_t)(p - s);
  for (;;) {
    while (p < end && (is_space((unsigned char)*p) || *p == '/')) p++;
    if (p >= end || *p == '>') {
      if (kind == TK_DROP || (kind == TK_LINK && !canonical)) *j = start;   /* nothing kept */
      else {
        if (any_hint) put_hint(hc, &ha, out, j);
        out[(*j)++] = '>';
      }
      return p >= end ? end : p + 1;
    }
    const char *k = p;
    while (p < end && !is_space((unsigned char)*p) && *p != '=' && *p != '>' && *p != '/') p++;
    if (p == k) { p++; continue; }
    const char *ke = p, *v = NULL, *ve = NULL;
    while (p < end && is_space((unsigned char)*p)) p++;
    if (p < end && *p == '=') {
      p++;
      while (p < end && is_space((unsigned char)*p)) p++;
      if (p < end && (*p == '"' || *p == '\'')) {
        const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
        v = p + 1;
        ve = q ? q : end;
        p = q ? q + 1 : end;
      } else {
        v = p;
        while (p < end && !is_space((unsigned char)*p) && *p != '>') p++;
        ve = p;
      }
    }
    size_t kn = (size_t)(ke - k);
    int hi = kind == TK_META || kind == TK_LINK ? -1 : hint_attr_index(k, kn);
    if (hi >= 0) {
      if (v && !ha.v[hi]) { ha.v[hi] = v; ha.n[hi] = (size_t)(ve - v); }
      any_hint = 1;
    } else if (kn == 5 && strncasecmp(k, "style", 5) == 0 && v && style_hides(v, (size_t)(ve - v))) {
      memcpy(out + *j, " hidden", 7);
      *j += 7;
    } else if (attr_kept(k, kn, kind)) {
      if (kind == TK_LINK && kn == 3 && v && ve - v == 9 && strncasecmp(v, "canonical", 9) == 0) canonical = 1;
      out[(*j)++] = ' ';
      memcpy(out + *j, k, kn);
      *j += kn;
      if (v) {   /* a quoted value keeps its quotes, which it cannot contain */
        int quoted = v > s && (v[-1] == '"' || v[-1] == '\'');
        out[(*j)++] = '=';
        if (quoted) out[(*j)++] = v[-1];
        memcpy(out + *j, v, (size_t)(ve - v));
        *j += (size_t)(ve - v);
        if (quoted) out[(*j)++] = v[-1];
      }
    }
  }
}

size_t cb_html_strip(const char *buf, size_t n, char *out, cb_arena *ar,
                     const char ***jsonld, size_t *njsonld) {
  const char *s = buf, *end = buf + n;
  size_t j = 0;
  hint_cache *hc = ar ? cb_arena_calloc(ar, 1, sizeof *hc) : NULL;   /* NULL: no cache, still correct */
  while (s < end) {
    const char *lt = memchr(s, '<', (size_t)(end - s));
    if (!lt) lt = end;
    j = copy_text(s, (size_t)(lt - s), out, j);
    s = lt;
    if (s >= end) break;
    if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) { s = comment_end(s, end); continue; }
    const char *tag = raw_tag_at(s, end);
    if (!tag && end - s > 1 && is_alpha((unsigned char)s[1])) {
      s = copy_start_tag(s, end, out, &j, hc);
      continue;
    }
    if (!tag) {
      if (end - s > 1 && s[1] != '/' && s[1] != '!' && s[1] != '?') { out[j++] = *s++; continue; }
      const char *gt = memchr(s, '>', (size_t)(end - s));
      const char *stop = gt ? gt + 1 : end;
      memcpy(out + j, s, (size_t)(stop - s));
      j += (size_t)(stop - s);
      s = stop;
      continue;
    }
    const char *gt = memchr(s, '>', (size_t)(end - s));
    if (!gt) break;
    const char *close = find_close(gt + 1, end, tag);
    if (tag[1] == 'c' && ar && is_jsonld(s, gt))
      keep_jsonld(ar, gt + 1, (size_t)(close - gt - 1), jsonld, njsonld);
    if (close >= end) break;
    const char *cgt = memchr(close, '>', (size_t)(end - close));
    s = cgt ? cgt + 1 : end;
  }
  out[j] = 0;
  return j;
}

const char *cb_html_sniff_charset(const char *buf, size_t n, cb_arena *ar) {
  size_t lim = n < 32768 ? n : 32768;
  for (size_t i = 0; i + 8 < lim; i++) {
    if ((buf[i] | 0x20) != 'c' || strncasecmp(buf + i, "charset", 7) != 0) continue;
    size_t k = i + 7;
    while (k < lim && is_space((unsigned char)buf[k])) k++;
    if (k >= lim || buf[k] != '=') continue;
    k++;
    while (k < lim && (is_space((unsigned char)buf[k]) || buf[k] == '"' || buf[k] == '\'')) k++;
    size_t st = k;
    while (k < lim && k - st < 40 && (isalnum((unsigned char)buf[k]) || buf[k] == '-' || buf[k] == '_' ||
                                      buf[k] == ':' || buf[k] == '.'))
      k++;
    if (k == st) continue;
    char *c = cb_arena_strndup(ar, buf + st, k - st);
    if (!c) return NULL;
    for (char *p = c; *p; p++) *p = (char)tolower((unsigned char)*p);
    return c;
  }
  return NULL;
}
