// The wizard's state machine, driven directly with a fake backend: no component, no Tauri. What
// the person sees of it is tested in Wizard.test.ts; the check before saving in checks.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Entry } from "../ipc";
import { i18n } from "../i18n/i18n.svelte";
import { todayIso } from "../format";
import { draft, entry, fakeWizard, lastCall, refusal } from "./fakeWizard";

beforeEach(() => {
  vi.useFakeTimers();
  i18n.set("en");
});
afterEach(() => vi.useRealTimers());

describe("opening the wizard", () => {
  it("a new entry opens the guide asked for at its first step, with today as the day it happened", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({ guideId: "g" });
    expect(backend.getGuide).toHaveBeenCalledWith("g", null);
    expect(wizard.current?.id, "the first step shows first").toBe("one");
    expect({ ...wizard.answers }).toEqual({ day: todayIso() });
    expect([wizard.entryId, wizard.draftId, wizard.restoredAt, wizard.carrying]).toEqual([null, null, null, false]);
    expect(backend.getEntry, "a new entry reads no other").not.toHaveBeenCalled();
  });

  it("a new entry with no guide named opens the co-production guide", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({});
    expect(backend.getGuide).toHaveBeenCalledWith("co-production", null);
  });

  it("a follow-up starts from the earlier attempt's initiative and goes through its actions first", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getEntry.mockResolvedValueOnce(entry({ id: "e-0", initiative: "Homework café", actions: [{ id: "a-1" } as Entry["actions"][number]] }));
    await wizard.load({ guideId: "g", followsUp: "e-0" });
    expect(backend.getEntry).toHaveBeenCalledWith("e-0");
    expect(wizard.answers.who).toBe("Homework café");
    expect(wizard.followTarget, "the earlier attempt is the one followed up, unless the person picks another").toBe("e-0");
    expect(wizard.carrying, "the earlier attempt's actions come before the first step").toBe(true);
    wizard.carried();
    expect(wizard.carrying).toBe(false);
  });

  it("a follow-up of an attempt without actions goes straight to the first step", async () => {
    const { wizard } = fakeWizard();
    await wizard.load({ guideId: "g", followsUp: "e-0" });
    expect(wizard.previous?.id).toBe("e-0");
    expect(wizard.carrying).toBe(false);
  });

  it("a resumed draft brings back its guide version, answers, tags and step, and says when it was written", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getDraft.mockResolvedValueOnce(draft({ id: "d-7", step: 1 }, { guideVersion: 2, answers: { name: "Course" }, tags: ["autumn"] }));
    await wizard.load({ draftId: "d-7" });
    expect(backend.getGuide, "a draft is shown with the guide version it was written in").toHaveBeenCalledWith("g", 2);
    expect(wizard.answers.name).toBe("Course");
    expect([...wizard.tags]).toEqual(["autumn"]);
    expect(wizard.step).toBe(1);
    expect(wizard.draftId, "autosave goes on writing the same draft").toBe("d-7");
    expect(wizard.restoredAt).toBe("2026-03-01T10:00:00Z");
    expect(backend.getEntry, "a draft of a new entry has no entry to read").not.toHaveBeenCalled();
  });

  it("a resumed draft of a finished entry keeps the entry finished when it is saved again", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getDraft.mockResolvedValueOnce(draft({ id: "d-7", entryId: "e-1" }, { answers: { name: "Course" } }));
    backend.getEntry.mockResolvedValueOnce(entry({ id: "e-1", completedAt: "2026-02-01T10:00:00Z" }));
    await wizard.load({ draftId: "d-7" });
    await wizard.save(false);
    expect(backend.createEntry, "a draft of a saved entry updates it").not.toHaveBeenCalled();
    const [id, input, draftId] = lastCall(backend.updateEntry);
    expect([id, draftId]).toEqual(["e-1", "d-7"]);
    expect(input.complete, "a quick save must not turn a finished reflection back into a capture").toBe(true);
  });

  it("editing an entry opens its unsaved draft rather than what was saved, at the step asked for", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getEntry.mockResolvedValueOnce(entry({ id: "e-1", answers: { name: "Saved" }, tags: ["old"] }));
    backend.draftForEntry.mockResolvedValueOnce(draft({ id: "d-3", entryId: "e-1", step: 0 }, { answers: { name: "Newer" }, tags: ["new"] }));
    await wizard.load({ entryId: "e-1", step: 1 });
    expect(backend.draftForEntry).toHaveBeenCalledWith("e-1");
    expect(wizard.answers.name, "the draft was written after the save").toBe("Newer");
    expect([...wizard.tags]).toEqual(["new"]);
    expect([wizard.entryId, wizard.draftId, wizard.step]).toEqual(["e-1", "d-3", 1]);
    expect(wizard.restoredAt).toBe("2026-03-01T10:00:00Z");
  });

  it("editing an entry without a draft opens what was saved, never past the last step", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getEntry.mockResolvedValueOnce(entry({ id: "e-1", answers: { name: "Saved" }, tags: ["old"] }));
    await wizard.load({ entryId: "e-1", step: 9 });
    expect(wizard.answers.name).toBe("Saved");
    expect([...wizard.tags]).toEqual(["old"]);
    expect(wizard.step, "a step past the guide's end shows its last").toBe(1);
    expect(wizard.last).toBe(true);
    expect([wizard.draftId, wizard.restoredAt]).toEqual([null, null]);
  });

  it("a guide that cannot be loaded leaves its error to show", async () => {
    const { wizard, backend } = fakeWizard();
    backend.getGuide.mockRejectedValueOnce(refusal({ kind: "not_found", message: "no such guide" }));
    await wizard.load({ guideId: "gone" });
    expect(wizard.guide).toBeNull();
    expect(wizard.failure?.kind).toBe("not_found");
  });
});

