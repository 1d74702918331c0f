#!/usr/bin/env bash
# End-to-end TMX figures: import and export speed in MB/s of TMX, export next
# to `cat` of a file of the same size (the disk's limit) with their ratio, and
# the peak memory (RSS) of both commands.
# Usage: bench/tmx_export_bench.sh ANCRE_BINARY [UNITS=1000000] [WORK_DIR]
set -euo pipefail
ancre=$1
units=${2:-1000000}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
tmx="$work/in.tmx"; db="$work/tm.sqlite"; out="$work/out.tmx"

if [[ ! -s "$tmx" ]]; then
/usr/bin/python3 - "$tmx" "$units" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
            'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr" '
            'datatype="plaintext"/>\n<body>\n')
    for i in range(n):
        f.write('<tu tuid="%d" creationdate="20240501T101112Z"><prop type="x-score">0.8125</prop>'
                '<tuv xml:lang="fr"><seg>Les deux pays cr\u00e9eront une \u00e9quipe conjointe n\u00b0 %d '
                'contre les escroqueries, a annonc\u00e9 S\u00e9oul le 3\u202fnovembre.</seg></tuv>'
                '<tuv xml:lang="en"><seg>The two countries will set up joint team no. %d against '
                'scams, Seoul announced on November 3.</seg></tuv></tu>\n' % (i, i, i))
    f.write('</body></tmx>\n')
PY
fi

# Runs a command under /usr/bin/time; prints "<seconds> <max RSS KB>".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@"
  cat "$work/time.txt"
}
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }'; }

rm -f "$db" "$db"-*
in_size=$(stat -c %s "$tmx")
echo "input: $units units, $((in_size / 1000000)) MB of TMX"
read -r s kb < <(measure "$ancre" import "$tmx" --db "$db" -q)
echo "import: ${s} s, $(mbps "$in_size" "$s") MB/s of TMX, $(awk -v n="$units" -v s="$s" 'BEGIN { printf "%.0f", n / s }') units/s, max RSS $((kb / 1024)) MB"
echo "TM: $(( $(stat -c %s "$db") / 1000000 )) MB, $(( $(stat -c %s "$db") / units )) bytes per unit"

sync
read -r s kb < <(measure "$ancre" export --db "$db" -o "$out" -q)
size=$(stat -c %s "$out")
export_mbps=$(mbps "$size" "$s")
echo "export: ${s} s, $((size / 1000000)) MB, ${export_mbps} MB/s, max RSS $((kb / 1024)) MB"

head -c "$size" /dev/urandom > "$work/same-size.bin"
sync
read -r s kb < <(measure sh -c "cat '$work/same-size.bin' > '$work/copy.bin'")
cat_mbps=$(mbps "$size" "$s")
echo "cat of a file of the same size: ${s} s, ${cat_mbps} MB/s"
awk -v e="$export_mbps" -v c="$cat_mbps" 'BEGIN { printf "export / cat: %.2f\n", (c > 0 ? e / c : 0) }'
rm -f "$work/same-size.bin" "$work/copy.bin"
