"""Python binding of libcorroborate (Debian's python3-cffi, ABI mode: no compiler needed).

    import corroborate
    b = corroborate.report(["a.txt", "b.html"])   # the brief: dicts and lists (docs/report-schema.md)
    b["stories"][0]["findings"][0]["verdict"]       # 'agree', 'compatible', 'conflict', ...
    b.problems                                      # inputs that could not be read (Error objects)
    html = corroborate.report(paths, format="html") # a str: "text", "md" / "markdown", "html"

    with corroborate.Store("news.db") as s:
        s.ingest(["folder/"])                       # {'added': 5, 'known': 0, 'problems': [...], ...}
        for story in s.stories(): print(story["id"], story["headline"])
        s.brief(1)                                  # one stored story's brief (a dict)

Errors raise corroborate.Error (.code, .file, .line, .message from the C cb_error). Problems
with single inputs do not raise while the rest can be read: they are collected in the result's
.problems (report, extract) or its "problems" entry (Store.ingest), each an Error (not raised).
The library is found as corroborate.library_path() says (bindings/python/README.md).
"""
import json as _json
import os as _os

from ._native import ffi as _ffi, lib as _lib, LIB_PATH as _LIB_PATH

__all__ = ["Error", "Brief", "Extraction", "Store", "report", "extract", "parse", "init",
           "set_data_dir", "library_path", "CB_EIO", "CB_EEMPTY", "CB_EBINARY", "CB_EUTF8", "CB_ETOOBIG",
           "CB_EPARSE", "CB_ENOMEM", "CB_ESTORE", "CB_EUSAGE", "CB_ENOTFOUND", "CB_EDATA"]

# the codes of cb_error (include/corroborate.h)
CB_OK, CB_EIO, CB_EEMPTY, CB_EBINARY, CB_EUTF8, CB_ETOOBIG, CB_EPARSE, CB_ENOMEM, CB_ESTORE, \
    CB_EUSAGE, CB_ENOTFOUND, CB_EDATA = range(12)

_FORMATS = {"text": _lib.CB_RENDER_TEXT, "json": _lib.CB_RENDER_JSON, "md": _lib.CB_RENDER_MARKDOWN,
            "markdown": _lib.CB_RENDER_MARKDOWN, "html": _lib.CB_RENDER_HTML}
_INPUT_FORMATS = {"auto": _lib.CB_FORMAT_AUTO, "text": _lib.CB_FORMAT_TEXT, "html": _lib.CB_FORMAT_HTML,
                  "jsonl": _lib.CB_FORMAT_JSONL, "warc": _lib.CB_FORMAT_WARC}


def library_path():
    """The libcorroborate this module loaded (as given to dlopen)."""
    return _LIB_PATH


def _str(p):
    return None if p == _ffi.NULL else _ffi.string(p).decode("utf-8", "replace")


class Error(Exception):
    """A failure of the library: code (CB_E*), file ("" if none), line (0 if none) and message,
    the fields of the C cb_error. str() is the message as the corroborate tool prints it:
    "file:line: message". An error about a whole run (no article could be read, a store that
    failed during an ingest) carries the input problems met before it in .problems."""

    def __init__(self, code, message, file="", line=0, problems=None):
        super().__init__(code, message, file, line)
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.problems = list(problems or [])

    @property
    def reason(self):
        """The library's words for the code (cb_strerror)."""
        return _ffi.string(_lib.cb_strerror(self.code)).decode()

    def __str__(self):
        if self.file and self.line:
            return "%s:%d: %s" % (self.file, self.line, self.message)
        if self.file:
            return "%s: %s" % (self.file, self.message)
        return self.message

    def __repr__(self):
        return "corroborate.Error(code=%d, file=%r, line=%d, message=%r)" % (
            self.code, self.file, self.line, self.message)

    @classmethod
    def _of(cls, e, code=None, problems=None):
        c = e.code or code or CB_EUSAGE
        msg = _str(e.msg) or _ffi.string(_lib.cb_strerror(c)).decode()
        return cls(c, msg, _str(e.file) or "", int(e.line), problems)


