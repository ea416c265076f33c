#!/usr/bin/env bash
# Builds the UI into ui/dist, which the app embeds at compile time. Vite writes every file anew;
# only files whose bytes changed are copied into ui/dist, so an unchanged UI leaves ui/dist's
# modification times alone and cargo does not rebuild the app (in the check, test and release
# builds) for nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
fresh=target/ui-dist
(cd ui && npx --no-install vite build --logLevel warn --outDir "../$fresh" --emptyOutDir)
mkdir -p ui/dist
changed=0
while IFS= read -r -d '' f; do
  [ -e "$fresh/$f" ] || { rm -f "ui/dist/$f"; changed=$((changed + 1)); }
done < <(cd ui/dist && find . -type f -print0)
while IFS= read -r -d '' f; do
  if ! cmp -s "$fresh/$f" "ui/dist/$f"; then
    mkdir -p "ui/dist/$(dirname "$f")"
    cp "$fresh/$f" "ui/dist/$f"
    changed=$((changed + 1))
  fi
done < <(cd "$fresh" && find . -type f -print0)
echo "UI built: $changed file(s) of ui/dist changed"
