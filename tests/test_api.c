/*
 * test_api.c - the public API end to end, as a program using only corroborate.h and linked
 * to libcorroborate.so (so a function the header declares and the library does not export
 * fails to link): extract, the brief of files, its renderings and story selection, the
 * store (ingest twice, ingest a buffer, listings, a stored story's brief), parse, eval,
 * and the errors of each. Reads the project's own examples/articles.
 */
#include "corroborate.h"
#include "test.h"
#include <stdlib.h>
#include <unistd.h>

#define EX CB_SOURCE_DIR "/examples/articles/"

static const char *ferry[] = {EX "ferry-kasenda-radio.txt", EX "ferry-lakeside-courier.txt",
                              EX "ferry-varo-daily.html", EX "ferry-ziwa-today.txt"};

typedef struct seen { int problems, stored, added; char file[512]; } seen;

static void on_problem(void *ud, const cb_error *e) {
  seen *s = ud;
  s->problems++;
  snprintf(s->file, sizeof s->file, "%s", e->file);
}

static void on_stored(void *ud, const cb_stored *st) {
  seen *s = ud;
  s->stored++;
  s->added += st->added;
  CHECK(st->id > 0 && st->article && st->article->body);
}

static int first_article(void *ud, cb_article *a) {
  cb_article **out = ud;
  if (!*out) *out = a;
  else cb_article_free(a);
  return 0;
}

static const cb_mention *find(const cb_extraction *x, cb_mention_kind k, const char *text) {
  for (size_t i = 0; i < cb_extraction_count(x); i++) {
    const cb_mention *m = cb_extraction_mention(x, i);
    if (m->kind == k && strstr(m->text, text)) return m;
  }
  return NULL;
}

static void test_extract(void) {
  static const char text[] = "Ferry sinks\n\nPublished 24 November 2025\n\n"
                             "At least 21 boats sank on Monday, police said. \"We are searching,\" "
                             "Governor Amina Tecla said.\n";
  cb_article *a = NULL;
  CHECK_INT(cb_ingest_buffer("mem.txt", text, sizeof text - 1, NULL, first_article, NULL, &a), 0);
  CHECK(a != NULL);
  if (!a) return;
  cb_extraction *x;
  cb_error e;
  CHECK_INT(cb_extract(a, &x, &e), CB_OK);
  const cb_mention *q = find(x, CB_MENTION_QUANTITY, "21");
  CHECK(q != NULL);
  if (q) {
    CHECK(q->number == 21);
    CHECK_STR(q->type, ">");
    CHECK_STR(q->noun, "boat");
    CHECK(!strncmp(q->text, a->body + q->start, q->end - q->start));   /* the words at its offsets */
    CHECK_INT(strlen(q->text), q->end - q->start);
  }
  const cb_mention *t = find(x, CB_MENTION_TIME, "Monday");
  CHECK(t != NULL);
  if (t) CHECK_STR(t->value, "2025-11-24");
  const cb_mention *qu = find(x, CB_MENTION_QUOTE, "We are searching");
  CHECK(qu != NULL);
  if (qu) CHECK_CONTAINS(qu->value, "Tecla");
  CHECK(find(x, CB_MENTION_NAME, "Amina Tecla") != NULL);
  CHECK(cb_extraction_mention(x, cb_extraction_count(x)) == NULL);
  char *out;
  size_t len;
  CHECK_INT(cb_extraction_render(x, CB_RENDER_JSON, &out, &len, &e), CB_OK);
  CHECK_CONTAINS(out, "\"quantities\":[{");
  CHECK_INT(strlen(out), len);
  cb_free(out);
  CHECK_INT(cb_extraction_render(x, CB_RENDER_TEXT, &out, &len, &e), CB_OK);
  CHECK_CONTAINS(out, "== mem.txt");
  cb_free(out);
  CHECK_INT(cb_extraction_render(x, CB_RENDER_HTML, &out, &len, &e), CB_EUSAGE);
  CHECK(out == NULL);
  CHECK_STR(cb_mention_kind_name(CB_MENTION_QUOTE), "quote");
  cb_extraction_free(x);
  cb_article_free(a);
  CHECK_INT(cb_extract(NULL, &x, &e), CB_EUSAGE);
}

