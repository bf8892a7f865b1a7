#!/usr/bin/env bash
# serve_browser.sh - the web app of `corroborate serve` in a real browser: tests/browser/
# serve.test.js (npm playwright-core, installed by scripts/install-deps) drives Debian
# chromium against the server over loopback: list, search, a story, its brief, an article,
# paste an article and see its story change, upload a file (a new story), a hostile article
# shown as text. Fails (does not skip) without chromium or node_modules.
# CB_SCREENSHOT_OUT=dir keeps docs/serve-list.png and docs/serve-brief.png.
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/serve_lib.bash"
trap 'serve_cleanup; rm -rf "$TMP"' EXIT
CHROME=$(command -v chromium || command -v chromium-browser || true)
BROWSER="$SRC/tests/browser"
[ -n "$CHROME" ] || { echo "FAIL: chromium is not installed (scripts/install-deps installs it)" >&2; exit 1; }
command -v node >/dev/null || { echo "FAIL: node is not installed" >&2; exit 1; }
[ -d "$BROWSER/node_modules/playwright-core" ] || {
  echo "FAIL: no $BROWSER/node_modules: run scripts/install-deps (npm ci --prefix tests/browser)" >&2
  exit 1
}

expect_exit 0 "ingest the examples and seeds" -- \
  "$CB" ingest -q "$SRC"/examples/articles "$SHARED"/corpus/seeds
check "server starts" serve_start
SHOTS=""
[ -n "${CB_SCREENSHOT_OUT:-}" ] && SHOTS="$CB_SCREENSHOT_OUT"
CHROMIUM="$CHROME" timeout 180 node "$BROWSER/serve.test.js" "$BASE" $SHOTS >"$TMP/out" 2>"$TMP/err"
rc=$?
cat "$TMP/err" >&2
check "browser walk-through passes ($(tail -1 "$TMP/out"))" test "$rc" = 0
serve_stop
check "server stops on SIGTERM with exit 0 (got $SERVE_RC)" test "$SERVE_RC" = 0
finish
