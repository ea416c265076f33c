// The texts of an entry, as the personal-data guard sees them: every free-text answer, role,
// action text and owner, and tag, each at a path, so a replacement made by the backend over
// all of them can be written back where it came from. Pure functions, tested beside.
import type { Finding, FindingKind, Guide } from "../ipc";

/** Where a text sits: `["answers", questionId, index?, key?]` or `["tags", index]`. */
export type Slot = (string | number)[];

/** A text of the entry and where it sits. */
export interface EntryText {
  slot: Slot;
  /** The question it answers, or null for a tag. */
  question: string | null;
  text: string;
}

const TEXT_TYPES = new Set(["short_text", "long_text", "roles", "actions"]);

/** Every text of an entry, in guide order, then the tags. */
export function entryTexts(guide: Guide, answers: Record<string, unknown>, tags: string[]): EntryText[] {
  const out: EntryText[] = [];
  for (const q of guide.steps.flatMap((s) => s.questions)) {
    if (!TEXT_TYPES.has(q.type)) continue;
    const value = answers[q.id];
    if (typeof value === "string") out.push({ slot: ["answers", q.id], question: q.id, text: value });
    else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === "string") out.push({ slot: ["answers", q.id, i], question: q.id, text: item });
        else if (item && typeof item === "object") {
          for (const key of ["text", "owner"]) {
            const v = (item as Record<string, unknown>)[key];
            if (typeof v === "string") out.push({ slot: ["answers", q.id, i, key], question: q.id, text: v });
          }
        }
      });
    }
  }
  tags.forEach((tag, i) => out.push({ slot: ["tags", i], question: null, text: tag }));
  return out;
}

/** Writes `texts` (in the order of `at`) back into copies of the answers and tags. */
export function withTexts(
  answers: Record<string, unknown>,
  tags: string[],
  at: EntryText[],
  texts: string[],
): { answers: Record<string, unknown>; tags: string[] } {
  const next = { answers: structuredClone(answers), tags: [...tags] };
  at.forEach((t, n) => {
    const text = texts[n];
    if (text === undefined || text === t.text) return;
    const [root, ...path] = t.slot;
    let holder: Record<string | number, unknown> = root === "tags" ? (next.tags as unknown as Record<number, unknown>) : next.answers;
    const last = path[path.length - 1];
    if (last === undefined) return;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    holder[last] = text;
  });
  return next;
}

/** The text cut into plain and found pieces, for a highlighted echo of the field. */
export function pieces(text: string, findings: Finding[]): { text: string; finding: Finding | null }[] {
  const out: { text: string; finding: Finding | null }[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || f.end > text.length) continue; // stale: the text changed since the scan
    if (f.start > at) out.push({ text: text.slice(at, f.start), finding: null });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), finding: null });
  return out;
}

/** Line and character (both from 1) of a UTF-16 offset, as a person would count them. */
export function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  const last = lines[lines.length - 1] ?? "";
  return { line: lines.length, col: [...last].length + 1 };
}

/** Whether a finding still matches the text it was found in (the person may have typed on). */
export function stillThere(text: string, f: Finding): boolean {
  return text.slice(f.start, f.end) === f.text;
}

/** One finding per datum: the same text of the same kind once. */
export function distinct<T extends { finding: Finding }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter(({ finding }) => {
    const key = `${finding.kind}\u0000${finding.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** CPR numbers block saving; everything else asks for a confirmation. */
export const blocks = (kind: FindingKind) => kind === "cpr";
