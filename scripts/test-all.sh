#!/usr/bin/env bash
# Quick start, part two: install what is missing and run every test — formatting and lints,
# the dependency audit, Rust (core, CLI, shell on the mock runtime, bindings drift), the crash
# test, UI (type check, vitest) and end-to-end (the real window under Xvfb through
# tauri-driver). Lists the time of every step at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS_TITLE="test-all"
source scripts/lib/steps.sh
# A run from nothing gains nothing from incremental caches and pays for writing them.
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=0

step "Setup: install what is missing"
scripts/setup.sh test

step "Building the UI (the shell embeds it at compile time)"
scripts/build-ui.sh

step "Rust: format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Dependency audit: advisories (offline snapshot), licences, sources; npm audit; licence list"
scripts/audit.sh

step "Rust: tests"
cargo test --workspace --locked

step "Crash safety: SIGKILL a saving process 500 times (about half a minute)"
# The example as `cargo test --workspace` just built it: `cargo run -p eftertanke-core` would
# build it again with the core's own feature set.
target/debug/examples/crash_test --kills 500

step "UI: type check and unit tests"
(cd ui && npm run check --silent && npm test --silent)

step "Release build: the app with its UI embedded, the .deb and the .rpm"
scripts/build-app.sh --bundle

step "The package: contents, dependencies, and the installed binary's first screen"
scripts/check-package.sh

# The tests fill journals with target/debug/eftertanke, which `cargo test --workspace` built.
step "End-to-end: the release app in a real window under Xvfb"
scripts/with-xvfb.sh bash -c 'cd tests/e2e && npm test --silent'
