#!/usr/bin/env python3
"""sample.py - the fixed-seed sample of real news sentences for the unseen quantity labels.

Reads the PolNeAR train articles (../shared/data/quotes/polnear/train/text relative to the
repo root unless --text is given), splits each article's body into sentences, and draws:
  - 270 articles (shuffled with SEED) that have a sentence holding a digit or a number word,
    one such sentence each, drawn at random from that article;
  - 135 further articles that have a sentence holding neither, one such sentence each.
Every sampled sentence comes from a different article. The articles are then split into dev
and test halves by a second shuffle (SPLIT_SEED). Output: a JSON skeleton with, per sentence,
the file name, the sentence's byte offsets in the file, its SHA-1 and an empty quantity list
(the labels are filled in by hand afterwards), and with --dump a plain listing to read.

Python 3 standard library only; deterministic (no dependence on the order of os.listdir).
"""
import argparse, hashlib, json, os, random, re, sys

SEED = 20261202
SPLIT_SEED = 11
N_POS, N_NEG = 270, 135
MIN_WORDS, MAX_WORDS = 6, 60

NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty "
                "sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
                "billion billions trillion trillions dozen dozens half").split()
NUM_RE = re.compile(r"\d|\b(?:%s)\b" % "|".join(NUMBER_WORDS), re.IGNORECASE)

# tokens ending in '.' after which a sentence does not end
ABBREV = set("""mr mrs ms dr sen sens rep reps gov gen lt col capt sgt st jr sr prof rev
u.s u.n u.k d.c a.m p.m no vs v inc co corp ltd calif fla ga ill mass mich minn penn pa
tenn tex va wash wis ariz colo conn del ky la md mo nev n.h n.j n.m n.y n.c s.c okla ore
jan feb mar apr aug sept sep oct nov dec e.g i.e etc ft mt sec dept govt est""".split())

def split_sentences(text):
    """Yield (start, end) character offsets of the sentences of one paragraph string."""
    start = 0
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])", text):
        end = m.end()
        if text[m.start()] == ".":
            tok = re.search(r"(\S+)\.$", text[start:m.start() + 1])
            word = tok.group(1).lower().lstrip("\"'(\u201c\u2018") if tok else ""
            if word in ABBREV or re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        yield start, end
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        yield start, len(text.rstrip())

def article_sentences(path):
    """(byte_start, byte_end, text) of each body sentence: line 1 (the headline) is skipped."""
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    out = []
    pos = 0
    for lineno, line in enumerate(text.split("\n")):
        if lineno > 0 and line.strip():
            for s, e in split_sentences(line):
                sent = line[s:e]
                if MIN_WORDS <= len(sent.split()) <= MAX_WORDS:
                    bs = len(text[:pos + s].encode("utf-8"))
                    be = bs + len(sent.encode("utf-8"))
                    out.append((bs, be, sent))
        pos += len(line) + 1
    return out

def main():
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", default=os.path.join(root, "..", "shared", "data", "quotes", "polnear", "train", "text"))
    ap.add_argument("--out", required=True, help="skeleton JSON to write")
    ap.add_argument("--dump", help="also write a readable listing here")
    a = ap.parse_args()
    files = sorted(f for f in os.listdir(a.text) if f.endswith(".txt"))
    rng = random.Random(SEED)
    order = files[:]
    rng.shuffle(order)
    picked = []
    npos = nneg = 0
    for f in order:
        if npos == N_POS and nneg == N_NEG:
            break
        sents = article_sentences(os.path.join(a.text, f))
        pos = [s for s in sents if NUM_RE.search(s[2])]
        neg = [s for s in sents if not NUM_RE.search(s[2])]
        if npos < N_POS and pos:
            kind, pool = "numeric", pos
            npos += 1
        elif npos == N_POS and nneg < N_NEG and neg:
            kind, pool = "negative", neg
            nneg += 1
        else:
            continue
        bs, be, sent = pool[rng.randrange(len(pool))]
        picked.append({"file": f, "start": bs, "end": be, "kind": kind,
                       "sha1": hashlib.sha1(sent.encode("utf-8")).hexdigest(), "quantities": []})
    if npos < N_POS or nneg < N_NEG:
        sys.exit("not enough articles")
    arts = sorted({p["file"] for p in picked})
    random.Random(SPLIT_SEED).shuffle(arts)
    dev = set(arts[: len(arts) // 2])
    for p in picked:
        p["split"] = "dev" if p["file"] in dev else "test"
    picked.sort(key=lambda p: (p["file"], p["start"]))
    for i, p in enumerate(picked):
        p["id"] = i + 1
    json.dump(picked, open(a.out, "w"), indent=1)
    if a.dump:
        with open(a.dump, "w") as fh:
            for p in picked:
                raw = open(os.path.join(a.text, p["file"]), "rb").read()[p["start"]:p["end"]].decode("utf-8")
                fh.write("#%d %s %s\n%s\n\n" % (p["id"], p["kind"], p["split"], raw))
    print("%d sentences (%d numeric, %d negative) from %d articles" % (len(picked), npos, nneg, len(arts)))

if __name__ == "__main__":
    main()
