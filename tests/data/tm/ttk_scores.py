#!/usr/bin/python3
"""Fills the ttk column of match_percent.tsv with translate-toolkit's match %.

translate-toolkit (Debian package translate-toolkit) scores a fuzzy match with
translate.search.lshtein.LevenshteinComparer: 100 x (1 - d / max(n, m)) over
characters, the similarity its tmserver and pot2po use. Each pair is scored as
translate-toolkit sees a unit: the query against the TM text, tags as written
in the query and none in the TM's plain text.

Usage: /usr/bin/python3 tests/data/tm/ttk_scores.py tests/data/tm/match_percent.tsv
"""
import logging
import sys

logging.disable(logging.WARNING)  # "Python-Levenshtein not found": the Python version is used
from translate.search.lshtein import LevenshteinComparer  # noqa: E402

path = sys.argv[1]
comparer = LevenshteinComparer()
lines = open(path, encoding="utf-8").read().split("\n")
out = []
for line in lines:
    if not line or line.startswith("#") or line.startswith("kind\t"):
        out.append(line)
        continue
    f = line.split("\t")
    # stoppercentage 0: the exact figure, never the "below the stop" shortcut
    f[5] = "%.2f" % comparer.similarity(f[2], f[3], 0)
    out.append("\t".join(f))
open(path, "w", encoding="utf-8").write("\n".join(out))
