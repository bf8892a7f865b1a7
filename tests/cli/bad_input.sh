#!/usr/bin/env bash
# bad_input.sh - every kind of bad input gets one clear line on stderr naming the file and
# the reason, the other inputs still load, the exit code says something failed, and the
# store is never left half-written.
. "$(dirname "$0")/lib.bash"
D="$TMP/in"; mkdir -p "$D/emptydir" "$D/nested/deeper"
printf 'Title of a good article here\n\nThe body says something useful about an event. It has two sentences.\n' > "$D/good.txt"
: > "$D/empty.txt"
head -c 4096 /dev/urandom > "$D/junk.bin"; printf '\0\0\0' >> "$D/junk.bin"
printf 'A headline that is fine\n\nCaf\xe9 text in Latin-1 is not UTF-8 \xff\xfe.\n' > "$D/latin1.txt"
head -c 300000 /dev/zero | tr '\0' 'a' > "$D/big.txt"
printf 'Another fine article title\n\nMore text about another event, nested two folders down.\n' > "$D/nested/deeper/ok.txt"

# empty file
expect_exit 1 "empty file" -- "$CB" ingest "$D/empty.txt"
stderr_has "empty.txt: empty file"
# binary junk
expect_exit 1 "binary file" -- "$CB" ingest "$D/junk.bin"
stderr_has "junk.bin: binary data"
# invalid UTF-8
expect_exit 1 "invalid utf-8" -- "$CB" ingest "$D/latin1.txt"
stderr_has "latin1.txt: invalid UTF-8 at byte"
# a file over the size limit
expect_exit 1 "too big" -- "$CB" ingest --max-size 100K "$D/big.txt"
stderr_has "big.txt: file is 300000 bytes, over the limit"
# a directory without articles
expect_exit 1 "empty directory" -- "$CB" ingest "$D/emptydir"
stderr_has "emptydir: directory holds no article files"
# an unreadable path
expect_exit 1 "missing path" -- "$CB" ingest "$D/no-such-file.txt"
stderr_has "no-such-file.txt: cannot read: No such file or directory"
# nothing was stored by any of the above
check "nothing stored after bad inputs" test "$("$CB" articles --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 0

# the bad ones beside good ones: the good ones still load, one line per problem, exit 1
expect_exit 1 "mixed directory" -- "$CB" ingest --max-size 100K "$D"
check "two good articles loaded" test "$("$CB" articles --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2
check "one stderr line per problem + summary" test "$(grep -c '^corroborate: ' "$TMP/err")" = 5
stderr_has "2 new articles, 0 already stored, 4 problems"

# usage errors exit 2 and say why
expect_exit 2 "no path" -- "$CB" ingest
stderr_has "no PATH given"
expect_exit 2 "bad format" -- "$CB" ingest --format pdf "$D/good.txt"
stderr_has "unknown format 'pdf'"
expect_exit 2 "unknown command" -- "$CB" frobnicate
expect_exit 2 "show without id" -- "$CB" show
expect_exit 1 "show unknown id" -- "$CB" show 999
stderr_has "no article with id 999"

# a store failure in the middle of a file leaves nothing of that file behind
printf 'First article title here\n\nBody one with enough words to count.\n' > "$D/../a1.txt"
export CORROBORATE_DB="$TMP/fault.db"
CORROBORATE_FAULT_STORE_AFTER=1 "$CB" ingest "$D/../a1.txt" "$D/good.txt" >"$TMP/out" 2>"$TMP/err"
check "fault: exit 1" test $? = 1
stderr_has "simulated write failure"
check "fault: first file stored, second rolled back" test "$("$CB" articles --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1

# a JSON Lines file larger than --max-size is read record by record: each record must fit,
# line numbers stay those of the file
export CORROBORATE_DB="$TMP/jsonl.db"
python3 - "$TMP/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], 'w') as f:
    for i in range(40):
        if i == 25: f.write('{"title": "broken", "text": \n')
        else: f.write(json.dumps({"title": f"Record {i} title here", "text": f"Body of record {i}. " * 20}) + "\n")
PY
"$CB" ingest --max-size 4K "$TMP/big.jsonl" >"$TMP/out" 2>"$TMP/err"
check "big JSON Lines: exit 1 (one bad line)" test $? = 1
stderr_has "big.jsonl:26: invalid JSON"
check "big JSON Lines: 39 records stored" test "$("$CB" articles --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 39
check "big JSON Lines: line numbers kept" test "$("$CB" articles --format json | python3 -c 'import json,sys; print(max(a["line"] for a in json.load(sys.stdin)))')" = 40

# stdin
export CORROBORATE_DB="$TMP/stdin.db"
printf 'A title read from standard input\n\nText from stdin about something.\n' | "$CB" ingest - >"$TMP/out" 2>"$TMP/err"
check "stdin: exit 0" test $? = 0
stdout_has "A title read from standard input"
printf '' | "$CB" ingest - >"$TMP/out" 2>"$TMP/err"
check "empty stdin: exit 1" test $? = 1
stderr_has "^corroborate: -: empty file"

for c in ingest articles show eval version; do
  "$CB" $c --help >"$TMP/out" 2>&1; check "$c --help exits 0" test $? = 0
  stdout_has "usage: corroborate $c"
done
finish
