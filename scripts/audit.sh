#!/usr/bin/env bash
# The dependency audit, offline: Rust crates with cargo-deny (advisories from the committed
# snapshot in deny/advisory-db/, licences, bans, sources; see deny.toml) and the UI's shipped
# npm packages with npm audit (the npm registry answers that, and CI reaches it).
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot=deny/advisory-db

# A crate the snapshot never looked at would pass unaudited: refuse that instead.
uncovered=$(LC_ALL=C comm -23 <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.lock | LC_ALL=C sort -u) <(LC_ALL=C sort -u "$snapshot/covered-crates.txt"))
if [ -n "$uncovered" ]; then
  echo "The advisory snapshot predates these crates in Cargo.lock: $(echo $uncovered)" >&2
  echo "Refresh the snapshot (scripts/refresh-advisories.sh, see its header for a copy made elsewhere) and commit deny/advisory-db/." >&2
  exit 1
fi

# Lay the snapshot out as cargo-deny expects a fetched database: the directory name is
# cargo-deny's hash of the db-urls entry in deny.toml, and the fetch time it checks against
# maximum-db-staleness is FETCH_HEAD's modification time, set to the snapshot's own date.
snapshot_date=$(sed -n 's/^date=//p' "$snapshot/SNAPSHOT")
db=target/advisory-db/advisory-db-3157b0e258782691
rm -rf "$db"
mkdir -p "$db/.git"
cp -R "$snapshot/crates" "$db/crates"
touch -d "$snapshot_date" "$db/.git/FETCH_HEAD"
age_days=$(( ($(date -d "${EFTERTANKE_AUDIT_TODAY:-now}" +%s) - $(date -d "$snapshot_date" +%s)) / 86400 ))
echo "RustSec advisory snapshot of $snapshot_date ($age_days days old)"
# The audit fails at 180 days (deny.toml, maximum-db-staleness). From 150 days on it says so
# on every run, a month before the cliff, with the command that moves it.
warn_days=150
fail_days=$(sed -n 's/^maximum-db-staleness = "P\([0-9]*\)D"/\1/p' deny.toml)
if [ "$age_days" -ge "$warn_days" ]; then
  left=$((fail_days - age_days))
  echo "WARNING: the advisory snapshot is $age_days days old; the audit fails in $left days (at $fail_days)." >&2
  echo "  Refresh it: scripts/refresh-advisories.sh [PATH/TO/advisory-db copy], then commit deny/advisory-db/." >&2
fi

cargo deny --offline --locked check --hide-inclusion-graph

# The licence list the About view shows is generated from the same graph; it must be current.
node scripts/licences.mjs --check

# npm audit posts the lock file to the registry's advisory endpoint. Some registry mirrors and
# proxies (this project's build machines among them) refuse that POST; then the audit cannot
# run, and this says so loudly instead of passing or failing on no information.
echo "npm audit of the UI's shipped packages (dependencies, not devDependencies)"
report=$(cd ui && npm audit --omit=dev --json 2>/dev/null || true)
node -e '
  const r = JSON.parse(process.argv[1] || "{}");
  const v = r.metadata && r.metadata.vulnerabilities;
  if (!v) {
    const why = r.message || (r.error && r.error.summary) || "no report";
    console.log(`WARNING: npm audit could not run: ${why}`);
    console.log("The UI ships only @tauri-apps/api and svelte (see README, Dependency audit).");
    process.exit(0);
  }
  console.log(`npm audit: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`);
  process.exit(v.critical + v.high > 0 ? 1 : 0);
' "$report" || { (cd ui && npm audit --omit=dev --audit-level=high) ; exit 1; }
