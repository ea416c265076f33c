import { cleanup, render } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import LevelChart from "./LevelChart.svelte";
import OutcomeChart from "./OutcomeChart.svelte";
import { i18n } from "../i18n/i18n.svelte";

const months = Array.from({ length: 13 }, (_, i) => `20${24 + Math.floor((i + 2) / 12)}-${String(((i + 2) % 12) + 1).padStart(2, "0")}`);

describe("the charts", () => {
  afterEach(() => cleanup());
  beforeEach(() => i18n.set("en"));

  it("names the last month on the x axis, anchored inside the drawing so it is not cut off", () => {
    const points = months.map((month, i) => ({ month, meanLevel: i % 5, attempts: 1 }));
    const { container } = render(LevelChart, { points });
    const labels = [...container.querySelectorAll("text.axis-label")].filter((t) => /^\d{4}-\d{2}$/.test(t.textContent ?? ""));
    const last = labels.at(-1);
    expect(last?.textContent).toBe(months.at(-1));
    expect(last?.getAttribute("text-anchor")).toBe("end");
    // No two labels closer than a label's width (they stand at x positions of the drawing).
    const xs = labels.map((t) => Number(t.getAttribute("x")));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
  });

  it("reads only the levels and outcomes that occurred in the outcome chart's text alternative", () => {
    const rows = [0, 1, 2, 3, 4].map((level) => ({ level, failed: 0, partly: 0, succeeded: 0, tooEarly: 0 }));
    rows[2]!.failed = 1;
    rows[4]!.succeeded = 2;
    const { container } = render(OutcomeChart, { rows });
    const alt = container.querySelector("svg[role=img]")?.getAttribute("aria-label") ?? "";
    expect(alt).toContain("1 Failed");
    expect(alt).toContain("2 Succeeded");
    expect(alt).not.toMatch(/\b0 /);
    expect(alt.split(";")).toHaveLength(2);
  });

  it("gives each chart's table toggle a name of its own", () => {
    const a = render(LevelChart, { points: [{ month: "2025-01", meanLevel: 2, attempts: 1 }] });
    const b = render(OutcomeChart, { rows: [{ level: 2, failed: 1, partly: 0, succeeded: 0, tooEarly: 0 }] });
    const names = [a.container, b.container].map((c) => c.querySelector("summary")?.textContent);
    expect(new Set(names).size).toBe(2);
  });
});
