/*
 * entity_match.c - cb_names_match: groups the entities of several articles. Links come from
 * hash tables, never from comparing every pair of a corpus: the same folded key (same name,
 * or accents only); one misspelt word among otherwise equal words, compared only inside
 * buckets of names sharing all words but the first or the last; a surname alone joining the
 * one full name it ends; an all-capitals word abbreviating one name of its first letter's
 * bucket; the same translation key; the alias table. Then each group's forms are listed with
 * how they differ from the group's name.
 */
#include "extract/names.h"
#include "extract/name_map.h"
#include "extract/name_fold.h"
#include "extract/name_compare.h"
#include "extract/name_lexicon.h"
#include "extract/entity_group.h"
#include <stdlib.h>
#include <string.h>

enum { BUCKET_CAP = 64 };   /* names compared per bucket at most */

typedef struct ent_ref { size_t art, ent; const cb_entity *e; size_t keylen, words; } ent_ref;

typedef struct matcher {
  cb_arena *a;
  const cb_names *const *arts;
  size_t narts;
  ent_ref *refs;
  size_t n;
  size_t *parent;
  cb_form_diff *edge;     /* how ref i was linked to its group (for forms no rule explains) */
  size_t *first_of_key;   /* first ref with the same key, per ref */
} matcher;

static size_t root(matcher *m, size_t i) {
  while (m->parent[i] != i) { m->parent[i] = m->parent[m->parent[i]]; i = m->parent[i]; }
  return i;
}

static void unite(matcher *m, size_t a, size_t b, cb_form_diff why) {
  size_t ra = root(m, a), rb = root(m, b);
  if (ra == rb) return;
  if (ra < rb) { m->parent[rb] = ra; if (m->edge[b] == CB_FORM_SAME) m->edge[b] = why; }
  else { m->parent[ra] = rb; if (m->edge[a] == CB_FORM_SAME) m->edge[a] = why; }
}

static size_t count_words(const char *k, size_t n) {
  size_t w = n ? 1 : 0;
  for (size_t i = 0; i < n; i++) w += k[i] == ' ';
  return w;
}

static int collect(matcher *m) {
  size_t total = 0;
  for (size_t a = 0; a < m->narts; a++) if (m->arts[a]) total += m->arts[a]->nentities;
  m->refs = cb_arena_alloc(m->a, (total + 1) * sizeof *m->refs);
  m->parent = cb_arena_alloc(m->a, (total + 1) * sizeof *m->parent);
  m->edge = cb_arena_calloc(m->a, total + 1, sizeof *m->edge);
  m->first_of_key = cb_arena_alloc(m->a, (total + 1) * sizeof *m->first_of_key);
  if (!m->refs || !m->parent || !m->edge || !m->first_of_key) return CB_ENOMEM;
  for (size_t a = 0; a < m->narts; a++)
    for (size_t e = 0; m->arts[a] && e < m->arts[a]->nentities; e++) {
      const cb_entity *E = &m->arts[a]->entities[e];
      size_t kl = strlen(E->key);
      m->refs[m->n] = (ent_ref){a, e, E, kl, count_words(E->key, kl)};
      m->parent[m->n] = m->n;
      m->n++;
    }
  return CB_OK;
}

/* The key without one-letter middle words ("lindsey o graham" -> "lindsey graham") in
 * out; its length, or 0 when there were none. */
static size_t without_initials(const char *k, size_t n, char *out) {
  size_t o = 0, dropped = 0, i = 0, first = 1;
  while (i < n) {
    size_t e = i;
    while (e < n && k[e] != ' ') e++;
    int initial = e - i == 1 && !first && e < n;
    if (initial) dropped++;
    else {
      if (o) out[o++] = ' ';
      memcpy(out + o, k + i, e - i);
      o += e - i;
    }
    first = 0;
    i = e + 1;
  }
  return dropped ? o : 0;
}

/* Same folded key: one name (perhaps with other accents or case); then the same key but
 * for middle initials. */
static int same_keys(matcher *m) {
  cb_name_map map;
  if (cb_name_map_init(&map, m->a, m->n)) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) {
    int added;
    size_t *v = cb_name_map_put(&map, m->refs[i].e->key, m->refs[i].keylen, i, &added);
    if (!v) return CB_ENOMEM;
    m->first_of_key[i] = *v;
    if (!added) unite(m, *v, i, CB_FORM_SAME);
  }
  for (size_t i = 0; i < m->n; i++) {
    char k[CB_NAME_KEY_MAX];
    if (m->first_of_key[i] != i || m->refs[i].words < 3 || m->refs[i].keylen >= CB_NAME_KEY_MAX) continue;
    size_t kn = without_initials(m->refs[i].e->key, m->refs[i].keylen, k);
    size_t *v = kn ? cb_name_map_get(&map, k, kn) : NULL;
    if (v) unite(m, *v, i, CB_FORM_PART);
  }
  return CB_OK;
}

