#!/usr/bin/env python3
"""test_binding.py - the Python binding (bindings/python) against the library and the tool.

Run by ctest (test python_binding: CORROBORATE_LIB is the build's libcorroborate.so.0,
CB_CORROBORATE its tool, CB_SHARED_DIR the shared/ folder), or by hand from a checkout with a
build in build/: python3 tests/python/test_binding.py. Only the standard library and cffi.
Exit 77 (a skip for ctest) when cffi cannot be imported.
"""
import gc
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("CB_SOURCE_DIR") or os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.environ.get("CB_SHARED_DIR") or os.path.join(SRC, "..", "shared")
SEEDS = sorted(glob.glob(os.path.join(SHARED, "corpus", "seeds", "*.txt")))
CLI = os.environ.get("CB_CORROBORATE") or os.path.join(SRC, "build", "corroborate")
VERDICTS = {"agree", "compatible", "conflict", "uncertain", "variant", "single"}

try:
    import cffi  # noqa: F401  (python3-cffi)
except ImportError as exc:
    print("skipped: cffi cannot be imported (%s); scripts/install-deps installs python3-cffi" % exc)
    sys.exit(77)
sys.path.insert(0, os.path.join(SRC, "bindings", "python"))
import corroborate  # noqa: E402


def cli(*args, db=None):
    """The tool's standard output for args (exit 0 expected)."""
    env = dict(os.environ)
    if db:
        env["CORROBORATE_DB"] = db
    r = subprocess.run([CLI] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if r.returncode != 0:
        raise AssertionError("%s %s: exit %d: %s" % (CLI, " ".join(args), r.returncode, r.stderr[:500]))
    return r.stdout.decode("utf-8")


def open_fds():
    return len(os.listdir("/proc/self/fd"))


class Base(unittest.TestCase):
    def setUp(self):
        self.assertEqual(len(SEEDS), 5, "the seed articles in %s/corpus/seeds" % SHARED)
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)


