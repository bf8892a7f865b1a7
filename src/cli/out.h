/*
 * out.h - the command line's own growable text buffer, for output built in pieces (lists,
 * JSON lines): append, format, JSON-quote, then write it out and reset.
 */
#ifndef CB_CLI_OUT_H
#define CB_CLI_OUT_H
#include <stddef.h>

typedef struct cli_buf { char *ptr; size_t len, cap; int oom; } cli_buf;

void cli_buf_init(cli_buf *b);
void cli_buf_free(cli_buf *b);
void cli_buf_reset(cli_buf *b);
void cli_buf_append(cli_buf *b, const char *s, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_putc(cli_buf *b, char c);
void cli_buf_printf(cli_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s as a JSON string in quotes (the escapes of RFC 8259), or null when s is NULL. */
void cli_buf_json_str(cli_buf *b, const char *s);
#endif
