import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ItemView, SessionAgenda, SessionDraft, SharedEntryView } from "../../ipc";

const { item, entry } = vi.hoisted(() => {
  const item = (over: Partial<ItemView>): ItemView => ({
  id: "a-1",
  kind: "action",
  text: "Call the association's chair",
  owner: "Sara",
  ownerIsMe: false,
  reviewOn: "2026-11-20",
  status: "open",
  fromSession: "s-0",
  history: [],
  ...over,
});

  const entry: SharedEntryView = {
  id: "sh-1",
  scope: "named",
  author: "Sara",
  mine: false,
  entryId: null,
  changedSinceShared: false,
  onAgenda: true,
  seen: false,
  newComments: 0,
  revision: 1,
  updatedAt: "2026-11-12T10:00:00Z",
  title: "Homework café",
  occurredOn: "2026-11-10",
  outcome: "failed",
  initiative: null,
  body: { role: "co_implementer", answers: {} },
  conflict: false,
};

  return { item, entry };
});

const backend = vi.hoisted(() => ({ recorded: [] as SessionDraft[], refuse: null as unknown, kept: null as string | null }));

vi.mock("../../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../ipc")>();
  const agenda: SessionAgenda = {
    carried: [item({}), item({ id: "i-1", kind: "improvement", text: "Ask citizens first", owner: "Lead" })],
    material: [entry],
    guide: {
      id: "team-session",
      version: 1,
      title: { da: "På tværs", en: "Across" },
      description: { da: "", en: "" },
      questions: [{ id: "whose_problem", label: { da: "Hvis problem?", en: "Whose problem was it?" }, help: { da: "h", en: "h" } }],
    },
    chart: { months: [{ month: "2026-10", count: 3, meanLevel: 2.3333 }], withheld: 2, counts: { cells: [], withheld: 0, countsOnly: null } },
    members: ["Lead", "Sara", "Ali"],
    last: null,
  };
  return {
    ...real,
    sessionAgenda: vi.fn(async () => agenda),
    getGuide: vi.fn(async () => {
      throw new Error("no guide here");
    }),
    spaceComments: vi.fn(async () => [
      { id: "c-1", on: "sh-1", replyTo: null, author: "Lead", mine: false, audience: "team", text: "Take it to the session", writtenAt: "2026-11-12T10:00:00Z", new: false },
      { id: "c-2", on: "sh-1", replyTo: null, author: "Lead", mine: true, audience: "author", text: "How did you feel?", writtenAt: "2026-11-12T10:01:00Z", new: false },
    ]),
    recordSession: vi.fn(async (_space: string, draft: SessionDraft) => {
      if (backend.refuse) throw backend.refuse;
      backend.recorded.push(draft);
      return "s-1";
    }),
    scanText: vi.fn(async () => [{ kind: "phone", start: 0, end: 8 }]),
    sessionDraft: vi.fn(async () => backend.kept),
    saveSessionDraft: vi.fn(async (_space: string, draft: string) => {
      backend.kept = draft;
      return null;
    }),
  };
});

import SessionFlow from "./SessionFlow.svelte";
import { endSession } from "./draft.svelte";
import { i18n } from "../../i18n/i18n.svelte";

const next = () => fireEvent.click(screen.getByRole("button", { name: "Next" }));

