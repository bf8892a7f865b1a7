#!/usr/bin/env bash
# serve.sh - `corroborate serve` over loopback with curl: the JSON API (stories newest first,
# search hits and misses, filters, a story, its brief as JSON and HTML, an article with its
# dropped boilerplate), ingest by POST (the story changes; the same article again is known),
# the errors (400, 401, 404, 405, 413, 429) as JSON, path traversal attempts (404, no file
# read), the security headers, the refusal to listen beyond loopback without a token, and
# SIGTERM (exit 0, also during an ingest, and the store still reads).
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/serve_lib.bash"
trap 'serve_cleanup; rm -rf "$TMP"' EXIT
C=(curl -s --noproxy '*' --max-time 60)
# get PATH [curl options...]: the body in $TMP/body, the status in $code, headers in $TMP/head
get() {
  local p="$1"; shift
  code=$("${C[@]}" -D "$TMP/head" -o "$TMP/body" -w '%{http_code}' "$@" "$BASE$p")
}
# j EXPR: a Python expression over the JSON body d
j() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"
}
is() {
  local what="$1" want="$2" got="$3"
  if [ "$got" = "$want" ]; then ok; else bad "$what: got '$got', want '$want'"; fi
}
error_json() { test "$(j '"error" in d and isinstance(d["error"], str)' 2>/dev/null)" = True; }

expect_exit 0 "ingest the examples and seeds" -- \
  "$CB" ingest -q "$SRC"/examples/articles "$SHARED"/corpus/seeds
check "server starts" serve_start

# ---- the app and the headers -------------------------------------------------------------
get /; is "GET /" 200 "$code"
check "the app is HTML" grep -qi '^content-type: text/html' "$TMP/head"
check "a strict CSP" grep -qi "^content-security-policy: default-src 'none'; script-src 'self'" "$TMP/head"
check "nosniff" grep -qi '^x-content-type-options: nosniff' "$TMP/head"
get /app.js; is "GET /app.js" 200 "$code"
check "the script escapes with textContent" grep -q textContent "$TMP/body"
get /app.css; is "GET /app.css" 200 "$code"
get / -I; is "HEAD /" 200 "$code"

# ---- stories, search, filters ----------------------------------------------------------------
get /api/stories; is "GET /api/stories" 200 "$code"
n=$(j 'd["count"]'); check "stories listed ($n)" test "$n" -ge 5
lasts='[s["last"] or "" for s in d["stories"]]'
check "newest first" test "$(j "$lasts == sorted($lasts, reverse=True)")" = True
FERRY=$(j '[s["id"] for s in d["stories"] if "ferry" in s["headline"].lower()][0]')
FERRY_N=$(j "[s['articles'] for s in d['stories'] if s['id'] == $FERRY][0]")
get '/api/stories?q=ferry'; is "search ferry" 200 "$code"
is "search ferry finds the ferry story" "[$FERRY]" "$(j '[s["id"] for s in d["stories"]]')"
get '/api/search?q=FERRY+varo'
is "/api/search, two words" "[$FERRY]" "$(j '[s["id"] for s in d["stories"]]')"
get '/api/search?q=zzqxnotaword'; is "search miss" 0 "$(j 'd["count"]')"
get '/api/search?q=%22ferry%22+OR+NEAR(x'; is "FTS5 syntax is plain words" 200 "$code"
is "FTS5 syntax finds nothing" 0 "$(j 'd["count"]')"
get '/api/stories?from=2026-03-01&to=2026-03-31'; is "date range" 200 "$code"
check "date range keeps the ferry story" test "$(j "$FERRY in [s['id'] for s in d['stories']]")" = True
check "date range drops the 2025 story" \
  test "$(j '[s for s in d["stories"] if (s["last"] or "") < "2026-03"]')" = "[]"
