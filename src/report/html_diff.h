/*
 * html_diff.h - word-level difference between two wordings of a quote, for the side-by-side
 * view of the HTML brief: the words of one text that are not in the longest common
 * subsequence with the other are marked.
 */
#ifndef CB_REPORT_HTML_DIFF_H
#define CB_REPORT_HTML_DIFF_H
#include "core/buf.h"

/* Appends text, HTML-escaped, with the words missing from other wrapped in
 * <mark class="diff">. Texts too long for the table (over CB_DIFF_MAX words) are shown
 * unmarked. */
#define CB_DIFF_MAX 600
void cb_html_diff(cb_buf *o, const char *text, const char *other);
#endif
