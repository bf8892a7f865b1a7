#!/usr/bin/env bash
# crash_safety.sh - an ingest of many files killed with SIGKILL at random moments (several
# runs), then run again to the end, leaves every article stored exactly once, nothing
# half-written, the stories consistent, and PRAGMA integrity_check ok.
. "$(dirname "$0")/lib.bash"
D="$TMP/many"; mkdir -p "$D"
python3 - "$D" <<'PY'
import os, random, sys
rnd = random.Random(11)
words = "river council bridge storm harbour school market rail water power road hospital".split()
for i in range(400):
    body = "\n\n".join(" ".join(rnd.choice(words) for _ in range(30)).capitalize() + f" item {i} part {p}." for p in range(6))
    with open(os.path.join(sys.argv[1], f"a{i:04d}.txt"), "w") as f:
        f.write(f"Report number {i} on the {rnd.choice(words)} works\n\nMarch {1 + i % 28}, 2026\n\n{body}\n")
PY
DB="$TMP/crash.db"
for round in 1 2 3 4 5; do
  "$CB" ingest -q --jobs 2 --db "$DB" "$D" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
expect_exit 0 "final ingest" -- "$CB" ingest -q --db "$DB" "$D"
python3 - "$DB" <<'PY' > "$TMP/state"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchone()[0]
print(q("PRAGMA integrity_check"))
print(q("SELECT count(*) FROM articles"))
print(q("SELECT count(DISTINCT source) FROM articles"))
print(q("SELECT count(*) FROM articles a LEFT JOIN article_groups g ON g.article_id = a.id WHERE g.article_id IS NULL"))
print(q("SELECT count(*) FROM (SELECT s.id FROM stories s JOIN article_groups g ON g.story_id = s.id GROUP BY s.id HAVING count(*) != max(s.articles))"))
print(q("SELECT count(*) FROM articles WHERE length(body) = 0 OR length(original) = 0"))
PY
mapfile -t st < "$TMP/state"
check "integrity_check ok (got ${st[0]})" test "${st[0]}" = "ok"
check "400 articles stored (got ${st[1]})" test "${st[1]}" = 400
check "each file exactly once (got ${st[2]})" test "${st[2]}" = 400
check "every article in a story (missing ${st[3]})" test "${st[3]}" = 0
check "story sizes match their members (bad ${st[4]})" test "${st[4]}" = 0
check "nothing half-written (empty ${st[5]})" test "${st[5]}" = 0
finish
