// An entry's history in the real window: an entry found by search, edited, its versions listed,
// the first shown beside the entry now and restored as a new version. axe on the history;
// screenshots in English and Danish.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, freshDataDir, launch, textOf } from "../harness.mjs";

const FIRST = "Lektiecafé i kælderen";
const SECOND = "Lektiecafé i Bydelshuset";

async function until(browser, check, timeoutMsg, timeout = 15000) {
  await browser.waitUntil(check, { timeout, timeoutMsg });
}

async function openBySearch(browser, text) {
  await browser.keys(["Control", "k"]);
  await browser.keys(["Control"]);
  await (await browser.$("#search-text")).waitForExist({ timeout: 10000 });
  await browser.execute(() => document.querySelector("#search-text")?.select());
  await (await browser.$("#search-text")).setValue(text);
  await (await browser.$("[data-hit]")).waitForExist({ timeout: 10000 });
  await browser.keys(["Enter"]);
  await browser.$(".reflection").waitForExist({ timeout: 10000 });
}

async function openHistory(browser) {
  await (await browser.$("[data-testid=history] summary")).click();
  await (await browser.$("button.history-version")).waitForExist({ timeout: 10000 });
}

test("an entry's history: versions listed, one beside the entry now, and restored", async () => {
  const dataDir = freshDataDir();
  const shots = freshDataDir();
  execFileSync(CLI, ["add", "--date", "2026-11-02", "--title", FIRST, "--outcome", "partly", "--notes", "Tre forældre kom."], {
    env: cliEnv(dataDir),
  });
  const app = await launch({ dataDir });
  const { browser } = app;
  try {
    await openBySearch(browser, "kælderen");
    await (await browser.$("button[data-action=edit]")).click();
    const title = await browser.$("#q-headline");
    await title.waitForExist({ timeout: 10000 });
    await title.clearValue();
    await title.setValue(SECOND);
    await (await browser.$("button[data-action=save]")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "h1"), SECOND);

    await openHistory(browser);
    await until(browser, async () => (await browser.$$("button.history-version")).length === 2, "two versions are listed");
    assert.match(await textOf(browser, "button.history-version[data-revision='2']"), /as it is now/);
    assert.match(await textOf(browser, "button.history-version[data-revision='1']"), /the first version/);
    await (await browser.$("button.history-version[data-revision='1']")).click();
    const row = await browser.$("tr[data-question=headline]");
    await row.waitForExist({ timeout: 10000 });
    assert.deepEqual(
      await browser.execute(() => [...document.querySelectorAll("tr[data-question=headline] td")].map((td) => td.textContent)),
      [FIRST, SECOND],
      "the old title beside the title now",
    );
    assert.deepEqual(await axeViolations(browser), [], "the history must pass the scan");
    await (await browser.$(".history-beside")).scrollIntoView({ block: "center" });
    await browser.pause(300);
    await browser.saveScreenshot(join(shots, "history-en.png"));

    await (await browser.$("button[data-action=restore-version]")).click();
    await browser.acceptAlert();
    await browser.$("[data-testid=restored]").waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, "[data-testid=restored]"), /The reflection is version 1 again, saved as version 3/);
    assert.equal(await textOf(browser, "h1"), FIRST, "the entry shows the restored version");
    await until(browser, async () => (await browser.$$("button.history-version")).length === 3, "the restore is a third version");
    const shown = execFileSync(CLI, ["search", "kælderen", "--json"], { env: cliEnv(dataDir) }).toString();
    assert.equal(JSON.parse(shown).total, 1, "the restored words are found again");

    // Danish.
    await (await browser.$("nav button[data-nav=settings]")).click();
    await (await browser.$("input[name=language][value=da]")).click();
    await browser.pause(300);
    await openBySearch(browser, "kælderen");
    await openHistory(browser);
    await (await browser.$("button.history-version[data-revision='2']")).click();
    await (await browser.$("tr[data-question=headline]")).waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, ".history-beside h3"), /Udgave 2 ved siden af refleksionen nu/);
    assert.deepEqual(await axeViolations(browser), [], "the Danish history must pass the scan");
    await (await browser.$(".history-beside")).scrollIntoView({ block: "center" });
    await browser.pause(300);
    await browser.saveScreenshot(join(shots, "history-da.png"));
    console.log(`screenshots in ${shots}`);
  } finally {
    await app.close();
  }
});
