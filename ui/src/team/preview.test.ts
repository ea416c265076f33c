import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { entry, guide, previewOf } from "./fakes";
import { categoryRows, fieldLabel, findingAt, travellingAnswers } from "./preview";

describe("what a share carries, in words", () => {
  afterEach(() => i18n.set("en"));

  it("lists the travelling answers by their questions' labels, in the guide's order", () => {
    i18n.set("en");
    expect(travellingAnswers(previewOf(entry, "anonymous").body, guide)).toEqual([
      "Headline",
      "Which initiative?",
      "How did it go?",
      "What happened?",
      "Citizens' participation",
      "Organised as",
    ]);
  });

  it("words the categories with the guide's labels", () => {
    i18n.set("en");
    const rows = categoryRows(previewOf(entry, "named").body, guide);
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ["outcome", "Failed"],
      ["level", "3 – Co-designers"],
      ["phase", "Design"],
      ["role", "Co-designers"],
      ["interest_alignment", "2 of 5"],
      ["organisation", "Option association"],
      ["tags", "autumn"],
    ]);
  });
});

describe("a refusal by the guard", () => {
  const scan = (found: Record<string, "cpr" | "phone" | "email" | "never_store">) => async (text: string) =>
    Object.entries(found)
      .filter(([word]) => text.includes(word))
      .map(([, kind]) => ({ kind }));

  it("names the field as a person reads it", () => {
    i18n.set("en");
    expect(fieldLabel("answers.notes", guide, "Tags")).toBe("What happened?");
    expect(fieldLabel("title", guide, "Tags")).toBe("Headline");
    expect(fieldLabel("tags", guide, "Tags")).toBe("Tags");
    expect(fieldLabel("answers.gone", guide, "Tags")).toBe("answers.gone");
  });

  it("may be shared anyway only for a phone number or an e-mail address", async () => {
    const body = { ...previewOf(entry, "named").body, answers: { notes: "Call 22 33 44 55" } };
    expect(await findingAt(body, "answers.notes", scan({ "22 33": "phone" }))).toEqual({ kinds: ["phone"], blocks: false });
    expect(await findingAt(body, "answers.notes", scan({ "22 33": "phone", Call: "never_store" }))).toEqual({ kinds: ["phone", "never_store"], blocks: true });
    expect(await findingAt(body, "answers.notes", scan({ "22 33": "cpr" })).then((v) => v.blocks)).toBe(true);
  });

  it("blocks when the finding cannot be found again", async () => {
    const body = previewOf(entry, "named").body;
    expect(await findingAt(body, "answers.notes", scan({}))).toEqual({ kinds: [], blocks: true });
    expect(await findingAt(body, "answers.notes", () => Promise.reject(new Error("no backend")))).toEqual({ kinds: [], blocks: true });
  });
});
