// Every Danish string in the window and the guides, against docs/sprog.md: the words it says
// never to use (and the words with legal weight in a municipality, ../shared/DOMAIN.md) and its
// typography: »…« quotes, the short dash, no accent on a button's verb, dates in words.
import { describe, expect, it } from "vitest";
import { COLONS } from "./colons.da";
import { da } from "./da";

function leaves(obj: unknown, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.push([key, v]);
    else if (v && typeof v === "object") out.push(...leaves(v, key));
  }
  return out;
}

/** The `da` texts of every guide offered for new reflections, in its newest version (older
 * versions and unlisted guides are kept only so old reflections render as written). */
function guideTexts(): [string, string][] {
  type GuideFile = { id: string; version: number; listed?: boolean };
  const files = import.meta.glob<GuideFile>("../../../assets/guides/*.json", { eager: true, import: "default" });
  const guides = Object.entries(files).map(([file, guide]) => ({ file: file.split("/").pop() ?? file, guide }));
  const newest = (g: GuideFile) => guides.every((o) => o.guide.id !== g.id || o.guide.version <= g.version);
  const out: [string, string][] = [];
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "da" && typeof x === "string") out.push([at, x]);
        else walk(x, `${at}.${k}`);
      }
    }
  };
  for (const { file, guide } of guides) if (guide.listed !== false && newest(guide)) walk(guide, file);
  return out;
}

const texts = [...leaves(da), ...guideTexts()];

/** sprog.md's "Brug aldrig" and DOMAIN.md's words with legal weight, as whole words. */
const NEVER = [
  "journal",
  "journalen",
  "journalnotat",
  "handleplan",
  "sagsbehandling",
  "frivillig",
  "frivilligt",
  "medproducent",
  "deltagelsestrin",
  "supervision",
  "teammøde",
  "visitere",
  "anonymiseret",
  "aggregeret",
  "samproduktion",
  "fritekstsøgning",
  "forespørgsel",
  "certifikat",
  "token",
  "arkiv",
  "arkivet",
  "fortroligt",
  "udskrevet",
  "teamleder",
  "teamlederen",
  "teamlederens",
  "forfalsket",
];

describe("Danish as docs/sprog.md asks", () => {
  it("reads the strings it checks", () => {
    expect(texts.length).toBeGreaterThan(500);
    expect(guideTexts().length, "the guides' Danish is read too").toBeGreaterThan(100);
  });

  it("uses none of the words to never use", () => {
    const found = texts.flatMap(([at, text]) =>
      NEVER.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, "iu").test(text)).map((w) => `${at}: ${w}`),
    );
    expect(found).toEqual([]);
  });

  it("quotes with »…«, dashes with –, and writes … as one character", () => {
    const found = texts.filter(([, text]) => /["“”—]|\.\.\./.test(text)).map(([at, text]) => `${at}: ${text}`);
    expect(found).toEqual([]);
  });

  it("puts no accent on a button's verb", () => {
    const found = texts.filter(([, text]) => /^\p{L}+ér(\s|$|:)/u.test(text)).map(([at, text]) => `${at}: ${text}`);
    expect(found).toEqual([]);
  });

  it("capitalises after a colon exactly when a whole sentence follows (each verdict in colons.da.ts)", () => {
    const found: string[] = [];
    const seen = new Set<string>();
    for (const [at, text] of leaves(da)) {
      const letter = /: (\p{L})/u.exec(text)?.[1];
      if (letter === undefined) continue;
      seen.add(at);
      const verdict = COLONS[at];
      if (!verdict) found.push(`${at}: no verdict in colons.da.ts for »${text}«`);
      else if ((letter === letter.toUpperCase()) !== (verdict === "sentence")) found.push(`${at} (${verdict}): »${text}«`);
    }
    for (const at of Object.keys(COLONS)) if (!seen.has(at)) found.push(`${at}: in colons.da.ts, but no such string with a colon`);
    expect(found).toEqual([]);
  });

  it("writes dates in words, not as ISO dates (except where it shows how to type one)", () => {
    const found = texts
      .filter(([, text]) => /\b\d{4}-\d{2}-\d{2}\b/.test(text) && !/12\.3\.2026/.test(text))
      .map(([at, text]) => `${at}: ${text}`);
    expect(found).toEqual([]);
  });
});
