/*
 * dateline.h - the dateline that opens a news story: the place it was filed from, in
 * capitals, then a dash ("CARACAS-", "PORT VELIN —"), maybe with a region, a date and the
 * agency between ("SAN JUAN, Puerto Rico (AP) —", "LONDON, March 3 (Reuters) -"). Read by
 * the plain-text reader, which keeps the place as the article's dateline, and by the name
 * extractor, which takes the place for a place and never for a person.
 */
#ifndef CB_TEXT_DATELINE_H
#define CB_TEXT_DATELINE_H
#include "corroborate.h"
#include <stddef.h>

/* A dateline at the start of s. Returns the bytes to strip (through the dash and the
 * spaces after it), 0 if there is none; *place (may be NULL) gets the place in capitals. */
size_t cb_dateline_len(const char *s, size_t n, cb_slice *place);
#endif
