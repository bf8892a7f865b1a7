/*
 * timex.h - dates and times found in text, normalised TIMEX3-style (TimeML): each mention
 * has byte offsets into the text, a type (DATE, TIME, DURATION, SET), a TIMEX3 value
 * ("2025-11-24", "2025-W47", "2025-11", "P10D", "PRESENT_REF", "XXXX-12-01"), a precision,
 * and flags saying how the value was reached (relative to the article date, against an
 * inferred article date, or against an event date named earlier in the sentence).
 *
 * Relative expressions are resolved against the document creation time (dct), an ISO date
 * "YYYY-MM-DD" (a longer date-time is cut to its date). Without a dct they keep an
 * underspecified value ("XXXX-11-24", "PAST_REF"). Bare weekdays and month names take the
 * tense of the verb they date (the nearest tense word before them in the sentence, else the
 * one after): future wording ("will", "next", "scheduled", "are meeting", "meets") looks
 * forward, anything else looks back. The run date is never used.
 */
#ifndef CB_EXTRACT_TIMEX_H
#define CB_EXTRACT_TIMEX_H
#include "corroborate.h"

typedef enum cb_timex_type { CB_TIMEX_DATE = 0, CB_TIMEX_TIME, CB_TIMEX_DURATION, CB_TIMEX_SET } cb_timex_type;

typedef enum cb_timex_precision {
  CB_TP_NONE = 0,   /* PRESENT_REF, PAST_REF, durations, sets */
  CB_TP_CENTURY, CB_TP_DECADE, CB_TP_YEAR, CB_TP_HALF, CB_TP_QUARTER, CB_TP_SEASON, CB_TP_MONTH,
  CB_TP_WEEK, CB_TP_DAY, CB_TP_PART_OF_DAY, CB_TP_HOUR, CB_TP_MINUTE
} cb_timex_precision;

enum {
  CB_TIMEX_RELATIVE = 1,  /* the value depends on the dct or an anchor ("last week", "Monday") */
  CB_TIMEX_INFERRED = 2,  /* normalised against a dct the caller marked as inferred */
  CB_TIMEX_ANCHORED = 4,  /* counted from an event date earlier in the sentence, not the dct */
  CB_TIMEX_FUTURE = 8     /* the sentence's tense made a bare weekday/month look forward */
};

typedef struct cb_timex {
  size_t start, end;            /* [start, end) byte offsets into the text */
  cb_timex_type type;
  const char *value;            /* TIMEX3 value, in the arena */
  const char *value_end;        /* for a range ("2012-13" season): its last value, else NULL */
  const char *mod;              /* TIMEX3 mod: "START", "MID", "END", "APPROX", ... or NULL */
  cb_timex_precision precision;
  unsigned flags;               /* CB_TIMEX_* bits */
} cb_timex;

typedef struct cb_timex_opts {
  const char *dct;              /* article date "YYYY-MM-DD..." or NULL when unknown */
  int dct_inferred;             /* 1: the dct is a bound inferred from the text */
  const char *anchor;           /* an event date "YYYY-MM-DD" that "N days ago" counts from, or NULL */
  int sentence_anchor;          /* 1: "N days ago" counts from a day named earlier in its sentence */
  int narrative;                /* 1: history-style text: partial dates ("in August", "the next year")
                                   take the last full date the text named, not the dct; -1: never;
                                   0: automatic: on when the text reads as history (its explicit years
                                   nearly all lie over ten years before the dct, very many explicit
                                   years, or years BC) */
} cb_timex_opts;

/* Finds every temporal expression in text[0..n), in order, non-overlapping. The array and
 * its strings live in the arena. Returns the count (0 with *out NULL when none, or on OOM). */
size_t cb_timex_extract(cb_arena *a, const char *text, size_t n, const char *dct, cb_timex **out);
size_t cb_timex_extract_opts(cb_arena *a, const char *text, size_t n, const cb_timex_opts *o,
                             cb_timex **out);

const char *cb_timex_type_name(cb_timex_type t);           /* "DATE", "TIME", ... */
const char *cb_timex_precision_name(cb_timex_precision p); /* "day", "week", ... */
#endif
