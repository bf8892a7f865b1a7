#!/usr/bin/env bash
# html_chromium.sh - the HTML brief in headless Chromium (Debian package `chromium`): the
# seed story's page loads with no console messages and its own script runs (it sets
# data-cb-ready), the screenshot is not blank, and a hostile article's scripts, event
# handlers and javascript: links do not run. Fails (does not skip) without Chromium.
# CB_SCREENSHOT_OUT=path keeps the seed screenshot (docs/brief-seeds.png).
. "$(dirname "$0")/lib.bash"
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  echo "FAIL: chromium is not installed; install the Debian package 'chromium' (scripts/install-deps does)" >&2
  exit 1
fi
SEEDS="$SHARED/corpus/seeds"
[ -d "$SEEDS" ] || { echo "FAIL: no seeds at $SEEDS" >&2; exit 1; }
PROFILE=$(mktemp -d)
trap 'rm -rf "$TMP" "$PROFILE"' EXIT
browse() {   # browse URL extra-flags... ; stdout and stderr of chromium go to the caller
  local url="$1"; shift
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$PROFILE" \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 "$@" "$url"
}
no_console() {   # no page console output, no uncaught errors, no CSP refusals
  ! grep -E 'CONSOLE|Uncaught|Refused to' "$1"
}

expect_exit 0 "seeds brief" -- "$CB" report --format html -o "$TMP/seeds.html" "$SEEDS"/*.txt
browse "file://$TMP/seeds.html" --dump-dom >"$TMP/dom.html" 2>"$TMP/log.txt"
check "page loads and its script runs" grep -q 'data-cb-ready="[1-9]' "$TMP/dom.html"
check "no console errors" no_console "$TMP/log.txt"
check "matrix present after load" grep -q 'class="c v-' "$TMP/dom.html"

browse "file://$TMP/seeds.html" --window-size=1280,1800 --hide-scrollbars --screenshot="$TMP/shot.png" >/dev/null 2>"$TMP/log2.txt"
check "screenshot written" test -s "$TMP/shot.png"
colours=$(python3 "$(dirname "$0")/png_colours.py" "$TMP/shot.png" 2>"$TMP/png.err" || echo 0)
check "screenshot is not blank ($colours colours)" test "$colours" -ge 16
[ -n "${CB_SCREENSHOT_OUT:-}" ] && cp "$TMP/shot.png" "$CB_SCREENSHOT_OUT"

mkdir -p "$TMP/hostile"
cat > "$TMP/hostile/h.txt" <<'ART'
Ferry capsizes with 163 on board

The ferry capsized on Sunday with 163 passengers, officials said. <script>document.documentElement.setAttribute('data-pwned','script')</script>

"We will not rest," the governor said. <img src=x onerror="document.documentElement.setAttribute('data-pwned','img')"> <svg onload="document.documentElement.setAttribute('data-pwned','svg')"></svg>

Read <a href="javascript:document.documentElement.setAttribute('data-pwned','link')">more</a> &amp &#xZZ; &lt;b&gt; </div></pre></section><script nonce="x">document.documentElement.setAttribute('data-pwned','nonce')</script>
ART
cp "$TMP/hostile/h.txt" "$TMP/hostile/h2.txt"
expect_exit 0 "hostile brief" -- "$CB" report --format html -o "$TMP/hostile.html" "$TMP/hostile"
browse "file://$TMP/hostile.html" --dump-dom >"$TMP/hdom.html" 2>"$TMP/hlog.txt"
check "hostile page loads" grep -q 'data-cb-ready=' "$TMP/hdom.html"
check "no article script ran" bash -c "! grep -q 'data-pwned=\"' '$TMP/hdom.html'"
check "article script shown as text" grep -q "&lt;script&gt;document.documentElement.setAttribute" "$TMP/hdom.html"
check "no console errors on the hostile page" no_console "$TMP/hlog.txt"
finish
