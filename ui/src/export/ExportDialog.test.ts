import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportRequest, Progress } from "../ipc";

const backend = vi.hoisted(() => ({
  requests: [] as ExportRequest[],
  cancelled: 0,
  release: null as null | (() => void),
  findings: true,
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    appStatus: vi.fn(async () => ({ passphraseMinChars: 10 })),
    suggestedExportPath: vi.fn(async (format: string) => `/home/sara/Documents/refleksioner.${format === "markdown" ? "md" : format}`),
    exportFindings: vi.fn(async () =>
      backend.findings ? [{ entry: "e-1", title: "Opkald", question: "notes", kind: "phone", text: "22 34 56 78" }] : [],
    ),
    cancelLongWork: vi.fn(async () => {
      backend.cancelled += 1;
      backend.release?.();
      return null;
    }),
    exportEntries: vi.fn(async (request: ExportRequest, onProgress: (p: Progress) => void) => {
      backend.requests.push(request);
      onProgress({ done: 1, total: 3 });
      if (request.path.includes("many")) {
        throw { kind: "invalid_input", message: "a PDF holds at most 1000 entries", field: "entries", problem: "too_long" };
      }
      if (request.format === "pdf") onProgress({ done: 3, total: 3 });
      if (request.path.includes("slow")) {
        await new Promise<void>((r) => (backend.release = r));
        throw { kind: "cancelled", message: "the export was cancelled", field: null, problem: null };
      }
      return { files: [request.path + (request.passphrase ? ".age" : "")], entries: 3, leftOut: 0, replaced: 1, encrypted: request.passphrase !== null };
    }),
  };
});

import ExportDialog from "./ExportDialog.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("the export dialog", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.requests = [];
    backend.cancelled = 0;
    backend.findings = true;
    i18n.set("en");
  });

  it("shows what the guard found, sends the person's choice and says where the file went", async () => {
    render(ExportDialog, { entries: ["e-1"], onclose: () => undefined });
    await screen.findByText("1 thing looks like personal data");
    expect(screen.getByText("A phone number in “Opkald”")).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText("Save as") as HTMLInputElement).value).toBe("/home/sara/Documents/refleksioner.json"));
    await fireEvent.click(screen.getByLabelText("Leave out the reflections they are in"));
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await screen.findByTestId("export-done");
    expect(backend.requests[0]).toMatchObject({ format: "json", entries: ["e-1"], findings: "leave_out", passphrase: null, locale: "en" });
    expect(screen.getByText("/home/sara/Documents/refleksioner.json")).toBeTruthy();
    expect(screen.getByText(/anyone who can open it can read/)).toBeTruthy();
  });

  it("asks for the passphrase twice and encrypts with it", async () => {
    backend.findings = false;
    render(ExportDialog, { entries: [], onclose: () => undefined });
    await screen.findByText("The guard found no personal data in what is exported.");
    await fireEvent.click(screen.getByLabelText("Encrypt the file with a passphrase"));
    await fireEvent.input(screen.getByLabelText("Passphrase for the file"), { target: { value: "nine char" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    expect((await screen.findByRole("alert")).textContent).toContain("at least 10");
    await fireEvent.input(screen.getByLabelText("Passphrase for the file"), { target: { value: "en lang frase" } });
    await fireEvent.input(screen.getByLabelText("The same passphrase again"), { target: { value: "en lang frase!" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    expect((await screen.findByRole("alert")).textContent).toContain("differ");
    expect(backend.requests).toEqual([]);
    await fireEvent.input(screen.getByLabelText("The same passphrase again"), { target: { value: "en lang frase" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await screen.findByText("The file is encrypted with your passphrase.");
    expect(backend.requests[0]).toMatchObject({ passphrase: "en lang frase", findings: "refuse", entries: [] });
  });

  it("shows the progress and stops when asked, writing nothing", async () => {
    backend.findings = false;
    render(ExportDialog, { entries: [], onclose: () => undefined });
    await screen.findByText("The guard found no personal data in what is exported.");
    const path = screen.getByLabelText("Save as");
    await fireEvent.input(path, { target: { value: "/tmp/slow.json" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await screen.findByText("Exported 1 of 3");
    await fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect((await screen.findByTestId("export-error")).textContent).toBe("The export was stopped. Nothing was written.");
    expect(backend.cancelled).toBe(1);
  });

  it("prints a PDF: the layout is named once every entry is read, and too many are refused in words", async () => {
    backend.findings = false;
    render(ExportDialog, { entries: [], onclose: () => undefined });
    await screen.findByText("The guard found no personal data in what is exported.");
    await fireEvent.click(screen.getByLabelText(/^PDF – to print/));
    const path = screen.getByLabelText("Save as") as HTMLInputElement;
    await waitFor(() => expect(path.value).toBe("/home/sara/Documents/refleksioner.pdf"));
    await fireEvent.input(path, { target: { value: "/tmp/slow.pdf" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    await screen.findByText("All are read. Laying out the pages …");
    await fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect((await screen.findByTestId("export-error")).textContent).toBe("The export was stopped. Nothing was written.");
    expect(backend.requests[0]).toMatchObject({ format: "pdf", path: "/tmp/slow.pdf" });

    await fireEvent.input(path, { target: { value: "/tmp/many.pdf" } });
    await fireEvent.click(screen.getByRole("button", { name: "Export" }));
    const error = (await screen.findByTestId("export-error")).textContent ?? "";
    expect(error).toContain("A PDF holds at most 1,000 reflections");
    expect(error).not.toContain("text is too long");
  });
});
