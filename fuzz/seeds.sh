#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets into OUT/<target>/ from the
# sample articles, the shared news test sets and TMX samples, and fuzz/corpus/.
# Usage: fuzz/seeds.sh OUT
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
out="${1:?usage: fuzz/seeds.sh OUT}"
mkdir -p "$out"/{segment,anchors,aligner,tmx,srx,search_query,tm_open}

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

# Concordance queries (control byte, then the query) and TM changes (patches,
# or 'S' and one SQL statement).
n=0
for q in "task force" '"joint task"' 'escroq*' 'NEAR(Hun Manet, 3)' 'Hun AND NOT Séoul' \
  'gare ?' 'a* b* c*' '"phrase"*' '' '))((' ; do
  for control in 00 01 02 04; do printf "\x$control%s" "$q" >"$out/search_query/q$((n++))"; done
done
printf 'S%s' 'DROP TABLE units; CREATE VIEW units AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM r) SELECT x FROM r;' >"$out/tm_open/view"
printf 'S%s' 'CREATE TRIGGER t AFTER INSERT ON units BEGIN SELECT 1; END;' >"$out/tm_open/trigger"
printf 'S%s' 'PRAGMA application_id = 0;' >"$out/tm_open/app-id"
printf '\x00\x00\x10XXXXXXXXXXXXXXXX' >"$out/tm_open/header"
printf '\x00\x40\x08\xff\xff\xff\xff\xff\xff\xff\xff' >"$out/tm_open/page"
