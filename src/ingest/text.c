/*
 * text.c - the plain-text reader. Reads the furniture at the top of a pasted article
 * (date lines, a title line, bylines, "Outlet | Section | date" lines, a caption glued to
 * the date), the dateline opening the story ("CARACAS-"), the credit line closing it
 * ("(FRANCE 24 with AFP)"), and an outlet that names itself ("The Daily Express U.S.
 * reached out to ... for comment"). Soft-wrapped lines are joined into paragraphs.
 */
#include "ingest/reader.h"
#include "ingest/cleanup.h"
#include "ingest/pubdate.h"
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

/* "date 2025-12-04 Venezuelan President ..." -> the date, and the rest of the line. */
static int date_prefix(line l, cb_date *d, line *rest) {
  static const char *const labels[] = {"date", "dated", "published:", "published", "updated:", "posted:", NULL};
  for (int i = 0; labels[i]; i++) {
    size_t k = strlen(labels[i]);
    if (l.n > k + 1 && strncasecmp(l.s, labels[i], k) == 0 && l.s[k] == ' ') {
      size_t j = k;
      while (j < l.n && l.s[j] == ' ') j++;
      size_t m = cb_date_parse(l.s + j, l.n - j, d);
      if (m && d->year && d->day) {
        *rest = trim(l.s + j + m, l.n - j - m);
        return 1;
      }
    }
  }
  return 0;
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

/* "By Jane Doe, The Kasenda Courier" / "By Jane Doe | Courier" / "By Jane Doe and Ann Lee". */
static int byline(cb_article *a, line l) {
  if (l.n < 5 || l.n > 120 || strncasecmp(l.s, "by ", 3) != 0 || !isupper((unsigned char)l.s[3])) return 0;
  line who = trim(l.s + 3, l.n - 3);
  const char *sep = NULL;
  for (size_t i = 0; i < who.n; i++)
    if (who.s[i] == ',' || who.s[i] == '|' || (i + 5 < who.n && strncmp(who.s + i, " for ", 5) == 0)) { sep = who.s + i; break; }
  if (sep) {
    line outlet = trim(*sep == ' ' ? sep + 5 : sep + 1, (size_t)(who.s + who.n - sep) - (*sep == ' ' ? 5 : 1));
    if (!a->outlet && outlet.n) a->outlet = cb_arena_strndup(a->arena, outlet.s, outlet.n);
    who.n = (size_t)(sep - who.s);
    who = trim(who.s, who.n);
  }
  a->author = cb_arena_strndup(a->arena, who.s, who.n);
  return 1;
}

/* "Kasenda Courier | World | 12 Aug 2026": segments split by '|', one of them a date. */
static int outlet_line(cb_article *a, line l) {
  if (l.n > 160 || !memchr(l.s, '|', l.n)) return 0;
  cb_date d;
  int dated = 0;
  line first = {0};
  for (const char *p = l.s, *end = l.s + l.n; p <= end;) {
    const char *bar = memchr(p, '|', (size_t)(end - p));
    const char *se = bar ? bar : end;
    line seg = trim(p, (size_t)(se - p));
    if (!first.s) first = seg;
    if (cb_date_line(seg.s, seg.n, &d)) dated = 1;
    p = se + 1;
    if (!bar) break;
  }
  if (!dated || !first.n) return 0;
  cb_date_line(first.s, first.n, &d) ? (void)0 : (void)(a->outlet = a->outlet ? a->outlet : cb_arena_strndup(a->arena, first.s, first.n));
  for (const char *p = l.s, *end = l.s + l.n; p < end;) {
    const char *bar = memchr(p, '|', (size_t)(end - p));
    const char *se = bar ? bar : end;
    line seg = trim(p, (size_t)(se - p));
    if (!a->published[0] && cb_date_line(seg.s, seg.n, &d)) cb_date_format(&d, a->published, sizeof a->published);
    p = se + 1;
  }
  return 1;
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

  /* last non-empty line and credit lines at the end */
  size_t last = nl;
  while (last > 0 && ls[last - 1].n == 0) last--;
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

  /* the header: dates, bylines, outlet lines, a caption, the title, junk */
  size_t i = 0, nonempty_after;
  cb_junk_state st = {0};
  for (; i < last; i++) {
    line l = ls[i];
    if (!l.n) continue;
    cb_date d;
    line rest;
    const char *why;
    nonempty_after = 0;
    for (size_t j = i + 1; j < last && !nonempty_after; j++) nonempty_after = ls[j].n > 0;
    if (cb_date_line(l.s, l.n, &d)) {
      if (!a->published[0]) {
        cb_date_format(&d, a->published, sizeof a->published);
        a->published_why = cb_arena_printf(a->arena, "date line \"%.*s\"", (int)l.n, l.s);
      }
      cb_article_drop(a, CB_DROP_METADATA, l.s, l.n, "publication date line");
      continue;
    }
    if (date_prefix(l, &d, &rest)) {
      if (!a->published[0]) {
        cb_date_format(&d, a->published, sizeof a->published);
        a->published_why = cb_arena_printf(a->arena, "date line \"%.*s\"", (int)(rest.s - l.s), l.s);
      }
      cb_article_drop(a, CB_DROP_METADATA, l.s, (size_t)(rest.s - l.s), "publication date glued to the next text");
      ls[i] = rest;
      if (rest.n) i--;   /* look at what follows the date again */
      continue;
    }
    if (byline(a, l)) { cb_article_drop(a, CB_DROP_METADATA, l.s, l.n, "byline"); continue; }
    if (outlet_line(a, l)) { cb_article_drop(a, CB_DROP_METADATA, l.s, l.n, "outlet and section line"); continue; }
    if (cb_is_caption_with_credit(l.s, l.n) && l.n < 400) {
      cb_article_add_caption(a, l.s, l.n);
      cb_article_drop(a, CB_DROP_CAPTION, l.s, l.n, "photo caption with a credit");
      continue;
    }
    int r = cb_junk_line(&st, l.s, l.n, &why);
    if (r) { cb_article_drop(a, (cb_drop_reason)r, l.s, l.n, why); continue; }
    if (!a->title && title_line(a, l, nonempty_after)) {
      cb_article_drop(a, CB_DROP_METADATA, l.s, l.n, "title line");
      continue;
    }
    break;
  }

  /* the body: paragraphs, a dateline stripped from the first ones */
  cb_buf b;
  cb_buf_init(&b);
  int paras = 0;
  for (; i < last; i++) {
    line l = ls[i];
    if (!l.n) continue;
    cb_slice place;
    size_t dl = paras < 3 && !a->dateline ? cb_dateline_len(l.s, l.n, &place) : 0;
    if (dl) {
      a->dateline = cb_arena_strndup(a->arena, place.ptr, place.len);
      cb_article_drop(a, CB_DROP_DATELINE, l.s, dl, "dateline (place the story was filed from)");
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
  if (!a->body) return CB_ENOMEM;
  if (!a->outlet) self_named_outlet(a);
  return CB_OK;
}
