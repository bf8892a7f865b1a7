/*
 * ingest.c - the ingest driver: walks paths (files, directories, stdin), enforces the size
 * limit, rejects empty and binary input with a clear reason, detects the format and hands
 * the bytes to the right reader. Each problem is reported once, naming the file.
 */
#include "ingest/reader.h"
#include "core/article.h"
#include "text/utf8.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

static size_t max_bytes(const cb_ingest_opts *o) {
  return o && o->max_bytes ? o->max_bytes : DEFAULT_MAX_BYTES;
}

static void problem(cb_problem_fn fn, void *ud, int code, const char *file, long line,
                    const char *fmt, const char *arg) {
  cb_error e;
  cb_error_set(&e, code, file, line, fmt, arg);
  if (fn) fn(ud, &e);
}

int cb_ingest_buffer(const char *name, const char *buf, size_t n, const cb_ingest_opts *o,
                     cb_article_fn on_article, cb_problem_fn on_problem, void *ud) {
  if (n == 0) { problem(on_problem, ud, CB_EEMPTY, name, 0, "empty file%s", ""); return 1; }
  if (n > max_bytes(o)) {
    cb_error e;
    cb_error_set(&e, CB_ETOOBIG, name, 0, "file is %zu bytes, over the limit of %zu bytes (--max-size)",
                 n, max_bytes(o));
    if (on_problem) on_problem(ud, &e);
    return 1;
  }
  cb_format f = o && o->format ? o->format : cb_detect_format(name, buf, n);
  if (f == CB_FORMAT_JSONL) return cb_read_jsonl(name, buf, n, o, on_article, on_problem, ud);
  if (f == CB_FORMAT_WARC) {
    FILE *mf = fmemopen((void *)buf, n, "rb");
    if (!mf) { problem(on_problem, ud, CB_ENOMEM, name, 0, "cannot open in memory%s", ""); return 1; }
    int r = cb_read_warc(name, mf, o, on_article, on_problem, ud);
    fclose(mf);
    return r;
  }
  if (cb_looks_binary(buf, n)) {
    problem(on_problem, ud, CB_EBINARY, name, 0, "binary data, not a text, HTML, JSON Lines or WARC article%s", "");
    return 1;
  }
  cb_article *a = cb_article_new();
  if (!a) { problem(on_problem, ud, CB_ENOMEM, name, 0, "out of memory%s", ""); return 1; }
  a->source = cb_arena_strdup(a->arena, name);
  a->format = f;
  cb_error e;
  cb_error_clear(&e);
  int rc = a->source ? cb_article_set_original(a, buf, n) : CB_ENOMEM;
  if (!rc) rc = f == CB_FORMAT_HTML ? cb_read_html(a, buf, n, &e) : cb_read_text(a, buf, n, &e);
  if (!rc) rc = cb_article_finish(a, &e);
  if (rc) {
    if (!e.code) cb_error_set(&e, rc, name, 0, "%s", cb_strerror(rc));
    if (!e.file[0]) snprintf(e.file, sizeof e.file, "%s", name);
    if (on_problem) on_problem(ud, &e);
    cb_article_free(a);
    return 1;
  }
  if (on_article && on_article(ud, a)) return 0;
  return 0;
}

/* Reads a whole regular file (bounded by the size limit) into malloc'd memory. */
static int slurp(FILE *f, const char *name, size_t limit, char **out, size_t *outlen, cb_error *e) {
  size_t cap = 65536, len = 0;
  char *p = malloc(cap);
  if (!p) { cb_error_set(e, CB_ENOMEM, name, 0, "out of memory"); return CB_ENOMEM; }
  for (;;) {
    if (len == cap) {
      if (cap > limit) {
        free(p);
        cb_error_set(e, CB_ETOOBIG, name, 0, "over the limit of %zu bytes (--max-size)", limit);
        return CB_ETOOBIG;
      }
      char *q = realloc(p, cap * 2);
      if (!q) { free(p); cb_error_set(e, CB_ENOMEM, name, 0, "out of memory"); return CB_ENOMEM; }
      p = q; cap *= 2;
    }
    size_t k = fread(p + len, 1, cap - len, f);
    len += k;
    if (k == 0) break;
  }
  if (ferror(f)) {
    free(p);
    cb_error_set(e, CB_EIO, name, 0, "read error: %s", strerror(errno));
    return CB_EIO;
  }
  if (len > limit) {
    free(p);
    cb_error_set(e, CB_ETOOBIG, name, 0, "file is %zu bytes, over the limit of %zu bytes (--max-size)", len, limit);
    return CB_ETOOBIG;
  }
  *out = p; *outlen = len;
  return CB_OK;
}

