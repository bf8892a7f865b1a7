/*
 * cmd_stories.c - the stored groups: `corroborate stories` (the list), `corroborate story
 * ID` (its articles, copies under their original) and `corroborate duplicates` (copies with
 * their original and similarity).
 */
#include "cli/cli.h"
#include "cli/out.h"
#include <stdlib.h>
#include <string.h>

typedef struct list { int json; long n; cli_buf b; cb_store *s; } list;

static int parse(int argc, char **argv, const char *cmd, const char **db, int *json, const char **arg) {
  const char *v;
  for (int i = 1; i < argc; i++) {
    if ((v = cli_opt(argc, argv, &i, "--db"))) *db = v;
    else if ((v = cli_opt(argc, argv, &i, "--format"))) {
      if (!strcmp(v, "json")) *json = 1;
      else if (strcmp(v, "text")) { cli_errorf("%s: unknown format '%s' (text, json)", cmd, v); return CLI_USAGE; }
    } else if (arg && !*arg && argv[i][0] != '-') *arg = argv[i];
    else { cli_errorf("%s: unexpected argument '%s' (try --help)", cmd, argv[i]); return CLI_USAGE; }
  }
  return CLI_OK;
}

static int story_row(void *ud, const cb_story_row *r) {
  list *l = ud;
  if (l->json) {
    cli_buf_printf(&l->b, "%s\n  {\"id\":%lld,\"headline\":", l->n ? "," : "", (long long)r->id);
    cli_buf_json_str(&l->b, r->headline);
    cli_buf_puts(&l->b, ",\"first\":");
    cli_buf_json_str(&l->b, r->first);
    cli_buf_puts(&l->b, ",\"last\":");
    cli_buf_json_str(&l->b, r->last);
    cli_buf_printf(&l->b, ",\"articles\":%ld,\"outlets\":%ld,\"duplicates\":%ld}", r->articles, r->outlets, r->duplicates);
  } else {
    char span[32];
    snprintf(span, sizeof span, "%s..%s", r->first ? r->first : "?", r->last ? r->last : "?");
    cli_buf_printf(&l->b, "%5lld  %-22s %7ld %8ld  %.60s\n", (long long)r->id, span, r->outlets, r->articles,
                  r->headline ? r->headline : "(no headline)");
  }
  fwrite(l->b.ptr, 1, l->b.len, stdout);
  cli_buf_reset(&l->b);
  l->n++;
  return 0;
}

int cmd_stories(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate stories [--db PATH] [--format text|json]\n\n"
           "Lists the stories of the stored articles (updated by every ingest): id, time span,\n"
           "outlets, articles, headline; the best-covered first.\n");
    return CLI_OK;
  }
  const char *db = NULL;
  list l = {0};
  int rc = parse(argc, argv, "stories", &db, &l.json, NULL);
  if (rc) return rc;
  cb_error e;
  if (cb_store_open(cli_db_path(db), &l.s, &e)) { cli_problem(&e); return CLI_FAIL; }
  cli_buf_init(&l.b);
  if (l.json) fputs("[", stdout);
  else printf("%5s  %-22s %7s %8s  %s\n", "ID", "SPAN", "OUTLETS", "ARTICLES", "HEADLINE");
  rc = cb_store_list_stories(l.s, story_row, &l, &e);
  if (l.json) fputs(l.n ? "\n]\n" : "]\n", stdout);
  cli_buf_free(&l.b);
  cb_store_close(l.s);
  if (rc) { cli_problem(&e); return CLI_FAIL; }
  return CLI_OK;
}

/* ---- one story ----------------------------------------------------------------------- */
typedef struct members { cb_group_row *v; size_t n, cap; } members;

static int add_member(void *ud, const cb_group_row *r) {
  members *m = ud;
  if (m->n == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 32;
    cb_group_row *v = realloc(m->v, cap * sizeof *v);
    if (!v) return 1;
    m->v = v;
    m->cap = cap;
  }
  m->v[m->n++] = *r;
  return 0;
}

static void member_line(list *l, const cb_group_row *g, int indent) {
  cb_article *a;
  cb_error e;
  if (cb_store_get_article(l->s, g->article_id, &a, &e)) return;
  if (l->json) {
    cli_buf_printf(&l->b, "%s\n  {\"id\":%lld,\"file\":", l->n++ ? "," : "", (long long)g->article_id);
    cli_buf_json_str(&l->b, a->source);
    cli_buf_puts(&l->b, ",\"outlet\":");
    cli_buf_json_str(&l->b, a->outlet);
    cli_buf_puts(&l->b, ",\"published\":");
    cli_buf_json_str(&l->b, a->published[0] ? a->published : NULL);
    cli_buf_puts(&l->b, ",\"title\":");
    cli_buf_json_str(&l->b, a->title);
    if (g->duplicate_of) cli_buf_printf(&l->b, ",\"duplicate_of\":%lld,\"similarity\":%.3f}", (long long)g->duplicate_of, g->similarity);
    else cli_buf_puts(&l->b, ",\"duplicate_of\":null}");
  } else {
    cli_buf_printf(&l->b, "%s%5lld  %-12.12s %-22.22s %.50s", indent ? "    \xe2\x86\xb3 " : "", (long long)g->article_id,
                  a->published[0] ? a->published : "-", a->outlet ? a->outlet : "-", a->title ? a->title : a->source);
    if (g->duplicate_of) cli_buf_printf(&l->b, "  (copy, similarity %.2f)", g->similarity);
    cli_buf_putc(&l->b, '\n');
  }
  fwrite(l->b.ptr, 1, l->b.len, stdout);
  cli_buf_reset(&l->b);
  cb_article_free(a);
}

