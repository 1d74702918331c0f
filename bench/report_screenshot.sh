#!/usr/bin/env bash
# Writes samples/report.png: the sample pair's HTML report as headless Chromium
# shows it (1280 × 1300 CSS pixels, top of the page). Run after the aligner or
# the report changes. Usage: bench/report_screenshot.sh [BUILD_DIR]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
browser=$(command -v chromium || command -v chromium-browser) || {
  echo "report_screenshot: chromium is not installed (scripts/setup.sh --test)" >&2
  exit 1
}
"$build/ancre" report "$here/samples/cambodia-korea-scams.fr.txt" \
  "$here/samples/cambodia-korea-scams.en.txt" --src-lang fr --tgt-lang en -o "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size=1280,1300 --screenshot="$work/report.png" \
  "file://$work/report.html" 2>/dev/null
cp "$work/report.png" "$here/samples/report.png"
echo "samples/report.png written"
