// Takes the screenshots that show what the app looks like, in Danish and English:
// `make app && make screenshots` writes them to screenshots/.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { freshDataDir, launch } from "./harness.mjs";

const root = resolve(import.meta.dirname, "../..");
const out = join(root, "screenshots");
mkdirSync(out, { recursive: true });
const cli = join(root, "target/debug/eftertanke");

async function shoot(browser, name) {
  await browser.pause(400);
  await browser.saveScreenshot(join(out, `${name}.png`));
  console.log(`screenshots/${name}.png`);
}

for (const [lang, locale] of [["da", "da_DK.UTF-8"], ["en", "en_GB.UTF-8"]]) {
  const dataDir = freshDataDir();
  execFileSync(cli, ["demo", "--entries", "14", "--language", lang, "--seed", "7"], {
    env: { ...process.env, EFTERTANKE_DATA_DIR: dataDir },
  });
  let app = await launch({ dataDir, lang: locale });
  try {
    const { browser } = app;
    await browser.$(".entry-row").waitForExist({ timeout: 10000 });
    await shoot(browser, `${lang}-journal`);
    await (await browser.$(".entry-row")).click();
    await browser.$(".entry-notes").waitForExist({ timeout: 10000 });
    await shoot(browser, `${lang}-entry`);
    await (await browser.$("nav li:nth-child(2) button")).click();
    await (await browser.$("#field-title")).setValue(lang === "da" ? "Forældremøde om fritidsjob" : "Parents' meeting on after-school jobs");
    await (await browser.$("#field-notes")).setValue(lang === "da" ? "Borger A foreslog" : "Citizen A suggested");
    await browser.waitUntil(async () => (await (await browser.$(".autosave")).getText()).length > 8, { timeout: 5000 });
    await browser.pause(1200);
    await shoot(browser, `${lang}-new-entry`);
    await (await browser.$("button[type=submit]")).click();
    await browser.$(".problem").waitForExist({ timeout: 5000 });
    await shoot(browser, `${lang}-new-entry-invalid`);
    await (await browser.$("nav li:nth-child(3) button")).click();
    await shoot(browser, `${lang}-settings`);
  } finally {
    await app.close();
  }
  const broken = freshDataDir();
  writeFileSync(join(broken, "eftertanke.sqlite3"), Buffer.alloc(16384, 7));
  app = await launch({ dataDir: broken, lang: locale });
  try {
    await shoot(app.browser, `${lang}-error`);
  } finally {
    await app.close();
  }
}
