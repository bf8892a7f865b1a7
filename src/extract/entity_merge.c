/*
 * entity_merge.c - cb_names_extract: tokens -> mentions (name_scan.c) -> entities of one
 * article. Mentions with the same folded key are one entity; a surname alone, or with a
 * title, joins the one full name it ends ("Maduro" -> "Nicolás Maduro"); an all-capitals
 * word joins the one name it abbreviates ("NYT" -> "New York Times"); "X (Y)" joins Y to X;
 * a role phrase ("the Venezuelan leader") joins the one person with that role and
 * nationality. Hash maps throughout: no pass over all pairs of names.
 */
#include "extract/names.h"
#include "extract/name_scan.h"
#include "extract/name_map.h"
#include "extract/name_fold.h"
#include "extract/name_compare.h"
#include "extract/entity_kind.h"
#include "extract/name_lexicon.h"
#include <string.h>

#define AMBIGUOUS ((size_t)-2)

typedef struct merge {
  cb_arena *a;
  const cb_ntok *t;
  cb_name_hit *hits;
  size_t nhits;
  size_t *ent;        /* ent[h]: entity id of hit h (before compaction) */
  size_t *parent;     /* union-find over entity ids */
  size_t nent;
  cb_name_map full, surname;
  const char **ekey;  /* ekey[e]: folded key of multi-word entity e (NULL otherwise) */
  size_t head[256];   /* multi-word entities by first byte of their key: head, next */
  size_t *next;
} merge;

enum { ACRONYM_CANDIDATES = 256 };   /* names looked at per all-capitals word */

static size_t root(merge *m, size_t e) {
  while (m->parent[e] != e) { m->parent[e] = m->parent[m->parent[e]]; e = m->parent[e]; }
  return e;
}

static void unite(merge *m, size_t a, size_t b) {
  a = root(m, a); b = root(m, b);
  if (a == b) return;
  if (a < b) m->parent[b] = a; else m->parent[a] = b;
}

static size_t new_entity(merge *m) { m->parent[m->nent] = m->nent; return m->nent++; }

static size_t ntok(const cb_name_hit *h) { return h->t1 - h->t0; }

/* A multi-word name that may be a person's: no cue of another kind, not a known place. */
static int person_like(const cb_name_hit *h) {
  size_t n = strlen(h->m.key);
  cb_name_kind k = cb_entity_kind(h->m.key, n, h->hints, 0);
  return k == CB_NAME_PERSON;
}

static int full_names(merge *m) {
  for (size_t h = 0; h < m->nhits; h++) {
    cb_name_hit *x = &m->hits[h];
    if (x->m.role_phrase || ntok(x) < 2) continue;
    int added;
    size_t *v = cb_name_map_put(&m->full, x->m.key, strlen(x->m.key), 0, &added);
    if (!v) return CB_ENOMEM;
    if (added) {
      *v = new_entity(m);
      unsigned char c = (unsigned char)x->m.key[0];
      m->ekey[*v] = x->m.key;
      m->next[*v] = m->head[c];
      m->head[c] = *v;
    }
    m->ent[h] = *v;
    if (!person_like(x)) continue;
    for (size_t k = x->t0 + 1; k < x->t1; k++) {
      const cb_ntok *w = &m->t[k];
      if (!(w->flags & CB_NT_CAP)) continue;   /* particles */
      size_t *s = cb_name_map_put(&m->surname, w->key, w->keylen, *v, &added);
      if (!s) return CB_ENOMEM;
      if (!added && *s != *v) *s = AMBIGUOUS;
    }
  }
  return CB_OK;
}

/* The one multi-word entity that the all-capitals word key abbreviates, else NONE. Looks
 * only at names with the same first letter, at most ACRONYM_CANDIDATES of them. */
