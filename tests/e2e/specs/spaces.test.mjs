// A reflection space in the real window, as a team meets it: two journals (a worker's and the
// team lead's) on two data folders and one shared folder. The worker makes a member card, the
// lead makes the space and adds it, the worker joins and shares a reflection, the lead reads
// it, the worker withdraws it and it is gone for the lead. One app runs at a time (one app per
// user), so the two people take turns at the same computer, as on a shared office PC; the
// worker's last share is made from another process (the CLI, as from another computer) while
// the lead's window is open, and arrives there by the folder watch alone. Screenshots of the
// team area, the share preview and the member screen are made in Danish and in English.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch } from "../harness.mjs";

const TITLE = "Lektiecafé i Bydelshuset";
const PRIVATE = "Hvordan havde du det efter mødet?";

async function openTeam(browser) {
  await click(browser, "nav button[data-nav=team]");
}

async function openSpace(browser) {
  await openTeam(browser);
  await click(browser, "[data-action=open-space]");
  await browser.$("article[data-space]").waitForExist({ timeout: 10000 });
}

async function readFolder(browser) {
  await click(browser, "[data-action=read-folder]");
  await browser.$("[data-testid=sync-result]").waitForExist({ timeout: 10000 });
}

async function sharedTitles(browser) {
  return browser.execute(() => [...document.querySelectorAll("li[data-shared]")].map((li) => li.textContent));
}

