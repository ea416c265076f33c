import type { ErrorKind } from "../ipc/bindings/ErrorKind";
import { describe, expect, it } from "vitest";
import { da } from "./da";
import { en } from "./en";
import { fill, resolveLang } from "./i18n.svelte";

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
    expect(same.filter((k) => !/^(app\.(name|journal)|journal\.title|settings\.(language(Da|En)|version)|guides\.start|timeline\.zoom)$/.test(k))).toEqual([]);
  });

  it("error screens have a text for every error kind", () => {
    // Every kind the backend can send (the type check fails when one is added or removed).
    const all: Record<ErrorKind, true> = {
      invalid_input: true, not_found: true, corrupt: true, not_eftertanke: true, newer_schema: true, locked: true,
      unwritable: true, disk_full: true, vault_locked: true, wrong_passphrase: true, wrong_recovery_code: true,
      key_file: true, not_a_backup: true, network_file_system: true, internal: true,
    };
    expect(Object.keys(en.errors.kinds).sort()).toEqual(Object.keys(all).sort());
  });
});

describe("language choice", () => {
  it("follows a Danish OS locale unless a language was chosen", () => {
    expect(resolveLang("system", "da-DK")).toBe("da");
    expect(resolveLang("system", "da_DK.UTF-8")).toBe("da");
    expect(resolveLang("system", "en-US")).toBe("en");
    expect(resolveLang("system", "de-DE")).toBe("en");
    expect(resolveLang("en", "da-DK")).toBe("en");
    expect(resolveLang("da", "en-US")).toBe("da");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("Draft saved {time}", { time: "10:42" })).toBe("Draft saved 10:42");
    expect(fill("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
