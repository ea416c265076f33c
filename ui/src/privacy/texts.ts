// The texts of an entry are defined once, in the core (`reflection::entry_texts`), and arrive
// with the guard's findings from `checkEntry`, each at a slot; these pure functions write a
// replacement back into the slot it came from and cut a text into highlighted pieces. Tested
// beside.
import type { Finding, FindingKind } from "../ipc";

/** Where a text sits: `["answers", questionId, index?, key?]` or `["tags", index]`. */
export type Slot = (string | number)[];

/** A text of the entry and where it sits. */
export interface EntryText {
  slot: Slot;
  text: string;
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
