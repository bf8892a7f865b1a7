/*
 * test_names.c - the name extractor: mentions, roles, within-article merging and
 * cross-article grouping, on the seed articles (section 3 of gold/seeds.md and the roles of
 * finding 4) and on invented sentences, plus bad input.
 */
#include "test.h"
#include "corroborate.h"
#include "core/buf.h"
#include "text/utf8.h"
#include "extract/names.h"
#include "extract/name_compare.h"
#include "extract/name_fold.h"
#include <cjson/cJSON.h>
#include <stdlib.h>

static cb_names *extract(cb_arena *a, const char *text) {
  cb_names *nm = cb_arena_calloc(a, 1, sizeof *nm);
  size_t n;
  char *t = cb_text_normalize(a, text, strlen(text), &n);
  CHECK(t != NULL);
  if (!nm || !t) return NULL;
  CHECK_INT(cb_names_extract(a, t, n, nm), CB_OK);
  return nm;
}

static char *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20);
  *n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  if (buf) buf[*n] = 0;
  return buf;
}

static const cb_name_group *group_with_form(const cb_name_groups *g, const char *form) {
  for (size_t i = 0; i < g->ngroups; i++)
    for (size_t f = 0; f < g->groups[i].nforms; f++)
      if (strcmp(g->groups[i].forms[f].text, form) == 0) return &g->groups[i];
  return NULL;
}

static const cb_name_form *form_of(const cb_name_group *g, const char *text) {
  for (size_t f = 0; g && f < g->nforms; f++)
    if (strcmp(g->forms[f].text, text) == 0) return &g->forms[f];
  return NULL;
}

/* The form's articles as "0,3". */
static const char *art_list(const cb_name_form *f) {
  static char s[64];
  size_t o = 0;
  s[0] = 0;
  for (size_t i = 0; f && i < f->narticles && o < 50; i++) o += (size_t)snprintf(s + o, 64 - o, i ? ",%zu" : "%zu", f->articles[i]);
  return s;
}

static const char *diff(const cb_name_form *f) { return f ? cb_form_diff_name(f->diff) : "(missing)"; }

static int has_mod(const cb_name_role *r, const char *m) {
  for (size_t i = 0; i < r->nmodifiers; i++) if (strcmp(r->modifiers[i], m) == 0) return 1;
  return 0;
}

/* The role of the group in article art with the given title: 1 found, checks modifiers. */
static const cb_name_role *role_in(const cb_name_group *g, size_t art, const char *role) {
  for (size_t r = 0; g && r < g->nroles; r++)
    if (g->roles[r].article == art && strcmp(g->roles[r].role, role) == 0) return &g->roles[r];
  return NULL;
}

static const cb_name_mention *mention(const cb_names *nm, const char *text) {
  for (size_t i = 0; nm && i < nm->nmentions; i++)
    if (strcmp(nm->mentions[i].text, text) == 0) return &nm->mentions[i];
  return NULL;
}

