// Encryption at rest as a person meets it: choosing a passphrase and seeing the recovery code
// once, unlocking (and getting a wrong passphrase wrong, then right), locking, and backups —
// made, restored after a confirmation, and offered when the journal file is damaged.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, PASSPHRASE, axeViolations, cliEnv, freshDataDir, launch, openJournal, textOf } from "../harness.mjs";

const CANARY = "Kanariefugl-4e1d";

function filesContaining(dir, needle) {
  const hits = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath ?? e.path, e.name);
    if (readFileSync(path).includes(Buffer.from(needle))) hits.push(path);
  }
  return hits;
}

async function quickEntry(browser, title) {
  await (await browser.$("nav button[data-nav=new]")).click();
  await (await browser.$(".guide-card.recommended button")).click();
  await browser.$("#step-heading").waitForExist({ timeout: 10000 });
  await (await browser.$("#q-headline")).setValue(title);
  await (await browser.$("input[name=q-outcome][value=failed]")).click();
  await (await browser.$("button[data-action=save-quick]")).click();
  await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
}

test("first run sets a passphrase and shows the recovery code once; the journal on disk is unreadable", async () => {
  const dataDir = freshDataDir();
  let app = await launch({ dataDir, unlock: false });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Protect your journal");
    assert.deepEqual(await axeViolations(browser), [], "the passphrase screen");
    await (await browser.$("#new-passphrase")).setValue("too short");
    await (await browser.$("#repeat-passphrase")).setValue("too short");
    await (await browser.$("[data-action=create-passphrase]")).click();
    assert.match(await textOf(browser, "#setup-problem"), /at least 10 characters/);
    await (await browser.$("#new-passphrase")).setValue(PASSPHRASE);
    await (await browser.$("#repeat-passphrase")).setValue(PASSPHRASE + " typo");
    await (await browser.$("[data-action=create-passphrase]")).click();
    assert.match(await textOf(browser, "#setup-problem"), /not the same/);
    await (await browser.$("#repeat-passphrase")).setValue(PASSPHRASE);
    await (await browser.$("[data-action=create-passphrase]")).click();

    const code = await textOf(browser, "[data-testid=recovery-code]");
    assert.match(code.replace(/\s+/g, ""), /^[A-Z2-7]{32}$/, `a 32-letter code: ${code}`);
    assert.deepEqual(await axeViolations(browser), [], "the recovery-code screen");
    const open = await browser.$("[data-action=open-journal]");
    assert.equal(await open.isEnabled(), false, "the journal opens only once the code is written down");
    await (await browser.$("[data-action=code-written]")).click();
    await open.click();
    assert.equal(await textOf(browser, "h1"), "Journal");
    await quickEntry(browser, `Mødet om ${CANARY}`);
  } finally {
    await app.close();
  }
  assert.deepEqual(filesContaining(dataDir, CANARY), [], "no file in the data directory shows what was written");

  app = await launch({ dataDir, unlock: false });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Unlock your journal");
    assert.equal(await browser.$("[data-testid=recovery-code]").isExisting(), false, "the code is never shown again");
    assert.deepEqual(await axeViolations(browser), [], "the unlock screen");
    await (await browser.$("#unlock-passphrase")).setValue("the wrong passphrase");
    await (await browser.$("[data-action=unlock]")).click();
    assert.match(await textOf(browser, "#unlock-problem"), /does not unlock/);
    await openJournal(browser);
    assert.match(await textOf(browser, ".entry-list"), new RegExp(CANARY));

    await (await browser.$("[data-action=lock]")).click();
    assert.equal(await textOf(browser, "h1"), "Unlock your journal");
    assert.equal(await browser.$(".entry-list").isExisting(), false, "nothing of the journal stays on screen");
    await openJournal(browser);
    assert.equal(await textOf(browser, "h1"), "Journal");
  } finally {
    await app.close();
  }
});

