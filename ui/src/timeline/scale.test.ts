import { describe, expect, it } from "vitest";
import { dayNumber, moveFocus, position, rangeOf, ticks } from "./scale";

describe("timeline scale", () => {
  it("places days proportionally inside a padded range", () => {
    const range = rangeOf(["2025-03-12", "2025-10-08"])!;
    const a = position(range, "2025-03-12");
    const b = position(range, "2025-10-08");
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
    expect(b).toBeGreaterThan(a);
    expect(dayNumber("2025-03-13") - dayNumber("2025-03-12")).toBe(1);
    expect(rangeOf([])).toBeNull();
  });

  it("ticks every year, or every month with the year at January", () => {
    const range = rangeOf(["2024-06-01", "2026-02-01"])!;
    expect(ticks(range, "years", String).map((t) => t.label)).toEqual(["2024", "2025", "2026"]);
    const months = ticks(range, "months", (m) => `m${m}`);
    expect(months.length).toBeGreaterThan(18);
    expect(months.find((t) => t.label === "2025")?.major).toBe(true);
  });

  it("names the first year also when the track starts after January", () => {
    // An attempt in 2024 must not stand under the label of 2025 only.
    const range = rangeOf(["2024-06-01", "2026-02-01"])!;
    const years = ticks(range, "years", String);
    expect(years[0]).toMatchObject({ at: 0, label: "2024", start: true });
    const months = ticks(range, "months", (m) => `m${m}`);
    expect(months[0]?.label).toBe("m5 2024");
    // A track that starts on the 1st of January needs no extra tick.
    const january = ticks({ start: dayNumber("2025-01-01"), end: dayNumber("2025-12-01") }, "years", String);
    expect(january.map((t) => t.label)).toEqual(["2025"]);
    // A track that starts a few days before New Year: the year's own tick, no overlapping label.
    const lateDecember = ticks({ start: dayNumber("2024-12-20"), end: dayNumber("2026-12-01") }, "years", String);
    expect(lateDecember.map((t) => t.label)).toEqual(["2025", "2026"]);
  });

  it("moves focus with the arrow keys within and between lanes", () => {
    const sizes = [3, 0, 2];
    expect(moveFocus(sizes, 0, 0, "ArrowRight")).toEqual([0, 1]);
    expect(moveFocus(sizes, 0, 2, "ArrowRight")).toBeNull();
    expect(moveFocus(sizes, 0, 2, "ArrowDown")).toEqual([2, 1]);
    expect(moveFocus(sizes, 2, 0, "ArrowUp")).toEqual([0, 0]);
    expect(moveFocus(sizes, 0, 1, "ArrowLeft")).toEqual([0, 0]);
    expect(moveFocus(sizes, 0, 1, "Enter")).toBeNull();
  });
});
