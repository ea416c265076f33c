import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ItemView, SessionView, TeamAction } from "../../ipc";

const { item } = vi.hoisted(() => ({
  item: (over: Partial<ItemView>): ItemView => ({
    id: "a-1",
    kind: "action",
    text: "Call the association's chair",
    owner: "Ali",
    ownerIsMe: true,
    reviewOn: "2026-11-20",
    status: "open",
    fromSession: "s-1",
    history: [],
    ...over,
  }),
}));

const backend = vi.hoisted(() => ({ saved: [] as string[], due: [] as TeamAction[] }));

vi.mock("../../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../ipc")>();
  const session: SessionView = {
    id: "s-1",
    heldOn: "2026-11-02",
    carried: [],
    material: [
      { on: "sh-9", received: false, withdrawn: false, title: "", outcome: null, role: null, level: null, note: "A good example" },
      { on: "sh-8", received: false, withdrawn: true, title: "", outcome: null, role: null, level: null, note: "Taken back" },
    ],
    answers: [],
    improvement: item({ id: "i-1", kind: "improvement", text: "Ask citizens first", owner: "Lead", ownerIsMe: false }),
    actions: [item({})],
  };
  return {
    ...real,
    spaceSessions: vi.fn(async () => [session]),
    // Now: the improvement was done at a later session.
    spaceActions: vi.fn(async () => [item({}), item({ id: "i-1", kind: "improvement", text: "Ask citizens first", owner: "Lead", ownerIsMe: false, status: "done" })]),
    suggestedSessionPath: vi.fn(async () => "/home/ali/Documents/reflection-session-2026-11-02.md"),
    saveSessionDocument: vi.fn(async (_s: string, _id: string, _l: string, path: string) => {
      backend.saved.push(path);
      return null;
    }),
    teamActions: vi.fn(async () => backend.due),
  };
});

import Sessions from "./Sessions.svelte";
import TeamDue from "../TeamDue.svelte";
import { i18n } from "../../i18n/i18n.svelte";

describe("the team's sessions", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.saved = [];
    i18n.set("en");
  });

  it("shows what each session decided with its status now, and a reflection not received or withdrawn as such", async () => {
    render(Sessions, { space: "space-1", lead: false, onrun: () => {} });
    const node = await screen.findByRole("heading", { name: "Session of 2 November 2026" });
    const li = node.closest("li")!;
    expect(within(li).getByText("A reflection this computer has not received (yet)")).toBeTruthy();
    expect(within(li).getByText("A reflection its author has withdrawn since")).toBeTruthy();
    const improvement = within(li).getByText("Ask citizens first").parentElement!;
    expect(improvement.textContent).toContain("Done");
    expect(screen.queryByRole("button", { name: "Run a reflection session" })).toBeNull();
    const mine = screen.getByTestId("my-team-actions");
    expect(within(mine).getByText("Call the association's chair")).toBeTruthy();
  });

  it("saves a session as a document where the person says", async () => {
    render(Sessions, { space: "space-1", lead: true, onrun: () => {} });
    await fireEvent.click(await screen.findByRole("button", { name: "Save as a document: the session of 2 November 2026" }));
    const path = await screen.findByLabelText("File (Markdown)");
    expect((path as HTMLInputElement).value).toBe("/home/ali/Documents/reflection-session-2026-11-02.md");
    await fireEvent.input(path, { target: { value: "/home/ali/møde.md" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved to /home/ali/møde.md.");
    expect(backend.saved).toEqual(["/home/ali/møde.md"]);
    await waitFor(() => expect(document.activeElement, "focus on what happened, not the page").toBe(screen.getByTestId("session-saved")));
  });

  it("puts the owner's due actions on the home screen, and nothing when none is due", async () => {
    const space = { id: "space-1", name: "Team Nord", folder: "/x", lead: false, epoch: 1, leadFingerprint: "7F3A 09C2 1B2C 3D4E 5F60" };
    backend.due = [
      { space, item: item({}), due: true },
      { space, item: item({ id: "a-2", text: "Later", reviewOn: "2027-01-01" }), due: false },
    ];
    render(TeamDue);
    const section = await screen.findByRole("region", { name: "From the team's sessions" });
    expect(within(section).getAllByRole("listitem").map((l) => l.dataset.teamAction)).toEqual(["a-1"]);
    expect(section.textContent).toContain("in Team Nord");
    cleanup();
    backend.due = [{ space, item: item({}), due: false }];
    render(TeamDue);
    await waitFor(() => expect(screen.queryByRole("region", { name: "From the team's sessions" })).toBeNull());
  });
});
