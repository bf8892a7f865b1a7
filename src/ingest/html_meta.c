/*
 * html_meta.c - an HTML page's metadata: title (JSON-LD headline, og:title, <h1>, <title>
 * minus a site suffix), publication date (JSON-LD datePublished, article:published_time and
 * other common meta names, <time datetime>), author, outlet (og:site_name, JSON-LD
 * publisher) and URL (canonical link, og:url). JSON-LD is read with cJSON; the first
 * Article-like object (also inside arrays and @graph) wins.
 */
#include "ingest/html.h"
#include "ingest/pubdate.h"
#include "text/utf8.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct found {
  const char *headline, *date, *author, *publisher, *url, *body;
} found;

/* ---- small string helpers -------------------------------------------------------------- */

/* Trimmed, whitespace-collapsed, NFC copy in the article arena; NULL if empty or invalid. */
static const char *clean(cb_article *a, const char *s, size_t max) {
  if (!s) return NULL;
  size_t n = strlen(s), bad;
  if (n > max) n = max;
  if (!cb_utf8_valid(s, n, &bad)) n = bad;
  char tmp[1024];
  if (n >= sizeof tmp) n = sizeof tmp - 1;
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (sp && (j == 0 || tmp[j - 1] == ' ')) continue;
    tmp[j++] = sp ? ' ' : c;
  }
  while (j && tmp[j - 1] == ' ') j--;
  if (!cb_utf8_valid(tmp, j, &bad)) j = bad;
  if (j == 0) return NULL;
  size_t len;
  return cb_html_normalize(a->arena, tmp, j, &len);
}

/* Case-insensitive (ASCII) substring test. */
static int contains_ci(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (!n) return 0;
  for (; *hay; hay++)
    if (strncasecmp(hay, needle, n) == 0) return 1;
  return 0;
}

static const char *meta_get(cb_hdoc *d, const char *key) {
  for (size_t i = 0; i < d->nmeta; i++)
    if (strcmp(d->meta[i].key, key) == 0 && d->meta[i].value[0]) return d->meta[i].value;
  return NULL;
}

/* ---- JSON-LD ----------------------------------------------------------------------------- */

static int is_article_type(const cJSON *t) {
  if (cJSON_IsArray(t)) {
    const cJSON *x;
    cJSON_ArrayForEach(x, t) if (is_article_type(x)) return 1;
    return 0;
  }
  if (!cJSON_IsString(t)) return 0;
  const char *s = t->valuestring;
  size_t n = strlen(s);
  return (n >= 7 && strcmp(s + n - 7, "Article") == 0) || strcmp(s, "BlogPosting") == 0 ||
         strcmp(s, "LiveBlogPosting") == 0 || strcmp(s, "Report") == 0;
}