describe("autosave", () => {
  it("an answer is written as a draft a short pause after typing, with the step, and only then said to be saved", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({ guideId: "g" });
    wizard.answer("name", "Course");
    expect(wizard.autosave.kind).toBe("pending");
    await vi.advanceTimersByTimeAsync(699);
    expect(backend.saveDraft, "no draft while the person is still typing").not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(lastCall(backend.saveDraft)[0]).toEqual({
      id: null,
      entryId: null,
      step: 0,
      input: { guideId: "g", guideVersion: 3, answers: { day: todayIso(), name: "Course" }, complete: false, tags: [], overridePersonalData: false },
    });
    expect(wizard.autosave.kind, "saved only after the backend confirmed").toBe("saved");
    wizard.setTags(["autumn"]);
    await vi.advanceTimersByTimeAsync(700);
    expect(lastCall(backend.saveDraft)[0]).toMatchObject({ id: "d-1", input: { tags: ["autumn"] } });
  });

  it("flushing writes what is unsaved at once, as closing the wizard or locking the journal does", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({ guideId: "g" });
    wizard.answer("name", "Course");
    await wizard.flush();
    expect(backend.saveDraft).toHaveBeenCalledTimes(1);
    expect(lastCall(backend.saveDraft)[0].input.answers.name).toBe("Course");
    await wizard.flush();
    expect(backend.saveDraft, "nothing unsaved, nothing written").toHaveBeenCalledTimes(1);
  });

  it("a draft that could not be written is said to be unsaved", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({ guideId: "g" });
    backend.saveDraft.mockRejectedValueOnce(refusal({ kind: "disk_full" }));
    wizard.answer("name", "Course");
    await wizard.flush();
    expect(wizard.autosave).toMatchObject({ kind: "failed", error: { kind: "disk_full" } });
  });

  it("moving to another step focuses its heading, and a reflection with a draft remembers the step", async () => {
    const { wizard, backend, focus } = fakeWizard();
    await wizard.load({ guideId: "g" });
    await wizard.go(1);
    expect(wizard.current?.id).toBe("two");
    expect(focus.heading).toHaveBeenCalledTimes(1);
    await wizard.flush();
    expect(backend.saveDraft, "moving through an untouched reflection writes no draft").not.toHaveBeenCalled();

    wizard.answer("how", "failed");
    await wizard.flush();
    await wizard.go(0);
    await wizard.flush();
    expect(lastCall(backend.saveDraft)[0]).toMatchObject({ id: "d-1", step: 0 });
    await wizard.go(7);
    expect(wizard.step, "a step past the end is the last").toBe(1);
  });
});

