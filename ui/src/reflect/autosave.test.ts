import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type AutosaveState } from "./autosave";

describe("Autosaver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (v: string) => Promise<void>) {
    const states: AutosaveState[] = [];
    const saver = new Autosaver<string>({ save, onState: (s) => states.push(s), now: () => Date.now() });
    return { saver, states };
  }

  it("saves the latest value once typing pauses", async () => {
    const saved: string[] = [];
    const { saver, states } = setup(async (v) => void saved.push(v));
    saver.change("K");
    saver.change("Ku");
    saver.change("Kurs");
    await vi.advanceTimersByTimeAsync(699);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["Kurs"]);
    expect(states.at(-1)?.kind).toBe("saved");
  });

  it("saves at least every two seconds while typing goes on", async () => {
    const saved: string[] = [];
    const { saver } = setup(async (v) => void saved.push(v));
    for (let i = 0; i < 10; i++) {
      saver.change(`text ${i}`);
      await vi.advanceTimersByTimeAsync(400);
    }
    // 4 seconds of steady typing: a pause-only debounce would have saved nothing.
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(saved[0]).toBe("text 4");
  });

  it("keeps a failed value as unsaved, says so, and retries", async () => {
    let fail = true;
    const saved: string[] = [];
    const { saver, states } = setup(async (v) => {
      if (fail) throw { kind: "disk_full", message: "full", field: null, problem: null };
      saved.push(v);
    });
    saver.change("important");
    await vi.advanceTimersByTimeAsync(700);
    expect(states.at(-1)).toMatchObject({ kind: "failed", error: { kind: "disk_full" } });
    expect(states.some((s) => s.kind === "saved")).toBe(false);
    expect(saver.hasUnsaved).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual(["important"]);
    expect(states.at(-1)?.kind).toBe("saved");
  });

  it("never runs two saves at once and ends with the newest value", async () => {
    let running = 0;
    let maxRunning = 0;
    const saved: string[] = [];
    const { saver } = setup(async (v) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 1500));
      saved.push(v);
      running--;
    });
    saver.change("a");
    await vi.advanceTimersByTimeAsync(800);
    saver.change("ab");
    await vi.advanceTimersByTimeAsync(5000);
    expect(maxRunning).toBe(1);
    expect(saved.at(-1)).toBe("ab");
  });

  it("flush saves at once; stop prevents later saves", async () => {
    const saved: string[] = [];
    const { saver } = setup(async (v) => void saved.push(v));
    saver.change("now");
    await saver.flush();
    expect(saved).toEqual(["now"]);
    saver.change("never");
    await saver.stop();
    await vi.advanceTimersByTimeAsync(10000);
    expect(saved).toEqual(["now"]);
  });
});
