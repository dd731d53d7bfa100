#!/usr/bin/env bash
# Installs what baton needs from Debian's archive (only when something is
# missing) and configures + builds one build tree.
#   scripts/setup.sh [BUILD_DIR] [extra cmake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config python3 python3-jsonschema python3-setuptools python3-venv
          libboost1.81-dev libboost-graph1.81-dev libboost-json1.81-dev libmsgsl-dev catch2 abigail-tools
          libpugixml-dev graphviz libgraphviz-dev libexpat1-dev zlib1g-dev libhowardhinnant-date-dev tzdata
          libssl-dev clang-14 libclang-rt-14-dev python3-dask python3-distributed
          chromium)  # the handbook's browser test (tests/browser)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  echo "== installing packages: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
# The bpmn_moddle test runs bpmn.io's parser with node; Debian's npm only
# where no npm is on the machine already.
if ! command -v npm >/dev/null 2>&1; then
  echo "== installing nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

build=${1:-build}
shift || true
cmake -S . -B "$build" -G Ninja "$@" >/dev/null
cmake --build "$build" -j "$(nproc)"
