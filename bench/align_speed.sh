#!/bin/sh
# Speed and memory of `ancre align` on long inputs: the evaluation's scale set
# (the dev news repeated to 10k, 40k, 100k lines a side) and 200k lines (the
# 100k pair twice), in parallel and comparable mode. Prints, per size, the wall
# and CPU time, sentences (source + target) per second, peak RSS, the time
# per 1000 lines (flat = linear growth), and the share of lines aligned on
# the diagonal (the right answer for this repeated parallel text).
#
#   bench/align_speed.sh [ANCRE_BINARY] [SIZES]      e.g. bench/align_speed.sh build/ancre 10k,40k
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
ancre=$(cd "$(dirname "${1:-build/ancre}")" && pwd)/$(basename "${1:-build/ancre}")
sizes=$(echo "${2:-10k,40k,100k,200k}" | tr ',' ' ')
data=${ANCRE_EVAL_DATA:-$(python3 -c 'import tempfile; print(tempfile.gettempdir())')/ancre-dev-eval}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$data/scale/100k/0000.fr.txt" ] || /usr/bin/python3 "$here/../shared/eval/make_dev.py" --out "$data" >/dev/null

input() {  # input SIZE LANG -> path
  if [ "$1" = 200k ]; then
    [ -f "$work/200k.$2" ] || cat "$data/scale/100k/0000.$2.txt" "$data/scale/100k/0000.$2.txt" >"$work/200k.$2"
    echo "$work/200k.$2"
  else
    echo "$data/scale/$1/0000.$2.txt"
  fi
}

echo "| mode | lines a side | wall s | cpu s | sentences/s | peak RSS MB | wall s per 1000 lines | on diagonal |"
echo "|---|---|---|---|---|---|---|---|"
for mode in parallel comparable; do
  for size in $sizes; do
    [ "$mode" = comparable ] && [ "$size" = 200k ] && continue
    fr=$(input "$size" fr)
    en=$(input "$size" en)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$ancre" align "$fr" "$en" --src-lang fr \
      --tgt-lang en --presegmented --mode "$mode" --format jsonl -o "$work/out.jsonl"
    lines=$(wc -l <"$fr")
    /usr/bin/python3 - "$mode" "$lines" "$work/time" "$work/out.jsonl" <<'PY'
import json, sys
mode, lines, time_file, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
wall, user, system, rss_kb = open(time_file).read().split()[-4:]
wall, cpu = float(wall), float(user) + float(system)
diagonal = 0
for line in open(out):
    b = json.loads(line)
    diagonal += len(b["src"]) == 1 and b["src"] == b["tgt"]
print(f"| {mode} | {lines:,} | {wall:.2f} | {cpu:.2f} | {2 * lines / wall:,.0f} | "
      f"{int(rss_kb) / 1024:.0f} | {1000 * wall / lines:.3f} | {diagonal / lines:.3f} |")
PY
  done
done