static void test_seeds(void) {
  static const char *const files[] = {"000_1890d807a52846cc.txt", "001_d397ab64171f82be.txt",
                                      "002_7ec8c7b133239bd1.txt", "003_ea2ffa66fb2053d1.txt",
                                      "004_47d0182c2acd749a.txt"};
  cb_arena *a = cb_arena_new(0);
  const cb_names *arts5[5];
  for (int i = 0; i < 5; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/corpus/seeds/%s", CB_SHARED_DIR, files[i]);
    size_t n;
    char *text = read_file(path, &n);
    CHECK(text != NULL);
    arts5[i] = text ? extract(a, text) : NULL;
    free(text);
  }
  cb_name_groups g;
  CHECK_INT(cb_names_match(a, arts5, 5, &g), CB_OK);

  /* Nicolás Maduro: accents only; surname; title */
  const cb_name_group *maduro = group_with_form(&g, "Nicolas Maduro");
  CHECK(maduro != NULL);
  CHECK_STR(maduro ? maduro->name : NULL, "Nicolás Maduro");
  CHECK_STR(diff(form_of(maduro, "Nicolas Maduro")), "diacritics");
  CHECK_STR(art_list(form_of(maduro, "Nicolas Maduro")), "0,3");
  CHECK_STR(art_list(form_of(maduro, "Nicolás Maduro")), "1,2,4");
  CHECK_STR(diff(form_of(maduro, "Maduro")), "part");
  CHECK_STR(diff(form_of(maduro, "Venezuelan President")), "role");
  CHECK_STR(diff(form_of(maduro, "Venezuelan leader")), "role");   /* "The Venezuelan leader" in 000 */
  CHECK(maduro && maduro->kind == CB_NAME_PERSON);
  CHECK_INT(maduro ? maduro->narticles : 0, 5);

  /* Pete Hegseth / Pete Higgseth */
  const cb_name_group *heg = group_with_form(&g, "Pete Hegseth");
  CHECK(heg != NULL && heg == group_with_form(&g, "Pete Higgseth"));
  CHECK_STR(heg ? heg->name : NULL, "Pete Hegseth");
  CHECK_STR(diff(form_of(heg, "Pete Higgseth")), "misspelling");
  CHECK_STR(art_list(form_of(heg, "Pete Higgseth")), "2");

  /* Cartel de los Soles / Sols / of the Suns */
  const cb_name_group *cartel = group_with_form(&g, "Cartel de los Soles");
  CHECK_STR(cartel ? cartel->name : NULL, "Cartel de los Soles");
  CHECK_STR(art_list(form_of(cartel, "Cartel de los Soles")), "2,4");
  CHECK_STR(diff(form_of(cartel, "Cartel de los Sols")), "misspelling");
  CHECK_STR(art_list(form_of(cartel, "Cartel de los Sols")), "2");
  CHECK_STR(diff(form_of(cartel, "Cartel of the Suns")), "translation");
  CHECK_STR(art_list(form_of(cartel, "Cartel of the Suns")), "3");
  CHECK(cartel && cartel->kind == CB_NAME_ORG);

  /* Venezolana de Televisión / VTV */
  const cb_name_group *vtv = group_with_form(&g, "VTV");
  CHECK_STR(vtv ? vtv->name : NULL, "Venezolana de Televisión");
  CHECK_STR(diff(form_of(vtv, "VTV")), "acronym");
  CHECK_STR(art_list(form_of(vtv, "VTV")), "1");
  CHECK(vtv && vtv->kind == CB_NAME_OUTLET);

  /* Marco Rubio, Secretary of State */
  const cb_name_group *rubio = group_with_form(&g, "Marco Rubio");
  CHECK(rubio != NULL && rubio == group_with_form(&g, "Rubio"));
  CHECK(role_in(rubio, 2, "Secretary of State") != NULL);
  CHECK(role_in(rubio, 4, "Secretary of State") != NULL);
  CHECK_STR(diff(form_of(rubio, "Secretary of State")), "role");

  /* Vladimir Padrino López, Defense Minister, one source */
  const cb_name_group *padrino = group_with_form(&g, "Vladimir Padrino López");
  CHECK(role_in(padrino, 1, "Defense Minister") != NULL);
  CHECK_INT(padrino ? padrino->narticles : 0, 1);
  CHECK(padrino && padrino->kind == CB_NAME_PERSON);

  /* Finding 4: Trump's title, article by article */
  const cb_name_group *trump = group_with_form(&g, "Donald Trump");
  CHECK_INT(trump ? trump->narticles : 0, 5);
  for (size_t art = 0; art < 5; art++) {
    const cb_name_role *r = role_in(trump, art, "President");
    CHECK(r != NULL);
    if (!r) continue;
    int us = 0, former = 0;
    for (size_t k = 0; trump && k < trump->nroles; k++)
      if (trump->roles[k].article == art) { us |= has_mod(&trump->roles[k], "US"); former |= has_mod(&trump->roles[k], "former"); }
    CHECK_INT(former, art == 1);
    CHECK_INT(us, art != 4);
  }
  CHECK_STR(diff(form_of(trump, "former U.S. President")), "role");
  CHECK_STR(art_list(form_of(trump, "former U.S. President")), "1");
  CHECK_STR(art_list(form_of(trump, "US President")), "0,2,3");

  /* more people with their titles */
  const cb_name_mention *m = mention(arts5[0], "Chuck Schumer");
  CHECK_STR(m ? m->role : NULL, "Senate Minority Leader");
  m = mention(arts5[0], "Caroline Leavitt");
  CHECK_STR(m ? m->role : NULL, "Press Secretary");
  CHECK_STR(m ? m->role_text : NULL, "White House press secretary");
  CHECK(mention(arts5[0], "Significant") == NULL);   /* a capitalised sentence start */
  CHECK(mention(arts5[0], "Venezuelan") == NULL);

  /* the JSON the CLI prints is valid and says the same */
  const char *ids[5] = {"000", "001", "002", "003", "004"};
  cb_buf b;
  cb_buf_init(&b);
  cb_names_json(&b, &g, ids);
  cb_buf_putc(&b, 0);
  cJSON *j = cJSON_Parse(b.ptr);
  CHECK(j != NULL && cJSON_IsArray(j));
  CHECK_CONTAINS(b.ptr, "{\"text\":\"VTV\",\"articles\":[\"001\"],\"kind\":\"acronym\"");
  CHECK_CONTAINS(b.ptr, "{\"text\":\"Pete Higgseth\",\"articles\":[\"002\"],\"kind\":\"misspelling\"");
  cJSON_Delete(j);
  cb_buf_reset(&b);
  cb_names_mentions_json(&b, arts5[1]);
  cb_buf_putc(&b, 0);
  j = cJSON_Parse(b.ptr);
  CHECK(j != NULL);
  CHECK_CONTAINS(b.ptr, "\"role_text\":\"former U.S. President\"");
  cJSON_Delete(j);
  cb_buf_free(&b);
  cb_arena_free(a);
}

