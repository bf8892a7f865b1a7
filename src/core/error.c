/*
 * error.c - errors as values: a code plus a message naming the file and the reason.
 */
#include "corroborate.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cb_error_set(cb_error *e, int code, const char *file, long line, const char *fmt, ...) {
  if (!e) return;
  e->code = code;
  snprintf(e->file, sizeof e->file, "%s", file ? file : "");
  e->line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
}

void cb_error_clear(cb_error *e) {
  if (e) memset(e, 0, sizeof *e);
}

const char *cb_strerror(int code) {
  switch (code) {
  case CB_OK: return "ok";
  case CB_EIO: return "cannot read or write";
  case CB_EEMPTY: return "empty";
  case CB_EBINARY: return "binary data, not text";
  case CB_EUTF8: return "invalid UTF-8";
  case CB_ETOOBIG: return "over the size limit";
  case CB_EPARSE: return "malformed";
  case CB_ENOMEM: return "out of memory";
  case CB_ESTORE: return "database error";
  case CB_EUSAGE: return "bad usage";
  case CB_ENOTFOUND: return "not found";
  case CB_EDATA: return "missing, empty or malformed data table";
  }
  return "unknown error";
}
