/*
 * cmd_parse.c - `corroborate parse FILE...`: splits plain text into sentences and prints
 * each one tokenized, tagged, lemmatized and parsed, as CoNLL-U.
 */
#include "cli/cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The whole file (or standard input) in one malloc'd, NUL-terminated block. */
static char *read_all(const char *path, size_t *len, cb_error *e) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) { cb_error_set(e, CB_EIO, path, 0, "%s", strerror(errno)); return NULL; }
  size_t cap = 65536, n = 0, got;
  char *b = malloc(cap + 1);
  while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *nb = realloc(b, cap * 2 + 1);
      if (!nb) { free(b); b = NULL; break; }
      b = nb;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad || !b) { free(b); cb_error_set(e, CB_EIO, path, 0, "cannot read"); return NULL; }
  b[n] = 0;
  *len = n;
  return b;
}

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate parse FILE...\n\n"
               "Splits plain text (FILE, or - for stdin) into sentences and prints each one\n"
               "tokenized, tagged (UPOS, Penn XPOS), lemmatized and parsed into Universal\n"
               "Dependencies, as CoNLL-U with '# text' lines. The model is trained on UD English EWT.\n");
}

int cmd_parse(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { usage(stdout); return CLI_OK; }
  if (argc < 2) { usage(stderr); return CLI_USAGE; }
  int rc = CLI_OK;
  long id = 0;
  for (int i = 1; i < argc; i++) {
    cb_error e;
    size_t len, olen;
    char *text = read_all(argv[i], &len, &e), *out;
    if (!text) { cli_problem(&e); rc = CLI_INPUT; continue; }
    if (cb_parse(text, len, &id, &out, &olen, &e)) {
      cli_problem(&e);
      free(text);
      return CLI_FAIL;
    }
    fwrite(out, 1, olen, stdout);
    cb_free(out);
    free(text);
  }
  return rc;
}