/* Invented names: the rules are general, not tuned to the seed story. */
static void test_invented(void) {
  cb_arena *a = cb_arena_new(0);
  const cb_names *arts[4];
  arts[0] = extract(a,
      "Health Minister Adaeze Okafor said on Tuesday that the clinic in Kasenda would reopen. "
      "Okafor added that the Kasenda Rural Health Board had approved the funds. "
      "The Frente Nacional de Liberación denied any role. Acting Mayor José Müller-Díaz agreed.");
  arts[1] = extract(a,
      "Uganda's Health Minister Adaeze Okafur spoke to the broadcaster Radio Kasenda on Monday. "
      "The KRHB said the National Liberation Front had attacked. Mayor Jose Muller-Diaz was absent.");
  arts[2] = extract(a,
      "Okafor Opens New Clinic In Kasenda\n\n"
      "The clinic was opened by Okafor. Anna Smith and Tom Smith met John Carter and John Baxter. Smith said nothing. "
      "Significant progress was made, said Ann Lee and Ann Lea.");
  arts[3] = extract(a,
      "The Kenyan President Wanjiru Kamau met former Tanzanian President Juma Mrisho. "
      "The Kenyan leader said the talks went well. Kamau's aides agreed. "
      "The Ejército Popular de Liberación (Popular Liberation Army) claimed the attack.");
  for (int i = 0; i < 4; i++) CHECK(arts[i] != NULL);
  cb_name_groups g;
  CHECK_INT(cb_names_match(a, arts, 4, &g), CB_OK);

  const cb_name_group *ok = group_with_form(&g, "Adaeze Okafor");
  CHECK(ok != NULL && ok == group_with_form(&g, "Adaeze Okafur"));
  CHECK_STR(diff(form_of(ok, "Adaeze Okafur")), "misspelling");
  CHECK_STR(diff(form_of(ok, "Okafor")), "part");
  CHECK_STR(art_list(form_of(ok, "Okafor")), "0,2");       /* also from the title-case headline */
  const cb_name_role *r = role_in(ok, 1, "Health Minister");
  CHECK(r && has_mod(r, "Uganda"));

  const cb_name_group *board = group_with_form(&g, "KRHB");
  CHECK_STR(board ? board->name : NULL, "Kasenda Rural Health Board");
  CHECK_STR(diff(form_of(board, "KRHB")), "acronym");
  CHECK(board && board->kind == CB_NAME_ORG);

  const cb_name_group *front = group_with_form(&g, "National Liberation Front");
  CHECK(front != NULL && front == group_with_form(&g, "Frente Nacional de Liberación"));

  const cb_name_group *mayor = group_with_form(&g, "José Müller-Díaz");
  CHECK(mayor != NULL && mayor == group_with_form(&g, "Jose Muller-Diaz"));
  CHECK_STR(mayor ? mayor->name : NULL, "José Müller-Díaz");   /* the accented form wins a tie */
  CHECK_STR(diff(form_of(mayor, "Jose Muller-Diaz")), "diacritics");
  r = role_in(mayor, 0, "Mayor");
  CHECK(r && has_mod(r, "acting"));

  const cb_name_mention *radio = mention(arts[1], "Radio Kasenda");
  CHECK(radio && radio->kind == CB_NAME_OUTLET);

  /* no merging of different people */
  CHECK(group_with_form(&g, "John Carter") != group_with_form(&g, "John Baxter"));
  CHECK(group_with_form(&g, "Ann Lee") != group_with_form(&g, "Ann Lea"));
  const cb_name_group *smith = group_with_form(&g, "Smith");
  CHECK(smith != NULL && smith != group_with_form(&g, "Anna Smith") && smith != group_with_form(&g, "Tom Smith"));
  CHECK(mention(arts[2], "Significant") == NULL);
  CHECK(mention(arts[2], "Opens") == NULL);

  /* role phrase resolved to the one Kenyan with a title; "former" kept */
  const cb_name_mention *leader = mention(arts[3], "Kenyan leader");
  CHECK(leader != NULL && leader->entity != CB_NAME_NONE);
  if (leader && leader->entity != CB_NAME_NONE) CHECK_STR(arts[3]->entities[leader->entity].name, "Wanjiru Kamau");
  const cb_name_mention *juma = mention(arts[3], "Juma Mrisho");
  CHECK(juma && juma->nmodifiers == 2 && strcmp(juma->modifiers[0], "former") == 0);
  const cb_name_mention *kamau = mention(arts[3], "Kamau");
  CHECK(kamau && kamau->entity == leader->entity);
  /* "X (Y)" within one article */
  const cb_name_mention *epl = mention(arts[3], "Ejército Popular de Liberación");
  const cb_name_mention *pla = mention(arts[3], "Popular Liberation Army");
  CHECK(epl && pla && epl->entity == pla->entity);
  size_t at = pla ? cb_names_mention_at(arts[3], pla->start + 3) : CB_NAME_NONE;
  CHECK(at != CB_NAME_NONE && &arts[3]->mentions[at] == pla);
  size_t last = cb_names_last_person_before(arts[3], arts[3]->len);
  CHECK(last != CB_NAME_NONE && strcmp(arts[3]->mentions[last].text, "Kamau") == 0);
  cb_arena_free(a);
}

