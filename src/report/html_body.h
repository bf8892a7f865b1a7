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
/* The cited spans of one story's articles, gathered in one pass over its findings and facts
 * (so a story of many articles costs no more than its claims). */
typedef struct cb_html_cites cb_html_cites;
cb_html_cites *cb_html_cites_new(const cb_brief *b);          /* NULL on OOM */
int cb_html_cites_story(cb_html_cites *c, const cb_story_brief *s);   /* -1 on OOM */
void cb_html_cites_free(cb_html_cites *c);
/* Appends the body of the article (index) of the current story, escaped, with anchors and
 * marks (without them if gathering failed). */
void cb_html_body(cb_buf *o, const cb_html_cites *c, int article);
#endif
