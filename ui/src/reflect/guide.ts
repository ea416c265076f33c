// Pure helpers over a guide and its answers, shared by the wizard, the journal and the entry
// view.
import type { Guide, IpcError, Question } from "../ipc";
import { typedDay } from "../format";

/** The question id a backend error names: "answers.actions[1].text" → "actions". */
export function questionOfField(field: string | null): string | null {
  const m = field?.match(/^(?:\[\d+\]\.)?answers\.([A-Za-z0-9_-]+)/);
  return m?.[1] ?? null;
}

/** The index of the step that holds question `id`, or -1. */
export function stepOfQuestion(guide: Guide, id: string): number {
  return guide.steps.findIndex((s) => s.questions.some((q) => q.id === id));
}

export function questionFeeding(guide: Guide, field: string): Question | undefined {
  return guide.steps.flatMap((s) => s.questions).find((q) => q.feeds === field);
}

/** The title typed so far (the answer to the question that feeds the title). */
export function titleOf(guide: Guide, answers: Record<string, unknown>): string {
  const q = questionFeeding(guide, "title");
  const v = q ? answers[q.id] : undefined;
  return typeof v === "string" ? v.trim() : "";
}

/** Whether a step has any answer that is not empty. */
export function stepAnswered(guide: Guide, index: number, answers: Record<string, unknown>): boolean {
  return (guide.steps[index]?.questions ?? []).some((q) => isAnswered(answers[q.id]));
}

export function isAnswered(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.some(isAnswered);
  if (typeof v === "object") return Object.values(v as object).some(isAnswered);
  return true;
}

/** The answers with every typed day in the ISO form the backend takes: date answers and the
 * review dates of actions, typed "12.3.2026" or "2026-03-12". What is not a day stays as typed,
 * so the backend can name the problem. The input is left untouched. */
export function withIsoDays(guide: Guide, answers: Record<string, unknown>): Record<string, unknown> {
  const out = { ...answers };
  for (const q of guide.steps.flatMap((s) => s.questions)) {
    const v = out[q.id];
    if (q.type === "date" && typeof v === "string") out[q.id] = typedDay(v);
    else if (q.type === "actions" && Array.isArray(v)) {
      out[q.id] = v.map((row: unknown) => {
        if (!row || typeof row !== "object") return row;
        const r = row as Record<string, unknown>;
        return typeof r.reviewOn === "string" ? { ...r, reviewOn: typedDay(r.reviewOn) } : r;
      });
    }
  }
  return out;
}

/** The problem to show on a question for a backend error, if the error is about one. */
export function problemFor(err: IpcError, messages: Record<string, string>): { question: string; text: string } | null {
  if (err.kind !== "invalid_input") return null;
  const question = questionOfField(err.field);
  if (!question) return null;
  return { question, text: (err.problem && messages[err.problem]) || err.message };
}

/** The label of option `option` of question `id` (or of a participation part). */
export function optionLabel(guide: Guide, id: string, option: string | null | undefined, part?: string) {
  if (!option) return null;
  const q = guide.steps.flatMap((s) => s.questions).find((x) => x.id === id || (part && x.type === "participation"));
  const options = part ? q?.parts.find((p) => p.id === part)?.options : q?.options;
  return options?.find((o) => o.id === option)?.label ?? null;
}

/** The participation block's question, if the guide has one. */
export function participationQuestion(guide: Guide): Question | undefined {
  return guide.steps.flatMap((s) => s.questions).find((q) => q.type === "participation");
}
