/*
 * name_scan.c - finds name mentions in word tokens (see name_scan.h). At each word it tries,
 * in order: modifiers + title + name ("former U.S. President Donald Trump"), title + "of"
 * + place + ", " + name ("the President of the United States, Donald Trump"), a role phrase
 * without a name ("the Venezuelan leader"), nationality + name ("Venezuelan Nicolás
 * Maduro"), honorific + name ("Mr Trump"), and a plain run of capitalised words joined by
 * particles ("Cartel de los Soles", "Vladimir Padrino López"). Title-case lines are read
 * last, keeping only words already known as names from the body.
 */
#include "extract/name_scan.h"
#include "extract/name_lexicon.h"
#include "extract/name_map.h"
#include "extract/name_fold.h"
#include "text/dateline.h"
#include <string.h>

typedef struct scan {
  cb_arena *a;
  const char *s;
  size_t n;
  const cb_ntok *t;
  size_t nt;
  cb_name_hit *hits;
  size_t nhits, cap;
  int oom;
} scan;

static int has(const cb_ntok *t, unsigned f) { return (t->flags & f) != 0; }

size_t cb_name_lex_match(int id, const cb_ntok *t, size_t nt, size_t i, const char **canon) {
  if (!((t[i].lex | t[i].lex_first) & (1u << id))) return 0;
  if (!(t[i].lex_first & (1u << id))) {   /* one word only */
    const char *c = cb_name_lex_get((cb_name_lex_id)id, t[i].key, t[i].keylen);
    if (c && canon) *canon = c;
    return c ? 1 : 0;
  }
  int maxw = cb_name_lex_max_words((cb_name_lex_id)id);
  char key[CB_NAME_KEY_MAX];
  size_t len = 0, best = 0;
  for (int w = 0; w < maxw && i + (size_t)w < nt; w++) {
    const cb_ntok *k = &t[i + (size_t)w];
    if (w > 0 && (!has(k, CB_NT_JOINED) || has(&t[i + (size_t)w - 1], CB_NT_POSS))) break;
    if (len + k->keylen + 2 >= sizeof key) break;
    if (w > 0) key[len++] = ' ';
    memcpy(key + len, k->key, k->keylen);
    len += k->keylen;
    const char *c = cb_name_lex_get((cb_name_lex_id)id, key, len);
    if (c) { best = (size_t)w + 1; if (canon) *canon = c; }
  }
  return best;
}

static int in_lex(int id, const cb_ntok *t) { return (t->lex & (1u << id)) != 0; }

static int is_stop(const cb_ntok *t) { return in_lex(CB_LEX_STOPWORDS, t); }

/* A capitalised word that may begin a name. */
static int name_word(const scan *sc, size_t i) {
  if (i >= sc->nt) return 0;
  const cb_ntok *t = &sc->t[i];
  return has(t, CB_NT_CAP) && !has(t, CB_NT_HEADLINE) && !is_stop(t);
}

/* 1 if a title starts at i and a name follows it (then the name run must stop before i). */
static size_t title_at(const scan *sc, size_t j, const char **title);
static int title_then_name(const scan *sc, size_t i) {
  const char *c;
  size_t k = title_at(sc, i, &c);
  return k && i + k < sc->nt && has(&sc->t[i + k], CB_NT_JOINED) && name_word(sc, i + k);
}

static int has_org_cue(const scan *sc, size_t b, size_t e) {
  for (size_t i = b; i < e; i++)
    if (in_lex(CB_LEX_ORG_CUES, &sc->t[i]) || in_lex(CB_LEX_OUTLET_CUES, &sc->t[i])) return 1;
  return 0;
}

/* End (exclusive) of the run of name words starting at b. */
static size_t name_run(const scan *sc, size_t b) {
  size_t j = b + 1;
  while (j < sc->nt && !has(&sc->t[j - 1], CB_NT_POSS) && has(&sc->t[j], CB_NT_JOINED)) {
    if (name_word(sc, j)) {
      if (title_then_name(sc, j)) break;
      j++;
      continue;
    }
    if (has(&sc->t[j], CB_NT_CAP)) break;
    const char *c;
    size_t p = cb_name_lex_match(CB_LEX_PARTICLES, sc->t, sc->nt, j, &c);
    if (!p || j + p >= sc->nt || !has(&sc->t[j + p], CB_NT_JOINED) || !name_word(sc, j + p)) break;
    int english = strcmp(c, "of") == 0 || strcmp(c, "of the") == 0 || strcmp(c, "for") == 0;
    if (english && !has_org_cue(sc, b, j)) break;   /* "Cartel of the Suns", not "Trump of the US" */
    j += p + 1;
  }
  return j;
}

