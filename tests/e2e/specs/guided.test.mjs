// The heart of Eftertanke: the ten-step co-production guide, completed by keyboard alone in
// Danish and in English, with an accessibility scan of every step; and a quick capture that is
// completed later.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, freshDataDir, launch, textOf } from "../harness.mjs";
import { chooseRadio, press, retype, tabTo, tick, type } from "../keyboard.mjs";

const TEXT = {
  da: {
    lang: "da_DK.UTF-8",
    title: "Mødregruppen tager selv initiativ",
    initiative: "Mødregruppen i Vestparken",
    resources: "De er udsatte, men har et stærkt netværk",
    lens: /Du skrev »udsatte«/,
    level: /Niveau 4 af 4/,
    role: "foreningens formand",
    action: "Søge pulje sammen med foreningen",
    owner: "boligsocial medarbejder",
    // Typed the Danish way; the wizard sends it as 2025-10-08.
    day: "8.10.2025",
    longDay: /8\. oktober 2025/,
    steps: ["Kort note", "Forsøget", "Hvornår kom borgerne ind?", "Hvis problem?"],
  },
  en: {
    lang: "en_GB.UTF-8",
    title: "The mothers' group takes the initiative",
    initiative: "Mothers' group in Vestparken",
    resources: "They are vulnerable, but have a strong network",
    lens: /You wrote “vulnerable”/,
    level: /Level 4 of 4/,
    role: "the association's chair",
    action: "Apply for funding with the association",
    owner: "housing social worker",
    day: "2025-10-08",
    longDay: /8 October 2025/,
    steps: ["Quick capture", "The attempt", "When did citizens come in?", "Whose problem?"],
  },
};

async function stepHeading(browser) {
  return (await textOf(browser, "#step-heading")).replace(/\s*(Valgfrit|Optional)$/, "");
}

async function next(browser) {
  const before = await textOf(browser, ".step-count");
  await press(browser, "button[data-action=next]");
  await browser.waitUntil(async () => (await textOf(browser, ".step-count")) !== before, { timeout: 5000 });
}

async function scanStep(browser, violations) {
  const found = await axeViolations(browser);
  if (found.length) violations.push(`${await stepHeading(browser)}: ${found.join("; ")}`);
}

