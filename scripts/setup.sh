#!/usr/bin/env bash
# Installs what Eftertanke needs on a Debian 12 (or newer) machine, skipping what is there:
#   scripts/setup.sh app    system libraries, Node packages and the Tauri CLI, to build and run
#   scripts/setup.sh test   all of the above, plus WebKitWebDriver, Xvfb, tauri-driver and
#                           cargo-deny
# Needs: a Rust stable toolchain (cargo) and Node.js >= 20.19 with npm.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

APP_PACKAGES=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth dbus-x11 fonts-dejavu-core)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=("${APP_PACKAGES[@]}")
[ "$mode" = test ] && packages+=("${TEST_PACKAGES[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "Installing Node.js and npm from Debian"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node.js $(node --version) is too old: Vite needs 20.19 or newer. Install a newer Node.js and run again." >&2
  exit 1
fi
if ! command -v cargo >/dev/null; then
  echo "cargo was not found: install a stable Rust toolchain (rustup.rs) and run again." >&2
  exit 1
fi

say "Installing the UI's npm packages (with the Tauri CLI)"
(cd ui && npm ci --no-audit --no-fund --loglevel=error)

if [ "$mode" = test ]; then
  say "Installing the end-to-end tests' npm packages"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --locked
  fi
  if ! command -v cargo-deny >/dev/null; then
    # The dependency audit (scripts/audit.sh). Built from crates.io, a few minutes once.
    say "Installing cargo-deny"
    cargo install cargo-deny --locked --version 0.20.2
  fi
fi
