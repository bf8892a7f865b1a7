/*
 * entity_kind.h - what kind of thing a name names (person, organisation, place, outlet),
 * from the lexicons, cue words inside it and hints from the words around its mentions.
 */
#ifndef CB_EXTRACT_ENTITY_KIND_H
#define CB_EXTRACT_ENTITY_KIND_H
#include "extract/names.h"

/* The kind of the name with folded key[0..n) (words separated by spaces), given the OR of
 * the hints (name_scan.h) of its mentions and whether it is one all-capitals word. */
cb_name_kind cb_entity_kind(const char *key, size_t n, unsigned hints, int allcaps);
#endif