static size_t acronym_target(merge *m, const char *key, size_t n) {
  size_t found = CB_NAME_NONE, seen = 0;
  if (cb_name_lex_get(CB_LEX_PLACES, key, n) || cb_name_lex_get(CB_LEX_ORGS, key, n) ||
      cb_name_lex_get(CB_LEX_OUTLETS, key, n))
    return CB_NAME_NONE;   /* a known name: not an abbreviation of this article's names */
  for (size_t e = m->head[(unsigned char)key[0]]; e != CB_NAME_NONE && seen < ACRONYM_CANDIDATES;
       e = m->next[e], seen++) {
    size_t kl = strlen(m->ekey[e]);
    if (!cb_name_is_acronym(key, n, m->ekey[e], kl) || cb_entity_kind(m->ekey[e], kl, 0, 0) == CB_NAME_PERSON) continue;
    size_t r = root(m, e);
    if (found != CB_NAME_NONE && found != r) return CB_NAME_NONE;
    found = r;
  }
  return found;
}

static int single_words(merge *m) {
  for (size_t h = 0; h < m->nhits; h++) {
    cb_name_hit *x = &m->hits[h];
    if (x->m.role_phrase || ntok(x) != 1) continue;
    size_t n = strlen(x->m.key);
    size_t *v = cb_name_map_get(&m->full, x->m.key, n);
    if (v) { m->ent[h] = *v; continue; }
    size_t *s = cb_name_map_get(&m->surname, x->m.key, n);
    size_t e = (s && *s != AMBIGUOUS) ? *s : CB_NAME_NONE;
    if (e == CB_NAME_NONE && (m->t[x->t0].flags & CB_NT_ALLCAPS)) e = acronym_target(m, x->m.key, n);
    if (e == CB_NAME_NONE) e = new_entity(m);
    v = cb_name_map_put(&m->full, x->m.key, n, e, NULL);
    if (!v) return CB_ENOMEM;
    m->ent[h] = e;
  }
  return CB_OK;
}

/* "Venezolana de Televisión (VTV)", "Ejército Popular (Popular Army)": a bracketed name right
 * after another is the same when it abbreviates it, translates it, or both have two or more
 * words. "WASHINGTON (AP)" and "Ted Cruz (R-Texas)" stay apart. */
static int same_in_brackets(const cb_name_hit *x, const cb_name_hit *in) {
  const char *a = x->m.key, *b = in->m.key;
  size_t an = strlen(a), bn = strlen(b);
  if (in->t1 - in->t0 == 1) return cb_name_is_acronym(b, bn, a, an);
  if (x->t1 - x->t0 < 2) return 0;
  cb_name_kind ka = cb_entity_kind(a, an, 0, 0), kb = cb_entity_kind(b, bn, 0, 0);
  return ka != CB_NAME_PLACE && kb != CB_NAME_PLACE && ka != CB_NAME_OUTLET && kb != CB_NAME_OUTLET;
}

static void brackets(merge *m) {
  for (size_t h = 1; h < m->nhits; h++) {
    cb_name_hit *x = &m->hits[h], *p = &m->hits[h - 1];
    if (x->m.role_phrase || p->m.role_phrase || p->t1 != x->t0) continue;
    if (!(m->t[x->t0].flags & CB_NT_PAREN_BEFORE) || !(m->t[x->t1 - 1].flags & CB_NT_PAREN_AFTER)) continue;
    if (!same_in_brackets(p, x)) continue;
    unite(m, m->ent[h], m->ent[h - 1]);
    x->hints |= p->hints & CB_HINT_OUTLET;
    x->m.role_start = x->m.start;
    x->hints |= CB_HINT_BRACKETED;
  }
}

static int has_mod(const cb_name_mention *mm, const char *mod) {
  for (size_t i = 0; i < mm->nmodifiers; i++) if (strcmp(mm->modifiers[i], mod) == 0) return 1;
  return 0;
}

/* Hit h (named) gives entity-level evidence for role phrase r. */
static int fits_role(const cb_name_hit *h, const cb_name_hit *r) {
  if (!h->m.role) return 0;
  for (size_t i = 0; i < r->m.nmodifiers; i++) if (!has_mod(&h->m, r->m.modifiers[i])) return 0;
  return 1;
}

