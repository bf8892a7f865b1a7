/*
 * html_timeline.h - the story's timeline drawn for the HTML brief: one row per dated event,
 * a bar placed on a shared date axis (its width is the event's date range: a day, a week,
 * a month), the date as written and resolved, what happened and its sources.
 */
#ifndef CB_REPORT_HTML_TIMELINE_H
#define CB_REPORT_HTML_TIMELINE_H
#include "corroborate/brief.h"
#include "core/buf.h"

void cb_html_timeline(cb_buf *o, const cb_brief *b, const cb_story_brief *s);
#endif
