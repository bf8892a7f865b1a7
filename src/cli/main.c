/*
 * main.c - the corroborate command line: finds the command and runs it. Every command
 * lives in its own cmd_*.c; this file knows only the table in commands.c, and the global
 * option --data DIR (or $CORROBORATE_DATA_DIR): a folder whose files replace lexicon tables.
 * A data directory that cannot be used stops any command with exit 2; a lexicon table missing
 * from the build or with a bad row stops any command at start, and one a lexicon met missing
 * on first use fails the command: exit 3, naming the table (and the line).
 */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate <command> [options]\n\n"
               "Reads news articles and tells, story by story, what the sources agree on,\n"
               "where they disagree, who said what, and what only one source reports.\n\n"
               "commands:\n");
  for (const cli_command *c = cli_commands; c->name; c++) fprintf(out, "  %-12s %s\n", c->name, c->summary);
  fprintf(out, "\n'corroborate <command> --help' tells more about a command.\n"
               "Every command takes --db PATH (default: $CORROBORATE_DB, else\n"
               "$XDG_DATA_HOME/corroborate/corroborate.db), and --data DIR (default:\n"
               "$CORROBORATE_DATA_DIR): lexicon tables read from DIR, each file replacing the\n"
               "embedded table of its name (DIR/quantity/units.tsv for data/quantity/units.tsv;\n"
               "docs/data.md lists the tables and their formats). A file there that is no table,\n"
               "or a link leading out of DIR, is an error (exit 2); a bad row stops the command\n"
               "with the file and line (exit 3).\n"
               "Exit codes: 0 ok, 1 some input could not be read, 2 usage error, 3 internal error.\n");
}

static int run(const cli_command *c, int argc, char **argv) {
  cb_error e;
  if (cb_init(&e)) { cli_problem(&e); return CLI_FAIL; }
  int rc = c->run(argc, argv);
  /* a command that failed with 3 has said why (cb_brief_build reports such a table itself) */
  if (rc != CLI_FAIL && cb_init(&e)) { cli_problem(&e); return CLI_FAIL; }
  return rc;
}

/* Takes --data DIR / --data=DIR out of argv (anywhere before "--"); the last one given. */
static const char *take_data_opt(int *argc, char **argv) {
  const char *dir = NULL;
  int out = 1;
  for (int i = 1; i < *argc; i++) {
    const char *v = strcmp(argv[i], "--") ? cli_opt(*argc, argv, &i, "--data") : NULL;
    if (v) { dir = v; continue; }
    if (!strcmp(argv[i], "--")) { while (i < *argc) argv[out++] = argv[i++]; break; }
    argv[out++] = argv[i];
  }
  argv[out] = NULL;
  *argc = out;
  return dir;
}

/* The data directory of --data, else $CORROBORATE_DATA_DIR; 0, or exit 2 if it cannot be used. */
static int use_data_dir(const char *dir) {
  const char *env = getenv("CORROBORATE_DATA_DIR");
  if (!dir && env && *env) dir = env;
  cb_error e;
  if (!dir || !cb_data_dir(dir, &e)) return CLI_OK;
  cli_problem(&e);
  return CLI_USAGE;
}

int main(int argc, char **argv) {
  const char *data = take_data_opt(&argc, argv);
  if (argc < 2) { usage(stderr); return CLI_USAGE; }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "--version") == 0) return cmd_version(argc - 1, argv + 1);
  for (const cli_command *c = cli_commands; c->name; c++)
    if (strcmp(argv[1], c->name) == 0) return use_data_dir(data) ? CLI_USAGE : run(c, argc - 1, argv + 1);
  cli_errorf("unknown command '%s' (try 'corroborate --help')", argv[1]);
  return CLI_USAGE;
}
