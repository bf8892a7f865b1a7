#!/usr/bin/env bash
# eval_quantities_unseen.sh - the by-reference labels of real PolNeAR sentences
# (eval/quantities/unseen/): labels.json holds no text, build.py verifies every sentence's
# SHA-1 against ../shared and its counts match the README's table, and the built dev file
# scores with `corroborate eval quantities`. The ../shared part is skipped when absent.
. "$(dirname "$0")/lib.bash"
U="$SRC/eval/quantities/unseen"
TEXT="$SHARED/data/quotes/polnear/train/text"
check "labels.json parses and holds no sentence text" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sentences"]
assert len(s) > 0 and all("text" not in x for x in s)
assert all(set(x) >= {"file", "start", "end", "sha1", "split", "quantities"} for x in s)
assert not ({x["file"] for x in s if x["split"] == "dev"} & {x["file"] for x in s if x["split"] == "test"})
' "$U/labels.json"
expect_exit 2 "build.py refuses to write inside the repository" -- \
  python3 "$U/build.py" --text "$SRC" --out "$U/out.json"
check "nothing written inside the repository" test ! -e "$U/out.json"
if [ ! -d "$TEXT" ]; then
  echo "skip: $TEXT absent, hashes and counts not checked"
  finish
fi
# the README's counts table: | sentences | all | dev | test | and | quantities | ... |
row() { grep -E "^\| $1 \|" "$U/README.md" | tr -d ' ' | cut -d'|' -f3-5 | tr '|' ' '; }
read -r s_all s_dev s_test <<<"$(row sentences)"
read -r q_all q_dev q_test <<<"$(row quantities)"
check "README has the counts table" test -n "$s_all" -a -n "$q_test"
i=0
for split in all dev test; do
  sents=($s_all $s_dev $s_test); quants=($q_all $q_dev $q_test)
  expect_exit 0 "build.py --check --split $split" -- python3 "$U/build.py" --text "$TEXT" --check --split "$split"
  stdout_has "hashes verified"
  check "$split: ${sents[$i]} sentences as in README" grep -q "^split $split: ${sents[$i]} sentences " "$TMP/out"
  check "$split: ${quants[$i]} quantities as in README" grep -q ", ${quants[$i]} quantities," "$TMP/out"
  i=$((i + 1))
done
expect_exit 0 "build.py writes the dev file" -- python3 "$U/build.py" --text "$TEXT" --split dev --out "$TMP/dev.json" --quiet
check "dev file has $s_dev sentences and $q_dev quantities" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) == int(sys.argv[2]) and sum(len(x["quantities"]) for x in d) == int(sys.argv[3])
assert all(set(q) == {"value", "normalized_unit", "change"} for x in d for q in x["quantities"])
' "$TMP/dev.json" "$s_dev" "$q_dev"
# a changed byte in one text is caught: copy the texts, alter the first sentence's file
mkdir -p "$TMP/text" && cp "$TEXT"/*.txt "$TMP/text/"
f=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["sentences"][0]; print(s["file"], s["start"])' "$U/labels.json")
python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); o=int(sys.argv[2]); b[o]=(b[o]^1); open(p,"wb").write(b)' "$TMP/text/${f% *}" "${f#* }"
expect_exit 1 "a drifted text fails the hash check" -- python3 "$U/build.py" --text "$TMP/text" --check
stderr_has "SHA-1 differs"
expect_exit 0 "eval quantities on the unseen dev file" -- "$CB" eval quantities "$TMP/dev.json"
check "value+change scored against $q_dev gold" grep -q "value+change .*, $q_dev gold," "$TMP/out"
finish
