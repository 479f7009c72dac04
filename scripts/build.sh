#!/usr/bin/env bash
# Configures and builds suppcheck. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args...]
# Default: a Release build in build/ (the binary is build/suppcheck).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
generator=()
# Ninja when available, but never switch the generator of an existing build folder.
if [[ ! -f "$dir/CMakeCache.txt" ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
# ccache, when a developer has installed it, makes rebuilds and other checkouts cheap; paths are
# hashed relative to the checkout so that clones share the cache. Not needed, not installed by us.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$dir" "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
