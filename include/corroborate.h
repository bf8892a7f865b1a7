/*
 * corroborate.h - the public interface of libcorroborate.
 *
 * Corroborate reads news articles and tells, story by story, what the sources agree on,
 * where they disagree, who said what, and what only one source reports.
 *
 * OWNERSHIP RULE (stated once, holds everywhere):
 *   Every record a cb_ function hands back lives in an arena (cb_arena) owned by the
 *   caller-visible object it came from: an article's strings live in the article's arena,
 *   a report's records in the report's arena. Free the owner and everything goes with it.
 *   Never free a string or record you did not allocate with malloc yourself. Strings are
 *   NUL-terminated UTF-8 unless the type is cb_slice (pointer + length, not terminated).
 *
 * ERRORS: a function that can fail returns int (0 ok, else a CB_E* code) and fills a
 *   cb_error with a message that names the file and the reason. No function prints.
 *
 * START: call cb_init() before anything else (only cb_data_dir() comes before it); it fails
 *   (CB_EDATA) if a lexicon table the library needs is missing, empty or has a bad row, and
 *   names it (cb_brief_build checks it too).
 */
#ifndef CORROBORATE_H
#define CORROBORATE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CB_VERSION "0.1.0"

/* CB_API marks the functions libcorroborate.so exports; everything else in it is hidden. */
#if defined(__GNUC__)
#define CB_API __attribute__((visibility("default")))
#else
#define CB_API
#endif

/* ---- errors ------------------------------------------------------------------------- */
enum {
  CB_OK = 0,
  CB_EIO,        /* cannot open/read/write a path */
  CB_EEMPTY,     /* empty input, or nothing left after clean-up */
  CB_EBINARY,    /* binary (non-text) input */
  CB_EUTF8,      /* invalid UTF-8 that cannot be decoded in any known charset */
  CB_ETOOBIG,    /* over the configured size limit */
  CB_EPARSE,     /* malformed input of the detected format */
  CB_ENOMEM,     /* allocation failed */
  CB_ESTORE,     /* database error */
  CB_EUSAGE,     /* bad argument to the API */
  CB_ENOTFOUND,  /* no such record */
  CB_EDATA       /* a data table (lexicon) the library needs is missing, empty or malformed */
};

typedef struct cb_error {
  int code;
  char file[512];   /* the input the error is about, or "" */
  long line;        /* 1-based line or record number, 0 if none */
  char msg[512];    /* the reason, in words */
} cb_error;

