import { afterEach, describe, expect, it } from "vitest";
import type { MemberCard } from "../ipc";
import { i18n } from "../i18n/i18n.svelte";
import { cardCode, countsGrid, missingByMember, readCard, sharedDay, syncSummary, teamErrorText } from "./spaces";

const card: MemberCard = {
  kind: "eftertanke-member-card",
  version: 1,
  name: "Bodil, boligsocial medarbejder",
  keys: { age: "age1qqqq", signing: "c2lnbmluZw" },
  fingerprint: "0A1B 2C3D 4E5F 6071 8293",
};

describe("member cards as codes", () => {
  it("writes the card as the prefix and unpadded base64url of its JSON, as the core reads it", () => {
    const code = cardCode(card);
    expect(code.startsWith("EFTERTANKE-CARD-1:")).toBe(true);
    const body = code.slice("EFTERTANKE-CARD-1:".length);
    expect(body, "base64url has no padding and no + or /").toMatch(/^[A-Za-z0-9_-]+$/);
    const json = new TextDecoder().decode(Uint8Array.from(atob(body.replace(/-/g, "+").replace(/_/g, "/") + "==".slice(0, (4 - (body.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    expect(JSON.parse(json)).toEqual(card);
  });

  it("reads back the name and fingerprint a code or a pasted card claims, Danish letters included", () => {
    expect(readCard(cardCode({ ...card, name: "Søs, ældrekonsulent" }))).toEqual({ name: "Søs, ældrekonsulent", fingerprint: card.fingerprint });
    expect(readCard(`  ${JSON.stringify(card, null, 2)}\n`)).toEqual({ name: card.name, fingerprint: card.fingerprint });
  });

  it("recognises text that is not a card, so the lead is told before adding", () => {
    expect(readCard("EFTERTANKE-CARD-1:not base64 at all!")).toBeNull();
    expect(readCard("hello")).toBeNull();
    expect(readCard(JSON.stringify({ ...card, kind: "something-else" }))).toBeNull();
  });
});

describe("the folder in words", () => {
  afterEach(() => i18n.set("en"));

  it("groups missing bundles by member with their numbers in order", () => {
    expect(
      missingByMember([
        { member: "Ahmed", seq: 5 },
        { member: "Bodil", seq: 2 },
        { member: "Ahmed", seq: 3 },
      ]),
    ).toEqual([
      { member: "Ahmed", numbers: [3, 5] },
      { member: "Bodil", numbers: [2] },
    ]);
  });

  it("says what a read of the folder did, and that nothing was new", () => {
    i18n.set("en");
    const report = { notOurs: 0, cut: false, rosters: 1, bundles: 2, records: 5, unchanged: 4, waiting: 1, rejected: [{ name: "x", code: "damaged", reason: "r" }] };
    expect(syncSummary(report)).toBe(
      "3 new files read, with 5 reflections or changes. 1 file is still arriving and is read next time. 1 file was not read (see below).",
    );
    expect(syncSummary({ notOurs: 0, cut: false, rosters: 0, bundles: 0, records: 0, unchanged: 7, waiting: 0, rejected: [] })).toBe("Nothing new in the folder.");
    i18n.set("da");
    expect(syncSummary({ ...report, rosters: 0, bundles: 1, records: 1, waiting: 0, rejected: [] })).toBe("1 ny fil læst, med 1 refleksion eller ændring.");
  });

  it("shows a day shared without a name as its month only", () => {
    i18n.set("da");
    expect(sharedDay("2026-03")).toBe("marts 2026");
    expect(sharedDay("2026-03-12")).toBe("12. marts 2026");
    i18n.set("en");
    expect(sharedDay("2026-03")).toBe("March 2026");
  });
});

describe("the team's counts", () => {
  it("lays out only the cells the backend sent, by level and outcome, and leaves out empty rows", () => {
    const grid = countsGrid([
      { outcome: "failed", level: 2, count: 4 },
      { outcome: "succeeded", level: 4, count: 3 },
      { outcome: "partly", level: null, count: 5 },
    ]);
    expect(grid).toEqual([
      { level: 2, counts: [4, null, null, null] },
      { level: 4, counts: [null, null, 3, null] },
      { level: null, counts: [null, 5, null, null] },
    ]);
  });
});

describe("errors of the team area", () => {
  afterEach(() => i18n.set("en"));

  it("tell a missing folder, a bad card and a taken name in the team's terms", () => {
    i18n.set("en");
    const err = (over: object) => ({ kind: "invalid_input" as const, message: "m", field: null, problem: null, ...over });
    expect(teamErrorText(err({ kind: "unwritable" }))).toBe(i18n.m.team.errors.folder);
    expect(teamErrorText(err({ field: "card", problem: "malformed" }))).toBe(i18n.m.team.errors.card);
    expect(teamErrorText(err({ field: "member", problem: "duplicate" }))).toBe(i18n.m.team.errors.sameName);
    expect(teamErrorText(err({ field: "scope", problem: "unknown_value" }))).toBe(i18n.m.team.errors.scope);
    expect(teamErrorText(err({ kind: "internal" }))).toBe(`${i18n.m.errors.kinds.internal.what} ${i18n.m.errors.kinds.internal.todo}`);
  });
});
