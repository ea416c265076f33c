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

  /** Makes room for each item carried from before (the ones already given keep theirs). */
  carry(items: ItemView[]) {
    for (const i of items) this.verdicts[i.id] ??= { status: null, why: "", reviewOn: "" };
  }
}

const running = new Map<string, SessionState>();

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
