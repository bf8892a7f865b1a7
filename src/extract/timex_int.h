/*
 * timex_int.h - what the timex matcher's files share: the matching context (tokens, the
 * article date, the tense of the sentence) and one match result before it becomes a
 * cb_timex. Internal to src/extract/timex*.c.
 */
#ifndef CB_EXTRACT_TIMEX_INT_H
#define CB_EXTRACT_TIMEX_INT_H
#include "extract/timex.h"
#include "extract/timex_cal.h"
#include "extract/timex_tok.h"

typedef struct cb_tm_ctx {
  const char *s;
  const cb_tt *t;
  size_t nt;
  int has_dct;
  long dct;                                /* day number of the article date */
  int narrative;                           /* dct is the last explicit date, years taken as is */
  int has_last;
  long last;                               /* the last date the text resolved ("that year") */
  int last_prec;                           /* and its precision */
  int has_last_day;
  long last_day;                           /* the last day the text named ("on Oct. 23", "Friday") */
  size_t last_day_tok;                     /* and the token it ended on */
  size_t at;                               /* the token the patterns are tried at */
  int lastq_y, lastq_q;                    /* the last quarter the text named (q 0: none) */
  size_t lastq_sent;                       /* the start of its sentence */
  int has_anchor;
  long anchor;                             /* event date "N days ago" counts from */
  int (*tense)(void *ud, size_t tok, int after_only);   /* +2 future, +1 weakly future, -2 past, -1 weakly
                                                            past, 0 unmarked;
                                                            after_only: from the verbs after tok only */
  void *ud;
} cb_tm_ctx;

typedef struct cb_tm_res {
  size_t end;                              /* token index just after the match */
  cb_timex_type type;
  cb_timex_precision prec;
  const char *mod;
  unsigned flags;
  char val[48];
  char vend[40];
} cb_tm_res;

/* With no dct: the full date in the text's first few hundred bytes (headline, dateline), as a day number;
 * 0 if none (timex_dateline.c). */
int cb_tm_dateline(const char *text, size_t n, long *days);

/* Tries every pattern at token i; fills r with the longest match and returns 1, else 0. */
int cb_tm_match(const cb_tm_ctx *c, size_t i, cb_tm_res *r);

/* value helpers (timex_value.c). Years are astronomical (0 is 1 BC, -479 is 480 BC, written "BC0480");
 * CB_TV_NOYEAR stands for an unknown year ("XXXX"). */
enum { CB_TV_NOYEAR = -99999 };
void cb_tv_day(char *out, size_t n, const cb_tm_ctx *c, long days);
void cb_tv_week(char *out, size_t n, const cb_tm_ctx *c, long days);
void cb_tv_month(char *out, size_t n, const cb_tm_ctx *c, int y, int m);
void cb_tv_year(char *out, size_t n, const cb_tm_ctx *c, int y);
void cb_tv_quarter(char *out, size_t n, const cb_tm_ctx *c, int y, int q);
void cb_tv_decade(char *out, size_t n, int y);
void cb_tv_century(char *out, size_t n, int y);
/* Reads a TIMEX3 date value ("1998-10-23", "BC0480-04", "1941"): fills y (astronomical), m, d as found and
 * returns how many of them it read (0 if it is no calendar date). */
int cb_tv_parse(const char *v, int *y, int *m, int *d);
void cb_tv_duration(char *out, size_t n, int unit, double amount, int vague);
void cb_tv_duration_half(char *out, size_t n, int unit, int whole);   /* "two and a half years": P2Y6M */
long cb_tv_add(long days, int unit, int amount);      /* calendar step by units */
long cb_tv_weekday(long from, int weekday, int dir);  /* dir -1: on or before, +1: on or after, -2/+2 strictly */
int cb_tv_year_for_month(const cb_tm_ctx *c, int m, int dir);
int cb_tv_year_for_day(const cb_tm_ctx *c, int m, int d, int dir);
#endif
