// The team space's promises in the real window, as a worker and a facilitator meet them: a
// share without a name says plainly what it cannot hide and waits for a random moment before it
// reaches the folder; the facilitator's review and list never show the worker's name with it;
// the worker answers a comment on it as "the author"; a counts-only share is listed to its
// author alone and withdrawn; the facilitator sets a retention period that everyone sees. One
// app at a time, each on its own data folder, one shared folder; what stands for "another
// computer" is done by the CLI (the same core). Screenshots in Danish and English; axe on each.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch } from "../harness.mjs";

const WAITING = "Forsøg uden navn, der venter";
const ANONYMOUS = "Lektiecafé uden navn";
const COUNTED = "Kun i tal";
const QUESTION = "Hvad gjorde I bagefter?";
const ANSWER = "Vi spurgte mødrene igen.";

const cli = (dir, args, input) => execFileSync(CLI, args, { env: cliEnv(dir), input }).toString().trim();

async function openSpace(browser) {
  await click(browser, "nav button[data-nav=team]");
  await click(browser, "[data-action=open-space]");
  await browser.$("article[data-space]").waitForExist({ timeout: 15000 });
}

async function readFolder(browser) {
  await click(browser, "[data-action=read-folder]");
  await browser.$("[data-testid=sync-result]").waitForExist({ timeout: 15000 });
}

async function until(browser, check, timeoutMsg, timeout = 20000) {
  await browser.waitUntil(check, { timeout, timeoutMsg });
}

// Each phase runs in one language; SWAP_LANGUAGES=1 runs each in the other, for the other half
// of the screenshots (the assertions hold in both).
const swap = process.env.SWAP_LANGUAGES === "1";
const DA = "da_DK.UTF-8";
const EN = "en_GB.UTF-8";
const inLang = (lang) => (swap ? (lang === DA ? EN : DA) : lang);
const code = (lang) => inLang(lang).slice(0, 2);

async function shot(browser, dir, name, selector) {
  await (await browser.$(selector)).scrollIntoView({ block: "start" });
  await browser.pause(300);
  await browser.saveScreenshot(join(dir, `${name}.png`));
}

/** The shared row whose text holds `title`, as a selector. */
async function rowOf(browser, title) {
  const id = await browser.execute((t) => [...document.querySelectorAll("li[data-shared]")].find((li) => li.textContent.includes(t))?.dataset.shared, title);
  assert.ok(id, `no shared row holds "${title}"`);
  return `li[data-shared="${id}"]`;
}

function anonymousFiles(folder) {
  const root = readdirSync(folder).find((d) => d.startsWith("eftertanke-"));
  try {
    return readdirSync(join(folder, root, "anonymous"));
  } catch {
    return [];
  }
}

