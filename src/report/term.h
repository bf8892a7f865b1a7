/*
 * term.h - helpers the human-readable renderers share: a reader's label for an article
 * (outlet, else file name), text cleaned of control and escape characters, and a word
 * wrapper that keeps every line within a column width (display width, not bytes).
 */
#ifndef CB_REPORT_TERM_H
#define CB_REPORT_TERM_H
#include "corroborate/brief.h"
#include "core/buf.h"

/* The article's short label: its outlet, else the base name of its file (never NULL). */
const char *cb_report_label(const cb_brief *b, int article);
/* Base name of a path ("a/b/c.txt" -> "c.txt"); "" for NULL. */
const char *cb_report_basename(const char *path);
/* Number of independent sources among the story's articles (duplicates count once). */
size_t cb_report_independent(const cb_brief *b, const cb_story_brief *s);

/* Appends s with control characters (C0, DEL, C1, ESC sequences) dropped, newlines and tabs
 * turned into spaces and invalid UTF-8 replaced by U+FFFD. NULL appends nothing. */
void cb_term_clean(cb_buf *o, const char *s);
/* Display columns of valid UTF-8 text (wide characters 2, combining marks 0). */
int cb_term_columns(const char *s, size_t n);

typedef struct cb_term { cb_buf *o; int color, width; } cb_term;

/* ANSI styles, empty when colour is off. */
const char *cb_term_style(const cb_term *t, const char *code);
/* Writes one paragraph: indent spaces, lead (in lead_style), then text wrapped so no line
 * passes t->width; continuation lines hang under the text. Ends with a newline. */
void cb_term_para(cb_term *t, int indent, const char *lead, const char *lead_style, const char *text);
#endif