int cmd_story(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate story [--db PATH] [--format text|json] ID\n\n"
           "Lists the articles of one story, copies (syndicated or near-duplicate articles)\n"
           "under their original. 'corroborate report --story ID' gives its brief.\n");
    return CLI_OK;
  }
  const char *db = NULL, *arg = NULL;
  list l = {0};
  int rc = parse(argc, argv, "story", &db, &l.json, &arg);
  if (rc) return rc;
  char *end;
  long long id = arg ? strtoll(arg, &end, 10) : 0;
  if (!arg || *end || id <= 0) { cli_errorf("story: give a story ID (from 'corroborate stories')"); return CLI_USAGE; }
  cb_error e;
  if (cb_store_open(cli_db_path(db), &l.s, &e)) { cli_problem(&e); return CLI_FAIL; }
  members m = {0};
  rc = cb_store_list_groups(l.s, id, add_member, &m, &e);
  if (rc) { cli_problem(&e); cb_store_close(l.s); free(m.v); return CLI_FAIL; }
  if (!m.n) { cli_errorf("story: no story with id %lld", id); cb_store_close(l.s); return CLI_INPUT; }
  cli_buf_init(&l.b);
  if (l.json) fputs("[", stdout);
  for (size_t i = 0; i < m.n; i++) {
    if (m.v[i].duplicate_of) continue;
    member_line(&l, &m.v[i], 0);
    for (size_t k = 0; k < m.n; k++) if (m.v[k].duplicate_of == m.v[i].article_id) member_line(&l, &m.v[k], 1);
  }
  for (size_t i = 0; i < m.n; i++) {   /* copies whose original is in another story */
    int found = 0;
    for (size_t k = 0; k < m.n && !found; k++) found = m.v[k].article_id == m.v[i].duplicate_of;
    if (m.v[i].duplicate_of && !found) member_line(&l, &m.v[i], 1);
  }
  if (l.json) fputs(l.n ? "\n]\n" : "]\n", stdout);
  cli_buf_free(&l.b);
  free(m.v);
  cb_store_close(l.s);
  return CLI_OK;
}

/* ---- near-duplicates ------------------------------------------------------------------ */
static int dup_row(void *ud, const cb_group_row *g) {
  list *l = ud;
  if (!g->duplicate_of) return 0;
  if (l->json)
    cli_buf_printf(&l->b, "%s\n  {\"article\":%lld,\"duplicate_of\":%lld,\"similarity\":%.3f,\"story\":%lld}", l->n ? "," : "",
                  (long long)g->article_id, (long long)g->duplicate_of, g->similarity, (long long)g->story_id);
  else
    cli_buf_printf(&l->b, "%7lld  %12lld  %10.3f  %5lld\n", (long long)g->article_id, (long long)g->duplicate_of, g->similarity,
                  (long long)g->story_id);
  fwrite(l->b.ptr, 1, l->b.len, stdout);
  cli_buf_reset(&l->b);
  l->n++;
  return 0;
}

int cmd_duplicates(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) {
    printf("usage: corroborate duplicates [--db PATH] [--format text|json]\n\n"
           "Lists stored articles that copy another (syndicated wire copies, reprints with a new\n"
           "intro or a trimmed end): the copy, its original (the earliest published copy), the\n"
           "similarity (estimated Jaccard or containment of word shingles) and the story.\n");
    return CLI_OK;
  }
  const char *db = NULL;
  list l = {0};
  int rc = parse(argc, argv, "duplicates", &db, &l.json, NULL);
  if (rc) return rc;
  cb_error e;
  if (cb_store_open(cli_db_path(db), &l.s, &e)) { cli_problem(&e); return CLI_FAIL; }
  cli_buf_init(&l.b);
  if (l.json) fputs("[", stdout);
  else printf("%7s  %12s  %10s  %5s\n", "ARTICLE", "DUPLICATE_OF", "SIMILARITY", "STORY");
  rc = cb_store_list_groups(l.s, 0, dup_row, &l, &e);
  if (l.json) fputs(l.n ? "\n]\n" : "]\n", stdout);
  cli_buf_free(&l.b);
  cb_store_close(l.s);
  if (rc) { cli_problem(&e); return CLI_FAIL; }
  return CLI_OK;
}