def _check(rc, e, problems=None):
    if rc:
        raise Error._of(e, rc, problems)


# ---- start ---------------------------------------------------------------------------------
_initialised = False


def set_data_dir(path):
    """Lexicon tables from a folder (cb_data_dir; the tool's --data): only before the first
    other call of this module. None goes back to the embedded tables."""
    if _initialised:
        raise Error(CB_EUSAGE, "set_data_dir must come before any other call")
    e = _ffi.new("cb_error *")
    _check(_lib.cb_data_dir(_ffi.NULL if path is None else _os.fsencode(path), e), e)


def init():
    """cb_init: checks the lexicon tables once (done by every function on first use)."""
    global _initialised
    if not _initialised:
        e = _ffi.new("cb_error *")
        _check(_lib.cb_init(e), e)
        _initialised = True


# ---- callbacks: made once (ffi.callback), the Python object reached through ud ---------------
class _Run:
    """What one call collects; reached from the C callbacks through ffi.new_handle."""

    def __init__(self):
        self.problems = []
        self.items = []
        self.exc = None
        self.progress = None
        # the C side reaches it through ud = ffi.new_handle(run), which the caller keeps alive
        # for the call (a local, not an attribute: no cycle)


def _run_of(ud):
    return _ffi.from_handle(ud)


@_ffi.callback("void(void *, const cb_error *)")
def _on_problem(ud, e):
    try:
        _run_of(ud).problems.append(Error._of(e))
    except BaseException as exc:   # never into C
        _run_of(ud).exc = _run_of(ud).exc or exc


@_ffi.callback("int(void *, cb_article *)", error=1)
def _on_article(ud, a):
    run = _run_of(ud)
    try:
        run.items.append(a)   # owned now: freed by the caller of cb_ingest_path
        return 0
    except BaseException as exc:
        _lib.cb_article_free(a)
        run.exc = run.exc or exc
        return 1


@_ffi.callback("void(void *, const cb_stored *)")
def _on_stored(ud, st):
    try:
        _run_of(ud).items.append(int(st.id))
    except BaseException as exc:
        _run_of(ud).exc = _run_of(ud).exc or exc


@_ffi.callback("void(void *, const cb_progress *)")
def _on_progress(ud, p):
    run = _run_of(ud)
    if run.exc is not None or run.progress is None:
        return
    try:
        run.progress({"phase": _str(p.phase), "unit": _str(p.unit), "items_unit": _str(p.items_unit),
                      "done": int(p.done), "total": int(p.total), "items": int(p.items),
                      "bytes_done": int(p.bytes_done), "bytes_total": int(p.bytes_total)})
    except BaseException as exc:   # raised once the call returns (the C side cannot stop)
        run.exc = exc


@_ffi.callback("int(void *, const cb_story_row *)", error=1)
def _on_story(ud, r):
    run = _run_of(ud)
    try:
        run.items.append({"id": int(r.id), "headline": _str(r.headline), "first": _str(r.first),
                          "last": _str(r.last), "articles": int(r.articles), "outlets": int(r.outlets),
                          "duplicates": int(r.duplicates)})
        return 0
    except BaseException as exc:
        run.exc = run.exc or exc
        return 1


@_ffi.callback("int(void *, const cb_article_row *)", error=1)
def _on_article_row(ud, r):
    run = _run_of(ud)
    try:   # the fields and names of `corroborate articles --format json`
        run.items.append({"id": int(r.id), "file": _str(r.source), "line": int(r.line) or None,
                          "format": _str(r.format), "outlet": _str(r.outlet),
                          "published": _str(r.published), "published_inferred": bool(r.published_inferred),
                          "fetched": _str(r.fetched), "title": _str(r.title), "author": _str(r.author),
                          "dateline": _str(r.dateline), "url": _str(r.url), "chars": int(r.body_len),
                          "dropped": int(r.ndropped), "hash": _str(r.hash)})
        return 0
    except BaseException as exc:
        run.exc = run.exc or exc
        return 1


