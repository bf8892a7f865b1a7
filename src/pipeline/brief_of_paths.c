/*
 * brief_of_paths.c - the whole pipeline in memory: read files, folders or standard input,
 * give dates without a year the batch's year, and build the brief, which owns the articles.
 */
#include "pipeline/article_set.h"
#include "ingest/reader.h"

int cb_brief_of_paths(const char *const *paths, size_t n, const cb_ingest_opts *o, cb_problem_fn on_problem,
                      void *ud, long *problems, cb_brief **out, cb_error *e) {
  *out = NULL;
  if (problems) *problems = 0;
  if (!paths && n) { cb_error_set(e, CB_EUSAGE, "", 0, "no paths"); return CB_EUSAGE; }
  cb_article_set set = {0};
  set.on_problem = on_problem;
  set.ud = ud;
  for (size_t i = 0; i < n; i++)
    cb_ingest_path(paths[i], o, cb_article_set_on_article, cb_article_set_on_problem, &set);
  if (problems) *problems = set.problems;
  if (set.oom) {
    cb_article_set_free(&set);
    cb_error_set(e, CB_ENOMEM, "", 0, "out of memory reading the articles");
    return CB_ENOMEM;
  }
  if (!set.n) {
    cb_article_set_free(&set);
    cb_error_set(e, CB_EEMPTY, "", 0, "no articles to report on");
    return CB_EEMPTY;
  }
  cb_articles_fill_years(set.v, set.n);
  int rc = cb_article_set_brief(&set, out, e);
  cb_article_set_free(&set);
  return rc;
}
