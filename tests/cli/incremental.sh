#!/usr/bin/env bash
# incremental.sh - the store's stories grow as articles arrive: ingesting A then B gives
# the same stories and duplicates as ingesting A and B together (up to story ids), and
# ingesting the same files again changes nothing.
. "$(dirname "$0")/lib.bash"
EX="$SRC/examples/articles"
A="$TMP/a"; B="$TMP/b"; mkdir -p "$A" "$B"
for f in "$EX"/*; do
  case "$(basename "$f")" in bank-*|ferry-kasenda*|ferry-lakeside*|wildfire-atlantic*) cp "$f" "$A/";; *) cp "$f" "$B/";; esac
done
groups() {   # story membership as sorted lists of file names, plus duplicate pairs by file name
  "$CB" articles --format json --db "$1" > "$TMP/arts.json"
  for id in $("$CB" stories --format json --db "$1" | python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)))'); do
    "$CB" story --format json --db "$1" "$id"
  done > "$TMP/members.txt"
  python3 - "$TMP/arts.json" "$TMP/members.txt" <<'PY'
import json, os, sys
arts = {a['id']: os.path.basename(a['file']) + (':%s' % a['line'] if a['line'] else '') for a in json.load(open(sys.argv[1]))}
dec, text, stories, dups = json.JSONDecoder(), open(sys.argv[2]).read(), [], []
i = 0
while i < len(text):
    if text[i].isspace(): i += 1; continue
    members, i = dec.raw_decode(text, i)
    stories.append(sorted(arts[m['id']] for m in members))
    dups += sorted((arts[m['id']], arts[m['duplicate_of']]) for m in members if m['duplicate_of'])
print(json.dumps(sorted(stories)), json.dumps(sorted(dups)))
PY
}
expect_exit 0 "ingest A" -- "$CB" ingest -q --db "$TMP/ab.db" "$A"
expect_exit 0 "then B" -- "$CB" ingest -q --db "$TMP/ab.db" "$B"
expect_exit 0 "A and B together" -- "$CB" ingest -q --db "$TMP/together.db" "$A" "$B"
g1=$(groups "$TMP/ab.db"); g2=$(groups "$TMP/together.db")
check "A then B == A and B together" test "$g1" = "$g2"
nstories=$("$CB" stories --format json --db "$TMP/ab.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "at least 4 stories in the examples" test "$nstories" -ge 4
ndups=$("$CB" duplicates --format json --db "$TMP/ab.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "the syndicated wire copies are found" test "$ndups" -ge 2
before=$(sqlite3 "$TMP/ab.db" "select count(*) from articles" 2>/dev/null || "$CB" articles --format json --db "$TMP/ab.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_exit 0 "ingest again" -- "$CB" ingest -q --db "$TMP/ab.db" "$A" "$B"
stderr_has "0 new articles"
g3=$(groups "$TMP/ab.db")
check "ingesting again changes nothing" test "$g1" = "$g3"
finish
