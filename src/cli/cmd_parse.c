/*
 * cmd_parse.c - `corroborate parse FILE...`: splits plain text into sentences and prints
 * each one tokenized, tagged, lemmatized and parsed, as CoNLL-U.
 */
#include "cli/cli.h"
#include "core/buf.h"
#include "syntax/syn_internal.h"
#include "text/sentence.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out) {
  fprintf(out, "usage: corroborate parse FILE...\n\n"
               "Splits plain text (FILE, or - for stdin) into sentences and prints each one\n"
               "tokenized, tagged (UPOS, Penn XPOS), lemmatized and parsed into Universal\n"
               "Dependencies, as CoNLL-U with '# text' lines. The model is trained on UD English EWT.\n");
}

static int read_all(const char *path, cb_buf *b, cb_error *e) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) { cb_error_set(e, CB_EIO, path, 0, "%s", strerror(errno)); return CB_EIO; }
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) cb_buf_append(b, chunk, n);
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad || b->oom) { cb_error_set(e, CB_EIO, path, 0, "cannot read"); return CB_EIO; }
  return 0;
}

static int parse_text(const cb_syn_model *m, const char *text, size_t len, long *id) {
  cb_arena *a = cb_arena_new(0);
  if (!a) return CLI_FAIL;
  cb_span *sp;
  size_t ns = cb_sentences(a, text, len, &sp);
  cb_buf o;
  cb_buf_init(&o);
  int rc = CLI_OK;
  for (size_t i = 0; i < ns && rc == CLI_OK; i++) {
    cb_arena *sa = cb_arena_new(0);
    cb_syn_sent p;
    if (!sa || cb_syn_parse(m, sa, text + sp[i].start, sp[i].end - sp[i].start, &p)) rc = CLI_FAIL;
    else if (p.n) {
      char sid[32];
      snprintf(sid, sizeof sid, "%ld", ++*id);
      cb_syn_conllu_write(&o, text + sp[i].start, sp[i].end - sp[i].start, &p, sid);
    }
    cb_arena_free(sa);
    if (o.len > (1 << 20)) { fwrite(o.ptr, 1, o.len, stdout); cb_buf_reset(&o); }
  }
  fwrite(o.ptr, 1, o.len, stdout);
  cb_buf_free(&o);
  cb_arena_free(a);
  return rc;
}

int cmd_parse(int argc, char **argv) {
  if (cli_wants_help(argc, argv)) { usage(stdout); return CLI_OK; }
  if (argc < 2) { usage(stderr); return CLI_USAGE; }
  cb_error e;
  const cb_syn_model *m = cb_syn_model_get(&e);
  if (!m) { cli_problem(&e); return CLI_FAIL; }
  int rc = CLI_OK;
  long id = 0;
  for (int i = 1; i < argc; i++) {
    cb_buf b;
    cb_buf_init(&b);
    if (read_all(argv[i], &b, &e)) { cli_problem(&e); rc = CLI_INPUT; }
    else if (parse_text(m, b.ptr ? b.ptr : "", b.len, &id) != CLI_OK) {
      cli_errorf("parse: %s: out of memory", argv[i]);
      rc = CLI_FAIL;
    }
    cb_buf_free(&b);
  }
  return rc;
}
