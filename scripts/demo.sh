#!/usr/bin/env bash
# The main job on the sample articles: installs what is missing, builds, then
#   1. segments both articles (out/*.sentences.jsonl, byte offsets into the files),
#   2. aligns them into the translation memory out/ancre.sqlite and writes the
#      inspection page out/cambodia-korea-scams.report.html,
#   3. exports the TM as TMX 1.4b (out/cambodia-korea-scams.tmx): the two sample
#      articles were written separately, so their pairs are comparable pairs
#      (sentences that report the same fact), not translations; an export
#      holds translations only unless --mode any, which marks them x-mode comparable,
# and says where everything is and how many pairs it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ancre=build/ancre
fr=samples/cambodia-korea-scams.fr.txt
en=samples/cambodia-korea-scams.en.txt
mkdir -p out
for lang in fr en; do
  "$ancre" segment "samples/cambodia-korea-scams.$lang.txt" --lang "$lang" --format jsonl \
    -o "out/cambodia-korea-scams.$lang.sentences.jsonl"
done
"$ancre" align "$fr" "$en" --src-lang fr --tgt-lang en --db out/ancre.sqlite \
  --format html -o out/cambodia-korea-scams.report.html
"$ancre" export --db out/ancre.sqlite -o out/cambodia-korea-scams.tmx --mode any --quiet
units=$("$ancre" stats --db out/ancre.sqlite --format json | sed -n 's/.*"units":\([0-9]*\).*/\1/p')
tmx_units=$(grep -c '<tu ' out/cambodia-korea-scams.tmx || true)
echo
echo "sentences:  $(wc -l <out/cambodia-korea-scams.fr.sentences.jsonl) fr, $(wc -l <out/cambodia-korea-scams.en.sentences.jsonl) en  (out/cambodia-korea-scams.{fr,en}.sentences.jsonl)"
echo "TM:         out/ancre.sqlite, $units translation units (ancre stats --db out/ancre.sqlite)"
echo "TMX 1.4b:   out/cambodia-korea-scams.tmx, $tmx_units units (comparable pairs, marked x-mode comparable)"
echo "inspect:    out/cambodia-korea-scams.report.html (open it in a browser)"
