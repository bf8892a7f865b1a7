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
 *   Handles (cb_store, cb_brief, cb_extraction) are opaque: made by one function, freed by
 *   its _free/_close, read through functions. Text a function hands over as char **out
 *   (renderings) is malloc'd for the caller: free it with cb_free().
 *
 * OPTIONS: each options struct has an _init function that fills in the defaults of this
 *   version and sets its first member, version; set the fields you want after it. A NULL
 *   options pointer means the defaults.
 *
 * ERRORS: a function that can fail returns int (0 ok, else a CB_E* code) and fills a
 *   cb_error with a message that names the file and the reason. No function prints, but
 *   cb_eval (its job is a score report on standard output).
 *
 * THE PIPELINE: ingest (cb_ingest_path, or cb_store_ingest into a store) -> extract
 *   (cb_extract) -> group and corroborate (cb_brief_build, cb_brief_of_paths, cb_store_brief)
 *   -> render (cb_brief_render: text, JSON, Markdown, HTML); the store (cb_store_*) keeps the
 *   articles and their stories. examples/c/brief.c walks through it.
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


/* ---- progress ------------------------------------------------------------------------ */
/* How far a long call is: done of total UNITs (total 0: not known), items of a second count,
 * bytes done of all (0: not known). The callbacks take it on the calling thread, often:
 * keep them cheap. */
typedef struct cb_progress {
  const char *phase;           /* "ingest", "group", "eval nli" */
  const char *unit;            /* what done and total count: "files", "articles", "pairs" */
  const char *items_unit;      /* the second count ("articles"), or NULL */
  size_t done, total, items;
  unsigned long long bytes_done, bytes_total;
} cb_progress;
typedef void (*cb_progress_fn)(void *ud, const cb_progress *p);

/* Text the library hands over (char **out) was malloc'd for the caller: this frees it. */
CB_API void cb_free(void *p);

/* ---- extract ------------------------------------------------------------------------- */
/* What cb_extract finds in an article's clean body: quantities, dates and times (resolved
 * against the article's date), direct quotes with their speakers, names with roles. */
typedef enum cb_mention_kind {
  CB_MENTION_QUANTITY = 1, CB_MENTION_TIME, CB_MENTION_QUOTE, CB_MENTION_NAME
} cb_mention_kind;
CB_API const char *cb_mention_kind_name(cb_mention_kind k);

typedef struct cb_mention {
  cb_mention_kind kind;
  size_t start, end;           /* bytes of the article's body (a quote: inside its marks) */
  const char *text;            /* the words as written */
  const char *type;            /* quantity: how the number binds it: "=", "~" (about), ">" (at
                                  least, more than), "<", "up", "down" (a change); time: DATE,
                                  TIME, DURATION, SET; quote: how its speaker was found;
                                  name: person, org, place ... */
  const char *value;           /* quantity: the number and its normalised unit ("21 boat");
                                  time: the TIMEX3 value; quote: its speaker; name: its role.
                                  NULL if none */
  double number;               /* quantity: the value; else 0 */
  const char *unit;            /* quantity: the normalised unit, or NULL */
  const char *noun;            /* quantity: what it counts; quote: the cue verb; else NULL */
} cb_mention;

typedef struct cb_extraction cb_extraction;
/* Every mention of the article, in order of kind then position. The extraction borrows the
 * article: keep it alive until cb_extraction_free. */
CB_API int cb_extract(const cb_article *a, cb_extraction **out, cb_error *e);
CB_API size_t cb_extraction_count(const cb_extraction *x);
CB_API const cb_mention *cb_extraction_mention(const cb_extraction *x, size_t i);
CB_API void cb_extraction_free(cb_extraction *x);

/* ---- render formats ------------------------------------------------------------------ */
typedef enum cb_render_format {
  CB_RENDER_TEXT = 0, CB_RENDER_JSON, CB_RENDER_MARKDOWN, CB_RENDER_HTML
} cb_render_format;
/* "text", "json", "md" or "markdown", "html"; CB_EUSAGE otherwise. */
CB_API int cb_render_format_parse(const char *name, cb_render_format *out);

#define CB_RENDER_OPTS_VERSION 1
typedef struct cb_render_opts {
  int version;
  cb_render_format format;     /* default text */
  int color;                   /* text: ANSI colours (default 0) */
  int width;                   /* text: columns, at least 40 (default 80) */
} cb_render_opts;
CB_API void cb_render_opts_init(cb_render_opts *o);

/* One extraction as text (lines of `corroborate extract`) or JSON (one object, the shape of
 * `corroborate extract --format json`; docs/report-schema.md). */
