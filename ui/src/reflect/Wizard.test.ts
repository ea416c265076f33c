import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftInput, EntryInput, Guide } from "../ipc";

const t = (en: string) => ({ da: `${en} (da)`, en });
const guide: Guide = {
  id: "g",
  version: 3,
  title: t("Test guide"),
  description: t("d"),
  listed: true,
  steps: [
    {
      id: "one",
      title: t("First step"),
      intro: null,
      optional: false,
      questions: [
        { id: "day", type: "date", label: t("Date"), help: t("The day it happened."), feeds: "occurred_on", options: [], parts: [], scale: null, lens: null },
        { id: "name", type: "short_text", label: t("Title"), help: t("One line."), feeds: "title", options: [], parts: [], scale: null, lens: null },
      ],
    },
    {
      id: "two",
      title: t("Second step"),
      intro: null,
      optional: false,
      questions: [
        {
          id: "how",
          type: "single_choice",
          label: t("How did it go?"),
          help: t("Your judgement."),
          feeds: "outcome",
          options: [{ id: "failed", label: t("Failed") }, { id: "succeeded", label: t("Succeeded") }],
          parts: [],
          scale: null,
          lens: null,
        },
      ],
    },
  ],
} as unknown as Guide;

const backend = vi.hoisted(() => ({
  drafts: [] as DraftInput[],
  created: [] as { input: EntryInput; draftId: string | null }[],
  createError: null as unknown,
  /** A stand-in for the core's guard: ten digits with a hyphen are a CPR number, "Fatima" is
   * on the never-store list. Offsets are JS string offsets, as the real backend sends. */
  scan: (text: string) =>
    [...text.matchAll(/\d{6}-\d{4}|Fatima/g)].map((m) => ({
      kind: m[0] === "Fatima" ? "never_store" : "cpr",
      confidence: "high",
      start: m.index,
      end: m.index + m[0].length,
      charStart: m.index,
      charEnd: m.index + m[0].length,
      text: m[0],
    })),
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    getGuide: vi.fn(async () => guide),
    saveDraft: vi.fn(async (draft: DraftInput) => {
      backend.drafts.push(draft);
      return { id: "d-1", entryId: null, input: draft.input, step: draft.step, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
    }),
    // A stand-in for the core's check: the short and long texts are the entry's texts, each
    // scanned by the stand-in guard.
    checkEntry: vi.fn(async (input: EntryInput) => ({
      texts: Object.entries(input.answers)
        .filter(([id, v]) => typeof v === "string" && guide.steps.some((s) => s.questions.some((q) => q.id === id && q.type.endsWith("_text"))))
        .map(([id, v]) => ({
          slot: ["answers", id],
          question: id,
          text: v as string,
          findings: backend.scan(v as string),
        })),
    })),
    // The same stand-in, per field while typing.
    scanText: vi.fn(async (text: string) => backend.scan(text)),
    pseudonymise: vi.fn(async (texts: string[], finding: { text: string }) => ({
      texts: texts.map((t) => t.split(finding.text).join("citizen A")),
      label: "citizen A",
      replaced: texts.filter((t) => t.includes(finding.text)).length,
    })),
    createEntry: vi.fn(async (input: EntryInput, draftId: string | null) => {
      if (backend.createError) throw backend.createError;
      backend.created.push({ input, draftId });
      return { id: "e-1" };
    }),
  };
});

import Wizard from "./Wizard.svelte";
import { router } from "../shell/router.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("Wizard", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.drafts = [];
    backend.created = [];
    backend.createError = null;
    i18n.set("en");
    router.go({ name: "reflect", guideId: "g" });
  });

  it("shows one step at a time with progress, and moves with next and back", async () => {
    render(Wizard, { guideId: "g" });
    await screen.findByRole("heading", { name: "First step" });
    expect(screen.getByText("Step 1 of 2")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { name: "Second step" });
    expect(screen.getByRole("button", { name: "Finish reflection" })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", { name: "First step" });
  });

  it("toggles the help of the focused field with F1", async () => {
    render(Wizard, { guideId: "g" });
    const title = await screen.findByLabelText("Title");
    title.focus();
    expect(screen.queryByText("One line.")).toBeNull();
    await fireEvent.keyDown(window, { key: "F1" });
    expect(screen.getByText("One line.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Help: Title" }).getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(window, { key: "F1" });
    expect(screen.queryByText("One line.")).toBeNull();
  });

  it("autosaves answers with the guide version and the step, and says so only after", async () => {
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Title"), { target: { value: "Course" } });
    await waitFor(() => expect(backend.drafts.at(-1)?.input.answers.name).toBe("Course"), { timeout: 3000 });
    expect(backend.drafts.at(-1)).toMatchObject({ step: 0, input: { guideId: "g", guideVersion: 3, complete: false } });
    await screen.findByText(/Draft saved/);
  });

  it("sends a day typed the Danish way (12.3.2026) as the ISO day the backend takes", async () => {
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Date"), { target: { value: "12.3.2026" } });
    await fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Course" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    await waitFor(() => expect(backend.created).toHaveLength(1));
    expect(backend.created[0]?.input.answers).toMatchObject({ day: "2026-03-12", name: "Course" });
  });

  it("takes the person to the question the backend refused, on its step", async () => {
    backend.createError = { kind: "invalid_input", message: "how it went is required", field: "answers.how", problem: "required" };
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Title"), { target: { value: "Course" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    await screen.findByRole("heading", { name: "Second step" });
    expect(screen.getByText("This is required.")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("How did it go? needs an answer");
    await waitFor(() => expect(document.activeElement?.id).toBe("q-how-group"));
    expect(router.view.name).toBe("reflect");
  });

  it("finishing saves a complete entry through the draft and opens it", async () => {
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Title"), { target: { value: "Course" } });
    await fireEvent.click(screen.getByRole("button", { name: "Next" }));
    await fireEvent.click(await screen.findByLabelText("Succeeded"));
    await fireEvent.click(screen.getByRole("button", { name: "Finish reflection" }));
    await waitFor(() => expect(router.view).toMatchObject({ name: "entry", id: "e-1", justSaved: true }));
    expect(backend.created[0]?.input).toMatchObject({ complete: true, answers: { name: "Course", how: "succeeded" } });
    expect(backend.created[0]?.draftId).toBe("d-1");
  });

  it("shows a CPR number typed in a text answer with its reason, and replaces it with a role", async () => {
    render(Wizard, { guideId: "g" });
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    await fireEvent.input(title, { target: { value: "Met 070761-4285 today" } });
    const button = await screen.findByRole("button", { name: "Replace with «citizen A»" }, { timeout: 3000 });
    expect(screen.getByText("“070761-4285”, line 1, character 5")).toBeTruthy();
    expect(screen.getByText("This looks like a CPR number.")).toBeTruthy();
    expect(title.getAttribute("aria-describedby")).toContain("q-name-pd");
    await fireEvent.click(button);
    await waitFor(() => expect(title.value).toBe("Met citizen A today"));
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(screen.getByText("Replaced with «citizen A» everywhere in this reflection.")).toBeTruthy();
  });

  it("a CPR number blocks saving until it is replaced or explicitly overridden", async () => {
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Title"), { target: { value: "Met 070761-4285" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    const dialog = await screen.findByRole("alertdialog", { name: /contains a CPR number/ });
    expect(dialog.textContent).toContain("“070761-4285”");
    expect(backend.created).toHaveLength(0);
    await waitFor(() => expect(document.activeElement?.getAttribute("data-action")).toBe("replace-all"));
    await fireEvent.click(screen.getByRole("button", { name: "Save anyway — I have a reason" }));
    await waitFor(() => expect(backend.created).toHaveLength(1));
    expect(backend.created[0]?.input.overridePersonalData).toBe(true);
  });

  it("replacing everything from the dialog saves the reflection without the number", async () => {
    render(Wizard, { guideId: "g" });
    await fireEvent.input(await screen.findByLabelText("Title"), { target: { value: "Met 070761-4285" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    await fireEvent.click(await screen.findByRole("button", { name: "Replace all with roles" }));
    await waitFor(() => expect(backend.created).toHaveLength(1));
    expect(backend.created[0]?.input).toMatchObject({ answers: { name: "Met citizen A" }, overridePersonalData: false });
  });

  it("warnings need an explicit confirmation, and Escape goes back to the text", async () => {
    render(Wizard, { guideId: "g" });
    const title = await screen.findByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Fatima came" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    const dialog = await screen.findByRole("alertdialog", { name: /Check before saving/ });
    await fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(title));
    await fireEvent.click(screen.getByRole("button", { name: "Save quick capture" }));
    await fireEvent.click(await screen.findByRole("button", { name: "Yes, save them" }));
    await waitFor(() => expect(backend.created).toHaveLength(1));
    expect(backend.created[0]?.input.overridePersonalData).toBe(false);
  });
});