/* Distinct multi-word names whose words but one are equal: compares the odd word. */
static int misspellings(matcher *m, int drop_last) {
  cb_name_map bucket;
  size_t *next = cb_arena_alloc(m->a, (m->n + 1) * sizeof *next);
  if (!next || cb_name_map_init(&bucket, m->a, m->n)) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) {
    const ent_ref *r = &m->refs[i];
    if (m->first_of_key[i] != i || r->words < 2) continue;
    const char *k = r->e->key;
    const char *sp = drop_last ? strrchr(k, ' ') : strchr(k, ' ');
    const char *bk = drop_last ? k : sp + 1;
    size_t bn = drop_last ? (size_t)(sp - k) : r->keylen - (size_t)(sp + 1 - k);
    const char *odd = drop_last ? sp + 1 : k;
    size_t on = drop_last ? r->keylen - (size_t)(sp + 1 - k) : (size_t)(sp - k);
    int added;
    size_t *head = cb_name_map_put(&bucket, bk, bn, CB_NAME_NONE, &added);
    if (!head) return CB_ENOMEM;
    size_t seen = 0;
    for (size_t j = *head; j != CB_NAME_NONE && seen < BUCKET_CAP; j = next[j], seen++) {
      const char *ok = m->refs[j].e->key;
      const char *osp = drop_last ? strrchr(ok, ' ') : strchr(ok, ' ');
      const char *oodd = drop_last ? osp + 1 : ok;
      size_t oon = drop_last ? m->refs[j].keylen - (size_t)(osp + 1 - ok) : (size_t)(osp - ok);
      if (cb_name_misspelt(oodd, oon, odd, on)) unite(m, j, i, CB_FORM_MISSPELLING);
    }
    next[i] = *head;
    *head = i;
  }
  return CB_OK;
}

/* A surname alone ("Trump", in an article without the full name) joins the group of full
 * names ending in it that most articles write, when that group has at least DOMINANCE times
 * the articles of any other such group (so "Clinton" stays alone between Hillary and Bill). */
enum { DOMINANCE = 3 };

typedef struct surname_best { size_t root, count, second; } surname_best;

static int surnames(matcher *m) {
  cb_name_map per_root, last;
  size_t *count = cb_arena_calloc(m->a, m->n + 1, sizeof *count);
  surname_best *best = cb_arena_calloc(m->a, m->n + 1, sizeof *best);
  if (!count || !best || cb_name_map_init(&per_root, m->a, m->n) || cb_name_map_init(&last, m->a, m->n))
    return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) count[root(m, i)]++;   /* refs per group: about its articles */
  size_t nb = 0;
  for (size_t i = 0; i < m->n; i++) {
    const ent_ref *r = &m->refs[i];
    if (r->words < 2 || r->e->kind != CB_NAME_PERSON) continue;
    const char *sp = strrchr(r->e->key, ' ');
    size_t sn = r->keylen - (size_t)(sp + 1 - r->e->key);
    size_t g = root(m, i);
    char *pk = cb_arena_printf(m->a, "%.*s\x1f%zu", (int)sn, sp + 1, g);
    int added;
    if (!pk || !cb_name_map_put(&per_root, pk, strlen(pk), 0, &added)) return CB_ENOMEM;
    if (!added) continue;   /* this group already counted for this surname */
    size_t *v = cb_name_map_put(&last, sp + 1, sn, nb, &added);
    if (!v) return CB_ENOMEM;
    if (added) best[nb++] = (surname_best){g, count[g], 0};
    else {
      surname_best *b = &best[*v];
      if (count[g] > b->count) { b->second = b->count; b->count = count[g]; b->root = g; }
      else if (count[g] > b->second) b->second = count[g];
    }
  }
  for (size_t i = 0; i < m->n; i++) {
    const ent_ref *r = &m->refs[i];
    if (r->words != 1 || (r->e->kind != CB_NAME_PERSON && r->e->kind != CB_NAME_UNKNOWN)) continue;
    size_t *v = cb_name_map_get(&last, r->e->key, r->keylen);
    if (v && best[*v].count >= DOMINANCE * best[*v].second) unite(m, best[*v].root, i, CB_FORM_PART);
  }
  return CB_OK;
}

