import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { status } from "./fakes";

const backend = vi.hoisted(() => ({ set: [] as (number | null)[] }));

vi.mock("../ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("../ipc")>();
  return { ...real, setRetention: vi.fn(async (_space: string, months: number | null) => (backend.set.push(months), null)) };
});

import RetentionPeriod from "./RetentionPeriod.svelte";
import { i18n } from "../i18n/i18n.svelte";

describe("how long the space keeps what is shared", () => {
  afterEach(() => cleanup());
  beforeEach(() => {
    backend.set = [];
    i18n.set("en");
  });

  it("tells a member the period, what goes soon and when, and offers no choice", () => {
    const member = status({ retention: { months: 24, dueSoon: 3, nextOn: "2027-02-01" } });
    render(RetentionPeriod, { status: { ...member, space: { ...member.space, lead: false } }, onchanged: vi.fn() });
    expect(screen.getByTestId("retention-line").textContent).toMatch(/^What is shared here is kept for 24 months, as the facilitator set it\./);
    expect(screen.getByTestId("retention-due").textContent).toBe("3 items go within the next 30 days, the first on 1 February 2027.");
    expect(screen.queryByRole("combobox")).toBeNull();
  });

  it("lets the facilitator choose a period, and lift it", async () => {
    const onchanged = vi.fn();
    render(RetentionPeriod, { status: status(), onchanged });
    expect(screen.getByTestId("retention-line").textContent).toMatch(/kept for as long as the space exists/);
    await fireEvent.change(screen.getByLabelText("Keep what is shared for"), { target: { value: "12" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save the period" }));
    await waitFor(() => expect(backend.set).toEqual([12]));
    expect(await screen.findByText(/^Saved: kept for 12 months/)).toBeTruthy();
    expect(onchanged).toHaveBeenCalled();
    await fireEvent.change(screen.getByLabelText("Keep what is shared for"), { target: { value: "0" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save the period" }));
    await waitFor(() => expect(backend.set).toEqual([12, null]));
  });
});
