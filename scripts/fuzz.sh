#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each for a
# bounded time from the seed corpus in tests/fuzz/corpus/<target>/ (new inputs go to a scratch
# copy). A crash fails the script and leaves the input in build-fuzz/crashes/<target>/: add it to
# the seed corpus as a regression test once fixed.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
generator=()
if [[ ! -f build-fuzz/CMakeCache.txt ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
cc=clang-14 cxx=clang++-14
command -v "$cxx" >/dev/null || { cc=clang; cxx=clang++; }
CC=$cc CXX=$cxx cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSUPPCHECK_FUZZ=ON \
  -DSUPPCHECK_BUILD_TESTS=OFF >/dev/null
# The targets are listed once, in tests/fuzz/targets.txt (CMakeLists.txt reads it too).
mapfile -t targets < tests/fuzz/targets.txt
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/%/_fuzz}"
status=0
for target in "${targets[@]}"; do
  work=build-fuzz/corpus/$target crashes=build-fuzz/crashes/$target
  rm -rf "$work" && mkdir -p "$work" "$crashes"
  cp tests/fuzz/corpus/$target/* "$work/"
  echo "fuzz: $target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "build-fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=0 "$work" > "build-fuzz/$target.log" 2>&1; then
    echo "fuzz: $target FOUND A PROBLEM; see build-fuzz/$target.log and $crashes/" >&2
    tail -30 "build-fuzz/$target.log" >&2
    status=1
  else
    grep -E "^#[0-9]+.*(DONE|pulse)" "build-fuzz/$target.log" | tail -1 || true
  fi
done
exit $status
