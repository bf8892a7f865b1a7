/*
 * warc_stub.c - placeholder until the WARC reader lands (grouping issue): reports that
 * WARC input is not read yet, naming the file.
 */
#include "ingest/reader.h"

int cb_read_warc(const char *name, FILE *f, const cb_ingest_opts *o,
                 cb_article_fn on_article, cb_problem_fn on_problem, void *ud) {
  cb_error e;
  cb_error_set(&e, CB_EPARSE, name, 0, "WARC and gzip input are not supported yet");
  if (on_problem) on_problem(ud, &e);
  return 1;
}
