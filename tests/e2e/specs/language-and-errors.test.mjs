// The window speaks the OS language, and a journal that cannot be opened gets a clear screen
// that changes nothing.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { CLI, axeViolations, cliEnv, freshDataDir, launch, textOf } from "../harness.mjs";

test("a Danish OS locale gives a Danish interface, and the choice in Settings sticks", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir, lang: "da_DK.UTF-8" });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Refleksioner");
    assert.match(await textOf(browser, ".empty"), /Ingen refleksioner endnu/);
    // Said once, where a new user meets the list: these are not journal notes in a citizen's case.
    assert.match(await textOf(browser, ".own-log"), /din egen refleksionslog til læring – ikke journalnotater i en borgers sag/);
    assert.equal(await browser.execute(() => document.documentElement.lang), "da");
    await (await browser.$("button=Ny refleksion")).click();
    assert.equal(await textOf(browser, "h1"), "Ny refleksion");
    await (await browser.$(".guide-card.recommended button")).click();
    assert.equal(await textOf(browser, "#step-heading"), "Kort note");
    assert.deepEqual(await axeViolations(browser), []);
    await (await browser.$("button=Indstillinger")).click();
    await (await browser.$("input[value=en]")).click();
    await browser.$("h1=Settings").waitForExist({ timeout: 10000 });
  } finally {
    await app.close();
  }
  app = await launch({ dataDir, lang: "da_DK.UTF-8" });
  try {
    assert.equal(await textOf(app.browser, "nav button[aria-current=page]"), "Journal");
    assert.ok(await app.browser.$("button=New reflection").isExisting(), "the chosen language outlives a restart");
  } finally {
    await app.close();
  }
});

test("a damaged journal file opens an error screen that says what to do and leaves the file alone", async () => {
  const dataDir = freshDataDir();
  // A journal with its passphrase set (by the CLI), whose file is then damaged.
  execFileSync(CLI, ["list"], { env: cliEnv(dataDir) });
  const db = join(dataDir, "eftertanke.sqlite3");
  writeFileSync(db, Buffer.alloc(16384, 7));
  const before = createHash("sha256").update(readFileSync(db)).digest("hex");
  const app = await launch({ dataDir });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Eftertanke cannot open your journal");
    assert.match(await textOf(browser, ".error-card"), /damaged/);
    assert.match(await textOf(browser, ".error-card"), /Nothing has been changed/);
    assert.ok(await browser.$("button=Try again").isExisting());
    assert.deepEqual(await axeViolations(browser), []);
    await (await browser.$("button=Try again")).click();
    await browser.pause(300);
    assert.equal(await textOf(browser, "h1"), "Eftertanke cannot open your journal");
  } finally {
    await app.close();
  }
  const after = createHash("sha256").update(readFileSync(db)).digest("hex");
  assert.equal(after, before, "the damaged file must be left byte for byte as it was");
});
