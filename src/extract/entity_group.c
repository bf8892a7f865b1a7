/*
 * entity_group.c - builds the groups of cb_names_match (see entity_group.h): each group's
 * forms (every distinct surface name, and every title standing for it) with the articles
 * writing them, its name (the multi-word form most articles write, then most mentions, then
 * the one with accents), its kind by vote, its roles, and the groups sorted by number of
 * articles.
 */
#include "extract/entity_group.h"
#include "extract/name_map.h"
#include "extract/name_compare.h"
#include "extract/name_fold.h"
#include <stdlib.h>
#include <string.h>

typedef struct form_acc {
  size_t group;
  const char *text;
  int role;
  size_t *arts, narts, cap;
  size_t mentions, support, order;
  cb_form_diff edge;
} form_acc;

typedef struct group_acc {
  size_t kinds[5];
  size_t *arts, narts, cap;
  size_t mentions, first;
  cb_name_role *roles; size_t nroles, rcap;
  size_t best_form;
} group_acc;

typedef struct builder {
  cb_arena *a;
  form_acc *forms; size_t nforms, fcap;
  group_acc *groups; size_t ngroups;
  cb_name_map form_map;
} builder;

static int push_art(cb_arena *a, size_t **v, size_t *n, size_t *cap, size_t art) {
  if (*n && (*v)[*n - 1] == art) return CB_OK;
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 4;
    size_t *nv = cb_arena_alloc(a, c * sizeof *nv);
    if (!nv) return CB_ENOMEM;
    if (*n) memcpy(nv, *v, *n * sizeof *nv);
    *v = nv;
    *cap = c;
  }
  (*v)[(*n)++] = art;
  return CB_OK;
}

/* The accumulator of form text in group g (created on first sight); NULL on OOM. */
static form_acc *form_of(builder *b, size_t g, const char *text, int role, cb_form_diff edge) {
  char *key = cb_arena_printf(b->a, "%zu\x1f%d\x1f%s", g, role, text);
  if (!key) return NULL;
  int added;
  size_t *v = cb_name_map_put(&b->form_map, key, strlen(key), b->nforms, &added);
  if (!v) return NULL;
  if (!added) return &b->forms[*v];
  if (b->nforms == b->fcap) {
    size_t c = b->fcap ? b->fcap * 2 : 64;
    form_acc *nf = cb_arena_alloc(b->a, c * sizeof *nf);
    if (!nf) return NULL;
    if (b->nforms) memcpy(nf, b->forms, b->nforms * sizeof *nf);
    b->forms = nf;
    b->fcap = c;
  }
  form_acc *f = &b->forms[b->nforms];
  memset(f, 0, sizeof *f);
  f->group = g; f->text = text; f->role = role; f->order = b->nforms; f->edge = edge;
  b->nforms++;
  return f;
}

static int add_role(builder *b, group_acc *g, size_t art, size_t mention, const cb_name_mention *mm) {
  if (g->nroles == g->rcap) {
    size_t c = g->rcap ? g->rcap * 2 : 4;
    cb_name_role *nr = cb_arena_alloc(b->a, c * sizeof *nr);
    if (!nr) return CB_ENOMEM;
    if (g->nroles) memcpy(nr, g->roles, g->nroles * sizeof *nr);
    g->roles = nr;
    g->rcap = c;
  }
  g->roles[g->nroles++] = (cb_name_role){art, mention, mm->role, mm->role_text, mm->modifiers, mm->nmodifiers};
  return CB_OK;
}

static int add_mention(builder *b, size_t gi, size_t art, const cb_names *nm, size_t mi, cb_form_diff edge) {
  const cb_name_mention *mm = &nm->mentions[mi];
  group_acc *g = &b->groups[gi];
  g->mentions++;
  if (!mm->role_phrase) {
    form_acc *f = form_of(b, gi, mm->text, 0, edge);
    if (!f || push_art(b->a, &f->arts, &f->narts, &f->cap, art)) return CB_ENOMEM;
    f->mentions++;
  }
  if (mm->role_text && mm->role) {
    form_acc *f = form_of(b, gi, mm->role_phrase ? mm->text : mm->role_text, 1, CB_FORM_ROLE);
    if (!f || push_art(b->a, &f->arts, &f->narts, &f->cap, art)) return CB_ENOMEM;
    f->mentions++;
    if (add_role(b, g, art, mi, mm)) return CB_ENOMEM;
  }
  return CB_OK;
}

