// Typing is autosaved: after the app is closed mid-reflection, the draft is on the home
// screen and resumes with the text as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, textOf } from "../harness.mjs";

test("a draft typed before the app was closed is listed and resumes", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir });
  try {
    const { browser } = app;
    await (await browser.$("button=New reflection")).click();
    await (await browser.$("#field-title")).setValue("Parents' meeting on after-school jobs");
    await (await browser.$("#field-notes")).setValue("Two mothers offered to run the next evening");
    const status = await browser.$(".autosave");
    await browser.waitUntil(async () => /Draft saved/.test(await status.getText()), {
      timeout: 10000,
      timeoutMsg: "the form must say when the draft is stored",
    });
  } finally {
    await app.close();
  }
  app = await launch({ dataDir });
  try {
    const { browser } = app;
    const draft = await browser.$(".draft-row");
    await draft.waitForExist({ timeout: 10000 });
    assert.equal(await (await draft.$(".draft-title")).getText(), "Parents' meeting on after-school jobs");
    await (await draft.$("button=Resume")).click();
    assert.equal(await textOf(browser, "h1"), "New reflection");
    assert.equal(await (await browser.$("#field-notes")).getValue(), "Two mothers offered to run the next evening");
    await (await browser.$("input[value=partly]")).click();
    await (await browser.$("button=Save reflection")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    await (await browser.$("button=Journal")).click();
    await browser.$(".entry-row").waitForExist({ timeout: 10000 });
    assert.equal((await browser.$$(".draft-row")).length, 0, "saving the entry consumes its draft");
  } finally {
    await app.close();
  }
});
