// Benchmark (not a test): the real app, from launch to the first journal page and on to the
// first timeline page, with 0 and with 100,000 entries in 2,000 initiatives, side by side.
// Run: `make bench-startup` (builds the app and the CLI first). RUNS=N sets the repetitions.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { PASSPHRASE, cliEnv, freshDataDir, launch } from "./harness.mjs";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "target/debug/eftertanke");
const runs = Number(process.env.RUNS ?? 5);

function dataDir(entries) {
  const dir = entries === 0 ? freshDataDir() : join(root, "target/tmp/startup-100k-encrypted");
  if (entries === 0) execFileSync(cli, ["list"], { env: cliEnv(dir) }); // sets the passphrase
  if (entries > 0 && !existsSync(join(dir, "eftertanke.sqlite3"))) {
    execFileSync(cli, ["demo", "--entries", String(entries), "--initiatives", "2000"], {
      env: cliEnv(dir),
    });
  }
  return dir;
}

async function once(dir) {
  const t0 = performance.now();
  const app = await launch({ dataDir: dir, unlock: false });
  try {
    const b = app.browser;
    await b.$("#unlock-passphrase").waitForExist({ timeout: 30000 });
    const lockScreen = performance.now() - t0;
    await (await b.$("#unlock-passphrase")).setValue(PASSPHRASE);
    const tu = performance.now();
    await (await b.$("[data-action=unlock]")).click();
    await b.$(".entry-row, .empty").waitForExist({ timeout: 30000 });
    const journal = performance.now() - tu;
    const t1 = performance.now();
    await (await b.$("nav button[data-nav=timeline]")).click();
    await b.$(".node, .empty").waitForExist({ timeout: 30000 });
    const timeline = performance.now() - t1;
    return { lockScreen, journal, timeline, total: lockScreen + journal + timeline };
  } finally {
    await app.close();
  }
}

/** In the page: from loading the page (opened on the timeline) to the first timeline page painted. */
async function inPage(dir) {
  const app = await launch({ dataDir: dir });
  try {
    const b = app.browser;
    const base = (await b.getUrl()).split("#")[0];
    const times = [];
    for (let i = 0; i <= runs; i++) {
      await b.url(`${base}#timeline`);
      await b.refresh();
      await b.waitUntil(() => b.execute(() => performance.getEntriesByName("timeline-first-page").length > 0), { timeout: 30000, interval: 20 });
      const t = await b.execute(() => performance.getEntriesByName("timeline-first-page")[0].startTime);
      if (i > 0) times.push(t); // the first load warms the caches
    }
    return times;
  } finally {
    await app.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = {};
const page = {};
for (const entries of [0, 100_000]) {
  const dir = dataDir(entries);
  page[entries] = median(await inPage(dir));
  await once(dir); // warm the OS file cache, as on a machine that has run the app before
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(dir));
  rows[entries] = {
    lockScreen: median(results.map((r) => r.lockScreen)),
    journal: median(results.map((r) => r.journal)),
    timeline: median(results.map((r) => r.timeline)),
    total: median(results.map((r) => r.total)),
  };
}
const f = (ms) => `${ms.toFixed(0).padStart(6)} ms`;
console.log(`app start, median of ${runs} launches (launch includes WebKitWebDriver and the window)`);
console.log(`${"".padEnd(40)} ${"0 entries".padStart(10)} ${"100,000".padStart(10)} ${"difference".padStart(11)}`);
for (const [key, label] of [
  ["lockScreen", "launch → unlock screen"],
  ["journal", "unlock (Argon2id) → first journal page"],
  ["timeline", "journal → first timeline page"],
  ["total", "launch → first timeline page (no typing)"],
]) {
  const a = rows[0][key];
  const b = rows[100_000][key];
  console.log(`${label.padEnd(40)} ${f(a)} ${f(b)} ${(((b - a) / a) * 100).toFixed(1).padStart(9)} %`);
}
const a = page[0];
const b = page[100_000];
console.log(`${"page load → first timeline page".padEnd(40)} ${f(a)} ${f(b)} ${(((b - a) / a) * 100).toFixed(1).padStart(9)} %`);
console.log("(the last line is timed inside the window with performance.mark; the others through WebDriver,");
console.log(" which adds its own polling and command overhead)");
console.log("target: start to first timeline page within 10% between 0 and 100,000 entries");
