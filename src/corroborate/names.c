/*
 * names.c - entities and roles of a story. The names of every article
 * (src/extract/names.h) are grouped across the story's articles; each group is an entity
 * with the forms it is written in and the kind of difference (diacritics, misspelling,
 * acronym, translation, alias). The titles sources give a person are lined up too: the
 * same title is "agree", a title one source qualifies differently is "compatible", and a
 * title that changes what the person is ("former" President against President) is a
 * "conflict", with a flag on the article that stands alone.
 */
#include "corroborate/story.h"
#include "core/buf.h"
#include "core/lines.h"
#include "extract/names.h"
#include "text/memo.h"
#include "text/wordnet.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Modifiers that change whether the title holds now. */
static int temporal_modifier(const char *m) {
  static const char *const t[] = {"former", "ex", "late", "acting", "interim", "outgoing", "incoming", "elect", NULL};
  for (int i = 0; t[i]; i++) if (!strcasecmp(m, t[i])) return 1;
  return 0;
}

/* Two titles name different offices when they share no word ("Finance Minister" /
 * "Governor") or one has a rank the other lacks ("Deputy Governor" / "Governor"); titles
 * that share their head word are one office written two ways ("Pentagon Secretary" /
 * "Secretary of Defense"). */
static int rank_word(const char *w, size_t n) {
  static const char *const r[] = {"deputy", "vice", "assistant", "associate", "under", "junior", "senior", "chief", NULL};
  for (int i = 0; r[i]; i++) if (strlen(r[i]) == n && !strncasecmp(w, r[i], n)) return 1;
  return 0;
}

static int has_word(const char *s, const char *w, size_t n) {
  for (const char *p = s; *p;) {
    while (*p == ' ' || *p == '-') p++;
    size_t k = 0;
    while (p[k] && p[k] != ' ' && p[k] != '-') k++;
    if (k == n && !strncasecmp(p, w, n)) return 1;
    p += k;
  }
  return 0;
}

/* The group lines of data/names/title-groups.txt that hold a word of the title, as a bit
 * set (line 1 = bit 0). */
static unsigned title_groups(const char *title) {
  unsigned set = 0;
  int line = 0;
  size_t len;
  cb_lines it = cb_lines_of("names/title-groups.txt");
  for (const char *p; line < 32 && (p = cb_lines_next(&it, &len)); line++) {
    for (const char *w = p, *le = p + len; w < le;) {
      while (w < le && *w == ' ') w++;
      const char *e = w;
      while (e < le && *e != ' ') e++;
      if (e > w && has_word(title, w, (size_t)(e - w))) set |= 1u << line;
      w = e;
    }
  }
  return set;
}

static int different_offices(const char *a, const char *b) {
  int shared = 0;
  for (int pass = 0; pass < 2; pass++) {
    const char *x = pass ? b : a, *y = pass ? a : b;
    for (const char *p = x; *p;) {
      while (*p == ' ' || *p == '-') p++;
      size_t k = 0;
      while (p[k] && p[k] != ' ' && p[k] != '-') k++;
      if (k) {
        int in_other = has_word(y, p, k);
        if (rank_word(p, k) && !in_other) return 1;   /* a rank only one of them has */
        if (in_other && k > 2) shared = 1;
      }
      p += k;
    }
  }
  return !shared && !(title_groups(a) & title_groups(b));   /* "Senator", "Senate Majority Leader" */
}

/* A rank the title's modifiers give it ("Deputy" Governor): part of the office. */
static const char *rank_of(const cb_name_role *r) {
  for (size_t i = 0; i < r->nmodifiers; i++) if (rank_word(r->modifiers[i], strlen(r->modifiers[i]))) return r->modifiers[i];
  return NULL;
}

static int same_rank(const cb_name_role *a, const cb_name_role *b) {
  const char *x = rank_of(a), *y = rank_of(b);
  return x == y || (x && y && !strcasecmp(x, y));
}

/* A title held at the time of a past event ("then-Senator Obama"): it says nothing of
 * the title now, so it neither supports nor contradicts the others. */
static int held_then(const cb_name_role *r) {
  for (size_t i = 0; i < r->nmodifiers; i++) if (!strcasecmp(r->modifiers[i], "then")) return 1;
  return 0;
}

