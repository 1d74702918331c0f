#!/usr/bin/env bash
# Streaming check for `ancre segment`: segments a large file made of repeated news
# text and prints its size, time, MB/s and peak RSS. Memory must stay flat as the
# file grows (bounded by the longest paragraph).
# Usage: bench/segment_memory.sh [SIZE_MB=1024] [ancre binary=build/ancre]
set -euo pipefail
size_mb=${1:-1024}
ancre=${2:-build/ancre}
data=../shared/data/wmt-newstest-fren-dev
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n 's:.*<seg[^>]*>\(.*\)</seg>.*:\1:p' "$data"/newstest201*-src.fr.sgm | paste -d' ' - - - >"$tmp/once.txt"
: >"$tmp/big.txt"
while (( $(stat -c %s "$tmp/big.txt") < size_mb * 1024 * 1024 )); do cat "$tmp/once.txt" >>"$tmp/big.txt"; done
bytes=$(stat -c %s "$tmp/big.txt")
for mb in 16 "$size_mb"; do
  head -c $((mb * 1024 * 1024)) "$tmp/big.txt" >"$tmp/in.txt"
  truncate -s -"$(tail -c 2000 "$tmp/in.txt" | awk 'BEGIN{RS="\n"} END{print length($0)}')" "$tmp/in.txt" 2>/dev/null || true
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$ancre" segment "$tmp/in.txt" --lang fr --format jsonl >/dev/null
  read -r secs rss_kb <"$tmp/time"
  in_mb=$(( $(stat -c %s "$tmp/in.txt") / 1024 / 1024 ))
  echo "segment ${in_mb} MB: ${secs} s, $(awk -v m="$in_mb" -v s="$secs" 'BEGIN{printf "%.1f", (s>0?m/s:0)}') MB/s, peak RSS $((rss_kb / 1024)) MB"
done
