#!/usr/bin/env bash
# Short fuzzing run for CI: builds the libFuzzer targets with clang (ASan +
# UBSan), builds the seed corpora, and runs every target for a few seconds
# (about 60 s in all). Fails on the first finding: a crash, a sanitizer
# report, a violated property, a timeout or too much memory; the input that
# found it is left in the build folder as crash-*, timeout-* or oom-*.
# Usage: fuzz/smoke.sh          (ANCRE_FUZZ_BUILD_DIR: build folder, default build-fuzz-smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${ANCRE_FUZZ_BUILD_DIR:-build-fuzz-smoke}"
jobs="${ANCRE_JOBS:-2}"

CXX=clang++ cmake -S . -B "$build" -DANCRE_BUILD_FUZZERS=ON -DANCRE_SANITIZE=ON \
  -DANCRE_BUILD_TESTS=OFF -DANCRE_BUILD_BENCH=OFF -DANCRE_WERROR=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=(segment srx anchors aligner tmx search_query tm_open)
cmake --build "$build" -j"$jobs" --target "${targets[@]/%/_fuzzer}"

seeds="$build/smoke-seeds"
rm -rf "$seeds" "$build/smoke-new"
fuzz/seeds.sh "$seeds"

declare -A seconds=([segment]=12 [srx]=8 [anchors]=14 [aligner]=14 [tmx]=12 [search_query]=8 [tm_open]=10)
declare -A max_len=([segment]=4096 [srx]=4096 [anchors]=4096 [aligner]=4096 [tmx]=16384 [search_query]=1200 [tm_open]=4096)
for t in "${targets[@]}"; do
  new="$build/smoke-new/$t"  # units found now go here, not into the seeds
  mkdir -p "$new"
  echo "== fuzz smoke: ${t}_fuzzer for ${seconds[$t]} s"
  if ! "$build/fuzz/${t}_fuzzer" -max_total_time="${seconds[$t]}" -max_len="${max_len[$t]}" \
    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/" \
    "$new" "$seeds/$t" >"$build/smoke-$t.log" 2>&1; then
    tail -n 60 "$build/smoke-$t.log"
    echo "fuzz smoke: ${t}_fuzzer found a problem; the input is in $build/" >&2
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units)" "$build/smoke-$t.log" || true
done
echo "fuzz smoke: no finding"
