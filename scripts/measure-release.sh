#!/usr/bin/env bash
# Reports the release binary's size and the memory of the running app across all its processes
# (the app and its WebKit web and network processes), as PSS from /proc/PID/smaps_rollup, so
# shared pages are counted once. A report, not a test: it prints numbers and exits 0.
#   scripts/measure-release.sh [BINARY]     default target/app/eftertanke-app (scripts/build-app.sh)
# The app is started on a new, empty data folder and measured on its first screen after
# SETTLE seconds (default 8).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-target/app/eftertanke-app}"
settle="${SETTLE:-8}"
[ -x "$binary" ] || { echo "$binary is missing: run scripts/build-app.sh first." >&2; exit 1; }
echo "binary: $binary, $(stat -c %s "$binary" | awk '{printf "%.1f MB", $1/1e6}')"

exec scripts/with-xvfb.sh bash -c '
  binary="$1"; settle="$2"
  data=$(mktemp -d)
  EFTERTANKE_DATA_DIR="$data" "$binary" >/dev/null 2>&1 &
  app=$!
  sleep "$settle"
  tree() { echo "$1"; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done; }
  total=0
  for pid in $(tree "$app"); do
    pss=$(awk "/^Pss:/ {print \$2}" /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)
    awk -v n="$(cat /proc/"$pid"/comm 2>/dev/null)" -v p="$pid" -v k="$pss" "BEGIN { printf \"  %-24s pid %-7s PSS %6.1f MB\\n\", n, p, k / 1024 }"
    total=$((total + pss))
  done
  awk -v k="$total" "BEGIN { printf \"all processes: PSS %.1f MB\\n\", k / 1024 }"
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  rm -rf "$data"
' _ "$binary" "$settle"
