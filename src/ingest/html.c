/*
 * html.c - the HTML reader's entry points (see html.h): picks the charset, runs the
 * pre-pass, the parser, the metadata, the content choice and the emitter, and turns
 * "nothing readable" into a clear error.
 */
#include "ingest/html.h"
#include "ingest/reader.h"
#include "text/utf8.h"
#include <libxml/encoding.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* cb_utf8_valid, skipping ASCII eight bytes at a time (pages are mostly ASCII). */
static int valid_utf8(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint64_t w;
    if (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ull))) { i += 8; continue; }
    if ((unsigned char)s[i] < 0x80) { i++; continue; }
    int32_t cp;
    int k = cb_utf8_decode(s + i, n - i, &cp);
    if (cp == 0xFFFD && k == 1) return 0;
    i += (size_t)k;
  }
  return 1;
}

/* A charset libxml2 can decode, chosen from what was given or declared and the bytes. */
static const char *pick_charset(const char *given, const char *buf, size_t n, cb_arena *ar) {
  const char *enc = given && *given ? given : cb_html_sniff_charset(buf, n, ar);
  if (enc && strncasecmp(enc, "utf-16", 6) != 0 && strncasecmp(enc, "utf-32", 6) != 0) {
    if (strcasecmp(enc, "utf8") == 0 || strcasecmp(enc, "utf-8") == 0) return "UTF-8";
    if (strcasecmp(enc, "iso-8859-1") == 0 || strcasecmp(enc, "latin1") == 0 ||
        strcasecmp(enc, "us-ascii") == 0 || strcasecmp(enc, "ascii") == 0)
      enc = "windows-1252";   /* what browsers do with these labels */
    xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(enc);
    if (h) { xmlCharEncCloseFunc(h); return enc; }
  }
  return valid_utf8(buf, n) ? "UTF-8" : "windows-1252";
}

/* JSON-LD bodies come from the raw bytes: on a page that is not UTF-8 they are read as
 * Windows-1252 (on a UTF-8 page, stray bad bytes are cut where the strings are used). */
static void jsonld_to_utf8(cb_hdoc *doc, const char *enc) {
  if (strcmp(enc, "UTF-8") == 0) return;
  for (size_t i = 0; i < doc->njsonld; i++) {
    size_t n = strlen(doc->jsonld[i]), bad, len;
    if (cb_utf8_valid(doc->jsonld[i], n, &bad)) continue;
    const char *u = cb_cp1252_to_utf8(doc->arena, doc->jsonld[i], n, &len);
    doc->jsonld[i] = u ? u : "";
  }
}

/* The JSON-LD articleBody as the body, when the page's own markup gave no text. */
static int body_from_jsonld(cb_article *a, const char *text) {
  size_t n = strlen(text), bad, len;
  if (!cb_utf8_valid(text, n, &bad)) n = bad;
  char *t = cb_html_normalize(a->arena, text, n, &len);
  if (!t) return CB_ENOMEM;
  while (len && (t[len - 1] == ' ' || t[len - 1] == '\n')) t[--len] = 0;
  a->body = t;
  a->body_len = len;
  return CB_OK;
}

static int read_doc(cb_hdoc *doc, cb_article *a, const char *buf, size_t n, const char *charset) {
  const char *enc = pick_charset(charset, buf, n, doc->arena);
  if (n > ((size_t)-1 - 16) / 3) return CB_ETOOBIG;
  char *clean = malloc(CB_HTML_STRIP_ROOM(n));
  if (!clean) return CB_ENOMEM;
  size_t m = cb_html_strip(buf, n, clean, doc->arena, &doc->jsonld, &doc->njsonld);
  jsonld_to_utf8(doc, enc);
  int rc = cb_html_build(doc, clean, m, enc);
  free(clean);
  const char *article_body = NULL;
  if (!rc) rc = cb_html_meta(doc, a, &article_body);
  if (!rc && cb_html_choose(doc, article_body) < 0) rc = CB_ENOMEM;
  if (!rc) rc = cb_html_emit(doc, a);
  if (!rc) cb_html_date_from_drops(a);
  if (!rc && a->body_len < 100 && article_body && strlen(article_body) > a->body_len * 2)
    rc = body_from_jsonld(a, article_body);
  return rc;
}

int cb_read_html_charset(cb_article *a, const char *buf, size_t n, const char *charset, cb_error *e) {
  cb_hdoc doc;
  memset(&doc, 0, sizeof doc);
  doc.arena = cb_arena_new(0);
  if (!doc.arena) { cb_error_set(e, CB_ENOMEM, a->source, 0, "out of memory"); return CB_ENOMEM; }
  int rc = n ? read_doc(&doc, a, buf, n, charset) : CB_EEMPTY;
  cb_html_doc_free(&doc);
  cb_arena_free(doc.arena);
  if (rc == CB_ENOMEM) { cb_error_set(e, rc, a->source, 0, "out of memory reading the HTML"); return rc; }
  if (rc) { cb_error_set(e, rc, a->source, 0, "cannot read the HTML"); return rc; }
  if (!a->body || a->body_len == 0) {
    cb_error_set(e, CB_EEMPTY, a->source, 0, "no article text found in the HTML page");
    return CB_EEMPTY;
  }
  a->format = CB_FORMAT_HTML;
  return CB_OK;
}

int cb_read_html(cb_article *a, const char *buf, size_t n, cb_error *e) {
  return cb_read_html_charset(a, buf, n, NULL, e);
}
