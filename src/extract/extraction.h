/*
 * extraction.h - every extractor run on one article: quantities, dates and times resolved
 * against the article's date, quotes with speakers, names with roles; the records of each
 * and the flat list of mentions the public API hands out (cb_extract).
 */
#ifndef CB_EXTRACT_EXTRACTION_H
#define CB_EXTRACT_EXTRACTION_H
#include "corroborate.h"
#include "extract/names.h"
#include "extract/quantity.h"
#include "extract/quote.h"
#include "extract/timex.h"

struct cb_extraction {
  cb_arena *arena;             /* owns everything below but the article */
  const cb_article *article;   /* borrowed */
  cb_quantity *q; size_t nq;
  cb_timex *t; size_t nt;
  cb_quote *quotes; size_t nquotes;
  cb_names names; int has_names;
  cb_mention *m; size_t nm;
};
#endif