test("a share without a name keeps its promises, counts only are the author's to see and withdraw, and a retention period is set", async () => {
  const [leadDir, saraDir] = [freshDataDir(), freshDataDir()];
  const folder = join(freshDataDir(), "Team Nord (OneDrive)");
  mkdirSync(folder, { recursive: true });
  const shots = freshDataDir();

  const space = cli(leadDir, ["space", "create", "Team Nord", "--folder", folder, "--as", "Tovholder"]);
  cli(leadDir, ["space", "invite", space, "-"], cli(saraDir, ["space", "card", "--name", "Sara", "--code"]));
  const fingerprint = JSON.parse(cli(leadDir, ["space", "status", space, "--json"])).space.leadFingerprint;
  cli(saraDir, ["space", "join", "--folder", folder, "--lead", fingerprint]);
  cli(saraDir, ["add", "--date", "2026-11-12", "--title", WAITING, "--outcome", "failed"]);

  // 1. Sara shares without her name in the window: the dialog says what cannot be hidden, and
  // the file waits for its moment.
  let app = await launch({ dataDir: saraDir, lang: inLang(DA) });
  try {
    await click(app.browser, ".entry-row");
    await click(app.browser, "[data-action=share]");
    await click(app.browser, "input[name=share-scope][value=anonymous]");
    const limits = await app.browser.$("[data-testid=anonymous-limits]");
    await limits.waitForExist({ timeout: 10000 });
    assert.match(await limits.getText(), /OneDrive og SharePoint viser det til alle med adgang|OneDrive and SharePoint show it to everyone with access/);
    await shot(app.browser, shots, `team-anonymous-limits-${code(DA)}`, "[data-testid=anonymous-limits]");
    assert.deepEqual(await axeViolations(app.browser), []);
    await click(app.browser, "[data-action=share-now]");
    const done = await app.browser.$("[data-testid=share-done]");
    await done.waitForExist({ timeout: 15000 });
    assert.match(await done.getText(), /på et tilfældigt tidspunkt inden for de næste timer|at a random moment within the next hours/);
    assert.deepEqual(anonymousFiles(folder), [], "the anonymous file was written at once");
    await app.browser.keys("Escape");
    await openSpace(app.browser);
    await app.browser.$("[data-testid=waiting]").waitForExist({ timeout: 15000 });
  } finally {
    await app.close();
  }

  // From Sara's other computer (the CLI): one share without a name and one only in counts,
  // written at once.
  const anonymous = cli(saraDir, ["add", "--date", "2026-11-20", "--title", ANONYMOUS, "--outcome", "partly"]);
  const counted = cli(saraDir, ["add", "--date", "2026-11-21", "--title", COUNTED, "--outcome", "succeeded"]);
  cli(saraDir, ["space", "share", space, anonymous, "--scope", "anonymous", "--now"]);
  cli(saraDir, ["space", "share", space, counted, "--scope", "aggregate", "--now"]);

  // 2. The facilitator: the review and the list show the share without Sara's name; a comment
  // to the team on it; a retention period of 24 months.
  app = await launch({ dataDir: leadDir, lang: inLang(EN) });
  try {
    await openSpace(app.browser);
    await readFolder(app.browser);
    await until(app.browser, async () => (await app.browser.$$("li[data-review]")).length === 1, "the review does not hold the share");
    const review = await (await app.browser.$("[data-testid=review-queue]")).getText();
    assert.ok(review.includes(ANONYMOUS) && !review.includes("Sara"), `the review names the author: ${review}`);
    assert.match(review, /arrived on \d+ \w+ \d{4} \(without a name, only the day\)|kom den \d+\. \p{L}+ \d{4} \(uden navn, kun dagen\)/u);
    assert.ok(!review.includes(COUNTED), "a counts-only share is listed one by one");
    const row = await rowOf(app.browser, ANONYMOUS);
    assert.ok(!(await (await app.browser.$(row)).getText()).includes("Sara"));
    await click(app.browser, `${row} [data-action=comments]`);
    await (await app.browser.$(`${row} textarea[name=comment-text]`)).setValue(QUESTION);
    await click(app.browser, `${row} [data-action=send-comment]`);
    await app.browser.$(`${row} li[data-comment]`).waitForExist({ timeout: 15000 });
    await until(app.browser, async () => app.browser.execute(() => document.activeElement?.getAttribute("name") === "comment-text"), "focus left the comment field after sending");
    const select = await app.browser.$("select[data-field=retention]");
    await select.selectByAttribute("value", "24");
    await click(app.browser, "[data-action=save-retention]");
    await until(app.browser, async () => /24 (months|måneder)/.test(await (await app.browser.$("[data-testid=retention-line]")).getText()), "the retention period is not shown");
    await shot(app.browser, shots, `team-review-anonymous-${code(EN)}`, "[data-testid=review-queue]");
    await shot(app.browser, shots, `team-retention-${code(EN)}`, "[data-testid=retention]");
    assert.deepEqual(await axeViolations(app.browser), []);
  } finally {
    await app.close();
  }

  // 3. Sara: she answers as "the author"; her counts-only share is listed to her alone, and she
  // withdraws it; she sees the retention period.
  app = await launch({ dataDir: saraDir, lang: inLang(EN) });
  try {
    await openSpace(app.browser);
    await readFolder(app.browser);
    assert.match(await (await app.browser.$("[data-testid=retention-line]")).getText(), /kept for 24 months|gemmes i 24 måneder/);
    const row = await rowOf(app.browser, ANONYMOUS);
    await click(app.browser, `${row} [data-action=comments]`);
    await app.browser.$(`${row} li[data-comment]`).waitForExist({ timeout: 15000 });
    assert.match(await (await app.browser.$(`${row} [data-testid=own-unnamed]`)).getText(), /you write here as “the author”|du skriver her som »forfatteren«/);
    await click(app.browser, `${row} [data-action=reply]`);
    await (await app.browser.$(`${row} textarea[name=comment-text]`)).setValue(ANSWER);
    await click(app.browser, `${row} [data-action=send-comment]`);
    await until(app.browser, async () => (await app.browser.$$(`${row} li[data-comment]`)).length === 2, "the answer is not in the thread");
    await shot(app.browser, shots, `team-answer-as-author-${code(EN)}`, row);
    const counts = await rowOf(app.browser, COUNTED);
    assert.match(await (await app.browser.$(counts)).getText(), /Only you see this line|Kun du ser denne linje/);
    await shot(app.browser, shots, `team-counts-only-mine-${code(EN)}`, counts);
    assert.deepEqual(await axeViolations(app.browser), []);
    await click(app.browser, `${counts} [data-action=withdraw]`);
    await click(app.browser, "[data-action=confirm-withdraw]");
    await until(app.browser, async () => !(await app.browser.execute((t) => [...document.querySelectorAll("li[data-shared]")].some((li) => li.textContent.includes(t)), COUNTED)), "the counts-only share is still listed");
  } finally {
    await app.close();
  }
  // Her answer was written at a random moment later; from her other computer, now.
  cli(saraDir, ["space", "send-waiting", space]);

  // 4. The facilitator reads the answer as the author's, never as Sara's (in Danish).
  app = await launch({ dataDir: leadDir, lang: inLang(DA) });
  try {
    await openSpace(app.browser);
    await readFolder(app.browser);
    const row = await rowOf(app.browser, ANONYMOUS);
    await click(app.browser, `${row} [data-action=comments]`);
    await until(app.browser, async () => (await app.browser.$$(`${row} li[data-comment]`)).length === 2, "the author's answer did not reach the facilitator", 30000);
    const thread = await (await app.browser.$(`${row} [data-testid=comment-thread]`)).getText();
    assert.ok(/Forfatteren|The author/.test(thread) && thread.includes(ANSWER) && !thread.includes("Sara"), thread);
    await shot(app.browser, shots, `team-author-answer-${code(DA)}`, row);
    assert.deepEqual(await axeViolations(app.browser), []);
  } finally {
    await app.close();
  }
});
