#!/usr/bin/env bash
# End-to-end TMX figures: import speed, export speed against `cat` of a file of
# the same size (the disk's limit), and peak memory (RSS) of both commands.
# Usage: bench/tmx_export_bench.sh ANCRE_BINARY [UNITS=1000000] [WORK_DIR]
set -euo pipefail
ancre=$1
units=${2:-1000000}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
tmx="$work/in.tmx"; db="$work/tm.sqlite"; out="$work/out.tmx"

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
rm -f "$db" "$db"-*
echo "input: $units units, $(du -m "$tmx" | cut -f1) MB"
/usr/bin/time -f "import: %e s wall, %M KB max RSS" "$ancre" import "$tmx" --db "$db" -q
/usr/bin/time -f "export: %e s wall, %M KB max RSS" "$ancre" export --db "$db" -o "$out" -q
size=$(stat -c %s "$out")
head -c "$size" /dev/urandom > "$work/same-size.bin"
sync
/usr/bin/time -f "cat of the same size: %e s wall" cat "$work/same-size.bin" > "$work/copy.bin"
echo "output: $((size / 1000000)) MB"
