"""The C side: the cdef (a hand-written subset of include/corroborate.h) and the library.

ABI mode (ffi.dlopen): nothing is compiled, at install or at import. The declarations below
must match include/corroborate.h byte for byte where a struct's layout is used (cb_error,
cb_ingest_opts, cb_render_opts, cb_store_ingest_opts, cb_ingest_stats and the row structs);
the other structs are opaque here.
"""
import ctypes.util
import os

from cffi import FFI

ffi = FFI()
ffi.cdef(r"""
typedef struct cb_error {
  int code;
  char file[512];
  long line;
  char msg[512];
} cb_error;
const char *cb_strerror(int code);
void cb_free(void *p);
int cb_init(cb_error *e);
int cb_data_dir(const char *dir, cb_error *e);

typedef enum cb_format {
  CB_FORMAT_AUTO = 0, CB_FORMAT_TEXT, CB_FORMAT_HTML, CB_FORMAT_JSONL, CB_FORMAT_WARC
} cb_format;
int cb_format_parse(const char *name, cb_format *out);

typedef struct cb_article cb_article;
void cb_article_free(cb_article *a);

typedef struct cb_ingest_opts {
  cb_format format;
  size_t max_bytes;
} cb_ingest_opts;
typedef int (*cb_article_fn)(void *ud, cb_article *a);
typedef void (*cb_problem_fn)(void *ud, const cb_error *e);
int cb_ingest_path(const char *path, const cb_ingest_opts *o,
                   cb_article_fn on_article, cb_problem_fn on_problem, void *ud);

typedef struct cb_progress {
  const char *phase;
  const char *unit;
  const char *items_unit;
  size_t done, total, items;
  unsigned long long bytes_done, bytes_total;
} cb_progress;
typedef void (*cb_progress_fn)(void *ud, const cb_progress *p);

typedef struct cb_extraction cb_extraction;
int cb_extract(const cb_article *a, cb_extraction **out, cb_error *e);
void cb_extraction_free(cb_extraction *x);

typedef enum cb_render_format {
  CB_RENDER_TEXT = 0, CB_RENDER_JSON, CB_RENDER_MARKDOWN, CB_RENDER_HTML
} cb_render_format;
typedef struct cb_render_opts {
  int version;
  cb_render_format format;
  int color;
  int width;
} cb_render_opts;
void cb_render_opts_init(cb_render_opts *o);
int cb_extraction_render(const cb_extraction *x, cb_render_format f, char **out, size_t *len,
                         cb_error *e);
int cb_article_to_json(const cb_article *a, int64_t id, char **out, size_t *len, cb_error *e);

typedef struct cb_brief cb_brief;
int cb_brief_of_paths(const char *const *paths, size_t n, const cb_ingest_opts *o,
                      cb_problem_fn on_problem, void *ud, long *problems, cb_brief **out,
                      cb_error *e);
int cb_brief_select_story(cb_brief *b, long id, cb_error *e);
int cb_brief_render(const cb_brief *b, const cb_render_opts *o, char **out, size_t *len,
                    cb_error *e);
void cb_brief_free(cb_brief *b);

int cb_parse(const char *text, size_t len, long *sent_id, char **out, size_t *out_len,
             cb_error *e);

typedef struct cb_store cb_store;
int cb_store_open(const char *path, cb_store **out, cb_error *e);
void cb_store_close(cb_store *s);

typedef struct cb_stored { const cb_article *article; int64_t id; int added; } cb_stored;
typedef void (*cb_stored_fn)(void *ud, const cb_stored *st);
typedef struct cb_store_ingest_opts {
  int version;
  cb_ingest_opts read;
  int jobs;
  int no_group;
  cb_stored_fn on_stored;
  cb_problem_fn on_problem;
  cb_progress_fn on_progress;
  void *ud;
} cb_store_ingest_opts;
void cb_store_ingest_opts_init(cb_store_ingest_opts *o);
typedef struct cb_ingest_stats {
  long added, known;
  long problems;
  long store_errors;
} cb_ingest_stats;
int cb_store_ingest(cb_store *s, const char *const *paths, size_t n,
                    const cb_store_ingest_opts *o, cb_ingest_stats *st, cb_error *e);
int cb_store_ingest_buffer(cb_store *s, const char *name, const char *buf, size_t len,
                           const cb_store_ingest_opts *o, cb_ingest_stats *st, cb_error *e);
int cb_store_regroup(cb_store *s, const cb_store_ingest_opts *o, cb_error *e);

typedef struct cb_article_row {
  int64_t id;
  const char *source, *format, *outlet, *published, *title, *author, *url, *hash, *dateline;
  const char *fetched;
  long line;
  int published_inferred;
  size_t body_len, ndropped;
} cb_article_row;
typedef int (*cb_article_row_fn)(void *ud, const cb_article_row *r);
int cb_store_list_articles(cb_store *s, cb_article_row_fn fn, void *ud, cb_error *e);
int cb_store_get_article(cb_store *s, int64_t id, cb_article **out, cb_error *e);

typedef struct cb_story_row {
  int64_t id;
  const char *headline, *first, *last;
  long articles, outlets, duplicates;
} cb_story_row;
typedef int (*cb_story_row_fn)(void *ud, const cb_story_row *r);
int cb_store_list_stories(cb_store *s, cb_story_row_fn fn, void *ud, cb_error *e);
int cb_store_brief(cb_store *s, int64_t story, cb_brief **out, cb_error *e);
""")

SONAME = "libcorroborate.so.0"
_HERE = os.path.dirname(os.path.abspath(__file__))


def candidates():
    """Where the library is looked for, in order (the first that loads wins)."""
    env = os.environ.get("CORROBORATE_LIB")
    if env:
        return [env]   # asked for: that one or an error, no fallback
    out = [
        # a checkout: bindings/python/corroborate/ -> <checkout>/build/
        os.path.join(_HERE, "..", "..", "..", "build", SONAME),
        # installed by `make install`: PREFIX/lib/python3/dist-packages/corroborate/ -> PREFIX/lib/
        os.path.join(_HERE, "..", "..", "..", SONAME),
    ]
    found = ctypes.util.find_library("corroborate")
    if found:
        out.append(found)
    out.append(SONAME)   # the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache)
    return out


def _load():
    tried = []
    env = os.environ.get("CORROBORATE_LIB")
    for path in candidates():
        if os.sep in path and not os.path.exists(path) and not env:
            continue
        try:
            path = os.path.normpath(path) if os.sep in path else path
            return ffi.dlopen(path), path
        except OSError as exc:
            tried.append("%s (%s)" % (path, exc))
    raise ImportError("corroborate: cannot load %s; tried: %s. Set CORROBORATE_LIB to its path, "
                      "build the checkout (cmake --build build) or `make install`."
                      % (SONAME, "; ".join(tried) or "nothing"))


lib, LIB_PATH = _load()
