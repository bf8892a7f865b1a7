/*
 * names.h - names of people, organisations, places and outlets: found in one article with
 * the title or role attached ("former U.S. President Donald Trump"), merged within the
 * article into entities (full name, surname, title + name, "the Venezuelan leader"), and
 * grouped across articles with the kind of difference between the forms (diacritics,
 * misspelling, acronym, translation, alias). Records live in the caller's arena.
 */
#ifndef CB_EXTRACT_NAMES_H
#define CB_EXTRACT_NAMES_H
#include "corroborate.h"
#include "core/buf.h"

#define CB_NAME_NONE ((size_t)-1)

typedef enum cb_name_kind {
  CB_NAME_UNKNOWN = 0, CB_NAME_PERSON, CB_NAME_ORG, CB_NAME_PLACE, CB_NAME_OUTLET
} cb_name_kind;
const char *cb_name_kind_name(cb_name_kind k);   /* "person", "org", ... */

/* One mention of a name (or of a role standing for a name) in the text. */
typedef struct cb_name_mention {
  size_t start, end;          /* bytes of the name ("Donald Trump"), or of the role phrase */
  size_t role_start;          /* start of modifiers + title ("former U.S. President"); == start if none */
  const char *text;           /* the surface name (possessive 's left out) */
  const char *key;            /* its folded key ("nicolas maduro") */
  const char *role;           /* canonical title ("President", "Secretary of State"), or NULL */
  const char *role_text;      /* the surface words of modifiers + title, or NULL */
  const char **modifiers;     /* canonical modifiers ("former", "US", "Venezuela") */
  size_t nmodifiers;
  int role_phrase;            /* 1: "the Venezuelan leader" (no name written) */
  cb_name_kind kind;          /* the kind of the entity it belongs to */
  size_t entity;              /* index into cb_names.entities, or CB_NAME_NONE */
} cb_name_mention;

/* One person, organisation, place or outlet of an article. */
typedef struct cb_entity {
  const char *name;           /* the fullest form written ("Nicolás Maduro") */
  const char *key;            /* folded key of name */
  cb_name_kind kind;
  const char *role;           /* the first title seen with it, or NULL */
  size_t *mentions;           /* indexes into cb_names.mentions, in text order */
  size_t nmentions;
  const char *alias_of;       /* written as "X (Y)": the other form, else NULL */
} cb_entity;

typedef struct cb_names {
  const char *text; size_t len;     /* the text the offsets point into */
  cb_name_mention *mentions; size_t nmentions;
  cb_entity *entities; size_t nentities;
} cb_names;

/* Finds the names of one article's clean text. Returns CB_OK or CB_ENOMEM. Never fails on
 * odd bytes: invalid UTF-8 is read as replacement characters. */
int cb_names_extract(cb_arena *a, const char *text, size_t n, cb_names *out);
/* The mention whose name or role covers byte offset off, or CB_NAME_NONE. */
size_t cb_names_mention_at(const cb_names *nm, size_t off);
/* The last person mention that ends at or before off, or CB_NAME_NONE ("he said"). */
size_t cb_names_last_person_before(const cb_names *nm, size_t off);

/* ---- across articles ------------------------------------------------------------------ */
typedef enum cb_form_diff {
  CB_FORM_SAME = 0,      /* the group's name itself */
  CB_FORM_CASE,          /* letter case only */
  CB_FORM_DIACRITICS,    /* accents only ("Nicolas" / "Nicolás") */
  CB_FORM_PART,          /* part of the name ("Maduro") */
  CB_FORM_ROLE,          /* a title or role standing for the name ("Venezuelan President") */
  CB_FORM_MISSPELLING,   /* a word a letter or two off ("Higgseth" / "Hegseth") */
  CB_FORM_ACRONYM,       /* initials ("VTV" / "Venezolana de Televisión") */
  CB_FORM_TRANSLATION,   /* the same words in another language ("Cartel of the Suns") */
  CB_FORM_ALIAS,         /* another known name (alias table, or written "X (Y)") */
  CB_FORM_VARIANT        /* linked through other forms */
} cb_form_diff;
const char *cb_form_diff_name(cb_form_diff d);

typedef struct cb_name_form {
  const char *text;          /* the surface form */
  cb_form_diff diff;         /* how it differs from the group's name */
  size_t *articles; size_t narticles;   /* indexes of the articles that write it, ascending */
  size_t nmentions;
} cb_name_form;

typedef struct cb_name_role {
  size_t article, mention;   /* where */
  const char *role;          /* canonical title */
  const char *text;          /* surface words ("former U.S. President") */
  const char **modifiers; size_t nmodifiers;
} cb_name_role;

typedef struct cb_name_group {
  const char *name;          /* the form most articles write */
  cb_name_kind kind;
  cb_name_form *forms; size_t nforms;
  cb_name_role *roles; size_t nroles;
  size_t *articles; size_t narticles;   /* ascending */
} cb_name_group;

typedef struct cb_name_groups {
  cb_name_group *groups; size_t ngroups;
  size_t **group_of;         /* group_of[article][entity]: the entity's group */
  size_t narticles;
} cb_name_groups;

/* Groups the entities of n articles (arts[i] from cb_names_extract; NULL allowed).
 * Groups come out by number of articles, then mentions. Returns CB_OK or CB_ENOMEM. */
int cb_names_match(cb_arena *a, const cb_names *const *arts, size_t n, cb_name_groups *out);

/* Writes the groups as a JSON array: [{"name", "type", "articles", "forms": [{"text",
 * "articles", "kind"}], "roles": [{"article", "role", "modifiers", "text"}]}].
 * ids[i] names article i (NULL: its index is written). */
void cb_names_json(cb_buf *b, const cb_name_groups *g, const char *const *ids);
/* Writes one article's mentions as a JSON array of {"start", "end", "text", "type",
 * "entity", "role", "modifiers", "role_text"}. */
void cb_names_mentions_json(cb_buf *b, const cb_names *nm);
#endif
