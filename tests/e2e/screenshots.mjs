// Takes the screenshots that show what the app looks like, in Danish and English:
// `make app && make screenshots` writes them to screenshots/.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cliEnv, freshDataDir, launch, openJournal } from "./harness.mjs";

const root = resolve(import.meta.dirname, "../..");
const out = join(root, "screenshots");
mkdirSync(out, { recursive: true });
const cli = join(root, "target/debug/eftertanke");

async function shoot(browser, name) {
  await browser.pause(400);
  await browser.saveScreenshot(join(out, `${name}.png`));
  console.log(`screenshots/${name}.png`);
}

async function next(browser, times = 1) {
  for (let i = 0; i < times; i++) {
    await (await browser.$("button[data-action=next]")).click();
    await browser.pause(150);
  }
  await browser.execute(() => window.scrollTo(0, 0));
}

const words = {
  da: { title: "Forældremøde om fritidsjob", expected: "At 10–12 forældre ville komme.", resources: "Forældrene er udsatte, men kender mange arbejdsgivere i området.", reference: "Mødrenes forening", referenceFirst: "Danskkursus for mødre", action: "Spørge forældrenetværket, hvilke tidspunkter der passer dem, før vi planlægger næste møde", owner: "Klubmedarbejderen i Nørreparken" },
  en: { title: "Parents' meeting on after-school jobs", expected: "That 10–12 parents would come.", resources: "The parents are vulnerable, but know many employers in the area.", reference: "The mothers' association", referenceFirst: "Danish course for mothers", action: "Ask the parents' network which times suit them before we plan the next meeting", owner: "The club worker in Nørreparken" },
};

