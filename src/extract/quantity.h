/*
 * quantity.h - quantities in clean text: the number (digits, words, ranges), its qualifier
 * as an interval, its unit normalised with a dimension and a conversion to a base unit, and
 * what it counts (head noun, nearby event word). Years, dates, times of day, ordinals, phone
 * numbers, scores and junk ids are left out.
 *
 * Every string of a cb_quantity lives in the arena given to cb_quantity_extract.
 */
#ifndef CB_EXTRACT_QUANTITY_H
#define CB_EXTRACT_QUANTITY_H
#include "corroborate.h"
#include "core/buf.h"

typedef enum cb_qchange {   /* as CQE defines change */
  CB_QCHANGE_EQ = 0,        /* "="  exact */
  CB_QCHANGE_APPROX,        /* "~"  about, around, roughly, some, nearly (also bounded above) */
  CB_QCHANGE_GT,            /* ">"  more than, over, at least */
  CB_QCHANGE_LT,            /* "<"  less than, up to, at most */
  CB_QCHANGE_UP,            /* "up" rose, increased, up */
  CB_QCHANGE_DOWN           /* "down" fell, dropped, down */
} cb_qchange;

typedef struct cb_quantity {
  size_t start, end;        /* byte offsets [start, end) of the surface: qualifier..unit */
  double value;             /* the number; for a range its low end */
  double low, high;         /* the stated range (low == high when not a range) */
  int is_range;
  cb_qchange change;
  const char *qualifier;    /* surface of the qualifier ("at least"), or NULL */
  /* What the text allows the true value to be: [lo, hi], bounds open when *_open;
   * -HUGE_VAL / HUGE_VAL when unbounded; tolerance is the relative slack of "about". */
  double lo, hi;
  int lo_open, hi_open;
  double tolerance;
  const char *unit;         /* the unit as written ("km", "$"), or NULL */
  const char *unit_norm;    /* normalised unit: "kilometre", "dollar", "people", "-" if none */
  const char *dimension;    /* "length", "currency", "percent", "count", "none", ... */
  const char *currency;     /* ISO 4217 code for money, else NULL */
  double base_value;        /* value in the dimension's base unit (m, m2, kg, s, l, ...) */
  const char *base_unit;    /* that base unit, or NULL */
  const char *noun;         /* head noun the number counts or applies to, singular ("vessel") */
  const char *event;        /* event word near it, as a lemma ("kill", "strike"), or NULL */
} cb_quantity;

/* Finds the quantities of text[0..n) in text order. Returns their number and sets *out to
 * an arena array (NULL when none). Returns (size_t)-1 on OOM. Any bytes are accepted. */
size_t cb_quantity_extract(cb_arena *a, const char *text, size_t n, cb_quantity **out);

/* "=", "~", ">", "<", "up", "down". */
const char *cb_qchange_name(cb_qchange c);

/* Appends one quantity as a JSON object (offsets, surface, value, range, interval, unit,
 * noun, event). text is the text the offsets point into. */
void cb_quantity_json(cb_buf *b, const cb_quantity *q, const char *text);
#endif
