// Benchmark (not a test): typing to results in the real window. Each query is typed into the
// search field (Ctrl+K) as a person types it; the window measures from its last key to the
// frame that shows the results (`search-typing-to-results`, a performance measure in
// ui/src/search/Search.svelte), which includes the field's pause after the last key, the IPC
// round trip, the core's search and the render. A journal of 200 entries beside one of 100,000.
// Run: `make bench-search` (builds the app and the CLI first). RUNS=N sets the repetitions.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { cliEnv, launch } from "./harness.mjs";
import { type } from "./keyboard.mjs";

const root = resolve(import.meta.dirname, "../..");
const cli = join(root, "target/debug/eftertanke");
const runs = Number(process.env.RUNS ?? 10);
// PACE_MS=n types a key every n ms, as a person does; without it the keys come all at once, as
// WebDriver sends a string (every key's search then still in flight at the last key).
const pace = Number(process.env.PACE_MS ?? 0);
const queries = ["beboerne", "lektiecafé", "mødre aften", "forvent", "samarbejdsaftale"];

function dataDir(entries) {
  // The 100,000-entry journal is the start-up benchmark's: made once, kept in target/tmp.
  const dir = join(root, `target/tmp/${entries === 100_000 ? "startup-100k" : `search-${entries}`}-encrypted`);
  if (!existsSync(join(dir, "eftertanke.sqlite3"))) {
    execFileSync(cli, ["demo", "--entries", String(entries), "--initiatives", String(Math.max(1, entries / 50))], { env: cliEnv(dir) });
  }
  return dir;
}

async function measure(dir) {
  const app = await launch({ dataDir: dir, drawOnProcessor: true });
  const b = app.browser;
  try {
    await b.$("nav").waitForExist({ timeout: 30000 });
    const out = {};
    for (const q of queries) {
      const times = [];
      for (let i = 0; i <= runs; i++) {
        await b.keys(["Control", "k"]);
        await b.keys(["Control"]);
        await b.waitUntil(async () => (await b.execute(() => document.activeElement?.id)) === "search-text", { timeout: 15000 });
        await b.execute(() => {
          document.querySelector("#search-text").select();
          performance.clearMeasures();
        });
        if (pace > 0) {
          // As a person types: one key, then the next after `pace` ms.
          for (const ch of q) {
            await b.keys([ch]);
            await b.pause(pace);
          }
        } else {
          await type(b, q);
        }
        await b
          .waitUntil(() => b.execute(() => performance.getEntriesByName("search-typing-to-results").length > 0), {
            timeout: 30000,
            // The measure is timed inside the page: reading it less often changes nothing in it,
            // and keeps the harness (WebDriver runs a script in the page at each look) from
            // competing for the two cores with the search it measures.
            interval: 250,
          })
          .catch(async (e) => {
            const said = await b.execute(() => document.querySelector("[data-testid=search-count]")?.textContent);
            throw new Error(`no results for "${q}" after 30 s; the window says: ${said}`, { cause: e });
          });
        // Let a late answer to an earlier key land too; the last measure is the last key's.
        await b.pause(150);
        const ms = await b.execute(() =>
          ["search-typing-to-results", "search-pause", "search-round-trip", "search-render", "search-dom"].map(
            (name) => performance.getEntriesByName(name).at(-1)?.duration ?? 0,
          ),
        );
        if (i > 0) times.push(ms); // the first warms the caches
      }
      out[q] = times;
    }
    return out;
  } finally {
    await app.close();
  }
}

const pct = (xs, p, layer = 0) =>
  xs.map((x) => x[layer]).sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
// SIZES=200 measures the small journal alone (the window's own cost, with a search of ~1 ms).
const sizes = (process.env.SIZES ?? "200,100000").split(",").map(Number);
const small = sizes.includes(200) ? await measure(dataDir(200)) : null;
const large = sizes.includes(100_000) ? await measure(dataDir(100_000)) : null;
const f = (ms) => `${ms.toFixed(0).padStart(5)} ms`;
const cell = (data, q, p) => (data ? f(pct(data[q], p)) : "    —   ");
console.log(`typing to results in the window, ${runs} runs per query: p50 and p90`);
console.log(`${"query".padEnd(20)} ${"200 p50".padStart(8)} ${"p90".padStart(8)} ${"100k p50".padStart(9)} ${"p90".padStart(8)}`);
for (const q of queries) {
  console.log(`${q.padEnd(20)} ${cell(small, q, 0.5)} ${cell(small, q, 0.9)} ${cell(large, q, 0.5).padStart(9)} ${cell(large, q, 0.9)}`);
}
console.log("target: ≤ 100 ms at 100,000 entries (includes the field's pause after the last key)");
for (const [label, data] of [["200", small], ["100,000", large]]) {
  if (!data) continue;
  console.log(`\nwhere the time goes at ${label} entries, p50 (p90): the pause before asking, the round trip (IPC and the core), the render (of it, the page's update)`);
  for (const q of queries) {
    const layer = (i) => `${f(pct(data[q], 0.5, i))} (${pct(data[q], 0.9, i).toFixed(0)})`;
    console.log(`${q.padEnd(20)} pause ${layer(1)}   round trip ${layer(2)}   render ${layer(3)}   page ${layer(4)}`);
  }
}