static cb_name_hit *add_hit(scan *sc, size_t t0, size_t t1, unsigned hints) {
  if (sc->nhits == sc->cap) {
    size_t cap = sc->cap ? sc->cap * 2 : sc->nt / 8 + 32;
    cb_name_hit *h = cb_arena_alloc(sc->a, cap * sizeof *h);
    if (!h) { sc->oom = 1; return NULL; }
    if (sc->nhits) memcpy(h, sc->hits, sc->nhits * sizeof *h);
    sc->hits = h;
    sc->cap = cap;
  }
  cb_name_hit *h = &sc->hits[sc->nhits++];
  memset(h, 0, sizeof *h);
  h->t0 = t0; h->t1 = t1; h->hints = hints;
  h->m.entity = CB_NAME_NONE;
  if (t1 > t0) {
    h->m.start = h->m.role_start = sc->t[t0].start;
    h->m.end = sc->t[t1 - 1].end;
    h->m.text = cb_arena_strndup(sc->a, sc->s + h->m.start, h->m.end - h->m.start);
    char key[CB_NAME_KEY_MAX];
    size_t kl = cb_name_fold(h->m.text ? h->m.text : "", h->m.end - h->m.start, key);
    h->m.key = cb_arena_strndup(sc->a, key, kl);
    if (!h->m.text || !h->m.key) sc->oom = 1;
  }
  return h;
}

/* Sets the role of hit h: modifiers mods[0..nm) and title, written from token rb. */
static void set_role(scan *sc, cb_name_hit *h, size_t rb, size_t re, const char **mods, size_t nm,
                     const char *title) {
  h->m.role = title;
  h->m.role_start = sc->t[rb].start;
  h->m.role_text = cb_arena_strndup(sc->a, sc->s + sc->t[rb].start, sc->t[re - 1].end - sc->t[rb].start);
  if (nm) {
    h->m.modifiers = cb_arena_alloc(sc->a, nm * sizeof *mods);
    if (h->m.modifiers) memcpy(h->m.modifiers, mods, nm * sizeof *mods);
    else sc->oom = 1;
  }
  h->m.nmodifiers = nm;
  if (!h->m.role_text) sc->oom = 1;
}

enum { MAX_MODS = 6 };

/* Modifiers from token i on ("former", "U.S.", "Venezuelan", "Venezuela's"). */
static size_t read_modifiers(const scan *sc, size_t i, const char **mods, size_t *nm) {
  size_t j = i;
  *nm = 0;
  while (j < sc->nt && *nm < MAX_MODS && (j == i || has(&sc->t[j], CB_NT_JOINED))) {
    if (j > i && has(&sc->t[j - 1], CB_NT_POSS)) break;
    const char *c = NULL, *title;
    size_t k = cb_name_lex_match(CB_LEX_MODIFIERS, sc->t, sc->nt, j, &c);
    if (!k) k = cb_name_lex_match(CB_LEX_DEMONYMS, sc->t, sc->nt, j, &c);
    if (k && cb_name_lex_match(CB_LEX_TITLES, sc->t, sc->nt, j, &title) > k) break;   /* "Senate Minority Leader" */
    if (!k && has(&sc->t[j], CB_NT_POSS) && in_lex(CB_LEX_PLACES, &sc->t[j])) {   /* "Uganda's" */
      mods[(*nm)++] = cb_name_lex_get(CB_LEX_PLACES, sc->t[j].key, sc->t[j].keylen);
      return j + 1;
    }
    if (!k) break;
    mods[(*nm)++] = c;
    j += k;
  }
  return j;
}

static int is_determiner(const scan *sc, size_t i) {
  static const char *const det[] = {"the", "his", "her", "its", "their", "our", NULL};
  if (i >= sc->nt) return 0;
  for (int d = 0; det[d]; d++)
    if (cb_ntok_is(&sc->t[i], det[d])) return 1;
  return 0;
}

