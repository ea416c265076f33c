// Writes assets/licences.json: every component the app ships — the Rust crates in the desktop
// app's dependency graph (cargo-deny's graph for the platforms in deny.toml, dev-dependencies
// left out) with the licence expression from their Cargo.toml, and the UI's production npm
// packages from ui/package-lock.json, and the fonts the PDFs embed. The About view in Settings lists it. Generated, never
// written by hand: scripts/audit.sh fails when it no longer matches the lock files.
//   node scripts/licences.mjs            writes the file
//   node scripts/licences.mjs --check    exits 1 when the committed file is out of date
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "assets/licences.json");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });

// Which crates ship, as cargo-deny sees the graph ("name version source" keys).
const graph = JSON.parse(
  run("cargo", ["deny", "--offline", "--locked", "--exclude-dev", "--manifest-path", "src-tauri/Cargo.toml", "list", "-f", "json", "-l", "crate"]),
);
// Their licence expressions, as their authors wrote them.
const metadata = JSON.parse(run("cargo", ["metadata", "--format-version", "1", "--locked", "--offline"]));
const expression = new Map(metadata.packages.map((p) => [`${p.name} ${p.version}`, p.license]));
const ours = new Set(metadata.workspace_members.map((id) => metadata.packages.find((p) => p.id === id)?.name));

const components = [];
for (const [key, value] of Object.entries(graph)) {
  const [name, version] = key.split(" ");
  if (ours.has(name)) continue;
  // A crate without a licence field: cargo-deny read its licence files.
  const licence = expression.get(`${name} ${version}`) ?? value.licenses.join(" AND ");
  components.push({ kind: "crate", name, version, licence });
}
const lock = JSON.parse(readFileSync(join(root, "ui/package-lock.json"), "utf8"));
for (const [path, p] of Object.entries(lock.packages)) {
  if (!path || p.dev) continue;
  const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  components.push({ kind: "npm", name, version: p.version, licence: p.license ?? "UNKNOWN" });
}
// The fonts the PDF meeting pack embeds (assets/fonts, with their licence in OFL.txt and in
// each font's own name table).
components.push({ kind: "font", name: "Libertinus Serif", version: "7.051", licence: "OFL-1.1" });
components.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
const text = `${JSON.stringify({ generatedBy: "scripts/licences.mjs", components }, null, 1)}\n`;

if (process.argv.includes("--check")) {
  const committed = readFileSync(out, "utf8");
  if (committed !== text) {
    console.error("assets/licences.json does not match the lock files: run `node scripts/licences.mjs` and commit it.");
    process.exit(1);
  }
  console.log(`licences: ${components.length} shipped components listed, up to date`);
} else {
  writeFileSync(out, text);
  console.log(`licences: wrote ${components.length} components to assets/licences.json`);
}
