// A person writes a quick reflection, closes the app, opens it again and finds it; edits it;
// and every screen passes an accessibility scan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, freshDataDir, launch, textOf } from "../harness.mjs";

test("an entry written through the window is there after the app is restarted", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Journal");
    assert.match(await textOf(browser, ".empty"), /No reflections yet/);
    assert.deepEqual(await axeViolations(browser), [], "the empty journal must have no serious accessibility faults");

    await (await browser.$("button=New reflection")).click();
    assert.equal(await textOf(browser, "h1"), "New reflection");
    const date = await browser.$("#field-occurredOn");
    await date.clearValue();
    await date.setValue("2025-09-03");
    await (await browser.$("#field-title")).setValue("Danish course for Somali mothers");
    await (await browser.$("input[value=failed]")).click();
    await (await browser.$("#field-notes")).setValue("Few came. What worried them most was their children's future.");
    assert.deepEqual(await axeViolations(browser), [], "the new-entry form must have no serious accessibility faults");
    await (await browser.$("button=Save reflection")).click();

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
    await row.click();
    await (await browser.$("button=Edit")).click();
    assert.equal(await textOf(browser, "h1"), "Edit reflection");
    const title = await browser.$("#field-title");
    await title.clearValue();
    await title.setValue("Danish course — evaluated");
    await (await browser.$("button=Save reflection")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "h1"), "Danish course — evaluated");
    assert.match(await textOf(browser, ".entry-footer"), /version 2/);

    await (await browser.$("button=Settings")).click();
    assert.equal(await textOf(browser, "h1"), "Settings");
    assert.deepEqual(await axeViolations(browser), [], "settings must have no serious accessibility faults");
  } finally {
    await app.close();
  }
});

test("a required field left empty is named, and nothing is saved", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  try {
    const { browser } = app;
    await (await browser.$("button=New reflection")).click();
    await (await browser.$("#field-notes")).setValue("Notes without a title");
    await (await browser.$("button=Save reflection")).click();
    await browser.$(".problem").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "#problem-title"), "This is required.");
    assert.equal(await (await browser.$("#field-title")).getAttribute("aria-invalid"), "true");
    assert.equal(await (await browser.$("#field-notes")).getValue(), "Notes without a title", "nothing typed is lost");
    await (await browser.$("button=Journal")).click();
    await browser.$("h1=Journal").waitForExist({ timeout: 10000 });
    assert.equal((await browser.$$(".entry-row")).length, 0, "a refused save must write no entry");
  } finally {
    await app.close();
  }
});
