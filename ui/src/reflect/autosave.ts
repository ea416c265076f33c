// Autosave: saves the latest value a short pause after typing stops, and at least every
// `maxWaitMs` while typing goes on, so a crash loses at most that much. A failed save keeps
// the value and is retried; saves never overlap.
import { asIpcError, type IpcError } from "../ipc";

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; error: IpcError };

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<void>;
  onState: (state: AutosaveState) => void;
  delayMs?: number;
  maxWaitMs?: number;
  retryMs?: number;
  now?: () => number;
}

export class Autosaver<T> {
  private latest: T | undefined;
  private dirty = false;
  private dirtySince = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.delayMs = options.delayMs ?? 700;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.retryMs = options.retryMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** Records a new value and schedules its save. */
  change(value: T): void {
    this.latest = value;
    if (!this.dirty) this.dirtySince = this.now();
    this.dirty = true;
    this.options.onState({ kind: "pending" });
    const waited = this.now() - this.dirtySince;
    this.schedule(Math.max(0, Math.min(this.delayMs, this.maxWaitMs - waited)));
  }

  /** Saves now if anything is unsaved, and waits until no save is running. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirty) await this.run();
  }

  /** Stops all future saves (the value was saved some other way, or thrown away). */
  async stop(): Promise<void> {
    this.clearTimer();
    this.dirty = false;
    if (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  get hasUnsaved(): boolean {
    return this.dirty;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      // A save is running; the newest value goes right after it.
      await this.inFlight;
      if (this.dirty) return this.run();
      return;
    }
    if (!this.dirty || this.latest === undefined) return;
    const value = this.latest;
    this.dirty = false;
    this.options.onState({ kind: "saving" });
    this.inFlight = this.options.save(value).then(
      () => {
        this.inFlight = undefined;
        if (this.dirty) this.schedule(0);
        else this.options.onState({ kind: "saved", at: new Date(this.now()) });
      },
      (e: unknown) => {
        this.inFlight = undefined;
        // Keep the value as unsaved and try again later; never report it as saved.
        if (!this.dirty) this.dirtySince = this.now();
        this.dirty = true;
        this.options.onState({ kind: "failed", error: asIpcError(e) });
        this.schedule(this.retryMs);
      },
    );
    await this.inFlight;
  }
}
