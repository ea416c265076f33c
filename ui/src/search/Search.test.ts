import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SearchHit } from "../ipc";
import type { SearchRequest } from "../ipc/bindings/SearchRequest";
import { guide } from "../team/fakes";

const hit = (id: string, title: string, word: string): SearchHit => ({
  id,
  occurredOn: "2026-03-12",
  outcome: "failed",
  complete: true,
  initiative: "Lektiecafé",
  title: [{ text: title, hit: false }],
  snippet: [
    { text: "Så kom ", hit: false },
    { text: word, hit: true },
    { text: " <b>ikke</b> med kage.", hit: false },
  ],
  question: "notes",
  guideId: "g",
  guideVersion: 2,
});

const backend = vi.hoisted(() => ({ asked: [] as SearchRequest[], slowFirst: false, overtakeNext: false }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    listInitiatives: vi.fn(async () => []),
    listTags: vi.fn(async () => []),
    getGuide: vi.fn(async () => guide),
    searchEntries: vi.fn(async (request: SearchRequest) => {
      backend.asked.push(request);
      const n = backend.asked.length;
      if (backend.slowFirst && n === 1) await new Promise((r) => setTimeout(r, 200));
      if (backend.overtakeNext) {
        backend.overtakeNext = false;
        throw { kind: "cancelled", message: "a search overtaken by a newer one", field: null, problem: null };
      }
      const text = request.text.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) return { hits: [], total: 0, more: false, terms: [] };
      if (text === "kanariefugl") return { hits: [], total: 0, more: false, terms: ["kanariefugl"] };
      const hits = [hit("a", `Første ${text}`, "Beboerforeningen"), hit("b", `Anden ${text}`, "foreningen")];
      // The core counts up to 1,000 and says "more" past it.
      if (text === "beboerne") return { hits, total: 1000, more: true, terms: [text] };
      return { hits, total: 7, more: false, terms: [text] };
    }),
  };
});

import Search from "./Search.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { router } from "../shell/router.svelte";
import { forgetSearch } from "./state.svelte";

describe("search", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.asked = [];
    backend.slowFirst = false;
    backend.overtakeNext = false;
    forgetSearch();
    i18n.set("en");
    router.go({ name: "search" });
  });

  it("searches as the person types, marks the hits as text, and says how many it found", async () => {
    render(Search);
    const field = screen.getByLabelText("Search for");
    expect(document.activeElement).toBe(field);
    await fireEvent.input(field, { target: { value: "forening" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("7 reflections found"));
    expect(screen.getByTestId("search-count").textContent).toContain("Showing the best 2 of 7.");
    const marks = [...document.querySelectorAll("mark")].map((m) => m.textContent);
    expect(marks).toEqual(["Beboerforeningen", "foreningen"]);
    expect(document.querySelector("b"), "a text that looks like markup stays text").toBeNull();
    expect(screen.getAllByText(/<b>ikke<\/b>/).length).toBe(2);
    expect((await screen.findAllByText("In “What happened?”:")).length, "the question the snippet answers, from its guide").toBe(2);
    expect(backend.asked.at(-1)).toMatchObject({ text: "forening", foldAa: false, limit: 20 });
    // The first page first; the rest when asked for, and the first page again on the next key.
    await fireEvent.click(screen.getByRole("button", { name: "Show more results" }));
    await waitFor(() => expect(backend.asked.at(-1)).toMatchObject({ text: "forening", limit: 100 }));
    await fireEvent.input(field, { target: { value: "foreningen" } });
    await waitFor(() => expect(backend.asked.at(-1)).toMatchObject({ text: "foreningen", limit: 20 }));
  });

  it("asks again when the newest search ended overtaken by an older one that reached the core later", async () => {
    render(Search);
    backend.overtakeNext = true;
    await fireEvent.input(screen.getByLabelText("Search for"), { target: { value: "forening" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("7 reflections found"));
    expect(screen.getByTestId("search-count").textContent).not.toContain("did not work");
    expect(backend.asked.map((r) => r.text)).toEqual(["forening", "forening"]);
  });

  it("says 'more than 1,000' where the core stopped counting, in either language", async () => {
    render(Search);
    const field = screen.getByLabelText("Search for");
    await fireEvent.input(field, { target: { value: "beboerne" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("More than 1,000 reflections found"));
    expect(screen.getByTestId("search-count").textContent).toContain("Showing the best 2 of the most recently written.");
    expect(screen.getByTestId("search-count").textContent).not.toContain("of 1,000");
    cleanup();
    i18n.set("da");
    render(Search);
    await fireEvent.input(screen.getByLabelText("Søg efter"), { target: { value: "beboerne" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("Flere end 1.000 refleksioner fundet"));
    expect(screen.getByTestId("search-count").textContent).toContain("Viser de 2 bedste blandt de senest skrevne.");
  });

  it("goes from the field to the results with the arrow keys and opens one with Enter", async () => {
    render(Search);
    const field = screen.getByLabelText("Search for");
    await fireEvent.input(field, { target: { value: "forsøg" } });
    await waitFor(() => expect(screen.getAllByRole("button", { name: /forsøg/ }).length).toBe(2));
    await fireEvent.keyDown(field, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Første forsøg"));
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("Anden forsøg");
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement, "up from the first result is back in the field").toBe(field);
    await fireEvent.keyDown(field, { key: "Enter" });
    expect(router.view).toEqual({ name: "entry", id: "a" });
  });

  it("says plainly when nothing is found, and when the text holds no word", async () => {
    render(Search);
    const field = screen.getByLabelText("Search for");
    await fireEvent.input(field, { target: { value: "kanariefugl" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("No reflection holds “kanariefugl”."));
    await fireEvent.input(field, { target: { value: "*" } });
    await waitFor(() => expect(screen.getByTestId("search-count").textContent).toContain("Type a word to search for."));
  });

  it("shows the newest answer even when an older one arrives after it", async () => {
    backend.slowFirst = true;
    render(Search);
    const field = screen.getByLabelText("Search for");
    await fireEvent.input(field, { target: { value: "mød" } });
    await new Promise((r) => setTimeout(r, 90));
    await fireEvent.input(field, { target: { value: "mødre" } });
    await waitFor(() => expect(screen.getAllByRole("button", { name: /Første mødre/ }).length).toBe(1));
    await new Promise((r) => setTimeout(r, 250));
    expect(screen.queryByRole("button", { name: "Første mød" })).toBeNull();
  });

  it("asks with the fold when the person ticks it", async () => {
    render(Search);
    await fireEvent.input(screen.getByLabelText("Search for"), { target: { value: "Aarhus" } });
    await fireEvent.click(screen.getByLabelText(/Read “aa” as “å”/));
    await waitFor(() => expect(backend.asked.at(-1)).toMatchObject({ text: "Aarhus", foldAa: true }));
  });
});
