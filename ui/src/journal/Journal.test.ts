import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntrySummary } from "../ipc";
import { entry, guide, space } from "../team/fakes";

const summary = (id: string, title: string): EntrySummary => ({
  id,
  occurredOn: "2026-03-12",
  title,
  outcome: "failed",
  initiative: null,
  guideId: "g",
  complete: true,
  participationLevel: 2,
  excerpt: "",
  updatedAt: "2026-03-12T10:00:00Z",
});

const backend = vi.hoisted(() => ({ opened: [] as string[], failOpen: false }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  const titles: Record<string, string> = { a: "Course for mothers", b: "Football evening", c: "Homework café" };
  return {
    ...real,
    listEntries: vi.fn(async () => ({ entries: ["a", "b", "c"].map((id) => summary(id, titles[id]!)), nextCursor: null })),
    listDrafts: vi.fn(async () => []),
    overdueActions: vi.fn(async () => []),
    listSpaces: vi.fn(async () => [space]),
    getGuide: vi.fn(async () => guide),
    getEntry: vi.fn(async (id: string) => {
      backend.opened.push(id);
      if (backend.failOpen) throw { kind: "not_found", message: "no such entry", field: null, problem: null };
      return { ...entry, id, title: titles[id]! };
    }),
  };
});

import Journal from "./Journal.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("choosing reflections to share together", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.opened = [];
    backend.failOpen = false;
    i18n.set("en");
  });

  it("ticks reflections, counts them, and opens one share dialog with them in the list's order", async () => {
    render(Journal);
    await fireEvent.click(await screen.findByRole("button", { name: "Choose reflections to share" }));
    const bar = screen.getByRole("group", { name: "Choose reflections to share" });
    const share = within(bar).getByRole("button", { name: "Share the chosen" }) as HTMLButtonElement;
    expect(share.disabled, "nothing chosen, nothing to share").toBe(true);
    expect(within(bar).getByRole("status").textContent).toBe("None chosen yet.");
    // Ticked out of order: the dialog keeps the list's order.
    await fireEvent.click(screen.getByRole("checkbox", { name: "Choose “Homework café”" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Choose “Course for mothers”" }));
    expect(within(bar).getByRole("status").textContent).toBe("2 reflections chosen");
    expect(share.disabled).toBe(false);
    await fireEvent.click(share);
    const dialog = await screen.findByRole("dialog", { name: "Share with the team" });
    expect(backend.opened).toEqual(["a", "c"]);
    await fireEvent.click(await within(dialog).findByRole("radio", { name: /With your name/ }));
    expect(within(dialog).getAllByTestId("share-preview").map((p) => p.dataset.entry)).toEqual(["a", "c"]);
  });

  it("unticks, and stops choosing without sharing anything", async () => {
    render(Journal);
    await fireEvent.click(await screen.findByRole("button", { name: "Choose reflections to share" }));
    const box = screen.getByRole("checkbox", { name: "Choose “Football evening”" });
    await fireEvent.click(box);
    expect(screen.getByTestId("selection-count").textContent).toBe("1 reflection chosen");
    await fireEvent.click(box);
    expect(screen.getByTestId("selection-count").textContent).toBe("None chosen yet.");
    await fireEvent.click(box);
    await fireEvent.click(screen.getByRole("button", { name: "Stop choosing" }));
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.getAllByRole("button", { name: /Football evening/ })).toHaveLength(1);
    await fireEvent.click(screen.getByRole("button", { name: "Choose reflections to share" }));
    expect((screen.getByRole("checkbox", { name: "Choose “Football evening”" }) as HTMLInputElement).checked, "a new choice starts empty").toBe(false);
    expect(backend.opened).toEqual([]);
  });

  it("says so when a chosen reflection cannot be opened, and opens no dialog", async () => {
    backend.failOpen = true;
    render(Journal);
    await fireEvent.click(await screen.findByRole("button", { name: "Choose reflections to share" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "Choose “Football evening”" }));
    await fireEvent.click(screen.getByRole("button", { name: "Share the chosen" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^The chosen reflections could not be opened for sharing\./));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
