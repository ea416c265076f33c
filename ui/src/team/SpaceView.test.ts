import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Scope, SharedEntryView, SpaceStatus, SyncReport, TeamTimeline } from "../ipc";
import { entry, guide, previewOf, status, teamNode, timeline } from "./fakes";

const shared = (over: Partial<SharedEntryView>): SharedEntryView => ({
  id: "sh-1",
  scope: "named",
  author: "Housing advisor",
  mine: false,
  revision: 1,
  updatedAt: "2026-03-12T10:00:00Z",
  title: "Homework café",
  occurredOn: "2026-03-10",
  outcome: "succeeded",
  initiative: null,
  body: {},
  conflict: false,
  entryId: null,
  changedSinceShared: false,
  onAgenda: false,
  seen: false,
  newComments: 0,
  ...over,
});

const backend = vi.hoisted(() => ({
  status: null as unknown as SpaceStatus,
  entries: [] as SharedEntryView[],
  timeline: null as unknown as TeamTimeline,
  // What the views of the space gave onSpacesRead, while they listen.
  listeners: new Set<() => void>(),
  report: null as unknown as SyncReport,
  synced: [] as [string, boolean][],
  withdrawn: [] as [string, string][],
  removed: [] as [string, string][],
  invited: [] as [string, string][],
  reshared: [] as [string, string[], string][],
  marked: [] as [string, string, boolean][],
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    spaceStatus: vi.fn(async () => backend.status),
    spaceEntries: vi.fn(async () => backend.entries),
    spaceCounts: vi.fn(async () => ({
      cells: [{ outcome: "failed", level: 2, count: 4 }],
      withheld: 2,
      countsOnly: { cells: [{ outcome: "succeeded", level: 1, count: 5 }], withheld: 1, contributions: 6, releasedOn: "2026-11-30" },
    })),
    spaceTimeline: vi.fn(async () => backend.timeline),
    spaceComments: vi.fn(async () => []),
    spaceSessions: vi.fn(async () => []),
    spaceActions: vi.fn(async () => []),
    markShared: vi.fn(async (_space: string, on: string, mark: string, set: boolean) => {
      backend.marked.push([on, mark, set]);
      backend.entries = backend.entries.map((e) => (e.id === on ? { ...e, onAgenda: mark === "agenda" ? set : e.onAgenda, seen: mark === "seen" ? set : e.seen } : e));
      return null;
    }),
    reviewQueue: vi.fn(async () => ({ items: [], reviewedAt: null })),
    syncSpace: vi.fn(async (space: string, allow: boolean) => (backend.synced.push([space, allow]), backend.report)),
    withdrawShare: vi.fn(async (space: string, id: string) => {
      backend.withdrawn.push([space, id]);
      backend.entries = backend.entries.filter((e) => e.id !== id);
      return null;
    }),
    getEntry: vi.fn(async (id: string) => ({ ...entry, id, title: "Our course, changed" })),
    sharePreview: vi.fn(async (_space: string, id: string, scope: Scope) => previewOf({ ...entry, id, title: "Our course, changed" }, scope)),
    getGuide: vi.fn(async () => guide),
    listSpaces: vi.fn(async () => [backend.status.space]),
    scanText: vi.fn(async () => []),
    shareEntries: vi.fn(async (space: string, entries: string[], scope: string) => {
      backend.reshared.push([space, entries, scope]);
      backend.entries = backend.entries.map((e) => (entries.includes(e.entryId ?? "") ? { ...e, changedSinceShared: false } : e));
      return ["mine-1"];
    }),
    removeMember: vi.fn(async (space: string, member: string) => (backend.removed.push([space, member]), 3)),
    inviteMember: vi.fn(async (space: string, card: string) => (backend.invited.push([space, card]), 3)),
  };
});

vi.mock("./live", async (importOriginal) => {
  const real = await importOriginal<typeof import("./live")>();
  return {
    ...real,
    onSpacesRead: vi.fn((cb: () => void) => {
      backend.listeners.add(cb);
      return () => backend.listeners.delete(cb);
    }),
  };
});

import SpaceView from "./SpaceView.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { cardCode } from "./spaces";

