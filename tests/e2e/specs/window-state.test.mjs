// The window remembers itself: opened again, it has the size and place it was left at, and it
// never gets smaller than the size at which every screen still works.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { freshDataDir, launch } from "../harness.mjs";

const STATE_FILE = join("dk.eftertanke.desktop", ".window-state.json");

/** The window's rect once two reads a moment apart agree (the window manager moves it). */
async function settledRect(browser) {
  let last = await browser.getWindowRect();
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const now = await browser.getWindowRect();
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

/** What `read` returns once it is truthy, within 5 s (none after). */
async function waitFor(read) {
  for (let i = 0; i < 50; i++) {
    const value = read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

test("the window opens again at the size and place it was left at", async () => {
  const dataDir = freshDataDir();
  const configHome = freshDataDir();
  const first = await launch({ dataDir, configHome });
  let left;
  try {
    await first.browser.setWindowRect(64, 48, 900, 640);
    left = await settledRect(first.browser);
    assert.equal(left.width, 900, "the window took the width it was given");
    assert.equal(left.height, 640, "the window took the height it was given");
    // Kept once the window is still, not only as the app exits: a logout, a crash or a power
    // cut ends the process without an exit (and closing the session here kills it too).
    const file = join(configHome, STATE_FILE);
    const read = () => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).main : undefined);
    const kept = await waitFor(() => {
      const main = read();
      return main?.width === 900 && main?.height === 640 ? main : undefined;
    });
    assert.ok(kept, `the window's new size was kept in ${file} while the app ran (found ${JSON.stringify(read())})`);
  } finally {
    await first.close();
  }

  const again = await launch({ dataDir, configHome });
  try {
    const opened = await settledRect(again.browser);
    assert.equal(opened.width, left.width, "opened at the width it was left at");
    assert.equal(opened.height, left.height, "opened at the height it was left at");
    assert.equal(opened.x, left.x, "opened where it was left, across");
    assert.equal(opened.y, left.y, "opened where it was left, down");
  } finally {
    await again.close();
  }
});

test("the window is never made smaller than the size every screen works at", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  try {
    await app.browser.setWindowRect(null, null, 300, 200);
    const rect = await settledRect(app.browser);
    assert.ok(rect.width >= 720, `the window stays at least 720 wide (is ${rect.width})`);
    assert.ok(rect.height >= 520, `the window stays at least 520 high (is ${rect.height})`);
  } finally {
    await app.close();
  }
});

test("a fresh user's window opens at its first size", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  try {
    const rect = await settledRect(app.browser);
    assert.equal(rect.width, 1120, "the first width");
    assert.equal(rect.height, 780, "the first height");
  } finally {
    await app.close();
  }
});
