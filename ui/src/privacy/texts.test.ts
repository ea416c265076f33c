import { describe, expect, it } from "vitest";
import type { Finding, Guide } from "../ipc";
import { blocks, distinct, entryTexts, pieces, position, stillThere, withTexts } from "./texts";

const q = (id: string, type: string) => ({ id, type, label: { da: id, en: id }, help: { da: "", en: "" }, options: [], parts: [] });
const guide = {
  id: "g",
  version: 1,
  steps: [
    { id: "s1", questions: [q("day", "date"), q("headline", "short_text"), q("outcome", "single_choice")] },
    { id: "s2", questions: [q("what", "long_text"), q("who", "roles"), q("actions", "actions")] },
  ],
} as unknown as Guide;

const finding = (text: string, start: number, kind: Finding["kind"] = "cpr"): Finding => ({
  kind,
  confidence: "high",
  start,
  end: start + text.length,
  charStart: start,
  charEnd: start + text.length,
  text,
});

describe("entry texts", () => {
  const answers = {
    day: "2025-09-03",
    headline: "Møde",
    outcome: "failed",
    what: "070761-4285 kom",
    who: ["borger A", "Fatima"],
    actions: [{ text: "Ring 22 34 56 78", owner: "leder", reviewOn: "2025-10-01" }],
  };

  it("gathers free text, roles, action texts and owners and tags — not dates or choices", () => {
    const texts = entryTexts(guide, answers, ["efterår"]);
    expect(texts.map((t) => t.text)).toEqual(["Møde", "070761-4285 kom", "borger A", "Fatima", "Ring 22 34 56 78", "leder", "efterår"]);
    expect(texts[4]?.slot).toEqual(["answers", "actions", 0, "text"]);
    expect(texts[6]).toEqual({ slot: ["tags", 0], question: null, text: "efterår" });
  });

  it("writes replaced texts back where they came from, leaving the input untouched", () => {
    const at = entryTexts(guide, answers, ["efterår"]);
    const texts = at.map((t) => t.text.replace("070761-4285", "borger B").replace("Fatima", "borger C").replace("22 34 56 78", "borger B"));
    const next = withTexts(answers, ["efterår"], at, texts);
    expect(next.answers.what).toBe("borger B kom");
    expect(next.answers.who).toEqual(["borger A", "borger C"]);
    expect((next.answers.actions as { text: string }[])[0]?.text).toBe("Ring borger B");
    expect(next.answers.day).toBe("2025-09-03");
    expect(answers.what).toBe("070761-4285 kom");
  });
});

describe("highlighting", () => {
  it("cuts the text into plain and found pieces", () => {
    const text = "Mødet med 070761-4285 gik godt";
    const out = pieces(text, [finding("070761-4285", 10)]);
    expect(out.map((p) => [p.text, p.finding !== null])).toEqual([
      ["Mødet med ", false],
      ["070761-4285", true],
      [" gik godt", false],
    ]);
  });

  it("skips findings that no longer fit the text", () => {
    expect(pieces("kort", [finding("070761-4285", 10)])).toEqual([{ text: "kort", finding: null }]);
    expect(stillThere("x 070761-4285", finding("070761-4285", 2))).toBe(true);
    expect(stillThere("x 070761-4286", finding("070761-4285", 2))).toBe(false);
  });

  it("gives positions as line and character, counting an emoji once", () => {
    expect(position("ab\n😀 cd", 6)).toEqual({ line: 2, col: 3 });
    expect(position("abc", 0)).toEqual({ line: 1, col: 1 });
  });
});

describe("saving rules", () => {
  it("only CPR numbers block; the rest asks for confirmation", () => {
    expect(blocks("cpr")).toBe(true);
    expect(["phone", "email", "never_store"].map((k) => blocks(k as Finding["kind"]))).toEqual([false, false, false]);
  });

  it("lists the same datum once", () => {
    const items = [{ finding: finding("Fatima", 0, "never_store") }, { finding: finding("fatima", 9, "never_store") }, { finding: finding("070761-4285", 3) }];
    expect(distinct(items)).toHaveLength(2);
  });
});
