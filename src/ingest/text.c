/*
 * text.c - the plain-text reader. Reads the furniture at the top of a pasted article
 * (date lines, a title line, the metadata lines of text_meta.h: bylines, "Outlet — date",
 * "Outlet | Section | date", an outlet line under the title; a caption glued to the date),
 * labelled date lines anywhere ("Published: ..."), the dateline opening the story
 * ("CARACAS-", "LONDON, March 3 (Reuters) -"), the credit line closing it ("(FRANCE 24
 * with AFP)"), and an outlet that names itself ("The Daily Express U.S. reached out to ...
 * for comment"). Soft-wrapped lines are joined into paragraphs.
 */
#include "ingest/reader.h"
#include "ingest/cleanup.h"
#include "ingest/pubdate.h"
#include "ingest/text_meta.h"
#include "text/dateline.h"
#include "core/article.h"
#include "core/buf.h"
#include "text/utf8.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef struct line { const char *s; size_t n; } line;

static line trim(const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  return (line){s, n};
}

static int ends_sentence(line l) {
  if (!l.n) return 1;
  char c = l.s[l.n - 1];
  if (strchr(".!?:;\"')]", c)) return 1;
  return l.n >= 3 && (unsigned char)l.s[l.n - 3] == 0xE2 && (unsigned char)l.s[l.n - 2] == 0x80 &&
         ((unsigned char)l.s[l.n - 1] == 0x9D || (unsigned char)l.s[l.n - 1] == 0x99 || (unsigned char)l.s[l.n - 1] == 0xA6);
}

static size_t count_words(line l) {
  size_t w = 0;
  for (size_t i = 0; i < l.n; i++) if (!isspace((unsigned char)l.s[i]) && (i == 0 || isspace((unsigned char)l.s[i - 1]))) w++;
  return w;
}

/* "date 2025-12-04 Venezuelan President ..." -> the date, what its label says, and the rest
 * of the line. */
static cb_date_label date_prefix(line l, cb_date *d, line *rest) {
  static const struct { const char *text; cb_date_label kind; } labels[] = {
    {"date", CB_DATE_PLAIN}, {"dated", CB_DATE_PLAIN}, {"published:", CB_DATE_PUBLISHED},
    {"published", CB_DATE_PUBLISHED}, {"updated:", CB_DATE_UPDATED}, {"posted:", CB_DATE_PUBLISHED},
    {NULL, CB_DATE_NONE}};
  for (int i = 0; labels[i].text; i++) {
    size_t k = strlen(labels[i].text);
    if (l.n > k + 1 && strncasecmp(l.s, labels[i].text, k) == 0 && l.s[k] == ' ') {
      size_t j = k;
      while (j < l.n && l.s[j] == ' ') j++;
      size_t m = cb_date_parse(l.s + j, l.n - j, d);
      if (m && d->year && d->day) {
        *rest = trim(l.s + j + m, l.n - j - m);
        return labels[i].kind;
      }
    }
  }
  return CB_DATE_NONE;
}

/* Splits text into logical lines: blank lines separate blocks; inside a block a line that
 * does not end a sentence and is followed by a lower-case start is joined to the next. */
static size_t split_lines(cb_arena *ar, const char *t, size_t n, line **out) {
  size_t cap = 1;
  for (size_t i = 0; i < n; i++) cap += t[i] == '\n';
  line *v = cb_arena_alloc(ar, cap * sizeof *v);
  if (!v) return (size_t)-1;
  size_t k = 0;
  cb_buf join;
  cb_buf_init(&join);
  for (const char *p = t, *end = t + n; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    line l = trim(p, (size_t)(le - p));
    p = le + 1;
    if (!l.n) { v[k++] = l; continue; }
    /* soft wrap: previous line in the same block, not ending a sentence, this starts lower-case */
    cb_date d;
    line rest;
    if (k && v[k - 1].n && !ends_sentence(v[k - 1]) && islower((unsigned char)l.s[0]) &&
        !cb_date_line(l.s, l.n, &d) && !date_prefix(l, &d, &rest)) {   /* "date 2026-08-06" is not a wrap */
      char *m = cb_arena_printf(ar, "%.*s %.*s", (int)v[k - 1].n, v[k - 1].s, (int)l.n, l.s);
      if (!m) { cb_buf_free(&join); return (size_t)-1; }
      v[k - 1] = (line){m, strlen(m)};
      continue;
    }
    v[k++] = l;
  }
  cb_buf_free(&join);
  *out = v;
  return k;
}

/* A title: one short line, no closing full stop, at least three words. A title with
 * " | " sections keeps its first part ("Headline | US | News"). */