for (const lang of ["da", "en"]) {
  test(`the whole co-production guide by keyboard alone (${lang})`, async () => {
    const T = TEXT[lang];
    const app = await launch({ dataDir: freshDataDir(), lang: T.lang });
    const { browser } = app;
    const violations = [];
    try {
      // From the journal to the guide picker to step 1, by keyboard.
      await press(browser, "nav button[data-nav=new]");
      await browser.$(".guide-card").waitForExist({ timeout: 5000 });
      await press(browser, ".guide-card.recommended button");
      await browser.$("#step-heading").waitForExist({ timeout: 5000 });
      assert.equal(await stepHeading(browser), T.steps[0]);
      await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "step-heading", {
        timeout: 3000,
        timeoutMsg: "after Start, keyboard focus must be on the step's heading, not on the page body",
      });

      // 1. Quick capture. The expectation comes before the outcome.
      await scanStep(browser, violations);
      await tabTo(browser, "#q-occurred_on");
      await retype(browser, T.day);
      await tabTo(browser, "#q-initiative");
      await type(browser, T.initiative);
      await tabTo(browser, "#q-headline");
      await type(browser, T.title);
      await tabTo(browser, "#q-expected");
      await type(browser, "A short meeting");
      await chooseRadio(browser, "q-outcome", "succeeded");
      // Help is one keystroke away.
      await tabTo(browser, "#q-expected", { back: true });
      await browser.keys(["F1"]);
      assert.ok(await browser.$("#q-expected-help").isDisplayed(), "F1 opens the help of the field in focus");
      await next(browser);

      // 2. The attempt: text and people as roles.
      assert.equal(await stepHeading(browser), T.steps[1]);
      await scanStep(browser, violations);
      await tabTo(browser, "#q-what_happened");
      await type(browser, "The chair set the agenda.");
      await tabTo(browser, "#q-participants");
      await type(browser, T.role);
      await browser.keys(["Enter"]);
      assert.match(await textOf(browser, ".role-chips"), new RegExp(T.role));
      await next(browser);

      // 3. When did citizens come in? The participation block.
      assert.equal(await stepHeading(browser), T.steps[2]);
      await scanStep(browser, violations);
      await chooseRadio(browser, "q-participation-phase", "problem_definition");
      await chooseRadio(browser, "q-participation-role", "co_initiator");
      await chooseRadio(browser, "q-participation-initiator", "citizens");
      await chooseRadio(browser, "q-participation-predecided", "no");
      await next(browser);

      // 4. Whose problem?
      assert.equal(await stepHeading(browser), T.steps[3]);
      await scanStep(browser, violations);
      await chooseRadio(browser, "q-problem_defined_by", "citizens");
      await next(browser);

      // 5. Interests: scales.
      await scanStep(browser, violations);
      await chooseRadio(browser, "q-interest_alignment", "5");
      await chooseRadio(browser, "q-trust_before", "3");
      await chooseRadio(browser, "q-trust_after", "4");
      await next(browser);

      // 6. Resources, with the deficit lens.
      await scanStep(browser, violations);
      await tabTo(browser, "#q-citizen_resources");
      await type(browser, T.resources);
      await browser.waitUntil(async () => T.lens.test(await textOf(browser, ".lens")), {
        timeout: 5000,
        timeoutMsg: "the lens must point out deficit words and ask about resources",
      });
      await scanStep(browser, violations);
      await next(browser);

      // 7. Organising: a choice and a multiple choice.
      await scanStep(browser, violations);
      await chooseRadio(browser, "q-organisation", "association");
      await tick(browser, "#q-ties_built-2");
      await next(browser);

      // 8. Frames, 9. Feelings (optional) — skipped.
      await scanStep(browser, violations);
      await next(browser);
      await scanStep(browser, violations);
      await next(browser);

      // 10. Learning and next time: an action with owner and review date.
      await scanStep(browser, violations);
      await tabTo(browser, "#q-learning");
      await type(browser, "Support organising early.");
      await tabTo(browser, "#q-actions-0-text");
      await type(browser, T.action);
      await tabTo(browser, "#q-actions-0-owner");
      await type(browser, T.owner);
      await tabTo(browser, "#q-actions-0-review");
      await type(browser, "2099-01-15");
      await scanStep(browser, violations);
      await press(browser, "button[data-action=finish]");

      // The composed reflection.
      await browser.$(".reflection").waitForExist({ timeout: 10000 });
      assert.equal(await textOf(browser, "h1"), T.title);
      assert.match(await textOf(browser, ".entry-header .entry-meta"), T.longDay, "the day typed is the day saved");
      assert.match(await textOf(browser, ".reflection"), T.level);
      assert.match(await textOf(browser, ".actions-table"), new RegExp(T.owner));
      assert.equal(await browser.$("button[data-action=complete]").isExisting(), false, "a finished entry is complete");
      const found = await axeViolations(browser);
      if (found.length) violations.push(`entry: ${found.join("; ")}`);
      assert.deepEqual(violations, [], "no step may have serious or critical accessibility faults");
    } finally {
      await app.close();
    }
  });
}

test("a quick capture is saved at once and completed later", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  const { browser } = app;
  try {
    await press(browser, "nav button[data-nav=new]");
    await press(browser, ".guide-card.recommended button");
    await tabTo(browser, "#q-headline");
    await type(browser, "Homework café — few came");
    await chooseRadio(browser, "q-outcome", "failed");
    await press(browser, "button[data-action=save-quick]");
    await browser.$(".notice-ok").waitForExist({ timeout: 10000 });
    await press(browser, "button[data-action=complete]");
    await browser.$("#step-heading").waitForExist({ timeout: 5000 });
    assert.equal(await textOf(browser, "#step-heading"), "The attempt", "completing starts where the quick capture ended");
    await tabTo(browser, "#q-what_happened");
    await type(browser, "Two mothers came and asked about the young people.");
    for (let i = 0; i < 8; i++) await next(browser);
    await press(browser, "button[data-action=finish]");
    await browser.$(".reflection").waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, ".reflection"), /Two mothers came/);
    assert.equal(await browser.$("button[data-action=complete]").isExisting(), false, "a finished entry is complete");
    await press(browser, "button[data-action=edit]");
    await browser.$("#step-heading").waitForExist({ timeout: 5000 });
  } finally {
    await app.close();
  }
});

test("a new user loads the example and reads it", async () => {
  const app = await launch({ dataDir: freshDataDir(), lang: "da_DK.UTF-8" });
  const { browser } = app;
  try {
    await press(browser, "button[data-action=load-example]");
    await browser.$(".entry-row").waitForExist({ timeout: 10000 });
    const rows = await browser.$$(".entry-row");
    assert.equal(rows.length, 2);
    await rows[1].click();
    await browser.$(".reflection").waitForExist({ timeout: 10000 });
    assert.equal(await textOf(browser, "h1"), "Danskkursus for mødre – få mødte op");
    assert.match(await textOf(browser, ".reflection"), /Niveau 2 af 4/);
    assert.match(await textOf(browser, ".reflection"), /Medudførere/);
    assert.deepEqual(await axeViolations(browser), []);
  } finally {
    await app.close();
  }
});
