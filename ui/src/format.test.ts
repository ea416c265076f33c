import { afterEach, describe, expect, it } from "vitest";
import { dateTime, parseDay, shortTime, typedDay } from "./format";
import { i18n } from "./i18n/i18n.svelte";

describe("typed days", () => {
  it("takes ISO days as they are, padded", () => {
    expect(parseDay("2026-03-12")).toBe("2026-03-12");
    expect(parseDay(" 2026-3-2 ")).toBe("2026-03-02");
  });

  it("takes the Danish way of writing a day, day first, with full stops or hyphens", () => {
    expect(parseDay("12.3.2026")).toBe("2026-03-12");
    expect(parseDay("12.03.2026")).toBe("2026-03-12");
    expect(parseDay("1. 2. 2023")).toBe("2023-02-01");
    expect(parseDay("12-3-2026")).toBe("2026-03-12");
    expect(parseDay("29.2.2024")).toBe("2024-02-29");
  });

  it("refuses days that do not exist, and forms that could mean different days", () => {
    expect(parseDay("31.2.2026")).toBeNull();
    expect(parseDay("29.2.2025")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("3/12/2026")).toBeNull();
    expect(parseDay("12.3.26")).toBeNull();
    expect(parseDay("12.3-2026")).toBeNull();
    expect(parseDay("i går")).toBeNull();
    expect(parseDay("")).toBeNull();
  });

  it("sends what is not a day as typed, so the backend can name the problem", () => {
    expect(typedDay("12.3.2026")).toBe("2026-03-12");
    expect(typedDay("31.2.2026")).toBe("31.2.2026");
    expect(typedDay("")).toBe("");
  });
});

describe("times of day", () => {
  afterEach(() => i18n.set("en"));

  it("are written with “kl.” and a full stop in Danish", () => {
    i18n.set("da");
    const now = new Date();
    now.setHours(14, 5, 0, 0);
    expect(shortTime(now)).toBe("kl. 14.05");
    const earlier = new Date(2024, 2, 12, 9, 30);
    expect(shortTime(earlier)).toBe("12. mar. kl. 09.30");
    expect(dateTime(earlier)).toBe("12. mar. 2024 kl. 09.30");
  });

  it("are written with a colon and no “kl.” in English", () => {
    i18n.set("en");
    const now = new Date();
    now.setHours(14, 5, 0, 0);
    expect(shortTime(now)).toBe("14:05");
    expect(shortTime(new Date(2024, 2, 12, 9, 30))).toBe("12 Mar, 09:30");
  });
});