class TestLoad(Base):
    def test_library_found(self):
        want = os.environ.get("CORROBORATE_LIB")
        if want:
            self.assertEqual(os.path.realpath(corroborate.library_path()), os.path.realpath(want))
        self.assertTrue(corroborate.library_path())
        corroborate.init()
        corroborate.init()   # once is enough, twice is harmless

    def test_bad_library_path_is_an_import_error(self):
        env = dict(os.environ, CORROBORATE_LIB=self.path("no-such-lib.so"))
        r = subprocess.run([sys.executable, "-c", "import corroborate"], env=env,
                           cwd=os.path.join(SRC, "bindings", "python"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"ImportError", r.stderr)
        self.assertIn(b"no-such-lib.so", r.stderr)

    def test_data_dir_after_init_is_an_error(self):
        corroborate.init()
        with self.assertRaises(corroborate.Error) as cm:
            corroborate.set_data_dir(self.tmp.name)
        self.assertEqual(cm.exception.code, corroborate.CB_EUSAGE)


class TestReport(Base):
    def test_seeds_one_story(self):
        b = corroborate.report(SEEDS)
        self.assertIsInstance(b, dict)
        self.assertEqual(b.problems, [])
        self.assertEqual(b["version"], "2.1")
        self.assertEqual([a["id"] for a in b["articles"]], [1, 2, 3, 4, 5])
        self.assertEqual([a["file"] for a in b["articles"]], SEEDS)
        self.assertEqual(len(b["stories"]), 1)
        story = b["stories"][0]
        self.assertEqual(sorted(story["articles"]), [1, 2, 3, 4, 5])
        self.assertTrue(story["findings"])
        for f in story["findings"]:
            self.assertIn(f["verdict"], VERDICTS, f["topic"])
            self.assertIn(f["kind"], {"quantity", "date", "quote", "role", "name", "event"})
            self.assertTrue(f["claims"])
        self.assertIn("compatible", {f["verdict"] for f in story["findings"]})

    def test_json_equals_the_tool(self):
        self.assertEqual(dict(corroborate.report(SEEDS)), json.loads(cli("report", "--format", "json", *SEEDS)))

    def test_formats_equal_the_tool(self):
        for fmt in ("text", "md", "html"):
            r = corroborate.report(SEEDS, format=fmt)
            self.assertIsInstance(r, str)
            self.assertEqual(r.problems, [])
            self.assertEqual(r, cli("report", "--format", fmt, "--no-color", *SEEDS), fmt)
        self.assertIn("<html", corroborate.report(SEEDS, format="html"))
        self.assertEqual(corroborate.report(SEEDS, format="markdown"), corroborate.report(SEEDS, format="md"))
        narrow = corroborate.report(SEEDS, format="text", width=50)
        self.assertTrue(max(len(line) for line in narrow.splitlines()) <= 50 + 20)   # URLs, words may run over

    def test_a_folder_and_one_path(self):
        folder = os.path.dirname(SEEDS[0])
        self.assertEqual(len(corroborate.report(folder)["articles"]), 5)
        one = corroborate.report(SEEDS[0])
        self.assertEqual(len(one["articles"]), 1)

    def test_story_selection(self):
        b = corroborate.report(SEEDS, story=1)
        self.assertEqual([s["id"] for s in b["stories"]], [1])
        with self.assertRaises(corroborate.Error) as cm:
            corroborate.report(SEEDS, story=99)
        self.assertEqual(cm.exception.code, corroborate.CB_ENOTFOUND)

    def test_missing_file_is_a_problem(self):
        missing = self.path("missing.txt")
        b = corroborate.report(SEEDS + [missing])
        self.assertEqual(len(b["articles"]), 5)
        self.assertEqual(len(b.problems), 1, b.problems)
        p = b.problems[0]
        self.assertIsInstance(p, corroborate.Error)
        self.assertEqual(p.file, missing)
        self.assertNotEqual(p.code, 0)
        self.assertIn(missing, str(p))
        self.assertTrue(p.message)

    def test_nothing_readable_raises(self):
        missing = self.path("missing.txt")
        with self.assertRaises(corroborate.Error) as cm:
            corroborate.report([missing])
        e = cm.exception
        self.assertEqual(e.code, corroborate.CB_EEMPTY)
        self.assertTrue(e.message)
        self.assertIn(missing, [p.file for p in e.problems] + [e.file])

    def test_bad_arguments_raise(self):
        with self.assertRaises(corroborate.Error) as cm:
            corroborate.report(SEEDS, format="pdf")
        self.assertEqual(cm.exception.code, corroborate.CB_EUSAGE)
        with self.assertRaises(corroborate.Error):
            corroborate.report([])
        with self.assertRaises(corroborate.Error):
            corroborate.report(SEEDS, input_format="docx")

    def test_binary_input_is_a_problem(self):
        junk = self.path("junk.bin")
        with open(junk, "wb") as f:
            f.write(bytes(range(256)) * 8)
        b = corroborate.report(SEEDS + [junk])
        self.assertEqual(len(b["articles"]), 5)
        self.assertEqual([p.file for p in b.problems], [junk])


class TestExtract(Base):
    def test_equals_the_tool(self):
        x = corroborate.extract(SEEDS)
        self.assertEqual(x.problems, [])
        self.assertEqual(len(x), 5)
        self.assertEqual(list(x), json.loads(cli("extract", "--format", "json", *SEEDS)))
        self.assertTrue(any(a.get("quantities") for a in x))
        self.assertEqual(corroborate.extract(SEEDS[0], format="text"), cli("extract", SEEDS[0]))

    def test_missing_file(self):
        missing = self.path("missing.txt")
        x = corroborate.extract([SEEDS[0], missing])
        self.assertEqual(len(x), 1)
        self.assertEqual([p.file for p in x.problems], [missing])


class TestParse(Base):
    def test_equals_the_tool(self):
        text = "The ferry carried 136 passengers. It sank on Sunday, officials said.\n"
        f = self.path("t.txt")
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(text)
        got = corroborate.parse(text)
        self.assertIn("# text = The ferry carried 136 passengers.", got)
        self.assertEqual(got, cli("parse", f))


class TestStore(Base):
    def test_round_trip(self):
        db = self.path("news.db")
        with corroborate.Store(db) as s:
            st = s.ingest(SEEDS)
            self.assertEqual((st["added"], st["known"], st["problems"], st["store_errors"]), (5, 0, [], 0))
            again = s.ingest(os.path.dirname(SEEDS[0]))
            self.assertEqual((again["added"], again["known"]), (0, 5))
            self.assertEqual(len(st["ids"]), 5)
            self.assertEqual(sorted(again["ids"]), sorted(st["ids"]))
            stories = s.stories()
            self.assertEqual(len(stories), 1)
            story = stories[0]
            self.assertEqual(set(story), {"id", "headline", "first", "last", "articles", "outlets", "duplicates"})
            self.assertEqual(story["articles"], 5)
            self.assertEqual(stories, json.loads(cli("stories", "--format", "json", db=db)))
            arts = s.articles()
            self.assertEqual([a["file"] for a in arts], SEEDS)
            self.assertEqual([a["id"] for a in arts], sorted(st["ids"]))
            self.assertEqual(arts, json.loads(cli("articles", "--format", "json", db=db)))
            a = s.article(arts[0]["id"])
            self.assertEqual(a["id"], arts[0]["id"])
            self.assertGreater(len(a["body"]), 500)
            self.assertEqual(len(a["body"].encode("utf-8")), arts[0]["chars"])
            b = s.brief(story["id"])
            self.assertEqual([x["id"] for x in b["stories"]], [story["id"]])
            self.assertEqual(sorted(b["stories"][0]["articles"]), [x["id"] for x in arts])
            for f in b["stories"][0]["findings"]:
                self.assertIn(f["verdict"], VERDICTS)
            self.assertEqual(dict(b), json.loads(cli("report", "--story", str(story["id"]), "--format", "json", db=db)))
            self.assertEqual(len(s.brief()["articles"]), 5)   # story 0: every stored article
            self.assertIn("<html", s.brief(story["id"], format="html"))
            with self.assertRaises(corroborate.Error) as cm:
                s.article(99999)
            self.assertEqual(cm.exception.code, corroborate.CB_ENOTFOUND)
            with self.assertRaises(corroborate.Error) as cm:
                s.brief(99999)
            self.assertEqual(cm.exception.code, corroborate.CB_ENOTFOUND)
        self.assertTrue(s.closed)
        with self.assertRaises(corroborate.Error) as cm:
            s.stories()
        self.assertEqual(cm.exception.code, corroborate.CB_EUSAGE)
        s.close()   # twice is harmless
        with corroborate.Store(db) as s2:   # it persisted
            self.assertEqual(len(s2.articles()), 5)

    def test_buffer_group_later_progress(self):
        with open(SEEDS[0], encoding="utf-8") as f:
            text = f.read()
        with corroborate.Store(":memory:") as s:
            st = s.ingest_buffer("pasted.txt", text)
            self.assertEqual((st["added"], st["known"], st["problems"]), (1, 0, []))
            self.assertEqual([a["file"] for a in s.articles()], ["pasted.txt"])
            self.assertEqual(s.ingest_buffer("again.txt", text.encode("utf-8"))["known"], 1)
        with corroborate.Store(":memory:") as s:
            seen = []
            st = s.ingest(SEEDS, group=False, progress=seen.append)
            self.assertEqual(st["added"], 5)
            self.assertEqual(s.stories(), [])
            self.assertTrue(seen)
            self.assertEqual(seen[-1]["phase"], "ingest")
            self.assertEqual(seen[-1]["unit"], "files")
            self.assertEqual(seen[-1]["done"], 5)
            s.regroup()
            self.assertEqual([x["articles"] for x in s.stories()], [5])

    def test_progress_callback_error_is_raised(self):
        def boom(p):
            raise ValueError("from the progress callback")
        with corroborate.Store(":memory:") as s:
            with self.assertRaises(ValueError):
                s.ingest(SEEDS, progress=boom)
            self.assertEqual(len(s.articles()), 5)   # the C side went on: stored all the same

    def test_ingest_problems(self):
        missing = self.path("missing.txt")
        with corroborate.Store(":memory:") as s:
            st = s.ingest([SEEDS[0], missing])
            self.assertEqual(st["added"], 1)
            self.assertEqual([p.file for p in st["problems"]], [missing])
            self.assertIn(missing, str(st["problems"][0]))

    def test_empty_store(self):
        with corroborate.Store(":memory:") as s:
            self.assertEqual(s.stories(), [])
            self.assertEqual(s.articles(), [])
            with self.assertRaises(corroborate.Error) as cm:
                s.brief()
            self.assertEqual(cm.exception.code, corroborate.CB_EEMPTY)

    def test_unwritable_path_raises(self):
        afile = self.path("a-file")
        open(afile, "w").close()
        bad = os.path.join(afile, "news.db")   # under a file: no one can create it, root neither
        with self.assertRaises(corroborate.Error) as cm:
            corroborate.Store(bad)
        e = cm.exception
        self.assertNotEqual(e.code, 0)
        self.assertIn(e.code, (corroborate.CB_ESTORE, corroborate.CB_EIO))
        self.assertTrue(e.message)
        self.assertIn(bad, str(e))
        self.assertEqual(e.file, bad)

    def test_no_handles_leak(self):
        db = self.path("news.db")
        with corroborate.Store(db) as s:
            s.ingest(SEEDS[0])
        before = open_fds()
        for _ in range(30):
            with corroborate.Store(db) as s:
                s.stories()
            s = corroborate.Store(db)   # not closed: the collector closes it
            s.articles()
            del s
            gc.collect()
            try:
                with corroborate.Store(db) as s:
                    raise KeyError("inside")
            except KeyError:
                pass
            self.assertTrue(s.closed)
        self.assertEqual(open_fds(), before)

    def test_callback_exception_does_not_crash(self):
        # a listing whose row the binding cannot take stops cleanly and raises in Python
        with corroborate.Store(":memory:") as s:
            s.ingest(SEEDS[0])
            orig = corroborate._Run.__init__

            def broken(run):
                orig(run)
                run.items = None   # append fails inside the callback
            corroborate._Run.__init__ = broken
            try:
                with self.assertRaises(AttributeError):
                    s.articles()
            finally:
                corroborate._Run.__init__ = orig
            self.assertEqual(len(s.articles()), 1)


# Every call of the binding once, for the leak check below (argv: the seeds).
LEAK_PROBE = r"""
import os, sys, tempfile
import corroborate
S = sys.argv[1:]
missing = os.path.join(tempfile.mkdtemp(), "missing.txt")
corroborate.report(S + [missing])
for f in ("text", "md", "html"):
    corroborate.report(S, format=f, story=1)
corroborate.extract(S + [missing])
corroborate.extract(S[0], format="text")
corroborate.parse("The ferry carried 136 passengers. It sank on Sunday.")
for bad in (lambda: corroborate.report([missing]), lambda: corroborate.report(S, story=99)):
    try:
        bad()
    except corroborate.Error:
        pass
with corroborate.Store(os.path.join(tempfile.mkdtemp(), "x.db")) as s:
    s.ingest(S + [missing])
    sid = s.stories()[0]["id"]
    s.article(s.articles()[0]["id"])
    s.brief(sid)
    s.brief(sid, format="html")
    s.brief()
    for bad in (lambda: s.article(99999), lambda: s.brief(99999)):
        try:
            bad()
        except corroborate.Error:
            pass
s = corroborate.Store(":memory:")
s.ingest_buffer("pasted.txt", open(S[0], encoding="utf-8").read(), group=False)
s.ingest(S[1:], group=False, progress=lambda p: None)
s.regroup()
del s   # closed by the collector
print("probe done")
"""


class TestLeaks(Base):
    def test_nothing_the_library_hands_over_leaks(self):
        """In the sanitizer build: LeakSanitizer finds no block allocated by libcorroborate
        unfreed at exit (Python's own leaks are not counted: only stacks through cb_ functions).
        The library is preloaded too, so that it stays loaded (and its tables reachable) at exit."""
        preload = os.environ.get("LD_PRELOAD", "")
        if "libasan" not in preload or not os.environ.get("CORROBORATE_LIB"):
            self.skipTest("leaks are checked in the sanitizer build (-DCB_SANITIZE=ON)")
        env = dict(os.environ, LD_PRELOAD=preload + " " + os.path.realpath(os.environ["CORROBORATE_LIB"]),
                   ASAN_OPTIONS="detect_leaks=1:exitcode=0",
                   PYTHONPATH=os.path.join(SRC, "bindings", "python"))
        r = subprocess.run([sys.executable, "-c", LEAK_PROBE] + SEEDS, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = r.stderr.decode("utf-8", "replace")
        self.assertEqual(r.returncode, 0, out[-3000:])
        self.assertIn(b"probe done", r.stdout)
        ours = [b for b in out.split("\n\n") if " leak of " in b and (" in cb_" in b or "libcorroborate" in b)]
        self.assertEqual(ours, [], "\n\n".join(ours)[:4000])


class TestReadme(Base):
    def test_python_snippet_runs(self):
        """The ```python block of the README's "## Python" section, run from the checkout."""
        import contextlib
        import io
        import re
        with open(os.path.join(SRC, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        m = re.search(r"^## Python\n.*?^```python\n(.*?)^```", readme, re.S | re.M)
        self.assertIsNotNone(m, "README.md has a ## Python section with a python block")
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(SRC)
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(m.group(1), "README.md (## Python)", "exec"), {})
        finally:
            os.chdir(cwd)
        text = out.getvalue()
        self.assertRegex(text, r"(?m)^(agree|compatible|conflict|uncertain|variant|single) ")
        self.assertRegex(text, r"(?m)^[1-9][0-9]* articles added$")


if __name__ == "__main__":
    unittest.main(verbosity=2)
