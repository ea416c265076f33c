import { cleanup, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { teamNode, timeline } from "./fakes";
import TeamTimeline from "./TeamTimeline.svelte";

const twoLanes = () =>
  timeline({
    lanes: [
      {
        initiative: "Danish lessons",
        lastOn: "2026-03-12",
        nodes: [
          teamNode({ id: "a", title: "Course for mothers", occurredOn: "2026-02-02", outcome: "failed", participationLevel: 1 }),
          teamNode({ id: "b", title: "Course with mothers", occurredOn: "2026-03-12", mine: true, author: "Team lead Ann" }),
        ],
      },
      {
        initiative: null,
        lastOn: "2026-01",
        nodes: [teamNode({ id: "c", title: "Street party", occurredOn: "2026-01", scope: "anonymous", author: null, participationLevel: null })],
      },
    ],
    charts: {
      levelOverTime: [
        { month: "2026-02", meanLevel: 1, attempts: 1 },
        { month: "2026-03", meanLevel: 2, attempts: 1 },
      ],
      outcomesByLevel: timeline().charts.outcomesByLevel,
    },
  });

describe("the team's timeline", () => {
  afterEach(() => cleanup());
  beforeEach(() => i18n.set("en"));

  it("lists each initiative's shared attempts in order, with date, outcome, level and who shared", () => {
    render(TeamTimeline, { timeline: twoLanes() });
    const section = screen.getByRole("region", { name: "The team's timeline" });
    const lessons = within(section).getByRole("list", { name: "Danish lessons" });
    const rows = within(lessons).getAllByRole("listitem");
    expect(rows.map((r) => within(r).getByText(/^Course/).textContent)).toEqual(["Course for mothers", "Course with mothers"]);
    expect(within(rows[0] as HTMLElement).getByText("Level 1 of 4")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("Failed")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("by Housing advisor")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("by you")).toBeTruthy();

    const none = within(section).getByRole("list", { name: "No initiative" });
    const party = within(none).getByRole("listitem");
    expect(within(party).getByText("Street party")).toBeTruthy();
    expect(within(party).getByText("without a name")).toBeTruthy();
    expect(within(party).getByText("January 2026"), "an anonymous share travels with its month only").toBeTruthy();
    expect(party.querySelector(".level-chip"), "no level recorded, no chip").toBeNull();

    expect(within(section).getByRole("img", { name: /^Participation level over time/ })).toBeTruthy();
    expect(screen.queryByTestId("timeline-aggregate"), "nothing was shared only as counts").toBeNull();
  });

  it("says how many contributions shared only as counts are counted apart, and how many are withheld", () => {
    const { unmount } = render(TeamTimeline, { timeline: { ...twoLanes(), aggregate: 1, withheld: 2 } });
    expect(screen.getByTestId("timeline-aggregate").textContent).toBe(
      "1 contribution shared only as counts is counted apart, under the team's counts, never in these charts.",
    );
    expect(screen.getByTestId("timeline-withheld").textContent).toBe(
      "2 contributions are left out of the outcomes chart: their groups are too small to show.",
    );
    unmount();
    render(TeamTimeline, { timeline: { ...twoLanes(), aggregate: 3 } });
    expect(screen.getByTestId("timeline-aggregate").textContent).toBe(
      "3 contributions shared only as counts are counted apart, under the team's counts, never in these charts.",
    );
    expect(screen.queryByTestId("timeline-withheld")).toBeNull();
  });

  it("says so when nothing is shared by name or without one, yet charts what was shared as counts", () => {
    const { unmount } = render(TeamTimeline, { timeline: timeline() });
    expect(screen.getByTestId("team-timeline-empty").textContent).toMatch(/timeline is empty/);
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.queryByRole("figure")).toBeNull();
    unmount();

    const rows = timeline().charts.outcomesByLevel.map((r) => (r.level === 3 ? { ...r, succeeded: 4 } : r));
    render(TeamTimeline, { timeline: timeline({ aggregate: 4, charts: { levelOverTime: [], outcomesByLevel: rows } }) });
    expect(screen.getByTestId("team-timeline-empty")).toBeTruthy();
    expect(screen.getByRole("img", { name: /^Outcomes by participation level/ })).toBeTruthy();
    expect(screen.getByTestId("timeline-aggregate").textContent).toMatch(/^4 contributions/);
  });

  it("speaks Danish", () => {
    i18n.set("da");
    render(TeamTimeline, { timeline: twoLanes() });
    expect(screen.getByRole("list", { name: "Uden initiativ" })).toBeTruthy();
    expect(screen.getByText("delt af dig")).toBeTruthy();
    expect(screen.getByText("uden navn")).toBeTruthy();
  });
});
