// Search in the real window, by keyboard alone: Ctrl+K from the journal, a Danish form of a
// word and a part of a compound found and marked, the arrow keys to a result and Enter to open
// it, in Danish and in English. The journal was filled by the CLI (the same core). axe on the
// search screen; screenshots of the results in both languages.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, freshDataDir, launch } from "../harness.mjs";
import { tabTo, type } from "../keyboard.mjs";

const cli = (dir, args) => execFileSync(CLI, args, { env: cliEnv(dir) }).toString().trim();

async function until(browser, check, timeoutMsg, timeout = 15000) {
  await browser.waitUntil(check, { timeout, timeoutMsg });
}

const count = (browser) => browser.execute(() => document.querySelector("[data-testid=search-count]")?.textContent?.trim() ?? "");
const marks = (browser) => browser.execute(() => [...document.querySelectorAll(".search-results mark")].map((m) => m.textContent));
const focused = (browser) => browser.execute(() => document.activeElement?.closest("[data-hit]")?.textContent ?? document.activeElement?.id ?? "");

async function searchFor(browser, text) {
  await browser.keys(["Control", "k"]);
  await browser.keys(["Control"]);
  await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === "search-text", "Ctrl+K must put the focus in the search field");
  await browser.execute(() => {
    const f = document.querySelector("#search-text");
    f.select();
  });
  await type(browser, text);
}

test("search from the keyboard: a Danish form and a part of a word found, marked, and opened", async () => {
  const dataDir = freshDataDir();
  const shots = freshDataDir();
  cli(dataDir, ["demo", "--reference-case"]);
  cli(dataDir, ["demo", "--entries", "200", "--language", "da", "--seed", "7"]);
  const app = await launch({ dataDir, lang: "da_DK.UTF-8" });
  const { browser } = app;
  try {
    await browser.$("nav").waitForExist({ timeout: 15000 });

    // Two words, each in the reference case's second attempt ("Mødrenes forening tager initiativ").
    await searchFor(browser, "mødrenes forening");
    // The results of the whole query, not of a word still being typed ("mødre" finds more).
    await until(
      browser,
      async () => /fundet/.test(await count(browser)) && (await marks(browser)).some((m) => /forening/i.test(m)),
      "the count is said for both words",
    );
    const found = await marks(browser);
    assert.ok(found.some((m) => /^Mødrenes$/i.test(m)), `marked: ${found}`);
    assert.ok(found.some((m) => /forening/i.test(m)), `marked: ${found}`);
    assert.deepEqual(await axeViolations(browser), [], "the search screen must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(shots, "search-results-da.png"));

    // A Danish form: "mødet" finds the other forms of "møde", the hits marked as written.
    await searchFor(browser, "mødet ");
    await until(browser, async () => (await marks(browser)).some((m) => /^mød/i.test(m)), "'mødet' finds 'møde', 'mødte' and the rest");

    // A part of a compound: "huset " inside "beboerhuset".
    await searchFor(browser, "huset ");
    await until(browser, async () => (await marks(browser)).some((m) => /^beboerhuset$/i.test(m)), "'huset' is found inside 'beboerhuset'");

    // The arrow keys to a result, Enter opens it.
    await searchFor(browser, "somaliske");
    await until(browser, async () => (await marks(browser)).some((m) => /somaliske/i.test(m)), "'somaliske' is found");
    await browser.pause(200);
    await browser.keys(["ArrowDown"]);
    const title = await focused(browser);
    assert.ok(title.length > 0, "Arrow Down moves to the first result");
    await browser.keys(["Enter"]);
    await browser.$(".reflection").waitForExist({ timeout: 10000 });
    const heading = await browser.execute(() => document.querySelector("h1")?.textContent ?? "");
    assert.equal(heading.trim(), title.trim(), "the result opened is the one that had the focus");

    // Back to search: the same results are waiting; any text is taken without an error.
    await browser.keys(["Control", "k"]);
    await browser.keys(["Control"]);
    await until(browser, async () => (await marks(browser)).length > 0, "the last search is kept while the app runs");
    for (const hostile of ['"', "*", "NEAR(", "' OR 1=1 --"]) {
      await searchFor(browser, hostile);
      await browser.pause(250);
      assert.equal(await browser.$(".error-card").isExisting(), false, `${hostile} must not give an error screen`);
      assert.doesNotMatch(await count(browser), /virkede ikke/, `${hostile} must not fail`);
    }

    // English.
    await (await browser.$("nav button[data-nav=settings]")).click();
    await (await browser.$("input[name=language][value=en]")).click();
    await browser.pause(300);
    await searchFor(browser, "mødrenes forening");
    await until(browser, async () => /found/.test(await count(browser)), "the count is said in English");
    await tabTo(browser, "[data-hit]");
    assert.deepEqual(await axeViolations(browser), [], "the English search screen must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(shots, "search-results-en.png"));

    // Settings › Search index: built again from the entries, and search still finds them.
    await (await browser.$("nav button[data-nav=settings]")).click();
    await (await browser.$("[data-action=rebuild-index]")).waitForClickable({ timeout: 10000 });
    await (await browser.$("[data-action=rebuild-index]")).click();
    await until(browser, async () => /built again: \d+ reflections/.test(await browser.$("[data-testid=index-notice]").getText().catch(() => "")), "the rebuild says it is done");
    assert.deepEqual(await axeViolations(browser), [], "Settings with the search index must pass the scan");
    await searchFor(browser, "mødrenes forening");
    await until(browser, async () => /found/.test(await count(browser)), "the rebuilt index finds the entry");
    console.log(`screenshots in ${shots}`);
  } finally {
    await app.close();
  }
});
