// A shared reflection as the session reads it: its written answers with their questions, in
// the guide's order (answers the guide no longer has keep their id), and nothing else that
// is not already a category.
import type { Guide } from "../../ipc";
import { tx } from "../../i18n/local";

export function answerTexts(body: Record<string, unknown>, guide: Guide | null): { id: string; label: string; text: string }[] {
  const answers = (body.answers ?? {}) as Record<string, unknown>;
  const questions = guide?.steps.flatMap((s) => s.questions) ?? [];
  const written = (q: string) => typeof answers[q] === "string" && (answers[q] as string).trim() !== "";
  const skip = new Set(questions.filter((q) => q.feeds === "title" || q.feeds === "occurred_on" || q.type !== "long_text").map((q) => q.id));
  const known = questions.filter((q) => written(q.id) && !skip.has(q.id)).map((q) => ({ id: q.id, label: tx(q.label), text: answers[q.id] as string }));
  const unknown = Object.keys(answers)
    .filter((id) => written(id) && !questions.some((q) => q.id === id))
    .map((id) => ({ id, label: id, text: answers[id] as string }));
  return [...known, ...unknown];
}
