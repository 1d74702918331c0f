#!/usr/bin/env python3
"""Segmentation quality on the `raw` condition of the evaluation data.

For every document of <data>/<set>/raw (built by the evaluation's make_dev.py, or
make_dev_multilingual.py for the other language pairs), runs
`ancre segment FILE --lang <its language> --format jsonl` on both sides and compares
its sentence boundaries with the gold segment byte spans:

  found  = gold boundaries (between two consecutive gold segments) matched by a
           predicted boundary lying in the gap between them;
  extra  = predicted boundaries inside a gold segment (it was split), per gold segment.

Usage: bench/segment_quality.py [--ancre build/ancre] [--data DIR] [--set NAME] [--show N]
  e.g. bench/segment_quality.py --data /tmp/ancre-dev-eval-ml --set d-news-de-en
"""
import argparse
import json
import os
import subprocess
import sys


def boundaries_of(spans):
    return [(spans[i][1], spans[i + 1][0]) for i in range(len(spans) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ancre", default="build/ancre")
    ap.add_argument("--data", default="/tmp/ancre-dev-eval")
    ap.add_argument("--set", default="d-news", help="the set under --data: d-news, d-news-de-en, d-news-cs-en ...")
    ap.add_argument("--show", type=int, default=0, help="print up to N missed and N extra boundaries per language")
    args = ap.parse_args()
    raw = os.path.join(args.data, args.set, "raw")
    pairs = [json.loads(l) for l in open(os.path.join(raw, "pairs.jsonl"), encoding="utf-8")]
    for side, lang_key, spans_key in (("src", "src_lang", "src_spans"), ("tgt", "tgt_lang", "tgt_spans")):
        gold_total = found = extra = segs = 0
        missed_examples, extra_examples = [], []
        lang = pairs[0][lang_key]
        for p in pairs:
            path = os.path.join(args.data, p[side])
            data = open(path, "rb").read()
            out = subprocess.run([args.ancre, "segment", path, "--lang", p[lang_key], "--format", "jsonl"],
                                 check=True, capture_output=True).stdout
            pred = [json.loads(l) for l in out.splitlines() if l.strip()]
            pred_ends = sorted(r["end"] for r in pred[:-1])
            gold = p[spans_key]
            segs += len(gold)
            gaps = boundaries_of(gold)
            gold_total += len(gaps)
            for a, b in gaps:
                if any(a <= e <= b for e in pred_ends):
                    found += 1
                elif len(missed_examples) < args.show:
                    missed_examples.append(data[max(0, a - 60):b + 40].decode("utf-8", "replace"))
            for e in pred_ends:
                if any(s < e < t for s, t in gold):
                    extra += 1
                    if len(extra_examples) < args.show:
                        extra_examples.append(data[max(0, e - 60):e + 40].decode("utf-8", "replace"))
        print(f"{lang}: gold boundaries {gold_total}, found {found} ({100.0 * found / gold_total:.2f}%), "
              f"extra {extra} ({100.0 * extra / segs:.2f}% of {segs} segments)")
        for m in missed_examples:
            print("  missed:", m.replace("\n", "\\n"))
        for x in extra_examples:
            print("  extra: ", x.replace("\n", "\\n"))


if __name__ == "__main__":
    sys.exit(main())
