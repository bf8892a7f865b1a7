# parse.sh - `corroborate parse` and `corroborate eval parse`: CoNLL-U out of plain text,
# and the marks on UD English EWT test with gold tokens (UPOS >= 95.0, UAS >= 86.0,
# LAS >= 83.0). The treebank part is skipped when ../shared is absent.
source "$(dirname "$0")/lib.bash"

printf 'The minister did not comment. Police arrested 12 people.\n' > "$TMP/a.txt"
expect_exit 0 "parse a file" -- "$CB" parse "$TMP/a.txt"
stdout_has "# text = The minister did not comment."
stdout_has "# text = Police arrested 12 people."
check "ten columns" awk -F'\t' '/^[0-9]/ && NF != 10 {exit 1}' "$TMP/out"
check "one root per sentence" test "$(awk -F'\t' '$7 == "0"' "$TMP/out" | wc -l)" = 2
expect_exit 0 "parse stdin" -- bash -c "echo \"They can't go.\" | '$CB' parse -"
stdout_has "ca	can	AUX"
stdout_has "n't	not	PART"
expect_exit 0 "parse --help" -- "$CB" parse --help
stdout_has "usage: corroborate parse"
expect_exit 2 "parse without files" -- "$CB" parse
expect_exit 1 "parse a missing file" -- "$CB" parse "$TMP/missing.txt"
expect_exit 0 "eval parse --help" -- "$CB" eval parse --help

GOLD="$SHARED/data/ud/en_ewt/en_ewt-ud-test.conllu"
if [ ! -r "$GOLD" ]; then
  echo "skip: $GOLD absent, treebank scores not checked"
  finish
fi
expect_exit 0 "eval parse EWT test" -- "$CB" eval parse "$GOLD"
cat "$TMP/out"
score() { awk -F'|' -v m="$1" '$1 ~ "^"m" " {gsub(/ /, "", $4); print $4}' "$TMP/out"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 >= b + 0)}'; }
check "UPOS $(score UPOS) >= 95.0" at_least "$(score UPOS)" 95.0
check "UAS $(score UAS) >= 86.0" at_least "$(score UAS)" 86.0
check "LAS $(score LAS) >= 83.0" at_least "$(score LAS)" 83.0
finish
