/*
 * html_assets.h - the inline style sheet and script of the HTML brief (no external files,
 * no fonts, no network).
 */
#ifndef CB_REPORT_HTML_ASSETS_H
#define CB_REPORT_HTML_ASSETS_H
extern const char cb_html_css[];
extern const char cb_html_js[];
#endif