/* An all-capitals word joins the one group among same-initial names it abbreviates. */
static int acronyms(matcher *m) {
  cb_name_map first;
  size_t *next = cb_arena_alloc(m->a, (m->n + 1) * sizeof *next);
  if (!next || cb_name_map_init(&first, m->a, 64)) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) {
    if (m->first_of_key[i] != i || m->refs[i].words < 2) continue;
    size_t *head = cb_name_map_put(&first, m->refs[i].e->key, 1, CB_NAME_NONE, NULL);
    if (!head) return CB_ENOMEM;
    next[i] = *head;
    *head = i;
  }
  for (size_t i = 0; i < m->n; i++) {
    const ent_ref *r = &m->refs[i];
    if (m->first_of_key[i] != i || r->words != 1 || r->keylen < 2 || r->keylen > 8) continue;
    if (cb_name_lex_get(CB_LEX_PLACES, r->e->key, r->keylen) || cb_name_lex_get(CB_LEX_ORGS, r->e->key, r->keylen) ||
        cb_name_lex_get(CB_LEX_OUTLETS, r->e->key, r->keylen))
      continue;   /* a known name: the alias table gives its long form */
    const char *n = r->e->name;
    int caps = 1;
    for (const char *p = n; *p; p++) if (*p >= 'a' && *p <= 'z') caps = 0;
    if (!caps) continue;
    size_t *head = cb_name_map_get(&first, r->e->key, 1);
    size_t found = CB_NAME_NONE, seen = 0;
    int ambiguous = 0;
    for (size_t j = head ? *head : CB_NAME_NONE; j != CB_NAME_NONE && seen < 8 * BUCKET_CAP; j = next[j], seen++) {
      if (m->refs[j].e->kind == CB_NAME_PERSON) continue;   /* people have no acronyms here */
      if (!cb_name_is_acronym(r->e->key, r->keylen, m->refs[j].e->key, m->refs[j].keylen)) continue;
      if (found != CB_NAME_NONE && root(m, found) != root(m, j)) ambiguous = 1;
      found = j;
    }
    if (found != CB_NAME_NONE && !ambiguous) unite(m, found, i, CB_FORM_ACRONYM);
  }
  return CB_OK;
}

/* Same translation key, one side translated; and the alias table. */
static int translations_and_aliases(matcher *m) {
  cb_name_map tr, al;
  if (cb_name_map_init(&tr, m->a, m->n) || cb_name_map_init(&al, m->a, m->n)) return CB_ENOMEM;
  for (size_t i = 0; i < m->n; i++) {
    if (m->first_of_key[i] != i) continue;
    const ent_ref *r = &m->refs[i];
    char key[CB_NAME_KEY_MAX];
    int translated;
    if (r->words >= 2) {
      size_t kl = cb_name_translation_key(r->e->key, r->keylen, key, &translated);
      char *k = kl ? cb_arena_strndup(m->a, key, kl) : NULL;
      if (kl && !k) return CB_ENOMEM;
      int added;
      size_t *v = k ? cb_name_map_put(&tr, k, kl, i | (translated ? (size_t)1 << 62 : 0), &added) : NULL;
      if (k && !v) return CB_ENOMEM;
      if (v && !added && (translated || (*v >> 62)))
        unite(m, *v & (((size_t)1 << 62) - 1), i, CB_FORM_TRANSLATION);
    }
    size_t an = 0;
    const char *canon = cb_name_alias_of(r->e->key, r->keylen, key, &an);
    const char *own = canon ? cb_arena_strndup(m->a, canon, an) : r->e->key;
    if (!own) return CB_ENOMEM;
    int added;
    size_t *v = cb_name_map_put(&al, own, canon ? an : r->keylen, i, &added);
    if (!v) return CB_ENOMEM;
    if (!added) unite(m, *v, i, CB_FORM_ALIAS);
  }
  return CB_OK;
}

int cb_names_match(cb_arena *a, const cb_names *const *arts, size_t n, cb_name_groups *out) {
  memset(out, 0, sizeof *out);
  matcher m = {a, arts, n, NULL, 0, NULL, NULL, NULL};
  if (collect(&m) || same_keys(&m) || misspellings(&m, 1) || misspellings(&m, 0) || surnames(&m) ||
      acronyms(&m) || translations_and_aliases(&m))
    return CB_ENOMEM;
  for (size_t i = 0; i < m.n; i++) root(&m, i);
  return cb_name_groups_build(a, arts, n, m.parent, m.edge, out);
}