enum { ROLE_WORK = 1 << 20 };   /* comparisons allowed for role phrases per article */

static void role_phrases(merge *m) {
  size_t work = 0;
  for (size_t r = 0; r < m->nhits && work < ROLE_WORK; r++) {
    cb_name_hit *x = &m->hits[r];
    if (!x->m.role_phrase) continue;
    size_t found = CB_NAME_NONE;
    int ambiguous = 0;
    for (size_t h = 0; h < m->nhits && !ambiguous; h++, work++) {
      if (m->hits[h].m.role_phrase || !fits_role(&m->hits[h], x)) continue;
      size_t e = root(m, m->ent[h]);
      if (found != CB_NAME_NONE && found != e) ambiguous = 1;
      found = e;
    }
    if (!ambiguous && work < ROLE_WORK) m->ent[r] = found;
  }
}

/* Fills out->entities from the union-find roots, in order of first mention. */
static int compact(merge *m, cb_names *out) {
  size_t *id = cb_arena_alloc(m->a, (m->nent + 1) * sizeof *id);
  size_t *count = cb_arena_calloc(m->a, m->nent + 1, sizeof *count);
  unsigned *hints = cb_arena_calloc(m->a, m->nent + 1, sizeof *hints);
  size_t *best = cb_arena_alloc(m->a, (m->nent + 1) * sizeof *best);
  if (!id || !count || !hints || !best) return CB_ENOMEM;
  for (size_t e = 0; e < m->nent; e++) { id[e] = CB_NAME_NONE; best[e] = CB_NAME_NONE; }
  size_t ne = 0;
  for (size_t h = 0; h < m->nhits; h++) {
    if (m->ent[h] == CB_NAME_NONE) continue;
    size_t r = root(m, m->ent[h]);
    if (id[r] == CB_NAME_NONE) id[r] = ne++;
    count[r]++;
    hints[r] |= m->hits[h].hints;
    if (!m->hits[h].m.role_phrase && (best[r] == CB_NAME_NONE || ntok(&m->hits[h]) > ntok(&m->hits[best[r]])))
      best[r] = h;
  }
  out->entities = cb_arena_calloc(m->a, ne ? ne : 1, sizeof *out->entities);
  if (!out->entities) return CB_ENOMEM;
  out->nentities = ne;
  for (size_t e = 0; e < m->nent; e++) {
    if (id[e] == CB_NAME_NONE) continue;
    cb_entity *E = &out->entities[id[e]];
    const cb_name_hit *b = &m->hits[best[e]];
    E->name = b->m.text;
    E->key = b->m.key;
    E->kind = CB_NAME_UNKNOWN;
    E->mentions = cb_arena_alloc(m->a, count[e] * sizeof *E->mentions);
    if (!E->mentions) return CB_ENOMEM;
  }
  for (size_t h = 0; h < m->nhits; h++) {   /* kind: any form's evidence of org/place/outlet wins */
    const cb_name_hit *x = &m->hits[h];
    if (m->ent[h] == CB_NAME_NONE || x->m.role_phrase) continue;
    size_t r = root(m, m->ent[h]);
    cb_entity *E = &out->entities[id[r]];
    cb_name_kind k = cb_entity_kind(x->m.key, strlen(x->m.key), hints[r] & ~(unsigned)CB_HINT_PERSON,
                                    ntok(x) == 1 && (m->t[x->t0].flags & CB_NT_ALLCAPS));
    if (k == CB_NAME_PERSON && (hints[r] & CB_HINT_PERSON)) k = CB_NAME_PERSON;
    if (k == CB_NAME_UNKNOWN && (hints[r] & CB_HINT_PERSON)) k = CB_NAME_PERSON;
    if (E->kind == CB_NAME_UNKNOWN || (E->kind == CB_NAME_PERSON && k != CB_NAME_UNKNOWN)) E->kind = k;
  }
  for (size_t h = 0; h < m->nhits; h++) {
    cb_name_mention *mm = &out->mentions[h];
    if (m->ent[h] == CB_NAME_NONE) { mm->entity = CB_NAME_NONE; continue; }
    cb_entity *E = &out->entities[id[root(m, m->ent[h])]];
    mm->entity = id[root(m, m->ent[h])];
    mm->kind = E->kind;
    E->mentions[E->nmentions++] = h;
    if (!E->role && mm->role) E->role = mm->role;
    if (!E->alias_of && (m->hits[h].hints & CB_HINT_BRACKETED)) E->alias_of = mm->text;
  }
  return CB_OK;
}

