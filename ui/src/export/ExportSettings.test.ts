import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ImportPreview, ImportReport } from "../ipc";

const backend = vi.hoisted(() => ({
  preview: null as ImportPreview | null,
  imports: [] as { path: string; accept: string[] }[],
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    importPreview: vi.fn(async () => backend.preview),
    getGuide: vi.fn(async () => ({
      steps: [{ questions: [{ id: "headline", label: { en: "Headline", da: "Overskrift" } }] }],
    })),
    importEntries: vi.fn(async (path: string, _pass: string | null, accept: string[]): Promise<ImportReport> => {
      backend.imports.push({ path, accept });
      const changes = backend.preview?.changes.length ?? 0;
      return { added: 2, updated: accept.length, unchanged: 0, deletedHere: 0, declined: changes - accept.length, initiatives: 0, links: 0 };
    }),
  };
});

import ExportSettings from "./ExportSettings.svelte";
import { i18n } from "../i18n/i18n.svelte";

const change = (id: string, title: string) => ({
  id,
  title,
  occurredOn: "2026-11-02",
  titleInFile: "Ændret i hånden",
  changed: ["headline", "tags"],
  guideId: "co-production",
  guideVersion: 1,
});

describe("importing a journal's export", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.imports = [];
    i18n.set("en");
  });

  it("imports at once when the file changes nothing here", async () => {
    backend.preview = { added: 2, changes: [], unchanged: 0, deletedHere: 0 };
    render(ExportSettings);
    await fireEvent.input(screen.getByLabelText("File to import"), { target: { value: "/home/ab/ud.json" } });
    await fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await waitFor(() => expect(backend.imports).toEqual([{ path: "/home/ab/ud.json", accept: [] }]));
    expect((await screen.findByTestId("import-notice")).textContent).toBe("2 added, 0 updated, 0 already here.");
  });

  it("names each reflection it would change and replaces only the ones ticked", async () => {
    backend.preview = { added: 2, changes: [change("e-1", "Møde i klubben"), change("e-2", "Gårdfest")], unchanged: 0, deletedHere: 0 };
    render(ExportSettings);
    await fireEvent.input(screen.getByLabelText("File to import"), { target: { value: "/home/ab/ud.json" } });
    await fireEvent.click(screen.getByRole("button", { name: "Import" }));
    const list = await screen.findByTestId("import-changes");
    expect(list.textContent).toMatch(/The file would change 2 reflections you have/);
    expect(list.textContent).toMatch(/Møde i klubben/);
    expect(list.textContent).toMatch(/in the file: “Ændret i hånden”/);
    expect(list.textContent).toMatch(/Differs: Headline, tags/);
    expect(backend.imports).toEqual([]);
    await fireEvent.click(screen.getByLabelText(/Gårdfest/));
    await fireEvent.click(screen.getByRole("button", { name: "Import, and replace the ones ticked" }));
    await waitFor(() => expect(backend.imports).toEqual([{ path: "/home/ab/ud.json", accept: ["e-2"] }]));
    expect((await screen.findByTestId("import-notice")).textContent).toBe(
      "2 added, 1 updated, 0 already here. 1 reflection here was left as it is.",
    );
    expect(screen.queryByTestId("import-changes")).toBeNull();
  });

  it("cancels without importing anything", async () => {
    backend.preview = { added: 0, changes: [change("e-1", "Møde i klubben")], unchanged: 0, deletedHere: 0 };
    render(ExportSettings);
    await fireEvent.input(screen.getByLabelText("File to import"), { target: { value: "/home/ab/ud.json" } });
    await fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByTestId("import-changes");
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("import-changes")).toBeNull();
    expect(backend.imports).toEqual([]);
  });
});
