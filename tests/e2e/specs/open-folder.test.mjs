// "Open the data folder" (Settings › About) and "Open the team's folder" (a space) open the
// folder in the system's file manager: here a stand-in `xdg-open` first on the PATH, which
// notes what it was asked to open, as the real one would show it. The window sends only which
// folder (a space's id); the shell finds it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch } from "../harness.mjs";

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
