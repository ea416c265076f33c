import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EntryDocument, EntryVersion } from "../ipc";
import { entry } from "../team/fakes";

const doc = (what: string): EntryDocument => ({
  locale: "en",
  guide: "Test guide",
  sections: [
    {
      step: "one",
      title: "First",
      items: [
        { question: "headline", label: "Headline", feeds: "title", answer: { type: "text", text: "Homework café" } },
        { question: "notes", label: "What happened?", feeds: "what_happened", answer: { type: "text", text: what } },
      ],
    },
  ],
});

const backend = vi.hoisted(() => ({ versionCalls: 0, restored: [] as number[] }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  const versions: EntryVersion[] = [
    { revision: 3, savedAt: "2026-12-03T10:00:00Z", current: true, changed: ["notes"] },
    { revision: 2, savedAt: "2026-12-02T10:00:00Z", current: false, changed: ["tags"] },
    { revision: 1, savedAt: "2026-12-01T10:00:00Z", current: false, changed: [] },
  ];
  return {
    ...real,
    entryHistory: vi.fn(async () => versions),
    entryDocument: vi.fn(async () => doc("Five came <b>late</b>.")),
    entryVersion: vi.fn(async (_id: string, revision: number) => {
      backend.versionCalls += 1;
      return {
        version: versions.find((v) => v.revision === revision)!,
        document: doc(revision === 3 ? "Five came <b>late</b>." : "Three came."),
        tags: [],
        differsFromCurrent: revision === 3 ? [] : ["notes"],
      };
    }),
    restoreVersion: vi.fn(async (_id: string, revision: number) => {
      backend.restored.push(revision);
      return { ...entry, revision: 4 };
    }),
  };
});

import History from "./History.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("an entry's history", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.versionCalls = 0;
    backend.restored = [];
    i18n.set("en");
  });

  it("lists the versions, shows one beside the entry now and restores it", async () => {
    const onrestored = vi.fn();
    const { container } = render(History, { entry: { ...entry, revision: 3 }, onrestored });
    await fireEvent.click(screen.getByText("History"));
    (container.querySelector("details") as HTMLDetailsElement).open = true;
    await fireEvent(container.querySelector("details")!, new Event("toggle"));
    await waitFor(() => expect(screen.getByText("3 saved versions")).toBeTruthy());
    expect(screen.getByText("as it is now")).toBeTruthy();
    expect(screen.getByText("the first version")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("changed: Tags")).toBeTruthy());

    await fireEvent.click(screen.getByRole("button", { name: /^Version 1, saved/ }));
    const row = await waitFor(() => {
      const r = container.querySelector("tr[data-question=notes]");
      expect(r).toBeTruthy();
      return r!;
    });
    expect([...row.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["Three came.", "Five came <b>late</b>."]);
    expect(container.querySelector("b"), "an answer is text, never markup").toBeNull();
    const calls = backend.versionCalls;
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.versionCalls, "choosing a version reads it once, not in a loop").toBe(calls);

    vi.spyOn(window, "confirm").mockReturnValue(true);
    await fireEvent.click(screen.getByRole("button", { name: "Restore version 1" }));
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(backend.restored).toEqual([1]);
    expect(onrestored.mock.calls[0]![1]).toBe(1);
  });

  it("offers no restore for the version that is the entry now", async () => {
    const { container } = render(History, { entry: { ...entry, revision: 3 }, onrestored: () => undefined });
    (container.querySelector("details") as HTMLDetailsElement).open = true;
    await fireEvent(container.querySelector("details")!, new Event("toggle"));
    await fireEvent.click(await screen.findByRole("button", { name: /^Version 3, saved/ }));
    await waitFor(() => expect(screen.getByText("This version is the reflection as it is now.")).toBeTruthy());
    expect(screen.queryByRole("button", { name: /Restore/ })).toBeNull();
  });
});
