#!/usr/bin/env python3
"""build.py - turn the by-reference labels (labels.json) into a CQE-format evaluation file.

The repository holds no article text: labels.json names, per sentence, its file in the
PolNeAR train text folder, its byte offsets and the SHA-1 of its bytes. This script reads the
shared texts, checks every hash (and every quantity span), and writes
  [{"text": ..., "quantities": [{"value": ..., "normalized_unit": ..., "change": ...}]}]
as in eval/quantities/own-news-dev.json, for `corroborate eval quantities`.

  python3 eval/quantities/unseen/build.py --out /tmp/unseen-dev.json --split dev
  python3 eval/quantities/unseen/build.py --check        # verify only, print the counts

Exit status: 0 when every hash verifies, 1 when any does not (nothing is written then),
2 on usage errors. Python 3 standard library only.
"""
import argparse, collections, hashlib, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def load(labels_path, text_dir, split):
    """(records, problems, counts) for the sentences of `split` ('dev', 'test' or 'all')."""
    lab = json.load(open(labels_path, encoding="utf-8"))
    records, problems = [], []
    c = collections.Counter()
    change, unit = collections.Counter(), collections.Counter()
    arts = {"dev": set(), "test": set()}
    cache = {}
    for s in lab["sentences"]:
        arts[s["split"]].add(s["file"])
        if split != "all" and s["split"] != split:
            continue
        path = os.path.join(text_dir, s["file"])
        if path not in cache:
            try:
                cache[path] = open(path, "rb").read()
            except OSError as e:
                problems.append("#%d: cannot read %s (%s)" % (s["id"], s["file"], e.strerror))
                continue
        raw = cache[path][s["start"]:s["end"]]
        if hashlib.sha1(raw).hexdigest() != s["sha1"]:
            problems.append("#%d: SHA-1 differs for %s bytes %d-%d" % (s["id"], s["file"], s["start"], s["end"]))
            continue
        text = raw.decode("utf-8")
        qs = []
        for q in s["quantities"]:
            a, b = q["span"]
            if not (0 <= a < b <= len(raw)):
                problems.append("#%d: span %s outside the sentence" % (s["id"], q["span"]))
            qs.append({"value": q["value"], "normalized_unit": q["normalized_unit"], "change": q["change"]})
            change[q["change"]] += 1
            unit[q["normalized_unit"]] += 1
        c["sentences"] += 1
        c["quantities"] += len(qs)
        c["no_quantity"] += 0 if qs else 1
        c[s["kind"]] += 1
        c["articles"] += 0
        records.append({"text": text, "quantities": qs})
    overlap = arts["dev"] & arts["test"]
    if overlap:
        problems.append("articles in both dev and test: %s" % ", ".join(sorted(overlap)))
    c["articles"] = len({s["file"] for s in lab["sentences"] if split == "all" or s["split"] == split})
    return records, problems, c, change, unit


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", default=os.path.join(ROOT, "..", "shared", "data", "quotes", "polnear", "train", "text"),
                    help="the PolNeAR train text folder (default: ../shared/data/quotes/polnear/train/text "
                         "beside the repository)")
    ap.add_argument("--labels", default=os.path.join(HERE, "labels.json"))
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--out", help="where to write the CQE-format JSON (outside the repository, e.g. /tmp)")
    ap.add_argument("--check", action="store_true", help="verify and print the counts; write nothing")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if not a.out and not a.check:
        ap.error("give --out FILE or --check")
    if not os.path.isdir(a.text):
        print("build.py: text folder %s not found" % a.text, file=sys.stderr)
        return 2
    if a.out:
        out = os.path.abspath(a.out)
        inside = os.path.commonpath([out, ROOT]) == ROOT
        if inside and not os.path.relpath(out, ROOT).startswith("build"):
            print("build.py: %s is inside the repository; write it elsewhere (the texts may not be "
                  "committed)" % a.out, file=sys.stderr)
            return 2
    records, problems, c, change, unit = load(a.labels, a.text, a.split)
    for p in problems:
        print("build.py: " + p, file=sys.stderr)
    if not a.quiet:
        print("split %s: %d sentences from %d articles (%d numeric, %d negative), %d quantities, "
              "%d sentences with none; hashes %s" % (a.split, c["sentences"], c["articles"], c["numeric"],
              c["negative"], c["quantities"], c["no_quantity"], "FAILED" if problems else "verified"))
        print("change: " + ", ".join("%s %d" % kv for kv in sorted(change.items(), key=lambda kv: (-kv[1], kv[0]))))
        print("unit: " + ", ".join("%s %d" % kv for kv in sorted(unit.items(), key=lambda kv: (-kv[1], kv[0]))))
    if problems:
        return 1
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            json.dump(records, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
