/*
 * jsonl_stub.c - placeholder until the JSON Lines reader lands.
 */
#include "ingest/reader.h"

int cb_read_jsonl(const char *name, const char *buf, size_t n, const cb_ingest_opts *o,
                  cb_article_fn on_article, cb_problem_fn on_problem, void *ud) {
  cb_error e;
  cb_error_set(&e, CB_EPARSE, name, 0, "JSON Lines input is not supported yet");
  if (on_problem) on_problem(ud, &e);
  return 1;
}
