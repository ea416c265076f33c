import { describe, expect, it } from "vitest";
import { groupCode, idleDeadline, tooShort } from "./passphrase";

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
  it("counts characters as the core does, against the minimum the core reports", () => {
    expect(tooShort("ææææææææææ", 10)).toBe(false);
    expect(tooShort("æææææææææ", 10)).toBe(true);
    // Two UTF-16 units, one character: nine of them are still too short.
    expect(tooShort("🙂".repeat(9), 10)).toBe(true);
    expect(tooShort("short", 4)).toBe(false);
  });
});