def _raise_pending(run):
    if run.exc is not None:
        raise run.exc


# ---- helpers ---------------------------------------------------------------------------------
def _paths(paths):
    """One path (str, bytes, os.PathLike) or several, as a char *[] (with its strings kept)."""
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    keep = [_ffi.new("char[]", _os.fsencode(p)) for p in paths]
    if not keep:
        raise Error(CB_EUSAGE, "no paths given")
    return _ffi.new("const char *[]", keep), len(keep), keep


def _render_opts(format, width, color):
    if format not in _FORMATS:
        raise Error(CB_EUSAGE, "unknown format '%s' (text, json, md, html)" % (format,))
    o = _ffi.new("cb_render_opts *")
    _lib.cb_render_opts_init(o)
    o.format = _FORMATS[format]
    o.width = max(40, int(width))
    o.color = 1 if color else 0
    return o


def _take_text(out, n):
    """The malloc'd text the library handed over, as a str; freed with cb_free."""
    try:
        return _ffi.unpack(out[0], n[0]).decode("utf-8")
    finally:
        _lib.cb_free(out[0])


def _ingest_opts(input_format, max_bytes):
    o = _ffi.new("cb_ingest_opts *")
    try:
        o.format = _INPUT_FORMATS[input_format]
    except KeyError:
        raise Error(CB_EUSAGE, "unknown input format '%s' (auto, text, html, jsonl, warc)"
                    % (input_format,)) from None
    o.max_bytes = int(max_bytes or 0)
    return o


class Brief(dict):
    """The brief as JSON (docs/report-schema.md) in dicts and lists; .problems lists the
    inputs that could not be read (Error objects), [] when all were."""
    problems = ()


class Text(str):
    """A rendering (text, Markdown, HTML) with the .problems of its inputs."""
    problems = ()


class Extraction(list):
    """One dict per article read (`corroborate extract --format json`), with .problems."""
    problems = ()


def _render_brief(b, format, width, color, problems):
    o = _render_opts(format, width, color)
    out = _ffi.new("char **")
    n = _ffi.new("size_t *")
    e = _ffi.new("cb_error *")
    _check(_lib.cb_brief_render(b, o, out, n, e), e, problems)
    text = _take_text(out, n)
    if format == "json":
        r = Brief(_json.loads(text))
    else:
        r = Text(text)
    r.problems = list(problems)
    return r


# ---- the public functions ------------------------------------------------------------------------
def report(paths, format="json", story=None, width=80, color=False, input_format="auto",
           max_bytes=0):
    """The brief of files, folders (recursively) or "-" (stdin), read in memory.

    format "json" (default): a Brief, the JSON of docs/report-schema.md as dicts and lists;
    "text", "md"/"markdown", "html": the rendering as a str (width and color: text only).
    story: keep only the story with that id (Error CB_ENOTFOUND if none).
    Inputs that cannot be read are skipped and listed in the result's .problems; when none
    can be read, Error CB_EEMPTY (with .problems)."""
    init()
    arr, n, keep = _paths(paths)
    run = _Run()
    h = _ffi.new_handle(run)
    e = _ffi.new("cb_error *")
    out = _ffi.new("cb_brief **")
    nprob = _ffi.new("long *")
    rc = _lib.cb_brief_of_paths(arr, n, _ingest_opts(input_format, max_bytes), _on_problem, h,
                                nprob, out, e)
    b = out[0] if not rc else _ffi.NULL
    try:
        _raise_pending(run)
        _check(rc, e, run.problems)
        if story is not None:
            _check(_lib.cb_brief_select_story(b, int(story), e), e, run.problems)
        return _render_brief(b, format, width, color, run.problems)
    finally:
        if b != _ffi.NULL:
            _lib.cb_brief_free(b)
        del keep


