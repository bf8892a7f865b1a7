/*
 * quote_mentions.h - the capitalised names an article mentions outside its quotes, with
 * the titles in front of them and the roles of their appositives, so that speakers can be
 * completed ("Trump" -> "Donald Trump"), pronouns resolved to the person the sentences
 * before are about, and role phrases ("the governor") to the person who holds the role.
 */
#ifndef CB_EXTRACT_QUOTE_MENTIONS_H
#define CB_EXTRACT_QUOTE_MENTIONS_H
#include "extract/quote_internal.h"

typedef struct cb_name_run {
  size_t b, name_b, e;   /* tokens: the run with its titles [b, e), the name [name_b, e) */
  const char *last;      /* folded key of the name's last word */
  const char *roles;     /* its titles and appositive, folded and spelled out: "|us|president|";
                            NULL if none */
  int person;            /* titled, a person to the names extractor, or shares its last word with
                            a speaker or another person's name */
  int thing;             /* an organisation, place or outlet to the names extractor, untitled */
} cb_name_run;

struct cb_names;
typedef struct cb_mentions {
  cb_name_run *v; size_t n;
  const cb_quote *q; size_t nq;   /* the quotes, in text order */
  struct cb_names *names;         /* the names extractor's mentions and entities */
} cb_mentions;

/* Collects the mentions of t outside the quotes; np[i] is quote i's speaker phrase.
 * Returns 0, or CB_ENOMEM. */
int cb_mentions_build(cb_arena *a, const cb_qtext *t, const cb_quote *q, size_t nq, const cb_np *np,
                      cb_mentions *m);
/* The name in tokens [b, e), completed to the latest longer name with the same last word. */
const char *cb_mentions_full_name(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t b, size_t e,
                                  size_t at);
/* The person a "he" or "she" at byte offset at stands for: the last sentence before it that
 * names a person gives its first person in a subject's place (else its first person); when
 * "he" or "she" is that sentence's subject before any name, the one it stands for. NULL if
 * no person is named before. */
const char *cb_mentions_last_person(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at);
/* The subject of the sentence that holds byte offset at, named before at outside the quotes
 * ("Graham said on MSNBC's “Morning Joe,” adding, “...”"); its bytes in [*b, *e). NULL if none. */
const char *cb_mentions_sentence_subject(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at,
                                         size_t *b, size_t *e);
/* The person a paragraph at byte offset at goes on about: as for "he", when that person is
 * named at or after byte offset from; its name's bytes in [*b, *e). NULL if none. */
const char *cb_mentions_paragraph_subject(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t at,
                                          size_t from, size_t *b, size_t *e);
/* The person before at whose titles or appositive include the word of token head, the role
 * of the description [b, head]: of those, the one that shares most of its other words
 * ("Florida" in "the Florida senator"), the latest of equals. NULL if none. */
const char *cb_mentions_with_role(cb_arena *a, const cb_qtext *t, const cb_mentions *m, size_t b, size_t head,
                                  size_t at);
/* The person the names extractor found a role phrase at byte offset off to stand for ("the
 * Venezuelan leader" -> "Nicolás Maduro", by title and nationality), or NULL. */
const char *cb_mentions_role_phrase(const cb_mentions *m, size_t off);
/* 1 if token i is a pronoun that stands for one person (he, she, I). */
int cb_mentions_is_person_pronoun(const cb_qtext *t, size_t i);
/* First token starting at or after byte offset off. */
size_t cb_mentions_token_at(const cb_qtext *t, size_t off);
#endif
