/*
 * main.c - the corroborate command line: finds the command and runs it. Every command
 * lives in its own cmd_*.c; this file knows only the table in commands.c. A lexicon table
 * missing from the build stops any command at start, and one a lexicon met missing on first
 * use fails the command: exit 3, naming the table.
 */
#include "cli/cli.h"
#include <string.h>

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate <command> [options]\n\n"
               "Reads news articles and tells, story by story, what the sources agree on,\n"
               "where they disagree, who said what, and what only one source reports.\n\n"
               "commands:\n");
  for (const cli_command *c = cli_commands; c->name; c++) fprintf(out, "  %-12s %s\n", c->name, c->summary);
  fprintf(out, "\n'corroborate <command> --help' tells more about a command.\n"
               "Every command takes --db PATH (default: $CORROBORATE_DB, else\n"
               "$XDG_DATA_HOME/corroborate/corroborate.db).\n"
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

int main(int argc, char **argv) {
  if (argc < 2) { usage(stderr); return CLI_USAGE; }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "--version") == 0) return cmd_version(argc - 1, argv + 1);
  for (const cli_command *c = cli_commands; c->name; c++)
    if (strcmp(argv[1], c->name) == 0) return run(c, argc - 1, argv + 1);
  cli_errorf("unknown command '%s' (try 'corroborate --help')", argv[1]);
  return CLI_USAGE;
}
