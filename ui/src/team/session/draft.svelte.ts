// The session the lead is running, as the flow holds it until it is published: a verdict on
// each carried item, the team's notes, the answers, the improvement and the actions. One per
// space, kept for the app's run, so leaving the flow (or the space) and coming back keeps what
// was written. `toDraft` turns it into what the core records, by the core's rules; `problems`
// says, step by step, what the flow will not go past.
import type { CarriedStatus, ItemView, NewItem, SessionDraft, Verdict } from "../../ipc";
import { parseDay, typedDay } from "../../format";

export type Verdicts = Record<string, { status: Verdict | null; why: string; reviewOn: string }>;
export type ItemDraft = { text: string; owner: string; reviewOn: string };

export class SessionState {
  step = $state(0);
  verdicts = $state<Verdicts>({});
  notes = $state<Record<string, string>>({});
  answers = $state<Record<string, string>>({});
  improvement = $state<ItemDraft>({ text: "", owner: "", reviewOn: "" });
  actions = $state<ItemDraft[]>([]);
  at = $state(0);

  /** The state as the core keeps it while it is typed. */
  serialize(): string {
    const { step, verdicts, notes, answers, improvement, actions, at } = this;
    return JSON.stringify({ step, verdicts, notes, answers, improvement, actions, at });
  }

  /** Takes back a state kept before; anything that is not what `serialize` wrote is left out. */
  restore(json: string) {
    let d: Record<string, unknown>;
    try {
      d = JSON.parse(json) as Record<string, unknown>;
    } catch {
      return;
    }
    const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const itemOf = (v: unknown): ItemDraft => ({ text: str(obj(v)?.text), owner: str(obj(v)?.owner), reviewOn: str(obj(v)?.reviewOn) });
    const strings = (v: unknown) => Object.fromEntries(Object.entries(obj(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
    if (typeof d.step === "number" && d.step >= 0 && d.step <= 4) this.step = Math.floor(d.step);
    if (typeof d.at === "number" && d.at >= 0) this.at = Math.floor(d.at);
    for (const [id, v] of Object.entries(obj(d.verdicts) ?? {})) {
      const status = obj(v)?.status;
      this.verdicts[id] = {
        status: status === "done" || status === "continue" || status === "dropped" ? status : null,
        why: str(obj(v)?.why),
        reviewOn: str(obj(v)?.reviewOn),
      };
    }
    this.notes = strings(d.notes);
    this.answers = strings(d.answers);
    this.improvement = itemOf(d.improvement);
    this.actions = Array.isArray(d.actions) ? d.actions.map(itemOf) : [];
  }

  /** Makes room for each item carried from before (the ones already given keep theirs). */
  carry(items: ItemView[]) {
    for (const i of items) this.verdicts[i.id] ??= { status: null, why: "", reviewOn: "" };
  }
}

const running = new Map<string, SessionState>();

/** Whether the session of `space` is held here already (else it may be kept in the core). */
export function isRunning(space: string): boolean {
  return running.has(space);
}

/** The session being run in `space` (a new one the first time). */
export function sessionOf(space: string): SessionState {
  let s = running.get(space);
  if (!s) {
    s = new SessionState();
    running.set(space, s);
  }
  return s;
}

/** Forgets the session of `space` (published, or left on purpose). */
export function endSession(space: string) {
  running.delete(space);
}

export type StepProblem =
  | { kind: "missing_status"; ids: string[] }
  | { kind: "missing_why"; id: string }
  | { kind: "improvement" }
  | { kind: "action"; n: number };

// Dates are typed (12.3.2026 or 2026-03-12), as everywhere in Eftertanke.
const filled = (i: ItemDraft) => i.text.trim() !== "" && i.owner !== "" && parseDay(i.reviewOn) !== null;

/** What keeps the flow at `step`, or null. */
export function problemAt(s: SessionState, step: number, carried: ItemView[]): StepProblem | null {
  if (step === 0) {
    const ids = carried.filter((i) => !s.verdicts[i.id]?.status).map((i) => i.id);
    if (ids.length > 0) return { kind: "missing_status", ids };
    const dropped = carried.find((i) => s.verdicts[i.id]?.status === "dropped" && !s.verdicts[i.id]?.why.trim());
    if (dropped) return { kind: "missing_why", id: dropped.id };
  }
  if (step === 3) {
    if (!filled(s.improvement)) return { kind: "improvement" };
    const n = s.actions.findIndex((a) => !filled(a));
    if (n >= 0) return { kind: "action", n: n + 1 };
  }
  return null;
}

const item = (i: ItemDraft): NewItem => ({ text: i.text.trim(), owner: i.owner, reviewOn: typedDay(i.reviewOn) });

/** What the core records. `material` is the entries gone through, in the order shown. */
export function toDraft(s: SessionState, carried: ItemView[], material: string[], heldOn: string): SessionDraft {
  return {
    heldOn,
    carried: carried.map((i): CarriedStatus => {
      const v = s.verdicts[i.id];
      return {
        id: i.id,
        status: v?.status ?? "continue",
        why: v?.why.trim() ?? "",
        reviewOn: v?.status === "continue" && v.reviewOn.trim() ? typedDay(v.reviewOn) : null,
      };
    }),
    material: material.map((on) => ({ on, note: (s.notes[on] ?? "").trim() })),
    answers: Object.fromEntries(Object.entries(s.answers).filter(([, a]) => a.trim() !== "")),
    improvement: item(s.improvement),
    actions: s.actions.map(item),
  };
}
