#!/usr/bin/env bash
# eval_quantities_own.sh - `corroborate eval quantities` on the project's own labelled test
# sentences (eval/quantities/own-news-test.json, which carry a gold `change`): it runs, exits
# 0, and prints value, value+unit and value+change lines with counts that add up to the
# file's gold. No score threshold: the scores are reported in eval/quantities/README.md.
. "$(dirname "$0")/lib.bash"
F="$SRC/eval/quantities/own-news-test.json"
check "own test file present" test -s "$F"
expect_exit 0 "eval quantities on own test" -- "$CB" eval quantities "$F"
stdout_has "own-news-test.json"
stdout_has "^  value  *P"
stdout_has "^  value+unit  *P"
stdout_has "^  value+change  *P .* F1 "
check "value+change is scored, not n/a" test "$(grep -c 'value+change  n/a' "$TMP/out")" = 0
gold=$(python3 -c 'import json,sys; print(sum(len(s["quantities"]) for s in json.load(open(sys.argv[1]))))' "$F")
check "gold count matches the file ($gold)" grep -q "value+change .*, $gold gold," "$TMP/out"
# --verbose shows a gold and a predicted change for each sentence
expect_exit 0 "eval quantities --verbose" -- "$CB" eval quantities "$F" --verbose
check "verbose prints gold with a change" grep -qE '^    gold .* \| (=|~|>|<|up|down)$' "$TMP/out"
finish