CB_API void cb_error_set(cb_error *e, int code, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
CB_API void cb_error_clear(cb_error *e);
CB_API const char *cb_strerror(int code);

/* ---- arena -------------------------------------------------------------------------- */
typedef struct cb_arena cb_arena;
CB_API cb_arena *cb_arena_new(size_t chunk_size);        /* chunk_size 0: default 64 KiB */
CB_API void cb_arena_free(cb_arena *a);
CB_API void *cb_arena_alloc(cb_arena *a, size_t n);       /* 16-byte aligned, NULL on OOM */
CB_API void *cb_arena_calloc(cb_arena *a, size_t n, size_t size);
CB_API char *cb_arena_strndup(cb_arena *a, const char *s, size_t n);
CB_API char *cb_arena_strdup(cb_arena *a, const char *s);
CB_API char *cb_arena_printf(cb_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
CB_API size_t cb_arena_used(const cb_arena *a);

typedef struct cb_slice { const char *ptr; size_t len; } cb_slice;

/* ---- articles ----------------------------------------------------------------------- */
typedef enum cb_format {
  CB_FORMAT_AUTO = 0, CB_FORMAT_TEXT, CB_FORMAT_HTML, CB_FORMAT_JSONL, CB_FORMAT_WARC
} cb_format;
CB_API const char *cb_format_name(cb_format f);
CB_API int cb_format_parse(const char *name, cb_format *out);

/* Why a piece of the input was dropped from the clean body. */
typedef enum cb_drop_reason {
  CB_DROP_JUNK_NUMBER = 1, /* a stray number or id on a line of its own */
  CB_DROP_SHARE,           /* share widget text ("Share it...", "Share on Facebook") */
  CB_DROP_COMMENT_FORM,    /* comment form ("Leave a Reply", "Your email address ...") */
  CB_DROP_RELATED,         /* related-links list ("Related Sources:", "Read more") */
  CB_DROP_AD,              /* advertisement marker */
  CB_DROP_CAPTION,         /* a photo caption with a credit */
  CB_DROP_DATELINE,        /* a dateline ("CARACAS-"), kept as metadata */
  CB_DROP_CREDIT,          /* a credit line ("(FRANCE 24 with AFP)", "(Reporting by ...)") */
  CB_DROP_METADATA,        /* a line that was metadata: title, date, byline, outlet line */
  CB_DROP_NAVIGATION,      /* navigation, menus, footers, cookie banners, tag lists (HTML) */
  CB_DROP_NEWSLETTER,      /* newsletter sign-up box */
  CB_DROP_COMMENTS,        /* reader comments */
  CB_DROP_MOST_READ,       /* "most read" / "trending" lists */
  CB_DROP_BOILERPLATE      /* any other boilerplate */
} cb_drop_reason;
CB_API const char *cb_drop_reason_name(cb_drop_reason r);
/* The reason named by s[0..n): its cb_drop_reason_name, or a short alias used in the data
 * files ("share", "related", "ad", "most_read"); 0 if none. */
CB_API int cb_drop_reason_parse(const char *s, size_t n);

typedef struct cb_dropped {
  cb_drop_reason reason;
  const char *text;        /* the dropped text, as it was (NFC) */
  const char *why;         /* a short human explanation */
} cb_dropped;

typedef struct cb_meta_kv { const char *key; const char *value; } cb_meta_kv;

typedef struct cb_article {
  cb_arena *arena;          /* owns every string below */
  const char *source;       /* the path as given on the command line ("-" for stdin) */
  long line;                /* JSON Lines: 1-based line number; 0 otherwise */
  long long offset;         /* WARC: byte offset of the record; -1 otherwise */
  cb_format format;
  char hash[33];            /* content key: XXH3-128 of the original bytes, hex */

  const char *title;        /* NULL if none found */
  const char *outlet;
  const char *author;
  const char *url;
  const char *dateline;     /* "CARACAS", "KASENDA" ... */
  const char *credit;       /* "FRANCE 24 with AFP" */
  char published[40];       /* ISO 8601 date or date-time; "" if unknown */
  int published_inferred;   /* 1: published is a lower bound inferred from the text */
  const char *published_why;/* where the date came from ("line 'November 30, 2025'") */
  char fetched[40];         /* WARC: when the crawler fetched it (WARC-Date, ISO 8601); "" otherwise */

  const char *body;         /* clean text, NFC, paragraphs separated by "\n\n" */
  size_t body_len;
  const char *original;     /* the original bytes, untouched */
  size_t original_len;

  cb_dropped *dropped; size_t ndropped;
  const char **captions; size_t ncaptions;   /* figure captions, kept apart */
  cb_meta_kv *extra; size_t nextra;          /* other metadata (JSON Lines fields, ...) */
} cb_article;

CB_API cb_article *cb_article_new(void);   /* with its own arena; NULL on OOM */
CB_API void cb_article_free(cb_article *a);

/* ---- ingest ------------------------------------------------------------------------- */
typedef struct cb_ingest_opts {
  cb_format format;          /* CB_FORMAT_AUTO: detect by content */
  size_t max_bytes;          /* per input file; 0: default 64 MiB */
} cb_ingest_opts;

/* Called once per article read; the callback takes ownership of the article.
 * Return non-zero to stop reading. */
typedef int (*cb_article_fn)(void *ud, cb_article *a);
/* Called once per problem (the reading goes on where it can). */
typedef void (*cb_problem_fn)(void *ud, const cb_error *e);

/* Reads one input already in memory. name is what errors and records call it. */
CB_API int cb_ingest_buffer(const char *name, const char *buf, size_t len, const cb_ingest_opts *o,
                            cb_article_fn on_article, cb_problem_fn on_problem, void *ud);
/* Reads a file, a directory (recursively) or "-" (stdin). Returns the number of
 * problems reported (0: all inputs read cleanly). */
CB_API int cb_ingest_path(const char *path, const cb_ingest_opts *o,
                          cb_article_fn on_article, cb_problem_fn on_problem, void *ud);

/* Lists the files a path stands for: the file itself, "-", or a directory's regular files
 * (recursively, in name order, dot files skipped). Unreadable entries and a directory
 * with no files are reported to on_problem. Returns the number of problems plus what
 * on_file returned. */
typedef int (*cb_file_fn)(void *ud, const char *file);
CB_API int cb_ingest_walk(const char *path, cb_file_fn on_file, cb_problem_fn on_problem, void *ud);
/* 1 if the file is read as a stream (WARC, gzip, JSON Lines): it may hold any number of
 * articles, and the file size limit does not apply (each record's does). */
CB_API int cb_ingest_is_stream(const char *file);
/* Call once before reading from several threads (initialises the HTML parser). */
CB_API void cb_ingest_init(void);

/* ---- embedded data files (lexicons) --------------------------------------------------- */
/* The bytes of an embedded file of data/ ("quantity/units.tsv"); NULL if there is none. Always
 * the embedded bytes, whatever cb_data_dir() says. */
CB_API const char *cb_data_get(const char *name, size_t *len);
/* Replaces lexicon tables with the files of a folder (docs/data.md): the file DIR/NAME, NAME
 * as under data/ ("DIR/quantity/units.tsv"), replaces the embedded table NAME; a table without
 * a file there stays the embedded one. dir is copied. A file of DIR that is not a table name
 * (names starting with '.' and the files of data/ that are no table, such as NOTICE, are left
 * alone, so a copy of data/ will do), or that leads out of DIR (a symbolic link elsewhere),
 * makes it fail: CB_EDATA, e->file naming that file; CB_EIO if DIR is no readable directory.
 * The files are read when a table is first needed, at the latest by cb_init(), which then
 * checks each row: a bad one fails it with e->file "DIR/NAME" and e->line its line.
 * Set it once, from one thread, before cb_init() and before any other call that reads a
 * lexicon: after that it fails with CB_EUSAGE and changes nothing. NULL goes back to the
 * embedded tables. The library never reads the environment for it (the corroborate tool
 * reads CORROBORATE_DATA_DIR and --data). Tables read from DIR stay in memory until exit. */
CB_API int cb_data_dir(const char *dir, cb_error *e);
/* Checks once that every lexicon table the library reads is there (embedded, or a file of the
 * data directory), holds entries (an embedded one) and that each of its rows holds to the
 * table's format, and that no lexicon has met a bad table since. 0 ok; else CB_EDATA, e->file
 * naming the table ("data/quantity/units.tsv", "DIR/quantity/units.tsv"), e->line the bad
 * line (0 for the whole table) and e->msg the reason. Thread-safe; cheap after the first
 * call. A lexicon whose table is missing would otherwise be silently empty. */
CB_API int cb_init(cb_error *e);

#ifdef __cplusplus
}
#endif
#endif
