import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncReport } from "../ipc";
import { status } from "./fakes";

const backend = vi.hoisted(() => ({ synced: [] as [string, boolean][] }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    syncSpace: vi.fn(async (space: string, allow: boolean): Promise<SyncReport> => {
      backend.synced.push([space, allow]);
      return { notOurs: 0, cut: false, rosters: 0, bundles: allow ? 1 : 0, records: allow ? 7 : 0, unchanged: 0, waiting: 0, rejected: [] };
    }),
  };
});

import FolderState from "./FolderState.svelte";
import { i18n } from "../i18n/i18n.svelte";

const held = { name: "members/ab12/00000030-x.bundle", code: "mass_withdrawal", reason: "it withdraws 7 records at once" };

describe("the folder's state: a file waiting for a yes, and chains that do not hold", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.synced = [];
    i18n.set("en");
  });

  it("is read only after the person says yes in a dialog, and a no reads nothing", async () => {
    const onread = vi.fn(async () => {});
    render(FolderState, { status: status({ rejected: [held] }), onread });
    expect(screen.getByText("It takes back many shares at once, so it waits until you agree to read it.")).toBeTruthy();
    const ask = screen.getByRole("button", { name: "Read the file that takes many shares back…" });
    await fireEvent.click(ask);
    let dialog = await screen.findByRole("alertdialog", { name: "Take back many shares at once?" });
    expect(dialog.textContent).toMatch(/If you are unsure, ask them first/);
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(backend.synced).toEqual([]);

    await fireEvent.click(ask);
    dialog = await screen.findByRole("alertdialog");
    await fireEvent.click(screen.getByRole("button", { name: "Read it and take them back" }));
    await waitFor(() => expect(backend.synced).toEqual([["s-1", true]]));
    expect(onread).toHaveBeenCalledOnce();
    expect(screen.getByTestId("sync-result").textContent).toBe("1 new file read, with 7 reflections or changes.");
  });

  it("is not offered for files refused for other reasons, and a plain read never agrees", async () => {
    render(FolderState, { status: status({ rejected: [{ ...held, code: "bad_signature" }] }), onread: vi.fn(async () => {}) });
    expect(screen.queryByRole("button", { name: /takes many shares back/ })).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Read the folder now" }));
    await waitFor(() => expect(backend.synced).toEqual([["s-1", false]]));
  });

  it("sums up what is not Eftertanke's, names a file among the member lists, and tells the lead how to settle a fork", async () => {
    const notARoster = { name: "rosters/000099-ffff.roster", code: "not_a_roster", reason: "it is a file in the folder that is not a roster" };
    render(FolderState, { status: status({ notOurs: 312, rosterForks: [4], rejected: [notARoster] }), onread: vi.fn(async () => {}) });
    expect(screen.getByTestId("not-ours").textContent).toBe("312 files in the space's folder are not Eftertanke's. They were left alone.");
    expect(screen.getByText(/it is not one of this space's, or it cannot be opened here. It changes nothing./)).toBeTruthy();
    expect(screen.getByTestId("roster-fork").textContent).toMatch(/two different member lists for change 4, both made by you.*Add or remove a member once more/);
    cleanup();
    i18n.set("da");
    render(FolderState, { status: status({ notOurs: 1 }), onread: vi.fn(async () => {}) });
    expect(screen.getByTestId("not-ours").textContent).toBe("1 fil i rummets mappe er ikke Eftertankes. Den blev ladt i fred.");
  });

  it("names where a member's chain of shares does not hold together, and says nothing was lost", async () => {
    render(FolderState, {
      status: status({
        chainBreaks: [
          { member: "Housing advisor", seq: 2, problem: "unlinked" },
          { member: "Housing advisor", seq: 3, problem: "fork" },
        ],
      }),
      onread: vi.fn(async () => {}),
    });
    expect(screen.getByRole("heading", { name: "Shares that do not follow on" })).toBeTruthy();
    expect(screen.getByText(/same Eftertanke journal on two computers.*nothing is lost/)).toBeTruthy();
    const items = document.querySelectorAll("li[data-chain]");
    expect([...items].map((li) => li.textContent)).toEqual([
      "Housing advisor: share number 2 does not follow on from the one before it",
      "Housing advisor: two different shares both carry number 3",
    ]);
  });

  it("says how many of your shares without a name wait for their moment", () => {
    render(FolderState, { status: status({ waiting: 2 }), onread: vi.fn(async () => {}) });
    expect(screen.getByTestId("waiting").textContent).toMatch(/^2 of your shares without a name wait for a random moment within the next hours/);
    cleanup();
    render(FolderState, { status: status(), onread: vi.fn(async () => {}) });
    expect(screen.queryByTestId("waiting")).toBeNull();
  });

  it("shows no chain section when every chain holds", () => {
    render(FolderState, { status: status(), onread: vi.fn(async () => {}) });
    expect(screen.queryByRole("heading", { name: "Shares that do not follow on" })).toBeNull();
  });

  it("drops what the last read said once the app has read the folder again on its own", async () => {
    const onread = vi.fn(async () => {});
    const first = status({ lastReadAt: "2026-03-13T09:30:00Z" });
    const { rerender } = render(FolderState, { status: first, onread });
    await fireEvent.click(screen.getByRole("button", { name: "Read the folder now" }));
    await waitFor(() => expect(screen.getByTestId("sync-result").textContent).toBe("Nothing new in the folder."));
    await rerender({ status: { ...first }, onread });
    expect(screen.getByTestId("sync-result").textContent, "the same read").toBe("Nothing new in the folder.");
    await rerender({ status: status({ lastReadAt: "2026-03-13T09:31:00Z" }), onread });
    expect(screen.getByTestId("sync-result").textContent).toBe("");
  });
});
