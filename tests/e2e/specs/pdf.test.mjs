// The PDF meeting pack from the real window: one reflection from its page, a selection from the
// timeline, and the whole journal in Danish from Settings. Each file is checked as a reader gets
// it: the pages counted by pdfinfo, the words (æøå included) read back by pdftotext, and the
// first pages rendered to PNG by pdftoppm beside the screenshots. axe on the dialog.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch, setField, textOf } from "../harness.mjs";

const pages = (pdf) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))[1]);
const words = (pdf) => execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
// The first pages as PNG, to look at: `name-1.png`, `name-2.png` …
const render = (pdf, out, name, last) =>
  execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", String(last), pdf, join(out, name)], { stdio: "ignore" });

// The guard has read what is exported, and a path is given: the export can start.
const canStart = (browser) => browser.waitUntil(() => browser.$("button[data-action=export-start]").isEnabled(), { timeout: 10000 });

async function exportPdf(browser, path) {
  await click(browser, "input[name=export-format][value=pdf]");
  await setField(browser, "#export-path", path);
  await canStart(browser);
  await click(browser, "button[data-action=export-start]");
  await (await browser.$("[data-testid=export-done]")).waitForExist({ timeout: 30000 });
  assert.match(await textOf(browser, "[data-testid=export-done]"), new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

test("one reflection, a selection and the whole journal as PDF meeting packs", async () => {
  const dataDir = freshDataDir();
  const out = freshDataDir();
  execFileSync(CLI, ["demo", "--reference-case"], { env: cliEnv(dataDir) });
  const app = await launch({ dataDir });
  const { browser } = app;
  try {
    // One reflection, from its page: printed as itself, with no title page.
    await (await browser.$(".entry-row*=Danskkursus for mødre")).click();
    await click(browser, "button[data-action=export]");
    await (await browser.$("#export-path")).waitForExist({ timeout: 10000 });
    await click(browser, "input[name=export-format][value=pdf]");
    await canStart(browser);
    assert.deepEqual(await axeViolations(browser), [], "the export dialog with PDF chosen must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(out, "export-pdf-dialog-en.png"));
    const one = join(out, "én refleksion.pdf");
    await exportPdf(browser, one);
    const oneText = words(one);
    assert.match(oneText, /Danskkursus for mødre/);
    assert.match(oneText, /What actually happened\?/, "the guide's questions, in the window's language");
    assert.doesNotMatch(oneText, /Contents/, "one reflection has no contents page");
    assert.match(oneText, new RegExp(`Page 1 of ${pages(one)}`));
    render(one, out, "pdf-one-en", 1);
    await browser.keys(["Escape"]);

    // A selection of both, from the timeline: a title page, the contents, each from a new page.
    await click(browser, "nav button[data-nav=journal]");
    await click(browser, "[data-action=select-entries]");
    for (const box of await browser.$$("input[data-select]")) {
      if (!(await box.isSelected())) await box.click();
    }
    await click(browser, "button[data-action=export-selected]");
    await (await browser.$("#export-path")).waitForExist({ timeout: 10000 });
    const both = join(out, "udvalg.pdf");
    await exportPdf(browser, both);
    const bothText = words(both);
    const sheets = bothText.split("\f");
    assert.ok(pages(both) >= 4, `title page, contents and two entries: ${pages(both)} pages`);
    assert.match(sheets[0], /2 reflections/);
    assert.match(sheets[1], /Contents/);
    assert.match(sheets[1], /Mødrenes forening/);
    assert.ok(sheets.some((s) => s.trimStart().startsWith("Danskkursus for mødre")), "the entry starts a page");
    render(both, out, "pdf-selection-en", 3);
    await browser.keys(["Escape"]);

    // The whole journal, in Danish, from Settings.
    await click(browser, "nav button[data-nav=settings]");
    await click(browser, "input[name=language][value=da]");
    await browser.pause(300);
    await click(browser, "button[data-action=export-all]");
    await (await browser.$("#export-path")).waitForExist({ timeout: 10000 });
    await click(browser, "input[name=export-format][value=pdf]");
    await canStart(browser);
    assert.deepEqual(await axeViolations(browser), [], "the Danish export dialog with PDF chosen must pass the scan");
    await browser.pause(300);
    await browser.saveScreenshot(join(out, "export-pdf-dialog-da.png"));
    // The reference case holds findings for the guard: they are replaced in the copy.
    const replace = await browser.$("input[name=export-findings][value=replace]");
    if (await replace.isExisting()) await replace.click();
    const all = join(out, "alle-refleksioner.pdf");
    await exportPdf(browser, all);
    const allText = words(all);
    for (const w of ["2 refleksioner", "Indhold", "Hvad skete der faktisk?", "Side 3 af", "Vestparken"]) {
      assert.ok(allText.includes(w), `${w} is not in the Danish PDF`);
    }
    render(all, out, "pdf-all-da", 3);
    console.log(`screenshots and PDF pages in ${out}`);
  } finally {
    await app.close();
  }
});
