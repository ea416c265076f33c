import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Audience, CommentView } from "../ipc";

const backend = vi.hoisted(() => ({
  comments: [] as CommentView[],
  sent: [] as { on: string; replyTo: string | null; text: string; audience: Audience; accept: boolean }[],
  refusal: null as unknown,
  heard: null as (() => void) | null,
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return {
    ...real,
    spaceComments: vi.fn(async () => backend.comments),
    scanText: vi.fn(async (text: string) => [
      ...[...text.matchAll(/\d\d \d\d \d\d \d\d/g)].map(() => ({ kind: "phone" })),
      ...[...text.matchAll(/\d{6}-\d{4}/g)].map(() => ({ kind: "cpr" })),
    ]),
    commentOnShare: vi.fn(async (_space: string, on: string, replyTo: string | null, text: string, audience: Audience, accept: boolean) => {
      const refusal = backend.refusal;
      if (refusal && !accept) throw refusal;
      backend.sent.push({ on, replyTo, text, audience, accept });
      backend.comments = [
        ...backend.comments,
        { id: `c-${backend.comments.length + 1}`, on, replyTo, author: "Team lead Ann", byAuthor: false, mine: true, audience, text, writtenAt: "2026-03-14T09:00:00.000000Z", new: false },
      ];
      return "c-new";
    }),
  };
});

vi.mock("./live", async (importOriginal) => {
  const real = await importOriginal<typeof import("./live")>();
  return { ...real, onSpacesRead: vi.fn((cb: () => void) => ((backend.heard = cb), () => (backend.heard = null))) };
});

import CommentThread from "./CommentThread.svelte";
import { i18n } from "../i18n/i18n.svelte";

const comment = (over: Partial<CommentView>): CommentView => ({
  id: "c-1",
  on: "sh-1",
  replyTo: null,
  author: "Team lead Ann",
  byAuthor: false,
  mine: false,
  audience: "team",
  text: "Take it to the session",
  writtenAt: "2026-03-13T09:30:00.000000Z",
  new: false,
  ...over,
});

function open(over: Partial<{ named: boolean; lead: boolean; canWrite: boolean }> = {}) {
  render(CommentThread, { space: "s-1", on: "sh-1", title: "“Homework café”", named: true, lead: true, canWrite: true, ...over });
}

describe("the comments on a shared reflection", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.comments = [];
    backend.sent = [];
    backend.refusal = null;
    backend.heard = null;
    i18n.set("en");
  });

  it("shows the thread in order with answers under what they answer, and marks author-only ones", async () => {
    backend.comments = [
      comment({}),
      comment({ id: "c-2", audience: "author", text: "How did it feel?\nAfter the meeting" }),
      comment({ id: "c-3", replyTo: "c-2", audience: "author", author: "Sara", mine: true, text: "Better" }),
    ];
    open();
    const thread = await screen.findByRole("region", { name: "Comments on “Homework café”" });
    const items = await within(thread).findAllByRole("listitem");
    expect(items.map((li) => li.dataset.comment)).toEqual(["c-1", "c-2", "c-3"]);
    expect(items[2]?.classList.contains("reply")).toBe(true);
    expect(within(items[1]!).getByText("to the author and the facilitator")).toBeTruthy();
    expect(within(items[0]!).queryByText("to the author and the facilitator")).toBeNull();
    expect(within(items[2]!).getByText(/\(you\)/)).toBeTruthy();
    expect(items[1]?.querySelector(".comment-text")?.textContent).toBe("How did it feel?\nAfter the meeting");
  });

  it("names each control so a screen reader tells them apart: answers by their comment, the field and the button by the reflection", async () => {
    backend.comments = [comment({ id: "c-1", author: "Lone", text: "First question about the course" }), comment({ id: "c-2", author: "Lone", text: "A second thought" })];
    open();
    const answers = await screen.findAllByRole("button", { name: /^Answer Lone: / });
    expect(answers.map((b) => b.getAttribute("aria-label"))).toEqual(["Answer Lone: “First question about the course”", "Answer Lone: “A second thought”"]);
    expect(screen.getByRole("textbox", { name: "Your comment on “Homework café”" })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Send the comment on / })).toBeTruthy();
  });

  it("lets the lead write to the author only, and an answer goes where its comment came from", async () => {
    backend.comments = [comment({ id: "c-1", audience: "author", author: "Sara" })];
    open();
    await fireEvent.input(await screen.findByLabelText("Your comment"), { target: { value: "Just for you" } });
    await fireEvent.click(screen.getByRole("radio", { name: /The author and the facilitator/ }));
    await fireEvent.click(screen.getByRole("button", { name: /^Send the comment on/ }));
    await waitFor(() => expect(backend.sent).toEqual([{ on: "sh-1", replyTo: null, text: "Just for you", audience: "author", accept: false }]));
    expect(await screen.findByText(/^Sent\./)).toBeTruthy();
    expect((screen.getByLabelText("Your comment") as HTMLTextAreaElement).value).toBe("");
    await waitFor(() => expect(document.activeElement, "focus back on the field, not the page").toBe(screen.getByLabelText("Your comment")));

    await fireEvent.click(screen.getByRole("button", { name: /^Answer Sara: / }));
    expect(screen.getByTestId("answering").textContent).toMatch(/Answering Sara\./);
    expect(document.activeElement).toBe(screen.getByLabelText("Your comment"));
    expect(screen.queryByRole("radio"), "an answer keeps its comment's audience").toBeNull();
    await fireEvent.input(screen.getByLabelText("Your comment"), { target: { value: "Thanks" } });
    await fireEvent.click(screen.getByRole("button", { name: /^Send the comment on/ }));
    await waitFor(() => expect(backend.sent[1]).toEqual({ on: "sh-1", replyTo: "c-1", text: "Thanks", audience: "author", accept: false }));
  });

  it("offers a member the team only, and nothing to write once removed", async () => {
    open({ lead: false });
    await screen.findByLabelText("Your comment");
    expect(screen.queryByRole("radio", { name: /The author and the facilitator/ })).toBeNull();
    cleanup();
    open({ canWrite: false });
    expect(await screen.findByText("No comments yet.")).toBeTruthy();
    expect(screen.queryByLabelText("Your comment")).toBeNull();
  });

  it("offers no way past a CPR number, and a phone number only when sent anyway", async () => {
    backend.refusal = { kind: "invalid_input", message: "text holds a CPR number", field: "text", problem: "personal_data" };
    open();
    const field = await screen.findByLabelText("Your comment");
    await fireEvent.input(field, { target: { value: "Mother 010203-1234" } });
    await fireEvent.click(screen.getByRole("button", { name: /^Send the comment on/ }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Not sent: .*CPR number/);
    expect(screen.queryByRole("button", { name: "Send anyway" })).toBeNull();
    await fireEvent.input(field, { target: { value: "Call 22 33 44 55" } });
    await fireEvent.click(screen.getByRole("button", { name: /^Send the comment on/ }));
    await screen.findByText(/phone number or an e-mail address/);
    await fireEvent.click(screen.getByRole("button", { name: "Send anyway" }));
    await waitFor(() => expect(backend.sent).toEqual([{ on: "sh-1", replyTo: null, text: "Call 22 33 44 55", audience: "team", accept: true }]));
  });

  it("asks for a text before sending, and reads the thread again when the app read the folder", async () => {
    open();
    await fireEvent.click(await screen.findByRole("button", { name: /^Send the comment on/ }));
    expect(screen.getByRole("alert").textContent).toBe("Write the comment first.");
    expect(backend.sent).toEqual([]);
    backend.comments = [comment({ text: "Arrived by itself" })];
    backend.heard?.();
    expect(await screen.findByText("Arrived by itself")).toBeTruthy();
  });
});
