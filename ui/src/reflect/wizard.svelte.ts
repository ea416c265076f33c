// The guided reflection's state and every move it makes; Wizard.svelte only shows it.
//
// It opens what the wizard was opened with (a new entry, a follow-up of an earlier attempt, a
// draft resumed, an entry edited: `opening.ts`), moves between steps, takes answers and tags, autosaves them
// as a draft, asks the personal-data check before saving (`checks.ts`) and saves. The backend,
// the navigation and the focus are passed in, so the whole flow is tested without Tauri or a
// page (`wizard.svelte.test.ts`).
//
// Invariants: the entry is saved only after the check was answered (nothing found, replaced,
// confirmed or overridden), the follow-up travels inside the save's own input, a failed save
// keeps every answer on screen and in the draft, and "Saved" is only ever shown for a write the
// backend confirmed (the autosaver's rule).
import { tick } from "svelte";
import type * as ipc from "../ipc";
import { asIpcError, type Entry, type EntryInput, type Finding, type Guide, type IpcError } from "../ipc";
import type { Guard } from "../privacy/guard";
import { withTexts } from "../privacy/texts";
import type { View } from "../shell/router.svelte";
import { i18n } from "../i18n/i18n.svelte";
import { Autosaver, type AutosaveState } from "./autosave";
import { EntryChecks, type SaveQuestion } from "./checks";
import { problemFor, stepAnswered, stepOfQuestion, withIsoDays } from "./guide";
import { openWizard, type Opened, type WizardStart } from "./opening";

export type { WizardStart } from "./opening";

/** The backend calls the wizard makes. */
export type WizardBackend = Pick<
  typeof ipc,
  "getGuide" | "getDraft" | "getEntry" | "draftForEntry" | "saveDraft" | "checkEntry" | "pseudonymise" | "createEntry" | "updateEntry"
>;

/** Where focus goes; the view knows the page, the state knows when. */
export interface WizardFocus {
  /** Focuses the current step's heading. */
  heading(): void;
  /** Focuses the element with this id; false when there is none on the page. */
  byId(id: string): boolean;
}

export interface WizardDeps {
  backend: WizardBackend;
  /** Opens another screen (the router's `go`). */
  navigate: (view: View) => void;
  focus: WizardFocus;
}

export class WizardState implements Opened {
  guide = $state<Guide | null>(null);
  answers = $state<Record<string, unknown>>({});
  tags = $state<string[]>([]);
  step = $state(0);
  /** The saved entry being edited; `null` for a new one. */
  entryId = $state<string | null>(null);
  draftId = $state<string | null>(null);
  /** When the resumed draft was last written, to say so. */
  restoredAt = $state<string | null>(null);
  /** The earlier attempt a follow-up starts from. */
  previous = $state<Entry | null>(null);
  /** The earlier attempt's actions are being carried forward, before the first step. */
  carrying = $state(false);
  /** The entry this one follows up on ("" for none); the person may choose another. */
  followTarget = $state("");
  autosave = $state<AutosaveState>({ kind: "idle" });
  saving = $state(false);
  /** The check's "replace all" is running. */
  checking = $state(false);
  failure = $state<IpcError | null>(null);
  /** The problem the backend named, per question id ("" once the person answered it). */
  problems = $state<Record<string, string>>({});
  /** The question asked before saving, while it is open. */
  check = $state<SaveQuestion | null>(null);
  /** The entry was complete before this edit: saving it again keeps it complete. */
  wasComplete = false;

  current = $derived(this.guide?.steps[this.step]);
  last = $derived(this.guide ? this.step === this.guide.steps.length - 1 : false);
  answeredHere = $derived(this.guide ? stepAnswered(this.guide, this.step, this.answers) : false);
  /** The question the backend refused, when the failure is about one. */
  problemQuestion = $derived(
    Object.keys(this.problems).find((k) => this.problems[k]) &&
      this.guide?.steps.flatMap((s) => s.questions).find((q) => this.problems[q.id]),
  );

  /** Lets a text field preview and make a replacement across the whole entry. */
  readonly guard: Guard = {
    preview: (finding) => this.#checks.preview(finding),
    replace: (finding) => this.#replace(finding),
  };

  readonly #backend: WizardBackend;
  readonly #navigate: (view: View) => void;
  readonly #focus: WizardFocus;
  readonly #saver: Autosaver<{ input: EntryInput; step: number }>;
  readonly #checks: EntryChecks;

