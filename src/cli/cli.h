/*
 * cli.h - what the commands of the corroborate tool share: the command table, exit codes,
 * option helpers, the database path, and one way to print a problem.
 *
 * Exit codes: 0 ok; 1 some input could not be read (the rest was); 2 usage error;
 * 3 internal or database error.
 */
#ifndef CB_CLI_H
#define CB_CLI_H
#include "corroborate.h"
#include <stdio.h>

enum { CLI_OK = 0, CLI_INPUT = 1, CLI_USAGE = 2, CLI_FAIL = 3 };

typedef struct cli_command {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);   /* argv[0] is the command name */
} cli_command;

/* Every command, in the order `corroborate --help` lists them (commands.c). */
extern const cli_command cli_commands[];

/* 1 if argv has -h or --help before any "--". */
int cli_wants_help(int argc, char **argv);
/* Prints "corroborate: FILE:LINE: reason" (or without FILE/LINE) on stderr. */
void cli_problem(const cb_error *e);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The database path: --db, else $CORROBORATE_DB, else $XDG_DATA_HOME/corroborate/corroborate.db,
 * else ~/.local/share/corroborate/corroborate.db. Creates the folder for the default. */
const char *cli_db_path(const char *given);
/* Option value helper: for "--opt VALUE" and "--opt=VALUE"; advances *i. NULL if argv[*i]
 * is not that option; exits with a usage error if the value is missing. */
const char *cli_opt(int argc, char **argv, int *i, const char *name);


int cmd_version(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_articles(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_duplicates(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_serve(int argc, char **argv);
#endif
