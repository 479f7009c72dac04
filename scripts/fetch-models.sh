#!/usr/bin/env bash
# Puts the second OCR model into models/tessdata/eng_best.traineddata: Tesseract's English
# "best" LSTM model (tessdata_best, converted to integer weights), as the npm package
# @tesseract.js-data/eng 1.0.0 ships it (folder 4.0.0_best_int). suppcheck uses it only to check
# a notification number the Debian ("fast") models agreed on: where the two models read a digit
# differently the number is reported unreadable instead of valid (models/tessdata/README.md).
#
# Downloaded once, here, never at run time; both the npm tarball and the model are checked
# against their SHA-256. Without network, pass the tarball: scripts/fetch-models.sh FILE.tgz
# (`npm pack @tesseract.js-data/eng@1.0.0` makes it).
set -euo pipefail

URL=https://registry.npmjs.org/@tesseract.js-data/eng/-/eng-1.0.0.tgz
TARBALL_SHA256=c9bddf2e2f0a214ac7918f3f4a3caf45e09ce8674fe26662ae7787ac8927f7bb
MODEL_SHA256=5dc5d8d640a212c9d6184921ba103b186f50e0fed9ee716c53e6b312b400d747
MEMBER=package/4.0.0_best_int/eng.traineddata.gz

dir="$(cd "$(dirname "$0")/.." && pwd)/models/tessdata"
target="$dir/eng_best.traineddata"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$target" && "$(sha256_of "$target")" == "$MODEL_SHA256" ]]; then
  echo "fetch-models: $target is in place"
  exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ $# -ge 1 ]]; then
  cp -- "$1" "$tmp/eng.tgz"
else
  echo "fetch-models: downloading $URL"
  curl -fsSL --retry 3 --max-time 600 -o "$tmp/eng.tgz" "$URL"
fi
if [[ "$(sha256_of "$tmp/eng.tgz")" != "$TARBALL_SHA256" ]]; then
  echo "fetch-models: ${1:-$URL} is not @tesseract.js-data/eng 1.0.0 (SHA-256 differs); nothing changed" >&2
  exit 1
fi
tar -xzf "$tmp/eng.tgz" -C "$tmp" "$MEMBER"
gunzip -c "$tmp/$MEMBER" > "$tmp/eng_best.traineddata"
if [[ "$(sha256_of "$tmp/eng_best.traineddata")" != "$MODEL_SHA256" ]]; then
  echo "fetch-models: the model in the tarball has an unexpected SHA-256; nothing changed" >&2
  exit 1
fi
mkdir -p "$dir"
mv "$tmp/eng_best.traineddata" "$target"
echo "fetch-models: installed $target"
