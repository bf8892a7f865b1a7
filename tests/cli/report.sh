#!/usr/bin/env bash
# report.sh - `corroborate report` on the project's example corpus in every format: exit
# codes, --output, --story, --width, colour switches, the database mode, and a hostile
# article whose markup and terminal escapes must come out as inert text.
. "$(dirname "$0")/lib.bash"
EX="$SRC/examples/articles"
[ -d "$EX" ] || { echo "no examples at $EX" >&2; exit 1; }

expect_exit 0 "text report" -- "$CB" report "$EX"
stdout_has "^Story 1: "
stdout_has "^Conflicts ("
stdout_has "independent source"
check "no colour when not a terminal" bash -c "! grep -q $'\x1b' '$TMP/out'"
expect_exit 0 "forced colour" -- "$CB" report --color "$EX"
check "colour when asked" grep -q $'\x1b\[' "$TMP/out"
expect_exit 0 "no colour" -- "$CB" report --no-color "$EX"
check "--no-color has no escapes" bash -c "! grep -q $'\x1b' '$TMP/out'"

expect_exit 0 "width 50" -- "$CB" report --width 50 "$EX"
check "lines within 50 columns" python3 -c '
import sys, unicodedata
def cols(l): return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
bad = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if cols(l) > 50]
sys.exit(1 if bad else 0)' "$TMP/out"

expect_exit 0 "json report" -- "$CB" report --format json "$EX"
check "json parses with version 2.1" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1" and d["stories"] and d["articles"]
assert any(f["verdict"] == "conflict" for s in d["stories"] for f in s["findings"])' "$TMP/out"

expect_exit 0 "markdown report" -- "$CB" report --format md "$EX"
stdout_has "^# Story 1: "
stdout_has "^## Sources"
stdout_has "^| Verdict | Topic | Value | Sources say | Why |"

expect_exit 0 "html to a file" -- "$CB" report --format html -o "$TMP/brief.html" "$EX"
check "nothing on stdout with --output" test ! -s "$TMP/out"
check "html file written" grep -q '^<!DOCTYPE html>' "$TMP/brief.html"
check "html ends the page" grep -q '</html>' "$TMP/brief.html"
check "html has the matrix" grep -q 'class="c v-conflict"' "$TMP/brief.html"
expect_exit 0 "markdown to a file" -- "$CB" report --format markdown --output "$TMP/brief.md" "$EX"
check "md file written" grep -q '^# Story' "$TMP/brief.md"

expect_exit 0 "one story" -- "$CB" report --story 2 "$EX"
stdout_has "^Story 2: "
check "only story 2" bash -c "! grep -q '^Story 1: ' '$TMP/out'"
expect_exit 1 "missing story" -- "$CB" report --story 999 "$EX"
stderr_has "no story with id 999"
expect_exit 2 "bad format" -- "$CB" report --format pdf "$EX"
expect_exit 2 "bad option" -- "$CB" report --bogus "$EX"
expect_exit 1 "a missing file among good ones" -- "$CB" report "$EX" "$TMP/does-not-exist.txt"
stdout_has "^Story 1: "
expect_exit 3 "unwritable output" -- "$CB" report -o "$TMP/no/such/dir/x.html" "$EX"

# the database: ingest, then report without files
expect_exit 0 "ingest examples" -- "$CB" ingest "$EX"
expect_exit 0 "report from the database" -- "$CB" report --no-color
stdout_has "^Story 1: "
expect_exit 0 "one story from the database" -- "$CB" report --story 1 --format json
check "database json has one story" python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); assert len(d["stories"]) == 1 and d["stories"][0]["id"] == 1' "$TMP/out"

# a hostile article: markup and terminal escapes stay text
mkdir -p "$TMP/hostile"
printf 'Ferry capsizes with 163 on board\n\nThe ferry capsized on Sunday <script>alert(1)</script> with 163 passengers.\n\nIt said <img src=x onerror=alert(2)> and \033]0;PWNED\007 \033[31mred\033[0m and <a href="javascript:alert(3)">x</a> &amp &#xZZ;.\n' > "$TMP/hostile/h.txt"
expect_exit 0 "hostile text" -- "$CB" report --color "$TMP/hostile"
check "no OSC sequence passed through" bash -c "! grep -q $'\x1b\]' '$TMP/out'"
check "no BEL passed through" bash -c "! grep -q $'\x07' '$TMP/out'"
check "no article colour passed through" bash -c "! grep -q $'\x1b\[31mred' '$TMP/out'"
expect_exit 0 "hostile markdown" -- "$CB" report --format md "$TMP/hostile"
check "markdown has no raw script tag" bash -c "! grep -q '<script' '$TMP/out'"
expect_exit 0 "hostile html" -- "$CB" report --format html "$TMP/hostile"
check "html has one script, the page's" test "$(grep -o '<script' "$TMP/out" | wc -l)" = 1
check "html escapes the script" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/out"
check "html has no img" bash -c "! grep -q '<img' '$TMP/out'"
check "html has no escape bytes" bash -c "! grep -q $'\x1b' '$TMP/out'"
finish