def extract(paths, format="json", input_format="auto", max_bytes=0):
    """What the extractors find in each article of files, folders or "-": format "json"
    (default) gives an Extraction, one dict per article (file, published, quantities, timex,
    quotes, names: the shape of `corroborate extract --format json`); "text" a str of the
    tool's lines. Unreadable inputs are listed in .problems."""
    init()
    f = {"json": _lib.CB_RENDER_JSON, "text": _lib.CB_RENDER_TEXT}.get(format)
    if f is None:
        raise Error(CB_EUSAGE, "unknown format '%s' (text, json)" % (format,))
    arr, n, keep = _paths(paths)
    run = _Run()
    h = _ffi.new_handle(run)
    opts = _ingest_opts(input_format, max_bytes)
    try:
        for i in range(n):
            _lib.cb_ingest_path(arr[i], opts, _on_article, _on_problem, h)
            _raise_pending(run)
        parts = []
        e = _ffi.new("cb_error *")
        x = _ffi.new("cb_extraction **")
        out = _ffi.new("char **")
        ln = _ffi.new("size_t *")
        for a in run.items:
            _check(_lib.cb_extract(a, x, e), e, run.problems)
            try:
                _check(_lib.cb_extraction_render(x[0], f, out, ln, e), e, run.problems)
            finally:
                _lib.cb_extraction_free(x[0])
            parts.append(_take_text(out, ln))
    finally:
        for a in run.items:
            _lib.cb_article_free(a)
        run.items = []
        del keep
    if format == "json":
        r = Extraction(_json.loads(p) for p in parts)
    else:
        r = Text("".join(parts))
    r.problems = list(run.problems)
    return r


def parse(text):
    """Sentences of text (str) tagged, lemmatised and parsed with the embedded model (Universal
    Dependencies), as CoNLL-U with '# text' lines (`corroborate parse`)."""
    init()
    data = text.encode("utf-8")
    out = _ffi.new("char **")
    n = _ffi.new("size_t *")
    e = _ffi.new("cb_error *")
    _check(_lib.cb_parse(data, len(data), _ffi.NULL, out, n, e), e)
    return _take_text(out, n)


