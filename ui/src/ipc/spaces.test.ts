import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => [] as [string, unknown][]);
vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(async (cmd: string, args: unknown) => {
    calls.push([cmd, args]);
    if (cmd === "share_entries") throw { kind: "invalid_input", message: "answers.notes holds a phone number", field: "answers.notes", problem: "personal_data" };
    return null;
  }),
}));

import * as ipc from "./index";

describe("the reflection-space calls", () => {
  beforeEach(() => (calls.length = 0));

  it("send their arguments camelCase, as the commands take them", async () => {
    await ipc.syncSpace("s");
    await ipc.withdrawShare("s", "sh");
    await ipc.createSpace("Team", "Ann", "/f");
    await ipc.inviteMember("s", "EFTERTANKE-CARD-1:x");
    await ipc.removeMember("s", "AAAA");
    await ipc.joinSpaces("/f", "0A1B 2C3D 4E5F 6071 8293");
    await ipc.memberCard("Ann");
    expect(calls).toEqual([
      ["sync_space", { space: "s", allowMassWithdrawal: false }],
      ["withdraw_share", { space: "s", sharedId: "sh" }],
      ["create_space", { name: "Team", leadName: "Ann", folder: "/f" }],
      ["invite_member", { space: "s", card: "EFTERTANKE-CARD-1:x" }],
      ["remove_member", { space: "s", member: "AAAA" }],
      ["join_spaces", { folder: "/f", lead: "0A1B 2C3D 4E5F 6071 8293" }],
      ["member_card", { name: "Ann" }],
    ]);
  });

  it("turn a refused share into an IpcError that names the field", async () => {
    await expect(ipc.shareEntries("s", ["e"], "anonymous", false)).rejects.toEqual({
      kind: "invalid_input",
      message: "answers.notes holds a phone number",
      field: "answers.notes",
      problem: "personal_data",
    });
    expect(calls).toEqual([["share_entries", { space: "s", entries: ["e"], scope: "anonymous", acceptFindings: false }]]);
  });
});
