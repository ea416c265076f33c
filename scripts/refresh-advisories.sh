#!/usr/bin/env bash
# Refreshes the committed RustSec advisory snapshot in deny/advisory-db/ (what the dependency
# audit reads offline: the build machines reach crates.io but not github.com). It keeps the
# advisories of every crate named in Cargo.lock, and records the snapshot's commit and date and
# the crates it covered.
#   scripts/refresh-advisories.sh                 clones github.com/rustsec/advisory-db
#   scripts/refresh-advisories.sh PATH/TO/COPY    uses a copy made elsewhere: a clone, a bare
#                                                 repository or a mirror of the advisory database
#                                                 (brought over on a stick, or fetched by a tool)
# Run it after adding a dependency (scripts/audit.sh says when), when the audit warns that the
# snapshot is 150 days old, and at least every few months; then commit deny/advisory-db/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=deny/advisory-db

source="${1:-}"
if [ -n "$source" ]; then
  git -C "$source" rev-parse --verify --quiet HEAD^{commit} >/dev/null ||
    { echo "$source is not a git copy of the advisory database (no HEAD commit)." >&2; exit 1; }
  git -C "$source" cat-file -e HEAD:crates 2>/dev/null ||
    { echo "$source has no crates/ folder at HEAD: is it the RustSec advisory database?" >&2; exit 1; }
else
  source="$(mktemp -d)"
  trap 'rm -rf "$source"' EXIT
  git clone --quiet --depth 1 https://github.com/rustsec/advisory-db "$source"
fi

crates=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.lock | LC_ALL=C sort -u)
present=()
for c in $crates; do
  git -C "$source" cat-file -e "HEAD:crates/$c" 2>/dev/null && present+=("crates/$c")
done

rm -rf "$out/crates"
mkdir -p "$out"
if [ ${#present[@]} -gt 0 ]; then
  git -C "$source" archive --format=tar HEAD "${present[@]}" | tar -x -C "$out"
fi
printf '%s\n' "$crates" > "$out/covered-crates.txt"
{
  echo "commit=$(git -C "$source" rev-parse HEAD)"
  echo "date=$(git -C "$source" show -s --format=%cI HEAD)"
} > "$out/SNAPSHOT"
echo "advisory snapshot: $(grep -c . "$out/covered-crates.txt") crates covered, ${#present[@]} with advisories, $(find "$out/crates" -name '*.md' | wc -l) advisories"
cat "$out/SNAPSHOT"