CB_API int cb_extraction_render(const cb_extraction *x, cb_render_format f, char **out, size_t *len,
                                cb_error *e);
/* One article as JSON (metadata, body, dropped noise, captions, extras); id is its store id
 * or any number the caller keys it by. */
CB_API int cb_article_to_json(const cb_article *a, int64_t id, char **out, size_t *len, cb_error *e);

/* ---- the brief ----------------------------------------------------------------------- */
/* What Corroborate tells a reader about a set of articles, story by story: near-duplicates,
 * findings with verdicts and evidence, names and their forms, flags, timeline, facts. */
typedef struct cb_brief cb_brief;
/* The brief of articles in memory. The brief borrows them (keep them alive until
 * cb_brief_free); ids may be NULL (then 1, 2, 3 ...). */
CB_API int cb_brief_build(cb_article **articles, const int64_t *ids, size_t n, cb_brief **out,
                          cb_error *e);
/* Reads the files (or folders, or "-") and builds their brief, which owns the articles.
 * Input problems go to on_problem (may be NULL) and the rest is read; *problems (may be NULL)
 * gets their number. CB_EEMPTY when no article could be read. */
CB_API int cb_brief_of_paths(const char *const *paths, size_t n, const cb_ingest_opts *o,
                             cb_problem_fn on_problem, void *ud, long *problems, cb_brief **out,
                             cb_error *e);
CB_API size_t cb_brief_story_count(const cb_brief *b);
CB_API long cb_brief_story_id(const cb_brief *b, size_t i);
CB_API size_t cb_brief_article_count(const cb_brief *b);
/* Keeps only the story with that id; CB_ENOTFOUND (and the brief unchanged) if none. */
CB_API int cb_brief_select_story(cb_brief *b, long id, cb_error *e);
CB_API int cb_brief_render(const cb_brief *b, const cb_render_opts *o, char **out, size_t *len,
                           cb_error *e);
CB_API void cb_brief_free(cb_brief *b);

/* ---- the store ----------------------------------------------------------------------- */
/* An SQLite database of articles and their stories; the same content stored twice is kept
 * once. One handle per thread; several processes may open the same file. */
typedef struct cb_store cb_store;
/* Opens (creating and migrating if needed) the database at path (":memory:" for none). */
CB_API int cb_store_open(const char *path, cb_store **out, cb_error *e);
CB_API void cb_store_close(cb_store *s);

/* What happened to one article of an ingest (the article is valid during the call). */
typedef struct cb_stored { const cb_article *article; int64_t id; int added; } cb_stored;
typedef void (*cb_stored_fn)(void *ud, const cb_stored *st);

#define CB_STORE_INGEST_OPTS_VERSION 1
typedef struct cb_store_ingest_opts {
  int version;
  cb_ingest_opts read;         /* format and size limit of each input */
  int jobs;                    /* threads reading and cleaning files (default 0: every core);
                                  one writer stores them, in the order of the files */
  int no_group;                /* 1: leave the stories for later (a bulk load); default 0 */
  cb_stored_fn on_stored;      /* each article stored or found stored; may be NULL */
  cb_problem_fn on_problem;    /* each problem, of the input or of the store; may be NULL */
  cb_progress_fn on_progress;  /* may be NULL */
  void *ud;                    /* passed to the three */
} cb_store_ingest_opts;
CB_API void cb_store_ingest_opts_init(cb_store_ingest_opts *o);

typedef struct cb_ingest_stats {
  long added, known;           /* articles new to the store, and already there */
  long problems;               /* problems reported (input and store) */
  long store_errors;           /* of those, the store's own */
} cb_ingest_stats;
/* Stores the articles of files, folders (recursively) or "-". Each file is stored all or
 * nothing. Then dates without a year take the run's common year and, unless no_group, the
 * stories and near-duplicates are brought up to date. Returns 0, or when the store failed
 * the code of the first failure (also in e and reported to on_problem); an input that
 * cannot be read is only counted and reported. st may be NULL. */
CB_API int cb_store_ingest(cb_store *s, const char *const *paths, size_t n,
                           const cb_store_ingest_opts *o, cb_ingest_stats *st, cb_error *e);
/* The same for one input in memory (name: what records and errors call it). */
CB_API int cb_store_ingest_buffer(cb_store *s, const char *name, const char *buf, size_t len,
                                  const cb_store_ingest_opts *o, cb_ingest_stats *st, cb_error *e);
/* Brings the stories and near-duplicates up to date with every stored article (cheap when
 * they are). o: jobs and on_progress are used; may be NULL. */
CB_API int cb_store_regroup(cb_store *s, const cb_store_ingest_opts *o, cb_error *e);