static void render_all(const cb_brief *b) {
  static const struct { cb_render_format f; const char *has; } fmts[] = {
    {CB_RENDER_JSON, "\"version\":"}, {CB_RENDER_MARKDOWN, "# "}, {CB_RENDER_HTML, "<!DOCTYPE html>"},
    {CB_RENDER_TEXT, "MV Tulia"}};
  for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
    cb_render_opts o;
    cb_render_opts_init(&o);
    CHECK_INT(o.version, CB_RENDER_OPTS_VERSION);
    CHECK_INT(o.width, 80);
    o.format = fmts[i].f;
    char *out = NULL;
    size_t len = 0;
    cb_error e;
    CHECK_INT(cb_brief_render(b, &o, &out, &len, &e), CB_OK);
    CHECK_CONTAINS(out, fmts[i].has);
    CHECK(out && strlen(out) == len);
    cb_free(out);
  }
  cb_render_format f;
  CHECK_INT(cb_render_format_parse("md", &f), CB_OK);
  CHECK_INT(f, CB_RENDER_MARKDOWN);
  CHECK_INT(cb_render_format_parse("pdf", &f), CB_EUSAGE);
}

static void test_brief_of_paths(void) {
  cb_brief *b;
  cb_error e;
  seen s = {0};
  long problems = -1;
  CHECK_INT(cb_brief_of_paths(ferry, 4, NULL, on_problem, &s, &problems, &b, &e), CB_OK);
  CHECK_INT(problems, 0);
  CHECK_INT(cb_brief_article_count(b), 4);
  CHECK_INT(cb_brief_story_count(b), 1);
  long id = cb_brief_story_id(b, 0);
  CHECK(id > 0);
  render_all(b);
  CHECK_INT(cb_brief_select_story(b, id + 1000, &e), CB_ENOTFOUND);
  CHECK_CONTAINS(e.msg, "no story with id");
  CHECK_INT(cb_brief_story_count(b), 1);
  CHECK_INT(cb_brief_select_story(b, id, &e), CB_OK);
  cb_brief_free(b);

  /* a missing file: reported, the rest read; nothing readable at all: CB_EEMPTY */
  const char *mixed[] = {EX "no-such-file.txt", ferry[0], ferry[1]};
  CHECK_INT(cb_brief_of_paths(mixed, 3, NULL, on_problem, &s, &problems, &b, &e), CB_OK);
  CHECK_INT(problems, 1);
  CHECK_CONTAINS(s.file, "no-such-file.txt");
  CHECK_INT(cb_brief_article_count(b), 2);
  cb_brief_free(b);
  CHECK_INT(cb_brief_of_paths(mixed, 1, NULL, NULL, NULL, &problems, &b, &e), CB_EEMPTY);
  CHECK(b == NULL);
}

typedef struct stories { int n; int64_t first; long articles; } stories;

static int on_story(void *ud, const cb_story_row *r) {
  stories *s = ud;
  if (!s->n++) { s->first = r->id; s->articles = r->articles; }
  return 0;
}

static int count_article(void *ud, const cb_article_row *r) {
  (*(int *)ud)++;
  return r->id <= 0;
}

static int stop_at_first(void *ud, const cb_article_row *r) {
  (*(int *)ud)++;
  return 1;
}

