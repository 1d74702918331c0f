#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets into OUT/<target>/ from the
# sample articles, the shared news test sets and TMX samples, and fuzz/corpus/.
# Usage: fuzz/seeds.sh OUT
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
out="${1:?usage: fuzz/seeds.sh OUT}"
mkdir -p "$out"/{segment,anchors,aligner,tmx,srx}

# Text targets read a control byte (language, modes) and then the text: each
# chunk of 2 KB of an article becomes a seed under two control bytes.
text_seeds() {
  local file="$1" tag="$2" n=0
  local tmp
  tmp=$(mktemp -d)
  split -b 2048 -a 3 "$file" "$tmp/c"
  for chunk in "$tmp"/c*; do
    ((n++ < 24)) || break
    for control in 00 01 10 11; do
      { printf "\x$control"; cat "$chunk"; } >"$out/segment/$tag-$n-$control"
      { printf "\x$control"; cat "$chunk"; } >"$out/anchors/$tag-$n-$control"
    done
  done
  rm -rf "$tmp"
}
for f in "$root"/samples/*.txt; do text_seeds "$f" "$(basename "$f" .txt)"; done
if [[ -d "$shared/data" ]]; then
  for f in "$shared"/data/*/*.sgm; do text_seeds "$f" "$(basename "$f" .sgm)"; done
fi

# The aligner reads its documents from bytes: any bytes do; some of the
# articles' bytes give long documents, the committed seeds short ones.
n=0
for f in "$out"/segment/cambodia*; do
  ((n++ < 16)) || break
  cp "$f" "$out/aligner/"
done

for f in "$shared"/tmx/samples/*.tmx "$root"/tests/data/tmx/*.tmx; do
  [[ -f "$f" ]] && cp "$f" "$out/tmx/"
done
cp "$root"/tests/data/srx/*.srx "$out/srx/"
for target in segment anchors aligner tmx srx; do
  cp "$root"/fuzz/corpus/"$target"-* "$out/$target/" 2>/dev/null || true
done
