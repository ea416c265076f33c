// The check before saving, as the wizard asks it (`checks.ts`, `wizard.svelte.ts`): what holds
// a save back, and each way out of it. Driven with a fake backend.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../i18n/i18n.svelte";
import { CPR, fakeWizard, lastCall, refusal, scan } from "./fakeWizard";

beforeEach(() => {
  vi.useFakeTimers();
  i18n.set("en");
});
afterEach(() => vi.useRealTimers());

describe("the check before saving", () => {
  async function typed(answers: Record<string, string>) {
    const s = fakeWizard();
    await s.wizard.load({ guideId: "g" });
    for (const [id, v] of Object.entries(answers)) s.wizard.answer(id, v);
    return s;
  }

  it("a CPR number holds the save back and asks, naming the question it is in", async () => {
    const { wizard, backend } = await typed({ name: `Met ${CPR}` });
    await wizard.save(false);
    expect(backend.createEntry, "nothing is saved before the person answers").not.toHaveBeenCalled();
    expect(wizard.check?.complete).toBe(false);
    expect(wizard.check?.items.map((i) => [i.where, i.question, i.finding.kind, i.finding.text])).toEqual([["Title", "name", "cpr", CPR]]);
    expect(wizard.saving).toBe(false);
  });

  it("the preview, the replacement and the check share one answer from the core until something is typed", async () => {
    const { wizard, backend } = await typed({ name: `Met ${CPR}` });
    const [finding] = scan(CPR);
    expect(await wizard.guard.preview(finding!)).toBe("citizen A");
    await wizard.save(false);
    expect(backend.checkEntry).toHaveBeenCalledTimes(1);
    wizard.answer("name", `Met ${CPR} again`);
    await wizard.save(false);
    expect(backend.checkEntry, "a changed entry is checked again").toHaveBeenCalledTimes(2);
  });

  it("saving anyway saves the CPR number on purpose and opens the saved entry", async () => {
    const { wizard, backend, navigate } = await typed({ name: `Met ${CPR}` });
    await wizard.save(true);
    await wizard.override();
    expect(wizard.check).toBeNull();
    const [input] = lastCall(backend.createEntry);
    expect(input).toMatchObject({ overridePersonalData: true, complete: true, answers: { name: `Met ${CPR}` } });
    expect(navigate).toHaveBeenCalledWith({ name: "entry", id: "e-new", justSaved: true });
  });

  it("replacing everything writes the role labels into the answers and saves without asking again", async () => {
    const { wizard, backend } = await typed({ name: `Met ${CPR}`, story: `${CPR} said no` });
    await wizard.save(false);
    await wizard.replaceAll();
    expect(backend.pseudonymise).toHaveBeenCalledWith([`Met ${CPR}`, `${CPR} said no`], expect.objectContaining({ text: CPR }), "en");
    expect(wizard.answers.name).toBe("Met citizen A");
    expect(wizard.answers.story).toBe("citizen A said no");
    expect(wizard.check).toBeNull();
    const [input] = lastCall(backend.createEntry);
    expect(input).toMatchObject({ overridePersonalData: false, answers: { name: "Met citizen A", story: "citizen A said no" } });
    expect(backend.checkEntry, "the replaced entry is checked once more before it is saved").toHaveBeenCalledTimes(2);
  });

  it("warnings are saved once confirmed, without the override", async () => {
    const { wizard, backend } = await typed({ name: "Fatima came" });
    await wizard.save(false);
    expect(wizard.check?.items.map((i) => i.finding.kind)).toEqual(["never_store"]);
    expect(backend.createEntry).not.toHaveBeenCalled();
    await wizard.confirm();
    expect(lastCall(backend.createEntry)[0].overridePersonalData).toBe(false);
  });

  it("closing the check goes back to the first finding's question, on its step", async () => {
    const { wizard, backend, focus } = await typed({ story: "Fatima said no" });
    await wizard.save(false);
    await wizard.closeCheck();
    expect(wizard.check).toBeNull();
    expect(wizard.step).toBe(1);
    expect(focus.heading).toHaveBeenCalled();
    expect(lastCall(focus.byId)).toEqual(["q-story"]);
    expect(backend.createEntry).not.toHaveBeenCalled();
  });

  it("a CPR number the check missed, refused by the core on save, is asked about after all", async () => {
    const { wizard, backend, navigate } = await typed({ name: `Met ${CPR} and Fatima` });
    backend.checkEntry.mockRejectedValueOnce(refusal({ kind: "internal" }));
    backend.createEntry.mockRejectedValueOnce(refusal({ kind: "invalid_input", field: "answers.name", problem: "personal_data" }));
    await wizard.save(false);
    expect(backend.createEntry).toHaveBeenCalledTimes(1);
    expect(wizard.check?.items.map((i) => i.finding.kind), "only the CPR number blocks").toEqual(["cpr"]);
    expect(navigate).not.toHaveBeenCalled();
  });
});
