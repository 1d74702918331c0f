#!/bin/sh
# Runs the project's evaluation harness (../shared/eval) on ancre and prints
# the quality table, then the calibration table of the bead score (share of
# right beads per score bin, over the parallel and comparable conditions).
#
#   bench/eval.sh [ANCRE_BINARY] [VARIANTS]     e.g. bench/eval.sh build/ancre omit,merge
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
ancre=$(cd "$(dirname "${1:-build/ancre}")" && pwd)/$(basename "${1:-build/ancre}")
variants=${2:-all}
eval_dir="$here/../shared/eval"
data=${ANCRE_EVAL_DATA:-$(python3 -c 'import tempfile; print(tempfile.gettempdir())')/ancre-dev-eval}

/usr/bin/python3 "$eval_dir/make_dev.py" --out "$data" >/dev/null
/usr/bin/python3 "$eval_dir/run_eval.py" --data "$data" --ancre "$ancre" --variant "$variants"

# Calibration: run ancre on every document of omit, merge and comparable and
# count right beads (both sides equal a gold bead) per score bin.
/usr/bin/python3 - "$ancre" "$data" <<'PY'
import json, subprocess, sys
ancre, data = sys.argv[1], sys.argv[2]
bins = [0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01]
counts = {}
for variant, mode in (("omit", "parallel"), ("merge", "parallel"), ("comparable", "comparable"),
                      ("comparable-hard", "comparable")):
    for line in open(f"{data}/d-news/{variant}/pairs.jsonl"):
        pair = json.loads(line)
        gold = {(tuple(s), tuple(t)) for s, t in pair["gold"] if s and t}
        out = subprocess.run([ancre, "align", f"{data}/{pair['src']}", f"{data}/{pair['tgt']}",
                              "--src-lang", "fr", "--tgt-lang", "en", "--presegmented",
                              "--mode", mode, "--format", "jsonl"],
                             capture_output=True, text=True, check=True).stdout
        for bead in map(json.loads, out.splitlines()):
            if not bead["src"] or not bead["tgt"]:
                continue
            k = next(i for i in range(len(bins) - 1) if bins[i] <= bead["score"] < bins[i + 1])
            right = (tuple(bead["src"]), tuple(bead["tgt"])) in gold
            c = counts.setdefault(k, [0, 0])
            c[0] += right
            c[1] += 1
print("\nscore calibration (omit, merge, comparable, comparable-hard)")
print("| score bin | beads | right | share right |")
print("|---|---|---|---|")
for k in sorted(counts):
    right, n = counts[k]
    print(f"| [{bins[k]:.2f}, {min(bins[k + 1], 1.0):.2f}) | {n} | {right} | {right / n:.3f} |")
hi = [counts[k] for k in counts if bins[k] >= 0.9]
r, n = sum(c[0] for c in hi), sum(c[1] for c in hi)
print(f"beads scored >= 0.9: {n}, right: {r / n:.3f}" if n else "no bead scored >= 0.9")
PY