/* ---- what kind of title: a public office, a rank, or a job (data/names/title-classes.tsv) ---- */
typedef enum { TITLE_JOB = 0, TITLE_OFFICE, TITLE_RANK } title_class;

/* Whether word (a WordNet lemma, '_' for blanks) is of class cls ("office", "rank"). */
static int class_lookup(const char *word, const char *cls);

static int word_in_class(const char *word, const char *cls) { return cb_memo_ask(30, class_lookup, word, cls); }

static int class_lookup(const char *word, const char *cls) {
  size_t len, cl = strlen(cls);
  cb_lines it = cb_lines_of("names/title-classes.tsv");
  for (const char *p; (p = cb_lines_next(&it, &len));) {
    if (len <= cl || strncmp(p, cls, cl) || p[cl] != '\t') continue;
    char anchor[64];
    const char *a = p + cl + 1, *tab = memchr(a, '\t', len - cl - 1);
    if (!tab || (size_t)(tab - a) >= sizeof anchor) continue;
    memcpy(anchor, a, (size_t)(tab - a));
    anchor[tab - a] = 0;
    cb_wn_pos pos = strcmp(cls, "ended") ? CB_WN_NOUN : CB_WN_VERB;
    if (cb_wn_hypernym_depth(pos, word, anchor, 3, atoi(tab + 1)) >= 0) return 1;
  }
  return 0;
}

/* The class of a title: the whole title as a WordNet lemma ("Prime Minister"), else its
 * head word (the last, or the one before "of": "Secretary of State"). */
static title_class class_of_title(const char *title) {
  char whole[96], head[64];
  size_t n = 0, hs = 0, he = 0;
  for (const char *p = title; *p && n + 1 < sizeof whole; p++) whole[n++] = *p == ' ' || *p == '-' ? '_' : (char)tolower((unsigned char)*p);
  whole[n] = 0;
  const char *of = strstr(whole, "_of_");
  he = of ? (size_t)(of - whole) : n;
  hs = he;
  while (hs > 0 && whole[hs - 1] != '_') hs--;
  if (he - hs >= sizeof head) return TITLE_JOB;
  memcpy(head, whole + hs, he - hs);
  head[he - hs] = 0;
  for (int k = 0; k < 2; k++) {
    const char *w = k ? head : whole;
    if (word_in_class(w, "rank")) return TITLE_RANK;
    if (word_in_class(w, "office")) return TITLE_OFFICE;
  }
  return TITLE_JOB;
}

/* Two different titles of one person: a conflict only between two public offices; a rank
 * beside a job is no conflict at all; two jobs (or an office and a job) are uncertain. */
static cb_verdict different_titles(const char *a, const char *b) {
  title_class x = class_of_title(a), y = class_of_title(b);
  if ((x == TITLE_RANK) != (y == TITLE_RANK)) return CB_COMPATIBLE;
  return x == TITLE_OFFICE && y == TITLE_OFFICE ? CB_CONFLICT : CB_UNCERTAIN;
}

static const char *temporal_of(const cb_name_role *r) {
  for (size_t i = 0; i < r->nmodifiers; i++) if (temporal_modifier(r->modifiers[i])) return r->modifiers[i];
  return NULL;
}

/* "Former Arkansas Rep. Asa Hutchinson", "outgoing senior economic adviser": a temporal
 * word kept apart from the title by names or modifiers (no function word between) still
 * qualifies it. */
static const char *temporal_before(const cb_story_ctx *c, int article, size_t role_start) {
  const char *body = c->brief->articles[article]->body;
  long si = cb_ctx_sentence_at(c, article, role_start);
  size_t lo = si >= 0 ? c->sents.v[si].start : 0, p = role_start;
  for (int w = 0; w < 4 && p > lo; w++) {
    while (p > lo && (body[p - 1] == ' ' || body[p - 1] == '-')) p--;
    size_t e = p;
    while (p > lo && body[p - 1] != ' ' && body[p - 1] != '-') p--;
    if (e == p) break;
    char word[16];
    if (e - p < sizeof word) {
      memcpy(word, body + p, e - p);
      word[e - p] = 0;
      if (temporal_modifier(word)) return cb_arena_strdup(c->arena, word);
      /* "recently resigned RNC political director": a participle of leaving office */
      if (e - p > 3 && !strcmp(word + (e - p) - 2, "ed") && word_in_class(word, "ended"))
        return cb_arena_strdup(c->arena, word);
    }
    if (!cb_content_key(body + p, e - p)) break;   /* only names and modifiers stand between */
  }
  return NULL;
}

