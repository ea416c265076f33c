import { describe, expect, it } from "vitest";
import { MIN_PASSPHRASE, groupCode, idleDeadline } from "./passphrase";

describe("the recovery code", () => {
  it("is shown four groups to a line, for copying by hand", () => {
    expect(groupCode("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")).toBe("AAAA BBBB CCCC DDDD\nEEEE FFFF GGGG HHHH");
  });
});

describe("the idle lock", () => {
  it("falls due the set number of minutes after the last activity", () => {
    expect(idleDeadline(1_000, 10)).toBe(1_000 + 600_000);
  });
  it("never falls due when set to never", () => {
    expect(idleDeadline(1_000, 0)).toBeNull();
  });
});

describe("the passphrase rule", () => {
  it("matches the core's minimum", () => {
    expect(MIN_PASSPHRASE).toBe(10);
  });
});