int cb_names_extract(cb_arena *a, const char *text, size_t n, cb_names *out) {
  memset(out, 0, sizeof *out);
  out->text = text;
  out->len = n;
  if (!text || n == 0) return CB_OK;
  int oom = 0;
  cb_ntok *t;
  size_t nt = cb_name_tokens(a, text, n, &t, &oom);
  if (oom) return CB_ENOMEM;
  cb_name_hit *hits = NULL;
  size_t nh = nt ? cb_name_scan(a, text, n, t, nt, &hits, &oom) : 0;
  if (oom) return CB_ENOMEM;
  if (nh == 0) return CB_OK;
  merge m;
  memset(&m, 0, sizeof m);
  m.a = a; m.t = t; m.hits = hits; m.nhits = nh;
  for (int c = 0; c < 256; c++) m.head[c] = CB_NAME_NONE;
  m.ent = cb_arena_alloc(a, nh * sizeof *m.ent);
  m.parent = cb_arena_alloc(a, nh * sizeof *m.parent);
  m.ekey = cb_arena_calloc(a, nh, sizeof *m.ekey);
  m.next = cb_arena_alloc(a, nh * sizeof *m.next);
  out->mentions = cb_arena_alloc(a, nh * sizeof *out->mentions);
  if (!m.ent || !m.parent || !m.ekey || !m.next || !out->mentions) return CB_ENOMEM;
  for (size_t h = 0; h < nh; h++) m.ent[h] = CB_NAME_NONE;
  if (cb_name_map_init(&m.full, a, nh) || cb_name_map_init(&m.surname, a, nh)) return CB_ENOMEM;
  if (full_names(&m) || single_words(&m)) return CB_ENOMEM;
  brackets(&m);
  role_phrases(&m);
  for (size_t h = 0; h < nh; h++) out->mentions[h] = hits[h].m;
  out->nmentions = nh;
  return compact(&m, out);
}

size_t cb_names_mention_at(const cb_names *nm, size_t off) {
  size_t lo = 0, hi = nm->nmentions;
  while (lo < hi) {   /* first mention ending after off */
    size_t mid = lo + (hi - lo) / 2;
    if (nm->mentions[mid].end <= off) lo = mid + 1; else hi = mid;
  }
  if (lo < nm->nmentions && nm->mentions[lo].role_start <= off) return lo;
  return CB_NAME_NONE;
}

size_t cb_names_last_person_before(const cb_names *nm, size_t off) {
  size_t lo = 0, hi = nm->nmentions;
  while (lo < hi) {   /* first mention starting at or after off */
    size_t mid = lo + (hi - lo) / 2;
    if (nm->mentions[mid].start < off) lo = mid + 1; else hi = mid;
  }
  for (size_t i = lo; i-- > 0;)
    if (nm->mentions[i].end <= off && nm->mentions[i].kind == CB_NAME_PERSON &&
        nm->mentions[i].entity != CB_NAME_NONE) return i;
  return CB_NAME_NONE;
}

const char *cb_name_kind_name(cb_name_kind k) {
  static const char *const names[] = {"unknown", "person", "org", "place", "outlet"};
  return (unsigned)k < 5 ? names[k] : "unknown";
}
