#!/usr/bin/env bash
# `cmake --install` into a fresh prefix, then what a user of the package meets:
# the binary, man page and bash completion in place; public headers that hold
# together without the source tree and keep ICU, SQLite, libxml2 and Boost
# private; and a program built outside the tree with find_package(ancre) that
# aligns the sample articles as `ancre align` does.
# Usage: install_test.sh CMAKE BUILD_DIR SOURCE_DIR WORK_DIR CXX BUILD_TYPE
set -euo pipefail
cmake=$1 build=$2 src=$3 work=$4 cxx=$5 build_type=$6

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" ||
  fail "cmake --install failed: $(cat "$work/install.log")"

# What lands where (GNUInstallDirs: the library folder is lib or lib64).
for f in bin/ancre share/man/man1/ancre.1 share/bash-completion/completions/ancre \
  include/ancre/src/pipeline/pipeline.h include/ancre/src/core/segment.h; do
  [[ -e $prefix/$f ]] || fail "not installed: $f"
done
config=$(find "$prefix" -name ancreConfig.cmake)
[[ -n $config ]] || fail "no ancreConfig.cmake installed"
libdir=$(dirname "$(dirname "$(dirname "$config")")")
for lib in core text align pipeline report tm; do
  [[ -f $libdir/libancre_$lib.a ]] || fail "not installed: libancre_$lib.a"
done
"$prefix/bin/ancre" --version | grep -q '^ancre ' || fail "the installed ancre does not run"
man_commands=$(grep -c '^\.SS "ancre ' "$prefix/share/man/man1/ancre.1" || true)
help_commands=$("$prefix/bin/ancre" --help | awk '/^Commands:/{c=1; next} c&&/^$/{exit} c{n++} END{print n}')
[[ $man_commands -eq $help_commands && $help_commands -gt 0 ]] ||
  fail "the man page has $man_commands command sections, ancre --help lists $help_commands"

# A library's private headers (a backend's interface and implementation) stay
# in the source tree, and the exported targets name no path of the build machine.
for f in tm/backend.h tm/unit_feed.h tm/sqlite/fts5_query.h tm/sqlite/sqlite_tm.h tm/tmx/input_guard.h; do
  [[ ! -e $prefix/include/ancre/$f ]] || fail "a private header is installed: $f"
done
if grep -n 'libstemmer\.\(a\|so\)' "$(dirname "$config")"/ancreTargets*.cmake; then
  fail "the exported targets link the stemmer by a path of the build machine"
fi

# The installed headers hold together: every header an installed header
# includes from ancre is installed too, and none includes a private dependency.
includes=$prefix/include/ancre
while IFS= read -r header; do
  while IFS= read -r included; do
    [[ -f $includes/$included ]] || fail "${header#"$includes"/} includes $included, not installed"
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$header")
  if grep -Eq '^#include <(sqlite3\.h|unicode/|libxml/|boost/)' "$header"; then
    fail "${header#"$includes"/} includes a private dependency"
  fi
done < <(find "$includes" -name '*.h')

# The consumer is copied out of the source tree: it sees only the prefix.
cp -r "$src/tests/install/consumer" "$work/consumer-src"
"$cmake" -S "$work/consumer-src" -B "$work/consumer-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE="$build_type" >"$work/configure.log" 2>&1 ||
  fail "configuring the consumer failed: $(cat "$work/configure.log")"
grep -q "^ancre_DIR:PATH=$prefix/" "$work/consumer-build/CMakeCache.txt" ||
  fail "find_package(ancre) did not find the installed package"
"$cmake" --build "$work/consumer-build" >"$work/build.log" 2>&1 ||
  fail "building the consumer failed: $(cat "$work/build.log")"

fr=$src/samples/cambodia-korea-scams.fr.txt
en=$src/samples/cambodia-korea-scams.en.txt
"$work/consumer-build/align_documents" "$fr" fr "$en" en >"$work/pairs.tsv" 2>"$work/stderr" ||
  fail "the consumer failed: $(cat "$work/stderr")"
pairs=$(sed -n 's/^pairs: //p' "$work/stderr")
[[ ${pairs:-0} -gt 0 ]] || fail "the consumer aligned no pairs: $(cat "$work/stderr")"
[[ $(wc -l <"$work/pairs.tsv") -eq $pairs ]] || fail "pairs: $pairs, but $(wc -l <"$work/pairs.tsv") printed"
# The two articles are comparable (samples/README.md); the October 27 meeting
# of Hun Manet and Lee Jae Myung is in both.
grep -q $'^9\t1\tEn marge du 26e Sommet .*27 octobre.*Hun Manet.*\t.*Hun Manet.*October 27' \
  "$work/pairs.tsv" || fail "the October 27 pair (9, 1) is missing: $(cat "$work/pairs.tsv")"

# The same pairs as the installed binary finds (its JSONL beads with both sides).
"$prefix/bin/ancre" align "$fr" "$en" --src-lang fr --tgt-lang en --format jsonl -q 2>/dev/null |
  sed -n 's/^{"src":\[\([0-9,]*\)\],"tgt":\[\([0-9,]*\)\].*/\1\t\2/p' | { grep -v $'^\t\|\t$' || true; } >"$work/cli.tsv"
cut -f1,2 "$work/pairs.tsv" >"$work/library.tsv"
diff "$work/cli.tsv" "$work/library.tsv" >"$work/diff" ||
  fail "the library's pairs differ from ancre align's: $(head -20 "$work/diff")"
echo "installed into $prefix; the consumer aligned $pairs pairs, as ancre align does"