static int is_place_mod(const char *m) {
  char key[CB_NAME_KEY_MAX];
  size_t kl = cb_name_fold(m, strlen(m), key);
  return cb_name_lex_get(CB_LEX_PLACES, key, kl) != NULL;
}

/* "the President of the United States, Donald Trump": returns the name's start or 0. */
static size_t appositive_name(const scan *sc, size_t k, const char **mods, size_t *nm) {
  if (k + 2 >= sc->nt || !cb_ntok_is(&sc->t[k], "of")) return 0;
  size_t p = k + 1;
  if (cb_ntok_is(&sc->t[p], "the")) p++;
  const char *place;
  size_t w = p < sc->nt ? cb_name_lex_match(CB_LEX_PLACES, sc->t, sc->nt, p, &place) : 0;
  if (!w || p + w >= sc->nt || !has(&sc->t[p + w - 1], CB_NT_COMMA_AFTER)) return 0;
  if (!name_word(sc, p + w)) return 0;
  if (*nm < MAX_MODS) mods[(*nm)++] = place;
  return p + w;
}

/* 1 if only a possessive 's and a space separate token j from the one before. */
static int after_possessive(const scan *sc, size_t j) {
  return j > 0 && has(&sc->t[j - 1], CB_NT_POSS) && sc->t[j].start - sc->t[j - 1].end <= 5 &&
         !memchr(sc->s + sc->t[j - 1].end, '\n', sc->t[j].start - sc->t[j - 1].end);
}

/* Longest title at j; a one-word title in lower case counts only if it is a role noun
 * ("president", "spokesman"), so "a major Venezuelan" has no title. */
static size_t title_at(const scan *sc, size_t j, const char **title) {
  size_t tl = cb_name_lex_match(CB_LEX_TITLES, sc->t, sc->nt, j, title);
  if (tl == 1 && !has(&sc->t[j], CB_NT_CAP) && !in_lex(CB_LEX_ROLE_NOUNS, &sc->t[j])) return 0;
  return tl;
}

/* Tries "modifiers title name", "title of place, name" and role phrases at token i.
 * Returns the next token to look at, or i when nothing matched. */
static size_t try_role(scan *sc, size_t i) {
  const char *mods[MAX_MODS];
  size_t nm;
  size_t j = read_modifiers(sc, i, mods, &nm);
  const char *title = NULL;
  size_t tl = (j < sc->nt && (j == i || has(&sc->t[j], CB_NT_JOINED) || after_possessive(sc, j)))
                  ? title_at(sc, j, &title) : 0;
  if (!tl) return i;
  size_t k = j + tl;
  size_t name = 0;
  if (k < sc->nt && has(&sc->t[k], CB_NT_JOINED) && name_word(sc, k)) name = k;
  else name = appositive_name(sc, k, mods, &nm);
  if (name) {
    size_t e = name_run(sc, name);
    if (name == k && has_org_cue(sc, name, e) && !nm && i == j) return i;   /* "General Motors" */
    cb_name_hit *h = add_hit(sc, name, e, CB_HINT_PERSON);
    if (h) set_role(sc, h, i, k, mods, nm, title);
    return e;
  }
  /* a role phrase: "the Venezuelan leader", with a nationality to tell who */
  int place = 0;
  for (size_t m = 0; m < nm; m++) place |= is_place_mod(mods[m]);
  const char *noun;
  size_t nl = cb_name_lex_match(CB_LEX_ROLE_NOUNS, sc->t, sc->nt, j, &noun);
  if (i > 0 && is_determiner(sc, i - 1) && has(&sc->t[i], CB_NT_JOINED) && place && (nl || tl)) {
    cb_name_hit *h = add_hit(sc, 0, 0, CB_HINT_PERSON);
    if (!h) return k;
    h->m.role_phrase = 1;
    h->m.start = sc->t[i].start;
    h->m.end = sc->t[k - 1].end;
    h->m.text = cb_arena_strndup(sc->a, sc->s + h->m.start, h->m.end - h->m.start);
    h->m.key = "";
    if (!h->m.text) sc->oom = 1;
    set_role(sc, h, i, k, mods, nm, title);
    h->m.start = sc->t[i].start;
    return k;
  }
  return i;
}

