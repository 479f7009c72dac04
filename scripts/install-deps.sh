#!/usr/bin/env bash
# Installs the Debian 12 packages suppcheck needs to build, run and test, and nothing that is
# already there; then the second OCR model (scripts/fetch-models.sh, from npm's registry).
# As root it installs; otherwise it uses passwordless sudo if it can, and if it
# cannot, prints the one command to run and stops.
# With --tests it also installs what the browser tests and the fuzzers need: Debian's chromium
# and node/npm, then playwright-core from npm into tests/browser/node_modules (pinned by its
# package-lock); clang 14 with its libFuzzer runtime.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config
  # OCR and images
  libtesseract-dev libleptonica-dev tesseract-ocr
  tesseract-ocr-eng tesseract-ocr-nld tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-osd
  libopencv-dev
  # registry, output, command line
  libcurl4-openssl-dev ca-certificates curl libsqlite3-dev nlohmann-json3-dev libcli11-dev libmicrohttpd-dev libcpp-httplib-dev
  # tests and scripts (sample generator, benchmarks)
  catch2 python3 python3-pil python3-numpy python3-opencv fonts-dejavu-core fonts-liberation fonts-freefont-ttf
  # more typefaces for the label generator (serif, condensed, rounded, heavy): scripts/gen/gen_labels.py
  fonts-dejavu-extra fonts-noto-core fonts-crosextra-carlito fonts-crosextra-caladea fonts-urw-base35
  fonts-roboto-unhinted fonts-open-sans fonts-lato fonts-comfortaa fonts-cantarell fonts-linuxlibertine fonts-paratype
  # the Debian package (cpack -G DEB: dpkg-shlibdeps, file) and its test (unshare, mount)
  dpkg-dev file util-linux mount
)

if [[ "${1:-}" == "--tests" ]]; then
  PACKAGES+=(chromium nodejs npm clang-14 libclang-rt-14-dev)
fi

install_browser_driver() {
  [[ "${1:-}" == "--tests" ]] || return 0
  local dir
  dir="$(dirname "$0")/../tests/browser"
  if [[ ! -d "$dir/node_modules/playwright-core" ]]; then
    echo "install-deps: npm ci in tests/browser (playwright-core, no browser download)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# A machine may have node from elsewhere (not Debian's package): that is enough.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${PACKAGES[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  PACKAGES=("${filtered[@]}")
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are installed"
  install_browser_driver "${1:-}"
  "$(dirname "$0")/fetch-models.sh"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo)
else
  echo "install-deps: not root and no passwordless sudo; run this as root, then try again:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
install_browser_driver "${1:-}"
"$(dirname "$0")/fetch-models.sh"
