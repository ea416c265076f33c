import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CommentView } from "../ipc";
import { space } from "./fakes";

const thread: CommentView[] = [
  { id: "c-1", on: "sh-1", replyTo: null, author: "Team lead Ann", byAuthor: false, mine: false, audience: "author", text: "How did it feel?", writtenAt: "2026-03-13T09:30:00.000000Z", new: false },
];
const unnamedThread: CommentView[] = [
  { id: "c-2", on: "sh-1", replyTo: null, author: "Team lead Ann", byAuthor: false, mine: false, audience: "team", text: "What did you try next?", writtenAt: "2026-03-13T09:30:00.000000Z", new: false },
  { id: "c-3", on: "sh-1", replyTo: "c-2", author: "", byAuthor: true, mine: true, audience: "team", text: "We asked the mothers first.", writtenAt: "2026-03-14", new: false },
];

const backend = vi.hoisted(() => ({ scope: "named" }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    entryComments: vi.fn(async () => [
      { space: { ...space, lead: false }, sharedId: "sh-1", scope: backend.scope, comments: backend.scope === "named" ? thread : unnamedThread },
    ]),
    spaceComments: vi.fn(async () => (backend.scope === "named" ? thread : unnamedThread)),
  };
});

import EntryComments from "./EntryComments.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { router } from "../shell/router.svelte";

describe("what the team said, on the author's own reflection", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    i18n.set("en");
    backend.scope = "named";
  });

  it("shows each space's thread, found through the private map, with a way to answer and to the space", async () => {
    render(EntryComments, { entry: "e-1", title: "“Homework café”" });
    const section = await screen.findByRole("region", { name: "What the team said" });
    expect(within(section).getByRole("heading", { name: "Team North" })).toBeTruthy();
    expect(within(section).getByText("1 comment", { exact: false })).toBeTruthy();
    const thread = within(section).getByRole("region", { name: "Comments on “Homework café”" });
    expect(await within(thread).findByText("How did it feel?")).toBeTruthy();
    expect(within(thread).getByText("to the author and the facilitator")).toBeTruthy();
    expect(within(thread).getByRole("button", { name: /^Answer Team lead Ann: / })).toBeTruthy();
    expect(within(thread).queryByRole("radio"), "the author is no lead: no choice of readers").toBeNull();
    within(section).getByRole("button", { name: "Open Team North" }).click();
    expect(router.view).toEqual({ name: "team", space: "s-1" });
  });

  it("lets the author answer under their own share without a name as “the author”, and says what that means", async () => {
    backend.scope = "anonymous";
    render(EntryComments, { entry: "e-1", title: "“Homework café”" });
    const section = await screen.findByRole("region", { name: "What the team said" });
    const thread = within(section).getByRole("region", { name: "Comments on “Homework café”" });
    expect(await within(thread).findByText("What did you try next?")).toBeTruthy();
    expect(within(thread).getByTestId("own-unnamed").textContent).toMatch(/you write here as “the author”: your name is not shown/);
    const answer = within(thread).getByText("We asked the mothers first.").closest("li") as HTMLElement;
    expect(within(answer).getByText("The author")).toBeTruthy();
    expect(within(answer).getByText("14 March 2026"), "the day only, as it was written").toBeTruthy();
    expect(within(thread).getByRole("textbox", { name: /^Your comment on/ })).toBeTruthy();
    expect(within(thread).queryByRole("radio"), "to the team only").toBeNull();
    expect(within(thread).getByRole("button", { name: /^Answer Team lead Ann: / })).toBeTruthy();
  });
});
