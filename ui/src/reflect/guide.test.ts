import { describe, expect, it } from "vitest";
import type { Guide } from "../ipc";
import { isAnswered, problemFor, questionOfField, stepAnswered, stepOfQuestion, titleOf, withIsoDays } from "./guide";

const t = { da: "x", en: "x" };
const q = (id: string, type: string, feeds?: string) =>
  ({ id, type, label: t, help: t, feeds, options: [], parts: [] }) as unknown as Guide["steps"][0]["questions"][0];
const guide: Guide = {
  id: "g",
  version: 1,
  title: t,
  description: t,
  listed: true,
  steps: [
    { id: "a", title: t, optional: false, questions: [q("day", "date", "occurred_on"), q("name", "short_text", "title")] },
    { id: "b", title: t, optional: false, questions: [q("actions", "actions", "actions")] },
  ],
};

describe("guide helpers", () => {
  it("sends days typed the Danish way as ISO days, and anything else as typed", () => {
    const answers = {
      day: "12.3.2026",
      name: "Møde 1.2.2026",
      actions: [{ text: "Ring", owner: "leder", reviewOn: "1-4-2026" }, { text: "Skriv", owner: "", reviewOn: "31.2.2026" }],
    };
    expect(withIsoDays(guide, answers)).toEqual({
      day: "2026-03-12",
      name: "Møde 1.2.2026",
      actions: [{ text: "Ring", owner: "leder", reviewOn: "2026-04-01" }, { text: "Skriv", owner: "", reviewOn: "31.2.2026" }],
    });
    expect(answers.day).toBe("12.3.2026");
    expect(withIsoDays(guide, { day: "2026-03-12" })).toEqual({ day: "2026-03-12" });
  });

  it("finds the question a backend error names, nested or in a batch", () => {
    expect(questionOfField("answers.headline")).toBe("headline");
    expect(questionOfField("answers.actions[1].text")).toBe("actions");
    expect(questionOfField("answers.participation.role")).toBe("participation");
    expect(questionOfField("[0].answers.name")).toBe("name");
    expect(questionOfField("guideId")).toBeNull();
  });

  it("finds the step of a question and the title among the answers", () => {
    expect(stepOfQuestion(guide, "actions")).toBe(1);
    expect(titleOf(guide, { name: "  Kursus " })).toBe("Kursus");
  });

  it("treats blank text, empty lists and empty rows as unanswered", () => {
    expect(isAnswered("  ")).toBe(false);
    expect(isAnswered([{ text: "", owner: "" }])).toBe(false);
    expect(isAnswered({ role: "co_initiator" })).toBe(true);
    expect(isAnswered(3)).toBe(true);
    expect(stepAnswered(guide, 1, { actions: [{ text: "Ring" }] })).toBe(true);
  });

  it("translates a field error into the question's problem", () => {
    const err = { kind: "invalid_input" as const, message: "m", field: "answers.name", problem: "required" as const };
    expect(problemFor(err, { required: "Skal udfyldes." })).toEqual({ question: "name", text: "Skal udfyldes." });
    expect(problemFor({ ...err, kind: "locked" }, {})).toBeNull();
  });
});
