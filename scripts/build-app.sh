#!/usr/bin/env bash
# Builds the UI and the app binary with the UI embedded, and copies it to
# target/app/eftertanke-app. (A plain `cargo build`/`cargo test` rewrites
# target/debug/eftertanke-app as a dev binary that loads the UI from the Vite dev server, so
# the embedded build is kept apart; the end-to-end tests and run-app.sh use the copy.)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build --silent)
ui/node_modules/.bin/tauri build --debug --no-bundle
mkdir -p target/app
cp target/debug/eftertanke-app target/app/eftertanke-app
echo "Built target/app/eftertanke-app"
