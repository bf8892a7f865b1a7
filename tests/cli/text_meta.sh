#!/usr/bin/env bash
# text_meta.sh - the metadata of plain-text articles as newspapers and wires print it
# ("Outlet — date", "Outlet | date", "Published:/Updated:/Posted:", "By NAME, Outlet",
# "NAME | Outlet", an outlet line under the title, datelines in capitals, a "Today"
# masthead), on articles written for this test: the fields `articles --format json`,
# `show --format json` and the brief's JSON carry, and the names and dates `extract` reads.
. "$(dirname "$0")/lib.bash"
D="$TMP/in"; mkdir -p "$D"
cat > "$D/a1.txt" <<'EOF'
Ferry service resumes across the Quellmoor strait
The Halvard Ledger — June 9, 2028

PORT HALVARD — The first ferry left at dawn with 40 passengers aboard, harbour master Ilka Brennan said.
EOF
cat > "$D/a2.txt" <<'EOF'
Ferry service resumes across the Quellmoor strait
Orrin Bay Sentinel | 2028-06-09

QUELLMOOR, June 8 (Reuters) - The first ferry left at dawn with 40 passengers aboard.
EOF
cat > "$D/a3.txt" <<'EOF'
Ferry service resumes across the Quellmoor strait
Updated: June 10, 2028
Published: June 9, 2028
By Doran Vesk, Orrin Bay Sentinel

The first ferry left on June 8, 2028 at dawn with 40 passengers aboard.
EOF
cat > "$D/a4.txt" <<'EOF'
Ferry service resumes across the Quellmoor strait
Ilka Brennan | The Halvard Ledger

The first ferry left at dawn with 40 passengers aboard.

Posted: June 9, 2028
EOF
cat > "$D/a5.txt" <<'EOF'
Today

Ferry service resumes across the Quellmoor strait
Quellmoor Courier

SAN ORRIN, Velmark (AP) — The first ferry left on June 8, 2028 with 40 passengers, USA Today reported.
EOF
expect_exit 0 "ingest" -- "$CB" ingest "$D"
stderr_has "5 new articles"
"$CB" articles --format json > "$TMP/articles.json"
for i in 1 2 3 4 5; do "$CB" show --format json $i > "$TMP/show$i.json"; done
"$CB" extract --format json "$D"/*.txt > "$TMP/extract.json"
"$CB" report --format json > "$TMP/report.json"
python3 - "$TMP" <<'PY'
import json, os, sys
tmp = sys.argv[1]
arts = {os.path.basename(a['file'])[:2]: a for a in json.load(open(f"{tmp}/articles.json"))}
shows = {}
for i in range(1, 6):
    s = json.load(open(f"{tmp}/show{i}.json"))
    shows[os.path.basename(s['file'])[:2]] = s
ext = {os.path.basename(f['file'])[:2]: f for f in json.load(open(f"{tmp}/extract.json"))}
rep = {os.path.basename(a['file'])[:2]: a for a in json.load(open(f"{tmp}/report.json"))['articles']}
passed = failed = 0
def check(what, cond):
    global passed, failed
    if cond: passed += 1
    else:
        failed += 1; print("FAIL:", what, file=sys.stderr)
def fields(k, **want):
    for f, v in want.items():
        check(f"{k} {f} = {v!r} (got {arts[k].get(f)!r})", arts[k].get(f) == v)
title = 'Ferry service resumes across the Quellmoor strait'
# "Outlet — date", a dateline with an em dash
fields('a1', title=title, outlet='The Halvard Ledger', published='2028-06-09',
       published_inferred=False, dateline='PORT HALVARD', author=None)
# "Outlet | date", a dateline with a date and an agency
fields('a2', outlet='Orrin Bay Sentinel', published='2028-06-09', published_inferred=False,
       dateline='QUELLMOOR')
# Published preferred over Updated, stated; "By NAME, Outlet"
fields('a3', published='2028-06-09', published_inferred=False, author='Doran Vesk',
       outlet='Orrin Bay Sentinel')
check("a3 says Published", 'Published' in shows['a3']['published_why'])
# "NAME | Outlet"; a Posted: line at the end is the stated date
fields('a4', author='Ilka Brennan', outlet='The Halvard Ledger', published='2028-06-09',
       published_inferred=False)
check("a4 body has no Posted", 'Posted' not in shows['a4']['body'])
# a "Today" masthead, an outlet line under the title, "PLACE, Region (AP) —"
fields('a5', title=title, outlet='Quellmoor Courier', dateline='SAN ORRIN', published='2028-06-08',
       published_inferred=True)
check("a5 drops Today", any(d['text'].strip() == 'Today' and d['reason'] == 'metadata'
                            for d in shows['a5']['dropped']))
for k in arts:
    check(f"{k} show dateline", shows[k]['dateline'] == arts[k]['dateline'])
    check(f"{k} report dateline", rep[k]['dateline'] == arts[k]['dateline'])
    meta = ('Ledger', 'Sentinel', 'Updated', ' — ')
    check(f"{k} body has no metadata", not any(w in shows[k]['body'] for w in meta))
# names: a dateline place is never a person; dates: "Today" of a masthead is none
for k, f in ext.items():
    people = [n['text'] for n in f['names'] if n['type'] == 'person']
    check(f"{k} no dateline person {people}", not any(p.isupper() for p in people))
    check(f"{k} no Today date", not any(t['text'].lower() == 'today' for t in f['timex']))
def named(k, text, kind): return any(n['text'] == text and n['type'] == kind for n in ext[k]['names'])
check("a1 Ilka Brennan a person", named('a1', 'Ilka Brennan', 'person'))
check("a5 USA Today an outlet", named('a5', 'USA Today', 'outlet'))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
py=$?
check "plain-text metadata (python checks above)" test $py = 0
finish
