/*
 * article.h - internal helpers readers use to fill an article record (see corroborate.h
 * for the record itself). Every string is copied into the article's arena.
 */
#ifndef CB_CORE_ARTICLE_H
#define CB_CORE_ARTICLE_H
#include "corroborate.h"

int cb_article_drop(cb_article *a, cb_drop_reason r, const char *text, size_t n, const char *why);
int cb_article_add_caption(cb_article *a, const char *text, size_t n);
int cb_article_add_extra(cb_article *a, const char *key, const char *value);
#endif
