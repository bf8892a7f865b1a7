#!/usr/bin/env bash
# serve_load.sh - a short run of bench/serve_load (3 s, loopback): 32 readers (list, search,
# story, brief) while one writer ingests, with no error and the server exiting 0 on SIGTERM.
# No timing is asserted (the figures in README.md come from a 20 s run).
. "$(dirname "$0")/lib.bash"
python3 "$SRC/bench/serve_load" --corroborate "$CB" --seconds 3 --readers 32 --shared "$SHARED" \
  >"$TMP/out" 2>"$TMP/err"
rc=$?
cat "$TMP/out"
check "load test: exit 0 (stderr: $(head -c 300 "$TMP/err"))" test "$rc" = 0
check "load test: no errors" grep -q ', 0 errors, server exit 0' "$TMP/out"
check "load test: the writer ingested" grep -Eq '^  ingest +[1-9]' "$TMP/out"
finish
