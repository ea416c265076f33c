#!/usr/bin/env bash
# Installs what Eftertanke needs on a Debian 12 (or newer) machine, skipping what is there:
#   scripts/setup.sh app    system libraries, the Rust crates, Node packages and the Tauri CLI,
#                           to build, package and run the app
#   scripts/setup.sh test   all of the above, plus WebKitWebDriver, Xvfb, tauri-driver and
#                           cargo-deny
# Needs: a Rust stable toolchain (cargo) and Node.js >= 20.19 with npm. Stops at the first thing
# that is missing with one sentence saying what it is and how to get it.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"
STEPS_TITLE="setup ($mode)"
source scripts/lib/steps.sh

APP_PACKAGES=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth dbus-x11 fonts-dejavu-core x11-utils desktop-file-utils rpm
  poppler-utils age)

# One sentence, then stop: no wall of compiler or package-manager output.
die() { printf '\n\033[1mSetup stopped:\033[0m %s\n' "$*" >&2; exit 1; }
# Runs a command quietly; on failure shows its last lines and the sentence given.
quietly() {
  local why="$1" log
  shift
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    rm -f "$log"
    die "$why"
  fi
  rm -f "$log"
}
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "installing system packages needs root, and sudo is not installed: run 'su -c \"scripts/setup.sh $mode\"' once, or install sudo."
  fi
}

command -v cargo >/dev/null ||
  die "cargo was not found: install a stable Rust toolchain with rustup (https://rustup.rs), open a new shell, and run again."
command -v apt-get >/dev/null ||
  die "this script installs system packages with apt-get (Debian or Ubuntu); on another system install the packages listed in the README by hand."

packages=("${APP_PACKAGES[@]}")
[ "$mode" = test ] && packages+=("${TEST_PACKAGES[@]}")
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "System packages: ${missing[*]}"
  quietly "apt-get could not reach the package archive: check the network or the apt sources, then run again." \
    as_root apt-get update -qq
  quietly "apt-get could not install ${missing[*]}: see the lines above." \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js $(node --version) is too old: Vite needs 20.19 or newer. Install a newer Node.js (e.g. from nodejs.org or NodeSource) and run again."

# Every crate of Cargo.lock, for every platform: the offline dependency audit reads them all,
# and the builds after this need no network.
step "Rust crates (cargo fetch)"
quietly "cargo could not download the crates in Cargo.lock: check the network (crates.io), then run again." \
  cargo fetch --locked

step "The UI's npm packages (with the Tauri CLI)"
quietly "npm could not install the UI's packages: check the network (the npm registry), then run again." \
  bash -c 'cd ui && npm ci --no-audit --no-fund --loglevel=error'

if [ "$mode" = test ]; then
  step "The end-to-end tests' npm packages"
  quietly "npm could not install the end-to-end tests' packages: check the network (the npm registry), then run again." \
    bash -c 'cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error'
  if ! command -v tauri-driver >/dev/null; then
    step "tauri-driver (cargo install, once)"
    quietly "cargo could not build tauri-driver: see the lines above." \
      cargo install tauri-driver --locked --version 2.1.0
  fi
  if ! command -v cargo-deny >/dev/null; then
    # The dependency audit (scripts/audit.sh). Built from crates.io, a few minutes once.
    step "cargo-deny (cargo install, once)"
    quietly "cargo could not build cargo-deny: see the lines above." \
      cargo install cargo-deny --locked --version 0.20.2
  fi
fi
