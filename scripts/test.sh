#!/usr/bin/env bash
# The second README command: install what is missing, build in Release with the tests, run them.
# With --sanitize, also builds everything with AddressSanitizer + UBSan (+ LeakSanitizer) in
# build-asan/ and runs the suite again there, then builds the libFuzzer targets with clang and
# runs each for a bounded time (scripts/fuzz.sh), then builds the Debian package, installs it
# into the system, scans a sample with it and removes it (tests/package/package_test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh build -DSUPPCHECK_BUILD_TESTS=ON -DSUPPCHECK_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [[ "${1:-}" == "--sanitize" ]]; then
  scripts/build.sh build-asan -DSUPPCHECK_BUILD_TESTS=ON -DSUPPCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}"
  # The Debian package installed into this (throw-away CI) system, used, removed.
  SUPPCHECK_PACKAGE_TEST=1 ctest --test-dir build -R '^package$' --output-on-failure
fi
