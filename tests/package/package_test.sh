#!/usr/bin/env bash
# The Debian package, as an administrator uses it: built with CPack from BUILD_DIR, installed
# with dpkg -i into this system, then the installed /usr/bin/suppcheck scans a sample from a
# folder outside the source tree, with the source tree's models hidden (so the binary must find
# /usr/share/suppcheck/models by itself); the systemd unit is checked with systemd-analyze
# verify when it is available; the package is removed at the end.
#
# It changes the system, so it runs only where that is wanted: as root, with
# SUPPCHECK_PACKAGE_TEST=1 (CI, a throw-away machine: scripts/test.sh --sanitize sets it).
# Otherwise, or without dpkg, it exits 77 (skipped).
# Usage: package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$(realpath "$1")
build=$(realpath "$2")
skip() { echo "skipped: $*"; exit 77; }
[[ "${SUPPCHECK_PACKAGE_TEST:-}" == 1 ]] || skip "installs into the system; set SUPPCHECK_PACKAGE_TEST=1 (CI)"
[[ $(id -u) -eq 0 ]] || skip "dpkg -i needs root"
command -v dpkg >/dev/null && command -v dpkg-shlibdeps >/dev/null || skip "dpkg or dpkg-shlibdeps (dpkg-dev) missing"
if dpkg-query -W -f='${Status}' suppcheck 2>/dev/null | grep -q "install ok installed"; then
  skip "a suppcheck package is installed already; not touching it"
fi

work=$(mktemp -d /tmp/suppcheck-package-XXXXXX)
installed=0
cleanup() {
  if [[ $installed == 1 ]]; then dpkg --purge suppcheck >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "not ok - $*" >&2; exit 1; }

echo "# building the package"
(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/suppcheck_*.deb)
echo "ok - built $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "# Depends: $depends"
for want in libtesseract libopencv-imgcodecs libcurl tesseract-ocr-nld tesseract-ocr-eng; do
  [[ "$depends" == *"$want"* ]] || fail "Depends lacks $want"
done
echo "ok - Depends lists the libraries and the language data"

dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
installed=1
echo "ok - dpkg -i"
for f in /usr/bin/suppcheck /usr/share/suppcheck/models/rules.json /usr/share/suppcheck/models/salts.json \
         /lib/systemd/system/suppcheck.service; do
  [[ -e "$f" ]] || fail "$f is not installed"
done
grep -q '^ExecStart=/usr/bin/suppcheck serve' /lib/systemd/system/suppcheck.service || fail "unit ExecStart"
echo "ok - binary, models and unit in place"

# Scan a sample from elsewhere, the source tree's models out of sight when a private mount
# namespace is possible (the binary also knows the source path it was built from).
cp "$src/samples/sample-clean-0001.jpg" "$work/label.jpg"
empty="$work/empty" && mkdir -p "$empty"
scan=(/usr/bin/suppcheck scan "$work/label.jpg" --format json)
if unshare --mount true 2>/dev/null; then
  runner=(unshare --mount sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' "$empty" "$src/models" "${scan[@]}")
  echo "# source models hidden by a bind mount"
else
  runner=("${scan[@]}")
  echo "# no mount namespace here: the source models stay visible"
fi
set +e
(cd "$work" && env -u SUPPCHECK_MODELS SUPPCHECK_REGISTRY= SUPPCHECK_CACHE_DIR="$work/cache" "${runner[@]}") \
  >"$work/scan.json" 2>"$work/scan.err"
rc=$?
set -e
# sample-clean-0001: 2 sachets of 250 mg a day, above the safe upper level: exit 1, a verdict.
[[ $rc == 1 ]] || { cat "$work/scan.err"; fail "scan exit $rc (1 expected)"; }
python3 - "$work/scan.json" <<'PY' || fail "the installed binary's verdict"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["ok"] is True, r
assert r["assessment"]["level"] == "above_noael", r["assessment"]
assert r["magnesium"]["mg_per_day"] == 500.0, r["magnesium"]
PY
echo "ok - /usr/bin/suppcheck scan: above_noael, 500 mg a day"

if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/suppcheck.service >"$work/verify.log" 2>&1 ||
    { cat "$work/verify.log"; fail "systemd-analyze verify"; }
  grep -v -e '^$' "$work/verify.log" | sed 's/^/# /' || true
  echo "ok - systemd-analyze verify"
else
  echo "# systemd-analyze not available: unit not verified"
fi

dpkg --purge suppcheck >"$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log"; fail "dpkg --purge"; }
installed=0
[[ ! -e /usr/bin/suppcheck && ! -e /lib/systemd/system/suppcheck.service ]] || fail "files left after dpkg --purge"
echo "ok - dpkg --purge removes it"
