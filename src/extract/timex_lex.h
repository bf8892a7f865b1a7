/*
 * timex_lex.h - the timex lexicon (data/timex/lexicon.tsv, embedded): month and weekday
 * names, units, number words, relative words, holidays, qualifiers and tense cues. One
 * key may belong to several classes ("earlier": an "ago" word and a part-of-period word).
 */
#ifndef CB_EXTRACT_TIMEX_LEX_H
#define CB_EXTRACT_TIMEX_LEX_H
#include <stddef.h>
#include <stdint.h>

enum {
  TL_MONTH, TL_WEEKDAY, TL_UNIT, TL_NUM, TL_ORD, TL_DAYREL, TL_REF, TL_REL, TL_AGO, TL_PART,
  TL_POD, TL_SEASON, TL_HOLIDAY, TL_QUAL, TL_SET, TL_SETADV, TL_FISCAL, TL_DET, TL_FUTURE,
  TL_PAST, TL_TZ, TL_FUNC, TL_YEARPREP, TL_QTY, TL_NCLASS
};
enum { TLF_CAP = 1, TLF_ABBR = 2, TLF_ARTICLE = 4, TLF_VAGUE = 8, TLF_PREFIX = 16 };

/* unit codes (TL_UNIT and TL_SETADV values) */
enum { TU_SECOND = 1, TU_MINUTE, TU_HOUR, TU_DAY, TU_WEEK, TU_FORTNIGHT, TU_MONTH, TU_QUARTER,
       TU_YEAR, TU_DECADE, TU_CENTURY, TU_WEEKEND, TU_HALF, TU_PERIOD, TU_NIGHT, TU_MILLENNIUM };
/* part-of-period codes (TL_PART) */
enum { TP_START = 1, TP_MID, TP_END };
/* part-of-day codes (TL_POD) */
enum { TD_MO = 1, TD_AF, TD_EV, TD_NI, TD_NOON, TD_MIDNIGHT };
/* seasons (TL_SEASON) */
enum { TS_SP = 1, TS_SU, TS_FA, TS_WI };

typedef struct cb_tl_entry {
  uint32_t mask;               /* 1 << TL_* for each class the key belongs to */
  uint8_t flags;               /* TLF_* */
  int16_t val[TL_NCLASS];      /* the value for each class */
} cb_tl_entry;

typedef struct cb_tl_holiday { char kind; int a, b, c; } cb_tl_holiday;  /* 'f' m d | 'n' m wd nth | 'e' offset */

/* Looks up a lower-case key (multi-word keys with single spaces). NULL if unknown or if
 * the embedded lexicon is missing. Thread-safe; loads once. */
const cb_tl_entry *cb_tl_lookup(const char *key, size_t len);
const cb_tl_holiday *cb_tl_holiday_rule(int index);
void cb_tl_init(void);                              /* loads the lexicon (once) */
/* 0 when no key of that length starting with those two letters exists (cheap pre-filter;
 * only valid after cb_tl_init). */
int cb_tl_maybe(const char *key, size_t len);
const char *cb_tl_qual_name(int code);        /* TIMEX3 mod for a TL_QUAL value */
static inline int cb_tl_is(const cb_tl_entry *e, int cls) { return e && (e->mask >> cls & 1u); }
#endif
