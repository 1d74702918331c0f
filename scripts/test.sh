#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh -DANCRE_WERROR=ON -DANCRE_BUILD_TESTS=ON
ctest --test-dir "${ANCRE_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
