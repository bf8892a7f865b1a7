#!/usr/bin/env bash
# data_overlay.sh - replaceable lexicon tables (--data DIR, $CORROBORATE_DATA_DIR): a file of
# the folder replaces the embedded table of its name and changes what is extracted; a bad row
# stops the command with the file and line (exit 3); a name that is no table and a link leading
# out of the folder are refused (exit 2); no folder, an empty one or a copy of data/ give the
# same output as the embedded tables; every table emptied still runs.
. "$(dirname "$0")/lib.bash"
DIR="$TMP/lex"
mkdir -p "$DIR/quantity" "$DIR/names"
printf 'Flood waters rose 3 glorbs overnight, officials said on Monday.\n' > "$TMP/flood.txt"
printf 'The bridge will be rebuilt, Harbourmaster Ana Ruiz said on Tuesday.\n' > "$TMP/bridge.txt"

# (a) one more unit, one more title: the extraction changes as the tables say
expect_exit 0 "embedded units" -- "$CB" extract "$TMP/flood.txt"
check "no glorbs unit without the folder" grep -q ' 3  *up 3 glorb' "$TMP/out"
cp "$SRC/data/quantity/units.tsv" "$DIR/quantity/units.tsv"
printf 'glorbs\tglorb\tlength\t1.5\tm\t\n' >> "$DIR/quantity/units.tsv"
expect_exit 0 "--data DIR before the command" -- "$CB" --data "$DIR" extract --format json "$TMP/flood.txt"
stdout_has '"text":"3 glorbs"'
stdout_has '"dimension":"length","currency":null,"base_value":4.5,"base_unit":"m"'
expect_exit 0 "--data=DIR after the command" -- "$CB" extract --data="$DIR" "$TMP/flood.txt"
stdout_has '3 glorbs  *up 3 glorb'
expect_exit 0 "CORROBORATE_DATA_DIR" -- env CORROBORATE_DATA_DIR="$DIR" "$CB" extract "$TMP/flood.txt"
stdout_has '3 glorbs'
expect_exit 0 "--data wins over the environment" -- \
  env CORROBORATE_DATA_DIR=/nonexistent "$CB" extract --data "$DIR" "$TMP/flood.txt"
stdout_has '3 glorbs'
expect_exit 0 "embedded titles" -- "$CB" extract "$TMP/bridge.txt"
stdout_has 'Harbourmaster Ana Ruiz  *person$'
cp "$SRC/data/names/titles.tsv" "$DIR/names/titles.tsv"
echo Harbourmaster >> "$DIR/names/titles.tsv"
expect_exit 0 "a title added" -- "$CB" --data "$DIR" extract "$TMP/bridge.txt"
stdout_has 'Ana Ruiz  *person role: Harbourmaster'

# (b) a bad row: the file, its line, the reason; nothing done
printf 'furlongs\tfurlong\tlength\tabout 200\tm\t\n' >> "$DIR/quantity/units.tsv"
line=$(wc -l < "$DIR/quantity/units.tsv")
expect_exit 3 "a bad row stops extract" -- "$CB" --data "$DIR" extract "$TMP/flood.txt"
stderr_has "$DIR/quantity/units.tsv:$line: field 4 'about 200' is not a number"
check "nothing printed" test ! -s "$TMP/out"
expect_exit 3 "a bad row stops report" -- "$CB" --data "$DIR" report "$TMP/flood.txt"
stderr_has "$DIR/quantity/units.tsv:$line:"
sed -i '$d' "$DIR/quantity/units.tsv"
printf 'glorbs\tglorb\tlength\n' >> "$DIR/quantity/units.tsv"
expect_exit 3 "a short row stops ingest" -- "$CB" --data "$DIR" ingest "$TMP/flood.txt"
stderr_has "$DIR/quantity/units.tsv:$line: 3 fields, want 5 to 6 separated by tabs"
sed -i '$d' "$DIR/quantity/units.tsv"
printf 'Harbourmaster\tHarbour Master\tport\n' >> "$DIR/names/titles.tsv"
expect_exit 3 "a bad title row" -- "$CB" --data "$DIR" extract "$TMP/bridge.txt"
stderr_has "$DIR/names/titles.tsv:$(wc -l < "$DIR/names/titles.tsv"): 3 fields, want 1 to 2"
sed -i '$d' "$DIR/names/titles.tsv"

# (c) a name that is no table, a link leading out of the folder: refused, exit 2
: > "$DIR/quantity/unit.tsv"
expect_exit 2 "a misspelt table name" -- "$CB" --data "$DIR" extract "$TMP/flood.txt"
stderr_has "$DIR/quantity/unit.tsv: not the name of a lexicon table"
rm "$DIR/quantity/unit.tsv"
printf 'killed\tkill\n' > "$TMP/outside.tsv"
ln -s ../../outside.tsv "$DIR/quantity/events.tsv"
expect_exit 2 "a link out of the folder" -- "$CB" --data "$DIR" extract "$TMP/flood.txt"
stderr_has "$DIR/quantity/events.tsv: leads out of the data directory"
rm "$DIR/quantity/events.tsv"
ln -s "$TMP" "$DIR/group"
expect_exit 2 "a linked folder out of it" -- "$CB" --data "$DIR" extract "$TMP/flood.txt"
stderr_has "$DIR/group: leads out of the data directory"
rm "$DIR/group"
expect_exit 2 "no such folder" -- "$CB" --data "$TMP/none" extract "$TMP/flood.txt"
stderr_has "$TMP/none: cannot use it as the data directory"
expect_exit 2 "--data without a value" -- "$CB" extract "$TMP/flood.txt" --data
expect_exit 0 "the folder works again" -- "$CB" --data "$DIR" extract "$TMP/flood.txt"

# (d) no folder, an empty one and a copy of data/ (its model, NOTICE and README left alone): same output
EX="$SRC/examples/articles"
"$CB" extract --format json "$EX" > "$TMP/ext0.json"
"$CB" report --format json "$EX" > "$TMP/rep0.json"
mkdir "$TMP/none-here"
cp -r "$SRC/data" "$TMP/copy"
for d in "$TMP/none-here" "$TMP/copy"; do
  "$CB" --data "$d" extract --format json "$EX" > "$TMP/ext1.json"
  "$CB" --data "$d" report --format json "$EX" > "$TMP/rep1.json"
  check "extract: same output with --data $(basename "$d")" cmp -s "$TMP/ext0.json" "$TMP/ext1.json"
  check "report: same output with --data $(basename "$d")" cmp -s "$TMP/rep0.json" "$TMP/rep1.json"
done

# every table emptied: empty lexicons, on purpose; the tool still runs
mkdir "$TMP/empty"
(cd "$SRC/data" && find . -type f ! -path './syntax/*' ! -name NOTICE ! -name '*.md') | while read -r f; do
  mkdir -p "$TMP/empty/$(dirname "$f")"; : > "$TMP/empty/$f"
done
expect_exit 0 "every table empty: extract" -- "$CB" --data "$TMP/empty" extract "$EX"
expect_exit 0 "every table empty: report" -- "$CB" --data "$TMP/empty" report --format json "$EX"
finish