static int title_line(cb_article *a, line l, int more_text_follows) {
  if (!more_text_follows || l.n < 10 || l.n > 300 || ends_sentence(l) || count_words(l) < 3) {
    /* a title may end in a closing quote or '?' */
    if (!(more_text_follows && l.n >= 10 && l.n <= 300 && count_words(l) >= 3 &&
          (l.s[l.n - 1] == '?' || (l.n >= 3 && (unsigned char)l.s[l.n - 1] == 0x99) || l.s[l.n - 1] == '\'')))
      return 0;
  }
  line t = l;
  const char *bar = NULL;
  for (size_t i = 0; i + 2 < l.n; i++) if (l.s[i] == ' ' && l.s[i + 1] == '|' && l.s[i + 2] == ' ') { bar = l.s + i; break; }
  if (bar) {
    t = trim(l.s, (size_t)(bar - l.s));
    cb_article_drop(a, CB_DROP_METADATA, bar + 3, (size_t)(l.s + l.n - bar - 3), "section labels after the title");
  }
  a->title = cb_arena_strndup(a->arena, t.s, t.n);
  return a->title != NULL;
}

/* "The Daily Express U.S. reached out to ... for comment": the outlet names itself. */
static void self_named_outlet(cb_article *a) {
  static const char *const verbs[] = {" reached out to ", " has reached out to ", " contacted ", " has contacted ",
                                      " has asked ", " asked ", " has approached ", " approached ", NULL};
  const char *b = a->body, *end = a->body + a->body_len;
  for (int v = 0; verbs[v] && !a->outlet; v++) {
    size_t vl = strlen(verbs[v]);
    for (const char *p = b; p && p < end; ) {
      const char *hit = memmem(p, (size_t)(end - p), verbs[v], vl);
      if (!hit) break;
      const char *stop = memchr(hit, '.', (size_t)(end - hit));
      while (stop && stop + 1 < end && stop[1] != ' ' && stop[1] != '\n') stop = memchr(stop + 1, '.', (size_t)(end - stop - 1));
      int for_comment = stop && memmem(hit, (size_t)(stop - hit), "for comment", 11);
      /* subject: from the sentence start to the verb, capitalised words only */
      const char *s = hit;
      while (s > b && s[-1] != '\n' && !(s - b >= 2 && s[-1] == ' ' && (s[-2] == '.' || s[-2] == '"')) ) s--;
      line subj = trim(s, (size_t)(hit - s));
      int caps = subj.n > 2 && subj.n < 60;
      for (size_t i = 0; caps && i < subj.n; i++)
        if ((i == 0 || subj.s[i - 1] == ' ') && !isupper((unsigned char)subj.s[i])) caps = 0;
      if (for_comment && caps) {
        if (subj.n > 4 && strncmp(subj.s, "The ", 4) == 0 && subj.n > 8) subj = trim(subj.s + 4, subj.n - 4);
        a->outlet = cb_arena_strndup(a->arena, subj.s, subj.n);
        a->published_why = a->published_why;
        break;
      }
      p = hit + vl;
    }
  }
}

/* Credit lines at the end ("(FRANCE 24 with AFP)"): read and dropped; returns the end of
 * the text before them. */
static size_t read_credits(cb_article *a, line *ls, size_t nl) {
  size_t last = nl;
  while (last > 0) {
    cb_slice outlet;
    line l = ls[last - 1];
    if (!l.n) { last--; continue; }
    if (!cb_is_credit_line(l.s, l.n, &outlet)) break;
    line c = trim(l.s + 1, l.n - 2);
    a->credit = cb_arena_strndup(a->arena, c.s, c.n);
    if (outlet.len && !a->outlet) a->outlet = cb_arena_strndup(a->arena, outlet.ptr, outlet.len);
    cb_article_drop(a, CB_DROP_CREDIT, l.s, l.n, "credit line");
    last--;
  }
  return last;
}

/* One header line that is metadata (a date, a byline, an outlet line, a masthead word):
 * read and dropped. A date glued to text leaves the text in *l. Returns 1 if so. */
static int header_meta(cb_text_meta *m, line *l) {
  cb_date d;
  line rest;
  const char *why = NULL;
  cb_date_label k = cb_date_line_label(l->s, l->n, &d);
  if (k) {
    cb_meta_date(m, &d, k, l->s, l->n);
    why = "publication date line";
  } else if (cb_meta_line(m, l->s, l->n)) {
    why = "outlet, byline or date line";
  } else if ((k = date_prefix(*l, &d, &rest))) {
    size_t dn = (size_t)(rest.s - l->s);
    cb_meta_date(m, &d, k, l->s, dn);
    cb_article_drop(m->a, CB_DROP_METADATA, l->s, dn, "publication date glued to the next text");
    *l = rest;
    return 1;
  } else {
    why = cb_meta_masthead_day(l->s, l->n) ? "masthead word, not a date"
        : cb_meta_outlet_alone(m, l->s, l->n) ? "outlet line" : NULL;
  }
  if (why) {
    cb_article_drop(m->a, CB_DROP_METADATA, l->s, l->n, why);
    *l = (line){l->s + l->n, 0};
  }
  return why != NULL;
}

