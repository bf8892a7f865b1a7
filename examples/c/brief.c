/*
 * brief.c - the public API end to end, in one small program: read articles, list what each
 * says (quantities, dates, quotes), build the brief of them and print it as Markdown; with
 * --db, store them first and print the brief of each stored story.
 *
 *   cc -std=c11 -o brief brief.c $(pkg-config --cflags --libs corroborate)
 *   ./brief examples/articles/ferry-*.txt
 *   ./brief --db /tmp/news.db examples/articles/
 */
#include <corroborate.h>
#include <stdio.h>
#include <string.h>

static int fail(const cb_error *e) {
  fprintf(stderr, "brief: %s%s%s\n", e->file, e->file[0] ? ": " : "", e->msg);
  return 1;
}

static void say_problem(void *ud, const cb_error *e) {
  (void)ud;
  fprintf(stderr, "brief: skipped %s: %s\n", e->file, e->msg);
}

/* Extract: what one article says, mention by mention. */
static int list_mentions(void *ud, cb_article *a) {
  cb_extraction *x;
  cb_error e;
  (void)ud;
  if (cb_extract(a, &x, &e) == CB_OK) {
    printf("%s:\n", a->source);
    for (size_t i = 0; i < cb_extraction_count(x); i++) {
      const cb_mention *m = cb_extraction_mention(x, i);
      if (m->kind == CB_MENTION_NAME) continue;
      printf("  %-8s %-30.30s %s\n", cb_mention_kind_name(m->kind), m->text, m->value ? m->value : "");
    }
    cb_extraction_free(x);
  }
  cb_article_free(a);   /* the callback owns the article */
  return 0;
}

static int print_brief(const cb_brief *b) {
  cb_render_opts o;
  cb_render_opts_init(&o);
  o.format = CB_RENDER_MARKDOWN;
  char *md;
  size_t len;
  cb_error e;
  if (cb_brief_render(b, &o, &md, &len, &e)) return fail(&e);
  fwrite(md, 1, len, stdout);
  cb_free(md);
  return 0;
}

static int print_story(void *ud, const cb_story_row *r) {
  cb_store *s = ud;
  cb_brief *b;
  cb_error e;
  if (cb_store_brief(s, r->id, &b, &e)) return fail(&e);
  int rc = print_brief(b);
  cb_brief_free(b);
  return rc;
}

static int with_store(const char *db, const char *const *paths, size_t n) {
  cb_store *s;
  cb_error e;
  if (cb_store_open(db, &s, &e)) return fail(&e);
  cb_store_ingest_opts o;
  cb_store_ingest_opts_init(&o);
  o.on_problem = say_problem;
  cb_ingest_stats st;
  int rc = cb_store_ingest(s, paths, n, &o, &st, &e) ? fail(&e) : 0;
  if (!rc) printf("stored %ld new articles (%ld known)\n\n", st.added, st.known);
  if (!rc && cb_store_list_stories(s, print_story, s, &e)) rc = fail(&e);
  cb_store_close(s);
  return rc;
}

int main(int argc, char **argv) {
  cb_error e;
  if (cb_init(&e)) return fail(&e);
  int first = argc > 2 && !strcmp(argv[1], "--db") ? 3 : 1;
  if (argc <= first) {
    fprintf(stderr, "usage: brief [--db PATH] FILE...\n");
    return 2;
  }
  const char *const *paths = (const char *const *)argv + first;
  size_t n = (size_t)(argc - first);
  if (first == 3) return with_store(argv[2], paths, n);
  for (size_t i = 0; i < n; i++) cb_ingest_path(paths[i], NULL, list_mentions, NULL, NULL);
  cb_brief *b;
  long problems;
  if (cb_brief_of_paths(paths, n, NULL, say_problem, NULL, &problems, &b, &e)) return fail(&e);
  printf("\n%zu articles, %zu stories\n\n", cb_brief_article_count(b), cb_brief_story_count(b));
  int rc = print_brief(b);
  cb_brief_free(b);
  return rc;
}
