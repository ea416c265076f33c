// A person writes a quick reflection, closes the app, opens it again and finds it; edits it;
// and the journal, entry and settings screens pass an accessibility scan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, freshDataDir, launch, textOf } from "../harness.mjs";

async function startGuide(browser) {
  await (await browser.$("nav button[data-nav=new]")).click();
  await (await browser.$(".guide-card.recommended button")).click();
  await browser.$("#step-heading").waitForExist({ timeout: 10000 });
}

test("an entry written through the window is there after the app is restarted", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Journal");
    assert.match(await textOf(browser, ".empty"), /No reflections yet/);
    assert.deepEqual(await axeViolations(browser), [], "the empty journal must have no serious accessibility faults");

    await (await browser.$("nav button[data-nav=new]")).click();
    assert.equal(await textOf(browser, "h1"), "New reflection");
    assert.deepEqual(await axeViolations(browser), [], "the guide picker must have no serious accessibility faults");
    await (await browser.$(".guide-card.recommended button")).click();
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    const date = await browser.$("#q-occurred_on");
    await date.clearValue();
    await date.setValue("2025-09-03");
    await (await browser.$("#q-headline")).setValue("Danish course for Somali mothers");
    await (await browser.$("#q-expected")).setValue("Fifteen mothers");
    await (await browser.$("input[name=q-outcome][value=failed]")).click();
    await (await browser.$("button[data-action=save-quick]")).click();

    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "h1"), "Danish course for Somali mothers");
    assert.match(await textOf(browser, ".entry-meta"), /3 September 2025/);
    assert.match(await textOf(browser, ".entry-meta"), /Failed/);
    assert.deepEqual(await axeViolations(browser), [], "the entry view must have no serious accessibility faults");
  } finally {
    await app.close();
  }

  app = await launch({ dataDir });
  try {
    const { browser } = app;
    const row = await browser.$(".entry-row");
    await row.waitForExist({ timeout: 10000 });
    assert.match(await row.getText(), /Danish course for Somali mothers/, "the saved entry must survive a restart");
    assert.match(await row.getText(), /Quick capture/, "a quick capture says it can be completed");
    await row.click();
    await (await browser.$("button[data-action=edit]")).click();
    await browser.$("#q-headline").waitForExist({ timeout: 10000 });
    const title = await browser.$("#q-headline");
    await title.clearValue();
    await title.setValue("Danish course — evaluated");
    await (await browser.$("button[data-action=save]")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "h1"), "Danish course — evaluated");
    assert.match(await textOf(browser, ".entry-footer"), /version 2/);

    await (await browser.$("nav button[data-nav=settings]")).click();
    assert.equal(await textOf(browser, "h1"), "Settings");
    assert.deepEqual(await axeViolations(browser), [], "settings must have no serious accessibility faults");
  } finally {
    await app.close();
  }
});

test("a required answer left empty is named on its step, and nothing is saved", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  try {
    const { browser } = app;
    await startGuide(browser);
    await (await browser.$("#q-expected")).setValue("Notes without a title");
    await (await browser.$("button[data-action=save-quick]")).click();
    await browser.$(".problem").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "#q-headline-problem"), "This is required.");
    assert.equal(await (await browser.$("#q-headline")).getAttribute("aria-invalid"), "true");
    assert.equal(await (await browser.$("#q-expected")).getValue(), "Notes without a title", "nothing typed is lost");
    await (await browser.$("nav button[data-nav=journal]")).click();
    await browser.$("h1=Journal").waitForExist({ timeout: 10000 });
    assert.equal((await browser.$$(".entry-row")).length, 0, "a refused save must write no entry");
    assert.equal((await browser.$$(".draft-row")).length, 1, "but the typing is kept as a draft");
  } finally {
    await app.close();
  }
});
