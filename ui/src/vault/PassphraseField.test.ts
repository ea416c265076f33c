import { cleanup, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import PassphraseField from "./PassphraseField.svelte";

describe("the passphrase field", () => {
  afterEach(() => cleanup());

  it("names each show toggle after its field, so a screen reader can tell them apart", () => {
    render(PassphraseField, { id: "a", label: "New passphrase", showLabel: "Show passphrase" });
    render(PassphraseField, { id: "b", label: "Repeat the passphrase", showLabel: "Show passphrase" });
    const toggles = screen.getAllByRole("checkbox");
    const names = toggles.map((t) => t.closest("label")?.textContent?.trim());
    expect(names).toEqual(["Show passphrase: New passphrase", "Show passphrase: Repeat the passphrase"]);
    expect(toggles[0]?.getAttribute("aria-controls")).toBe("a");
  });
});