static const char *str_of(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

/* A name from a string, an object with "name", or the first of an array of those. */
static const char *name_of(const cJSON *v, char *buf, size_t cap) {
  if (cJSON_IsString(v)) return v->valuestring;
  if (cJSON_IsObject(v)) return str_of(v, "name");
  if (!cJSON_IsArray(v)) return NULL;
  size_t len = 0;
  const cJSON *x;
  buf[0] = 0;
  cJSON_ArrayForEach(x, v) {
    const char *nm = cJSON_IsString(x) ? x->valuestring : cJSON_IsObject(x) ? str_of(x, "name") : NULL;
    if (!nm || !*nm) continue;
    int w = snprintf(buf + len, cap - len, "%s%s", len ? ", " : "", nm);
    if (w < 0 || (size_t)w >= cap - len) break;
    len += (size_t)w;
  }
  return len ? buf : NULL;
}

static void take_article(cb_arena *ar, const cJSON *o, found *f) {
  char names[512];
  const char *v;
  if (!f->headline && (v = str_of(o, "headline"))) f->headline = cb_arena_strdup(ar, v);
  if (!f->date && (v = str_of(o, "datePublished"))) f->date = cb_arena_strdup(ar, v);
  if (!f->date && (v = str_of(o, "dateCreated"))) f->date = cb_arena_strdup(ar, v);
  if (!f->author && (v = name_of(cJSON_GetObjectItemCaseSensitive(o, "author"), names, sizeof names)))
    f->author = cb_arena_strdup(ar, v);
  if (!f->publisher && (v = name_of(cJSON_GetObjectItemCaseSensitive(o, "publisher"), names, sizeof names)))
    f->publisher = cb_arena_strdup(ar, v);
  if (!f->url && (v = str_of(o, "url"))) f->url = cb_arena_strdup(ar, v);
  if (!f->body && (v = str_of(o, "articleBody"))) f->body = cb_arena_strdup(ar, v);
}

static void walk_jsonld(cb_arena *ar, const cJSON *v, found *f, int depth) {
  if (!v || depth > 6) return;
  if (cJSON_IsArray(v)) {
    const cJSON *x;
    cJSON_ArrayForEach(x, v) walk_jsonld(ar, x, f, depth + 1);
    return;
  }
  if (!cJSON_IsObject(v)) return;
  if (is_article_type(cJSON_GetObjectItemCaseSensitive(v, "@type"))) take_article(ar, v, f);
  walk_jsonld(ar, cJSON_GetObjectItemCaseSensitive(v, "@graph"), f, depth + 1);
  if (!f->publisher) {
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(v, "@type");
    if (cJSON_IsString(t) && (strcmp(t->valuestring, "NewsMediaOrganization") == 0))
      f->publisher = str_of(v, "name") ? cb_arena_strdup(ar, str_of(v, "name")) : NULL;
  }
}

static void read_jsonld(cb_hdoc *d, found *f) {
  for (size_t i = 0; i < d->njsonld; i++) {
    cJSON *j = cJSON_ParseWithLength(d->jsonld[i], strlen(d->jsonld[i]));
    if (!j) continue;
    walk_jsonld(d->arena, j, f, 0);
    cJSON_Delete(j);
  }
}

/* ---- title ------------------------------------------------------------------------------- */

static const char *first_h1(cb_hdoc *d) {
  for (uint32_t i = 1; i < d->nnodes; i++) {
    if (d->nodes[i].tag != HT_H1 || d->nodes[i].hidden) continue;
    const char *t = cb_html_node_text(d, i, d->arena, 600);
    if (t && strlen(t) >= 8) return t;
  }
  return NULL;
}

static size_t words_in(const char *s) {
  size_t w = 0;
  for (int in = 0; *s; s++) {
    int sp = *s == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* "Headline | Site", "Headline - Site", "Headline — Site": the headline, when the tail
 * names the outlet, or is short and set off by a bar, or (in a <title>, which nearly
 * always carries the site) is at most three words. */
static const char *strip_site(cb_arena *ar, const char *t, const char *outlet, int is_title_tag) {
  static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", NULL};
  const char *best = NULL;
  for (int i = 0; seps[i]; i++) {
    const char *p = t, *last = NULL;
    while ((p = strstr(p, seps[i]))) { last = p; p++; }
    if (!last || last - t < 10) continue;
    const char *tail = last + strlen(seps[i]);
    int names_outlet = outlet && contains_ci(tail, outlet);
    int short_tail = (i == 0 && words_in(tail) <= 4) || (is_title_tag && words_in(tail) <= 3);
    if ((names_outlet || short_tail) && (!best || last < best)) best = last;
  }
  return best ? cb_arena_strndup(ar, t, (size_t)(best - t)) : t;
}

static const char *choose_title(cb_hdoc *d, const found *f, const char *outlet) {
  if (f->headline) return strip_site(d->arena, f->headline, outlet, 0);
  const char *og = meta_get(d, "og:title");
  if (!og) og = meta_get(d, "twitter:title");
  if (og) return strip_site(d->arena, og, outlet, 0);
  const char *h1 = first_h1(d);
  if (h1) return h1;
  return d->title_tag ? strip_site(d->arena, d->title_tag, outlet, 1) : NULL;
}

/* ---- date and author --------------------------------------------------------------------- */

static int set_date(cb_article *a, const char *s, const char *why) {
  if (!s) return 0;
  while (*s == ' ') s++;
  cb_date dt;
  memset(&dt, 0, sizeof dt);
  if (!cb_date_parse(s, strlen(s), &dt) || !dt.year || !dt.month) return 0;
  cb_date_format(&dt, a->published, sizeof a->published);
  a->published_inferred = 0;
  a->published_why = why;
  return 1;
}

static void choose_date(cb_hdoc *d, cb_article *a, const found *f) {
  static const char *const keys[] = {
    "article:published_time", "og:article:published_time", "datepublished", "article:published",
    "article.published",
    "publish-date", "publishdate", "pubdate", "publication_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date", "og:published_time",
    "article:modified_time", NULL};
  if (set_date(a, f->date, "JSON-LD datePublished")) return;
  for (int i = 0; keys[i]; i++)
    if (set_date(a, meta_get(d, keys[i]), keys[i])) return;
  set_date(a, d->time_datetime, "<time datetime>");
}

static const char *strip_by(const char *s) {
  if (s && strncasecmp(s, "by ", 3) == 0) s += 3;
  return s;
}

static const char *choose_author(cb_hdoc *d, const found *f) {
  static const char *const keys[] = {"author", "article:author", "byl", "parsely-author",
                                     "sailthru.author", "dc.creator", "twitter:creator", NULL};
  if (f->author) return f->author;
  for (int i = 0; keys[i]; i++) {
    const char *v = meta_get(d, keys[i]);
    if (v && !strstr(v, "://") && v[0] != '@') return strip_by(v);
  }
  if (d->author_node) {
    const char *t = cb_html_node_text(d, d->author_node, d->arena, 200);
    if (t && *t && strlen(t) < 120) return strip_by(t);
  }
  return NULL;
}

/* A full date (with year) at a word start in s, or 0. */
static int date_in(const char *s, cb_date *dt) {
  for (const char *p = s; *p; p++) {
    if (p != s && p[-1] != ' ') continue;
    memset(dt, 0, sizeof *dt);
    if (cb_date_parse(p, strlen(p), dt) && dt->year >= 1990 && dt->month && dt->day) return 1;
  }
  return 0;
}

int cb_html_date_from_drops(cb_article *a) {
  static const char *const cues[] = {"Published", "Posted", "Updated", NULL};
  if (a->published[0]) return 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < a->ndropped && i < 24; i++) {
      const cb_dropped *x = &a->dropped[i];
      if (x->reason != CB_DROP_METADATA && x->reason != CB_DROP_NAVIGATION) continue;
      int cued = 0;
      for (int c = 0; cues[c]; c++) cued |= strstr(x->text, cues[c]) != NULL;
      cb_date dt;
      if ((pass == 0 ? cued : x->reason == CB_DROP_METADATA) && date_in(x->text, &dt)) {
        cb_date_format(&dt, a->published, sizeof a->published);
        a->published_why = "a date line in the page's header";
        return 1;
      }
    }
  return 0;
}

int cb_html_meta(cb_hdoc *d, cb_article *a, const char **article_body) {
  found f;
  memset(&f, 0, sizeof f);
  read_jsonld(d, &f);
  const char *outlet = meta_get(d, "og:site_name");
  if (!outlet) outlet = f.publisher;
  if (!outlet) outlet = meta_get(d, "application-name");
  a->outlet = clean(a, outlet, 300);
  a->title = clean(a, choose_title(d, &f, a->outlet), 1000);
  a->author = clean(a, choose_author(d, &f), 500);
  const char *url = meta_get(d, "canonical");
  if (!url) url = meta_get(d, "og:url");
  if (!url) url = f.url;
  a->url = clean(a, url, 1000);
  choose_date(d, a, &f);
  *article_body = f.body;
  return d->oom ? CB_ENOMEM : CB_OK;
}
