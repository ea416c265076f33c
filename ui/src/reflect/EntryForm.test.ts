import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftInput, EntryInput } from "../ipc";

// The form talks to the backend only through ../ipc; here that door leads to fakes.
const backend = vi.hoisted(() => ({
  drafts: [] as DraftInput[],
  created: [] as { input: EntryInput; draftId: string | null }[],
  createError: null as unknown,
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    saveDraft: vi.fn(async (draft: DraftInput) => {
      backend.drafts.push(draft);
      return { id: "d-1", entryId: null, input: draft.input, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
    }),
    createEntry: vi.fn(async (input: EntryInput, draftId: string | null) => {
      if (backend.createError) throw backend.createError;
      backend.created.push({ input, draftId });
      return { id: "e-1", ...input };
    }),
  };
});

import EntryForm from "./EntryForm.svelte";
import { router } from "../shell/router.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("EntryForm", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.drafts = [];
    backend.created = [];
    backend.createError = null;
    i18n.set("en");
    router.go({ name: "new" });
  });

  it("autosaves typing as a draft and says so only once it is stored", async () => {
    render(EntryForm, {});
    const title = screen.getByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Course for mothers" } });
    expect(screen.queryByText(/Draft saved/)).toBeNull();
    await waitFor(() => expect(backend.drafts.at(-1)?.input.title).toBe("Course for mothers"), { timeout: 3000 });
    await waitFor(() => expect(screen.getByText(/Draft saved/)).toBeTruthy());
  });

  it("shows the backend's field error on that field and keeps the text", async () => {
    backend.createError = { kind: "invalid_input", message: "title: a title is required", field: "title", problem: "required" };
    render(EntryForm, {});
    await fireEvent.input(screen.getByLabelText("What happened?"), { target: { value: "Few came." } });
    await fireEvent.click(screen.getByRole("button", { name: "Save reflection" }));
    await waitFor(() => expect(screen.getByText("This is required.")).toBeTruthy());
    const title = screen.getByLabelText("Title");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect((screen.getByLabelText("What happened?") as HTMLTextAreaElement).value).toBe("Few came.");
    expect(router.view.name).toBe("new");
  });

  it("saves through the draft and opens the saved entry", async () => {
    render(EntryForm, {});
    await fireEvent.input(screen.getByLabelText("Title"), { target: { value: "Course" } });
    await fireEvent.click(screen.getByLabelText("Failed"));
    await fireEvent.click(screen.getByRole("button", { name: "Save reflection" }));
    await waitFor(() => expect(router.view).toMatchObject({ name: "entry", id: "e-1", justSaved: true }));
    expect(backend.created[0]?.input).toMatchObject({ title: "Course", outcome: "failed" });
    expect(backend.created[0]?.draftId).toBe("d-1");
  });
});