get '/api/stories?limit=1&offset=1'; is "limit" 1 "$(j 'len(d["stories"])')"
for bad in 'limit=abc' 'limit=0' 'offset=-1' 'from=2026-3-1' 'to=yesterday' 'nope=1'; do
  get "/api/stories?$bad"; is "400 for $bad" 400 "$code"
  check "JSON error for $bad" error_json
done

# ---- a story, its brief, an article ------------------------------------------------------------
get "/api/stories/$FERRY"; is "GET a story" 200 "$code"
is "its members" "$FERRY_N" "$(j 'len(d["members"])')"
ART=$(j 'd["members"][0]["id"]')
get "/api/stories/$FERRY/brief"; is "the JSON brief" 200 "$code"
check "the JSON brief has the story" test "$(j 'len(d["stories"])')" = 1
get "/stories/$FERRY/brief"; is "the HTML brief" 200 "$code"
check "the HTML brief is a page" grep -q '<html' "$TMP/body"
check "the brief keeps its own CSP" grep -q 'Content-Security-Policy' "$TMP/body"
get "/api/articles/$ART"; is "GET an article" 200 "$code"
check "the article has its dropped boilerplate" test "$(j '"dropped" in d and "body" in d')" = True
for p in /api/stories/999999 /api/stories/0 /api/stories/01 /api/stories/1x /api/articles/999999 \
         /api/articles/-1 /api/articles/1/ /stories/999999/brief /api/nothing /nothing \
         /api/stories/99999999999999999999; do
  get "$p"; is "404 for $p" 404 "$code"
  check "JSON error for $p" error_json
done

# ---- path traversal ------------------------------------------------------------------------------
for p in '/api/articles/../../etc/passwd' '/api/articles/%2e%2e/%2e%2e/etc/passwd' '/../../../etc/passwd' \
         '/%2e%2e/%2e%2e/etc/passwd' '/app.js/../../../../etc/passwd' '/stories/1/brief/../../../etc/passwd' \
         '/%2fetc%2fpasswd' '/api/articles/1%00' '//etc/passwd' '/index.html/..%2f..%2fetc%2fpasswd'; do
  get "$p" --path-as-is; is "traversal $p" 404 "$code"
  check "no file content for $p" bash -c "! grep -q 'root:' '$TMP/body'"
done

# ---- methods --------------------------------------------------------------------------------------
get /api/stories -X POST; is "POST /api/stories" 405 "$code"
check "405 names the allowed methods" grep -qi '^allow: GET, HEAD' "$TMP/head"
get /api/ingest; is "GET /api/ingest" 405 "$code"
check "405 allows POST" grep -qi '^allow: POST' "$TMP/head"
get /api/ingest -X PUT --data x; is "PUT /api/ingest" 405 "$code"
get "/api/articles/$ART" -X DELETE; is "DELETE an article" 405 "$code"

# ---- ingest ----------------------------------------------------------------------------------------
cat >"$TMP/ferry.txt" <<'ART'
Lake Varo ferry: survivors describe the night MV Tulia capsized

KASENDA, March 10 (Test Wire) - Survivors of the MV Tulia ferry that capsized on Lake Varo
on Sunday described strong winds and a sudden storm. The ferry was carrying 163 passengers,
the Lake Varo Transport Authority said, and more than 20 people died.
"The boat turned over in seconds," one survivor said in Kasenda.
ART
TP=(-H 'Content-Type: text/plain')
get '/api/ingest?name=ferry-test.txt' "${TP[@]}" --data-binary @"$TMP/ferry.txt"
is "POST an article" 200 "$code"
is "one article added" 1 "$(j 'd["added"]')"
NEW_STORY=$(j 'd["articles"][0]["story"]')
get "/api/stories/$NEW_STORY"; is "its story" 200 "$code"
check "the story changed (joined: one more article, or a new story)" \
  test "$(j "(d['id'] == $FERRY and len(d['members']) == $FERRY_N + 1) or $NEW_STORY != $FERRY")" = True
