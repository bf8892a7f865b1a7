/*
 * init.c - one-time set-up before articles are read from several threads: libxml2's
 * parser globals, and the lexicons the readers load lazily.
 */
#include "corroborate.h"
#include <libxml/parser.h>

void cb_ingest_init(void) {
  xmlInitParser();
}
