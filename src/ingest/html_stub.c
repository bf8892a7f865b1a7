/*
 * html_stub.c - placeholder until the HTML reader lands.
 */
#include "ingest/reader.h"

int cb_read_html(cb_article *a, const char *buf, size_t n, cb_error *e) {
  cb_error_set(e, CB_EPARSE, a->source, 0, "HTML input is not supported yet");
  return CB_EPARSE;
}