/* "Venezuelan Nicolás Maduro": nationality or status words before a person's name. */
static size_t try_modified_name(scan *sc, size_t i) {
  const char *mods[MAX_MODS];
  size_t nm;
  size_t j = read_modifiers(sc, i, mods, &nm);
  if (!nm || j >= sc->nt || !has(&sc->t[j], CB_NT_JOINED) || !name_word(sc, j)) return i;
  size_t e = name_run(sc, j);
  if (e - j < 2 || has_org_cue(sc, j, e)) return i;   /* "US Southern Command" is one name */
  char key[CB_NAME_KEY_MAX];
  size_t kl = cb_name_fold(sc->s + sc->t[j].start, sc->t[e - 1].end - sc->t[j].start, key);
  if (cb_name_lex_get(CB_LEX_PLACES, key, kl) || cb_name_lex_get(CB_LEX_ORGS, key, kl)) return i;
  cb_name_hit *h = add_hit(sc, j, e, 0);
  if (h) {
    h->m.modifiers = cb_arena_alloc(sc->a, nm * sizeof *mods);
    if (h->m.modifiers) memcpy(h->m.modifiers, mods, nm * sizeof *mods);
    else sc->oom = 1;
    h->m.nmodifiers = nm;
    h->m.role_start = sc->t[i].start;
  }
  return e;
}

/* A lone nationality word ("Venezuelan", "Americans") is an adjective, not a name. */
static int lone_demonym(const scan *sc, size_t b, size_t e) {
  const char *c;
  if (cb_name_lex_match(CB_LEX_DEMONYMS, sc->t, sc->nt, b, &c) == e - b) return 1;
  if (e - b != 1) return 0;
  const cb_ntok *t = &sc->t[b];
  if (in_lex(CB_LEX_DEMONYMS, t) || in_lex(CB_LEX_TITLES, t) || in_lex(CB_LEX_ROLE_NOUNS, t)) return 1;
  return t->keylen > 1 && t->key[t->keylen - 1] == 's' &&
         cb_name_lex_get(CB_LEX_DEMONYMS, t->key, t->keylen - 1u);
}

/* 1 if the capitals of tokens [b, e) open a line as the place of a dateline ("KASENDA —"). */
static int dateline_place(const scan *sc, size_t b, size_t e) {
  size_t at = sc->t[b].start;
  if (at > 0 && sc->s[at - 1] != '\n') return 0;
  for (size_t k = b; k < e; k++) if (!has(&sc->t[k], CB_NT_ALLCAPS)) return 0;
  const char *nl = memchr(sc->s + at, '\n', sc->n - at);
  cb_slice place;
  return cb_dateline_len(sc->s + at, nl ? (size_t)(nl - sc->s) - at : sc->n - at, &place) &&
         place.len >= sc->t[e - 1].end - at;
}

static size_t try_plain(scan *sc, size_t i) {
  unsigned hints = 0;
  size_t b = i;
  if (in_lex(CB_LEX_HONORIFICS, &sc->t[i]) && i + 1 < sc->nt && has(&sc->t[i + 1], CB_NT_JOINED) &&
      name_word(sc, i + 1)) {
    hints |= CB_HINT_PERSON;
    b = i + 1;
  } else if (!name_word(sc, i)) {
    return i + 1;
  }
  size_t e = name_run(sc, b);
  const char *outlet;
  size_t ol = cb_name_lex_match(CB_LEX_OUTLETS, sc->t, sc->nt, b, &outlet);
  if (ol > e - b) e = b + ol;   /* "USA Today": a stop word ends no known outlet */
  if (lone_demonym(sc, b, e)) return e;
  if (dateline_place(sc, b, e)) hints |= CB_HINT_PLACE;
  if (b > 0 && has(&sc->t[b], CB_NT_JOINED) && !has(&sc->t[b - 1], CB_NT_CAP)) {
    const char *c;
    size_t back = b >= 2 && has(&sc->t[b - 1], CB_NT_JOINED) ? 2 : 1;
    for (size_t w = back; w >= 1; w--)
      if (cb_name_lex_match(CB_LEX_OUTLET_NOUNS, sc->t, sc->nt, b - w, &c) == w) { hints |= CB_HINT_OUTLET; break; }
  }
  if (e - b == 1 && sc->t[b].keylen < 2) return e;   /* a lone initial or letter */
  if (e - b == 1 && has(&sc->t[b], CB_NT_SENT_START) && !(hints & CB_HINT_PERSON)) hints |= CB_HINT_TENTATIVE;
  add_hit(sc, b, e, hints);
  return e;
}

