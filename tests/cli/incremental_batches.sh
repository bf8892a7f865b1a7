#!/usr/bin/env bash
# incremental_batches.sh - the saved grouping state continues the online pass exactly:
# ingesting a corpus in three batches gives the same stories, story ids, duplicate_of and
# similarities as ingesting it at once (the example corpus, and a generated corpus with
# copies that arrive after their original and carry an earlier date, so an older article's
# original changes); a store at schema v2 (no saved state) is migrated and regrouped once;
# with --no-group the state catches up at the next ingest; a failed write leaves the state
# as it was; an ingest killed at random moments and run again ends with the same groups.
. "$(dirname "$0")/lib.bash"
snapshot() {   # everything a reader sees of the groups, ids included
  local db="$1"
  "$CB" articles --format json --db "$db"
  "$CB" stories --format json --db "$db"
  "$CB" duplicates --format json --db "$db"
  for id in $("$CB" stories --format json --db "$db" | python3 -c 'import json,sys; print(" ".join(str(s["id"]) for s in json.load(sys.stdin)))'); do
    "$CB" story --format json --db "$db" "$id"
  done
}
state_rows() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from group_articles").fetchone()[0])' "$1"; }

# ---- the example corpus: 1 batch vs 3 ---------------------------------------------------
mapfile -t EX < <(ls "$SRC"/examples/articles/* | sort)
n=${#EX[@]}; a=$((n / 3)); b=$((2 * n / 3))
expect_exit 0 "examples at once" -- "$CB" ingest -q --jobs 2 --db "$TMP/ex1.db" "${EX[@]}"
expect_exit 0 "examples batch 1" -- "$CB" ingest -q --db "$TMP/ex3.db" "${EX[@]:0:a}"
expect_exit 0 "examples batch 2" -- "$CB" ingest -q --db "$TMP/ex3.db" "${EX[@]:a:b-a}"
expect_exit 0 "examples batch 3" -- "$CB" ingest -q --db "$TMP/ex3.db" "${EX[@]:b}"
snapshot "$TMP/ex1.db" > "$TMP/ex1.txt"; snapshot "$TMP/ex3.db" > "$TMP/ex3.txt"
check "examples: 3 batches == 1 (diff: $(diff "$TMP/ex1.txt" "$TMP/ex3.txt" | head -c 300))" cmp -s "$TMP/ex1.txt" "$TMP/ex3.txt"
check "examples: copies found" grep -q '"duplicate_of":[0-9]' "$TMP/ex3.txt"
narts=$("$CB" articles --format json --db "$TMP/ex3.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "examples: the state holds every article ($narts)" test "$(state_rows "$TMP/ex3.db")" = "$narts"

# ---- a generated corpus with late copies that claim an earlier date ---------------------
G="$TMP/gen"; mkdir -p "$G"
python3 "$SRC/bench/gen-corpus.py" "$G" 1500 --per-file 250 --seed 5 >/dev/null
python3 - "$G" <<'PY'
import glob, json, os, random, sys
rnd = random.Random(3)
files = sorted(glob.glob(os.path.join(sys.argv[1], 'part-*.jsonl')))
recs = [json.loads(l) for l in open(files[0], encoding='utf-8')] + [json.loads(l) for l in open(files[1], encoding='utf-8')]
def copy(r, k):   # a syndicated copy: a new intro, a few words changed, dated one day earlier
    words = r['text'].split(' ')
    for _ in range(len(words) // 60): words[rnd.randrange(len(words))] = 'reportedly'
    y, m, d = map(int, r['published'].split('-'))
    return dict(r, title=r['title'] + ' (wire)', text='Wire copy %d.\n\n' % k + ' '.join(words),
                url=r['url'] + '/copy%d' % k, outlet='Wire Service', published='%04d-%02d-%02d' % (y, m, max(1, d - 1)))
late = [copy(r, k) for k, r in enumerate(rnd.sample(recs, 40))]
late += [copy(r, 100 + k) for k, r in enumerate(late[:10])]   # copies of copies
with open(os.path.join(sys.argv[1], 'part-9999.jsonl'), 'w', encoding='utf-8') as f:
    for r in late: f.write(json.dumps(r, ensure_ascii=False) + '\n')
PY
mapfile -t GF < <(ls "$G"/*.jsonl | sort)
expect_exit 0 "generated at once" -- "$CB" ingest -q --db "$TMP/g1.db" "${GF[@]}"
expect_exit 0 "generated batch 1" -- "$CB" ingest -q --db "$TMP/g3.db" "${GF[@]:0:2}"
expect_exit 0 "generated batch 2" -- "$CB" ingest -q --db "$TMP/g3.db" "${GF[@]:2:3}"
expect_exit 0 "generated batch 3" -- "$CB" ingest -q --db "$TMP/g3.db" "${GF[@]:5}"
snapshot "$TMP/g1.db" > "$TMP/g1.txt"; snapshot "$TMP/g3.db" > "$TMP/g3.txt"
check "generated: 3 batches == 1 (diff: $(diff "$TMP/g1.txt" "$TMP/g3.txt" | head -c 300))" cmp -s "$TMP/g1.txt" "$TMP/g3.txt"
ndup=$("$CB" duplicates --format json --db "$TMP/g3.db" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check "generated: the late copies are found (got $ndup)" test "$ndup" -ge 40
moved=$(python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("select count(*) from article_groups where duplicate_of is null and article_id in (select duplicate_of from article_groups) and article_id > 1500").fetchone()[0])' "$TMP/g3.db")
check "generated: late copies with earlier dates became the originals (got $moved)" test "$moved" -ge 20

# ---- --no-group, then an ingest that adds nothing, catches up -----------------------------
expect_exit 0 "batch 1" -- "$CB" ingest -q --db "$TMP/ng.db" "${GF[@]:0:2}"
expect_exit 0 "batch 2 without grouping" -- "$CB" ingest -q --no-group --db "$TMP/ng.db" "${GF[@]:2:3}"
expect_exit 0 "batch 3 without grouping" -- "$CB" ingest -q --no-group --db "$TMP/ng.db" "${GF[@]:5}"
expect_exit 0 "again, nothing new" -- "$CB" ingest -q --db "$TMP/ng.db" "${GF[@]:5}"
snapshot "$TMP/ng.db" > "$TMP/ng.txt"
check "--no-group batches caught up == 1 batch" cmp -s "$TMP/g1.txt" "$TMP/ng.txt"

# ---- a store at schema v2 (groups but no saved state) is migrated and regrouped once -----
expect_exit 0 "batch 1 (to be made v2)" -- "$CB" ingest -q --db "$TMP/v2.db" "${GF[@]:0:2}"
python3 - "$TMP/v2.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP TABLE group_meta; DROP TABLE group_articles; DROP TABLE group_stories; DROP TABLE group_df;"
                 " ALTER TABLE articles DROP COLUMN fetched; PRAGMA user_version = 2;")
db.close()
PY
expect_exit 0 "batches 2 and 3 into the v2 store" -- "$CB" ingest -q --db "$TMP/v2.db" "${GF[@]:2}"
snapshot "$TMP/v2.db" > "$TMP/v2.txt"
check "v2 store migrated: same groups as 1 batch" cmp -s "$TMP/g1.txt" "$TMP/v2.txt"
user_version() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$1"; }
ver=$(user_version "$TMP/v2.db"); fresh=$(user_version "$TMP/g1.db")
check "schema is a new store's after migrating (got $ver, new $fresh)" test "$ver" = "$fresh" -a "$ver" -ge 5
check "the rebuilt state holds every article" test "$(state_rows "$TMP/v2.db")" = "$(state_rows "$TMP/g1.db")"

# ---- a write failure leaves the groups and state as they were, the next ingest continues -
expect_exit 0 "batch 1" -- "$CB" ingest -q --db "$TMP/f.db" "${GF[@]:0:2}"
before=$(state_rows "$TMP/f.db")
CORROBORATE_FAULT_STORE_AFTER=10 "$CB" ingest -q --jobs 1 --db "$TMP/f.db" "${GF[@]:2:1}" >/dev/null 2>&1
check "a failed file adds no state (had $before)" test "$(state_rows "$TMP/f.db")" = "$before"
expect_exit 0 "the rest" -- "$CB" ingest -q --db "$TMP/f.db" "${GF[@]:2}"
snapshot "$TMP/f.db" > "$TMP/f.txt"
check "after a failed write, continuing == 1 batch" cmp -s "$TMP/g1.txt" "$TMP/f.txt"

# ---- killed at random moments (during reading, storing or grouping), then run again ------
for round in 1 2 3 4; do
  "$CB" ingest -q --jobs 2 --db "$TMP/k.db" "${GF[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
expect_exit 0 "after the kills" -- "$CB" ingest -q --db "$TMP/k.db" "${GF[@]}"
snapshot "$TMP/k.db" > "$TMP/k.txt"
check "killed 4 times, then finished == 1 batch" cmp -s "$TMP/g1.txt" "$TMP/k.txt"
ok_db=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$TMP/k.db")
check "integrity_check after the kills ($ok_db)" test "$ok_db" = ok
finish
