// One source for an outcome's words: the guide. The window's labels (en.ts, da.ts) must say what
// the newest co-production guide offers, as the exports do (core export/words.rs reads the guide).
import { describe, expect, it } from "vitest";
import { da } from "./da";
import { en } from "./en";

type Option = { id: string; label: { da: string; en: string } };
type GuideFile = { id: string; version: number; steps: { questions: { id: string; options?: Option[] }[] }[] };

function newestOutcomes(): Option[] {
  const files = import.meta.glob<GuideFile>("../../../assets/guides/co-production.v*.json", { eager: true, import: "default" });
  const newest = Object.values(files).sort((a, b) => b.version - a.version)[0];
  const question = newest?.steps.flatMap((s) => s.questions).find((q) => q.id === "outcome");
  return question?.options ?? [];
}

describe("outcome labels", () => {
  it("are the guide's, in both languages", () => {
    const options = newestOutcomes();
    expect(options.length).toBe(4);
    for (const o of options) {
      expect(en.outcome[o.id as keyof typeof en.outcome], o.id).toBe(o.label.en);
      expect(da.outcome[o.id as keyof typeof da.outcome], o.id).toBe(o.label.da);
    }
  });
});