static int looks_like_warc_name(const char *path) {
  size_t n = strlen(path);
  return (n > 5 && strcmp(path + n - 5, ".warc") == 0) || (n > 8 && strcmp(path + n - 8, ".warc.gz") == 0) ||
         (n > 4 && strcmp(path + n - 4, ".wet") == 0) || (n > 7 && strcmp(path + n - 7, ".wet.gz") == 0);
}

typedef struct line_shift { long base; cb_article_fn on_article; cb_problem_fn on_problem; void *ud; } line_shift;

static int shifted_article(void *ud, cb_article *a) {
  line_shift *ls = ud;
  a->line += ls->base;
  return ls->on_article ? ls->on_article(ls->ud, a) : (cb_article_free(a), 0);
}

static void shifted_problem(void *ud, const cb_error *e) {
  line_shift *ls = ud;
  cb_error c = *e;
  if (c.line) c.line += ls->base;
  if (ls->on_problem) ls->on_problem(ls->ud, &c);
}

#define JSONL_CHUNK ((size_t)8 << 20)

/* JSON Lines are read in chunks that end at a line break, so a file of any size takes the
 * memory of one chunk (a record longer than a chunk grows it, up to the record limit the
 * reader enforces). Line numbers stay those of the file. */
static int stream_jsonl(const char *path, FILE *f, const cb_ingest_opts *o, cb_article_fn on_article,
                        cb_problem_fn on_problem, void *ud) {
  size_t cap = JSONL_CHUNK, len = 0;
  char *buf = malloc(cap);
  if (!buf) { problem(on_problem, ud, CB_ENOMEM, path, 0, "out of memory%s", ""); return 1; }
  line_shift ls = {0, on_article, on_problem, ud};
  int problems = 0, eof = 0;
  cb_ingest_opts ro = o ? *o : (cb_ingest_opts){0};
  ro.format = CB_FORMAT_JSONL;
  while (!eof || len) {
    if (!eof && len < cap) {
      size_t k = fread(buf + len, 1, cap - len, f);
      len += k;
      if (k == 0) eof = 1;
      if (!eof && len < cap) continue;
    }
    char *nl = len ? memrchr(buf, '\n', len) : NULL;
    size_t take = eof ? len : nl ? (size_t)(nl - buf) + 1 : 0;
    if (!take) {   /* one line fills the buffer: make room, up to twice the largest record */
      if (cap >= ((size_t)40 << 20)) {
        problem(on_problem, ud, CB_ETOOBIG, path, ls.base + 1, "a line longer than %s; skipped", "40 MiB");
        problems++;
        int ch;
        while ((ch = getc(f)) != EOF && ch != '\n') ;
        eof = ch == EOF;
        len = 0;
        ls.base++;
        continue;
      }
      char *nb = realloc(buf, cap * 2);
      if (!nb) { problems++; break; }
      buf = nb;
      cap *= 2;
      continue;
    }
    problems += cb_read_jsonl(path, buf, take, &ro, shifted_article, shifted_problem, &ls);
    for (size_t i = 0; i < take; i++) ls.base += buf[i] == '\n';
    memmove(buf, buf + take, len - take);
    len -= take;
  }
  if (ferror(f)) { problem(on_problem, ud, CB_EIO, path, 0, "read error: %s", strerror(errno)); problems++; }
  free(buf);
  return problems;
}

static int ingest_file(const char *path, FILE *f, const cb_ingest_opts *o, cb_article_fn on_article,
                       cb_problem_fn on_problem, void *ud) {
  /* WARC archives (and anything gzip-compressed) are streamed, never read whole. */
  int c0 = getc(f), c1 = c0 == EOF ? EOF : getc(f);
  rewind(f);
  int gz = c0 == 0x1f && c1 == 0x8b;
  if ((o && o->format == CB_FORMAT_WARC) || gz || looks_like_warc_name(path)) {
    return cb_read_warc(path, f, o, on_article, on_problem, ud);
  }
  /* JSON Lines are streamed too: a look at the first bytes decides */
  char peek[4096];
  size_t np = fread(peek, 1, sizeof peek, f);
  rewind(f);
  cb_format fmt = o && o->format ? o->format : (np ? cb_detect_format(path, peek, np) : CB_FORMAT_AUTO);
  if (fmt == CB_FORMAT_JSONL) return stream_jsonl(path, f, o, on_article, on_problem, ud);
  cb_error e;
  char *buf = NULL;
  size_t n = 0;
  if (slurp(f, path, max_bytes(o), &buf, &n, &e)) { if (on_problem) on_problem(ud, &e); return 1; }
  int r = cb_ingest_buffer(path, buf, n, o, on_article, on_problem, ud);
  free(buf);
  return r;
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks a directory in name order (so ingest order is reproducible), skipping dot files,
 * calling on_file for every regular file. */
static int walk_dir(const char *path, cb_file_fn on_file, cb_problem_fn on_problem, void *ud, size_t *nfiles, int depth) {
  if (depth > 64) { problem(on_problem, ud, CB_EIO, path, 0, "directories nested too deep%s", ""); return 1; }
  DIR *d = opendir(path);
  if (!d) { problem(on_problem, ud, CB_EIO, path, 0, "cannot open directory: %s", strerror(errno)); return 1; }
  char **names = NULL;
  size_t n = 0, cap = 0;
  int bad = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) { bad = 1; break; }
      names = nn;
    }
    if (!(names[n] = strdup(de->d_name))) { bad = 1; break; }
    n++;
  }
  closedir(d);
  if (bad) problem(on_problem, ud, CB_ENOMEM, path, 0, "out of memory listing the directory%s", "");
  if (n) qsort(names, n, sizeof *names, name_cmp);
  int problems = bad;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(path) + strlen(names[i]) + 2;
    char *child = malloc(len);
    if (!child) { problems++; free(names[i]); continue; }
    snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
    struct stat st;
    if (stat(child, &st) != 0) {
      problem(on_problem, ud, CB_EIO, child, 0, "cannot read: %s", strerror(errno));
      problems++;
    } else if (S_ISDIR(st.st_mode)) {
      problems += walk_dir(child, on_file, on_problem, ud, nfiles, depth + 1);
    } else if (S_ISREG(st.st_mode)) {
      (*nfiles)++;
      problems += on_file(ud, child);
    }
    free(child);
    free(names[i]);
  }
  free(names);
  return problems;
}

