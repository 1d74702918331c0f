#!/usr/bin/env bash
# Configures and builds ancre in build/ (Release). Extra arguments go to cmake's configure step.
# Usage: scripts/build.sh [-DANCRE_WERROR=ON ...]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B "${ANCRE_BUILD_DIR:-build}" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "${ANCRE_BUILD_DIR:-build}" -j"$(nproc)"
