/*
 * html_body.h - an article's clean body for the HTML brief, with the sentences that findings
 * and facts cite wrapped in anchors (id "s<article id>-<sentence start>") and the cited
 * words marked, so that every claim can link to its sentence.
 */
#ifndef CB_REPORT_HTML_BODY_H
#define CB_REPORT_HTML_BODY_H
#include "corroborate/brief.h"
#include "core/buf.h"

/* Appends the anchor id of the sentence starting at sent_start in the article. */
void cb_html_sentence_id(cb_buf *o, const cb_brief *b, int article, size_t sent_start);
/* Appends the body of the article (index) of story s, escaped, with anchors and marks. */
void cb_html_body(cb_buf *o, const cb_brief *b, const cb_story_brief *s, int article);
#endif
