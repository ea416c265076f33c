// Long work in Settings: a backup and a rebuild of the search index show how far they are and
// stop when asked, saying that nothing was kept or changed.
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Progress } from "../ipc";

const backend = vi.hoisted(() => ({ release: null as null | (() => void), cancelled: 0 }));
const stopped = { kind: "cancelled", message: "cancelled", field: null, problem: null };

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    listBackups: vi.fn(async () => ({ backups: [], folder: "/home/sara/.local/share/eftertanke/backups" })),
    cancelLongWork: vi.fn(async () => {
      backend.cancelled += 1;
      backend.release?.();
      return null;
    }),
    backUpNow: vi.fn(async (onProgress: (p: Progress) => void) => {
      onProgress({ done: 45, total: 100 });
      await new Promise<void>((r) => (backend.release = r));
      throw stopped;
    }),
    rebuildSearchIndex: vi.fn(async (onProgress: (p: Progress) => void) => {
      onProgress({ done: 2500, total: 10000 });
      if (backend.cancelled === 0) {
        await new Promise<void>((r) => (backend.release = r));
        throw stopped;
      }
      return 10000;
    }),
  };
});

import Backups from "./Backups.svelte";
import SearchIndex from "./SearchIndex.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("long work in Settings", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.cancelled = 0;
    i18n.set("en");
  });

  it("a backup shows its percentage and a stopped one says no half copy is kept", async () => {
    const settings = { backupsKeep: 7 } as unknown as import("../ipc").Settings;
    render(Backups, { settings, onSaved: () => undefined });
    await fireEvent.click(await screen.findByRole("button", { name: "Back up now" }));
    await screen.findByText("Backing up: 45 %");
    await fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The backup was stopped. No half copy is kept.");
    expect(backend.cancelled).toBe(1);
    expect(screen.getByRole("button", { name: "Back up now" })).toBeTruthy();
  });

  it("the search index is built again with its count, or stopped and left as it was", async () => {
    render(SearchIndex);
    await fireEvent.click(screen.getByRole("button", { name: "Build the search index again" }));
    await screen.findByText("2,500 of 10,000 reflections indexed");
    await fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Stopped. The search index is as it was.");
    await fireEvent.click(screen.getByRole("button", { name: "Build the search index again" }));
    expect((await screen.findByText(/built again/)).textContent).toBe("The search index is built again: 10,000 reflections.");
  });
});
