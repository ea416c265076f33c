#!/usr/bin/env bash
# Quick start, part one: install what is missing, build Eftertanke and open it.
# Your journal lives in the OS data directory (~/.local/share/dk.eftertanke.desktop on Linux);
# set EFTERTANKE_DATA_DIR to keep it somewhere else.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
scripts/build-app.sh
exec target/app/eftertanke-app
