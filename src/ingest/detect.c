/*
 * detect.c - format detection by content (the file name is only a tie-breaker): WARC by
 * its version line, HTML by its tags, JSON Lines by a first line that is a JSON object,
 * everything else is plain text.
 */
#include "ingest/reader.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *skip_space(const char *p, const char *end) {
  if (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) p += 3;
  while (p < end && isspace((unsigned char)*p)) p++;
  return p;
}

static int has_prefix_ci(const char *p, const char *end, const char *pre) {
  size_t n = strlen(pre);
  return (size_t)(end - p) >= n && strncasecmp(p, pre, n) == 0;
}

/* Looks for an HTML tag among the first bytes: <html, <!doctype html, <head, <body, <p>, <div... */
static int looks_html(const char *p, const char *end) {
  if (has_prefix_ci(p, end, "<!doctype html") || has_prefix_ci(p, end, "<html") ||
      has_prefix_ci(p, end, "<?xml") || has_prefix_ci(p, end, "<!--"))
    return 1;
  static const char *tags[] = {"<html", "<head", "<body", "<article", "<div", "<p>", "<meta ", "<title>", NULL};
  const char *lim = end - p > 4096 ? p + 4096 : end;
  if (p < lim && *p != '<') return 0;
  for (const char *q = p; q < lim; q++) {
    if (*q != '<') continue;
    for (int i = 0; tags[i]; i++) if (has_prefix_ci(q, end, tags[i])) return 1;
  }
  return 0;
}

cb_format cb_detect_format(const char *name, const char *buf, size_t n) {
  const char *end = buf + n, *p = skip_space(buf, end);
  if (has_prefix_ci(p, end, "WARC/")) return CB_FORMAT_WARC;
  if (looks_html(p, end)) return CB_FORMAT_HTML;
  if (p < end && *p == '{') {
    /* JSON Lines: the first non-blank line is an object ending on that line. */
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    while (le > p && isspace((unsigned char)le[-1])) le--;
    if (le > p && le[-1] == '}') return CB_FORMAT_JSONL;
    size_t len = strlen(name);
    if (len > 6 && (strcmp(name + len - 6, ".jsonl") == 0 || strcmp(name + len - 7, ".ndjson") == 0))
      return CB_FORMAT_JSONL;
  }
  return CB_FORMAT_TEXT;
}