/* Words known as names from the body: every word of a hit except a tentative one. */
static int known_words(scan *sc, cb_name_map *known) {
  if (cb_name_map_init(known, sc->a, sc->nhits * 2 + 8) != CB_OK) return CB_ENOMEM;
  for (size_t h = 0; h < sc->nhits; h++) {
    const cb_name_hit *x = &sc->hits[h];
    if (x->hints & CB_HINT_TENTATIVE) continue;
    for (size_t k = x->t0; k < x->t1; k++)
      if (!cb_name_map_put(known, sc->t[k].key, sc->t[k].keylen, 1, NULL)) return CB_ENOMEM;
  }
  return CB_OK;
}

static int known_name(const scan *sc, const cb_name_map *known, size_t i) {
  const cb_ntok *t = &sc->t[i];
  return cb_name_map_get(known, t->key, t->keylen) || in_lex(CB_LEX_PLACES, t) ||
         in_lex(CB_LEX_ORGS, t) || in_lex(CB_LEX_OUTLETS, t);
}

/* Drops tentative hits not confirmed elsewhere; reads headline words known as names. */
static void second_pass(scan *sc) {
  cb_name_map known;
  if (known_words(sc, &known) != CB_OK) { sc->oom = 1; return; }
  size_t w = 0;
  for (size_t h = 0; h < sc->nhits; h++) {
    cb_name_hit *x = &sc->hits[h];
    int keep = !(x->hints & CB_HINT_TENTATIVE) || known_name(sc, &known, x->t0) ||
               has(&sc->t[x->t0], CB_NT_ALLCAPS);
    if (keep) sc->hits[w++] = *x;
  }
  sc->nhits = w;
  size_t before = sc->nhits;
  for (size_t i = 0; i < sc->nt; i++) {
    if (!has(&sc->t[i], CB_NT_HEADLINE) || !has(&sc->t[i], CB_NT_CAP) || is_stop(&sc->t[i]) ||
        !known_name(sc, &known, i)) continue;
    size_t e = i + 1;
    while (e < sc->nt && has(&sc->t[e], CB_NT_HEADLINE) && has(&sc->t[e], CB_NT_JOINED) &&
           !has(&sc->t[e - 1], CB_NT_POSS) && has(&sc->t[e], CB_NT_CAP) && known_name(sc, &known, e)) e++;
    add_hit(sc, i, e, CB_HINT_HEADLINE);
    i = e - 1;
  }
  if (sc->nhits > before) {   /* keep text order: merge the headline hits in */
    cb_name_hit *m = cb_arena_alloc(sc->a, sc->nhits * sizeof *m);
    if (!m) { sc->oom = 1; return; }
    size_t p = 0, q = before, k = 0;
    while (p < before || q < sc->nhits)
      m[k++] = (q >= sc->nhits || (p < before && sc->hits[p].m.start <= sc->hits[q].m.start))
                   ? sc->hits[p++] : sc->hits[q++];
    sc->hits = m;
  }
}

size_t cb_name_scan(cb_arena *a, const char *s, size_t n, const cb_ntok *t, size_t nt,
                    cb_name_hit **out, int *oom) {
  scan sc = {a, s, n, t, nt, NULL, 0, 0, 0};
  for (size_t i = 0; i < nt && !sc.oom;) {
    if (has(&t[i], CB_NT_HEADLINE)) { i++; continue; }
    size_t next = try_role(&sc, i);
    if (next == i) next = try_modified_name(&sc, i);
    if (next == i) next = try_plain(&sc, i);
    i = next > i ? next : i + 1;
  }
  if (!sc.oom) second_pass(&sc);
  *oom = sc.oom;
  *out = sc.hits;
  return sc.oom ? 0 : sc.nhits;
}
