# lib.bash - helpers for the command-line tests: a scratch folder, a database, and checks
# that count, printing "N passed, N failed" at the end (sourced, not run).
set -u
CB="${1:?usage: test.sh /path/to/corroborate}"
SHARED="${CB_SHARED_DIR:-$(dirname "$0")/../../../shared}"
SRC="${CB_SOURCE_DIR:-$(dirname "$0")/../..}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export CORROBORATE_DB="$TMP/test.db"
passed=0; failed=0
ok()   { passed=$((passed + 1)); }
bad()  { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { local what="$1"; shift; if "$@"; then ok; else bad "$what"; fi; }
# expect_exit CODE what -- command...
expect_exit() {
  local want="$1" what="$2"; shift 3
  "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
  if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, want $want; stderr: $(head -c 300 "$TMP/err")"; fi
}
stderr_has() { if grep -q -- "$1" "$TMP/err"; then ok; else bad "stderr lacks '$1': $(head -c 300 "$TMP/err")"; fi; }
stdout_has() { if grep -q -- "$1" "$TMP/out"; then ok; else bad "stdout lacks '$1': $(head -c 300 "$TMP/out")"; fi; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ] && [ "$passed" -gt 0 ]; exit $?; }
