import { describe, expect, it } from "vitest";
import type { Finding } from "../ipc";
import { blocks, distinct, pieces, position, stillThere, withTexts } from "./texts";

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

  it("writes replaced texts back where they came from, leaving the input untouched", () => {
    // As the core's checkEntry gives them (its order and slots are tested in Rust).
    const at = [
      { slot: ["answers", "headline"], text: "Møde" },
      { slot: ["answers", "what"], text: "070761-4285 kom" },
      { slot: ["answers", "who", 0], text: "borger A" },
      { slot: ["answers", "who", 1], text: "Fatima" },
      { slot: ["answers", "actions", 0, "text"], text: "Ring 22 34 56 78" },
      { slot: ["answers", "actions", 0, "owner"], text: "leder" },
      { slot: ["tags", 0], text: "efterår" },
    ];
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
