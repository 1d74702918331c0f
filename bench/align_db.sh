#!/bin/sh
# End to end: `ancre align --pairs MANIFEST --db TM` on every French–English
# document pair of the dev news (the WMT news test sets in
# $SHARED/data/wmt-newstest-fren-dev, all sets), into a fresh TM each time,
# in two conditions:
#   presegmented  one text file per document side, one <seg> a line, --presegmented
#   raw           the segments of a paragraph (<p>, a headline) joined on one
#                 line, so that ancre segments the text itself
# Prints, per condition: documents, sentences (source + target, as stored),
# TUs stored, wall and CPU seconds, sentences/s, peak RSS, TM size on disk and
# bytes per TU.
#
#   bench/align_db.sh [ANCRE_BINARY] [THREADS]
#   ANCRE=build-release/ancre SHARED=../shared bench/align_db.sh
#
# ANCRE_BINARY (or $ANCRE) defaults to build/ancre; THREADS to ancre's default.
# SHARED defaults to the repository's ../shared.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${ANCRE:-build/ancre}}
ancre=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
threads=${2:-}
shared=${SHARED:-$here/../shared}
news="$shared/data/wmt-newstest-fren-dev"
[ -x "$ancre" ] || { echo "align_db.sh: $ancre: no ancre binary; build it first" >&2; exit 1; }
[ -d "$news" ] || { echo "align_db.sh: $news: no dev news; set SHARED" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One folder per condition, each with manifest.tsv and <set>/<n>.{fr,en}.txt.
/usr/bin/python3 - "$news" "$work" <<'PY'
import os, re, sys
news, work = sys.argv[1], sys.argv[2]
tag = re.compile(r"<(/?)(doc|seg|p|hl|h1)\b([^<>]*)>?", re.I)
attr = re.compile(r'(\w+)="([^"]*)"')
terminal = re.compile(r"[.!?…:;](?:\s*[»\"”’')\]])*\s*$")

def docs(path):
    """The documents of a WMT "fake SGML" file (a raw & is not escaped: read
    it with regular expressions): docid and [(text, paragraph key)]."""
    text = open(path, encoding="utf-8").read()
    out, para, head = [], -1, False
    for m in tag.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        if name == "doc" and not closing:
            out.append((dict(attr.findall(m.group(3))).get("docid"), []))
            para, head = -1, False
        elif name == "p" and not closing:
            para, head = para + 1, False
        elif name in ("hl", "h1"):
            head = not closing
        elif name == "seg" and not closing:
            seg = text[m.end():text.index("</seg>", m.end())]
            out[-1][1].append((" ".join(seg.split()), (para, head)))
    return out

def paragraphs(segs, marked):
    """Lines of the raw text: the segments of one paragraph joined by a space
    (three segments a paragraph where a side has no <p>); a segment without
    final punctuation (a headline) ends its paragraph."""
    lines, cur, key = [], [], None
    for i, (text, k) in enumerate(segs):
        if cur and (k != key if marked else i % 3 == 0):
            lines.append(" ".join(cur))
            cur = []
        cur.append(text)
        key = k
        if not terminal.search(text):
            lines.append(" ".join(cur))
            cur = []
    if cur:
        lines.append(" ".join(cur))
    return lines

sets = sorted({f[:-len("-src.fr.sgm")] for f in os.listdir(news) if f.endswith("-src.fr.sgm")})
manifests = {}
for c in ("presegmented", "raw"):
    os.makedirs(os.path.join(work, c, "docs"))
    manifests[c] = open(os.path.join(work, c, "manifest.tsv"), "w", encoding="utf-8")
n_docs = 0
for s in sets:
    fr, en = (docs(os.path.join(news, f"{s}-src.{l}.sgm")) for l in ("fr", "en"))
    if [d for d, _ in fr] != [d for d, _ in en]:
        sys.exit(f"align_db.sh: {s}: the French and English files hold different documents")
    for n, ((_, f), (_, e)) in enumerate(zip(fr, en)):
        marked = any(k[0] >= 0 for _, k in f) and any(k[0] >= 0 for _, k in e)
        sides = {"presegmented": ([t for t, _ in f], [t for t, _ in e]),
                 "raw": (paragraphs(f, marked), paragraphs(e, marked))}
        for c, (f_lines, e_lines) in sides.items():
            names = [f"docs/{s}.{n:03d}.{l}.txt" for l in ("fr", "en")]
            for name, lines in zip(names, (f_lines, e_lines)):
                with open(os.path.join(work, c, name), "w", encoding="utf-8") as out:
                    out.write("\n".join(lines) + "\n")
            manifests[c].write("\t".join(names) + "\n")
        n_docs += 1
for m in manifests.values():
    m.close()
print(f"dev news: {len(sets)} sets, {n_docs} document pairs", file=sys.stderr)
PY

echo "| input | documents | sentences | TUs stored | wall s | cpu s | sentences/s | peak RSS MB | TM MB | bytes/TU |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for condition in presegmented raw; do
  dir="$work/$condition"
  flags="--src-lang fr --tgt-lang en -q"
  [ "$condition" = presegmented ] && flags="$flags --presegmented"
  [ -n "$threads" ] && flags="$flags --threads $threads"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$dir/time" "$ancre" align --pairs "$dir/manifest.tsv" --db "$dir/tm.sqlite" \
    $flags 2>"$dir/err" || {
    status=$?
    echo "align_db.sh: $condition: ancre exited with $status:" >&2
    cat "$dir/err" >&2
    exit 1
  }
  "$ancre" stats --db "$dir/tm.sqlite" --format json >"$dir/stats.json"
  /usr/bin/python3 - "$condition" "$dir" <<'PY'
import json, os, re, sys
condition, d = sys.argv[1], sys.argv[2]
stats = json.load(open(os.path.join(d, "stats.json")))
time = open(os.path.join(d, "time")).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", time).group(1).strip()
clock = [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = sum(x * 60 ** i for i, x in enumerate(reversed(clock)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)
           if f.startswith("tm.sqlite"))
pairs = sum(1 for line in open(os.path.join(d, "manifest.tsv")) if line.strip())
sentences, units = stats["segments"], stats["units"]
if stats["documents"] != 2 * pairs:  # identical documents are stored once
    print(f"align_db.sh: {condition}: {stats['documents']} documents stored for {pairs} pairs",
          file=sys.stderr)
print(f"| {condition} | {pairs:,} | {sentences:,} | {units:,} | {wall:.2f} | {cpu:.2f} | "
      f"{sentences / wall:,.0f} | {rss_mb:.0f} | {size / 2**20:.1f} | "
      f"{size / units if units else 0:,.0f} |")
PY
done
