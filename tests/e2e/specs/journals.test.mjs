// Several journals on one shared computer, as the people sharing it meet them: the first run
// names the journal; the unlock screen offers a choice and a new journal; nobody's journal is
// chosen in advance unless its owner asked; each passphrase opens only its own journal.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { axeViolations, launch, textOf } from "../harness.mjs";

const AB = "passphrase of the first person";
const CD = "passphrase of the second person";

async function lock(browser) {
  await (await browser.$("[data-action=lock]")).click();
  await browser.$("[data-action=unlock]").waitForExist({ timeout: 10000 });
}

/** Fills the first-run form and submits it (the answer may be a problem shown on the form). */
async function submitSetup(browser, name, passphrase) {
  await (await browser.$("#journal-name")).setValue(name);
  await (await browser.$("#new-passphrase")).setValue(passphrase);
  await (await browser.$("#repeat-passphrase")).setValue(passphrase);
  await (await browser.$("[data-action=create-passphrase]")).click();
}

async function setUp(browser, name, passphrase) {
  await submitSetup(browser, name, passphrase);
  await confirmCode(browser);
}

/** Confirms the recovery code is written down and opens the journal. */
async function confirmCode(browser) {
  const written = await browser.$("[data-action=code-written]");
  await written.waitForExist({ timeout: 20000 });
  await written.click();
  await (await browser.$("[data-action=open-journal]")).click();
  await browser.$("nav").waitForExist({ timeout: 20000 });
}

async function unlockAs(browser, name, passphrase, { remember = null } = {}) {
  if (name !== null) await (await browser.$("#unlock-journal")).selectByVisibleText(name);
  if (remember !== null) {
    const box = await browser.$("[data-field=remember]");
    if ((await box.isSelected()) !== remember) await box.click();
  }
  await (await browser.$("#unlock-passphrase")).setValue(passphrase);
  await (await browser.$("[data-action=unlock]")).click();
}

async function selected(browser) {
  return browser.execute(() => {
    const select = document.querySelector("#unlock-journal");
    return select.options[select.selectedIndex]?.text ?? "";
  });
}

test("people sharing a computer each pick their own journal, and the last one used is not shown", async () => {
  const home = mkdtempSync(join(tmpdir(), "eftertanke-e2e-home-"));
  let app = await launch({ home, unlock: false });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Protect your journal");
    assert.deepEqual(await axeViolations(browser), [], "the first run with a name");
    await (await browser.$("#new-passphrase")).setValue(AB);
    await (await browser.$("#repeat-passphrase")).setValue(AB);
    await (await browser.$("[data-action=create-passphrase]")).click();
    assert.match(await textOf(browser, "#setup-problem"), /Give the journal a name/);
    await setUp(browser, "AB", AB);
    assert.equal(await textOf(browser, "[data-testid=open-journal]"), "Journal: AB");
    await lock(browser);

    // One journal: it is the choice, and there is nothing to remember.
    assert.equal(await selected(browser), "AB");
    assert.equal(await (await browser.$("[data-field=remember]")).isExisting(), false);

    // A colleague starts their own from the unlock screen; the name AB is taken.
    await (await browser.$("[data-action=new-journal]")).click();
    assert.equal(await textOf(browser, "h1"), "A new journal");
    await submitSetup(browser, "ab", CD);
    await browser.waitUntil(async () => (await textOf(browser, "#setup-problem")).includes("already on this computer"), { timeout: 20000 });
    await setUp(browser, "Boligrådgiver", CD);
    assert.equal(await textOf(browser, "[data-testid=open-journal]"), "Journal: Boligrådgiver");
    await lock(browser);

    // Two journals: nothing chosen in advance — the last one used is not shown.
    assert.equal(await selected(browser), "Choose your journal");
    assert.deepEqual(await axeViolations(browser), [], "the unlock screen with a choice");
    await browser.saveScreenshot(join(home, "journals-unlock.png"));
    await unlockAs(browser, null, AB);
    assert.equal(await textOf(browser, "#unlock-problem"), "Choose your journal first.");
    await unlockAs(browser, "Boligrådgiver", AB);
    await browser.waitUntil(async () => (await textOf(browser, "#unlock-problem")).includes("does not unlock"), { timeout: 20000 });
    await unlockAs(browser, "AB", AB, { remember: true });
    await browser.$("nav").waitForExist({ timeout: 20000 });
    assert.equal(await textOf(browser, "[data-testid=open-journal]"), "Journal: AB");
    await lock(browser);
    assert.equal(await selected(browser), "AB", "remembered, because its owner asked");
    assert.equal(await (await browser.$("[data-field=remember]")).isSelected(), true);
  } finally {
    await app.close();
  }

  // After a restart, in Danish: the remembered journal is still chosen; the other person
  // unlocking theirs without the tick leaves that choice alone.
  app = await launch({ home, lang: "da_DK.UTF-8", unlock: false });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "label[for=unlock-journal]"), "Refleksionslog");
    assert.equal(await selected(browser), "AB");
    await unlockAs(browser, "Boligrådgiver", CD, { remember: false });
    await browser.$("nav").waitForExist({ timeout: 20000 });
    assert.equal(await textOf(browser, "[data-testid=open-journal]"), "Refleksionslog: Boligrådgiver");
    await lock(browser);
    assert.equal(await selected(browser), "AB");
    assert.deepEqual(await axeViolations(browser), [], "the Danish unlock screen");
  } finally {
    await app.close();
  }
});