/* Helpers on their own. */
static void test_rules(void) {
  cb_arena *a = cb_arena_new(0);
  const cb_names *one[1] = {extract(a, "Secretary-General Ana Pérez met Gen. Luis Ortega and Dr. Mia Wong.")};
  const cb_name_mention *m = mention(one[0], "Ana Pérez");
  CHECK_STR(m ? m->role : NULL, "Secretary-General");
  m = mention(one[0], "Luis Ortega");
  CHECK_STR(m ? m->role : NULL, "General");
  m = mention(one[0], "Mia Wong");
  CHECK(m && m->kind == CB_NAME_PERSON);
  /* a modifier glued to its title by a hyphen */
  const cb_names *two = extract(a, "He met ex-Vice President Rolf Dahl and the then-Secretary of State Ines Bauer.");
  m = mention(two, "Rolf Dahl");
  CHECK_STR(m ? m->role : NULL, "Vice President");
  CHECK(m && m->nmodifiers == 1 && !strcmp(m->modifiers[0], "former"));
  CHECK_STR(m ? m->role_text : NULL, "ex-Vice President");
  m = mention(two, "Ines Bauer");
  CHECK(m && m->nmodifiers == 1 && !strcmp(m->modifiers[0], "then"));
  cb_arena_free(a);
}