/* The header: dates, bylines, outlet lines, a caption, the title, junk. Returns the index
 * of the first line of the body. */
static size_t read_header(cb_text_meta *m, line *ls, size_t last) {
  cb_article *a = m->a;
  size_t i = 0;
  cb_junk_state st = {0};
  for (; i < last; i++) {
    line l = ls[i];
    if (!l.n) continue;
    const char *why;
    size_t nonempty_after = 0;
    for (size_t j = i + 1; j < last && !nonempty_after; j++) nonempty_after = ls[j].n > 0;
    if (header_meta(m, &ls[i])) {
      if (ls[i].n) i--;   /* look at what follows a glued date again */
      continue;
    }
    if (cb_is_caption_with_credit(l.s, l.n) && l.n < 400) {
      cb_article_add_caption(a, l.s, l.n);
      cb_article_drop(a, CB_DROP_CAPTION, l.s, l.n, "photo caption with a credit");
      continue;
    }
    int r = cb_junk_line(&st, l.s, l.n, &why);
    if (r) { cb_article_drop(a, (cb_drop_reason)r, l.s, l.n, why); continue; }
    if (!a->title && title_line(a, l, nonempty_after)) {
      cb_article_drop(a, CB_DROP_METADATA, l.s, l.n, "title line");
      m->titled = 1;
      continue;
    }
    break;
  }
  return i;
}

/* A labelled date line inside the body ("Published: 4 March 2027", "Updated 10:31 AM,
 * ..."): the stated date, dropped from the text. Returns 1 if so. */
static int body_date_line(cb_text_meta *m, line l) {
  cb_date d;
  cb_date_label k = cb_date_line_label(l.s, l.n, &d);
  if (k != CB_DATE_PUBLISHED && k != CB_DATE_UPDATED) return 0;
  cb_meta_date(m, &d, k, l.s, l.n);
  cb_article_drop(m->a, CB_DROP_METADATA, l.s, l.n, "publication date line");
  return 1;
}

/* The dateline of line l, dl bytes with the place first: kept and dropped; an agency in
 * it ("LONDON (Reuters) -") is the outlet when none is known. */
static void take_dateline(cb_article *a, line l, size_t dl, cb_slice place) {
  a->dateline = cb_arena_strndup(a->arena, place.ptr, place.len);
  cb_article_drop(a, CB_DROP_DATELINE, l.s, dl, "dateline (place the story was filed from)");
  const char *open = memchr(l.s + place.len, '(', dl - place.len);
  const char *close = open ? memchr(open, ')', (size_t)(l.s + dl - open)) : NULL;
  if (close && close > open + 1 && !a->outlet)
    a->outlet = cb_arena_strndup(a->arena, open + 1, (size_t)(close - open - 1));
}

/* The body: paragraphs, labelled date lines taken out, a dateline stripped from the first
 * ones. */
static int read_body(cb_text_meta *m, line *ls, size_t i, size_t last) {
  cb_article *a = m->a;
  cb_buf b;
  cb_buf_init(&b);
  int paras = 0;
  for (; i < last; i++) {
    line l = ls[i];
    if (!l.n || body_date_line(m, l)) continue;
    cb_slice place;
    size_t dl = paras < 3 && !a->dateline ? cb_dateline_len(l.s, l.n, &place) : 0;
    if (dl) {
      take_dateline(a, l, dl, place);
      l.s += dl; l.n -= dl;
    }
    if (b.len) cb_buf_append(&b, "\n", 1);
    cb_buf_append(&b, l.s, l.n);
    paras++;
  }
  if (b.oom) { cb_buf_free(&b); return CB_ENOMEM; }
  a->body = cb_arena_strndup(a->arena, b.ptr ? b.ptr : "", b.len);
  a->body_len = b.len;
  cb_buf_free(&b);
  return a->body ? CB_OK : CB_ENOMEM;
}

int cb_read_text(cb_article *a, const char *buf, size_t n, cb_error *e) {
  size_t bad;
  if (!cb_utf8_valid(buf, n, &bad)) {
    cb_error_set(e, CB_EUTF8, a->source, 0, "invalid UTF-8 at byte %zu", bad);
    return CB_EUTF8;
  }
  size_t tn;
  char *t = cb_text_normalize(a->arena, buf, n, &tn);
  line *ls;
  size_t nl = t ? split_lines(a->arena, t, tn, &ls) : (size_t)-1;
  if (nl == (size_t)-1) return CB_ENOMEM;
  cb_text_meta m = {.a = a};
  size_t last = read_credits(a, ls, nl);
  size_t body = read_header(&m, ls, last);
  int rc = read_body(&m, ls, body, last);
  if (rc) return rc;
  if (!a->outlet) self_named_outlet(a);
  return CB_OK;
}
