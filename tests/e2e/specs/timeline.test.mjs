// The reference case entered through the window: attempt 1, then attempt 2 as its follow-up.
// The chain, the change summary and the carried-forward actions must show, and the timeline
// must pass an accessibility scan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, freshDataDir, launch, textOf } from "../harness.mjs";

async function fill(browser, id, text) {
  const el = await browser.$(`#q-${id}`);
  await el.waitForExist({ timeout: 5000 });
  await el.clearValue();
  await el.setValue(text);
}
const choose = async (browser, name, value) => (await browser.$(`input[name="q-${name}"][value="${value}"]`)).click();
const next = async (browser) => (await browser.$("button[data-action=next]")).click();
const goTo = async (browser, n) => (await browser.$(`.step-list li:nth-child(${n}) button`)).click();

async function attempt(browser, a) {
  await fill(browser, "occurred_on", a.date);
  await fill(browser, "initiative", "Danish-Somali mothers in Vestparken");
  await fill(browser, "headline", a.title);
  await fill(browser, "expected", a.expected);
  await choose(browser, "outcome", a.outcome);
  await goTo(browser, 3);
  for (const [part, value] of Object.entries(a.participation)) await choose(browser, `participation-${part}`, value);
  await goTo(browser, 5);
  await choose(browser, "interest_alignment", a.alignment);
  await goTo(browser, 7);
  await choose(browser, "organisation", a.organisation);
  await goTo(browser, 10);
  await fill(browser, "learning", a.learning);
  await fill(browser, "actions-0-text", a.action);
  await fill(browser, "actions-0-owner", "housing social worker");
  await fill(browser, "actions-0-review", "2099-04-15");
}

test("attempt 2 follows up on attempt 1: chain, what changed and actions carried forward", async () => {
  const app = await launch({ dataDir: freshDataDir() });
  const { browser } = app;
  try {
    await (await browser.$("nav button[data-nav=new]")).click();
    await (await browser.$(".guide-card.recommended button")).click();
    await attempt(browser, {
      date: "2025-03-12",
      title: "Danish course for mothers — few came",
      expected: "Fifteen mothers",
      outcome: "failed",
      participation: { phase: "implementation", role: "co_implementer", initiator: "us", predecided: "yes" },
      alignment: 1,
      organisation: "individuals",
      learning: "Talk about interests early.",
      action: "Invite the mothers to an informal talk",
    });
    await (await browser.$("button[data-action=finish]")).click();
    await browser.$(".reflection").waitForExist({ timeout: 10000 });

    // Start the follow-up from the first attempt: last time's actions come first.
    await (await browser.$("button[data-action=follow-up]")).click();
    await browser.$(".carry").waitForExist({ timeout: 10000 });
    assert.match(await textOf(browser, ".carry"), /Invite the mothers to an informal talk/);
    assert.deepEqual(await axeViolations(browser), [], "the carry-forward screen must pass the scan");
    await (await browser.$("input[type=radio][value=done]")).click();
    await (await browser.$(".carry-note input")).setValue("Two talks held");
    await (await browser.$("button[data-action=carry-continue]")).click();
    await browser.$("#step-heading").waitForExist({ timeout: 10000 });
    await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.id)) === "step-heading", {
      timeout: 3000,
      timeoutMsg: "after Continue to the new attempt, keyboard focus must be on the step's heading",
    });
    assert.equal(await (await browser.$("#q-initiative")).getValue(), "Danish-Somali mothers in Vestparken", "the initiative carries over");

    await attempt(browser, {
      date: "2025-10-08",
      title: "The mothers' association takes the initiative",
      expected: "A short meeting",
      outcome: "succeeded",
      participation: { phase: "problem_definition", role: "co_initiator", initiator: "citizens", predecided: "no" },
      alignment: 5,
      organisation: "association",
      learning: "Support organising early.",
      action: "Help the association apply for funding",
    });
    assert.notEqual(await (await browser.$("#q-follows-up")).getValue(), "", "the earlier attempt is preselected");
    await (await browser.$("button[data-action=finish]")).click();
    await browser.$("#changed-heading").waitForExist({ timeout: 10000 });

    const changed = await textOf(browser, ".changes");
    assert.match(changed, /Citizens' role\s*Co-implementers\s*→\s*Co-initiators/);
    assert.match(changed, /Initiative taken by\s*We did\s*→\s*The citizens/);
    assert.match(changed, /Organised\s*no \(As individuals\)\s*→\s*yes \(As an association\)/);
    assert.match(changed, /Interest alignment\s*low \(1\/5\)\s*→\s*high \(5\/5\)/);
    assert.match(await textOf(browser, ".carried"), /Done\s*Invite the mothers to an informal talk\s*— Two talks held/);
    assert.match(await textOf(browser, ".chain"), /Follows up on\s*Danish course for mothers — few came/);

    // The timeline: one lane, two attempts joined by a connector.
    await (await browser.$("nav button[data-nav=timeline]")).click();
    await browser.$(".node").waitForExist({ timeout: 10000 });
    assert.equal((await browser.$$(".lane:not(.axis-row)")).length, 1);
    assert.equal((await browser.$$(".node:not(.timeline-legend .node)")).length, 2);
    assert.equal((await browser.$$(".connectors line")).length, 1, "the follow-up is drawn as a connector");
    const second = await browser.$('.node[data-node="1"]');
    assert.match(await second.getAttribute("aria-label"), /participation 4 of 4.*follows up on the attempt of 12 March 2025/);
    assert.deepEqual(await axeViolations(browser), [], "the timeline must have no serious accessibility faults");
    // Keyboard: from the first attempt, the right arrow moves to the second.
    await (await browser.$('.node[data-node="0"]')).click();
    await (await browser.$("button[data-action=back]")).isExisting();
    await (await browser.$("nav button[data-nav=timeline]")).click();
    await browser.$(".node").waitForExist({ timeout: 10000 });
    await browser.execute(() => document.querySelector('.node[data-node="0"]').focus());
    await browser.keys(["ArrowRight"]);
    assert.equal(await browser.execute(() => document.activeElement?.dataset.node), "1");
    // The list alternative, and the charts with their tables.
    await (await browser.$("button[aria-pressed]")).click();
    assert.match(await textOf(browser, ".lane-list"), /8 October 2025 — The mothers' association takes the initiative/);
    assert.deepEqual(await axeViolations(browser), []);
    await (await browser.$("button=Charts")).click();
    await browser.$(".chart").waitForExist({ timeout: 10000 });
    assert.deepEqual(await axeViolations(browser), [], "charts must have no serious accessibility faults");
  } finally {
    await app.close();
  }
});
