/*
 * data.h - the lexicon tables: embedded from data/ (cmake/embed.cmake), or replaced one by one
 * by the files of a data directory (cb_data_dir, corroborate.h); the list of every table the
 * library reads with the format of its rows, and the one way its lexicons load a table, which
 * fails loudly.
 *
 * A table that is missing (not embedded: renamed, deleted, misspelt in the code), holds no
 * entries (embedded only) or has a row that does not hold to its format is an error that names
 * it ("data/quantity/units.tsv", or "DIR/quantity/units.tsv" for a file of the data directory),
 * with the line for a bad row, and says why. A table is read and checked once, when it is first
 * needed; cb_init() (corroborate.h) does that for every listed table at start; a loader that
 * still meets a bad table at first use keeps its failure, and cb_data_status() / cb_init()
 * report it. docs/data.md describes every table.
 */
#ifndef CB_CORE_DATA_H
#define CB_CORE_DATA_H
#include "corroborate.h"

/* One table: its name under data/, the format of its rows (src/core/data_check.c tells the
 * notation), and the most entries its loader has room for (0: no limit). */
typedef struct cb_table {
  const char *name;
  char sep;           /* what separates the fields: '\t' or ' ' */
  const char *cols;   /* "text text num flags:cd?": the columns, see cb_table_check */
  int max;            /* rows, or fields for a table whose last column repeats */
} cb_table;

/* Every table the library reads, in name order, ended by a NULL name (data.c). */
extern const cb_table cb_data_tables[];

/* The listed table of that name, or NULL. */
const cb_table *cb_table_find(const char *name);

/* Checks the bytes of table t against its format, line by line. 0 ok; else CB_EDATA with e
 * naming file (as given) and the first bad line (data_check.c). */
int cb_table_check(const cb_table *t, const char *file, const char *d, size_t len, cb_error *e);

/* Loads one table: *out gets its bytes (the data directory's file if it has one, else the
 * embedded table). 0 ok; CB_EDATA with e naming the table and the reason if it is not
 * listed, not embedded, holds no entries (embedded only), cannot be read or has a bad row
 * (e->line set). Reads the table the first time only. */
int cb_data_load(const char *name, cb_slice *out, cb_error *e);

/* What the lexicon loaders call: the table's bytes and length, as cb_data_load gives them;
 * NULL (*len 0) if it fails, the failure then kept for cb_data_status(). Cheap after the
 * first call for a table. From the first call on, the data directory is fixed. */
const char *cb_data_need(const char *name, size_t *len);

/* The first failure a loader met (cb_data_need) since the process started: 0 if none, else
 * CB_EDATA with e naming the table. */
int cb_data_status(cb_error *e);

/* ---- the data directory (data_dir.c) ---- */
/* 1 if cb_data_dir has named a directory that holds a file for table index i. */
int cb_data_dir_has(size_t i);
/* Reads table t's file from the data directory into a new malloc'd, NUL-terminated buffer.
 * 0 ok; else CB_EDATA with e naming the file. The path is checked to stay inside it. */
int cb_data_dir_read(const cb_table *t, char **out, size_t *len, cb_error *e);
/* The name of t's file in the data directory as the user wrote the directory ("DIR/x/y.tsv"). */
void cb_data_dir_file(const cb_table *t, char *out, size_t cap);
/* Set by the first read of a table: the data directory can no longer change (data.c). */
int cb_data_sealed(void);
/* Forgets every table read by cb_data_load so far (data.c; cb_data_dir calls it). */
void cb_data_forget(void);
#endif