static size_t words(const char *s) {
  size_t w = 1;
  for (; *s; s++) w += *s == ' ';
  return w;
}

/* 1 if form x makes a better group name than form y. */
static int better_name(const form_acc *x, const form_acc *y) {
  int mx = words(x->text) > 1, my = words(y->text) > 1;
  if (mx != my) return mx > my;
  if (x->narts != y->narts) return x->narts > y->narts;
  if (x->support != y->support) return x->support > y->support;
  int ax = cb_name_has_nonascii(x->text, strlen(x->text)), ay = cb_name_has_nonascii(y->text, strlen(y->text));
  if (ax != ay) return ax > ay;
  return x->order < y->order;
}

static cb_name_kind vote(const group_acc *g) {
  static const cb_name_kind order[] = {CB_NAME_OUTLET, CB_NAME_ORG, CB_NAME_PLACE, CB_NAME_PERSON};
  cb_name_kind best = CB_NAME_UNKNOWN;
  size_t most = 0;
  for (int i = 0; i < 4; i++)
    if (g->kinds[order[i]] > most) { most = g->kinds[order[i]]; best = order[i]; }
  return best;
}

static int gather(builder *b, const cb_names *const *arts, size_t n, const size_t *root,
                  const cb_form_diff *edge, size_t *gid) {
  size_t i = 0;
  for (size_t art = 0; art < n; art++) {
    const cb_names *nm = arts[art];
    for (size_t e = 0; nm && e < nm->nentities; e++, i++) {
      size_t r = root[i];
      if (gid[r] == CB_NAME_NONE) { gid[r] = b->ngroups++; b->groups[gid[r]].first = i; }
      size_t gi = gid[r];
      group_acc *g = &b->groups[gi];
      const cb_entity *E = &nm->entities[e];
      g->kinds[E->kind < 5 ? E->kind : 0]++;
      if (push_art(b->a, &g->arts, &g->narts, &g->cap, art)) return CB_ENOMEM;
      for (size_t k = 0; k < E->nmentions; k++)
        if (add_mention(b, gi, art, nm, E->mentions[k], edge[i])) return CB_ENOMEM;
      form_acc *f = form_of(b, gi, E->name, 0, edge[i]);
      if (!f) return CB_ENOMEM;
      f->support += E->nmentions;
    }
  }
  return CB_OK;
}

static int cmp_forms_in_group(const void *x, const void *y) {
  const cb_name_form *a = x, *b = y;
  if (a->diff == CB_FORM_SAME) return -1;
  if (b->diff == CB_FORM_SAME) return 1;
  if (a->narticles != b->narticles) return a->narticles > b->narticles ? -1 : 1;
  return 0;
}

/* Emits group gi, whose forms are fidx[0..nf). */
static int emit_group(builder *b, size_t gi, const size_t *fidx, size_t nf, cb_name_group *out) {
  group_acc *g = &b->groups[gi];
  size_t best = CB_NAME_NONE;
  for (size_t k = 0; k < nf; k++) {
    size_t f = fidx[k];
    if (!b->forms[f].role && (best == CB_NAME_NONE || better_name(&b->forms[f], &b->forms[best]))) best = f;
  }
  out->name = best != CB_NAME_NONE ? b->forms[best].text : "";
  out->kind = vote(g);
  out->forms = cb_arena_calloc(b->a, nf ? nf : 1, sizeof *out->forms);
  if (!out->forms) return CB_ENOMEM;
  for (size_t k = 0; k < nf; k++) {
    size_t f = fidx[k];
    const form_acc *fa = &b->forms[f];
    if (fa->narts == 0) continue;
    cb_name_form *o = &out->forms[out->nforms++];
    o->text = fa->text;
    o->articles = fa->arts;
    o->narticles = fa->narts;
    o->nmentions = fa->mentions;
    if (fa->role) o->diff = CB_FORM_ROLE;
    else if (f == best) o->diff = CB_FORM_SAME;
    else {
      o->diff = cb_name_compare(fa->text, out->name);
      if (o->diff == CB_FORM_SAME) o->diff = CB_FORM_CASE;   /* same words, another case */
      if (o->diff == CB_FORM_VARIANT && fa->edge != CB_FORM_SAME) o->diff = fa->edge;
    }
  }
  if (out->nforms) qsort(out->forms, out->nforms, sizeof *out->forms, cmp_forms_in_group);
  out->roles = g->roles;
  out->nroles = g->nroles;
  out->articles = g->arts;
  out->narticles = g->narts;
  return CB_OK;
}

