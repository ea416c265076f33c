#!/usr/bin/env bash
# The fresh-machine rehearsal: runs CI (.ci/run) the way a newcomer's machine would — a clean
# clone of this repository's HEAD, an empty CARGO_HOME (only the rustup toolchain is kept), an
# empty npm cache, no tauri-driver or cargo-deny on PATH, no target/ and no node_modules/ — and
# lists the time of every step.
#   scripts/ci-fresh.sh          cold: everything above from nothing
#   scripts/ci-fresh.sh --warm   again in the same clone with its caches, nothing changed
# The rehearsal lives in $EFTERTANKE_FRESH_DIR (default /tmp/eftertanke-fresh). System packages
# cannot be made fresh here: setup.sh installs the missing ones as on any machine.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${EFTERTANKE_FRESH_DIR:-${TMPDIR:-/tmp}/eftertanke-fresh}"
mode=cold
case "${1:-}" in
  "") ;;
  --warm) mode=warm ;;
  *) echo "usage: scripts/ci-fresh.sh [--warm]" >&2; exit 2 ;;
esac

rustup_bin="$(command -v rustup || true)"
[ -n "$rustup_bin" ] || { echo "The rehearsal keeps the rustup toolchain, and rustup was not found." >&2; exit 1; }
cargo_bin_dir="$(dirname "$rustup_bin")"

if [ "$mode" = cold ]; then
  if [ -n "$(git -C "$repo" status --porcelain)" ]; then
    echo "Note: uncommitted changes are not in the rehearsal; it clones HEAD ($(git -C "$repo" rev-parse --short HEAD))."
  fi
  rm -rf "$root"
  mkdir -p "$root/cargo-home" "$root/npm-cache" "$root/toolchain"
  git clone --quiet --no-hardlinks "$repo" "$root/clone"
  # Only rustup's proxies (cargo, rustc, clippy, rustfmt, …): the same file as rustup itself.
  for f in "$cargo_bin_dir"/*; do
    [ "$f" -ef "$rustup_bin" ] && ln -s "$f" "$root/toolchain/$(basename "$f")"
  done
elif [ ! -d "$root/clone" ]; then
  echo "No cold rehearsal to warm up in $root: run scripts/ci-fresh.sh first." >&2
  exit 1
fi

# PATH without the usual cargo bin folder: its installed tools must not be found.
path=""
IFS=: read -r -a parts <<<"$PATH"
for p in "${parts[@]}"; do
  [ "$p" = "$cargo_bin_dir" ] || path="${path:+$path:}$p"
done
export PATH="$root/cargo-home/bin:$root/toolchain:$path"
export CARGO_HOME="$root/cargo-home"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export npm_config_cache="$root/npm-cache"
export CI=true
unset CARGO_TARGET_DIR RUSTC_WRAPPER CARGO_BUILD_TARGET_DIR
if [ "$mode" = cold ]; then
  for tool in tauri-driver cargo-deny; do
    if found="$(command -v "$tool")"; then
      echo "$tool is still on PATH at $found, so this would not be a fresh machine: take it off PATH and run again." >&2
      exit 1
    fi
  done
fi

echo "Fresh-machine rehearsal ($mode) in $root/clone, commit $(git -C "$root/clone" rev-parse --short HEAD)"
start=$(date +%s)
set +e
(cd "$root/clone" && bash .ci/run </dev/null) 2>&1 | tee "$root/ci-$mode.log"
rc=${PIPESTATUS[0]}
set -e
echo "Rehearsal ($mode): exit $rc after $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s; log in $root/ci-$mode.log"
exit "$rc"