for (const [lang, locale] of [["da", "da_DK.UTF-8"], ["en", "en_GB.UTF-8"]]) {
  const w = words[lang];
  const dataDir = freshDataDir();
  const env = cliEnv(dataDir);
  // First run: the passphrase screen and the recovery code, in a journal of its own.
  let app = await launch({ dataDir: freshDataDir(), lang: locale, unlock: false });
  try {
    const { browser } = app;
    await shoot(browser, `${lang}-setup-passphrase`);
    await (await browser.$("#new-passphrase")).setValue("e2e passphrase for tests");
    await (await browser.$("#repeat-passphrase")).setValue("e2e passphrase for tests");
    await (await browser.$("[data-action=create-passphrase]")).click();
    await browser.$("[data-testid=recovery-code]").waitForExist({ timeout: 20000 });
    await shoot(browser, `${lang}-recovery-code`);
  } finally {
    await app.close();
  }
  execFileSync(cli, ["demo", "--entries", "40", "--initiatives", "4", "--language", lang, "--seed", "7"], { env });
  execFileSync(cli, ["demo", "--reference-case", "--language", lang], { env });
  execFileSync(cli, ["backup"], { env });
  app = await launch({ dataDir, lang: locale, unlock: false });
  try {
    const { browser } = app;
    await shoot(browser, `${lang}-unlock`);
    await (await browser.$("#unlock-passphrase")).setValue("not the right one");
    await (await browser.$("[data-action=unlock]")).click();
    await browser.$("#unlock-problem").waitForExist({ timeout: 20000 });
    await shoot(browser, `${lang}-unlock-wrong`);
    await openJournal(browser);
    // A draft on the home screen: start a reflection and leave it.
    await (await browser.$("nav button[data-nav=new]")).click();
    await shoot(browser, `${lang}-guides`);
    await (await browser.$(".guide-card.recommended button")).click();
    await (await browser.$("#q-initiative")).setValue(lang === "da" ? "Forældrenetværket i Nørreparken" : "Parents' network in Nørreparken");
    await (await browser.$("#q-headline")).setValue(w.title);
    await (await browser.$("#q-expected")).setValue(w.expected);
    await (await browser.$("input[name=q-outcome][value=partly]")).click();
    await browser.execute(() => window.scrollTo(0, 0));
    await shoot(browser, `${lang}-step-1-quick-capture`);
    await next(browser, 2);
    await (await browser.$("input[name=q-participation-phase][value=design]")).click();
    await (await browser.$("input[name=q-participation-role][value=co_designer]")).click();
    await browser.execute(() => window.scrollTo(0, 0));
    await shoot(browser, `${lang}-step-3-participation`);
    await next(browser, 3);
    await (await browser.$("#q-citizen_resources")).setValue(w.resources);
    await browser.$(".lens-prompt").waitForExist({ timeout: 5000 });
    await browser.execute(() => window.scrollTo(0, 0));
    await shoot(browser, `${lang}-step-6-resources-lens`);
    // Step 10: actions, with a long action text and owner, and what this attempt follows up on.
    await next(browser, 4);
    await (await browser.$("#q-actions-0-text")).setValue(w.action);
    await (await browser.$("#q-actions-0-owner")).setValue(w.owner);
    await browser.execute(() => document.getElementById("q-actions-0-text")?.scrollIntoView({ block: "center" }));
    await shoot(browser, `${lang}-step-10-actions`);
    await browser.waitUntil(async () => /(gemt|saved)/i.test(await (await browser.$(".autosave")).getText()), { timeout: 8000 });
    await (await browser.$("button[data-action=save-later]")).click();
    await browser.$(".draft-row").waitForExist({ timeout: 10000 });
    await browser.pause(300);
    await shoot(browser, `${lang}-journal-with-draft`);
    // The reference case's second attempt, read as a composed reflection.
    await browser.execute((title) => [...document.querySelectorAll(".entry-row")].find((r) => r.textContent.includes(title))?.click(), w.reference);
    await browser.$(".reflection").waitForExist({ timeout: 10000 });
    await shoot(browser, `${lang}-entry-composed`);
    await browser.execute(() => document.getElementById("sum-actions")?.scrollIntoView({ block: "center" }));
    await shoot(browser, `${lang}-entry-actions`);
    // The reference case's chain: link attempt 2 to attempt 1, then read what changed.
    await browser.$("#link-target").waitForExist({ timeout: 5000 });
    await browser.execute((title) => {
      const select = document.getElementById("link-target");
      const option = [...select.options].find((o) => o.textContent.includes(title));
      select.value = option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }, w.referenceFirst);
    await (await browser.$(".add-link button[type=submit]")).click();
    await browser.$("#changed-heading").waitForExist({ timeout: 10000 });
    await browser.execute(() => document.getElementById("chain-heading")?.scrollIntoView({ block: "start" }));
    await shoot(browser, `${lang}-what-changed`);
    await (await browser.$("nav button[data-nav=timeline]")).click();
    await browser.$(".node").waitForExist({ timeout: 10000 });
    await shoot(browser, `${lang}-timeline`);
    await (await browser.$("button[aria-pressed]")).click();
    await shoot(browser, `${lang}-timeline-list`);
    await browser.execute(() => document.querySelector(".head-actions button:last-child").click());
    await browser.$(".chart").waitForExist({ timeout: 10000 });
    await shoot(browser, `${lang}-charts`);
    await (await browser.$("nav button[data-nav=settings]")).click();
    await shoot(browser, `${lang}-settings`);
    await browser.$(".backups-table").waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector("#backups-heading").scrollIntoView());
    await shoot(browser, `${lang}-backups`);
    await (await browser.$("[data-action=restore-backup]")).click();
    await browser.$(".dialog").waitForExist({ timeout: 5000 });
    await shoot(browser, `${lang}-backups-restore-confirm`);
    await browser.keys("Escape");
    await browser.$("[data-about=version]").waitForExist({ timeout: 5000 });
    await browser.execute(() => {
      document.querySelector(".licences")?.setAttribute("open", "");
      document.getElementById("about-heading")?.scrollIntoView({ block: "start" });
    });
    await shoot(browser, `${lang}-about`);
  } finally {
    await app.close();
  }
  // The personal-data guard: a CPR number typed in a reflection, marked, with its replacement.
  app = await launch({ dataDir: freshDataDir(), lang: locale });
  try {
    const { browser } = app;
    await (await browser.$("nav button[data-nav=new]")).click();
    await (await browser.$(".guide-card.recommended button")).click();
    await (await browser.$("#q-headline")).setValue(lang === "da" ? "Møde med 070761-4285 om kurset" : "Meeting 070761-4285 about the course");
    await browser.$(".pd-item button[data-action=replace-finding]").waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector("[data-question=headline]")?.scrollIntoView({ block: "start" }));
    await shoot(browser, `${lang}-privacy-cpr`);
  } finally {
    await app.close();
  }
  // A damaged journal with a good backup: the recovery screen offers it.
  const broken = freshDataDir();
  execFileSync(cli, ["demo", "--reference-case", "--language", lang], { env: cliEnv(broken) });
  execFileSync(cli, ["backup"], { env: cliEnv(broken) });
  writeFileSync(join(broken, "eftertanke.sqlite3"), Buffer.alloc(16384, 7));
  app = await launch({ dataDir: broken, lang: locale });
  try {
    await app.browser.$("[data-action=restore-newest]").waitForExist({ timeout: 20000 });
    await shoot(app.browser, `${lang}-error-recovery`);
  } finally {
    await app.close();
  }
}
