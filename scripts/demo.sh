#!/usr/bin/env bash
# The main job on the sample articles: installs what is missing, builds, and
# segments both sample articles into out/ (one sentence per line, and JSONL with byte offsets).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p out
for lang in fr en; do
  in="samples/cambodia-korea-scams.$lang.txt"
  build/ancre segment "$in" --lang "$lang" -o "out/cambodia-korea-scams.$lang.sentences.txt"
  build/ancre segment "$in" --lang "$lang" --format jsonl -o "out/cambodia-korea-scams.$lang.sentences.jsonl"
  echo "$in: $(wc -l <"out/cambodia-korea-scams.$lang.sentences.txt") sentences -> out/cambodia-korea-scams.$lang.sentences.{txt,jsonl}"
done
