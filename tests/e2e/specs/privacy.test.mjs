// The personal-data guard in the real window: a CPR number typed in a reflection is marked
// under the field with the reason, one button replaces it with "borger A", and saving with a
// second number is stopped by a dialog that replaces it too — with the next label, "borger B".
// Accessibility is scanned while the finding and the dialog are shown.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, freshDataDir, launch, textOf } from "../harness.mjs";

test("a CPR number is highlighted, explained and replaced with a role (da)", async () => {
  const app = await launch({ dataDir: freshDataDir(), lang: "da_DK.UTF-8" });
  const { browser } = app;
  try {
    await (await browser.$("nav button[data-nav=new]")).click();
    await (await browser.$(".guide-card.recommended button")).click();
    const headline = await browser.$("#q-headline");
    await headline.waitForExist({ timeout: 10000 });
    await headline.setValue("Møde med 070761-4285 om kurset");

    const item = await browser.$(".pd-item[data-kind=cpr]");
    await item.waitForExist({ timeout: 10000, timeoutMsg: "the finding appears under the field while typing" });
    assert.equal(await textOf(browser, ".pd-mark"), "070761-4285", "the number itself is marked in the echo of the field");
    assert.match(await item.getText(), /»070761-4285«, linje 1, tegn 10/, "the finding is quoted with its position");
    assert.match(await item.getText(), /Dette ligner et CPR-nummer\./, "the reason is given in words");
    const summary = await textOf(browser, "#q-headline-pd");
    assert.match(summary, /Mulige personoplysninger i svaret: 1/);
    assert.match(await headline.getAttribute("aria-describedby"), /q-headline-pd/, "the field is described by its findings");
    assert.deepEqual(await axeViolations(browser), [], "the finding must have no serious accessibility faults");

    const replace = await item.$("button[data-action=replace-finding]");
    await browser.waitUntil(async () => (await replace.getText()) === "Erstat med »borger A«", {
      timeout: 5000,
      timeoutMsg: "the button names the label it will use",
    });
    await replace.click();
    await browser.waitUntil(async () => (await headline.getValue()) === "Møde med borger A om kurset", {
      timeout: 5000,
      timeoutMsg: "the number is replaced in the field",
    });
    await browser.waitUntil(async () => (await browser.$$(".pd-item")).length === 0, { timeout: 5000 });
    assert.equal(await browser.execute(() => document.activeElement?.id), "q-headline", "focus returns to the field");

    // A second number, left in place: saving is stopped, and replacing from the dialog uses the
    // next free label because "borger A" is already in the reflection.
    await (await browser.$("#q-expected")).setValue("At 070761-4286 ville komme igen.");
    await (await browser.$("input[name=q-outcome][value=partly]")).click();
    await (await browser.$("button[data-action=save-quick]")).click();
    const dialog = await browser.$("[role=alertdialog]");
    await dialog.waitForExist({ timeout: 10000, timeoutMsg: "a CPR number blocks saving with a dialog" });
    assert.match(await dialog.getText(), /Refleksionen indeholder et CPR-nummer/);
    assert.match(await dialog.getText(), /Gem alligevel – jeg har en grund/);
    assert.deepEqual(await axeViolations(browser), [], "the dialog must have no serious accessibility faults");
    await (await dialog.$("button[data-action=replace-all]")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000, timeoutMsg: "after replacing, the reflection is saved" });
    const page = await browser.$("main").getText();
    assert.match(page, /borger B ville komme igen/, "the saved text holds the role, not the number");
    assert.doesNotMatch(page, /070761/, "no CPR number reached the saved reflection");
  } finally {
    await app.close();
  }
});

// Written the way someone in a hurry or someone determined writes it: glued to a word, an em
// dash and a zero-width space between date and serial, fullwidth digits. The one check before
// saving (check_entry) finds them all, and replacing from the dialog leaves none.
test("CPR numbers written past the old guard are found before saving and replaced (en)", async () => {
  const app = await launch({ dataDir: freshDataDir(), lang: "en_GB.UTF-8" });
  const { browser } = app;
  try {
    await (await browser.$("nav button[data-nav=new]")).click();
    await (await browser.$(".guide-card.recommended button")).click();
    const headline = await browser.$("#q-headline");
    await headline.waitForExist({ timeout: 10000 });
    await headline.setValue("Meeting about the course");
    await (await browser.$("#q-expected")).setValue("Mother CPR070761\u2014\u200b4285 and her neighbour \uff10\uff17\uff10\uff17\uff16\uff11 4285 would come.");
    await (await browser.$("input[name=q-outcome][value=partly]")).click();
    await (await browser.$("button[data-action=save-quick]")).click();
    const dialog = await browser.$("[role=alertdialog]");
    await dialog.waitForExist({ timeout: 10000, timeoutMsg: "a CPR number written this way still blocks saving" });
    assert.match(await dialog.getText(), /CPR number/);
    await (await dialog.$("button[data-action=replace-all]")).click();
    await browser.$(".notice-ok").waitForExist({ timeout: 10000, timeoutMsg: "after replacing, the reflection is saved" });
    const page = await browser.$("main").getText();
    assert.match(page, /Mother CPR citizen [AB] and her neighbour citizen [AB] would come/, "both numbers became roles");
    assert.doesNotMatch(page, /4285/, "no part of either number reached the saved reflection");
  } finally {
    await app.close();
  }
});