/* The comparison rules on their own, with names of no particular story. */
static void test_compare(void) {
  CHECK(cb_name_misspelt("hegseth", 7, "higgseth", 8));
  CHECK(cb_name_misspelt("okafor", 6, "okafur", 6));
  CHECK(cb_name_misspelt("soles", 5, "sols", 4));
  CHECK(cb_name_misspelt("quinnipiac", 10, "qunnipiac", 9));
  CHECK(!cb_name_misspelt("carson", 6, "cardin", 6));
  CHECK(!cb_name_misspelt("weaver", 6, "weiner", 6));
  CHECK(!cb_name_misspelt("republican", 10, "republicans", 11));   /* a plural */
  CHECK(!cb_name_misspelt("lee", 3, "lea", 3));                     /* too short to tell */
  CHECK(!cb_name_misspelt("baxter", 6, "carter", 6));               /* other first letter */
  CHECK(cb_name_is_acronym("vtv", 3, "venezolana de television", 24));
  CHECK(cb_name_is_acronym("nypd", 4, "new york police department", 26));
  CHECK(cb_name_is_acronym("doj", 3, "department of justice", 21));
  CHECK(!cb_name_is_acronym("rino", 4, "rtl info", 8));
  CHECK(!cb_name_is_acronym("upi", 3, "university of pennsylvania", 26));
  CHECK(!cb_name_is_acronym("cia", 3, "caroline leavitt", 16));
  CHECK(!cb_name_is_acronym("ny", 2, "new", 3));
  int tr;
  char k1[CB_NAME_KEY_MAX], k2[CB_NAME_KEY_MAX];
  size_t n1 = cb_name_translation_key("fuerzas armadas nacionales", 26, k1, &tr);
  CHECK(tr);
  size_t n2 = cb_name_translation_key("national armed forces", 21, k2, &tr);
  CHECK(!tr && n1 == n2 && memcmp(k1, k2, n1) == 0);
  CHECK_STR(cb_form_diff_name(cb_name_compare("Zoe Muller", "Zoë Müller")), "diacritics");
  CHECK_STR(cb_form_diff_name(cb_name_compare("ZOË MÜLLER", "Zoë Müller")), "case");
  CHECK_STR(cb_form_diff_name(cb_name_compare("Müller", "Zoë Müller")), "part");
  CHECK_STR(cb_form_diff_name(cb_name_compare("Zoë B. Müller", "Zoë Müller")), "part");
  CHECK_STR(cb_form_diff_name(cb_name_compare("Zoë Mueller", "Zoë Müller")), "misspelling");

  cb_arena *a = cb_arena_new(0);
  const cb_names *arts[4] = {
    extract(a, "Senator Lindsey O. Graham spoke. WASHINGTON (AP) - The Senate met."),
    extract(a, "Lindsey Graham and Hillary Clinton met. Clinton spoke."),
    extract(a, "Hillary Clinton spoke. Bill Clinton did not."),
    extract(a, "Hillary Clinton left. Later Clinton said no. CNN and Carry Nation were there.")};
  cb_name_groups g;
  CHECK_INT(cb_names_match(a, arts, 4, &g), CB_OK);
  CHECK(group_with_form(&g, "Lindsey O. Graham") == group_with_form(&g, "Lindsey Graham"));
  CHECK(group_with_form(&g, "AP") != group_with_form(&g, "WASHINGTON"));
  CHECK(group_with_form(&g, "CNN") != group_with_form(&g, "Carry Nation"));
  /* article 2 has both Clintons: its "Clinton"-less text is fine; Hillary dominates the rest */
  const cb_name_group *hc = group_with_form(&g, "Hillary Clinton");
  CHECK(hc != NULL && hc != group_with_form(&g, "Bill Clinton"));
  CHECK_STR(art_list(form_of(hc, "Clinton")), "1,3");
  cb_arena_free(a);
}

