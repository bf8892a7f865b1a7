/*
 * article_json.h - one article as JSON (metadata, body, dropped noise, captions, extras),
 * the shape `corroborate show --format json` prints and the report embeds.
 */
#ifndef CB_REPORT_ARTICLE_JSON_H
#define CB_REPORT_ARTICLE_JSON_H
#include "corroborate.h"
#include "core/buf.h"
#include <stdint.h>

/* Writes the article's metadata fields (no body) as JSON members, without braces. */
void cb_article_json_meta(cb_buf *b, const cb_article *a, int64_t id);
/* Writes the whole article as one JSON object. */
void cb_article_json(cb_buf *b, const cb_article *a, int64_t id);
#endif