  constructor(deps: WizardDeps) {
    this.#backend = deps.backend;
    this.#navigate = deps.navigate;
    this.#focus = deps.focus;
    this.#saver = new Autosaver({
      save: async ({ input, step }) => {
        const draft = await this.#backend.saveDraft({ id: this.draftId, entryId: this.entryId, input, step });
        this.draftId = draft.id;
      },
      onState: (s) => (this.autosave = s),
    });
    this.#checks = new EntryChecks(this.#backend, () => (this.guide ? { guide: this.guide, input: this.#input(false) } : null));
  }

  /** Opens what the wizard was opened with (`opening.ts`); a failure is kept in `failure`. */
  async load(start: WizardStart): Promise<void> {
    try {
      await openWizard(this, start, this.#backend);
    } catch (e) {
      this.failure = asIpcError(e);
    }
  }

  /** The earlier attempt's actions have been gone through; the first step follows. */
  carried(): void {
    this.carrying = false;
  }

  answer(id: string, value: unknown): void {
    this.answers[id] = value;
    if (this.problems[id]) this.problems = { ...this.problems, [id]: "" };
    this.#changed();
  }

  setTags(tags: string[]): void {
    this.tags = tags;
    this.#changed();
  }

  /** Moves to step `index` (kept within the guide) and focuses its heading. A reflection that
   * has a draft remembers the step in it. */
  async go(index: number): Promise<void> {
    if (!this.guide) return;
    this.step = Math.max(0, Math.min(index, this.guide.steps.length - 1));
    if (this.draftId || this.#saver.hasUnsaved) this.#changed();
    await tick();
    this.#focus.heading();
  }

  /** The step's form was submitted: the last step finishes, any other moves on. */
  submit(): Promise<void> {
    return this.last ? this.save(true) : this.go(this.step + 1);
  }

  /** Saves the entry; `complete` marks the guide as gone through. Personal data found first
   * opens the check instead. */
  save(complete: boolean): Promise<void> {
    return this.#save(complete, false, false);
  }

  /** The check's "replace all": every finding gets a role label; what is left is asked again,
   * and when nothing is, the entry is saved. */
  async replaceAll(): Promise<void> {
    if (!this.check) return;
    this.checking = true;
    try {
      for (const item of this.check.items) await this.#replace(item.finding);
      const left = await this.#checks.findAll();
      const complete = this.check.complete;
      this.check = left.length > 0 ? { complete, items: left } : null;
      if (!this.check) await this.#save(complete, true, false);
    } catch (e) {
      this.failure = asIpcError(e);
      this.check = null;
    } finally {
      this.checking = false;
    }
  }

  /** The check's "save anyway": a CPR number is saved on purpose (the core records that). */
  override(): Promise<void> {
    const complete = this.check?.complete ?? false;
    this.check = null;
    return this.#save(complete, true, true);
  }

  /** The check's "yes, save them": the warnings were seen and the data is meant to be there. */
  confirm(): Promise<void> {
    const complete = this.check?.complete ?? false;
    this.check = null;
    return this.#save(complete, true, false);
  }

  /** The check was closed without saving: back to the first finding's question, on its step. */
  async closeCheck(): Promise<void> {
    const first = this.check?.items[0]?.question;
    this.check = null;
    await tick();
    if (first && this.guide) {
      const at = stepOfQuestion(this.guide, first);
      if (at >= 0 && at !== this.step) await this.go(at);
      await tick();
      this.#focus.byId(`q-${first}`);
    }
  }

  /** "Save and finish later": the draft is written, and the wizard closes. */
  async later(): Promise<void> {
    await this.#saver.flush().catch(() => undefined);
    this.#navigate(this.entryId ? { name: "entry", id: this.entryId } : { name: "journal" });
  }

  /** Writes what is unsaved as a draft now (the wizard closes, or the journal locks). */
  flush(): Promise<void> {
    return this.#saver.flush();
  }

  /** The entry as typed, for the backend. */
  #input(complete: boolean, overridePersonalData = false, followsUp: string | null = null): EntryInput {
    const answers = $state.snapshot(this.answers) as Record<string, unknown>;
    return {
      guideId: this.guide?.id ?? "",
      guideVersion: this.guide?.version ?? null,
      // Days typed the Danish way (12.3.2026) are sent as the ISO days the backend takes.
      answers: this.guide ? withIsoDays(this.guide, answers) : answers,
      complete,
      tags: $state.snapshot(this.tags),
      overridePersonalData,
      ...(followsUp ? { followsUp } : {}),
    };
  }

  #changed(): void {
    this.#saver.change({ input: this.#input(false), step: this.step });
  }

  /** Replaces `finding` everywhere in the reflection with the next free role label. */
  async #replace(finding: Finding): Promise<string> {
    const { at, out } = await this.#checks.pseudonymise(finding);
    if (out.replaced > 0) {
      const answers = $state.snapshot(this.answers) as Record<string, unknown>;
      const next = withTexts(answers, $state.snapshot(this.tags), at, out.texts);
      for (const [id, value] of Object.entries(next.answers)) this.answers[id] = value;
      this.tags = next.tags;
      this.#changed();
    }
    return out.label;
  }

  /** `checked` skips the check (the person answered it); `override` saves a CPR number on
   * purpose. */
  async #save(complete: boolean, checked: boolean, override: boolean): Promise<void> {
    if (!this.guide) return;
    this.saving = true;
    this.failure = null;
    this.problems = {};
    try {
      if (!checked) {
        const items = await this.#checks.findAll();
        if (items.length > 0) {
          this.check = { complete, items };
          return;
        }
      }
      await this.#saver.flush().catch(() => undefined);
      // The follow-up is linked in the save's own transaction: a refused link (a circle) refuses
      // the save, and its problem is shown like any other.
      const follows = this.followTarget && this.followTarget !== this.entryId ? this.followTarget : null;
      const entry = this.entryId
        ? await this.#backend.updateEntry(this.entryId, this.#input(complete || this.wasComplete, override, follows), this.draftId)
        : await this.#backend.createEntry(this.#input(complete, override, follows), this.draftId);
      await this.#saver.stop();
      this.#navigate({ name: "entry", id: entry.id, justSaved: true });
    } catch (e) {
      const err = asIpcError(e);
      if (err.problem === "personal_data") {
        this.check = { complete, items: (await this.#checks.findAll()).filter((i) => i.finding.kind === "cpr") };
      } else await this.#showProblem(err);
    } finally {
      this.saving = false;
    }
  }

  /** Shows a failed save; one about a question takes the person to it. */
  async #showProblem(err: IpcError): Promise<void> {
    this.failure = err;
    const found = this.guide && problemFor(err, i18n.m.form.problems);
    if (!found || !this.guide) return;
    this.problems = { [found.question]: found.text };
    const at = stepOfQuestion(this.guide, found.question);
    if (at >= 0) this.step = at;
    await tick();
    if (!this.#focus.byId(`q-${found.question}`)) this.#focus.byId(`q-${found.question}-group`);
  }
}
