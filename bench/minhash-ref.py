#!/usr/bin/env python3
# minhash-ref.py - the reference for the speed comparison: the same near-duplicate method
# as src/group (word 3-shingles, one-permutation MinHash with 126 bins and optimal
# densification, LSH with 42 bands x 3 rows) in plain Python 3 (numpy is not installed on
# the benchmark machine). Reads JSON Lines with a "text" field, prints articles/s for
# signing + candidate search, CPU time, one core.
#   bench/minhash-ref.py SET.jsonl
import json, re, sys, time

NH, BANDS, ROWS, K = 126, 42, 3, 3
M64 = (1 << 64) - 1
WORD = re.compile(r"\w+(?:['’]\w+)*")


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def densify_table():
    # for each bin, the fixed sequence of bins it may borrow from
    seq = []
    for j in range(NH):
        s, attempt = [], 1
        while len(s) < 64:
            h = mix64(((j << 32) ^ attempt ^ 0x5bd1e995) & M64)
            s.append(((h >> 32) * NH) >> 32)
            attempt += 1
        seq.append(s)
    return seq


SEQ = densify_table()


def sign(text):
    words = [w.lower() for w in WORD.findall(text)]
    sh = {hash(tuple(words[i:i + K])) & M64 for i in range(max(1, len(words) - K + 1))}
    sig = [None] * NH
    for x in sh:
        h = mix64(x)
        b = ((h >> 32) * NH) >> 32
        v = h & 0xffffffff
        if sig[b] is None or v < sig[b]:
            sig[b] = v
    full = [s is not None for s in sig]
    for j in range(NH):
        if not full[j]:
            for src in SEQ[j]:
                if full[src]:
                    sig[j] = sig[src]
                    break
    return sig, len(sh)


def main():
    texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    index = [dict() for _ in range(BANDS)]
    cands = 0
    t0 = time.process_time()
    for i, t in enumerate(texts):
        sig, _ = sign(t)
        seen = set()
        for b in range(BANDS):
            key = tuple(sig[b * ROWS:(b + 1) * ROWS])
            for j in index[b].get(key, ()):
                seen.add(j)
            index[b].setdefault(key, []).append(i)
        cands += len(seen)
    secs = time.process_time() - t0
    print("python reference: %d articles, CPU %.2f s = %.0f articles/s per core, %.1f candidate articles/article"
          % (len(texts), secs, len(texts) / secs, cands / len(texts)))


if __name__ == "__main__":
    main()
