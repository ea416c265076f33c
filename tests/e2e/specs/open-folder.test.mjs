// "Open the data folder" (Settings › About), "Open the team's folder" (a space) and "Show in
// folder" after an export open the folder in the system's file manager: here a stand-in `xdg-open` first on the PATH, which
// notes what it was asked to open, as the real one would show it. The window sends only which
// folder (a space's id, or nothing); the shell finds it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch, setField } from "../harness.mjs";

/** A stand-in file manager: an `xdg-open` that appends what it is asked to open to `log`. */
function fileManager() {
  const bin = freshDataDir();
  const log = join(bin, "opened.txt");
  const script = join(bin, "xdg-open");
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
  chmodSync(script, 0o755);
  return { bin, opened: () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []) };
}

async function waitForOpened(fm, count) {
  for (let i = 0; i < 50 && fm.opened().length < count; i++) await new Promise((r) => setTimeout(r, 100));
  return fm.opened();
}

test("the data folder and the team's folder open in the file manager from their screens", async () => {
  const dataDir = freshDataDir();
  const folder = join(freshDataDir(), "Team Nord (OneDrive)");
  mkdirSync(folder, { recursive: true });
  execFileSync(CLI, ["space", "create", "Team Nord", "--folder", folder], { env: cliEnv(dataDir) });
  const fm = fileManager();
  const app = await launch({ dataDir, env: { PATH: `${fm.bin}:${process.env.PATH}` } });
  try {
    const { browser } = app;
    await click(browser, "nav button[data-nav=settings]");
    await click(browser, "[data-action=open-data-folder]");
    const shown = await (await browser.$("[data-about=data-dir] code")).getText();
    assert.deepEqual(await waitForOpened(fm, 1), [shown], "the folder About shows is the one opened");
    assert.deepEqual(await axeViolations(browser), [], "About with its button");

    await click(browser, "nav button[data-nav=team]");
    await click(browser, "[data-action=open-space]");
    await click(browser, "[data-action=open-space-folder]");
    const opened = await waitForOpened(fm, 2);
    assert.equal(opened[1], realpathSync(folder), "the team's shared folder is the one opened");
    assert.deepEqual(await axeViolations(browser), [], "the space with its button");
  } finally {
    await app.close();
  }
});

test("after an export, Show in folder opens the folder it was written into", async () => {
  const dataDir = freshDataDir();
  execFileSync(CLI, ["add", "--date", "2026-03-12", "--title", "Lektiecafé", "--outcome", "partly"], { env: cliEnv(dataDir) });
  const out = join(freshDataDir(), "Eksporter");
  mkdirSync(out, { recursive: true });
  const fm = fileManager();
  const app = await launch({ dataDir, lang: "da_DK.UTF-8", env: { PATH: `${fm.bin}:${process.env.PATH}` } });
  try {
    const { browser } = app;
    await (await browser.$(".entry-row*=Lektiecafé")).click();
    await click(browser, "button[data-action=export]");
    await click(browser, "input[name=export-format][value=json]");
    await setField(browser, "#export-path", join(out, "lektiecafe.json"));
    await browser.waitUntil(async () => browser.$("button[data-action=export-start]").isEnabled(), { timeout: 10000 });
    await click(browser, "button[data-action=export-start]");
    await (await browser.$("[data-testid=export-done]")).waitForExist({ timeout: 15000 });
    assert.equal(await (await browser.$("[data-action=export-show]")).getText(), "Vis i mappen");
    await click(browser, "[data-action=export-show]");
    assert.deepEqual(await waitForOpened(fm, 1), [out], "the folder the export was written into");
    assert.deepEqual(await axeViolations(browser), [], "the finished export with its button");
  } finally {
    await app.close();
  }
});
