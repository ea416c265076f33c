import type { ErrorKind } from "../ipc/bindings/ErrorKind";
import { afterEach, describe, expect, it } from "vitest";
import { da } from "./da";
import { en } from "./en";
import { errorText, fill, i18n, plural, resolveLang } from "./i18n.svelte";

function leaves(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

describe("messages", () => {
  const enLeaves = leaves(en);
  const daLeaves = leaves(da);

  it("Danish and English have exactly the same keys", () => {
    expect([...daLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it("no text is empty, and each language keeps the other's placeholders", () => {
    for (const [key, text] of enLeaves) {
      const daText = daLeaves.get(key) ?? "";
      expect(text.trim(), key).not.toBe("");
      expect(daText.trim(), key).not.toBe("");
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(daText), key).toEqual(holes(text));
    }
  });

  it("Danish text is not English text left untranslated", () => {
    const same = [...enLeaves].filter(([k, v]) => daLeaves.get(k) === v).map(([k]) => k);
    // Proper names and the language names themselves may be equal.
    expect(same.filter((k) => !/^(app\.name|settings\.(language(Da|En)|version|versionLabel|componentVersion)|guides\.start|timeline\.zoom)$/.test(k))).toEqual([]);
  });

  it("error screens have a text for every error kind", () => {
    // Every kind the backend can send (the type check fails when one is added or removed).
    const all: Record<ErrorKind, true> = {
      invalid_input: true, not_found: true, corrupt: true, not_eftertanke: true, newer_schema: true, locked: true,
      unwritable: true, disk_full: true, vault_locked: true, wrong_passphrase: true, wrong_recovery_code: true,
      key_file: true, not_a_backup: true, network_file_system: true, cancelled: true, internal: true,
    };
    expect(Object.keys(en.errors.kinds).sort()).toEqual(Object.keys(all).sort());
  });
});

describe("language choice", () => {
  it("follows a Danish OS locale unless a language was chosen", () => {
    expect(resolveLang(null, "da-DK")).toBe("da");
    expect(resolveLang(null, "da_DK.UTF-8")).toBe("da");
    expect(resolveLang(null, "en-US")).toBe("en");
    expect(resolveLang(null, "de-DE")).toBe("en");
    expect(resolveLang("en", "da-DK")).toBe("en");
    expect(resolveLang("da", "en-US")).toBe("da");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("Draft saved {time}", { time: "10:42" })).toBe("Draft saved 10:42");
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});

describe("plurals", () => {
  afterEach(() => i18n.set("en"));

  it("choose the English form by the language's plural rules", () => {
    i18n.set("en");
    const open = i18n.m.timeline.openActions;
    expect([1, 0, 2, 21].map((n) => plural(open, n))).toEqual(["1 open action", "0 open actions", "2 open actions", "21 open actions"]);
    expect(plural(i18n.m.guides.steps, 1)).toBe("1 step");
  });

  it("choose the Danish form by the language's plural rules", () => {
    i18n.set("da");
    const open = i18n.m.timeline.openActions;
    expect([1, 0, 2, 21].map((n) => plural(open, n))).toEqual(["1 åben handling", "0 åbne handlinger", "2 åbne handlinger", "21 åbne handlinger"]);
    expect(plural(i18n.m.vault.idleMinutes, 1)).toBe("1 minut");
    expect(plural(i18n.m.vault.idleMinutes, 21)).toBe("21 minutter");
  });

  it("write the count as the language writes numbers, and fill the other placeholders", () => {
    i18n.set("da");
    expect(plural(i18n.m.timeline.unplaced, 1250)).toMatch(/^1\.250 refleksioner hører ikke/);
    expect(plural(i18n.m.backups.recoveryOffer, 1, { date: "1. februar 2023" })).toBe(
      "Den nyeste sikkerhedskopi, der kan åbnes, er fra 1. februar 2023 (1 refleksion).",
    );
    i18n.set("en");
    expect(plural(i18n.m.timeline.attempts, 1250)).toBe("1,250 attempts");
  });

  it("every counted message has both forms in both languages", () => {
    const counted = (obj: unknown, prefix = ""): string[] =>
      Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => {
        const key = prefix ? `${prefix}.${k}` : k;
        if (v && typeof v === "object" && "one" in v && "other" in v) return [key];
        return v && typeof v === "object" ? counted(v, key) : [];
      });
    expect(counted(da)).toEqual(counted(en));
    // No message still counts by hand in one form only ("{n} open actions" for 1).
    const single = [...leaves(en)].filter(([k, v]) => /\{n\} [a-z]+s\b/.test(v) && !/\.(one|other)$/.test(k)).map(([k]) => k);
    expect(single).toEqual([]);
  });
});

describe("backend errors on screen", () => {
  afterEach(() => i18n.set("en"));

  it("are told in the interface language from their kind, not with the backend's English message", () => {
    i18n.set("da");
    const text = errorText({ kind: "internal", message: "database is locked", field: null, problem: null });
    expect(text).toBe(`${da.errors.kinds.internal.what} ${da.errors.kinds.internal.todo}`);
    expect(text).not.toContain("database");
    expect(errorText({ kind: "invalid_input", message: "would close a cycle", field: "target", problem: "cycle" })).toBe(da.form.problems.cycle);
  });
});