test("a backup made in Settings restores after a confirmation, keeping the journal as it was", async () => {
  const dataDir = freshDataDir();
  const app = await launch({ dataDir });
  try {
    const { browser } = app;
    await quickEntry(browser, "Before the backup");
    await (await browser.$("nav button[data-nav=settings]")).click();
    await (await browser.$("[data-action=back-up-now]")).click();
    await browser.$(".backups-table").waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, ".settings-section .notice-ok"), /Backup made and checked/);
    assert.deepEqual(await axeViolations(browser), [], "settings with backups");
    await quickEntry(browser, "After the backup");

    await (await browser.$("nav button[data-nav=settings]")).click();
    await browser.$(".backups-table").waitForExist({ timeout: 10000 });
    // The newest backup row is the one made by hand (a daily one may have been made on unlock).
    const rows = await browser.$$(".backups-table tbody tr");
    let restoreButton;
    for (const row of rows) {
      if ((await row.getText()).includes("By you")) restoreButton = await row.$("[data-action=restore-backup]");
    }
    assert.ok(restoreButton, "the manual backup is listed");
    await restoreButton.click();
    assert.match(await textOf(browser, ".dialog"), /kept as a backup first/);
    assert.deepEqual(await axeViolations(browser), [], "the restore confirmation");
    await (await browser.$("[data-action=confirm-restore]")).click();
    await browser.waitUntil(async () => /Restored the backup/.test(await textOf(browser, ".settings-section .notice")), { timeout: 15000 });
    assert.match(await textOf(browser, ".backups-table"), /Before a restore/);

    await (await browser.$("nav button[data-nav=journal]")).click();
    const list = await textOf(browser, ".entry-list");
    assert.match(list, /Before the backup/);
    assert.doesNotMatch(list, /After the backup/);
  } finally {
    await app.close();
  }
});

test("a damaged journal offers its newest good backup, and restoring it opens the journal", async () => {
  const dataDir = freshDataDir();
  execFileSync(CLI, ["demo", "--reference-case", "--language", "en"], { env: cliEnv(dataDir) });
  execFileSync(CLI, ["backup"], { env: cliEnv(dataDir) });
  writeFileSync(join(dataDir, "eftertanke.sqlite3"), Buffer.alloc(16384, 7));
  const app = await launch({ dataDir });
  try {
    const { browser } = app;
    assert.equal(await textOf(browser, "h1"), "Eftertanke cannot open your journal");
    await browser.$("[data-action=restore-newest]").waitForExist({ timeout: 15000 });
    assert.match(await textOf(browser, ".error-card"), /newest backup that opens is from .* \(2 reflections\)/);
    assert.deepEqual(await axeViolations(browser), [], "the recovery screen");
    await (await browser.$("[data-action=restore-newest]")).click();
    await (await browser.$("[data-action=confirm-restore]")).click();
    await browser.$(".entry-list").waitForExist({ timeout: 15000 });
    assert.equal((await browser.$$(".entry-list > li")).length, 2);
  } finally {
    await app.close();
  }
});

test("changing the passphrase in Settings keeps the journal, and only the new one unlocks it", async () => {
  const dataDir = freshDataDir();
  const next = "a brand new passphrase";
  const app = await launch({ dataDir });
  try {
    const { browser } = app;
    await quickEntry(browser, "Kept through the change");
    await (await browser.$("nav button[data-nav=settings]")).click();
    await (await browser.$("#current-passphrase")).setValue("not the current one");
    await (await browser.$("#changed-passphrase")).setValue(next);
    await (await browser.$("#changed-repeat")).setValue(next);
    await (await browser.$("form.passphrase-change button[type=submit]")).click();
    assert.match(await textOf(browser, "form.passphrase-change .notice-error"), /does not unlock/);
    await (await browser.$("#current-passphrase")).setValue(PASSPHRASE);
    await (await browser.$("form.passphrase-change button[type=submit]")).click();
    assert.match(await textOf(browser, "form.passphrase-change .notice-ok"), /passphrase is changed/);

    await (await browser.$("[data-action=lock]")).click();
    await (await browser.$("#unlock-passphrase")).setValue(PASSPHRASE);
    await (await browser.$("[data-action=unlock]")).click();
    assert.match(await textOf(browser, "#unlock-problem"), /does not unlock/, "the old passphrase no longer opens it");
    await openJournal(browser, next);
    assert.match(await textOf(browser, ".entry-list"), /Kept through the change/);
  } finally {
    await app.close();
  }
});
