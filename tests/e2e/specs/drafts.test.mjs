// Typing is autosaved: after the app is closed mid-reflection, the draft is on the home
// screen and resumes on the step and with the text as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { freshDataDir, launch, textOf } from "../harness.mjs";

test("a draft typed before the app was closed is listed and resumes on its step", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir });
  try {
    const { browser } = app;
    await (await browser.$("nav button[data-nav=new]")).click();
    await (await browser.$(".guide-card.recommended button")).click();
    await (await browser.$("#q-headline")).setValue("Parents' meeting on after-school jobs");
    await (await browser.$("button[data-action=next]")).click();
    await (await browser.$("#q-what_happened")).setValue("Two mothers offered to run the next evening");
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
    await browser.waitUntil(async () => (await (await draft.$(".draft-title")).getText()) === "Parents' meeting on after-school jobs", {
      timeout: 5000,
      timeoutMsg: "the draft is listed by its title",
    });
    await (await draft.$("button=Resume")).click();
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "#step-heading"), "The attempt", "the wizard resumes on the step that was left");
    assert.equal(await (await browser.$("#q-what_happened")).getValue(), "Two mothers offered to run the next evening");
    await (await browser.$("button[data-action=back]")).click();
    await (await browser.$("input[name=q-outcome][value=partly]")).click();
    await (await browser.$("button[data-action=save-quick]")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    await (await browser.$("nav button[data-nav=journal]")).click();
    await browser.$(".entry-row").waitForExist({ timeout: 10000 });
    assert.equal((await browser.$$(".draft-row")).length, 0, "saving the entry consumes its draft");
  } finally {
    await app.close();
  }
});
