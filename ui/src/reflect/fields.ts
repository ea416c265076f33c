// Maps a backend validation error onto the form field it names, in the interface language.
import type { IpcError } from "../ipc";
import { i18n } from "../i18n/i18n.svelte";

export type FieldName = "occurredOn" | "title" | "outcome" | "notes";

const FIELDS: readonly FieldName[] = ["occurredOn", "title", "outcome", "notes"];

export function fieldProblems(err: IpcError): Partial<Record<FieldName, string>> {
  if (err.kind !== "invalid_input" || !err.field) return {};
  const field = FIELDS.find((f) => f === err.field);
  if (!field) return {};
  const text = err.problem ? i18n.m.form.problems[err.problem] : err.message;
  return { [field]: text };
}
