# Installs what building and testing e-Cabinet needs on a Debian machine, once; later runs
# find everything in place and take seconds. Sourced by .ci/demo and .ci/test.
#
# Tools that cargo-leptos would otherwise download from GitHub (unreachable on locked-down
# networks) come from crates.io and npm, cached in $ECAB_TOOLS (default ~/.cache/ecabinet-tools).
set -euo pipefail

ECAB_TOOLS="${ECAB_TOOLS:-$HOME/.cache/ecabinet-tools}"
CARGO_LEPTOS_VERSION="0.3.11"
BINARYEN_VERSION="132.0.0"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_debian_packages() {
  local want=()
  command -v cc >/dev/null || want+=(build-essential)
  command -v pkg-config >/dev/null || want+=(pkg-config)
  command -v npm >/dev/null || want+=(nodejs npm)
  command -v git >/dev/null || want+=(git)
  # pdftoppm draws each document's first page for the reader (and pdftotext is the benchmark's
  # reference): without it the reader waits for pdf.js, as it always could.
  command -v pdftoppm >/dev/null || want+=(poppler-utils)
  if [ "${1:-}" = test ]; then
    command -v chromium >/dev/null || want+=(chromium)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
  fi
  if [ ${#want[@]} -gt 0 ]; then
    say "installing Debian packages: ${want[*]}"
    apt_install "${want[@]}"
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    echo "cargo not found: install Rust with rustup (https://rustup.rs) and run this again." >&2
    exit 1
  fi
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
}

locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_web_tools() {
  mkdir -p "$ECAB_TOOLS"
  export PATH="$ECAB_TOOLS/node_modules/.bin:$ECAB_TOOLS/bin:$PATH"

  if [ "$(cargo-leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 20 minutes on 2 cores)"
    # --ignore-rust-version: one of its dependencies asks for a newer Rust but builds fine.
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked \
      --ignore-rust-version --root "$ECAB_TOOLS"
  fi

  local bindgen
  bindgen="$(locked_version wasm-bindgen)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen" ]; then
    say "installing wasm-bindgen-cli $bindgen (the version in Cargo.lock)"
    # No --locked: its own lock file names a yanked crate.
    cargo install wasm-bindgen-cli --version "$bindgen" --root "$ECAB_TOOLS"
  fi

  if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    npm install --prefix "$ECAB_TOOLS" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
  # Debian's binaryen (wasm-opt 108) silently breaks release WASM: hydration never happens.
  if [ "$(command -v wasm-opt)" = /usr/bin/wasm-opt ]; then
    echo "wasm-opt resolves to /usr/bin/wasm-opt (Debian's binaryen), which breaks the build." >&2
    exit 1
  fi
}

ensure_end2end() {
  if [ ! -d end2end/node_modules/@playwright/test ] ||
     [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    say "installing the browser-test runner (npm ci)"
    (cd end2end && npm ci --no-audit --no-fund --silent)
  fi
}

# Lighthouse, for the benchmark's figure 9 only (end2end/bench/package.json).
ensure_lighthouse() {
  if [ ! -d end2end/bench/node_modules/lighthouse ] ||
     [ end2end/bench/package-lock.json -nt end2end/bench/node_modules/.package-lock.json ]; then
    say "installing Lighthouse for the benchmark (npm ci)"
    (cd end2end/bench && npm ci --no-audit --no-fund --silent)
  fi
}

# The document reader (public/reader.js) loads pdf.js from /vendor/pdfjs/, served from
# public/vendor/pdfjs/ (not committed: copied here from the npm package).
ensure_pdf_viewer() {
  local version="4.10.38" pkg="$ECAB_TOOLS/node_modules/pdfjs-dist" file
  mkdir -p "$ECAB_TOOLS"
  if [ "$(node -p 'require(process.argv[1]).version' "$pkg/package.json" 2>/dev/null)" != "$version" ]; then
    say "installing pdf.js $version (pdfjs-dist from npm)"
    npm install --prefix "$ECAB_TOOLS" --no-audit --no-fund --silent "pdfjs-dist@$version"
  fi
  mkdir -p public/vendor/pdfjs
  for file in pdf.min.mjs pdf.worker.min.mjs; do
    cmp -s "$pkg/build/$file" "public/vendor/pdfjs/$file" ||
      cp "$pkg/build/$file" "public/vendor/pdfjs/$file"
  done
}
