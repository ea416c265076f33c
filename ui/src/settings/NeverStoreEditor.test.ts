import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const backend = vi.hoisted(() => ({ words: [] as string[], saved: [] as string[][] }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    neverStoreWords: vi.fn(async () => backend.words),
    // The backend trims and drops duplicates; the editor shows what it returns.
    setNeverStoreWords: vi.fn(async (words: string[]) => {
      backend.saved.push(words);
      backend.words = [...new Set(words.map((w) => w.trim()))];
      return backend.words;
    }),
  };
});

import NeverStoreEditor from "./NeverStoreEditor.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("the never-store list", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.words = ["Fatima"];
    backend.saved = [];
    i18n.set("da");
  });

  it("shows the stored words and saves a word added from the keyboard", async () => {
    render(NeverStoreEditor);
    await screen.findByText("Fatima");
    const field = screen.getByLabelText("Ord eller navn");
    await fireEvent.input(field, { target: { value: "Rosenhøj" } });
    await fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(backend.saved.at(-1)).toEqual(["Fatima", "Rosenhøj"]));
    await screen.findByText("Listen er gemt.");
  });

  it("removes a word with its own named button", async () => {
    render(NeverStoreEditor);
    await fireEvent.click(await screen.findByRole("button", { name: "Fjern Fatima" }));
    await waitFor(() => expect(backend.saved.at(-1)).toEqual([]));
  });
});
