// The window as a PC without a GPU gets it (a virtual desktop, a remote session; here Xvfb, which
// has no render node): drawn on the processor (src-tauri/src/rendering.rs). The other specs keep
// WebKit's default renderer, since WebDriver's screenshot hangs on this path (harness.mjs), so
// this one walks it without screenshots: the journal, a search typed and opened by keyboard, a
// lock and an unlock, each screen's content read back from the page.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { CLI, PASSPHRASE, cliEnv, freshDataDir, launch, openJournal } from "../harness.mjs";
import { type } from "../keyboard.mjs";

const cli = (dir, args) => execFileSync(CLI, args, { env: cliEnv(dir) }).toString().trim();

function hasRenderNode() {
  try {
    return readdirSync("/dev/dri").some((n) => n.startsWith("renderD"));
  } catch {
    return false;
  }
}

test("drawn on the processor where there is no GPU, the window works: a search by keyboard, a lock and an unlock", async (t) => {
  if (hasRenderNode()) t.diagnostic("this machine has a GPU render node: the window draws through it here, not on the processor");
  const dataDir = freshDataDir();
  cli(dataDir, ["demo", "--reference-case"]);
  const app = await launch({ dataDir, drawOnProcessor: true });
  const { browser } = app;
  try {
    await browser.$("nav").waitForExist({ timeout: 15000 });
    await browser.keys(["Control", "k"]);
    await browser.keys(["Control"]);
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "search-text", {
      timeout: 15000,
      timeoutMsg: "Ctrl+K puts the focus in the search field",
    });
    await type(browser, "forening");
    await browser.waitUntil(
      async () => (await browser.execute(() => [...document.querySelectorAll(".search-results mark")].map((m) => m.textContent))).length > 0,
      { timeout: 15000, timeoutMsg: "the results are shown, marked" },
    );
    await browser.keys(["ArrowDown"]);
    const title = await browser.execute(() => document.activeElement?.closest("[data-hit]")?.textContent ?? "");
    assert.ok(title.trim().length > 0, "Arrow Down reaches the first result");
    await browser.keys(["Enter"]);
    await browser.$(".reflection").waitForExist({ timeout: 10000 });
    const heading = await browser.execute(() => document.querySelector("h1")?.textContent ?? "");
    assert.equal(heading.trim(), title.trim(), "the result opened is the one that had the focus");

    await (await browser.$("[data-action=lock]")).click();
    await browser.$("[data-action=unlock]").waitForExist({ timeout: 10000 });
    await openJournal(browser, PASSPHRASE);
    assert.equal(await browser.$(".error-card").isExisting(), false, "the journal opens again");
    assert.ok(await browser.$("nav").isExisting(), "back in the journal");
  } finally {
    await app.close();
  }
});
