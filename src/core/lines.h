/*
 * lines.h - the lines of a lexicon table (data/..., or the data directory's file: see
 * cb_data_need), comment lines ("#...") and empty lines skipped. Lines are slices into the
 * table's bytes, not copies; its rows were checked against its format when it was read.
 *
 *   cb_lines it = cb_lines_of("corroborate/causes.tsv");
 *   for (const char *line; (line = cb_lines_next(&it, &n));) ...
 */
#ifndef CB_CORE_LINES_H
#define CB_CORE_LINES_H
#include "corroborate.h"
#include "core/data.h"
#include <string.h>

typedef struct cb_lines { const char *p, *end; } cb_lines;

static inline cb_lines cb_lines_of(const char *data_name) {
  size_t len;
  const char *d = cb_data_need(data_name, &len);
  return (cb_lines){d, d ? d + len : NULL};
}

/* The next line that is neither empty nor a comment, its length in *n; NULL at the end. */
static inline const char *cb_lines_next(cb_lines *it, size_t *n) {
  while (it->p && it->p < it->end) {
    const char *line = it->p, *nl = memchr(line, '\n', (size_t)(it->end - line));
    const char *le = nl ? nl : it->end;
    it->p = le + 1;
    if (le > line && *line != '#') { *n = (size_t)(le - line); return line; }
  }
  return NULL;
}
#endif
