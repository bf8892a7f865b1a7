#!/usr/bin/env bash
# public_api.sh - the command line is a thin layer on the public API: no file of src/cli/
# includes a project header other than corroborate.h and the CLI's own cli/*.h, and the
# tool links the shared library (which exports only what corroborate.h declares).
. "$(dirname "$0")/lib.bash"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
bad=$(grep -Hn '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$ROOT"/src/cli/*.c "$ROOT"/src/cli/*.h \
      | grep -Ev '#[[:space:]]*include[[:space:]]*"(corroborate\.h|cli/[a-z_]+\.h)"' || true)
[ -n "$bad" ] && echo "$bad" >&2
check "src/cli includes only corroborate.h and cli/*.h" test -z "$bad"
check "src/cli has C files to check" test "$(ls "$ROOT"/src/cli/*.c | wc -l)" -gt 5
# every cli/*.h it includes is its own
own_bad=$(grep -ho '#include "cli/[a-z_]*\.h"' "$ROOT"/src/cli/*.c "$ROOT"/src/cli/*.h | sort -u \
          | sed 's/#include "cli\/\(.*\)"/\1/' | while read -r h; do [ -f "$ROOT/src/cli/$h" ] || echo "$h"; done)
check "cli/*.h headers are the CLI's own" test -z "$own_bad"
if command -v ldd >/dev/null; then
  check "the tool links libcorroborate.so" grep -q 'libcorroborate\.so' <(ldd "$CB")
fi
# the shared library exports exactly the functions corroborate.h declares (each one defined)
SO="$(dirname "$CB")/libcorroborate.so.0"
declared=$(tr '\n' ' ' < "$ROOT/include/corroborate.h" | grep -oE 'CB_API [A-Za-z0-9_ *]*cb_[a-z0-9_]+\(' \
           | sed -E 's/.*[ *](cb_[a-z0-9_]+)\($/\1/' | sort -u)
exported=$(nm -D --defined-only "$SO" | awk '$2 == "T" {print $3}' | sort -u)
check "header declares functions ($(echo "$declared" | wc -l))" test "$(echo "$declared" | wc -l)" -gt 40
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
[ -n "$missing" ] && echo "declared, not exported: $missing" >&2
[ -n "$extra" ] && echo "exported, not declared: $extra" >&2
check "every declared function is exported" test -z "$missing"
check "nothing else is exported" test -z "$extra"
finish
