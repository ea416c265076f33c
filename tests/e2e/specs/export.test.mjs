// Export and import in the real window: one reflection exported to Markdown from its page (the
// guard's finding shown first, replaced in the copy), a selection exported to JSON, and that file
// imported in Settings (nothing doubled), with a file that is not an export refused in words.
// axe on the dialog and Settings; screenshots of the dialog in English and Danish.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch, setField, textOf } from "../harness.mjs";

test("export one reflection and a selection, and import the selection again", async () => {
  const dataDir = freshDataDir();
  const out = freshDataDir();
  execFileSync(CLI, ["demo", "--reference-case"], { env: cliEnv(dataDir) });
  execFileSync(CLI, ["add", "--date", "2026-11-02", "--title", "Opkald til formanden", "--outcome", "partly", "--notes", "Ring 22 34 56 78 om lokalet."], {
    env: cliEnv(dataDir),
  });
  const app = await launch({ dataDir });
  const { browser } = app;
  try {
    // One reflection, from its page, to Markdown: the guard's finding comes first.
    await (await browser.$(".entry-row*=Opkald til formanden")).click();
    await click(browser, "button[data-action=export]");
    await (await browser.$("[data-testid=export-findings]")).waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, "[data-testid=export-findings]"), /A phone number in “Opkald til formanden”/);
    await click(browser, "input[name=export-format][value=markdown]");
    const md = join(out, "opkald.md");
    await setField(browser, "#export-path", md);
    assert.deepEqual(await axeViolations(browser), [], "the export dialog must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(out, "export-dialog-en.png"));
    await click(browser, "button[data-action=export-start]");
    await (await browser.$("[data-testid=export-done]")).waitForExist({ timeout: 15000 });
    const text = readFileSync(md, "utf8");
    assert.match(text, /# Opkald til formanden/);
    assert.doesNotMatch(text, /22 34 56 78/, "the phone number was replaced in the copy");
    assert.match(text, /citizen A/);
    await browser.keys(["Escape"]);

    // A selection, to JSON.
    await click(browser, "nav button[data-nav=journal]");
    await click(browser, "[data-action=select-entries]");
    const boxes = await browser.$$("input[data-select]");
    for (const box of boxes.slice(1)) await box.click();
    await click(browser, "button[data-action=export-selected]");
    await (await browser.$("#export-path")).waitForExist({ timeout: 10000 });
    const json = join(out, "udvalg.json");
    await setField(browser, "#export-path", json);
    await browser.waitUntil(async () => (await browser.$("button[data-action=export-start]").isEnabled()), { timeout: 10000 });
    await click(browser, "button[data-action=export-start]");
    await (await browser.$("[data-testid=export-done]")).waitForExist({ timeout: 15000 });
    const file = JSON.parse(readFileSync(json, "utf8"));
    assert.equal(file.format, "eftertanke-journal");
    assert.equal(file.entries.length, 2, "the two chosen");
    assert.ok(JSON.stringify(file).includes("mødre"), "æøå as written");
    await browser.keys(["Escape"]);

    // Import it again in Settings: nothing is doubled. A file that is not an export is refused.
    await click(browser, "nav button[data-nav=settings]");
    await setField(browser, "#import-path", json);
    await click(browser, "button[data-action=import-start]");
    await browser.waitUntil(async () => /already here/.test(await textOf(browser, "[data-testid=import-notice]").catch(() => "")), { timeout: 15000 });
    assert.match(await textOf(browser, "[data-testid=import-notice]"), /0 added, 0 updated, 2 already here/);
    const junk = join(out, "junk.json");
    writeFileSync(junk, '{"hello": "world"}');
    await setField(browser, "#import-path", junk);
    await click(browser, "button[data-action=import-start]");
    await browser.waitUntil(async () => /Nothing was imported/.test(await textOf(browser, "[data-testid=import-notice]")), { timeout: 15000 });
    assert.deepEqual(await axeViolations(browser), [], "Settings with the import must pass the scan");

    // The dialog in Danish.
    await click(browser, "input[name=language][value=da]");
    await browser.pause(300);
    await click(browser, "button[data-action=export-all]");
    await (await browser.$("#export-path")).waitForExist({ timeout: 10000 });
    await (await browser.$("[data-testid=export-findings]")).waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, "#export-title"), /Hele refleksionsloggen/);
    assert.deepEqual(await axeViolations(browser), [], "the Danish export dialog must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(out, "export-dialog-da.png"));
    console.log(`screenshots in ${out}`);
  } finally {
    await app.close();
  }
});
