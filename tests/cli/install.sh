#!/usr/bin/env bash
# install.sh - the install of the build (what `make install` runs) into a scratch PREFIX:
# the tool, libcorroborate.so.0 (SONAME, exporting exactly the functions of corroborate.h)
# and libcorroborate.a, the header, corroborate.pc and the manual page. A small program is
# built against it with pkg-config, shared and static, and run; the manual page renders
# (man or groff, when installed) and has every command; examples/c/brief.c builds and runs
# against it; uninstalling removes every file.
# Then the same with DESTDIR: the files land under it, the .pc names the PREFIX alone.
# Installs as component "Unspecified" (every file): the manifest it writes is not the
# build's install_manifest.txt, so a real `make install` keeps its record for uninstall.
. "$(dirname "$0")/lib.bash"
BUILD="${CB_BUILD_DIR:-$(dirname "$CB")}"
CFLAGS_EXTRA="${CB_TEST_CFLAGS:-}"
MANIFEST="$BUILD/install_manifest_Unspecified.txt"
install_to() {   # DESTDIR PREFIX
  DESTDIR="$1" cmake --install "$BUILD" --prefix "$2" --component Unspecified >"$TMP/install.log" 2>&1
}
uninstall_from() {   # DESTDIR
  DESTDIR="$1" cmake -DMANIFEST="$MANIFEST" -P "$SRC/cmake/uninstall.cmake" >"$TMP/uninstall.log" 2>&1
}

# ---- PREFIX ---------------------------------------------------------------------------------
P="$TMP/usr"
check "install into PREFIX" install_to "" "$P"
for f in bin/corroborate lib/libcorroborate.so.0.1.0 lib/libcorroborate.a include/corroborate.h \
         lib/pkgconfig/corroborate.pc share/man/man1/corroborate.1; do
  check "installed $f" test -f "$P/$f"
done
L="$P/lib"; SO="$L/libcorroborate.so.0.1.0"
check "libcorroborate.so.0 -> the real name" test "$(readlink "$L/libcorroborate.so.0")" = "${SO##*/}"
check "libcorroborate.so -> the SONAME" test "$(readlink "$L/libcorroborate.so")" = libcorroborate.so.0
check "SONAME libcorroborate.so.0" grep -q "SONAME *libcorroborate.so.0$" <(objdump -p "$SO")
check "no text relocations" test -z "$(readelf -d "$SO" | grep TEXTREL)"
check "the installed tool runs" test "$("$P/bin/corroborate" version)" = "corroborate 0.1.0"

# exported: exactly the functions the header marks CB_API (a sanitizer adds its own symbols)
grep -o '^CB_API [^(]*(' "$P/include/corroborate.h" | sed 's/.*[^a-z0-9_]\(cb_[a-z0-9_]*\)($/\1/' |
  sort >"$TMP/api"
nm -D --defined-only "$SO" | awk '{ print $3 }' | sort >"$TMP/syms"
check "the header declares the API" test "$(wc -l <"$TMP/api")" -ge 20
check "the .so exports every cb_ function of the header, and no other cb_ symbol" \
  diff "$TMP/api" <(grep '^cb_' "$TMP/syms")
if [ -z "$CFLAGS_EXTRA" ]; then
  check "the .so exports nothing else" test -z "$(grep -v '^cb_' "$TMP/syms")"
fi

# pkg-config metadata
export PKG_CONFIG_PATH="$L/pkgconfig"
check "pkg-config knows it" test "$(pkg-config --modversion corroborate)" = 0.1.0
check "prefix is the install prefix" test "$(pkg-config --variable=prefix corroborate)" = "$P"
for r in libxml-2.0 libcjson libutf8proc libxxhash sqlite3 zlib; do
  check "Requires.private has $r" grep -q "^Requires.private:.* $r\b" "$L/pkgconfig/corroborate.pc"
done
check "Libs.private has -lm -lpthread" grep -q "^Libs.private: -lm -lpthread$" "$L/pkgconfig/corroborate.pc"

# a program of a library user: init, version, ingest a buffer, an arena, free
cat >"$TMP/use.c" <<'EOF'
/* use.c - a program that uses libcorroborate through its public header only */
#include <corroborate.h>
#include <stdio.h>
#include <string.h>

static int articles;
static int on_article(void *ud, cb_article *a) {
  (void)ud;
  printf("title: %s\n", a->title ? a->title : "(none)");
  articles++;
  cb_article_free(a);
  return 0;
}
static void on_problem(void *ud, const cb_error *e) { (void)ud; fprintf(stderr, "problem: %s\n", e->msg); }

int main(void) {
  cb_error e;
  if (cb_init(&e)) { fprintf(stderr, "cb_init: %s: %s\n", e.file, e.msg); return 1; }
  printf("version %s\n", CB_VERSION);
  const char *text = "Ferry sinks on Lake Varo\n\nKASENDA - A ferry carrying 136 passengers sank on Sunday "
                     "near the port of Kasenda, the harbour master said.\n";
  cb_ingest_opts o = {CB_FORMAT_AUTO, 0};
  if (cb_ingest_buffer("mem.txt", text, strlen(text), &o, on_article, on_problem, NULL)) return 1;
  cb_arena *a = cb_arena_new(0);
  if (!a) return 1;
  printf("%s\n", cb_arena_printf(a, "%d article, format %s", articles, cb_format_name(CB_FORMAT_TEXT)));
  cb_arena_free(a);
  return articles == 1 ? 0 : 1;
}
EOF
# shellcheck disable=SC2046,SC2086
check "builds against the .so with pkg-config" cc -std=c11 -Wall -Wextra -Werror $CFLAGS_EXTRA -o "$TMP/use" \
  "$TMP/use.c" $(pkg-config --cflags --libs corroborate)
