#!/usr/bin/env bash
# progress.sh - the progress line of ingest and eval: drawn on stderr only when it is a
# terminal (run under a pseudo-terminal with `script`), never with -q / --quiet, never when
# stderr is a file or pipe; what the commands print is the same either way. The delay before
# the first line is set to 0 (CORROBORATE_PROGRESS_AFTER_MS) so the small inputs here show it.
. "$(dirname "$0")/lib.bash"
export CORROBORATE_PROGRESS_AFTER_MS=0
EX="$SRC/examples/articles"
PAIRS="$SRC/tests/fixtures/nli/pairs.csv"
# what a terminal shows of a typescript: each line as its last carriage-return segment
shown() { python3 -c '
import sys
for line in open(sys.argv[1], "rb").read().decode().split("\n"):
    line = line.rstrip("\r")
    print(line.split("\r")[-1].rstrip())' "$1" | sed '/^$/d'; }
in_tty() { script -qec "$1" /dev/null >"$TMP/tty" 2>&1 </dev/null; }

# ---- not a terminal: nothing, whatever the delay --------------------------------------------
for j in 1 2; do
  expect_exit 0 "ingest -j $j, stderr a file" -- "$CB" ingest -j $j --db "$TMP/plain$j.db" "$EX"
  check "ingest -j $j: stderr is the summary alone" \
    test "$(cat "$TMP/err")" = "corroborate: 15 new articles, 0 already stored, 0 problems"
  check "ingest -j $j: no carriage return on stdout" test -z "$(tr -cd '\r' <"$TMP/out")"
  cp "$TMP/out" "$TMP/plain$j.out"
done
expect_exit 0 "eval nli, stderr a file" -- "$CB" eval nli "$PAIRS"
check "eval nli: nothing on stderr" test ! -s "$TMP/err"
cp "$TMP/out" "$TMP/nli.out"

# ---- a terminal: the line, then the same output ---------------------------------------------
for j in 1 2; do
  rm -f "$TMP/tty$j.db"*
  in_tty "'$CB' ingest -j $j --db '$TMP/tty$j.db' '$EX'"
  check "ingest -j $j on a terminal: a progress line" \
    grep -aq $'\ringest: [0-9]*/11 files, [0-9]* article' "$TMP/tty"
  { cat "$TMP/plain$j.out"; echo "corroborate: 15 new articles, 0 already stored, 0 problems"; } >"$TMP/want"
  check "ingest -j $j on a terminal: the screen shows what a file gets" diff <(shown "$TMP/tty") "$TMP/want"
  rm -f "$TMP/tty$j.db"*
  in_tty "'$CB' ingest -q -j $j --db '$TMP/tty$j.db' '$EX'"
  check "ingest -q -j $j on a terminal: no progress line" test "$(tr -d '\r' <"$TMP/tty")" = \
    "corroborate: 15 new articles, 0 already stored, 0 problems"
done
in_tty "'$CB' eval nli '$PAIRS'"
check "eval nli on a terminal: a progress line" grep -aq $'\reval nli: [0-9]*/14 pairs' "$TMP/tty"
nli_scores() { sed -e 's/ *$//' -e '/^$/d' -e '/^time: /d'; }   # the run time differs
check "eval nli on a terminal: the screen shows what a file gets" \
  diff <(shown "$TMP/tty" | nli_scores) <(nli_scores <"$TMP/nli.out")
for q in -q --quiet; do
  in_tty "'$CB' eval nli $q '$PAIRS'"
  check "eval nli $q on a terminal: no progress line" test -z "$(grep -a 'eval nli:' "$TMP/tty")"
  check "eval nli $q: the scores" grep -aq "^pairs 14  accuracy" "$TMP/tty"
done
# the first line waits (a second by default): a run shorter than the wait shows none
in_tty "env CORROBORATE_PROGRESS_AFTER_MS=600000 '$CB' eval nli '$PAIRS'"
check "a run shorter than the wait: no progress line" test -z "$(grep -a 'eval nli:' "$TMP/tty")"

# ---- documented -------------------------------------------------------------------------------
"$CB" ingest --help >"$TMP/out"
stdout_has "-q, --quiet .*no progress line"
"$CB" eval --help >"$TMP/out"
stdout_has "-q, --quiet   no progress line"
"$CB" eval nli --help >"$TMP/out"
stdout_has "takes -q, --quiet"
finish
