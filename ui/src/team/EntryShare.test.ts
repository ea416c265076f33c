import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { entry, guide, space } from "./fakes";

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    getEntry: vi.fn(async () => entry),
    getGuide: vi.fn(async () => guide),
    entryDocument: vi.fn(async () => ({ sections: [] })),
    linksOf: vi.fn(async () => ({ to: [], from: [] })),
    listEntries: vi.fn(async () => ({ entries: [], nextCursor: null })),
    listSpaces: vi.fn(async () => [space]),
    entryComments: vi.fn(async () => []),
  };
});

import EntryView from "../journal/EntryView.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("sharing from a reflection's own page", () => {
  afterEach(() => cleanup());
  beforeEach(() => i18n.set("da"));

  it("opens the share dialog from its button, and gives focus back to it on close", async () => {
    render(EntryView, { id: "e-1", justSaved: false });
    const button = await screen.findByRole("button", { name: "Del med teamet" });
    button.focus();
    await fireEvent.click(button);
    const dialog = await screen.findByRole("dialog", { name: "Del med teamet" });
    await within(dialog).findByRole("radio", { name: /Uden navn/ });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Annuller" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it("shows no team section for a reflection shared nowhere", async () => {
    render(EntryView, { id: "e-1", justSaved: false });
    await screen.findByRole("button", { name: "Del med teamet" });
    expect(screen.queryByTestId("entry-comments")).toBeNull();
  });
});
