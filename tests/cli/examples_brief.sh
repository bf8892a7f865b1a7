#!/usr/bin/env bash
# examples_brief.sh - the brief of the project's own example corpus finds what was written
# into it (examples/README.md is the answer key): its three stories and the unrelated
# article alone, the syndicated copies, and the planted conflicts, variants and name forms.
. "$(dirname "$0")/lib.bash"
expect_exit 0 "report examples" -- "$CB" report --format json --output "$TMP/brief.json" "$SRC/examples/articles"
python3 - "$TMP/brief.json" <<'PY'
import json, os, re, sys
r = json.load(open(sys.argv[1]))
name = {a['id']: os.path.basename(a['file']) + (':%d' % a['line'] if a['line'] else '') for a in r['articles']}
passed = failed = 0
def check(what, cond):
    global passed, failed
    if cond: passed += 1
    else: failed += 1; print('FAIL:', what, file=sys.stderr)
def story_with(prefix):
    for s in r['stories']:
        if any(name[a].startswith(prefix) for a in s['articles']): return s
    return {'articles': [], 'findings': [], 'entities': [], 'flags': []}
def finding(s, kind, verdict, *words):
    for f in s['findings']:
        if f['kind'] != kind or f['verdict'] != verdict: continue
        text = json.dumps(f, ensure_ascii=False)
        if all(re.search(w, text) for w in words): return True
    return False
def entity(s, *forms):
    return any(all(any(re.fullmatch(f, x['text']) for x in e['forms']) for f in forms) for e in s['entities'])
ferry, bank, fire, lib = story_with('ferry-'), story_with('bank-'), story_with('wildfire-'), story_with('library-')
check('four stories', len(r['stories']) == 4)
check('ferry story has its 5 articles', len(ferry['articles']) == 5)
check('bank story has its 5 articles', len(bank['articles']) == 5)
check('wildfire story has its 4 articles', len(fire['articles']) == 4)
check('the unrelated article stands alone', len(lib['articles']) == 1)
dups = {name[a['id']]: name.get(a['duplicate_of']) for a in r['articles'] if a['duplicate_of']}
check('wire copies are duplicates of the wire', dups.get('wire-and-roundup.jsonl:3') == 'wire-and-roundup.jsonl:2'
      and dups.get('wire-and-roundup.jsonl:4') == 'wire-and-roundup.jsonl:2')
check('no other duplicates', len(dups) == 2)
# event A
check('ferry: 163 vs 136 passengers conflict', finding(ferry, 'quantity', 'conflict', '163', '136'))
check('ferry: Saturday vs Sunday conflict', finding(ferry, 'date', 'conflict', 'Saturday', 'Sunday'))
check('ferry: deaths compatible', finding(ferry, 'quantity', 'compatible', 'More than 20', 'At least 23'))
check('ferry: the promise is a variant', finding(ferry, 'quote', 'variant', 'not rest'))
check('ferry: Tecle diacritics, Tecla misspelling', entity(ferry, 'Amina Tecl\u00e9', 'Amina Tecle', 'Amina Tecla'))
check('ferry: LVTA acronym', entity(ferry, 'Lake Varo Transport Authority', 'LVTA'))
check('ferry: Deputy Governor vs Governor conflict', finding(ferry, 'role', 'conflict', 'Deputy Governor', '"Governor"'))
check('ferry: a role flag on Kasenda Radio', any(name[f['article']].startswith('ferry-kasenda') and f['kind'] == 'role' for f in ferry['flags']))
# event B
check('bank: 50 basis points = half a percentage point', finding(bank, 'quantity', 'agree', '50 basis points', 'percentage point'))
check('bank: 6.4% vs 6.1% conflict', finding(bank, 'quantity', 'conflict', '6.4', '6.1'))
check('bank: Finance Minister vs Governor conflict', finding(bank, 'role', 'conflict', 'Finance Minister', 'Governor'))
check('bank: a role flag on Brisk Markets', any(name[f['article']].startswith('bank-brisk') and f['kind'] == 'role' for f in bank['flags']))
check('bank: Solbert-Ahl misspelling', entity(bank, 'Henrik Solberg-Ahl', 'Henrik Solbert-Ahl'))
check('bank: NCB acronym', entity(bank, 'Norland Central Bank', 'NCB'))
check('bank: the governor quote is a variant', finding(bank, 'quote', 'variant', 'too slowly'))
# event C
check('fire: area compatible across hectares and km2', finding(fire, 'quantity', 'compatible', 'hectares', 'square kilomet'))
check('fire: evacuated 1,800 vs more than 2,000 conflict', finding(fire, 'quantity', 'conflict', '1,800', 'more than 2,000'))
check('fire: cigarette vs lightning cause conflict', finding(fire, 'event', 'conflict', 'cigarette', 'lightning'))
check('fire: Ferras misspelling', entity(fire, 'L\u00facia Ferraz', 'Lucia Ferras'))
check('fire: SACPS acronym', entity(fire, 'Serra Alta Civil Protection Service', 'SACPS'))
print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed or not passed else 0)
PY
check "examples brief (python checks above)" test $? = 0
finish
