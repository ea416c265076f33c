import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Entry, Scope, SpaceInfo } from "../ipc";
import { entry, guide, previewOf, space } from "./fakes";

const backend = vi.hoisted(() => ({
  spaces: [] as SpaceInfo[],
  shares: [] as { space: string; entries: string[]; scope: Scope; acceptFindings: boolean }[],
  /** Errors the next calls of share_entries throw, in turn. */
  refusals: [] as unknown[],
  /** A stand-in for the core's projection (set in beforeEach). */
  preview: (_id: string, _scope: Scope): unknown => null,
  /** The reflections the open dialog was given, for the projection's stand-in. */
  entries: [] as Entry[],
  /** A stand-in for the core's guard: "22 33 44 55" is a phone number, "010203-1234" a CPR number. */
  scan: (text: string) =>
    [
      ...[...text.matchAll(/\d\d \d\d \d\d \d\d/g)].map(() => ({ kind: "phone" })),
      ...[...text.matchAll(/\d{6}-\d{4}/g)].map(() => ({ kind: "cpr" })),
    ],
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    listSpaces: vi.fn(async () => backend.spaces),
    scanText: vi.fn(async (text: string) => backend.scan(text)),
    sharePreview: vi.fn(async (_space: string, id: string, scope: Scope) => backend.preview(id, scope)),
    shareEntries: vi.fn(async (space: string, entries: string[], scope: Scope, acceptFindings: boolean) => {
      backend.shares.push({ space, entries, scope, acceptFindings });
      const refusal = backend.refusals.shift();
      if (refusal) throw refusal;
      return ["shared-1"];
    }),
  };
});

import ShareDialog from "./ShareDialog.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { router } from "../shell/router.svelte";

const refusal = (field: string) => ({ kind: "invalid_input", message: `${field} holds something`, field, problem: "personal_data" });

function open(e = entry) {
  const onclose = vi.fn();
  backend.entries = [e];
  render(ShareDialog, { items: [{ entry: e, guide }], onclose });
  return onclose;
}

