#!/usr/bin/env bash
# data_tables.sh - the lexicon tables of data/: each says where its entries come from in a
# "# source: ..." line of its header (the comment lines before its first entry), each is
# listed in src/core/data.c so that cb_init() checks it at start, each has its section in
# docs/data.md, and a table missing from the build stops the command line at start with exit 3
# and the table's name.
. "$(dirname "$0")/lib.bash"
DATA="$SRC/data"
LIST="$SRC/src/core/data.c"
n=0
# text tables: every file but the syntax model (binary, data/NOTICE tells its source) and docs
while IFS= read -r f; do
  rel=${f#"$DATA"/}
  n=$((n + 1))
  check "$rel has a '# source:' line in its header" awk '
    /^# source: [^ ]/ { found = 1; exit }
    /^#/ || /^[[:space:]]*$/ { next }
    { exit }
    END { exit !found }' "$f"
  check "$rel is listed in src/core/data.c" grep -qF "\"$rel\"" "$LIST"
  check "$rel has a section in docs/data.md" grep -qxF "### $rel" "$SRC/docs/data.md"
done < <(find "$DATA" -type f ! -path "$DATA/syntax/*" ! -name '*.md' ! -name NOTICE | sort)
check "found the tables ($n)" test "$n" -ge 50

printf 'Dam repairs begin\n\nWork on the Riverton dam began on Saturday, officials said.\n' > "$TMP/dam.txt"
expect_exit 0 "every table loads" -- "$CB" report "$TMP/dam.txt"
export CORROBORATE_FAULT_DATA=quantity/units.tsv   # testing: this table is taken as missing
expect_exit 3 "a missing table stops the report" -- "$CB" report "$TMP/dam.txt"
stderr_has "data/quantity/units.tsv: lexicon table missing"
check "nothing printed" test ! -s "$TMP/out"
expect_exit 3 "a missing table stops an ingest" -- "$CB" ingest "$TMP/dam.txt"
stderr_has "data/quantity/units.tsv"
finish
