#!/usr/bin/env bash
# warc.sh - `corroborate ingest` of the Common Crawl sample WARC (gzip, multi-member) loads
# the page it holds with its URL and date; the WET file gives the same page as text. A
# WARC written here keeps its records' crawl time (WARC-Date) as `fetched`, beside the
# page's own date, in the store, `articles`, `show` and the report JSON; other input has
# none (null).
. "$(dirname "$0")/lib.bash"
expect_exit 0 "ingest the WARC" -- "$CB" ingest "$SHARED/data/warc/whirlwind.warc.gz"
stderr_has "1 new article, 0 already stored, 0 problems"
"$CB" articles --format json > "$TMP/a.json"
check "one article with its URL" test "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), a[0]["url"])' "$TMP/a.json")" = "1 https://an.wikipedia.org/wiki/Escopete"
check "with a date" python3 -c 'import json,sys,re; a=json.load(open(sys.argv[1])); sys.exit(0 if re.match(r"\d{4}-\d\d-\d\d", a[0]["published"] or "") else 1)' "$TMP/a.json"
check "with its fetch time" python3 -c '
import json, sys
a = json.load(open(sys.argv[1])); assert (a[0]["fetched"] or "").startswith("2024-05-18T")' "$TMP/a.json"
"$CB" show --format json 1 > "$TMP/show.json"
check "the fetch date is kept, as a field" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["fetched"].startswith("2024-05-18T") and "fetched" not in s["extra"]
' "$TMP/show.json"
expect_exit 0 "ingest the WET" -- "$CB" ingest "$SHARED/data/warc/whirlwind.warc.wet.gz"
stderr_has "1 new article"

# a WARC written here: one HTML response record whose page states its own date
export CORROBORATE_DB="$TMP/fetched.db"
page='<html><head><title>Dam repairs begin in Riverton</title>
<meta property="article:published_time" content="2025-03-01T09:00:00Z"></head><body><article>
<p>Work on the Riverton dam began on Saturday, the water board said.</p>
<p>The repairs will cost $4 million and take six months, officials said.</p></article></body></html>'
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$page")
len=$(printf '%s' "$http" | LC_ALL=C wc -c)
{ printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://c.example/dam\r\n'
  printf 'WARC-Date: 2025-03-04T05:06:07Z\r\nContent-Type: application/http; msgtype=response\r\n'
  printf 'Content-Length: %d\r\n\r\n%s\r\n\r\n' "$len" "$http"; } > "$TMP/dam.warc"
printf 'Dam repairs begin\n\nMarch 2, 2025\n\nWork on the Riverton dam began on Saturday, the board said.\n' \
  > "$TMP/dam.txt"
expect_exit 0 "ingest the written WARC and a text file" -- "$CB" ingest "$TMP/dam.warc" "$TMP/dam.txt"
stderr_has "2 new articles, 0 already stored, 0 problems"
"$CB" articles --format json > "$TMP/a.json"
check "articles: fetched from WARC-Date, published from the page, null for text" python3 -c '
import json, sys
a = {r["format"]: r for r in json.load(open(sys.argv[1]))}
assert a["warc"]["fetched"] == "2025-03-04T05:06:07Z", a["warc"]
assert a["warc"]["published"].startswith("2025-03-01"), a["warc"]
assert a["text"]["fetched"] is None, a["text"]' "$TMP/a.json"
wid=$(python3 -c '
import json, sys
print([r["id"] for r in json.load(open(sys.argv[1])) if r["format"] == "warc"][0])' "$TMP/a.json")
expect_exit 0 "show the WARC article" -- "$CB" show "$wid"
stdout_has "^fetched  *2025-03-04T05:06:07Z"
expect_exit 0 "report from the store" -- "$CB" report --format json
check "report: articles[].fetched" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = sorted((a["fetched"] or "-") for a in d["articles"])
assert f == ["-", "2025-03-04T05:06:07Z"], f' "$TMP/out"
expect_exit 0 "report from the files" -- "$CB" report --format json "$TMP/dam.warc"
check "report without a store: fetched" python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); assert d["articles"][0]["fetched"] == "2025-03-04T05:06:07Z"' "$TMP/out"
finish