class Store:
    """The SQLite store of articles and stories (cb_store): Store(path), ":memory:" for none.
    Close it with .close() or a with block; a closed store raises Error (CB_EUSAGE). One
    Store per thread (the handle is not shared between threads)."""

    def __init__(self, path):
        init()
        self.path = _os.fspath(path)
        out = _ffi.new("cb_store **")
        e = _ffi.new("cb_error *")
        _check(_lib.cb_store_open(_os.fsencode(path), out, e), e)
        self._s = _ffi.gc(out[0], _lib.cb_store_close)   # closed when collected, if not before

    @property
    def closed(self):
        return self._s is None

    def close(self):
        if self._s is not None:
            s, self._s = self._s, None
            _ffi.release(s)   # cb_store_close now (and not again at collection)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<corroborate.Store %r%s>" % (self.path, " closed" if self._s is None else "")

    def _handle(self):
        if self._s is None:
            raise Error(CB_EUSAGE, "the store is closed", self.path)
        return self._s

    def _opts(self, run, h, jobs, group, input_format, max_bytes, progress):
        o = _ffi.new("cb_store_ingest_opts *")
        _lib.cb_store_ingest_opts_init(o)
        io = _ingest_opts(input_format, max_bytes)
        o.read.format = io.format
        o.read.max_bytes = io.max_bytes
        o.jobs = int(jobs)
        o.no_group = 0 if group else 1
        o.on_problem = _on_problem
        o.on_stored = _on_stored
        if progress is not None:
            run.progress = progress
            o.on_progress = _on_progress
        o.ud = h
        return o

    def _stats(self, run, rc, st, e):
        _raise_pending(run)
        _check(rc, e, run.problems)
        return {"added": int(st.added), "known": int(st.known), "problems": run.problems,
                "store_errors": int(st.store_errors), "ids": run.items}

    def ingest(self, paths, jobs=0, group=True, input_format="auto", max_bytes=0, progress=None):
        """Stores the articles of files, folders (recursively) or "-" and brings the stories up
        to date (group=False leaves that for later: regroup()). Returns {"added", "known",
        "store_errors": counts, "problems": [Error, ...], "ids": the store ids of the articles
        read, new or known, in reading order}. Inputs that could not be read are only listed in
        "problems"; a failure of the store raises Error (with .problems). jobs: reading threads
        (0: every core). progress: called often with a dict (phase, unit, done, total, items,
        items_unit, bytes_done, bytes_total); keep it cheap."""
        s = self._handle()
        arr, n, keep = _paths(paths)
        run = _Run()
        h = _ffi.new_handle(run)
        o = self._opts(run, h, jobs, group, input_format, max_bytes, progress)
        st = _ffi.new("cb_ingest_stats *")
        e = _ffi.new("cb_error *")
        rc = _lib.cb_store_ingest(s, arr, n, o, st, e)
        del keep
        return self._stats(run, rc, st, e)

    def ingest_buffer(self, name, data, group=True, input_format="auto", max_bytes=0):
        """The same for one input in memory: data (str: UTF-8; or bytes) named name in records
        and problems."""
        s = self._handle()
        if isinstance(data, str):
            data = data.encode("utf-8")
        run = _Run()
        h = _ffi.new_handle(run)
        o = self._opts(run, h, 1, group, input_format, max_bytes, None)
        st = _ffi.new("cb_ingest_stats *")
        e = _ffi.new("cb_error *")
        rc = _lib.cb_store_ingest_buffer(s, _os.fsencode(name), data, len(data), o, st, e)
        return self._stats(run, rc, st, e)

    def regroup(self, jobs=0, progress=None):
        """Brings the stories and near-duplicates up to date with every stored article (after
        ingest(..., group=False); cheap when they are)."""
        s = self._handle()
        run = _Run()
        h = _ffi.new_handle(run)
        o = self._opts(run, h, jobs, True, "auto", 0, progress)
        e = _ffi.new("cb_error *")
        rc = _lib.cb_store_regroup(s, o, e)
        _raise_pending(run)
        _check(rc, e, run.problems)

    def stories(self):
        """The stored stories in id order: dicts id, headline, first, last, articles, outlets,
        duplicates (as `corroborate stories --format json`)."""
        return self._listing(_lib.cb_store_list_stories, _on_story)

    def articles(self):
        """The stored articles in id order: dicts as `corroborate articles --format json`."""
        return self._listing(_lib.cb_store_list_articles, _on_article_row)

    def _listing(self, list_fn, callback):
        """The rows a cb_store_list_* function hands to callback, collected in a list."""
        run = _Run()
        h = _ffi.new_handle(run)
        e = _ffi.new("cb_error *")
        rc = list_fn(self._handle(), callback, h, e)
        _raise_pending(run)
        _check(rc, e)
        return run.items

    def article(self, id):
        """One stored article as a dict (cb_article_to_json: metadata, body, dropped noise,
        captions, extras); Error CB_ENOTFOUND if there is none."""
        s = self._handle()
        a = _ffi.new("cb_article **")
        e = _ffi.new("cb_error *")
        _check(_lib.cb_store_get_article(s, int(id), a, e), e)
        try:
            out = _ffi.new("char **")
            n = _ffi.new("size_t *")
            _check(_lib.cb_article_to_json(a[0], int(id), out, n, e), e)
            return _json.loads(_take_text(out, n))
        finally:
            _lib.cb_article_free(a[0])

    def brief(self, story=0, format="json", width=80, color=False):
        """The brief of one stored story (its stored id kept), or of every stored article
        (story 0); format as for report(). Error CB_ENOTFOUND (no such story) or CB_EEMPTY
        (an empty store)."""
        s = self._handle()
        out = _ffi.new("cb_brief **")
        e = _ffi.new("cb_error *")
        _check(_lib.cb_store_brief(s, int(story), out, e), e)
        try:
            return _render_brief(out[0], format, width, color, [])
        finally:
            _lib.cb_brief_free(out[0])