int cb_ingest_walk(const char *path, cb_file_fn on_file, cb_problem_fn on_problem, void *ud) {
  struct stat st;
  if (strcmp(path, "-") == 0) return on_file(ud, path);
  if (stat(path, &st) != 0) {
    problem(on_problem, ud, CB_EIO, path, 0, "cannot read: %s", strerror(errno));
    return 1;
  }
  if (S_ISDIR(st.st_mode)) {
    size_t nfiles = 0;
    int r = walk_dir(path, on_file, on_problem, ud, &nfiles, 0);
    if (nfiles == 0) { problem(on_problem, ud, CB_EEMPTY, path, 0, "directory holds no article files%s", ""); r++; }
    return r;
  }
  return on_file(ud, path);
}

int cb_ingest_is_stream(const char *path) {
  if (looks_like_warc_name(path)) return 1;
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : NULL;
  if (!f) return 0;
  char peek[4096];
  size_t n = fread(peek, 1, sizeof peek, f);
  fclose(f);
  if (n >= 2 && (unsigned char)peek[0] == 0x1f && (unsigned char)peek[1] == 0x8b) return 1;
  return n && cb_detect_format(path, peek, n) == CB_FORMAT_JSONL;   /* JSON Lines: read in chunks */
}

typedef struct path_run { const cb_ingest_opts *o; cb_article_fn on_article; cb_problem_fn on_problem; void *ud; } path_run;

static int ingest_one(void *ud, const char *file) {
  path_run *r = ud;
  if (strcmp(file, "-") == 0) {
    cb_error e;
    char *buf = NULL;
    size_t n = 0;
    if (slurp(stdin, "-", max_bytes(r->o), &buf, &n, &e)) { if (r->on_problem) r->on_problem(r->ud, &e); return 1; }
    int res = cb_ingest_buffer("-", buf, n, r->o, r->on_article, r->on_problem, r->ud);
    free(buf);
    return res;
  }
  struct stat st;
  if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
    problem(r->on_problem, r->ud, CB_EIO, file, 0, "not a regular file or directory%s", "");
    return 1;
  }
  const cb_ingest_opts *o = r->o;
  if ((size_t)st.st_size > max_bytes(o) && !looks_like_warc_name(file) && !(o && o->format == CB_FORMAT_WARC) &&
      !cb_ingest_is_stream(file)) {
    cb_error e;
    cb_error_set(&e, CB_ETOOBIG, file, 0, "file is %lld bytes, over the limit of %zu bytes (--max-size)",
                 (long long)st.st_size, max_bytes(o));
    if (r->on_problem) r->on_problem(r->ud, &e);
    return 1;
  }
  FILE *f = fopen(file, "rb");
  if (!f) { problem(r->on_problem, r->ud, CB_EIO, file, 0, "cannot open: %s", strerror(errno)); return 1; }
  int res = ingest_file(file, f, o, r->on_article, r->on_problem, r->ud);
  fclose(f);
  return res;
}

static void forward_problem(void *ud, const cb_error *e) {
  path_run *r = ud;
  if (r->on_problem) r->on_problem(r->ud, e);
}

int cb_ingest_path(const char *path, const cb_ingest_opts *o, cb_article_fn on_article,
                   cb_problem_fn on_problem, void *ud) {
  path_run r = {o, on_article, on_problem, ud};
  return cb_ingest_walk(path, ingest_one, forward_problem, &r);
}
