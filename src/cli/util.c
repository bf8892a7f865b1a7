/*
 * util.c - helpers the commands share: help detection, problem printing, option values,
 * and where the database lives.
 */
#include "cli/cli.h"
#include "cli/progress.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_wants_help(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) return 0;
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) return 1;
  }
  return 0;
}

void cli_problem(const cb_error *e) {
  cli_progress_clear();
  if (e->file[0] && e->line) fprintf(stderr, "corroborate: %s:%ld: %s\n", e->file, e->line, e->msg);
  else if (e->file[0]) fprintf(stderr, "corroborate: %s: %s\n", e->file, e->msg);
  else fprintf(stderr, "corroborate: %s\n", e->msg);
}

void cli_errorf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  cli_progress_clear();
  fputs("corroborate: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

static int mkdirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    int r = mkdir(path, 0755);
    *p = '/';
    if (r != 0 && errno != EEXIST) return -1;
  }
  return 0;
}

const char *cli_db_path(const char *given) {
  static char path[4096];
  if (given && *given) return given;
  const char *env = getenv("CORROBORATE_DB");
  if (env && *env) return env;
  const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  if (xdg && *xdg) snprintf(path, sizeof path, "%s/corroborate/corroborate.db", xdg);
  else snprintf(path, sizeof path, "%s/.local/share/corroborate/corroborate.db", home && *home ? home : ".");
  mkdirs(path);
  return path;
}

const char *cli_opt(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0) return NULL;
  if (a[n] == '=') return a + n + 1;
  if (a[n] != 0) return NULL;
  if (*i + 1 >= argc) {
    cli_errorf("%s needs a value", name);
    exit(CLI_USAGE);
  }
  return argv[++*i];
}

int cmd_version(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { printf("usage: corroborate version\n\nPrints the version.\n"); return CLI_OK; }
  printf("corroborate %s\n", CB_VERSION);
  return CLI_OK;
}
