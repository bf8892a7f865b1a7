#!/usr/bin/env bash
# seeds.sh - ingesting the five seed articles gives the title, outlet, date (stated or an
# inferred bound) and dropped noise of section 1 of ../shared/gold/seeds.md; a second
# ingest adds nothing.
. "$(dirname "$0")/lib.bash"
SEEDS="$SHARED/corpus/seeds"
[ -d "$SEEDS" ] || { echo "no seeds at $SEEDS" >&2; exit 1; }
expect_exit 0 "ingest seeds" -- "$CB" ingest "$SEEDS"
stderr_has "5 new articles, 0 already stored, 0 problems"
expect_exit 0 "ingest again" -- "$CB" ingest "$SEEDS"
stderr_has "0 new articles, 5 already stored, 0 problems"
"$CB" articles --format json > "$TMP/articles.json"
for i in 1 2 3 4 5; do "$CB" show --format json $i > "$TMP/show$i.json"; done
python3 - "$TMP" <<'PY'
import json, os, sys
tmp = sys.argv[1]
arts = {os.path.basename(a['file'])[:3]: a for a in json.load(open(f"{tmp}/articles.json"))}
shows = {}
for i in range(1, 6):
    s = json.load(open(f"{tmp}/show{i}.json"))
    shows[os.path.basename(s['file'])[:3]] = s
passed = failed = 0
def check(what, cond):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1; print("FAIL:", what, file=sys.stderr)
def dropped(k, reason, text):
    return any(d['reason'] == reason and d['text'].strip() == text for d in shows[k]['dropped'])
check("5 articles", len(arts) == 5)
# 000: no title, no outlet, on or after 2025-12-01
a = arts['000']
check("000 no title", a['title'] is None)
check("000 no outlet", a['outlet'] is None)
check("000 inferred 2025-12-01", a['published'] == '2025-12-01' and a['published_inferred'])
check("000 says why", 'on December 1' in shows['000']['published_why'])
# 001: title, no outlet, not stated, related sources dropped
a = arts['001']
check("001 title", a['title'] == 'Maduro Confirms Phone Call with Trump: A Step Towards Dialogue amidst Tensions')
check("001 no outlet", a['outlet'] is None)
check("001 date not stated", a['published'] is None or a['published_inferred'])
check("001 drops Related Sources:", dropped('001', 'related-links', 'Related Sources:'))
check("001 drops bullets", dropped('001', 'related-links', '• Source 1 • Source 2'))
check("001 body keeps text", 'Related Sources' not in shows['001']['body'] and 'avenues for dialogue' in shows['001']['body'])
# 002: title, date line, stray numbers and comment form dropped
a = arts['002']
check("002 title", a['title'] == 'The New York Times: Trump and Maduro recently had a phone call in which they discussed the possibility of a meeting')
check("002 published", a['published'] == '2025-11-30' and not a['published_inferred'])
check("002 no outlet", a['outlet'] is None)
for reason, text in [('junk-number', '0'), ('junk-number', '56879789078967'), ('share-widget', 'Share it...'),
                     ('comment-form', 'Leave a Reply'),
                     ('comment-form', 'Your email address will not be published. Required fields are marked *')]:
    check(f"002 drops {text!r}", dropped('002', reason, text))
body = shows['002']['body']
check("002 body clean", '56879789078967' not in body and 'Leave a Reply' not in body and 'Share it' not in body)
check("002 body starts with the story", body.startswith('The New York Times reported'))
# 003: no title, FRANCE 24 (with AFP), 2025-12-04, caption and dateline dropped
a = arts['003']
check("003 no title", a['title'] is None)
check("003 outlet", a['outlet'] == 'FRANCE 24' and shows['003']['credit'] == 'FRANCE 24 with AFP')
check("003 published", a['published'] == '2025-12-04' and not a['published_inferred'])
check("003 caption kept apart", any('[Leonardo Fernandez Viloria/ Reuters]' in c for c in shows['003']['captions']))
check("003 caption dropped", any(d['reason'] == 'caption' and 'Leonardo Fernandez Viloria' in d['text'] for d in shows['003']['dropped']))
check("003 dateline", shows['003']['dateline'] == 'CARACAS' and any(d['reason'] == 'dateline' for d in shows['003']['dropped']))
body = shows['003']['body']
check("003 body clean", 'CARACAS' not in body and 'Viloria' not in body and 'FRANCE 24' not in body and 'date 2025' not in body)
check("003 body starts", body.startswith('Venezuelan President Nicolas Maduro on Wednesday confirmed'))
# 004: title without section suffix, outlet named in the text, on or after 2025-11-27
a = arts['004']
check("004 title", a['title'] == 'Donald Trump ‘spoke to Venezuelan president Nicolás Maduro’')
check("004 outlet", a['outlet'] == 'Daily Express U.S.')
check("004 inferred 2025-11-27", a['published'] == '2025-11-27' and a['published_inferred'])
check("004 says Thanksgiving", 'Thanksgiving' in shows['004']['published_why'])
# nothing is lost: the original bytes are kept
for k, s in shows.items():
    check(f"{k} hash", len(s['hash']) == 32)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
py=$?
check "seed metadata (python checks above)" test $py = 0
finish
