#!/usr/bin/env bash
# Installs the Debian packages ancre needs to build and test, only those that are missing.
# Idempotent: when everything is present it touches nothing and needs no network.
# Usage: scripts/setup.sh [--test]     (--test also installs what the test suite's external checks use)
set -euo pipefail

# FreeDict dictionaries (both directions where Debian has them) for the pairs ancre ships a
# lexicon for out of the box: English with French, German, Spanish, Italian, Portuguese, Dutch,
# Czech, Polish, Swedish, Russian, Hindi; German with French. Other pairs: install
# dict-freedict-XXX-YYY yourself, ancre finds it in /usr/share/dictd.
dictionaries=(dict-freedict-{fra-eng,eng-fra,deu-eng,eng-deu,spa-eng,eng-spa,ita-eng,eng-ita}
  dict-freedict-{por-eng,eng-por,nld-eng,eng-nld,ces-eng,eng-ces,pol-eng,eng-pol,swe-eng,eng-swe}
  dict-freedict-{eng-rus,eng-hin,deu-fra,fra-deu})
build_pkgs=(cmake g++ make pkg-config libicu-dev libsqlite3-dev libutf8proc-dev
  libboost-program-options-dev libgtest-dev libgmock-dev libxml2-dev libbenchmark-dev
  libstemmer-dev nlohmann-json3-dev libcpp-httplib-dev help2man "${dictionaries[@]}")
test_pkgs=(clang-format libxml2-utils translate-toolkit python3 time omegat chromium chromium-driver
  python3-selenium clang libclang-rt-14-dev)

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
