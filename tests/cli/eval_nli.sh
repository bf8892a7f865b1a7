#!/usr/bin/env bash
# eval_nli.sh - `corroborate eval nli` on the project's own sentence pairs
# (tests/fixtures/nli/pairs.csv, news-style, written for this test): each pair's predicted
# label where the engine is right today, the summary lines' format, --help, and a CSV with
# bad rows (each reported with its file and line, the good rows still scored, exit 1).
. "$(dirname "$0")/lib.bash"
F="$SRC/tests/fixtures/nli/pairs.csv"
check "fixture present" test -s "$F"
expect_exit 0 "eval nli on the fixture" -- "$CB" eval nli "$F" --each
stdout_has "pairs.csv: 3 classes$"
ACC='^pairs 14  accuracy [01]\.[0-9]{3}  majority 0\.429 \(entailment\)$'
check "accuracy line" grep -qE "$ACC" "$TMP/out"
check "one-story line" grep -qE '^one story: [0-9]+ of 14 \([0-9.]+%\); hypothesis read as a copy' "$TMP/out"
stdout_has "^confusion (rows gold, columns predicted):"
check "time line" grep -qE '^time: [0-9.]+ s \(' "$TMP/out"
# predicted label per CSV line (near-copy sentences count as one source; their figures are
# still compared, each with the figure in its place)
pred() {
  if grep -q "^pair line $1: gold $2 predicted $2:" "$TMP/out"; then ok
  else bad "line $1: want $2: $(grep "^pair line $1:" "$TMP/out")"; fi
}
pred 2 entailment      # 12 killed / more than 10 killed
pred 3 contradiction   # 12 / fewer than 5
pred 4 neutral         # at least 12 / 12: the premise is wider
pred 5 entailment      # 12 / at least 12 killed (a near copy)
pred 6 contradiction   # 40 / 25 protesters arrested
pred 7 entailment      # 3,000 / about 3,000 jobs (a near copy)
pred 8 neutral         # about 3,000 / 3,000
pred 9 entailment      # 85 / between 80 and 90 homes
pred 10 entailment     # $45 million / less than $50 million
pred 11 contradiction  # 64 / 58 percent turnout
pred 12 contradiction  # 163 / 136 passengers
pred 13 neutral        # more than 200 / 250 injured
pred 14 neutral        # two unrelated sentences: two stories
pred 15 entailment     # 230 / more than 200 homes, 75 / 75 bridges: each figure in its place
check "unrelated pair split, related pairs one story" grep -q '^one story: 13 of 14 ' "$TMP/out"
# the mapping is explained
expect_exit 0 "eval nli --help" -- "$CB" eval nli --help
stdout_has "contradiction  a quantity or date finding"
stdout_has "premise's interval"
# a 2-class file: a predicted contradiction counts as neutral
{
  echo 'premise,hypothesis,label'
  echo '"The ferry carried 163 passengers.","The ferry carried 136 passengers.",neutral'
  echo '"The storm killed 12 people in the towns.","The storm killed more than 10 people in the towns.",entailment'
} >"$TMP/two.csv"
expect_exit 0 "eval nli on a 2-class file" -- "$CB" eval nli "$TMP/two.csv" --each
stdout_has "two.csv: 2 classes$"
check "no contradiction predicted in 2 classes" sh -c "! grep -q 'predicted contradiction' '$TMP/out'"
check "no contradiction row in 2 classes" sh -c "! grep -q '^  contradiction' '$TMP/out'"
# bad CSV: each bad row named with its line, the rest scored, exit 1
B="$TMP/bad.csv"
{
  echo 'premise,hypothesis,label,sample_index'
  echo '"The storm killed 12 people in the towns.","The storm killed fewer than 5 people in the towns.",'\
'contradiction,0'
  echo '"only two fields",entailment'
  echo '"The dam holds 40 tonnes.","The dam holds 30 tonnes.",maybe,2'
  echo '"The ferry carried 163 passengers."x,"The ferry carried 136 passengers.",contradiction,3'
  echo '"Police arrested 40 protesters in the square.","Police arrested 25 protesters in the square.",'\
'contradiction,4'
  printf '"an unclosed quote,neutral,5\n'
} >"$B"
expect_exit 1 "eval nli on a CSV with bad rows" -- "$CB" eval nli "$B"
stderr_has "bad.csv:3: 2 fields, the header has 4"
stderr_has "bad.csv:4: unknown label 'maybe'"
stderr_has "bad.csv:5: characters after a closing quote"
stderr_has "bad.csv:7: a quoted field is not closed"
stdout_has "^pairs 2  accuracy [01]\.[0-9]* "
expect_exit 1 "eval nli on a missing file" -- "$CB" eval nli "$TMP/nope.csv"
stderr_has "nope.csv: cannot read"
printf 'a,b\n1,2\n' >"$TMP/nohead.csv"
expect_exit 1 "eval nli on a CSV without the columns" -- "$CB" eval nli "$TMP/nohead.csv"
stderr_has "nohead.csv:1: no header with premise, hypothesis and label"
expect_exit 2 "eval nli without a file" -- "$CB" eval nli
finish