test("a worker shares a reflection with the team lead through a shared folder, and withdraws it", async () => {
  const worker = freshDataDir();
  const lead = freshDataDir();
  const folder = join(freshDataDir(), "Team Nord (OneDrive)");
  mkdirSync(folder, { recursive: true });
  const shots = freshDataDir();
  // The worker's reflection, written before (by the CLI, which shares the journal's core).
  execFileSync(CLI, ["add", "--date", "2026-03-12", "--title", TITLE, "--outcome", "partly"], { env: cliEnv(worker) });
  execFileSync(CLI, ["add", "--date", "2026-02-20", "--title", "Fællesspisning", "--outcome", "failed"], { env: cliEnv(worker) });

  // 1. The worker makes a member card.
  let app = await launch({ dataDir: worker });
  let code;
  try {
    await openTeam(app.browser);
    await click(app.browser, "[data-action=join-space]");
    await (await app.browser.$("[data-field=member-name]")).setValue("Sara");
    await click(app.browser, "[data-action=make-card]");
    const fingerprint = await app.browser.$("[data-testid=card-fingerprint]");
    await fingerprint.waitForExist({ timeout: 10000 });
    assert.match(await fingerprint.getText(), /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    code = await (await app.browser.$("[data-testid=card-code]")).getValue();
    assert.ok(code.startsWith("EFTERTANKE-CARD-1:"), code);
    await app.browser.saveScreenshot(join(shots, "team-member-card-en.png"));
  } finally {
    await app.close();
  }

  // 2. The lead makes the space and adds the worker's card; the lead's fingerprint, beside the
  // space's name, is what the lead reads aloud to the worker.
  let leadFingerprint;
  app = await launch({ dataDir: lead, lang: "da_DK.UTF-8" });
  try {
    await openTeam(app.browser);
    await click(app.browser, "[data-action=new-space]");
    await (await app.browser.$("[data-field=space-name]")).setValue("Team Nord");
    await (await app.browser.$("[data-field=lead-name]")).setValue("Teamleder");
    await (await app.browser.$("[data-field=space-folder]")).setValue(folder);
    await click(app.browser, "[data-action=create-space]");
    await app.browser.$("article[data-space]").waitForExist({ timeout: 10000 });
    const shown = await app.browser.$("[data-testid=lead-fingerprint]");
    await shown.waitForExist({ timeout: 10000 });
    leadFingerprint = await shown.getText();
    assert.match(leadFingerprint, /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    await (await app.browser.$("[data-field=invite-card]")).setValue(code);
    await app.browser.$("[data-testid=invite-fingerprint]").waitForExist({ timeout: 10000 });
    await click(app.browser, "[data-action=invite-member]");
    await app.browser.waitUntil(
      async () => (await app.browser.$$("li[data-member]")).length === 2,
      { timeout: 10000, timeoutMsg: "the worker is not listed as a member" },
    );
    await (await app.browser.$("li[data-member]")).scrollIntoView({ block: "center" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-members-da.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
  } finally {
    await app.close();
  }

  // 3. The worker joins and shares the reflection by name.
  app = await launch({ dataDir: worker });
  try {
    await openTeam(app.browser);
    await click(app.browser, "[data-action=join-space]");
    await (await app.browser.$("[data-field=join-folder]")).setValue(folder);
    await (await app.browser.$("[data-field=join-lead]")).setValue(leadFingerprint);
    await click(app.browser, "[data-action=join]");
    await app.browser.$("article[data-space]").waitForExist({ timeout: 10000 });
    await click(app.browser, "nav button[data-nav=journal]");
    await click(app.browser, ".entry-row");
    await click(app.browser, "[data-action=share]");
    await click(app.browser, "input[name=share-scope][value=named]");
    const preview = await app.browser.$("[data-testid=share-preview][data-scope=named]");
    await preview.waitForExist({ timeout: 10000 });
    assert.ok((await preview.getText()).includes(TITLE), "the preview shows what leaves");
    assert.ok(await (await app.browser.$("input[name=share-scope][value=named]")).isSelected());
    await preview.scrollIntoView({ block: "center" });
    await app.browser.pause(400);
    await app.browser.saveScreenshot(join(shots, "team-share-preview-en.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
    await click(app.browser, "[data-action=share-now]");
    await app.browser.$("[data-testid=share-done]").waitForExist({ timeout: 10000 });
  } finally {
    await app.close();
  }

  // 4. The lead reads the folder and sees it, with the worker's name. Someone with write access
  // has also left files there: three that are not Eftertanke's and one named like a later member
  // list. They lock nobody out; the folder's state names them in words.
  const spaceDir = join(folder, readdirSync(folder).find((n) => n.startsWith("eftertanke-")));
  for (const n of [1, 2, 3]) writeFileSync(join(spaceDir, "members", `0000009${n}-junk.bundle`), "not ours");
  writeFileSync(join(spaceDir, "rosters", "000099-ffffffffffffffff.roster"), "age-encryption.org/v1\n-> X25519 AAAA\n");
  app = await launch({ dataDir: lead, lang: "da_DK.UTF-8" });
  try {
    await openSpace(app.browser);
    await readFolder(app.browser);
    const notOurs = await app.browser.$("[data-testid=not-ours]");
    await notOurs.waitForExist({ timeout: 10000, timeoutMsg: "the junk is not summed up" });
    assert.equal(await notOurs.getText(), "3 filer i rummets mappe er ikke Eftertankes. De blev ladt i fred.");
    const notARoster = await app.browser.$("li[data-problem=not_a_roster]");
    assert.match(await notARoster.getText(), /ikke en af rummets/);
    await notARoster.scrollIntoView({ block: "center" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-folder-junk-da.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
    await app.browser.waitUntil(async () => (await sharedTitles(app.browser)).some((t) => t.includes(TITLE)), {
      timeout: 10000,
      timeoutMsg: "the shared reflection did not reach the lead",
    });
    assert.ok((await sharedTitles(app.browser)).some((t) => t.includes("Sara")));
    // It waits in the lead's review, with who shared it.
    const review = await app.browser.$("[data-testid=review-queue]");
    await app.browser.waitUntil(async () => (await review.getText()).includes(TITLE), {
      timeout: 10000,
      timeoutMsg: "the share is not in the lead's review queue",
    });
    assert.match(await review.getText(), /delt af Sara/);
    await app.browser.saveScreenshot(join(shots, "team-lead-view-da.png"));
    // The team's timeline holds the attempt in its lane.
    const timeline = await app.browser.$("[data-testid=team-timeline]");
    await timeline.waitForExist({ timeout: 10000 });
    assert.ok((await timeline.getText()).includes(TITLE), "the team's timeline shows the attempt");
    await timeline.scrollIntoView({ block: "start" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-timeline-da.png"));
    // The lead answers the worker alone: a comment encrypted to her and the lead.
    await click(app.browser, "li[data-shared] [data-action=comments]");
    await (await app.browser.$("[data-testid=comment-thread] textarea[name=comment-text]")).setValue(PRIVATE);
    await click(app.browser, "[data-testid=comment-thread] input[type=radio][value=author]");
    await click(app.browser, "[data-action=send-comment]");
    const sent = await app.browser.$("li[data-comment][data-audience=author]");
    await sent.waitForExist({ timeout: 10000, timeoutMsg: "the lead's comment is not in the thread" });
    assert.ok((await sent.getText()).includes(PRIVATE));
    await sent.scrollIntoView({ block: "center" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-comment-da.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
  } finally {
    await app.close();
  }

  // 5. The worker, in Danish now, looks at the preview again, and withdraws the share.
  app = await launch({ dataDir: worker, lang: "da_DK.UTF-8" });
  try {
    await click(app.browser, ".entry-row");
    await click(app.browser, "[data-action=share]");
    await click(app.browser, "input[name=share-scope][value=named]");
    const preview = await app.browser.$("[data-testid=share-preview][data-scope=named]");
    await preview.waitForExist({ timeout: 10000 });
    await preview.scrollIntoView({ block: "center" });
    await app.browser.pause(400);
    await app.browser.saveScreenshot(join(shots, "team-share-preview-da.png"));
    await app.browser.keys("Escape");
    await app.browser.waitUntil(async () => !(await preview.isExisting()), {
      timeout: 10000,
      timeoutMsg: "Escape did not close the share dialog",
    });
    // Two reflections chosen from the list open one dialog with a preview of each.
    await click(app.browser, "nav button[data-nav=journal]");
    await click(app.browser, "[data-action=select-entries]");
    for (const box of await app.browser.$$("input[data-select]")) await box.click();
    assert.match(await (await app.browser.$("[data-testid=selection-count]")).getText(), /^2 refleksioner valgt$/);
    await click(app.browser, "[data-action=share-selected]");
    await click(app.browser, "input[name=share-scope][value=aggregate]");
    await app.browser.waitUntil(async () => (await app.browser.$$("[data-testid=share-preview][data-scope=aggregate]")).length === 2, {
      timeout: 10000,
      timeoutMsg: "the chosen reflections are not previewed one by one",
    });
    await app.browser.pause(400);
    await app.browser.saveScreenshot(join(shots, "team-share-selection-da.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
    await app.browser.keys("Escape");
    await app.browser.waitUntil(async () => !(await (await app.browser.$("[role=dialog]")).isExisting()), {
      timeout: 10000,
      timeoutMsg: "Escape did not close the share dialog of the selection",
    });
    await click(app.browser, "[data-action=cancel-select]");
    await openSpace(app.browser);
    // The lead's comment to her alone is on her share.
    await click(app.browser, "li[data-shared] [data-action=comments]");
    await app.browser.waitUntil(
      async () => (await app.browser.$$("li[data-comment][data-audience=author]")).length === 1,
      { timeout: 20000, timeoutMsg: "the lead's author-only comment did not reach the worker" },
    );
    assert.ok((await (await app.browser.$("li[data-comment]")).getText()).includes(PRIVATE));
    await (await app.browser.$("li[data-comment]")).scrollIntoView({ block: "center" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-comment-author-da.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
    await click(app.browser, "[data-action=withdraw]");
    await click(app.browser, "[data-action=confirm-withdraw]");
    await app.browser.waitUntil(async () => (await app.browser.$$("[data-action=withdraw]")).length === 0, {
      timeout: 10000,
      timeoutMsg: "the share is still listed as mine",
    });
  } finally {
    await app.close();
  }

  // 6. Gone for the lead, who reads in English now. While the lead's window is open, the worker
  // shares another attempt from another process: it arrives without anyone reading the folder.
  app = await launch({ dataDir: lead });
  try {
    await openSpace(app.browser);
    await readFolder(app.browser);
    await app.browser.waitUntil(async () => !(await sharedTitles(app.browser)).some((t) => t.includes(TITLE)), {
      timeout: 10000,
      timeoutMsg: "the withdrawn reflection is still shown to the lead",
    });
    await app.browser.saveScreenshot(join(shots, "team-lead-view-en.png"));
    const space = await (await app.browser.$("article[data-space]")).getAttribute("data-space");
    const env = cliEnv(worker);
    const next = execFileSync(CLI, ["add", "--date", "2026-04-02", "--title", "Madklub", "--outcome", "succeeded"], { env })
      .toString()
      .trim();
    execFileSync(CLI, ["space", "share", space, next], { env });
    await app.browser.waitUntil(async () => (await sharedTitles(app.browser)).some((t) => t.includes("Madklub")), {
      timeout: 20000,
      timeoutMsg: "a colleague's share did not arrive by itself while the window was open",
    });
    // The lead's review holds the new share, until the lead marks it gone through.
    const review = await app.browser.$("[data-testid=review-queue]");
    await app.browser.waitUntil(async () => (await review.getText()).includes("Madklub"), {
      timeout: 10000,
      timeoutMsg: "the new share is not in the lead's review queue",
    });
    await review.scrollIntoView({ block: "start" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-review-en.png"));
    await click(app.browser, "[data-action=mark-reviewed]");
    await app.browser.$("[data-testid=review-empty]").waitForExist({ timeout: 10000 });
    await (await app.browser.$("li[data-member]")).scrollIntoView({ block: "center" });
    await app.browser.pause(300);
    await app.browser.saveScreenshot(join(shots, "team-members-en.png"));
    assert.deepEqual(await axeViolations(app.browser), []);
  } finally {
    await app.close();
  }
  console.log(`screenshots of the team area in ${shots}`);
});