describe("one reflection space", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.status = status();
    backend.entries = [];
    backend.timeline = timeline();
    backend.listeners.clear();
    backend.report = { notOurs: 0, cut: false, rosters: 0, bundles: 2, records: 3, unchanged: 1, waiting: 0, rejected: [] };
    backend.synced = [];
    backend.withdrawn = [];
    backend.removed = [];
    backend.invited = [];
    backend.reshared = [];
    i18n.set("en");
  });

  it("tells the folder's state: refused files with their reason, missing bundles by member and number", async () => {
    backend.status = status({
      folderPresent: false,
      rejected: [{ name: "members/ab12/00000004-ffee.bundle", code: "bad_signature", reason: "its signature does not match" }],
      missing: [
        { member: "Housing advisor", seq: 2 },
        { member: "Housing advisor", seq: 4 },
      ],
      heldBack: [{ id: "r-9", author: null, reason: "answers.notes holds a CPR number" }],
    });
    render(SpaceView, { id: "s-1", onback: () => {} });
    const refused = await screen.findByText("members/ab12/00000004-ffee.bundle");
    const item = refused.closest("li") as HTMLElement;
    expect(item.dataset.problem).toBe("bad_signature");
    expect(within(item).getByText("Its signature does not match its contents: the file was changed after it was written. It changes nothing.")).toBeTruthy();
    expect(screen.getByText("Housing advisor: share number 2, 4")).toBeTruthy();
    expect(screen.getByTestId("folder-missing").textContent).toMatch(/not there right now/);
    expect(screen.getByText("Shared without a name")).toBeTruthy();
  });

  it("reads the folder on request and says what arrived", async () => {
    render(SpaceView, { id: "s-1", onback: () => {} });
    await fireEvent.click(await screen.findByRole("button", { name: "Read the folder now" }));
    await waitFor(() => expect(screen.getByTestId("sync-result").textContent).toBe("2 new files read, with 3 reflections or changes."));
    expect(screen.getByTestId("sync-result").getAttribute("role")).toBe("status");
    expect(backend.synced).toEqual([["s-1", false]]);
  });

  it("lists what the team shared with who shared it, and notes two versions", async () => {
    backend.entries = [shared({}), shared({ id: "sh-2", author: null, scope: "anonymous", occurredOn: "2026-02", title: "Street party", conflict: true })];
    render(SpaceView, { id: "s-1", onback: () => {} });
    const named = (await screen.findByText("Homework café")).closest("li") as HTMLElement;
    expect(within(named).getByText("by Housing advisor")).toBeTruthy();
    expect(within(named).queryByRole("button", { name: /Withdraw/ }), "a colleague's share is not mine to withdraw").toBeNull();
    const comments = within(named).getByRole("button", { name: "Comments on “Homework café”" });
    expect(comments.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(comments);
    expect(comments.getAttribute("aria-expanded")).toBe("true");
    expect(comments.getAttribute("aria-label"), "the visible words are part of the name").toBe("Hide comments on “Homework café”");
    expect(within(named).getByRole("region", { name: "Comments on “Homework café”" })).toBeTruthy();
    const anonymous = screen.getByText("Street party").closest("li") as HTMLElement;
    expect(within(anonymous).getByText("without a name")).toBeTruthy();
    expect(within(anonymous).getByText("February 2026")).toBeTruthy();
    expect(within(anonymous).getByTestId("conflict")).toBeTruthy();
  });

  it("lists my counts-only share to me alone, says who counts it, and lets me withdraw it", async () => {
    backend.entries = [shared({ id: "mine-3", mine: true, title: "Our count", scope: "aggregate", entryId: "e-9" })];
    render(SpaceView, { id: "s-1", onback: () => {} });
    const button = await screen.findByRole("button", { name: "Withdraw “Our count”" });
    const row = button.closest("li") as HTMLElement;
    expect(within(row).getByText("only in counts")).toBeTruthy();
    expect(within(row).getByTestId("counts-only-mine").textContent).toMatch(/^Only you see this line/);
    expect(within(row).queryByRole("button", { name: /comments/i }), "nobody comments on a count").toBeNull();
    await fireEvent.click(button);
    await fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(backend.withdrawn).toEqual([["s-1", "mine-3"]]));
  });

  it("withdraws a share of mine only after a confirmation that says what leaves the folder and what cannot be recalled", async () => {
    backend.entries = [shared({ id: "mine-1", mine: true, title: "Our course" })];
    render(SpaceView, { id: "s-1", onback: () => {} });
    const button = await screen.findByRole("button", { name: "Withdraw “Our course”" });
    button.focus();
    await fireEvent.click(button);
    const dialog = screen.getByRole("alertdialog", { name: "Withdraw this share?" });
    expect(dialog.textContent).toMatch(/your files in the folder are written again without it\. A copy someone has already made outside the app.*cannot be recalled/);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" })));
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement, "focus returns to the button that asked").toBe(button);
    expect(backend.withdrawn).toEqual([]);

    await fireEvent.click(button);
    await fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(backend.withdrawn).toEqual([["s-1", "mine-1"]]));
    expect(await screen.findByText(/^Withdrawn, and taken out of your files in the folder\./)).toBeTruthy();
    await waitFor(() => expect(screen.queryByText("Our course")).toBeNull());
  });

  it("offers to share the new version of a reflection changed after it was shared, in the scope it has", async () => {
    backend.entries = [
      shared({ id: "mine-1", mine: true, title: "Our course", scope: "anonymous", entryId: "e-7", changedSinceShared: true }),
      shared({ id: "mine-2", mine: true, title: "Street party", entryId: "e-8" }),
    ];
    render(SpaceView, { id: "s-1", onback: () => {} });
    const changed = (await screen.findByText("Our course")).closest("li") as HTMLElement;
    expect(within(changed).getByTestId("changed-since-shared").textContent).toMatch(/still sees the earlier version/);
    const same = screen.getByText("Street party").closest("li") as HTMLElement;
    expect(within(same).queryByRole("button", { name: /new version/ }), "unchanged: nothing to send again").toBeNull();

    await fireEvent.click(within(changed).getByRole("button", { name: "Share the new version of “Our course”" }));
    const dialog = await screen.findByRole("dialog", { name: "Share with the team" });
    expect(((await within(dialog).findByRole("radio", { name: /Without a name/ })) as HTMLInputElement).checked, "the share keeps its scope").toBe(true);
    await waitFor(() => expect(within(dialog).getByTestId("share-preview").textContent).toContain("Our course, changed"));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Share" }));
    await waitFor(() => expect(backend.reshared).toEqual([["s-1", ["e-7"], "anonymous"]]));
    await fireEvent.click(await within(dialog).findByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByTestId("changed-since-shared")).toBeNull());
  });

  it("lets the facilitator take a colleague's reflection to the session and note it seen for themselves", async () => {
    backend.marked = [];
    backend.entries = [shared({ newComments: 2 })];
    render(SpaceView, { id: "space-1", onback: () => {} });
    await fireEvent.click(await screen.findByRole("button", { name: "Take to the session: “Homework café”" }));
    await screen.findByRole("button", { name: "Take off the agenda: “Homework café”" });
    await fireEvent.click(screen.getByRole("button", { name: "Note as seen, for yourself: “Homework café”" }));
    expect((await screen.findByTestId("seen")).textContent).toBe("Seen (your own note; nobody else sees it)");
    expect(backend.marked).toEqual([
      ["sh-1", "agenda", true],
      ["sh-1", "seen", true],
    ]);
    expect(screen.getByTestId("on-agenda").textContent).toBe("Taken to the session");
    expect(screen.getByTestId("new-comments").textContent).toBe("2 new");
    expect(screen.getByRole("button", { name: "Run a reflection session" })).toBeTruthy();
    cleanup();
    // A member: the agenda mark, never a seen note, no way to set them, no session to run.
    backend.status = status({ space: { ...status().space, lead: false } });
    render(SpaceView, { id: "space-1", onback: () => {} });
    await screen.findByTestId("on-agenda");
    expect(screen.queryByTestId("seen")).toBeNull();
    expect(screen.queryByRole("button", { name: /to the session/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Run a reflection session" })).toBeNull();
  });

  it("lets the lead remove a member by fingerprint after a plain warning", async () => {
    render(SpaceView, { id: "s-1", onback: () => {} });
    expect(screen.queryByRole("button", { name: "Remove Team lead Ann from the space" })).toBeNull();
    await fireEvent.click(await screen.findByRole("button", { name: "Remove Housing advisor from the space" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remove Housing advisor from the space?" });
    expect(dialog.textContent).toMatch(/already received cannot be recalled/);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Remove Housing advisor" }));
    await waitFor(() => expect(backend.removed).toEqual([["s-1", "1111 2222 3333 4444 5555"]]));
    expect(await screen.findByText("Housing advisor is removed from the space.")).toBeTruthy();
  });

  it("shows the fingerprint a pasted card claims before the lead adds it", async () => {
    render(SpaceView, { id: "s-1", onback: () => {} });
    const field = await screen.findByLabelText("Their member card");
    const code = cardCode({ kind: "eftertanke-member-card", version: 1, name: "Club worker", keys: { age: "age1x", signing: "eA" }, fingerprint: "9999 8888 7777 6666 5555" });
    await fireEvent.input(field, { target: { value: code } });
    expect(screen.getByTestId("invite-fingerprint").textContent).toBe("9999 8888 7777 6666 5555");
    await fireEvent.click(screen.getByRole("button", { name: "Add to the space" }));
    await waitFor(() => expect(backend.invited).toEqual([["s-1", code]]));
    expect(await screen.findByText(/Club worker is added/)).toBeTruthy();
  });

  it("offers no member changes to someone who is not the lead", async () => {
    backend.status = status({ space: { ...status().space, lead: false } });
    render(SpaceView, { id: "s-1", onback: () => {} });
    await screen.findByText("Housing advisor");
    expect(screen.queryByRole("button", { name: /^Remove / })).toBeNull();
    expect(screen.queryByLabelText("Their member card")).toBeNull();
  });

  it("shows only the counts the backend sent, and how many are withheld", async () => {
    render(SpaceView, { id: "s-1", onback: () => {} });
    const counts = await screen.findByTestId("team-counts");
    const row = within(counts).getByRole("rowheader", { name: "2 – Co-implementers" }).closest("tr") as HTMLElement;
    expect(within(row).getByText("4")).toBeTruthy();
    expect(within(counts).getByText("2 contributions are in groups too small to show.")).toBeTruthy();
    const apart = within(counts).getByRole("region", { name: "Shared only as counts" });
    const apartRow = within(apart).getByRole("rowheader", { name: "1 – Consulted" }).closest("tr") as HTMLElement;
    expect(within(apartRow).getByText("5"), "counted apart from the reflections shared one by one").toBeTruthy();
    expect(within(row).queryByText("5")).toBeNull();
    expect(within(apart).getByTestId("counts-only-withheld").textContent).toBe("1 contribution is in a group of fewer than 3 people and is not shown.");
    expect(within(apart).getByText("Counted on 30 November 2026.")).toBeTruthy();
  });

  it("shows the team's timeline between what was shared and the counts", async () => {
    backend.timeline = timeline({
      lanes: [{ initiative: "Danish lessons", lastOn: "2026-03-10", nodes: [teamNode({ title: "Homework café" })] }],
      aggregate: 2,
    });
    render(SpaceView, { id: "s-1", onback: () => {} });
    const section = await screen.findByTestId("team-timeline");
    const lane = within(section).getByRole("list", { name: "Danish lessons" });
    expect(within(lane).getByText("Homework café")).toBeTruthy();
    expect(within(section).getByTestId("timeline-aggregate").textContent).toMatch(/^2 contributions shared only as counts/);
    const order = [...document.querySelectorAll("section h2")].map((h) => h.textContent);
    expect(order.indexOf("The team's timeline")).toBeGreaterThan(order.indexOf("What you shared"));
    expect(order.indexOf("The team's timeline")).toBeLessThan(order.indexOf("The team's counts"));
  });

  it("reads everything again when the app read the folder on its own, and stops listening when closed", async () => {
    const { unmount } = render(SpaceView, { id: "s-1", onback: () => {} });
    expect(await screen.findByTestId("team-timeline-empty")).toBeTruthy();
    backend.timeline = timeline({
      lanes: [{ initiative: null, lastOn: "2026-03", nodes: [teamNode({ title: "Street party", scope: "anonymous", author: null, occurredOn: "2026-03" })] }],
    });
    backend.entries = [...backend.entries, shared({ id: "sh-new", title: "Arrived", newComments: 2 })];
    for (const cb of backend.listeners) cb();
    expect(await screen.findByText("Street party")).toBeTruthy();
    // Said aloud, in a live region: what arrived while the space was open.
    await waitFor(() => expect(screen.getByTestId("arrivals").textContent).toBe("A colleague shared 1 reflection. 2 new comments arrived."));
    expect(screen.getByTestId("arrivals").getAttribute("role")).toBe("status");
    unmount();
    expect(backend.listeners.size, "a closed space no longer listens").toBe(0);
  });
});