/* The kind of the mention written exactly `text`, or -1. */
static int kind_of(const cb_names *nm, const char *text) {
  for (size_t i = 0; nm && i < nm->nmentions; i++)
    if (nm->mentions[i].text && strcmp(nm->mentions[i].text, text) == 0) return (int)nm->mentions[i].kind;
  return -1;
}

/* A dateline's place in capitals is a place, never a person; a known outlet ending in a
 * stop word ("USA Today") is one outlet. */
static void test_datelines(void) {
  cb_arena *a = cb_arena_new(0);
  const cb_names *nm = extract(a, "PORT HALVARD \xe2\x80\x94 Crews reopened the ferry pier, harbour master "
                                  "Ilka Brennan said.");
  CHECK_INT(kind_of(nm, "PORT HALVARD"), CB_NAME_PLACE);
  CHECK_INT(kind_of(nm, "Ilka Brennan"), CB_NAME_PERSON);
  nm = extract(a, "QUELLMOOR, June 9 (Reuters) - Crews reopened the pier.\n\n"
                  "SAN ORRIN, Velmark (AP) \xe2\x80\x94 Rain fell.");
  CHECK_INT(kind_of(nm, "QUELLMOOR"), CB_NAME_PLACE);
  CHECK_INT(kind_of(nm, "SAN ORRIN"), CB_NAME_PLACE);
  nm = extract(a, "The closure was first reported by USA Today on Friday.");
  CHECK_INT(kind_of(nm, "USA Today"), CB_NAME_OUTLET);
  CHECK_INT(kind_of(nm, "USA"), -1);
  /* capitals inside a sentence are no dateline */
  nm = extract(a, "Crews said HALVARD VESK - the pier - was closed.");
  CHECK(kind_of(nm, "HALVARD VESK") != CB_NAME_PLACE);
  cb_arena_free(a);
}

static void test_bad_input(void) {
  cb_arena *a = cb_arena_new(0);
  cb_names nm;
  CHECK_INT(cb_names_extract(a, NULL, 0, &nm), CB_OK);
  CHECK_INT(nm.nmentions, 0);
  const char junk[] = "\xff\xfe Ma\xc3 duro \x00 Nicol\xe1s \xe2\x80 U.S.S.S. A. B. C. D (X) ((( ))) "
                      "AAAAAAAA Aaaaaaaaaa Aaaaaaaa Aaaaaaa Aaaaaaaaa 's \xe2\x80\x99s O'";
  CHECK_INT(cb_names_extract(a, junk, sizeof junk - 1, &nm), CB_OK);
  const cb_names *arr[2] = {&nm, NULL};
  cb_name_groups g;
  CHECK_INT(cb_names_match(a, arr, 2, &g), CB_OK);
  cb_buf b;
  cb_buf_init(&b);
  cb_names_json(&b, &g, NULL);
  cb_buf_putc(&b, 0);
  cJSON *j = cJSON_Parse(b.ptr);
  CHECK(j != NULL);
  cJSON_Delete(j);
  cb_buf_free(&b);
  /* a long run of capitalised words and of particles stays linear and bounded */
  size_t big = 1 << 20;
  char *s = malloc(big);
  CHECK(s != NULL);
  if (s) {
    for (size_t i = 0; i < big; i++) s[i] = "Ab de "[i % 6];
    CHECK_INT(cb_names_extract(a, s, big, &nm), CB_OK);
    CHECK(nm.nmentions >= 1);
    free(s);
  }
  cb_arena_free(a);
}

int main(void) {
  test_seeds();
  test_invented();
  test_rules();
  test_compare();
  test_datelines();
  test_bad_input();
  return test_report();
}