describe("sharing a reflection with the team", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.spaces = [space, { ...space, id: "s-2", name: "Club staff" }];
    backend.shares = [];
    backend.refusals = [];
    backend.preview = (id, scope) => previewOf(backend.entries.find((e) => e.id === id) ?? entry, scope);
    i18n.set("en");
    router.go({ name: "entry", id: "e-1" });
  });

  it("sends the space and the scope chosen", async () => {
    open();
    await fireEvent.change(await screen.findByLabelText("Space"), { target: { value: "s-2" } });
    await fireEvent.click(screen.getByRole("radio", { name: /Without a name/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Share" }));
    await waitFor(() => expect(backend.shares).toEqual([{ space: "s-2", entries: ["e-1"], scope: "anonymous", acceptFindings: false }]));
    const done = await screen.findByTestId("share-done");
    expect(done.textContent).toBe(
      "Shared in Club staff. Without your name, it is written to the folder at a random moment within the next hours while Eftertanke is open.",
    );
    expect(screen.getByText(/withdraw it at any time under Team spaces › Club staff › What you shared/)).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Open the space" }));
    expect(router.view).toEqual({ name: "team", space: "s-2" });
  });

  it("explains each scope in a line, read once as its description and never as its name", async () => {
    backend.spaces = [space];
    open();
    const anonymous = await screen.findByRole("radio", { name: "Without a name" });
    expect(screen.getByRole("radio", { name: "With your name" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Only in counts" })).toBeTruthy();
    const hint = document.getElementById(anonymous.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("No name, no tags, not who took part, and the date only as the month. The team sees the title and your answers.");
    expect(screen.getByRole("radio", { name: /Only in counts/ })).toBeTruthy();
    expect(screen.queryByLabelText("Space"), "one space needs no choice").toBeNull();
  });

  it("previews exactly what travels for each scope, and counts carry no free text", async () => {
    backend.spaces = [space];
    open();
    await fireEvent.click(await screen.findByRole("radio", { name: /With your name/ }));
    let preview = screen.getByTestId("share-preview");
    expect(await within(preview).findByText("Course for mothers")).toBeTruthy();
    expect(within(preview).getByTestId("preview-name").textContent, "the name it goes under").toBe("Amir");
    expect(within(preview).getByTestId("preview-date").textContent).toBe("12 March 2026");
    expect(within(preview).getByText("When was it?")).toBeTruthy();

    expect(screen.queryByTestId("anonymous-limits"), "nothing to warn of with a name").toBeNull();
    await fireEvent.click(screen.getByRole("radio", { name: /Without a name/ }));
    // Before the share, plainly: what the folder's service shows, and that the text may tell.
    const limits = screen.getByTestId("anonymous-limits").textContent ?? "";
    expect(limits).toMatch(/OneDrive and SharePoint show it to everyone with access/);
    expect(limits).toMatch(/what you wrote may itself give you away/);
    preview = screen.getByTestId("share-preview");
    expect((await within(preview).findByTestId("preview-date")).textContent).toBe("March 2026");
    expect(within(preview).getByTestId("preview-name").textContent).toBe("No name");
    expect(within(preview).queryByText("When was it?"), "the answer holding the day stays home").toBeNull();
    expect(within(preview).getByText("What happened?")).toBeTruthy();

    await fireEvent.click(screen.getByRole("radio", { name: /Only in counts/ }));
    preview = screen.getByTestId("share-preview");
    expect(preview.dataset.scope).toBe("aggregate");
    expect(await within(preview).findByText("Failed")).toBeTruthy();
    expect(preview.textContent).not.toContain("Course for mothers");
    expect(preview.textContent).not.toContain("Danish lessons");
    expect(preview.textContent).not.toContain("What happened?");
    expect(preview.textContent).not.toContain("March 2026");
    expect(within(preview).getByText("Failed")).toBeTruthy();
    expect(within(preview).getByText("3 – Co-designers")).toBeTruthy();
  });

  it("asks for a scope before sending anything", async () => {
    backend.spaces = [space];
    open();
    await fireEvent.click(await screen.findByRole("button", { name: "Share" }));
    expect(screen.getByRole("alert").textContent).toBe("Choose how to share it first.");
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: /With your name/ }));
    expect(backend.shares).toEqual([]);
  });

  it("offers no way past a CPR number, only back to editing", async () => {
    backend.spaces = [space];
    open({ ...entry, answers: { ...entry.answers, notes: "Mother 010203-1234 came" } });
    backend.refusals = [refusal("answers.notes")];
    await fireEvent.click(await screen.findByRole("radio", { name: /With your name/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Share" }));
    const alert = await screen.findByTestId("share-finding");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toMatch(/In “What happened\?”:/);
    expect(alert.textContent).toMatch(/CPR number/);
    expect(screen.queryByRole("button", { name: "Share anyway" })).toBeNull();
    const edit = screen.getByRole("button", { name: "Back to the reflection to edit it" });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    await fireEvent.click(edit);
    expect(router.view).toEqual({ name: "reflect", entryId: "e-1" });
    expect(backend.shares).toHaveLength(1);
  });

  it("lets a phone number go only when the person shares anyway", async () => {
    backend.spaces = [space];
    open({ ...entry, answers: { ...entry.answers, notes: "Call the chair on 22 33 44 55" } });
    backend.refusals = [refusal("answers.notes")];
    await fireEvent.click(await screen.findByRole("radio", { name: /With your name/ }));
    await fireEvent.click(screen.getByRole("button", { name: "Share" }));
    const alert = await screen.findByTestId("share-finding");
    expect(alert.textContent).toMatch(/phone number/);
    await fireEvent.click(screen.getByRole("button", { name: "Share anyway" }));
    await waitFor(() => expect(backend.shares.map((s) => s.acceptFindings)).toEqual([false, true]));
    expect(backend.shares[1]).toMatchObject({ scope: "named", entries: ["e-1"] });
    expect(await screen.findByTestId("share-done")).toBeTruthy();
  });

  it("says so when this journal is in no space", async () => {
    backend.spaces = [];
    open();
    expect(await screen.findByText("You are not in a reflection space yet.")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Go to team spaces" }));
    expect(router.view).toEqual({ name: "team" });
  });

  it("closes with Escape and keeps Tab inside while open", async () => {
    backend.spaces = [space];
    const onclose = open();
    const dialog = await screen.findByRole("dialog", { name: "Share with the team" });
    await waitFor(() => expect(document.activeElement).toBe(dialog));
    await screen.findByRole("radio", { name: /With your name/ });
    const cancel = within(dialog).getByRole("button", { name: "Cancel" });
    cancel.focus();
    await fireEvent.keyDown(cancel, { key: "Tab" });
    expect(document.activeElement).toBe(within(dialog).getByRole("radio", { name: /With your name/ }));
    // With a scope chosen, the group's one Tab stop is the checked button.
    await fireEvent.click(within(dialog).getByRole("radio", { name: /Only in counts/ }));
    within(dialog).getByRole("button", { name: "Cancel" }).focus();
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Tab" });
    expect(document.activeElement).toBe(within(dialog).getByRole("radio", { name: /Only in counts/ }));
    await fireEvent.keyDown(document.activeElement as HTMLElement, { key: "Tab", shiftKey: true });
    expect(document.activeElement, "Shift+Tab from the first stop wraps to the last").toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onclose).toHaveBeenCalledOnce();
  });

  describe("several reflections at once", () => {
    const second = { ...entry, id: "e-2", title: "Football evening", answers: { ...entry.answers, headline: "Football evening" } };

    function openMany(items = [entry, second]) {
      const onclose = vi.fn();
      const onshared = vi.fn();
      backend.entries = items;
      render(ShareDialog, { items: items.map((e) => ({ entry: e, guide })), onclose, onshared });
      return { onclose, onshared };
    }

    it("previews each reflection under its own heading and shares them in one call", async () => {
      backend.spaces = [space];
      const { onshared } = openMany();
      expect(await screen.findByText(/Choose how to share these 2 reflections/)).toBeTruthy();
      await fireEvent.click(screen.getByRole("radio", { name: /With your name/ }));
      const previews = screen.getAllByTestId("share-preview");
      expect(previews.map((p) => p.dataset.entry)).toEqual(["e-1", "e-2"]);
      expect(screen.getByRole("region", { name: "What leaves this computer from “Football evening”" })).toBe(previews[1]);
      const ids = previews.map((p) => p.getAttribute("aria-labelledby"));
      expect(new Set(ids).size, "each preview has its own heading id").toBe(2);
      await fireEvent.click(screen.getByRole("button", { name: "Share" }));
      await waitFor(() => expect(backend.shares).toEqual([{ space: "s-1", entries: ["e-1", "e-2"], scope: "named", acceptFindings: false }]));
      expect((await screen.findByTestId("share-done")).textContent?.trim()).toBe("2 reflections shared in Team North.");
      expect(onshared).toHaveBeenCalledOnce();
    });

    it("names the reflection a refusal is about, and edits that one", async () => {
      backend.spaces = [space];
      openMany([entry, { ...second, answers: { ...second.answers, notes: "Father 010203-1234" } }]);
      backend.refusals = [refusal("answers.notes")];
      await fireEvent.click(await screen.findByRole("radio", { name: /With your name/ }));
      await fireEvent.click(screen.getByRole("button", { name: "Share" }));
      const alert = await screen.findByTestId("share-finding");
      expect(alert.textContent).toMatch(/In “Football evening”:\s+In “What happened\?”:/);
      expect(alert.dataset.blocks).toBe("true");
      await fireEvent.click(screen.getByRole("button", { name: "Back to the reflection to edit it" }));
      expect(router.view).toEqual({ name: "reflect", entryId: "e-2" });
    });
  });
});
