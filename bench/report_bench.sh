#!/usr/bin/env bash
# HTML report at scale: builds a parallel French–English pair of N sentences
# (default 10000) from the WMT dev news in ../shared (one sentence dropped on
# the English side), writes its report, and measures the page's size, the time
# to write it, and in headless Chromium the first contentful paint and the
# DOMContentLoaded time of the page opened from disk.
# Usage: bench/report_bench.sh [BUILD_DIR] [N]
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
n=${2:-10000}
ancre=$build/ancre
wmt=$here/../shared/data/wmt-newstest-fren-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$wmt" "$n" "$work" <<'PY'
import glob, re, sys
wmt, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seg = re.compile(r'<seg id="\d+">\s*(.*?)\s*</seg>')
fr, en = [], []
for f in sorted(glob.glob(wmt + '/*.fr.sgm')):
    a = seg.findall(open(f, encoding='utf-8').read())
    b = seg.findall(open(f.replace('.fr.sgm', '.en.sgm'), encoding='utf-8').read())
    if len(a) == len(b):
        fr += a
        en += b
while len(fr) < n:  # repeat the news if N is larger than the dev set
    fr, en = fr + fr, en + en
fr, en = fr[:n], en[:n]
del en[n // 2]
open(out + '/fr.txt', 'w', encoding='utf-8').write('\n'.join(fr) + '\n')
open(out + '/en.txt', 'w', encoding='utf-8').write('\n'.join(en) + '\n')
PY

args=("$work/fr.txt" "$work/en.txt" --src-lang fr --tgt-lang en --presegmented --mode parallel)
start=$(date +%s.%N)
"$ancre" align "${args[@]}" --format jsonl -o "$work/beads.jsonl" 2>/dev/null
mid=$(date +%s.%N)
"$ancre" report "${args[@]}" -o "$work/report.html" 2>/dev/null
end=$(date +%s.%N)
bytes=$(stat -c %s "$work/report.html")
echo "sentences:            $n fr, $((n - 1)) en"
echo "page size:            $bytes bytes ($(awk -v b="$bytes" -v n="$n" 'BEGIN{printf "%.0f", b/n}') bytes per sentence pair)"
echo "align (jsonl):        $(awk -v a="$start" -v b="$mid" 'BEGIN{printf "%.2f", b-a}') s"
echo "align + report:       $(awk -v a="$mid" -v b="$end" 'BEGIN{printf "%.2f", b-a}') s"

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "browser timings:      SKIPPED (chromium is not installed)"
  exit 0
fi
# A copy of the page that records its own paint timings in its title once loaded.
sed 's|</body></html>|<script>addEventListener("load",function(){var n=performance.getEntriesByType("navigation")[0];setTimeout(function(){var p={};performance.getEntriesByType("paint").forEach(function(e){p[e.name]=Math.round(e.startTime);});document.title="PERF fcp="+p["first-contentful-paint"]+" dcl="+Math.round(n.domContentLoadedEventEnd)+" load="+Math.round(n.loadEventStart);},300);});</script></body></html>|' \
  "$work/report.html" >"$work/timed.html"
for run in 1 2 3; do
  "$browser" --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --window-size=1280,1600 --user-data-dir="$work/profile$run" --virtual-time-budget=5000 \
    --dump-dom "file://$work/timed.html" 2>/dev/null | grep -o '<title>PERF[^<]*' |
    sed "s/^<title>PERF/browser run $run (ms):/"
done
