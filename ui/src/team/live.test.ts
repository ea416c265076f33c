import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Handler = (e: { event: string; id: number; payload: unknown }) => void;

// Tauri's event module, faked: `listen` keeps the handler and resolves to its unlisten once
// `gate` (when set) lets it, as the real one does after a round trip to the backend.
const events = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  unlistened: [] as string[],
  gate: null as Promise<void> | null,
}));
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (event: string, handler: Handler) => {
    events.handlers.set(event, handler);
    if (events.gate) await events.gate;
    return () => {
      events.unlistened.push(event);
      events.handlers.delete(event);
    };
  }),
}));

import { listen } from "@tauri-apps/api/event";
import { onSpacesRead, oneAtATime } from "./live";

const emit = (event: string, payload: unknown = 1) => events.handlers.get(event)?.({ event, id: 1, payload });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const inTauri = (yes: boolean) => {
  const w = window as unknown as Record<string, unknown>;
  if (yes) w.__TAURI_INTERNALS__ = {};
  else delete w.__TAURI_INTERNALS__;
};

describe("hearing that the app read the spaces' folders", () => {
  beforeEach(() => {
    events.handlers.clear();
    events.unlistened = [];
    events.gate = null;
    vi.mocked(listen).mockClear();
  });
  afterEach(() => inTauri(false));

  it("listens to nothing outside Tauri, and stopping is harmless", () => {
    inTauri(false);
    const stop = onSpacesRead(() => {});
    expect(listen, "a test or a plain browser has no backend to hear").not.toHaveBeenCalled();
    expect(() => stop()).not.toThrow();
  });

  it("calls back on each spaces-read event inside Tauri, and not after stopping", async () => {
    inTauri(true);
    const heard = vi.fn();
    const stop = onSpacesRead(heard);
    expect(vi.mocked(listen).mock.calls[0]?.[0], "the name background.rs emits").toBe("spaces-read");
    await settled();
    emit("spaces-read", 2);
    emit("spaces-read", 1);
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    expect(events.unlistened).toEqual(["spaces-read"]);
    emit("spaces-read");
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it("still stops listening when stopped before listening was set up", async () => {
    inTauri(true);
    let open = () => {};
    events.gate = new Promise<void>((resolve) => (open = resolve));
    const heard = vi.fn();
    const stop = onSpacesRead(heard);
    const early = events.handlers.get("spaces-read");
    stop();
    expect(events.unlistened, "nothing to unlisten yet").toEqual([]);
    // An event the backend sent in between reaches no view that has gone.
    early?.({ event: "spaces-read", id: 1, payload: 1 });
    expect(heard).not.toHaveBeenCalled();
    open();
    await settled();
    expect(events.unlistened, "unlistened as soon as listening was set up").toEqual(["spaces-read"]);
  });
});

describe("reading one at a time", () => {
  it("runs once more after the run under way however many calls came, and each call waits for it", async () => {
    const releases: (() => void)[] = [];
    const run = vi.fn(() => new Promise<void>((resolve) => releases.push(resolve)));
    const load = oneAtATime(run);
    const first = load();
    const second = load();
    const third = load();
    expect(run).toHaveBeenCalledTimes(1);
    let done = false;
    void third.then(() => (done = true));
    releases[0]?.();
    await settled();
    expect(run, "the calls during the first run ask for one more, not two").toHaveBeenCalledTimes(2);
    expect(done, "a caller waits for the run that started after its call").toBe(false);
    releases[1]?.();
    await Promise.all([first, second, third]);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("runs again for a call after the last run is done", async () => {
    const run = vi.fn(async () => {});
    const load = oneAtATime(run);
    await load();
    await load();
    expect(run).toHaveBeenCalledTimes(2);
  });
});
