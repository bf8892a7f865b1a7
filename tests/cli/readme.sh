#!/usr/bin/env bash
# readme.sh - the commands of the README's "What it does" run as written from a checkout
# after `make demo`: each line of that block is run in a scratch folder that holds the
# checkout's examples/ and this build's tool as build/corroborate, on a scratch store.
. "$(dirname "$0")/lib.bash"
README="$SRC/README.md"
awk '/^## What it does/ { on = 1; next } on && /^```sh/ { code = 1; next } code && /^```/ { exit }
     code { print }' "$README" >"$TMP/commands"
check "the README has the commands" test "$(grep -c '^build/corroborate ' "$TMP/commands")" -ge 5
check "every command runs build/corroborate" test -z "$(grep -v '^build/corroborate ' "$TMP/commands")"
W="$TMP/checkout"
mkdir -p "$W/build"
ln -s "$SRC/examples" "$W/examples"
ln -s "$CB" "$W/build/corroborate"
n=0
while IFS= read -r line; do
  n=$((n + 1))
  cmd="${line%%#*}"   # without its comment
  (cd "$W" && eval "$cmd") >"$TMP/out" 2>"$TMP/err"
  rc=$?
  check "README command $n exits 0 ($rc): $cmd $(head -c 300 "$TMP/err")" test "$rc" = 0
  case "$cmd" in
    *" -o "*) ;;   # writes a file, checked below
    *) check "README command $n prints something: $cmd" test -s "$TMP/out" -o -s "$TMP/err";;
  esac
done <"$TMP/commands"
check "the HTML brief was written" grep -q "<html" "$W/brief.html"
finish
