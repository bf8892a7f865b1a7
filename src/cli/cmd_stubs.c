/* cmd_stubs.c - placeholders for ingest/articles/show while the store lands. */
#include "cli/cli.h"
int cmd_ingest(int argc, char **argv) { return CLI_FAIL; }
int cmd_articles(int argc, char **argv) { return CLI_FAIL; }
int cmd_show(int argc, char **argv) { return CLI_FAIL; }
