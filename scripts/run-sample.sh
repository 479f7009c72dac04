#!/usr/bin/env bash
# The first README command: install what is missing, build in Release, and run suppcheck on a
# sample label photo from samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
sample=${1:-samples/sample-phone-0004.jpg}
if [[ -f "$sample" ]] && build/suppcheck scan --help >/dev/null 2>&1; then
  echo "+ build/suppcheck scan $sample"
  build/suppcheck scan "$sample" --format text || true
else
  echo "+ build/suppcheck number 'nut/as162/597' 'NUT 12345/6'"
  build/suppcheck number 'nut/as162/597' 'NUT 12345/6' --format text || true
fi
