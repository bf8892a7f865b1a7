/*
 * quote_mentions.h - the capitalised names an article mentions outside its quotes, with
 * the titles in front of them, so that speakers can be completed ("Trump" -> "Donald
 * Trump") and pronouns and role phrases resolved to the last person named before them.
 */
#ifndef CB_EXTRACT_QUOTE_MENTIONS_H
#define CB_EXTRACT_QUOTE_MENTIONS_H
#include "extract/quote_internal.h"

typedef struct cb_mention {
  size_t b, name_b, e;   /* tokens: the run with its titles [b, e), the name [name_b, e) */
  const char *last;      /* folded key of the name's last word */
  const char *roles;     /* its titles, folded and spelled out: "|us|president|"; NULL if none */
  int person;            /* titled, or shares its last word with a speaker or titled name */
} cb_mention;

typedef struct cb_mentions { cb_mention *v; size_t n; } cb_mentions;

/* Collects the mentions of t outside the quotes; np[i] is quote i's speaker phrase.
 * Returns 0, or CB_ENOMEM. */
int cb_mentions_build(cb_arena *a, const cb_qtext *t, const cb_quote *q, size_t nq, const cb_np *np,
                      cb_mentions *m);
/* The name in tokens [b, e), completed to the latest longer name with the same last word. */
const char *cb_mentions_full_name(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t b, size_t e,
                                  size_t at);
/* The last person named before byte offset at, or NULL. */
const char *cb_mentions_last_person(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at);
/* The one person before at whose titles include token head's word, or NULL (none or several). */
const char *cb_mentions_with_role(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t head, size_t at);
/* 1 if token i is a pronoun that stands for one person (he, she, I). */
int cb_mentions_is_person_pronoun(const cb_qtext *t, size_t i);
/* First token starting at or after byte offset off. */
size_t cb_mentions_token_at(const cb_qtext *t, size_t off);
#endif