/* A title named in a clause about an act of an earlier year ("In 2009, Governor Smith
 * signed the bill") is the title held then: it says nothing of the title now. A report
 * ("Governor Smith said") and an act of the story's own days speak of now. */
static int past_act(cb_story_ctx *c, int article, const cb_name_mention *m) {
  const cb_frame *f = cb_ctx_frame(c, article, m->role_start, m->end, CB_FRAME_TITLE);
  if (!f || f->tense != CB_TENSE_PAST || f->speech || !f->time) return 0;
  const char *pub = c->brief->articles[article]->published;
  int year = pub[0] && isdigit((unsigned char)pub[0]) ? atoi(pub) : 0;
  for (const char *p = f->time; *p; p++)
    if (isdigit((unsigned char)p[0]) && (p == f->time || !isdigit((unsigned char)p[-1]))) {
      int y = atoi(p);
      if (y >= 1000 && y <= 2999 && year && y < year) return 1;
    }
  return 0;
}

/* "Sen. John Kerry's open seat": a title on the owner of a thing names him by what he was
 * to it (often the office he held), not his title now. */
static int possessor(cb_story_ctx *c, int article, const cb_name_mention *m) {
  long si = cb_ctx_sentence_at(c, article, m->start);
  const cb_syn_sent *s = cb_ctx_parse(c, si);
  if (!s) return 0;
  int n = cb_syn_word_at(s, m->end - 1 - c->sents.v[si].start);
  for (int k = 0; n >= 0 && k < 4 && (cb_syn_is(&s->w[n], "flat") || cb_syn_is(&s->w[n], "compound")); k++)
    n = s->w[n].head;
  if (n < 0) return 0;
  if (cb_syn_is(&s->w[n], "nmod:poss")) return 1;
  for (size_t i = 0; i < s->n; i++)   /* the possessive 's on the name, whatever the tree made of it */
    if (s->w[i].head == n && s->w[i].xpos && !strcmp(s->w[i].xpos, "POS")) return 1;
  return 0;
}

/* Is the title a title of the name in the tree: the title word and the name's head one the
 * other's head, or both in one name phrase? "the president Blumenthal worked for" is not. */
static int title_of_name(cb_story_ctx *c, int article, const cb_name_mention *m) {
  if (m->role_start >= m->start) return 1;
  long si = cb_ctx_sentence_at(c, article, m->start);
  const cb_syn_sent *s = cb_ctx_parse(c, si);
  if (!s) return 1;
  size_t base = c->sents.v[si].start;
  int t = cb_syn_word_at(s, m->start - 1 - base), n = cb_syn_word_at(s, m->end - 1 - base);
  while (t >= 0 && s->w[t].upos == CB_UPOS_PUNCT && base + s->w[t].start > m->role_start) t--;
  if (t < 0 || n < 0) return 1;
  for (int k = 0; k < 4 && s->w[n].head >= 0 && (cb_syn_is(&s->w[n], "flat") || cb_syn_is(&s->w[n], "compound")); k++)
    n = s->w[n].head;   /* the head of the name: "John" of "John Kerry" */
  for (int up = t, k = 0; up >= 0 && k < 4; up = s->w[up].head, k++) if (up == n) return 1;
  for (int up = n, k = 0; up >= 0 && k < 4; up = s->w[up].head, k++) if (up == t) return 1;
  int ht = s->w[t].head;   /* siblings in one phrase ("Sen. John Kerry" under another word) */
  return ht >= 0 && ht == s->w[n].head && (cb_syn_is(&s->w[t], "compound") || cb_syn_is(&s->w[t], "amod"));
}

static cb_verdict worse(cb_verdict a, cb_verdict b) {
  int ra = a == CB_CONFLICT ? 2 : a == CB_UNCERTAIN, rb = b == CB_CONFLICT ? 2 : b == CB_UNCERTAIN;
  return ra >= rb ? a : b;
}

