// Launches the real Eftertanke binary through tauri-driver (which drives WebKitWebDriver) and
// hands the test a WebdriverIO browser for its window. Each launch gets the data directory
// and locale the test asks for, passed as environment variables to the app process.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
export const APP_BINARY = process.env.EFTERTANKE_APP ?? join(root, "target/app/eftertanke-app");
/** The command-line tool, for filling a journal before the app opens it. */
export const CLI = process.env.EFTERTANKE_CLI ?? join(root, "target/debug/eftertanke");
/** A free local port (and, by convention, the one after it for WebKitWebDriver). */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (port < 65535) return port;
  }
}
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The passphrase every test journal is encrypted with. */
export const PASSPHRASE = "e2e passphrase for tests";

/** The environment for the `eftertanke` CLI on a test journal (it reads the passphrase here). */
export function cliEnv(dataDir) {
  return { ...process.env, EFTERTANKE_DATA_DIR: dataDir, EFTERTANKE_PASSPHRASE: PASSPHRASE };
}

/**
 * Gets past the vault screen as a person would: on a new journal, chooses the passphrase and
 * confirms the recovery code; on an existing one, types the passphrase. Waits for what comes
 * next (the journal, or the screen saying why it cannot open).
 */
export async function openJournal(browser, passphrase = PASSPHRASE) {
  const setup = await browser.$("[data-action=create-passphrase]");
  const unlock = await browser.$("[data-action=unlock]");
  if (await setup.isExisting()) {
    await (await browser.$("#new-passphrase")).setValue(passphrase);
    await (await browser.$("#repeat-passphrase")).setValue(passphrase);
    await setup.click();
    const written = await browser.$("[data-action=code-written]");
    await written.waitForExist({ timeout: 20000 });
    await written.click();
    await (await browser.$("[data-action=open-journal]")).click();
  } else if (await unlock.isExisting()) {
    await (await browser.$("#unlock-passphrase")).setValue(passphrase);
    await unlock.click();
  } else {
    return;
  }
  await browser.$("nav, .error-card").waitForExist({ timeout: 20000 });
}

export function freshDataDir() {
  return mkdtempSync(join(tmpdir(), "eftertanke-e2e-"));
}

async function waitForDriver(driver, port) {
  for (let i = 0; i < 100; i++) {
    if (driver.exitCode !== null) throw new Error(`tauri-driver exited with ${driver.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("tauri-driver did not start listening within 10 s");
}

/**
 * Starts the app with `dataDir` (one journal's folder, as EFTERTANKE_DATA_DIR) or `home` (the
 * journals under the OS data folder, chosen on the unlock screen) and `lang` (e.g.
 * "da_DK.UTF-8"), with `configHome` as the OS user's config folder (a fresh one unless given), and returns
 * `{ browser, close }`. `close` ends the session, which quits the app. Unless `unlock` is
 * false, the journal is set up or unlocked with {@link PASSPHRASE} first.
 */
/** Starts the app on `dataDir` under tauri-driver. `ownBus` gives it a D-Bus session of its
 * own, as a separate computer has: then several apps run at once (on one bus, one running app
 * per user hands a second launch over to the first). */
export async function launch({
  dataDir,
  home = null,
  lang = "en_GB.UTF-8",
  unlock = true,
  ownBus = false,
  drawOnProcessor = false,
  configHome = freshDataDir(),
  env: extraEnv = {},
}) {
  const env = { ...process.env, ...extraEnv, LANG: lang, LC_ALL: lang, LANGUAGE: lang.slice(0, 2) };
  // The OS user's config folder, where the window keeps its size and place: a fresh one per
  // launch unless a spec passes one, so no spec opens at the size another left.
  env.XDG_CONFIG_HOME = configHome;
  // With no GPU (Xvfb has none) the app draws on the processor, as it would on a virtual desktop
  // (src-tauri/src/rendering.rs). There, WebKit's WebDriver screenshot hung for minutes after a
  // lock (journals.test.mjs) and in the session spec, reproducibly, while every assertion of
  // every spec passed (2026-12-07, WebKitGTK 2.50.6). So the specs, which take screenshots, set
  // WebKit's own variable to its default, which the app takes as the person's choice; the
  // search benchmark (which takes none) measures the path a GPU-less PC gets
  // (`drawOnProcessor`).
  if (!drawOnProcessor) env.WEBKIT_DISABLE_DMABUF_RENDERER ??= "0";
  if (home) {
    // The real default: journals under the OS data folder, here $XDG_DATA_HOME inside `home`.
    delete env.EFTERTANKE_DATA_DIR;
    env.XDG_DATA_HOME = join(home, "data");
  } else {
    env.EFTERTANKE_DATA_DIR = dataDir;
  }
  // Own ports for every launch, so runs never meet another driver (a second checkout, CI).
  const port = await freePort();
  const args = ["--port", String(port), "--native-port", String(await freePort())];
  // Its own process group, so closing kills WebKitWebDriver and the app with it, whatever state
  // the session is in.
  const [cmd, cmdArgs] = ownBus ? ["dbus-run-session", ["--", "tauri-driver", ...args]] : ["tauri-driver", args];
  const driver = spawn(cmd, cmdArgs, { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const killAll = () => {
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  try {
    await waitForDriver(driver, port);
    const browser = await remote({
      hostname: "127.0.0.1",
      port,
      logLevel: "warn",
      capabilities: { "tauri:options": { application: APP_BINARY } },
    });
    // The first screen appears once the app has asked the backend for its status.
    await browser.$("h1").waitForExist({ timeout: 20000 });
    if (unlock) await openJournal(browser);
    const close = async () => {
      const ended = browser.deleteSession().catch(() => undefined);
      await Promise.race([ended, new Promise((r) => setTimeout(r, 10_000))]);
      const exited = new Promise((r) => (driver.exitCode !== null ? r() : driver.once("exit", r)));
      killAll();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    };
    return { browser, close };
  } catch (e) {
    killAll();
    throw e;
  }
}

/** Runs axe-core in the window; returns the serious and critical violations. */
export async function axeViolations(browser) {
  await browser.execute(AXE_SOURCE);
  const result = await browser.executeAsync((done) => {
    // eslint-disable-next-line no-undef
    axe
      .run(document)
      .then((r) => done(JSON.stringify({ violations: r.violations, checked: r.passes.length + r.violations.length })))
      .catch((e) => done(JSON.stringify({ error: String(e) })));
  });
  const { violations, checked, error } = JSON.parse(result);
  if (error || !checked) throw new Error(`axe-core did not run in the window: ${error ?? "no rules were checked"}`);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Clicks the element matching `selector` once it can be clicked. */
export async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable({ timeout: 15000 });
  await el.click();
}

/** Replaces the value of the field matching `selector`, once it exists. */
export async function setField(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10000 });
  await el.clearValue();
  await el.setValue(value);
}

/** The text of the first element matching `selector`, once it exists. */
export async function textOf(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10000 });
  return el.getText();
}
