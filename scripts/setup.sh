#!/usr/bin/env bash
# Installs the Debian packages ancre needs to build and test, only those that are missing.
# Idempotent: when everything is present it touches nothing and needs no network.
# Usage: scripts/setup.sh [--test]     (--test also installs what the test suite's external checks use)
set -euo pipefail

build_pkgs=(cmake g++ make pkg-config libicu-dev libsqlite3-dev libutf8proc-dev
  libboost-program-options-dev libgtest-dev libgmock-dev libxml2-dev libbenchmark-dev
  libstemmer-dev dict-freedict-fra-eng dict-freedict-eng-fra)
test_pkgs=(clang-format libxml2-utils translate-toolkit python3 time omegat chromium chromium-driver
  clang libclang-rt-14-dev)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