static int role_finding(cb_story_ctx *c, const cb_name_group *g, const cb_names *const *arts) {
  int art_of[64] = {0};
  size_t k = 0;
  /* one role per article: its first */
  const cb_name_role *roles[64];
  const char *temporal[64];
  for (size_t i = 0; i < g->nroles && k < 64; i++) {
    if (held_then(&g->roles[i])) continue;
    int a = c->story->articles.v[g->roles[i].article], seen = 0;
    const cb_name_mention *mn = &arts[g->roles[i].article]->mentions[g->roles[i].mention];
    const char *t = temporal_of(&g->roles[i]);
    if (!t) t = temporal_before(c, a, mn->role_start);
    if (!t && past_act(c, a, mn)) continue;
    if (!title_of_name(c, a, mn) || (!t && possessor(c, a, mn))) continue;
    for (size_t j = 0; j < k && !seen; j++) seen = art_of[j] == a;
    if (seen) continue;
    art_of[k] = a;
    temporal[k] = t;
    roles[k++] = &g->roles[i];
  }
  if (cb_ctx_independent(c, art_of, k) < 2) return CB_OK;
  int same_title = 1, with_temporal = 0;
  cb_verdict office = CB_COMPATIBLE;
  for (size_t i = 0; i < k; i++) {
    if (!same_rank(roles[i], roles[0])) { same_title = 0; office = CB_CONFLICT; }
    else if (strcasecmp(roles[i]->role, roles[0]->role) && different_offices(roles[i]->role, roles[0]->role)) {
      same_title = 0;
      office = worse(office, different_titles(roles[i]->role, roles[0]->role));
    }
    with_temporal += temporal[i] != NULL;
  }
  /* a title some sources qualify as no longer held ("former"), a rank ("Deputy Governor")
   * or another public office ("Finance Minister" against "Governor") is a conflict; two
   * jobs may both be held (uncertain); a rank beside a job is no conflict */
  cb_verdict v = with_temporal && with_temporal < (int)k ? CB_CONFLICT : !same_title ? office : CB_AGREE;
  if (v == CB_AGREE) {
    for (size_t i = 1; i < k; i++)   /* the same office, qualified or written differently */
      if (roles[i]->nmodifiers != roles[0]->nmodifiers || strcasecmp(roles[i]->role, roles[0]->role)) v = CB_COMPATIBLE;
  }
  cb_finding *f = CB_VEC_PUSH(c->arena, &c->story->findings);
  if (!f) return CB_ENOMEM;
  f->kind = CB_KIND_ROLE;
  f->verdict = v;
  f->independent = cb_ctx_independent(c, art_of, k);
  f->topic = cb_arena_printf(c->arena, "title of %s", g->name);
  f->value = v == CB_CONFLICT || v == CB_UNCERTAIN || !same_title ? NULL : roles[0]->role;
  for (size_t i = 0; i < k; i++) {
    const cb_names *nm = arts[roles[i]->article];
    const cb_name_mention *m = &nm->mentions[roles[i]->mention];
    cb_claim *cl = CB_VEC_PUSH(c->arena, &f->claims);
    if (!cl || cb_ctx_claim(c, cl, art_of[i], m->role_start, m->end, roles[i]->text)) return CB_ENOMEM;
    cb_ctx_claim_frame(c, cl, cb_ctx_frame(c, art_of[i], m->role_start, m->end, CB_FRAME_TITLE));
  }
  if (v != CB_CONFLICT && !same_title) {
    cb_buf why;
    cb_buf_init(&why);
    cb_buf_printf(&why, v == CB_UNCERTAIN ? "the sources give %s different titles, which one person may hold together:"
                                          : "the sources give %s a rank and a job, which go together:", g->name);
    for (size_t i = 0; i < k; i++) cb_buf_printf(&why, "%s \"%s\" (%s)", i ? "," : "", roles[i]->text, cb_ctx_source_name(c, art_of[i]));
    f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
    cb_buf_free(&why);
  } else if (v == CB_CONFLICT && !same_title && !with_temporal) {
    cb_buf why;
    cb_buf_init(&why);
    cb_buf_printf(&why, "the sources give %s different titles:", g->name);
    for (size_t i = 0; i < k; i++) cb_buf_printf(&why, "%s \"%s\" (%s)", i ? "," : "", roles[i]->text, cb_ctx_source_name(c, art_of[i]));
    f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
    cb_buf_free(&why);
    /* flag the sources whose title most others do not give */
    for (size_t i = 0; i < k; i++) {
      size_t same = 0;
      for (size_t j = 0; j < k; j++) same += !strcasecmp(roles[i]->role, roles[j]->role) && same_rank(roles[i], roles[j]);
      if (same * 2 >= k) continue;
      cb_flag *fl = CB_VEC_PUSH(c->arena, &c->story->flags);
      if (!fl) return CB_ENOMEM;
      fl->article = art_of[i];
      fl->kind = "role";
      fl->text = cb_arena_printf(c->arena, "%s %s", roles[i]->text, g->name);
      fl->why = cb_arena_printf(c->arena, "\"%s\" for %s, while %zu of %zu sources give another title", roles[i]->text, g->name, k - same, k);
    }
  } else if (v == CB_CONFLICT) {
    /* the side with fewer sources is the odd one out */
    int lone_temporal = with_temporal * 2 < (int)k;
    cb_buf why;
    cb_buf_init(&why);
    cb_buf_printf(&why, "the sources disagree on whether %s still holds the title:", g->name);
    for (size_t i = 0; i < k; i++)
      cb_buf_printf(&why, "%s \"%s\" (%s)", i ? "," : "", roles[i]->text, cb_ctx_source_name(c, art_of[i]));
    f->explanation = cb_arena_strndup(c->arena, why.ptr ? why.ptr : "", why.len);
    cb_buf_free(&why);
    /* the other side: its independent sources and one title it gives */
    int others[64];
    size_t no = 0;
    const char *other_title = NULL;
    for (size_t i = 0; i < k; i++) {
      if ((temporal[i] != NULL) == lone_temporal) continue;
      others[no++] = art_of[i];
      if (!other_title) other_title = roles[i]->text;
    }
    int nother = cb_ctx_independent(c, others, no);
    for (size_t i = 0; i < k; i++) {
      if ((temporal[i] != NULL) != lone_temporal) continue;
      cb_flag *fl = CB_VEC_PUSH(c->arena, &c->story->flags);
      if (!fl) return CB_ENOMEM;
      fl->article = art_of[i];
      fl->kind = "role";
      fl->text = cb_arena_printf(c->arena, "%s %s", roles[i]->text, g->name);
      fl->why = cb_arena_printf(c->arena, "\"%s\" for %s, while %d other source%s say%s \"%s\"", roles[i]->text, g->name,
                                nother, nother == 1 ? "" : "s", nother == 1 ? "s" : "", other_title ? other_title : "");
    }
  } else {
    f->explanation = cb_arena_printf(c->arena, "%d sources give %s the title %s", f->independent, g->name, roles[0]->role);
  }
  return f->explanation ? CB_OK : CB_ENOMEM;
}

