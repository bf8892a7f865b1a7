/*
 * data_dir.c - the data directory (cb_data_dir, corroborate.h): a folder whose files replace
 * the embedded lexicon tables of the same names ("DIR/quantity/units.tsv"). Naming it lists
 * its files and refuses the folder if one is not a table or leads out of it (a symbolic link
 * elsewhere); a table's file is read when the table is first needed (data.c), checked again
 * to lie inside the folder.
 */
#include "core/data.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_BYTES (16u << 20)   /* the most a table file may hold */
#define MAX_DEPTH 8

static char *given;   /* the directory as the caller wrote it, for messages */
static char *root;    /* its real path */
static unsigned char *has;   /* has[i]: the directory holds table i */

int cb_data_dir_has(size_t i) { return has && has[i]; }

void cb_data_dir_file(const cb_table *t, char *out, size_t cap) {
  size_t n = given ? strlen(given) : 0;
  while (n > 1 && given[n - 1] == '/') n--;
  snprintf(out, cap, "%.*s/%s", (int)n, given ? given : "", t->name);
}

static int refuse(cb_error *e, int code, const char *rel, const char *fmt, const char *arg) {
  char file[600];
  size_t n = strlen(given);
  while (n > 1 && given[n - 1] == '/') n--;
  if (*rel) snprintf(file, sizeof file, "%.*s/%s", (int)n, given, rel);
  else snprintf(file, sizeof file, "%s", given);
  cb_error_set(e, code, file, 0, fmt, arg);
  return code;
}

/* 1 if the real path of path lies inside the directory; *real gets it (free it). */
static int inside(const char *path, char **real) {
  *real = realpath(path, NULL);
  size_t n = strlen(root);
  return *real && strncmp(*real, root, n) == 0 && ((*real)[n] == '/' || (*real)[n] == 0);
}

/* A file of data/ that is no table (data/NOTICE, names/README.md, the syntax model): a copy
 * of data/ is a valid data directory, these files are left alone. */
static int not_a_table(const char *rel) {
  return strncmp(rel, "syntax/", 7) == 0 || (!cb_table_find(rel) && cb_data_get(rel, NULL));
}

static int scan(const char *rel, int depth, cb_error *e);

static int entry(const char *rel, int depth, cb_error *e) {
  char path[PATH_MAX], *real;
  struct stat st;
  if (snprintf(path, sizeof path, "%s/%s", root, rel) >= (int)sizeof path)
    return refuse(e, CB_EDATA, rel, "%s", "path too long");
  int in = inside(path, &real), err = errno, ok = real && stat(real, &st) == 0;
  if (real && !ok) err = errno;
  free(real);
  if (!ok) return refuse(e, CB_EDATA, rel, "cannot read it: %s", strerror(err));
  if (!in) return refuse(e, CB_EDATA, rel, "%s", "leads out of the data directory (a link elsewhere?)");
  if (S_ISDIR(st.st_mode)) {
    if (depth >= MAX_DEPTH) return refuse(e, CB_EDATA, rel, "%s", "folders nested too deep");
    return scan(rel, depth + 1, e);
  }
  const cb_table *t = cb_table_find(rel);
  if (t && S_ISREG(st.st_mode)) { has[t - cb_data_tables] = 1; return CB_OK; }
  if (not_a_table(rel)) return CB_OK;
  if (t) return refuse(e, CB_EDATA, rel, "%s", "not a regular file");
  return refuse(e, CB_EDATA, rel, "%s", "not the name of a lexicon table (docs/data.md lists them; "
                                        "names are as under data/)");
}

/* Every entry of the folder rel (relative to the directory; "" for itself), in name order;
 * names starting with '.' skipped. */
static int scan(const char *rel, int depth, cb_error *e) {
  char path[PATH_MAX], sub[PATH_MAX];
  snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
  struct dirent **list;
  int n = scandir(path, &list, NULL, alphasort), rc = CB_OK;
  if (n < 0) return refuse(e, CB_EDATA, rel, "cannot list: %s", strerror(errno));
  for (int i = 0; i < n; i++) {
    const char *name = list[i]->d_name;
    if (rc == CB_OK && name[0] != '.') {
      snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", name);
      rc = entry(sub, depth, e);
    }
    free(list[i]);
  }
  free(list);
  return rc;
}

static void reset(void) {
  free(given);
  free(root);
  free(has);
  given = root = NULL;
  has = NULL;
  cb_data_forget();
}

static int open_root(const char *dir, cb_error *e) {
  struct stat st;
  if (!*dir) return refuse(e, CB_EIO, "", "%s", "an empty name is no data directory");
  if (!(root = realpath(dir, NULL)) || stat(root, &st) != 0)
    return refuse(e, CB_EIO, "", "cannot use it as the data directory: %s", strerror(errno));
  if (!S_ISDIR(st.st_mode)) return refuse(e, CB_EIO, "", "%s", "not a directory");
  return CB_OK;
}

int cb_data_dir(const char *dir, cb_error *e) {
  if (cb_data_sealed()) {
    cb_error_set(e, CB_EUSAGE, dir ? dir : "", 0, "the data directory must be set before cb_init() "
                 "and before any lexicon is read");
    return CB_EUSAGE;
  }
  reset();
  if (!dir) return CB_OK;
  size_t ntables = 0;
  while (cb_data_tables[ntables].name) ntables++;
  given = strdup(dir);
  has = calloc(ntables, 1);
  if (!given || !has) { reset(); cb_error_set(e, CB_ENOMEM, dir, 0, "out of memory"); return CB_ENOMEM; }
  int rc = open_root(dir, e);
  if (!rc) rc = scan("", 0, e);
  if (rc) reset();
  return rc;
}

static int read_fail(cb_error *e, const char *file, const char *why) {
  cb_error_set(e, CB_EDATA, file, 0, "cannot read the table: %s", why);
  return CB_EDATA;
}

int cb_data_dir_read(const cb_table *t, char **out, size_t *len, cb_error *e) {
  char path[PATH_MAX], file[600], *real = NULL;
  cb_data_dir_file(t, file, sizeof file);
  *out = NULL;
  *len = 0;
  snprintf(path, sizeof path, "%s/%s", root, t->name);
  int in = inside(path, &real);
  FILE *f = in ? fopen(real, "rb") : NULL;
  int err = errno;
  free(real);
  if (!in) return read_fail(e, file, "it leads out of the data directory (a link elsewhere?)");
  if (!f) return read_fail(e, file, strerror(err));
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || st.st_size > MAX_BYTES) {
    fclose(f);
    return read_fail(e, file, "over 16 MiB, too big for a table");
  }
  size_t cap = (size_t)st.st_size;
  char *buf = malloc(cap + 1);
  size_t n = buf ? fread(buf, 1, cap + 1, f) : 0;
  int failed = !buf || ferror(f) || n > cap;   /* it grew while read */
  fclose(f);
  if (failed) {
    const char *why = buf ? "read error, or the file changed while read" : "out of memory";
    free(buf);
    return read_fail(e, file, why);
  }
  buf[n] = 0;
  *out = buf;
  *len = n;
  return CB_OK;
}