static void test_store(const char *dir) {
  char path[600];
  snprintf(path, sizeof path, "%s/api.db", dir);
  cb_store *st;
  cb_error e;
  CHECK_INT(cb_store_open(path, &st, &e), CB_OK);
  cb_store_ingest_opts o;
  cb_store_ingest_opts_init(&o);
  CHECK_INT(o.version, CB_STORE_INGEST_OPTS_VERSION);
  seen s = {0};
  o.jobs = 2;
  o.on_stored = on_stored;
  o.on_problem = on_problem;
  o.ud = &s;
  const char *paths[] = {CB_SOURCE_DIR "/examples/articles"};
  cb_ingest_stats stats;
  CHECK_INT(cb_store_ingest(st, paths, 1, &o, &stats, &e), CB_OK);
  CHECK(stats.added >= 10);
  CHECK_INT(stats.known, 0);
  CHECK_INT(stats.problems, 0);
  CHECK_INT(s.added, stats.added);
  CHECK_INT(cb_store_count_articles(st), stats.added);
  long first = stats.added;
  /* the same again, on one thread: nothing new */
  o.jobs = 1;
  CHECK_INT(cb_store_ingest(st, paths, 1, &o, &stats, &e), CB_OK);
  CHECK_INT(stats.added, 0);
  CHECK_INT(stats.known, first);

  int n = 0;
  CHECK_INT(cb_store_list_articles(st, count_article, &n, &e), CB_OK);
  CHECK_INT(n, first);
  n = 0;
  CHECK_INT(cb_store_list_articles(st, stop_at_first, &n, &e), CB_OK);
  CHECK_INT(n, 1);
  stories ss = {0};
  CHECK_INT(cb_store_list_stories(st, on_story, &ss, &e), CB_OK);
  CHECK(ss.n >= 3);   /* ferry, wildfire, bank ... */

  cb_brief *b;
  CHECK_INT(cb_store_brief(st, ss.first, &b, &e), CB_OK);
  CHECK_INT(cb_brief_story_count(b), 1);
  CHECK_INT(cb_brief_story_id(b, 0), ss.first);
  CHECK_INT(cb_brief_article_count(b), ss.articles);
  cb_brief_free(b);
  CHECK_INT(cb_store_brief(st, 987654, &b, &e), CB_ENOTFOUND);
  CHECK(b == NULL);
  CHECK_INT(cb_store_brief(st, 0, &b, &e), CB_OK);
  CHECK_INT(cb_brief_article_count(b), first);
  cb_brief_free(b);

  /* one article from memory: stored, grouped */
  static const char extra[] = "Ferry inquiry opens\n\nThe inquiry into the MV Tulia ferry disaster on Lake Varo "
                              "opened on Monday, Governor Amina Tecla said.\n";
  CHECK_INT(cb_store_ingest_buffer(st, "pasted.txt", extra, sizeof extra - 1, &o, &stats, &e), CB_OK);
  CHECK_INT(stats.added, 1);
  CHECK_INT(cb_store_count_articles(st), first + 1);
  cb_article *a;
  CHECK_INT(cb_store_get_article(st, first + 1, &a, &e), CB_OK);
  CHECK_STR(a->source, "pasted.txt");
  char *json;
  CHECK_INT(cb_article_to_json(a, first + 1, &json, NULL, &e), CB_OK);
  CHECK_CONTAINS(json, "\"body\":\"");
  CHECK_CONTAINS(json, "MV Tulia");
  cb_free(json);
  cb_article_free(a);
  CHECK_INT(cb_store_get_article(st, 99999, &a, &e), CB_ENOTFOUND);
  /* an empty input is a problem of the input, not of the store */
  s.problems = 0;
  CHECK_INT(cb_store_ingest_buffer(st, "empty.txt", "", 0, &o, &stats, &e), CB_OK);
  CHECK_INT(stats.problems, 1);
  CHECK_INT(s.problems, 1);
  CHECK_INT(stats.store_errors, 0);
  CHECK_INT(cb_store_regroup(st, NULL, &e), CB_OK);
  cb_store_close(st);

  CHECK(cb_store_open("/nonexistent-dir/x/y.db", &st, &e) != CB_OK);
  CHECK_CONTAINS(e.file, "/nonexistent-dir/x/y.db");
}

static void test_parse_eval(void) {
  char *out;
  size_t len;
  long id = 0;
  cb_error e;
  static const char text[] = "The ferry capsized on Saturday. Nine people died.";
  CHECK_INT(cb_parse(text, sizeof text - 1, &id, &out, &len, &e), CB_OK);
  CHECK_INT(id, 2);
  CHECK_CONTAINS(out, "# sent_id = 2");
  CHECK_CONTAINS(out, "\tferry\t");
  cb_free(out);
  int nli = 0;
  const cb_eval_kind *k = cb_eval_kinds();
  for (int i = 0; k[i].name; i++) nli += !strcmp(k[i].name, "nli") && k[i].what && *k[i].what;
  CHECK_INT(nli, 1);
  char *argv[] = {"nope", NULL};
  CHECK_INT(cb_eval("nope", 1, argv, NULL, NULL), -1);
}

int main(void) {
  cb_error e;
  CHECK_INT(cb_init(&e), CB_OK);
  char dir[] = "/tmp/cb-api-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  test_extract();
  test_brief_of_paths();
  test_store(dir);
  test_parse_eval();
  char cmd[700];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  CHECK_INT(system(cmd), 0);
  return test_report();
}