describe("saving", () => {
  it("the attempt followed up travels inside the save's own input", async () => {
    const { wizard, backend } = fakeWizard();
    await wizard.load({ guideId: "g", followsUp: "e-0" });
    wizard.answer("name", "Second try");
    await wizard.save(true);
    expect(lastCall(backend.createEntry)[0]).toMatchObject({ followsUp: "e-0", complete: true, answers: { name: "Second try" } });
  });

  it("no follow-up chosen sends none, and an entry is never sent as a follow-up of itself", async () => {
    const fresh = fakeWizard();
    await fresh.wizard.load({ guideId: "g" });
    await fresh.wizard.save(false);
    expect("followsUp" in lastCall(fresh.backend.createEntry)[0]).toBe(false);

    const edit = fakeWizard();
    await edit.wizard.load({ entryId: "e-1" });
    edit.wizard.followTarget = "e-1";
    await edit.wizard.save(false);
    expect("followsUp" in lastCall(edit.backend.updateEntry)[1]).toBe(false);
  });

  it("finishing writes the draft first and saves the entry through it", async () => {
    const { wizard, backend, navigate } = fakeWizard();
    await wizard.load({ guideId: "g" });
    wizard.answer("name", "Course");
    let saved = (_: Entry) => {};
    backend.createEntry.mockImplementationOnce(() => new Promise<Entry>((resolve) => (saved = resolve)));
    const saving = wizard.save(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(wizard.saving).toBe(true);
    const [input, draftId] = lastCall(backend.createEntry);
    expect(draftId, "the entry replaces its draft in one write").toBe("d-1");
    expect(backend.saveDraft.mock.invocationCallOrder[0]).toBeLessThan(backend.createEntry.mock.invocationCallOrder[0]!);
    expect(input).toMatchObject({ complete: true, overridePersonalData: false, answers: { name: "Course" } });
    // A keystroke while the entry is being written must not bring its draft back afterwards.
    wizard.answer("name", "Course, typed during the save");
    saved(entry({ id: "e-new" }));
    await saving;
    await vi.advanceTimersByTimeAsync(5000);
    expect(backend.saveDraft, "the saved entry's draft is not written again").toHaveBeenCalledTimes(1);
    expect(wizard.saving).toBe(false);
    expect(navigate).toHaveBeenCalledWith({ name: "entry", id: "e-new", justSaved: true });
  });

  it("a failed save keeps every answer and the draft, and says why", async () => {
    const { wizard, backend, navigate } = fakeWizard();
    await wizard.load({ guideId: "g" });
    wizard.answer("name", "Course");
    wizard.answer("story", "It went well");
    backend.createEntry.mockRejectedValueOnce(refusal({ kind: "disk_full", message: "no space left" }));
    await wizard.save(true);
    expect(wizard.failure?.kind).toBe("disk_full");
    expect(wizard.problemQuestion, "a full disk is about no question").toBeFalsy();
    expect({ ...wizard.answers }).toEqual({ day: todayIso(), name: "Course", story: "It went well" });
    expect(lastCall(backend.saveDraft)[0].input.answers, "what was typed is in the draft").toMatchObject({ name: "Course", story: "It went well" });
    expect(navigate, "the person stays with their text").not.toHaveBeenCalled();
    expect(wizard.saving).toBe(false);

    await wizard.save(true);
    expect(wizard.failure, "trying again clears the error").toBeNull();
    expect(lastCall(backend.createEntry)[0].answers).toMatchObject({ name: "Course", story: "It went well" });
    expect(navigate).toHaveBeenCalledWith({ name: "entry", id: "e-new", justSaved: true });
  });

  it("a refused answer takes the person to its question, on its step", async () => {
    const { wizard, backend, focus } = fakeWizard();
    await wizard.load({ guideId: "g" });
    backend.createEntry.mockRejectedValueOnce(refusal({ kind: "invalid_input", field: "answers.how", problem: "required" }));
    await wizard.save(false);
    expect(wizard.step).toBe(1);
    expect(wizard.problems).toEqual({ how: "This is required." });
    expect(wizard.problemQuestion && wizard.problemQuestion.id).toBe("how");
    expect(focus.byId.mock.calls.map(([id]) => id), "a choice is focused by its group").toEqual(["q-how", "q-how-group"]);
    wizard.answer("how", "failed");
    expect(wizard.problems.how, "answering clears the problem").toBe("");
  });

  it("save and finish later writes the draft and goes back to where the person came from", async () => {
    const fresh = fakeWizard();
    await fresh.wizard.load({ guideId: "g" });
    fresh.wizard.answer("name", "Course");
    await fresh.wizard.later();
    expect(fresh.backend.saveDraft).toHaveBeenCalledTimes(1);
    expect(fresh.navigate).toHaveBeenCalledWith({ name: "journal" });

    const edit = fakeWizard();
    await edit.wizard.load({ entryId: "e-1" });
    await edit.wizard.later();
    expect(edit.navigate).toHaveBeenCalledWith({ name: "entry", id: "e-1" });
    expect(edit.backend.updateEntry, "later saves no entry").not.toHaveBeenCalled();
  });
});