typedef struct group_rank { size_t narts, mentions, first, idx; } group_rank;

static int cmp_groups(const void *x, const void *y) {
  const group_rank *a = x, *b = y;
  if (a->narts != b->narts) return a->narts > b->narts ? -1 : 1;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  return a->first < b->first ? -1 : a->first > b->first;
}

/* Forms bucketed by group (counting sort): forms of group g are idx[start[g]..start[g+1]). */
static int bucket_forms(builder *b, size_t **idx, size_t **start) {
  *idx = cb_arena_alloc(b->a, (b->nforms + 1) * sizeof **idx);
  *start = cb_arena_calloc(b->a, b->ngroups + 2, sizeof **start);
  if (!*idx || !*start) return CB_ENOMEM;
  for (size_t f = 0; f < b->nforms; f++) (*start)[b->forms[f].group + 2]++;
  for (size_t g = 2; g < b->ngroups + 2; g++) (*start)[g] += (*start)[g - 1];
  for (size_t f = 0; f < b->nforms; f++) (*idx)[(*start)[b->forms[f].group + 1]++] = f;
  return CB_OK;
}

int cb_name_groups_build(cb_arena *a, const cb_names *const *arts, size_t n, const size_t *root,
                         const cb_form_diff *edge, cb_name_groups *out) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++) if (arts[i]) total += arts[i]->nentities;
  builder b = {a, NULL, 0, 0, NULL, 0, {0}};
  size_t *gid = cb_arena_alloc(a, (total + 1) * sizeof *gid);
  group_rank *order = cb_arena_alloc(a, (total + 1) * sizeof *order);
  size_t *rank = cb_arena_alloc(a, (total + 1) * sizeof *rank);
  b.groups = cb_arena_calloc(a, total + 1, sizeof *b.groups);
  out->group_of = cb_arena_calloc(a, n + 1, sizeof *out->group_of);
  if (!gid || !order || !rank || !b.groups || !out->group_of || cb_name_map_init(&b.form_map, a, total * 2))
    return CB_ENOMEM;
  for (size_t i = 0; i < total; i++) gid[i] = CB_NAME_NONE;
  if (gather(&b, arts, n, root, edge, gid)) return CB_ENOMEM;
  for (size_t g = 0; g < b.ngroups; g++)
    order[g] = (group_rank){b.groups[g].narts, b.groups[g].mentions, b.groups[g].first, g};
  if (b.ngroups) qsort(order, b.ngroups, sizeof *order, cmp_groups);
  size_t *fidx, *fstart;
  out->groups = cb_arena_calloc(a, b.ngroups + 1, sizeof *out->groups);
  if (!out->groups || bucket_forms(&b, &fidx, &fstart)) return CB_ENOMEM;
  for (size_t k = 0; k < b.ngroups; k++) {
    size_t g = order[k].idx;
    rank[g] = k;
    if (emit_group(&b, g, fidx + fstart[g], fstart[g + 1] - fstart[g], &out->groups[k])) return CB_ENOMEM;
  }
  out->ngroups = b.ngroups;
  out->narticles = n;
  size_t i = 0;
  for (size_t art = 0; art < n; art++) {
    size_t ne = arts[art] ? arts[art]->nentities : 0;
    out->group_of[art] = cb_arena_alloc(a, (ne + 1) * sizeof **out->group_of);
    if (!out->group_of[art]) return CB_ENOMEM;
    for (size_t e = 0; e < ne; e++, i++) out->group_of[art][e] = rank[gid[root[i]]];
  }
  return CB_OK;
}