static int add_entity(cb_story_ctx *c, const cb_name_group *g) {
  cb_brief_entity *e = CB_VEC_PUSH(c->arena, &c->story->entities);
  if (!e) return CB_ENOMEM;
  e->name = g->name;
  e->type = cb_name_kind_name(g->kind);
  for (size_t i = 0; i < g->nforms; i++) {
    cb_brief_form *f = CB_VEC_PUSH(c->arena, &e->forms);
    if (!f) return CB_ENOMEM;
    f->text = g->forms[i].text;
    f->kind = cb_form_diff_name(g->forms[i].diff);
    for (size_t k = 0; k < g->forms[i].narticles; k++) {
      int *slot = CB_VEC_PUSH(c->arena, &f->articles);
      if (!slot) return CB_ENOMEM;
      *slot = c->story->articles.v[g->forms[i].articles[k]];
    }
  }
  return CB_OK;
}

int cb_names_build(cb_story_ctx *c) {
  size_t n = c->story->articles.n;
  const cb_names **arts = cb_arena_calloc(c->arena, n, sizeof *arts);
  if (!arts) return CB_ENOMEM;
  for (size_t i = 0; i < n; i++)
    if (!(arts[i] = cb_ctx_names(c, i))) return CB_ENOMEM;
  cb_name_groups groups;
  if (cb_names_match(c->arena, arts, n, &groups)) return CB_ENOMEM;
  for (size_t i = 0; i < groups.ngroups; i++) {
    const cb_name_group *g = &groups.groups[i];
    if (g->narticles >= 2 || g->nforms >= 2) {
      int rc = add_entity(c, g);
      if (rc) return rc;
    }
    if (g->kind == CB_NAME_PERSON && g->nroles >= 2) {
      int rc = role_finding(c, g, arts);
      if (rc) return rc;
    }
  }
  return CB_OK;
}
