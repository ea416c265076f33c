// The team's reflection session in the real window, with three app instances running at once
// (a lead and two workers, each on its own data folder and its own D-Bus session, as three
// computers) and one shared folder. A worker shares; the lead comments (to the team, and to
// the author alone); the other worker sees the team's comment only; the lead runs a session
// by keyboard alone that carries last time's action forward; the action's owner sees it due
// on their home screen. The team was set up, and last time's session recorded, by the CLI (the
// same core, as from another computer). Screenshots of the review queue, a comment thread,
// each session step and the presenter view, in Danish and English; axe on every new screen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, axeViolations, cliEnv, click, freshDataDir, launch } from "../harness.mjs";
import { tabTo, type } from "../keyboard.mjs";

const TITLE = "Lektiecafé i Bydelshuset";
const TO_TEAM = "Godt forsøg – tag det med på mødet.";
const TO_AUTHOR = "Hvordan havde du det efter mødet?";
const CARRIED = "Ring til foreningens formand";

const cli = (dir, args, input) => execFileSync(CLI, args, { env: cliEnv(dir), input }).toString().trim();
const today = () => new Date().toISOString().slice(0, 10);
const danishDay = (iso) => iso.split("-").reverse().map(Number).join(".");

async function openSpace(browser) {
  await click(browser, "nav button[data-nav=team]");
  await click(browser, "[data-action=open-space]");
  await browser.$("article[data-space]").waitForExist({ timeout: 15000 });
}

async function until(browser, check, timeoutMsg, timeout = 30000) {
  await browser.waitUntil(check, { timeout, timeoutMsg });
}

async function shot(browser, dir, name, selector = null) {
  if (selector) await (await browser.$(selector)).scrollIntoView({ block: "start" });
  await browser.pause(300);
  await browser.saveScreenshot(join(dir, `${name}.png`));
}

/** Presses the focused control's way: Enter on buttons. */
async function press(browser, selector) {
  await tabTo(browser, selector);
  await browser.keys(["Enter"]);
}

/** The session step now shown (0–4), once its heading has the focus. */
async function atStep(browser, n) {
  await until(
    browser,
    async () =>
      browser.execute(
        (n) => document.querySelector("[data-testid=session-flow]")?.dataset.step === String(n) && document.activeElement?.id === "session-heading",
        n,
      ),
    `the session did not move to step ${n + 1} with the focus on its heading`,
  );
}

/** Chooses an option of the focused-to select with the arrow keys. */
async function chooseOption(browser, selector, value) {
  await tabTo(browser, selector);
  for (let i = 0; i < 6; i++) {
    if ((await browser.execute((s) => document.activeElement?.matches(s) && document.activeElement.value, selector)) === value) return;
    await browser.keys(["ArrowDown"]);
  }
  throw new Error(`the arrow keys did not reach ${value} in ${selector}`);
}

