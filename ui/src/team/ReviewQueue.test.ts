import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReviewFilter, ReviewItem, SharedEntryView } from "../ipc";
import { status } from "./fakes";

const view = (over: Partial<SharedEntryView>): SharedEntryView => ({
  id: "sh-1",
  scope: "named",
  author: "Housing advisor",
  mine: false,
  entryId: null,
  changedSinceShared: false,
  onAgenda: false,
  seen: false,
  newComments: 0,
  revision: 1,
  updatedAt: "2026-03-12T10:00:00Z",
  title: "Homework café",
  occurredOn: "2026-03-10",
  outcome: "failed",
  initiative: "Homework",
  body: { level: 3 },
  conflict: false,
  ...over,
});

const backend = vi.hoisted(() => ({
  items: [] as ReviewItem[],
  reviewedAt: null as string | null,
  asked: [] as ReviewFilter[],
  marked: [] as string[][],
  heard: null as (() => void) | null,
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    reviewQueue: vi.fn(async (_space: string, filter: ReviewFilter) => {
      backend.asked.push(filter);
      const items = backend.items.filter((i) => !filter.outcome || i.entry.outcome === filter.outcome);
      return { items, reviewedAt: backend.reviewedAt };
    }),
    markReviewed: vi.fn(async (_space: string, shown: string[]) => {
      backend.marked.push(shown);
      backend.items = [];
      backend.reviewedAt = "2026-03-14T10:00:00.000000Z";
      return null;
    }),
  };
});

vi.mock("./live", async (importOriginal) => {
  const real = await importOriginal<typeof import("./live")>();
  return { ...real, onSpacesRead: vi.fn((cb: () => void) => ((backend.heard = cb), () => (backend.heard = null))) };
});

import ReviewQueue from "./ReviewQueue.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("the team lead's review queue", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.items = [
      { entry: view({}), arrivedAt: "2026-03-14T09:00:00.000000Z" },
      { entry: view({ id: "sh-2", title: "Street party", outcome: "succeeded", author: null, scope: "anonymous", occurredOn: "2026-02" }), arrivedAt: "2026-03-13" },
    ];
    backend.reviewedAt = null;
    backend.asked = [];
    backend.marked = [];
    i18n.set("en");
  });

  it("lists what arrived newest first, with who shared it, and narrows through the core", async () => {
    render(ReviewQueue, { status: status(), initiatives: ["Homework"] });
    const section = await screen.findByRole("region", { name: "To review" });
    await within(section).findByText("2 reflections to review");
    const rows = within(section).getAllByRole("listitem");
    expect(rows.map((r) => r.dataset.review)).toEqual(["sh-1", "sh-2"]);
    expect(within(rows[0]!).getByText(/by Housing advisor/)).toBeTruthy();
    expect(within(rows[1]!).getByText(/without a name/)).toBeTruthy();
    expect(rows[1]!.textContent, "an anonymous share arrived on a day, never at a time").toContain("arrived on 13 March 2026 (without a name, only the day)");
    expect(rows[0]!.textContent).toMatch(/arrived 14 Mar 2026,? \d\d:\d\d/);
    expect(within(rows[0]!).getByText("Level 3 of 4")).toBeTruthy();
    // What the team shared, by initiative, outcome and level: never narrowed to one person.
    expect(within(section).queryByLabelText("Member")).toBeNull();
    expect([...section.querySelectorAll("select")].map((s) => s.dataset.filter)).toEqual(["initiative", "outcome", "level"]);
    await fireEvent.change(within(section).getByLabelText("Outcome"), { target: { value: "succeeded" } });
    await waitFor(() => expect(backend.asked.at(-1)).toEqual({ initiative: null, outcome: "succeeded", level: null }));
    await within(section).findByText("1 reflection to review");
    expect(within(section).queryByRole("button", { name: "Mark as gone through" }), "not while narrowed: it would mark what is hidden").toBeNull();
  });

  it("marks exactly what it shows, and says what that means", async () => {
    render(ReviewQueue, { status: status(), initiatives: [] });
    await fireEvent.click(await screen.findByRole("button", { name: "Mark as gone through" }));
    await waitFor(() => expect(backend.marked).toEqual([["sh-1", "sh-2"]]));
    expect(await screen.findByText(/^Gone through\./)).toBeTruthy();
    expect(screen.getByTestId("review-empty").textContent).toBe("Nothing new to review.");
    expect(screen.getByText(/since you last went through the space/)).toBeTruthy();
  });

  it("takes each item to its place in the team's list, where its comments and the session's mark are", async () => {
    const row = document.createElement("li");
    row.dataset.shared = "sh-2";
    row.tabIndex = -1;
    row.scrollIntoView = vi.fn();
    document.body.append(row);
    render(ReviewQueue, { status: status(), initiatives: [] });
    await fireEvent.click(await screen.findByRole("button", { name: "Comment or take to the session: “Street party”" }));
    expect(document.activeElement).toBe(row);
    row.remove();
  });

  it("reads the queue again when the app read the folder on its own", async () => {
    backend.items = [];
    render(ReviewQueue, { status: status(), initiatives: [] });
    await screen.findByTestId("review-empty");
    backend.items = [{ entry: view({ title: "Arrived by itself" }), arrivedAt: "2026-03-15T09:00:00.000000Z" }];
    backend.heard?.();
    expect(await screen.findByText("Arrived by itself")).toBeTruthy();
  });
});
