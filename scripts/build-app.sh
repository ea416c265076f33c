#!/usr/bin/env bash
# Builds the UI and the app binary with the UI embedded: target/debug/eftertanke-app.
# (A debug build without installers: quick to make, and what the end-to-end tests drive.)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build --silent)
ui/node_modules/.bin/tauri build --debug --no-bundle
