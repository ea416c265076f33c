// Words for what leaves the device when a reflection is shared. The body itself comes from the
// core (`sharePreview`, the same projection the share sends), so the rule for what leaves the
// computer lives in one place; this file only labels it — and, after a refusal, tells which
// kind of finding the core named (`findingAt`).
import type { FindingKind, Guide } from "../ipc";
import { optionLabel, participationQuestion, questionFeeding } from "../reflect/guide";
import { tx } from "../i18n/local";
import { fill, i18n } from "../i18n/i18n.svelte";

/** Every text of a body with where it sits ("title", "answers.what_happened", "tags", …), the
 * way the core's `texts_of` names the `field` of a refusal. */
export function textsOf(body: unknown, at = ""): { at: string; text: string }[] {
  if (typeof body === "string") return [{ at, text: body }];
  if (Array.isArray(body)) return body.flatMap((item) => textsOf(item, at));
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([k, v]) => textsOf(v, at ? `${at}.${k}` : k));
  }
  return [];
}

/** The label of a question, in the interface language. */
function questionLabel(guide: Guide | null, id: string): string | null {
  const q = guide?.steps.flatMap((s) => s.questions).find((x) => x.id === id);
  return q ? tx(q.label) : null;
}

/** Where a refusal's `field` is, as a person reads it: the question's label, or the tags. */
export function fieldLabel(field: string | null, guide: Guide | null, tagsLabel: string): string {
  if (!field) return "";
  if (field === "tags") return tagsLabel;
  if (field === "title" || field === "initiative") {
    const q = guide ? questionFeeding(guide, field) : undefined;
    return q ? tx(q.label) : field;
  }
  const answer = /^answers\.([^.]+)/.exec(field);
  return (answer?.[1] && questionLabel(guide, answer[1])) || field;
}

/** The questions whose answers travel, by label, in the guide's order (answers the guide no
 * longer has keep their id). Empty answers travel too but are not listed. */
export function travellingAnswers(body: Record<string, unknown>, guide: Guide | null): string[] {
  const answers = (body.answers ?? {}) as Record<string, unknown>;
  const filled = (v: unknown): boolean =>
    typeof v === "string" ? v.trim() !== "" : Array.isArray(v) ? v.some(filled) : v !== null && v !== undefined && (typeof v !== "object" || Object.values(v).some(filled));
  const ids = Object.keys(answers).filter((id) => filled(answers[id]));
  const order = guide?.steps.flatMap((s) => s.questions.map((q) => q.id)) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  ids.sort((a, b) => rank(a) - rank(b));
  return ids.map((id) => questionLabel(guide, id) ?? id);
}

/** Whether the finding the core refused at `field` may be shared anyway: only when every
 * finding there is a phone number or an e-mail address. A CPR number or a never-store word
 * always blocks — and so does a field where nothing is found again (the safe reading). */
export type FindingVerdict = { kinds: FindingKind[]; blocks: boolean };

export async function findingAt(
  body: Record<string, unknown>,
  field: string | null,
  scan: (text: string) => Promise<{ kind: FindingKind }[]>,
): Promise<FindingVerdict> {
  const texts = textsOf(body).filter((t) => t.at === field);
  const kinds = new Set<FindingKind>();
  for (const t of texts) {
    try {
      for (const f of await scan(t.text)) kinds.add(f.kind);
    } catch {
      // Without a second scan the refusal stands as it is: blocking.
    }
  }
  const found = [...kinds];
  const blocks = found.length === 0 || found.some((k) => k === "cpr" || k === "never_store");
  return { kinds: found, blocks };
}

/** The categorical fields of a body that have a value, each with its label and its value in
 * words: what an aggregate share consists of, and what travels beside the text otherwise. */
export function categoryRows(body: Record<string, unknown>, guide: Guide | null): { key: string; label: string; value: string }[] {
  const m = i18n.m;
  const block = guide ? participationQuestion(guide) : undefined;
  const part = (id: string) => {
    const v = body[id];
    if (typeof v !== "string") return null;
    return (guide && block && tx(optionLabel(guide, block.id, v, id))) || v;
  };
  const partLabel = (id: string, fallback: string) => tx(block?.parts.find((p) => p.id === id)?.label) || fallback;
  const scale = (v: unknown) => (typeof v === "number" ? fill(m.wizard.scaleOf, { n: v }) : null);
  const orgQuestion = guide?.steps.flatMap((s) => s.questions).find((q) => q.feeds === "organised");
  const org = typeof body.organisation === "string" ? (guide && orgQuestion && tx(optionLabel(guide, orgQuestion.id, body.organisation))) || body.organisation : null;
  const level = typeof body.level === "number" ? `${body.level} – ${m.summary.levels[body.level] ?? ""}` : null;
  const outcome = typeof body.outcome === "string" ? ((m.outcome as Record<string, string>)[body.outcome] ?? body.outcome) : null;
  const tags = Array.isArray(body.tags) && body.tags.length > 0 ? body.tags.join(", ") : null;
  const rows: [string, string, string | null][] = [
    ["outcome", m.timeline.outcome, outcome],
    ["level", m.team.previewLevel, level],
    ["phase", partLabel("phase", m.summary.phase), part("phase")],
    ["role", partLabel("role", m.chain.fields.role), part("role")],
    ["initiator", partLabel("initiator", m.summary.initiator), part("initiator")],
    ["predecided", partLabel("predecided", m.summary.predecided), part("predecided")],
    ["interest_alignment", m.summary.alignment, scale(body.interest_alignment)],
    ["trust_before", m.chain.fields.trust_before, scale(body.trust_before)],
    ["trust_after", m.chain.fields.trust_after, scale(body.trust_after)],
    ["organisation", m.summary.organisation, org],
    ["tags", m.wizard.tags, tags],
  ];
  return rows.filter((r): r is [string, string, string] => r[2] !== null).map(([key, label, value]) => ({ key, label, value }));
}
