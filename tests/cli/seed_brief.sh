#!/usr/bin/env bash
# seed_brief.sh - the brief of the seed story, checked by ../shared/tools/check-seed-brief
# (sections 2-5 of ../shared/gold/seeds.md). The run must find at least the items listed
# in MUST below; the checker's own score is printed for the record.
. "$(dirname "$0")/lib.bash"
SEEDS="$SHARED/corpus/seeds"
expect_exit 0 "report seeds" -- "$CB" report --format json --output "$TMP/brief.json" "$SEEDS"/*.txt
python3 "$SHARED/tools/check-seed-brief" "$TMP/brief.json" > "$TMP/check.txt"
cat "$TMP/check.txt"
MUST=("3 killed >=83" "4 former President conflict" "5 tone quote variant"
      "6 dialogue quote variant" "7 designation 2025-11-24" "8 Rubio on the call" "9 meeting discussed" "10 VTV = Venezolana de Television" "11 amnesty"
      "names: Maduro diacritics" "names: Higgseth misspelling"
      "names: Cartel of the Suns" "flag: 2024 in 001" "flag: former in 001" "single: \$50 million (003)"
      "single: 14,407 (001)" "single: 4.5 million (002)" "single: 266 deportees (001)" "one story")
# Lost when the hand-made synonym classes were removed (issue 10: they were fitted to these
# articles) and not yet won back by a general mechanism; listed, not asserted (7, the
# designation, is back: "announced" and "declared" share a WordNet synset, and both say who):
#   1 call date compatible   "took place" / "spoke" / "phone call": one event in other words
#   2 boats compatible       "20 boats" / "22 vessels" / "21 strikes": one strike per boat is inference
#   12 Trump confirmed       the fact rests on the event "confirmed" across two wordings
#   13 August order          "directive" / "executive order": not synonyms in WordNet
for item in "${MUST[@]}"; do
  if grep -qF "ok       $item" "$TMP/check.txt"; then ok; else bad "seed brief item missing: $item"; fi
done
finish
