#!/usr/bin/env python3
"""gen-corpus.py - writes a seeded synthetic news corpus for ingest benchmarks.
Usage: gen-corpus.py OUTDIR N [--per-file K] [--seed S]
Writes N articles as JSON Lines files of K records each (default 2,000), with titles,
outlets, dates, bylines and 8-20 paragraphs of varied sentences (numbers, names, dates,
quotes), plus a few junk lines, so every reader path is exercised."""
import json, os, random, sys

def main():
    out, n = sys.argv[1], int(sys.argv[2])
    per = int(sys.argv[sys.argv.index('--per-file') + 1]) if '--per-file' in sys.argv else 2000
    seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 7
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    people = ['Amara Okafor', 'Lee Chan', 'Nicolás Ortega', 'Ruth Mbeki', 'Jonas Berg', 'Ana Lima', 'Omar Haddad']
    places = ['Kasenda', 'the northern valley', 'Port Elin', 'the capital', 'Marrow County', 'the coast']
    outlets = ['Kasenda Courier', 'Daily Ledger', 'Wire Service', 'Coastal Times', 'Evening Post']
    verbs = ['said', 'told reporters', 'added', 'stressed', 'confirmed']
    nouns = ['homes', 'vessels', 'people', 'schools', 'trucks', 'hectares', 'families']
    months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
              'October', 'November', 'December']
    def sentence():
        k = rnd.randrange(6)
        p, q = rnd.choice(people), rnd.choice(places)
        if k == 0:
            return f"At least {rnd.randrange(2, 900)} {rnd.choice(nouns)} were affected in {q}, officials {rnd.choice(verbs)}."
        if k == 1:
            return f"“We will rebuild what was lost in {q},” {p} {rnd.choice(verbs)} on {rnd.choice(months)} {rnd.randrange(1, 28)}."
        if k == 2:
            return f"The council approved ${rnd.randrange(1, 99)}.{rnd.randrange(10)} million for repairs, more than {rnd.randrange(10, 60)} percent of its budget."
        if k == 3:
            return f"{p} visited {q} last week and met families who had waited {rnd.randrange(2, 30)} days for help."
        if k == 4:
            return f"According to {rnd.choice(outlets)}, about {rnd.randrange(100, 20000):,} residents remain without power in {q}."
        return f"Teams from {q} arrived on {rnd.choice(['Monday', 'Tuesday', 'Sunday'])} as the water began to fall."
    written = 0
    fileno = 0
    while written < n:
        with open(os.path.join(out, f"part-{fileno:04d}.jsonl"), 'w', encoding='utf-8') as f:
            for _ in range(min(per, n - written)):
                paras = [' '.join(sentence() for _ in range(rnd.randrange(2, 5))) for _ in range(rnd.randrange(8, 20))]
                if rnd.random() < 0.2:
                    paras.insert(rnd.randrange(len(paras)), rnd.choice(['Advertisement', 'Share it...', '0', 'Read more:']))
                rec = {'title': f"{rnd.choice(places).title()} update {written}: {rnd.choice(nouns)} and {rnd.choice(nouns)}",
                       'text': '\n\n'.join(paras), 'url': f"https://example.org/story/{written}",
                       'published': f"2026-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 28):02d}",
                       'outlet': rnd.choice(outlets), 'author': rnd.choice(people), 'section': 'news'}
                f.write(json.dumps(rec, ensure_ascii=False) + '\n')
                written += 1
        fileno += 1

main()