get '/api/search?q=survivors+describe'; check "the new article is searchable" test "$(j 'd["count"]')" -ge 1
get '/api/ingest?name=ferry-test.txt' "${TP[@]}" --data-binary @"$TMP/ferry.txt"
is "the same again" 200 "$code"
is "the same again is known" "0 1" "$(j '"%d %d" % (d["added"], d["known"])')"
get '/api/ingest' --data-urlencode "text@$TMP/ferry.txt"; is "a form with a text field" 200 "$code"
is "the form's article is known" 1 "$(j 'd["known"]')"
get '/api/ingest' "${TP[@]}" --data-binary ''; is "an empty body" 400 "$code"
check "JSON error for an empty body" error_json
head -c 3000 /dev/urandom >"$TMP/bin"
get '/api/ingest' "${TP[@]}" --data-binary @"$TMP/bin"; is "a binary body" 400 "$code"
get '/api/ingest?format=pdf' "${TP[@]}" --data-binary @"$TMP/ferry.txt"; is "a bad format" 400 "$code"
head -c $((9 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$TMP/big"
get '/api/ingest' "${TP[@]}" --data-binary @"$TMP/big"; is "a body over 8 MiB" 413 "$code"
check "JSON error for 413" error_json
get '/api/ingest' "${TP[@]}" -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big"
is "chunked over 8 MiB" 413 "$code"

# ---- SIGTERM during an ingest: exit 0, the store reads, the article all there or not at all -----
before=$("$CB" articles | wc -l)
{ sed 's/Survivors/Witnesses/; s/163/164/' "$TMP/ferry.txt"; } >"$TMP/ferry2.txt"
"${C[@]}" -o /dev/null "${TP[@]}" --data-binary @"$TMP/ferry2.txt" "$BASE/api/ingest?name=late.txt" &
sleep 0.05
serve_stop
wait
is "SIGTERM: exit 0" 0 "$SERVE_RC"
expect_exit 0 "the store reads after SIGTERM" -- "$CB" stories
after=$("$CB" articles | wc -l)
check "the late article is all there or not at all ($before -> $after)" \
  test "$after" -ge "$before" -a "$after" -le $((before + 1))

# ---- token, rate, bind ------------------------------------------------------------------------
check "server with a token starts" serve_start --token s3cret --write-rate 2
get '/api/ingest' "${TP[@]}" --data-binary @"$TMP/ferry.txt"; is "no token: 401" 401 "$code"
check "401 asks for a bearer token" grep -qi '^www-authenticate: Bearer' "$TMP/head"
get '/api/ingest' "${TP[@]}" -H 'Authorization: Bearer wrong' --data-binary @"$TMP/ferry.txt"
is "bad token: 401" 401 "$code"
get '/api/stories'; is "reads need no token" 200 "$code"
A=(-H 'Authorization: Bearer s3cret')
get '/api/ingest' "${TP[@]}" "${A[@]}" --data-binary @"$TMP/ferry.txt"; is "the token: 200" 200 "$code"
get '/api/ingest' "${TP[@]}" "${A[@]}" --data-binary @"$TMP/ferry.txt"; is "second write: 200" 200 "$code"
get '/api/ingest' "${TP[@]}" "${A[@]}" --data-binary @"$TMP/ferry.txt"
is "third write a minute: 429" 429 "$code"
check "429 says when to retry" grep -qi '^retry-after: [0-9]' "$TMP/head"
serve_stop; is "second server: exit 0" 0 "$SERVE_RC"
expect_exit 2 "beyond loopback without a token" -- "$CB" serve --bind 0.0.0.0 --port 0
stderr_has "not a loopback address"
expect_exit 2 "a bad address" -- "$CB" serve --bind example.org --port 0
expect_exit 2 "a bad port" -- "$CB" serve --port 70000
expect_exit 0 "serve --help" -- "$CB" serve --help
stdout_has "--token"
finish
