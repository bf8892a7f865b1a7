/*
 * interval.h - what a source's words allow a value to be, as an interval with open or
 * closed ends ("more than 20" = (20, inf), "at least 22" = [22, inf), "about 30,000" =
 * [28,500, 31,500]), and the verdict of several sources' intervals: agree (all the same),
 * compatible (they overlap; the overlap is the tightest value), conflict (disjoint).
 */
#ifndef CB_CORRO_INTERVAL_H
#define CB_CORRO_INTERVAL_H
#include "corroborate/brief.h"

typedef struct cb_interval { double lo, hi; int lo_open, hi_open; } cb_interval;

/* The overlap of a and b; returns 0 if they are disjoint. */
int cb_interval_meet(const cb_interval *a, const cb_interval *b, cb_interval *out);
int cb_interval_same(const cb_interval *a, const cb_interval *b);
/* "≥ 22", "> 20", "≤ 5", "12–15", "83" (with %g-style numbers and thousands separators). */
void cb_interval_format(const cb_interval *v, char *out, size_t cap);
/* Verdict for n intervals; *meet gets the overlap when there is one. */
cb_verdict cb_interval_verdict(const cb_interval *v, size_t n, cb_interval *meet);

struct cb_quantity;
/* What a quantity's words allow, as the brief compares it (quantities.c): "about" widens an
 * exact figure, values in the dimension's base unit, basis points as percentage points. */
cb_interval cb_quantity_claim_interval(const struct cb_quantity *q);
#endif