check "linked to libcorroborate.so.0" grep -q "NEEDED *libcorroborate.so.0$" <(objdump -p "$TMP/use")
LD_LIBRARY_PATH="$L" "$TMP/use" >"$TMP/out" 2>"$TMP/err"
check "runs: $(head -c 300 "$TMP/err")" test $? = 0
stdout_has "^version 0.1.0$"
stdout_has "^title: Ferry sinks on Lake Varo$"
stdout_has "^1 article, format text$"
static_libs=$(pkg-config --static --libs corroborate | sed 's/-lcorroborate\b/-l:libcorroborate.a/')
# shellcheck disable=SC2086
check "builds against the .a with pkg-config --static" cc -std=c11 $CFLAGS_EXTRA -o "$TMP/use-static" \
  "$TMP/use.c" $(pkg-config --cflags corroborate) $static_libs
check "the static program needs no libcorroborate.so" \
  test -z "$(objdump -p "$TMP/use-static" | grep corroborate)"
check "the static program runs" test "$("$TMP/use-static" | head -1)" = "version 0.1.0"

# the example program of examples/c: the whole pipeline through the installed library
# shellcheck disable=SC2046,SC2086
check "examples/c/brief.c builds with pkg-config" cc -std=c11 -Wall -Wextra -Werror $CFLAGS_EXTRA \
  -o "$TMP/brief" "$SRC/examples/c/brief.c" $(pkg-config --cflags --libs corroborate)
EX="$SRC/examples/articles"
LD_LIBRARY_PATH="$L" "$TMP/brief" "$EX"/ferry-*.txt >"$TMP/out" 2>"$TMP/err"
check "the example runs: $(head -c 300 "$TMP/err")" test $? = 0
stdout_has "^3 articles, 1 stories$"
stdout_has "^# Story 1: "
stdout_has "^  quantity More than 20 "
LD_LIBRARY_PATH="$L" "$TMP/brief" --db "$TMP/ex.db" "$EX" >"$TMP/out" 2>"$TMP/err"
check "the example stores and briefs: $(head -c 300 "$TMP/err")" test $? = 0
stdout_has "^stored 15 new articles (0 known)$"
check "a brief per stored story" test "$(grep -c '^# Story' "$TMP/out")" -ge 3

# the Python binding: the package beside the library, which it finds there (no CORROBORATE_LIB)
PYDIR="$P/lib/python3/dist-packages"
check "installed the Python package" test -f "$PYDIR/corroborate/__init__.py" -a -f "$PYDIR/corroborate/_native.py"
PY=$(command -v /usr/bin/python3 || command -v python3)
if [ -z "$CFLAGS_EXTRA" ] && [ -n "$PY" ] && "$PY" -c "import cffi" 2>/dev/null; then
  got=$(cd "$TMP" && env -u CORROBORATE_LIB PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$PYDIR" "$PY" -c \
        'import corroborate; corroborate.init(); print(corroborate.library_path())' 2>"$TMP/err")
  check "the installed package loads the installed library: $got $(head -c 300 "$TMP/err")" \
    test "$got" = "$L/libcorroborate.so.0"
fi

# the manual page: a section per command and per kind of eval; it renders without warnings
MAN="$P/share/man/man1/corroborate.1"
names() { awk -v h="$1" -v p="$2" '$0 == h { on = 1; next } on && /^$/ { exit } on { print p $1 }'; }
for c in $("$CB" --help | names "commands:" "") $("$CB" eval --help | names "kinds:" "eval~"); do
  check "the manual page has ${c//\~/ }" grep -qx "\.SS ${c//\~/ }" "$MAN"
done
if command -v man >/dev/null; then
  MANWIDTH=100 MANPAGER=cat man -l "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err"
  check "man -l renders it" grep -q "usage: corroborate ingest \[options\] PATH" "$TMP/man.txt"
fi
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$MAN" 2>"$TMP/groff.err"
  check "groff renders it without a warning: $(head -c 300 "$TMP/groff.err")" test ! -s "$TMP/groff.err"
else
  echo "groff not installed: the rendering is not checked" >&2
fi

check "uninstall" uninstall_from ""
check "uninstall leaves no file: $(find "$P" ! -type d | head -3)" test -z "$(find "$P" ! -type d)"

# ---- DESTDIR --------------------------------------------------------------------------------
D="$TMP/stage"
check "install into DESTDIR" install_to "$D" /usr/local
check "files under DESTDIR/PREFIX" test -f "$D/usr/local/lib/libcorroborate.so.0.1.0" -a \
  -f "$D/usr/local/bin/corroborate" -a -f "$D/usr/local/share/man/man1/corroborate.1"
check "the .pc names the prefix, not DESTDIR" \
  grep -qx "prefix=/usr/local" "$D/usr/local/lib/pkgconfig/corroborate.pc"
check "every file of the manifest is in DESTDIR" \
  test "$(grep -c '' "$MANIFEST")" = "$(find "$D" ! -type d | wc -l)"
check "uninstall with DESTDIR" uninstall_from "$D"
check "uninstall leaves no file: $(find "$D" ! -type d | head -3)" test -z "$(find "$D" ! -type d)"
finish
