#!/usr/bin/env bash
# warc.sh - `corroborate ingest` of the Common Crawl sample WARC (gzip, multi-member) loads
# the page it holds with its URL and date; the WET file gives the same page as text.
. "$(dirname "$0")/lib.bash"
expect_exit 0 "ingest the WARC" -- "$CB" ingest "$SHARED/data/warc/whirlwind.warc.gz"
stderr_has "1 new article, 0 already stored, 0 problems"
"$CB" articles --format json > "$TMP/a.json"
check "one article with its URL" test "$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), a[0]["url"])' "$TMP/a.json")" = "1 https://an.wikipedia.org/wiki/Escopete"
check "with a date" python3 -c 'import json,sys,re; a=json.load(open(sys.argv[1])); sys.exit(0 if re.match(r"\d{4}-\d\d-\d\d", a[0]["published"] or "") else 1)' "$TMP/a.json"
"$CB" show --format json 1 > "$TMP/show.json"
check "the fetch date is kept" python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s["extra"].get("fetched","").startswith("2024-05-18") else 1)' "$TMP/show.json"
expect_exit 0 "ingest the WET" -- "$CB" ingest "$SHARED/data/warc/whirlwind.warc.wet.gz"
stderr_has "1 new article"
finish
