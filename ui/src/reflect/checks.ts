// The personal-data check of the reflection being written, as the wizard asks it: the core's
// `check_entry` gives every text of the entry with what the guard finds in it, and is asked once
// per state of the entry. A preview of a replacement, the replacement and the check before
// saving all read the same answer until something is typed.
import type * as ipc from "../ipc";
import type { CheckedText, EntryInput, Finding, Guide, Pseudonymised } from "../ipc";
import { i18n } from "../i18n/i18n.svelte";
import { tx } from "../i18n/local";
import { distinct } from "../privacy/texts";

/** One finding as the check before saving lists it. */
export interface CheckItem {
  /** The label of the question it is in; `null` for the tags. */
  where: string | null;
  question: string | null;
  finding: Finding;
}

/** The check before saving, while it is open: what it found, and whether the save it holds
 * back was to mark the guide as gone through. */
export interface SaveQuestion {
  complete: boolean;
  items: CheckItem[];
}

/** The entry as it is now, or `null` before its guide has loaded. */
export type EntryNow = () => { guide: Guide; input: EntryInput } | null;

export class EntryChecks {
  #last: { key: string; texts: CheckedText[] } | null = null;

  constructor(
    private readonly backend: Pick<typeof ipc, "checkEntry" | "pseudonymise">,
    private readonly entry: EntryNow,
  ) {}

  /** The entry's texts now, as the core defines them, each with what the guard finds in it. */
  async texts(): Promise<CheckedText[]> {
    const now = this.entry();
    if (!now) return [];
    const key = JSON.stringify([now.input.answers, now.input.tags]);
    if (this.#last?.key !== key) this.#last = { key, texts: (await this.backend.checkEntry(now.input)).texts };
    return this.#last.texts;
  }

  /** Every finding in the entry's texts, one per datum. A check that fails finds nothing here;
   * the backend still refuses a CPR number on save. */
  async findAll(): Promise<CheckItem[]> {
    const found: CheckItem[] = [];
    const texts = await this.texts().catch(() => [] as CheckedText[]);
    const guide = this.entry()?.guide;
    for (const t of texts) {
      const q = t.question ? guide?.steps.flatMap((s) => s.questions).find((x) => x.id === t.question) : undefined;
      for (const finding of t.findings) found.push({ where: q ? tx(q.label) : null, question: t.question, finding });
    }
    return distinct(found);
  }

  /** The entry's texts with `finding` replaced by a role label everywhere; `at` says where each
   * text sits, to write it back. */
  async pseudonymise(finding: Finding): Promise<{ at: CheckedText[]; out: Pseudonymised }> {
    const at = await this.texts();
    return { at, out: await this.backend.pseudonymise(at.map((t) => t.text), finding, i18n.lang) };
  }

  /** The label a replacement of `finding` would use now (nothing changes). */
  async preview(finding: Finding): Promise<string> {
    return (await this.pseudonymise(finding)).out.label;
  }
}
