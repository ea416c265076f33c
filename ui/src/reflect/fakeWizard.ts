// A wizard over a fake backend, for the tests of its state machine: a two-step guide, a
// stand-in for the core's guard, and every backend call a spy that answers as the core would.
import { vi } from "vitest";
import type { Draft, DraftInput, Entry, EntryInput, Finding, Guide, IpcError } from "../ipc";
import type { View } from "../shell/router.svelte";
import { WizardState } from "./wizard.svelte";

const t = (en: string) => ({ da: `${en} (da)`, en });
const q = (id: string, type: string, label: string, feeds?: string) => ({
  id,
  type,
  label: t(label),
  help: t("help"),
  ...(feeds ? { feeds } : {}),
  options: [],
  parts: [],
});
export const guide = {
  id: "g",
  version: 3,
  title: t("Test guide"),
  description: t("d"),
  listed: true,
  steps: [
    {
      id: "one",
      title: t("First step"),
      optional: false,
      questions: [q("day", "date", "Date", "occurred_on"), q("name", "short_text", "Title", "title"), q("who", "short_text", "Initiative", "initiative")],
    },
    { id: "two", title: t("Second step"), optional: false, questions: [q("how", "single_choice", "How did it go?", "outcome"), q("story", "long_text", "What happened")] },
  ],
} as unknown as Guide;

export const CPR = "070761-4285";

/** A stand-in for the core's guard: ten digits with a hyphen are a CPR number, "Fatima" is on
 * the never-store list. */
export const scan = (text: string): Finding[] =>
  [...text.matchAll(/\d{6}-\d{4}|Fatima/g)].map((m) => ({
    kind: m[0] === "Fatima" ? "never_store" : "cpr",
    confidence: "high",
    start: m.index,
    end: m.index + m[0].length,
    charStart: m.index,
    charEnd: m.index + m[0].length,
    text: m[0],
  }));

export const entry = (over: Partial<Entry> = {}): Entry =>
  ({ id: "e-1", guideId: "g", guideVersion: 3, initiative: null, answers: {}, tags: [], actions: [], completedAt: null, ...over }) as Entry;

export const draft = (over: Partial<Draft> = {}, input: Partial<EntryInput> = {}): Draft => ({
  id: "d-7",
  entryId: null,
  step: 0,
  createdAt: "2026-03-01T09:00:00Z",
  updatedAt: "2026-03-01T10:00:00Z",
  ...over,
  input: { guideId: "g", guideVersion: 3, answers: {}, complete: false, tags: [], overridePersonalData: false, ...input },
});

export const refusal = (over: Partial<IpcError>): IpcError => ({ kind: "internal", message: "refused", field: null, problem: null, ...over });

export function fakeWizard() {
  const backend = {
    getGuide: vi.fn(async (_id: string, _version: number | null) => guide),
    getDraft: vi.fn(async (id: string): Promise<Draft> => draft({ id })),
    getEntry: vi.fn(async (id: string) => entry({ id })),
    draftForEntry: vi.fn(async (_entryId: string): Promise<Draft | null> => null),
    saveDraft: vi.fn(async (d: DraftInput) => draft({ id: d.id ?? "d-1", entryId: d.entryId, step: d.step }, d.input)),
    // The short and long text answers are the entry's texts, each scanned by the stand-in.
    checkEntry: vi.fn(async (input: EntryInput) => ({
      texts: Object.entries(input.answers)
        .filter(([id, v]) => typeof v === "string" && ["name", "who", "story"].includes(id))
        .map(([id, v]) => ({ slot: ["answers", id], question: id, text: v as string, findings: scan(v as string) })),
    })),
    pseudonymise: vi.fn(async (texts: string[], finding: Finding, _language: string) => ({
      texts: texts.map((x) => x.split(finding.text).join("citizen A")),
      label: "citizen A",
      replaced: texts.filter((x) => x.includes(finding.text)).length,
    })),
    createEntry: vi.fn(async (_input: EntryInput, _draftId: string | null) => entry({ id: "e-new" })),
    updateEntry: vi.fn(async (id: string, _input: EntryInput, _draftId: string | null) => entry({ id })),
  };
  const navigate = vi.fn<(view: View) => void>();
  /** The ids of the elements on the page; focusing one that is not there does nothing. */
  const onPage = new Set(["q-day", "q-name", "q-who", "q-how-group", "q-story"]);
  const focus = { heading: vi.fn(), byId: vi.fn((id: string) => onPage.has(id)) };
  const wizard = new WizardState({ backend, navigate, focus });
  return { wizard, backend, navigate, focus, onPage };
}

export const lastCall = <A extends unknown[]>(fn: { mock: { calls: A[] } }): A => {
  const call = fn.mock.calls.at(-1);
  if (!call) throw new Error("expected a call, there was none");
  return call;
};
