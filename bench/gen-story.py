#!/usr/bin/env python3
"""gen-story.py - writes one invented story told by N articles of many outlets (JSON Lines),
for the brief's scaling benchmark: the same event with differing counts, dates, quotes,
titles and copies, so every finding kind has work to do.
Usage: gen-story.py N [--seed S] > story.jsonl"""
import json, random, sys

n = int(sys.argv[1])
seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 5
rnd = random.Random(seed)
outlets = [f"{a} {b}" for a in ['Valley', 'Harbour', 'Northern', 'Eastern', 'Capital', 'River', 'Coastal', 'Hill']
           for b in ['Post', 'Times', 'Courier', 'Ledger', 'Herald', 'Standard', 'Gazette', 'Voice']]
def article(i):
    day = 9 + i * 6 // max(n, 1)
    dead = 20 + i * 15 // max(n, 1) + rnd.randrange(3)
    paras = [
        f"Floodwaters swept through the town of Marrow on Sunday, killing at least {dead} people, officials said.",
        f"The river rose {rnd.choice(['more than 4 metres', 'about 4.2 metres', 'nearly 5 metres'])} overnight and "
        f"forced {rnd.choice(['about 3,000', 'more than 2,800', 'at least 3,100'])} residents from their homes.",
        f"\u201cWe have never seen water move this fast,\u201d {rnd.choice(['Mayor', 'former Mayor'])} Ana Lindqvist "
        f"{rnd.choice(['said', 'told reporters', 'added'])}.",
        f"Rescue teams from four districts reached the northern villages on {rnd.choice(['Monday', 'Tuesday'])}, "
        f"the regional emergency service said.",
        f"The government has promised {rnd.choice(['$12 million', '$12.5 million', 'about $12 million'])} in aid.",
        f"Last week the weather office warned that rainfall could reach {rnd.randrange(180, 220)} millimetres.",
        f"Schools in the district will stay closed until March {day + 7}, the education office said.",
    ]
    rnd.shuffle(paras)
    extra = [f"Resident {rnd.choice(['Omar', 'Lena', 'Jon', 'Ines'])} {rnd.choice(['Berg', 'Sousa', 'Kai'])} said the "
             f"water reached the second floor of house number {rnd.randrange(2, 90)} within an hour." for _ in range(rnd.randrange(3, 9))]
    return {"title": f"Marrow floods: death toll rises to {dead}", "text": "\n\n".join(paras + extra),
            "outlet": outlets[i % len(outlets)], "published": f"2026-03-{day:02d}", "url": f"https://example.org/{i}"}
for i in range(n):
    sys.stdout.write(json.dumps(article(i), ensure_ascii=False) + "\n")
