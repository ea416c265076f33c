import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MemberCard, SpaceInfo } from "../ipc";
import { space, status, timeline } from "./fakes";

const backend = vi.hoisted(() => ({
  spaces: [] as SpaceInfo[],
  created: [] as [string, string, string][],
  cards: [] as string[],
  joins: [] as string[][],
  joinResult: [] as string[],
  // What listens for the app's own reads of the folders (Team and an open SpaceView).
  listeners: new Set<() => void>(),
}));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  const card = (name: string): MemberCard => ({
    kind: "eftertanke-member-card",
    version: 1,
    name,
    keys: { age: "age1example", signing: "c2lnbmluZw" },
    fingerprint: "0A1B 2C3D 4E5F 6071 8293",
  });
  return {
    ...real,
    listSpaces: vi.fn(async () => backend.spaces),
    createSpace: vi.fn(async (name: string, leadName: string, folder: string) => {
      backend.created.push([name, leadName, folder]);
      backend.spaces = [{ ...space, id: "s-new", name }];
      return "s-new";
    }),
    memberCard: vi.fn(async (name: string) => (backend.cards.push(name), card(name))),
    joinSpaces: vi.fn(async (folder: string, lead: string) => (backend.joins.push([folder, lead]), backend.joinResult)),
    spaceStatus: vi.fn(async (id: string) => status({ space: backend.spaces.find((s) => s.id === id) ?? space })),
    spaceEntries: vi.fn(async () => []),
    spaceCounts: vi.fn(async () => ({ cells: [], withheld: 0 })),
    spaceTimeline: vi.fn(async () => timeline()),
    reviewQueue: vi.fn(async () => ({ items: [], reviewedAt: null })),
  };
});

vi.mock("./live", async (importOriginal) => {
  const real = await importOriginal<typeof import("./live")>();
  return {
    ...real,
    onSpacesRead: vi.fn((cb: () => void) => {
      backend.listeners.add(cb);
      return () => backend.listeners.delete(cb);
    }),
  };
});

import Team from "./Team.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { router } from "../shell/router.svelte";

describe("the team area", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    Object.assign(backend, { spaces: [], created: [], cards: [], joins: [], joinResult: [], listeners: new Set() });
    i18n.set("en");
    router.go({ name: "team" });
  });

  it("explains a reflection space when there is none, and offers to create one or to join", async () => {
    render(Team);
    const empty = await screen.findByTestId("team-empty");
    expect(within(empty).getByText("You are not in a reflection space yet")).toBeTruthy();
    expect(empty.textContent).toMatch(/encrypted to the team's members/);
    expect(screen.getByRole("button", { name: "Create a space (facilitator)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Join with my member card" })).toBeTruthy();
  });

  it("lists the spaces there are, each opened by a named button", async () => {
    backend.spaces = [space];
    render(Team);
    await fireEvent.click(await screen.findByRole("button", { name: "Open Team North" }));
    expect(router.view).toEqual({ name: "team", space: "s-1" });
    expect(await screen.findByRole("heading", { level: 1, name: "Team North" })).toBeTruthy();
  });

  it("creates a space with the values typed, then shows it", async () => {
    render(Team);
    await fireEvent.click(await screen.findByRole("button", { name: "Create a space (facilitator)" }));
    await fireEvent.input(screen.getByLabelText("Name of the space"), { target: { value: "Team North" } });
    await fireEvent.input(screen.getByLabelText("Your name in the team"), { target: { value: " Ann, team lead " } });
    await fireEvent.input(screen.getByLabelText("The team's shared folder on this computer"), { target: { value: "/home/ab/Team North" } });
    await fireEvent.click(screen.getByRole("button", { name: "Create the space" }));
    await waitFor(() => expect(backend.created).toEqual([["Team North", "Ann, team lead", "/home/ab/Team North"]]));
    expect(await screen.findByRole("heading", { level: 1, name: "Team North" })).toBeTruthy();
    expect(router.view).toEqual({ name: "team", space: "s-new" });
  });

  it("asks for what is missing before creating, and sends nothing", async () => {
    render(Team);
    await fireEvent.click(await screen.findByRole("button", { name: "Create a space (facilitator)" }));
    await fireEvent.input(screen.getByLabelText("Name of the space"), { target: { value: "Team North" } });
    await fireEvent.click(screen.getByRole("button", { name: "Create the space" }));
    const lead = screen.getByLabelText("Your name in the team");
    await waitFor(() => expect(document.activeElement).toBe(lead));
    expect(lead.getAttribute("aria-invalid")).toBe("true");
    expect(backend.created).toEqual([]);
  });

  it("makes a member card, shows its fingerprint and code, and says when the lead has not added you yet", async () => {
    render(Team);
    await fireEvent.click(await screen.findByRole("button", { name: "Join with my member card" }));
    await fireEvent.input(screen.getByLabelText("Your name in the team"), { target: { value: "Housing advisor" } });
    await fireEvent.click(screen.getByRole("button", { name: "Make my member card" }));
    expect((await screen.findByTestId("card-fingerprint")).textContent).toBe("0A1B 2C3D 4E5F 6071 8293");
    expect(backend.cards).toEqual(["Housing advisor"]);
    const code = screen.getByLabelText("Your member card as a code") as HTMLTextAreaElement;
    expect(code.readOnly).toBe(true);
    expect(code.value).toMatch(/^EFTERTANKE-CARD-1:[A-Za-z0-9_-]+$/);

    await fireEvent.input(screen.getByLabelText("The team's shared folder on this computer"), { target: { value: "/mnt/team" } });
    await fireEvent.input(screen.getByLabelText("The facilitator's fingerprint"), { target: { value: "7F3A 09C2 1B2C 3D4E 5F60" } });
    await fireEvent.click(screen.getByRole("button", { name: "Join" }));
    expect((await screen.findByTestId("not-added")).textContent).toMatch(/has not added you yet/);
    expect(backend.joins).toEqual([["/mnt/team", "7F3A 09C2 1B2C 3D4E 5F60"]]);
  });

  it("opens the space joined", async () => {
    backend.joinResult = ["s-1"];
    backend.spaces = [space];
    render(Team);
    await fireEvent.click(await screen.findByRole("button", { name: "Join with my member card" }));
    await fireEvent.input(screen.getByLabelText("The team's shared folder on this computer"), { target: { value: "/mnt/team" } });
    await fireEvent.click(screen.getByRole("button", { name: "Join" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Team North" })).toBeTruthy();
    expect(screen.queryByTestId("not-added")).toBeNull();
  });

  it("reads the list again when the app read the folders on its own", async () => {
    render(Team);
    await screen.findByTestId("team-empty");
    backend.spaces = [space];
    for (const heard of backend.listeners) heard();
    expect(await screen.findByRole("button", { name: "Open Team North" })).toBeTruthy();
    expect(screen.queryByTestId("team-empty")).toBeNull();
  });
});
