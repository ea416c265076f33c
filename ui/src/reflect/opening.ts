// The wizard's three ways in: a new entry (a follow-up of an earlier attempt among them), a
// draft resumed, and a saved entry edited. Each part is written into the wizard the moment it
// arrives, so what loaded before a failure stays, and the guide shows as soon as it is there.
import type * as ipc from "../ipc";
import type { Entry, Guide } from "../ipc";
import type { View } from "../shell/router.svelte";
import { todayIso } from "../format";
import { questionFeeding } from "./guide";

/** What the wizard was opened with: the router's `reflect` view. */
export type WizardStart = Omit<Extract<View, { name: "reflect" }>, "name">;

/** The part of the wizard's state an opening fills in. */
export interface Opened {
  guide: Guide | null;
  answers: Record<string, unknown>;
  tags: string[];
  step: number;
  entryId: string | null;
  draftId: string | null;
  restoredAt: string | null;
  previous: Entry | null;
  carrying: boolean;
  followTarget: string;
  /** The entry was complete before this edit: saving it again keeps it complete. */
  wasComplete: boolean;
}

export type OpeningBackend = Pick<typeof ipc, "getGuide" | "getDraft" | "getEntry" | "draftForEntry">;

/** Opens `start` into `into`; throws what the backend threw. */
export async function openWizard(into: Opened, start: WizardStart, backend: OpeningBackend): Promise<void> {
  if (start.draftId) {
    const draft = await backend.getDraft(start.draftId);
    into.guide = await backend.getGuide(draft.input.guideId, draft.input.guideVersion);
    Object.assign(into.answers, draft.input.answers);
    into.tags = draft.input.tags;
    into.step = draft.step;
    into.draftId = draft.id;
    into.entryId = draft.entryId;
    into.restoredAt = draft.updatedAt;
    if (into.entryId) into.wasComplete = (await backend.getEntry(into.entryId)).completedAt !== null;
  } else if (start.entryId) {
    const [entry, draft] = await Promise.all([backend.getEntry(start.entryId), backend.draftForEntry(start.entryId)]);
    into.guide = await backend.getGuide(entry.guideId, entry.guideVersion);
    into.entryId = entry.id;
    into.wasComplete = entry.completedAt !== null;
    // An unsaved draft of the entry wins over what was saved: it was written after.
    Object.assign(into.answers, draft ? draft.input.answers : entry.answers);
    into.tags = draft ? draft.input.tags : entry.tags;
    if (draft) [into.draftId, into.restoredAt] = [draft.id, draft.updatedAt];
    into.step = start.step ?? draft?.step ?? 0;
  } else {
    const guide = (into.guide = await backend.getGuide(start.guideId ?? "co-production", null));
    const day = questionFeeding(guide, "occurred_on");
    if (day) into.answers[day.id] = todayIso();
    if (start.followsUp) {
      // A follow-up starts from the earlier attempt: its initiative, and its actions first.
      const previous = (into.previous = await backend.getEntry(start.followsUp));
      into.followTarget = previous.id;
      const initiative = questionFeeding(guide, "initiative");
      if (initiative && previous.initiative) into.answers[initiative.id] = previous.initiative;
      into.carrying = previous.actions.length > 0;
    }
  }
  into.step = Math.min(into.step, (into.guide?.steps.length ?? 0) - 1);
}
