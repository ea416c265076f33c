#!/usr/bin/env bash
# Builds the UI and the release app binary with the UI embedded, and copies it to
# target/app/eftertanke-app (what run-app.sh opens and the end-to-end tests drive: the tests
# drive what ships).
#   scripts/build-app.sh            the binary
#   scripts/build-app.sh --bundle   also the .deb and .rpm, in target/release/bundle/{deb,rpm}/
# (A plain `cargo build --release` would rewrite target/release/eftertanke-app as a binary that
# loads the UI from the Vite dev server, so the embedded build is copied apart.)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=(--no-bundle)
[ "${1:-}" = --bundle ] && bundle=(--bundles deb rpm)
scripts/build-ui.sh
ui/node_modules/.bin/tauri build --ci "${bundle[@]}"
mkdir -p target/app
cp target/release/eftertanke-app target/app/eftertanke-app
echo "Built target/app/eftertanke-app ($(du -h target/app/eftertanke-app | cut -f1))"
