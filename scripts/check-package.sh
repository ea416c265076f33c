#!/usr/bin/env bash
# Checks the .deb (and .rpm) that `scripts/build-app.sh --bundle` leaves in
# target/release/bundle/: what is inside (binary, desktop entry in Danish and English, icons), that
# its Depends cover every shared library the binary links (dpkg-shlibdeps), and that the binary,
# unpacked into a scratch root, opens to its first screen in a real window (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
deb=target/release/bundle/deb/Eftertanke_${version}_amd64.deb
rpm=target/release/bundle/rpm/Eftertanke-${version}-1.x86_64.rpm
fail() { echo "Package check failed: $*" >&2; exit 1; }
[ -f "$deb" ] || fail "$deb is missing: run scripts/build-app.sh --bundle first."

contents=$(dpkg-deb -c "$deb")
for path in usr/bin/eftertanke-app usr/share/applications/Eftertanke.desktop \
  usr/share/icons/hicolor/32x32/apps/eftertanke-app.png usr/share/icons/hicolor/128x128/apps/eftertanke-app.png; do
  grep -Eq " (\./)?$path\$" <<<"$contents" || fail "$deb has no /$path"
done
echo "deb: $(du -h "$deb" | cut -f1) — $(grep -c . <<<"$contents") entries, binary, desktop entry and icons present"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch/root"
desktop="$scratch/root/usr/share/applications/Eftertanke.desktop"
grep -q '^Exec=eftertanke-app' "$desktop" || fail "the desktop entry does not start eftertanke-app"
grep -q '^Comment\[da\]=' "$desktop" || fail "the desktop entry has no Danish comment"
grep -q '^GenericName\[da\]=' "$desktop" || fail "the desktop entry has no Danish generic name"
desktop-file-validate "$desktop" || fail "the desktop entry is not valid (desktop-file-validate)"

# Every library the binary links must come from a package the .deb depends on (or from one of
# those packages' own dependencies, which apt installs with them).
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
mkdir -p "$scratch/shlibs/debian"
printf 'Source: eftertanke\n\nPackage: eftertanke\nArchitecture: any\n' >"$scratch/shlibs/debian/control"
needed=$(cd "$scratch/shlibs" && dpkg-shlibdeps -O "$scratch/root/usr/bin/eftertanke-app" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p' | tr ',' '\n' | sed 's/ *(.*//; s/^ *//' | grep -v '^$' | sort -u)
declared=$(tr ',' '\n' <<<"$depends" | sed 's/ *(.*//; s/^ *//' | grep -v '^$' | sort -u)
closure=$(for p in $declared; do echo "$p"; apt-cache depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances "$p" 2>/dev/null | grep -v '^ ' | grep -v '^<'; done | sort -u)
essential="libc6 libgcc-s1"
uncovered=()
for p in $needed; do
  grep -qx "$p" <<<"$closure" || [[ " $essential " == *" $p "* ]] || uncovered+=("$p")
done
[ ${#uncovered[@]} -eq 0 ] || fail "the binary links libraries from ${uncovered[*]}, which the Depends line does not bring in"
echo "shared libraries: every one of $(wc -w <<<"$needed") packages the binary links is brought in by Depends"

if [ -f "$rpm" ]; then
  if command -v rpm >/dev/null; then
    # Listed first, then searched: `rpm … | grep -q` under pipefail fails whenever grep stops
    # reading before rpm has written everything (rpm dies of SIGPIPE), as on a fresh machine.
    rpm_files=$(rpm -qlp "$rpm" 2>/dev/null) || fail "$rpm cannot be read by rpm"
    grep -qx /usr/bin/eftertanke-app <<<"$rpm_files" || fail "$rpm has no /usr/bin/eftertanke-app"
    echo "rpm: $(du -h "$rpm" | cut -f1), binary present"
  else
    echo "rpm: $(du -h "$rpm" | cut -f1) (the rpm tool is not installed, so its contents were not listed)"
  fi
fi

echo "Launching the unpacked binary under Xvfb to its first screen"
EFTERTANKE_APP="$scratch/root/usr/bin/eftertanke-app" EFTERTANKE_EXPECT_VERSION="$version" \
  scripts/with-xvfb.sh bash -c 'cd tests/e2e && node --test --test-concurrency=1 --test-timeout=120000 package/'