describe("the team's reflection session", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.recorded = [];
    backend.refuse = null;
    backend.kept = null;
    endSession("space-1");
    i18n.set("en");
  });

  it("does not go past last time until every item has a status, and a dropped one a reason", async () => {
    render(SessionFlow, { space: "space-1", onclose: () => {} });
    const heading = await screen.findByRole("heading", { level: 1, name: "Step 1 of 5: Last time first" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await screen.findByRole("group", { name: /Ask citizens first/ });
    await next();
    expect((await screen.findByRole("alert")).textContent).toContain("2 items from last time still need a status.");
    const action = screen.getByRole("group", { name: /Call the association's chair/ });
    expect(document.activeElement).toBe(within(action).getAllByRole("radio")[0]);
    await fireEvent.click(within(action).getByRole("radio", { name: "Dropped" }));
    const improvement = screen.getByRole("group", { name: /Ask citizens first/ });
    await fireEvent.click(within(improvement).getByRole("radio", { name: "Done" }));
    await next();
    expect(screen.getByRole("alert").textContent).toContain("why “Call the association's chair” was dropped");
    await fireEvent.input(within(action).getByLabelText("Why was it dropped? (one line)"), { target: { value: "The chair moved away" } });
    await next();
    expect(await screen.findByRole("heading", { level: 1, name: "Step 2 of 5: The material" })).toBeTruthy();
  });

  it("runs through to exactly one improvement and publishes what the core records", async () => {
    const closed = vi.fn();
    render(SessionFlow, { space: "space-1", onclose: closed });
    await screen.findByRole("group", { name: /Ask citizens first/ });
    for (const name of [/Call the association's chair/, /Ask citizens first/]) {
      await fireEvent.click(within(screen.getByRole("group", { name })).getByRole("radio", { name: "Continue" }));
    }
    await next();
    // The material: the entry, its comment, a note, and the presenter view without names.
    await screen.findByRole("heading", { level: 2, name: "Homework café" });
    expect(await screen.findByText("Take it to the session")).toBeTruthy();
    expect(screen.queryByText("How did you feel?"), "a comment to the author alone stays off the meeting's screen").toBeNull();
    await fireEvent.input(screen.getByLabelText("The team's note on this reflection (optional)"), { target: { value: "Came in late" } });
    await fireEvent.click(screen.getByRole("button", { name: "Presenter view: “Homework café”" }));
    const presenter = await screen.findByRole("dialog");
    expect(within(presenter).queryByText("Lead")).toBeNull();
    expect(within(presenter).getByText("Take it to the session")).toBeTruthy();
    await fireEvent.keyDown(presenter, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await next();
    await fireEvent.input(await screen.findByLabelText("Whose problem was it?"), { target: { value: "Ours, not theirs" } });
    expect(screen.getByRole("region", { name: "Participation level over time" }).textContent).toContain("2 contributions are in months too small to show.");
    await next();
    await next();
    expect(screen.getByRole("alert").textContent).toContain("Write the team's improvement");
    await fireEvent.input(screen.getByLabelText("What will the team do differently?"), { target: { value: "Meet them where they are" } });
    const owners = screen.getAllByLabelText("Owner");
    await fireEvent.change(owners[0]!, { target: { value: "Ali" } });
    await fireEvent.input(screen.getAllByLabelText("Review date")[0]!, { target: { value: "14.12.2026" } });
    await fireEvent.click(screen.getByRole("button", { name: "Add an action" }));
    // Each owner and review date says whose it is.
    expect(screen.getByRole("combobox", { name: "Owner: The team's one improvement" })).toBe(owners[0]);
    expect(screen.getByRole("combobox", { name: "Owner: Action 1" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "Review date: Action 1" })).toBeTruthy();
    await next();
    expect(screen.getByRole("alert").textContent).toContain("Action 1:");
    await fireEvent.click(screen.getByRole("button", { name: "Remove action 1" }));
    await next();
    expect(await screen.findByRole("heading", { level: 1, name: /Publish/ })).toBeTruthy();

    // A phone number found: publish anyway is offered, and sends the same draft.
    backend.refuse = { kind: "invalid_input", field: "note", problem: "personal_data", message: "x" };
    await fireEvent.click(screen.getByRole("button", { name: "Publish the session" }));
    await screen.findByRole("button", { name: "Publish anyway" });
    backend.refuse = null;
    await fireEvent.click(screen.getByRole("button", { name: "Publish anyway" }));
    await screen.findByTestId("session-published");
    await waitFor(() => expect(document.activeElement, "focus on the way back, not the page").toBe(document.querySelector("[data-action=session-done]")));
    const d = backend.recorded[0]!;
    expect(d.carried).toEqual([
      { id: "a-1", status: "continue", why: "", reviewOn: null },
      { id: "i-1", status: "continue", why: "", reviewOn: null },
    ]);
    expect(d.material).toEqual([{ on: "sh-1", note: "Came in late" }]);
    expect(d.answers).toEqual({ whose_problem: "Ours, not theirs" });
    expect(d.improvement).toEqual({ text: "Meet them where they are", owner: "Ali", reviewOn: "2026-12-14" });
    expect(d.actions).toEqual([]);
    await fireEvent.click(screen.getByRole("button", { name: "Back to the space" }));
    expect(closed).toHaveBeenCalledWith(true);
  });

  it("keeps what is typed in the core, and takes it back after the app was closed", async () => {
    render(SessionFlow, { space: "space-1", onclose: () => {} });
    const group = await screen.findByRole("group", { name: /Call the association's chair/ });
    await fireEvent.click(within(group).getByRole("radio", { name: "Dropped" }));
    await fireEvent.input(within(group).getByLabelText("Why was it dropped? (one line)"), { target: { value: "The chair moved away" } });
    await waitFor(() => expect(backend.kept ?? "").toContain("The chair moved away"), { timeout: 3000 });
    cleanup();
    // As after a crash: nothing held in the window, only what the core kept.
    endSession("space-1");
    render(SessionFlow, { space: "space-1", onclose: () => {} });
    const again = await screen.findByRole("group", { name: /Call the association's chair/ });
    await waitFor(() => expect((within(again).getByRole("radio", { name: "Dropped" }) as HTMLInputElement).checked).toBe(true));
    expect((within(again).getByLabelText("Why was it dropped? (one line)") as HTMLInputElement).value).toBe("The chair moved away");
  });
});
