/*
 * buf.h - a growable byte buffer (malloc-backed) for building strings of unknown length.
 * On allocation failure the buffer remembers it (b->oom) and further appends are no-ops,
 * so callers check once at the end.
 */
#ifndef CB_BUF_H
#define CB_BUF_H
#include <stddef.h>
#include <stdarg.h>
#include "corroborate.h"

typedef struct cb_buf { char *ptr; size_t len, cap; int oom; } cb_buf;

void cb_buf_init(cb_buf *b);
void cb_buf_free(cb_buf *b);
void cb_buf_reset(cb_buf *b);
int cb_buf_reserve(cb_buf *b, size_t extra);
void cb_buf_append(cb_buf *b, const char *s, size_t n);
void cb_buf_puts(cb_buf *b, const char *s);
void cb_buf_putc(cb_buf *b, char c);
void cb_buf_printf(cb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as the inside of a JSON string (no surrounding quotes). */
void cb_buf_json_escape(cb_buf *b, const char *s, size_t n);
/* Appends "s" as a JSON string, or null when s is NULL. */
void cb_buf_json_str(cb_buf *b, const char *s);
/* Hands the text over as a NUL-terminated malloc'd string for the caller (cb_free), *len
 * its length (may be NULL); the buffer is left empty. CB_ENOMEM (e says so) if it ran out. */
int cb_buf_hand_over(cb_buf *b, char **out, size_t *len, cb_error *e);
#endif
