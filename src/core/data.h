/*
 * data.h - the lexicon tables embedded from data/ (cmake/embed.cmake): the list of every
 * table the library reads, and the one way its lexicons load a table, which fails loudly.
 *
 * A table that is missing (not embedded: renamed, deleted, misspelt in the code) or holds
 * no entries is an error that names it ("data/quantity/units.tsv") and says why. cb_init()
 * (corroborate.h) checks every listed table at start; a loader that still finds one missing
 * at first use keeps its failure, and cb_data_status() / cb_init() report it.
 */
#ifndef CB_CORE_DATA_H
#define CB_CORE_DATA_H
#include "corroborate.h"

/* Every table the library reads, by its name under data/, NULL-terminated (data.c). */
extern const char *const cb_data_tables[];

/* Loads one table: *out gets its bytes. 0 ok; CB_EDATA with e naming the table and the
 * reason if it is not embedded or holds no entries (only comments and blank lines). */
int cb_data_load(const char *name, cb_slice *out, cb_error *e);

/* What the lexicon loaders call: the table's bytes and length, as cb_data_get gives them;
 * NULL (*len 0) if it is missing or not in cb_data_tables, the failure then kept for
 * cb_data_status(). Cheap: no scan of the table. */
const char *cb_data_need(const char *name, size_t *len);

/* The first failure a loader met (cb_data_need) since the process started: 0 if none, else
 * CB_EDATA with e naming the table. */
int cb_data_status(cb_error *e);
#endif