/* Rows of the listings: strings are valid during the callback only; a callback returning
 * non-zero stops the listing (which then returns 0). */
typedef struct cb_article_row {
  int64_t id;
  const char *source, *format, *outlet, *published, *title, *author, *url, *hash, *dateline;
  const char *fetched;          /* WARC: the crawl time (WARC-Date); NULL otherwise */
  long line;
  int published_inferred;
  size_t body_len, ndropped;
} cb_article_row;
typedef int (*cb_article_row_fn)(void *ud, const cb_article_row *r);
/* Every stored article, in id order. */
CB_API int cb_store_list_articles(cb_store *s, cb_article_row_fn fn, void *ud, cb_error *e);
CB_API int64_t cb_store_count_articles(cb_store *s);
/* The whole article (with dropped noise, captions, extras) as a new record: cb_article_free. */
CB_API int cb_store_get_article(cb_store *s, int64_t id, cb_article **out, cb_error *e);

typedef struct cb_story_row {
  int64_t id;
  const char *headline, *first, *last;   /* first and last: dates of its articles, or NULL */
  long articles, outlets, duplicates;
} cb_story_row;
typedef int (*cb_story_row_fn)(void *ud, const cb_story_row *r);
/* Every stored story, in id order. */
CB_API int cb_store_list_stories(cb_store *s, cb_story_row_fn fn, void *ud, cb_error *e);
/* Where an article sits: its story and, for a near-duplicate, the article it copies (0: none). */
typedef struct cb_group_row { int64_t article_id, story_id, duplicate_of; double similarity; } cb_group_row;
typedef int (*cb_group_row_fn)(void *ud, const cb_group_row *r);
/* The articles of one story (story_id > 0) or of all stories (0), in article order. */
CB_API int cb_store_list_groups(cb_store *s, int64_t story_id, cb_group_row_fn fn, void *ud,
                                cb_error *e);
/* The brief of one stored story (its stored id kept), or of every stored article (story 0).
 * The brief owns the articles it loaded. CB_ENOTFOUND if there is no such story, CB_EEMPTY
 * if the store holds no article. */
CB_API int cb_store_brief(cb_store *s, int64_t story, cb_brief **out, cb_error *e);

/* ---- syntax -------------------------------------------------------------------------- */
/* Splits plain text into sentences and parses each (tokens, UPOS and Penn tags, lemmas,
 * Universal Dependencies) with the embedded model; *out gets CoNLL-U with '# text' lines,
 * sentences numbered from *sent_id + 1 (*sent_id is advanced). */
CB_API int cb_parse(const char *text, size_t len, long *sent_id, char **out, size_t *out_len,
                    cb_error *e);

/* ---- evaluation ---------------------------------------------------------------------- */
/* The scorers of `corroborate eval`: each reads annotated data and prints its scores on
 * standard output the way the published evaluation counts. */
typedef struct cb_eval_kind { const char *name; const char *what; } cb_eval_kind;
/* The kinds, ending with a {NULL, NULL} entry. */
CB_API const cb_eval_kind *cb_eval_kinds(void);
/* Runs kind with the arguments after it (argv[0] is the kind's name); returns an exit code
 * (0 ok, 1 unreadable data, 2 usage; -1 no such kind). Not thread-safe: one at a time. */
CB_API int cb_eval(const char *kind, int argc, char **argv, cb_progress_fn on_progress, void *ud);

/* ---- search ------------------------------------------------------------------------- */
/* The stored stories an article of which matches every filter given, newest first (by the
 * date of their last article, undated last, then by id, newest first). */
#define CB_SEARCH_OPTS_VERSION 1
typedef struct cb_search_opts {
  int version;
  const char *words;     /* words that must all be in the article's title or body (FTS5, case
                            and accents ignored); each is matched as written, never as FTS5
                            syntax; NULL or "": any article */
  const char *outlet;    /* the article's outlet, case ignored; NULL or "": any */
  const char *from, *to; /* published dates (ISO 8601, "2025", "2025-11" ...), inclusive;
                            NULL or "": open; with either, undated articles do not match */
  long limit, offset;    /* at most limit rows (default 50; 0 or less: no limit) after offset */
} cb_search_opts;
CB_API void cb_search_opts_init(cb_search_opts *o);
/* Lists the matching stories (rows as cb_store_list_stories gives them) to fn; a callback
 * returning non-zero stops it (then 0 is returned). o NULL: every story, newest first. */
CB_API int cb_store_search(cb_store *s, const cb_search_opts *o, cb_story_row_fn fn, void *ud,
                           cb_error *e);

#ifdef __cplusplus
}
#endif
#endif