test("a lead runs the team's session by keyboard, and what it decides reaches the owner's home screen", async () => {
  const [leadDir, saraDir, aliDir] = [freshDataDir(), freshDataDir(), freshDataDir()];
  const folder = join(freshDataDir(), "Team Nord (OneDrive)");
  mkdirSync(folder, { recursive: true });
  const shots = freshDataDir();

  // The team, as the CLI sets it up; last time's session left an action for Ali, due today.
  const space = cli(leadDir, ["space", "create", "Team Nord", "--folder", folder, "--as", "Teamleder"]);
  for (const [dir, name] of [
    [saraDir, "Sara"],
    [aliDir, "Ali"],
  ]) {
    const code = cli(dir, ["space", "card", "--name", name, "--code"]);
    cli(leadDir, ["space", "invite", space, "-"], code);
  }
  const leadFingerprint = JSON.parse(cli(leadDir, ["space", "status", space, "--json"])).space.leadFingerprint;
  for (const dir of [saraDir, aliDir]) cli(dir, ["space", "join", "--folder", folder, "--lead", leadFingerprint]);
  cli(saraDir, ["add", "--date", "2026-11-12", "--title", TITLE, "--outcome", "partly"]);
  // Three of Ali's attempts in October, shared without his name: one month for the chart.
  const counted = [
    ["2026-10-05", "co_implementer"],
    ["2026-10-12", "co_designer"],
    ["2026-10-26", "co_initiator"],
  ].map(([day, role]) =>
    cli(
      aliDir,
      ["add", "--json"],
      JSON.stringify({
        guideId: "co-production",
        guideVersion: 2,
        answers: { occurred_on: day, headline: `Forsøg ${day}`, outcome: "partly", participation: { phase: "design", role } },
        complete: false,
      }),
    ),
  );
  cli(aliDir, ["space", "share", space, ...counted, "--scope", "anonymous", "--now"]);
  const last = {
    heldOn: "2026-11-02",
    improvement: { text: "Spørg borgerne om problemet, før vi planlægger", owner: "Teamleder", reviewOn: today() },
    actions: [{ text: CARRIED, owner: "Ali", reviewOn: today() }],
  };
  cli(leadDir, ["space", "session", space, "--json"], JSON.stringify(last));

  const [lead, sara, ali] = await Promise.all([
    launch({ dataDir: leadDir, ownBus: true, lang: "da_DK.UTF-8" }),
    launch({ dataDir: saraDir, ownBus: true }),
    launch({ dataDir: aliDir, ownBus: true, lang: "da_DK.UTF-8" }),
  ]);
  try {
    // 1. Sara shares her reflection by name from her window.
    await click(sara.browser, ".entry-row");
    await click(sara.browser, "[data-action=share]");
    await click(sara.browser, "input[name=share-scope][value=named]");
    await click(sara.browser, "[data-action=share-now]");
    await sara.browser.$("[data-testid=share-done]").waitForExist({ timeout: 15000 });
    await sara.browser.keys("Escape");
    await until(sara.browser, async () => !(await (await sara.browser.$("[role=dialog]")).isExisting()), "Escape did not close the share dialog", 10000);

    // 2. It reaches the lead's review by itself; the lead comments twice and takes it to the
    // session.
    const L = lead.browser;
    await openSpace(L);
    const review = await L.$("[data-testid=review-queue]");
    await until(L, async () => (await review.getText()).includes(TITLE), "Sara's share did not reach the lead's review");
    await shot(L, shots, "review-queue-da", "[data-testid=review-queue]");
    await until(L, async () => (await L.$$("li[data-shared]")).length === 4, "the lead does not hold the four shares");
    const saraShare = await L.execute((t) => [...document.querySelectorAll("li[data-shared]")].find((li) => li.textContent.includes(t))?.dataset.shared, TITLE);
    const row = `li[data-shared="${saraShare}"]`;
    await click(L, `${row} [data-action=comments]`);
    await (await L.$("[data-testid=comment-thread] textarea[name=comment-text]")).setValue(TO_TEAM);
    await click(L, "[data-action=send-comment]");
    await L.$("li[data-comment][data-audience=team]").waitForExist({ timeout: 15000 });
    await (await L.$("[data-testid=comment-thread] textarea[name=comment-text]")).setValue(TO_AUTHOR);
    await click(L, "[data-testid=comment-thread] input[type=radio][value=author]");
    await click(L, "[data-action=send-comment]");
    await L.$("li[data-comment][data-audience=author]").waitForExist({ timeout: 15000 });
    await shot(L, shots, "comment-thread-da", "[data-testid=comment-thread]");
    assert.deepEqual(await axeViolations(L), []);
    await click(L, `${row} [data-action=take-to-session]`);
    await L.$(`${row} [data-testid=on-agenda]`).waitForExist({ timeout: 15000 });
    await click(L, `${row} [data-action=mark-seen]`);
    await L.$(`${row} [data-testid=seen]`).waitForExist({ timeout: 15000 });

    // 3. Ali sees the team's comment, never the one to Sara alone; Sara sees both, as new.
    const A = ali.browser;
    await openSpace(A);
    await until(A, async () => (await A.$$(row)).length === 1, "the share did not reach Ali");
    await until(A, async () => (await A.$$(`${row} [data-testid=new-comments]`)).length === 1, "Ali sees no new comment");
    await click(A, `${row} [data-action=comments]`);
    await A.$("li[data-comment]").waitForExist({ timeout: 15000 });
    const aliSees = await A.execute(() => [...document.querySelectorAll("li[data-comment]")].map((li) => li.textContent));
    assert.equal(aliSees.length, 1, `Ali holds only the team's comment: ${aliSees}`);
    assert.ok(aliSees[0].includes(TO_TEAM) && !aliSees.join().includes(TO_AUTHOR));
    const S = sara.browser;
    await openSpace(S);
    const newOnHers = async () => (await S.$$(`${row} [data-testid=new-comments]`)).length === 1 && (await (await S.$(`${row} [data-testid=new-comments]`)).getText()) === "2 new";
    await until(S, newOnHers, "Sara does not see the two new comments on her share");
    assert.ok(!(await (await S.$(row)).getText()).includes("Seen"), "the facilitator's seen note reached the author");
    assert.equal((await S.$$(`${row} [data-testid=seen]`)).length, 0);
    await shot(S, shots, "comment-new-en", row);
    await click(S, `${row} [data-action=comments]`);
    await until(S, async () => (await S.$$("li[data-comment]")).length === 2, "Sara does not see both comments");
    await shot(S, shots, "comment-thread-en", "[data-testid=comment-thread]");
    assert.deepEqual(await axeViolations(S), []);

    // 4. The lead runs the session by keyboard alone, in Danish first; each step shot and
    // checked by axe.
    await press(L, "[data-action=run-session]");
    await atStep(L, 0);
    const carried = await L.execute(() =>
      Object.fromEntries([...document.querySelectorAll("[data-carried]")].map((f) => [f.querySelector("legend").textContent.includes("Ring") ? "action" : "improvement", f.dataset.carried])),
    );
    // Without a status the session does not go on.
    await press(L, "[data-action=session-next]");
    await L.$("[data-testid=step-problem]").waitForExist({ timeout: 10000 });
    await tabTo(L, `[data-carried="${carried.improvement}"] input[type=radio]`, { back: true });
    await L.keys([" "]); // done: the first of the group
    await tabTo(L, `[data-carried="${carried.improvement}"] [data-field=why]`);
    await type(L, "Det virkede");
    await tabTo(L, `[data-carried="${carried.action}"] input[type=radio]`);
    await L.keys(["ArrowRight"]); // continue
    assert.ok(await L.execute((id) => document.querySelector(`[data-carried="${id}"] input[value=continue]`).checked, carried.action));
    await shot(L, shots, "session-1-last-time-da");
    assert.deepEqual(await axeViolations(L), []);
    await press(L, "[data-action=session-next]");
    await atStep(L, 1);
    assert.ok(!(await (await L.$("[data-testid=session-flow]")).getText()).includes(TO_AUTHOR), "a comment to the author alone stays off the meeting's screen");
    await tabTo(L, "[data-field=material-note]");
    await type(L, "Borgerne kom først ind ved udførelsen");
    await shot(L, shots, "session-2-material-da");
    assert.deepEqual(await axeViolations(L), []);
    await press(L, "[data-action=presenter]");
    const presenter = await L.$("[data-testid=presenter]");
    await presenter.waitForExist({ timeout: 10000 });
    const shown = await presenter.getText();
    assert.ok(shown.includes(TITLE) && shown.includes(TO_TEAM), "the presenter view shows the reflection and what the team said");
    assert.ok(!shown.includes("Sara") && !shown.includes("Teamleder"), "the presenter view shows no names");
    assert.ok(!shown.includes(TO_AUTHOR), "nor a comment to the author alone");
    await shot(L, shots, "session-presenter-da");
    assert.deepEqual(await axeViolations(L), []);
    await L.keys(["Escape"]);
    await until(L, async () => !(await presenter.isExisting()), "Escape did not close the presenter view", 10000);
    await press(L, "[data-action=session-next]");
    await atStep(L, 2);
    const chart = await (await L.$("[data-testid=level-over-time]")).getText();
    assert.match(chart, /oktober 2026\s*3\s*3/, `October's three attempts make a month of the chart, mean level 3: ${chart}`);
    await tabTo(L, "textarea[data-question=whose_problem]");
    await type(L, "Vores, ikke deres – foreningen så det anderledes");
    await shot(L, shots, "session-3-across-da");
    assert.deepEqual(await axeViolations(L), []);
    await press(L, "[data-action=session-next]");
    await atStep(L, 3);
    await tabTo(L, "[data-field=improvement-text]");
    await type(L, "Mød foreningen i deres lokaler, før vi planlægger");
    await chooseOption(L, "[data-field=owner]", "Sara");
    await tabTo(L, "[data-field=review-on]");
    await type(L, danishDay(today()));
    await press(L, "[data-action=add-action]");
    await type(L, "Inviter foreningen til næste møde");
    await chooseOption(L, "[data-action-row='1'] [data-field=owner]", "Ali");
    await tabTo(L, "[data-action-row='1'] [data-field=review-on]");
    await type(L, danishDay(today()));
    await shot(L, shots, "session-4-improvement-da");
    assert.deepEqual(await axeViolations(L), []);
    await press(L, "[data-action=session-next]");
    await atStep(L, 4);
    await shot(L, shots, "session-5-publish-da");
    assert.deepEqual(await axeViolations(L), []);

    // The same steps in English: leave (the session waits), switch the language, come back.
    await click(L, "nav button[data-nav=settings]");
    await click(L, "input[name=language][value=en]");
    await openSpace(L);
    await press(L, "[data-action=run-session]");
    await atStep(L, 4);
    await shot(L, shots, "session-5-publish-en");
    for (const [n, name] of [
      [3, "session-4-improvement-en"],
      [2, "session-3-across-en"],
      [1, "session-2-material-en"],
      [0, "session-1-last-time-en"],
    ]) {
      await press(L, "[data-action=session-back]");
      await atStep(L, n);
      await shot(L, shots, name);
      if (n === 1) {
        await press(L, "[data-action=presenter]");
        await L.$("[data-testid=presenter]").waitForExist({ timeout: 10000 });
        await shot(L, shots, "session-presenter-en");
        await L.keys(["Escape"]);
      }
    }
    assert.equal(
      await L.execute((id) => document.querySelector(`[data-carried="${id}"] input[value=continue]`).checked, carried.action),
      true,
      "what was chosen stayed while the lead was away",
    );
    for (let n = 1; n <= 4; n++) {
      await press(L, "[data-action=session-next]");
      await atStep(L, n);
    }
    await press(L, "[data-action=publish-session]");
    await L.$("[data-testid=session-published]")
      .waitForExist({ timeout: 15000 })
      .catch(async (e) => {
        // What the window said instead (an error, or where the focus went), so a failure says why.
        const said = await L.execute(() => document.querySelector("[role=alert]")?.textContent ?? `focus on ${document.activeElement?.outerHTML.slice(0, 200)}`);
        throw new Error(`the session was not published; the window says: ${said}`, { cause: e });
      });
    await press(L, "[data-action=session-done]");
    const sessions = await L.$("[data-testid=sessions]");
    await until(L, async () => (await L.$$("[data-session]")).length === 2, "the lead's space does not list both sessions");
    assert.ok((await sessions.getText()).includes("Continue"), "the carried action shows it continues");
    await shot(L, shots, "sessions-timeline-en", "[data-testid=sessions]");
    assert.deepEqual(await axeViolations(L), []);

    // 5. Ali, on his home screen: the carried action and the new one, due today.
    await click(A, "nav button[data-nav=journal]");
    const due = await A.$("[data-testid=team-due]");
    await until(A, async () => (await due.isExisting()) && (await due.getText()).includes("Inviter foreningen"), "the new action is not due on Ali's home screen");
    const dueText = await due.getText();
    assert.ok(dueText.includes(CARRIED), `the carried action is due too: ${dueText}`);
    assert.ok(dueText.includes("i Team Nord"));
    await shot(A, shots, "home-team-due-da");
    assert.deepEqual(await axeViolations(A), []);
    // What the session decided is the same in every journal: the CLI reads Ali's.
  } finally {
    await Promise.all([lead.close(), sara.close(), ali.close()]);
  }
  const actions = JSON.parse(cli(aliDir, ["space", "actions", space, "--json"]));
  const carriedAction = actions.find((a) => a.text === CARRIED);
  assert.deepEqual(
    carriedAction.history.map((h) => h.status),
    ["continue"],
    "the action kept its id and got this session's verdict",
  );
  const md = cli(aliDir, ["space", "session-doc", space, JSON.parse(cli(aliDir, ["space", "sessions", space, "--json"]))[1].id, "--lang", "da"]);
  assert.ok(md.includes("Mød foreningen i deres lokaler") && md.includes("Borgerne kom først ind ved udførelsen"), md);
  console.log(`screenshots of the team's session in ${shots}`);
});
