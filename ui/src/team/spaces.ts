// Pure helpers of the team area, tested beside: a member card as the code people paste, the
// folder's state put in words (missing bundles per member, what one read of the folder did),
// the team's counts as a table, and backend errors told the way the team area needs them.
import type { CountCell, IpcError, MemberCard, MissingBundle, Outcome, SyncReport } from "../ipc";
import { errorText, i18n, locale, plural } from "../i18n/i18n.svelte";
import { longDate } from "../format";

const CODE_PREFIX = "EFTERTANKE-CARD-1:";

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(code: string): string | null {
  try {
    const padded = code.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((code.length + 3) % 4);
    const binary = atob(padded);
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The card as one line to paste into a message, as the core writes it (`MemberCard::to_code`):
 * the prefix and the card's JSON in unpadded base64url. */
export function cardCode(card: MemberCard): string {
  return CODE_PREFIX + toBase64Url(JSON.stringify(card));
}

/** The name and fingerprint a pasted card or code claims, so the lead can compare the
 * fingerprint aloud before adding; `null` when the text is not a card. The backend checks the
 * fingerprint against the keys when the card is added. */
export function readCard(text: string): { name: string; fingerprint: string } | null {
  const trimmed = text.trim();
  const json = trimmed.startsWith(CODE_PREFIX) ? fromBase64Url(trimmed.slice(CODE_PREFIX.length).trim()) : trimmed;
  if (!json) return null;
  try {
    const card = JSON.parse(json) as Partial<MemberCard>;
    if (card.kind !== "eftertanke-member-card" || typeof card.name !== "string" || typeof card.fingerprint !== "string") return null;
    return { name: card.name, fingerprint: card.fingerprint };
  } catch {
    return null;
  }
}

/** Missing bundles grouped by member, numbers in order: "Ahmed: 3, 5". */
export function missingByMember(missing: MissingBundle[]): { member: string; numbers: number[] }[] {
  const by = new Map<string, number[]>();
  for (const m of missing) by.set(m.member, [...(by.get(m.member) ?? []), m.seq]);
  return [...by].map(([member, numbers]) => ({ member, numbers: numbers.sort((a, b) => a - b) }));
}

export const OUTCOMES = ["failed", "partly", "succeeded", "too_early"] as const;

/** Whether a shared record's outcome is one this version knows: a record from a newer version
 * may carry another, and then no outcome is shown rather than a wrong one. */
export const isOutcome = (o: string | null): o is Outcome => OUTCOMES.some((x) => x === o);

/** The team's counts as rows (participation level 0–4, then "not recorded") by outcome
 * columns; a cell the backend did not send (fewer than 3) is `null`. Rows without any shown
 * cell are left out. */
export function countsGrid(cells: CountCell[]): { level: number | null; counts: (number | null)[] }[] {
  const levels: (number | null)[] = [0, 1, 2, 3, 4, null];
  return levels
    .map((level) => ({
      level,
      counts: OUTCOMES.map((o) => cells.find((c) => c.level === level && c.outcome === o)?.count ?? null),
    }))
    .filter((row) => row.counts.some((n) => n !== null));
}

/** What one read of the folder did, in a sentence or two. */
export function syncSummary(report: SyncReport): string {
  const m = i18n.m.team;
  const parts: string[] = [];
  const files = report.rosters + report.bundles;
  if (files > 0) parts.push(plural(m.syncFiles, files) + (report.records > 0 ? ` ${plural(m.syncRecords, report.records)}` : ""));
  if (report.waiting > 0) parts.push(plural(m.syncWaiting, report.waiting));
  if (report.rejected.length > 0) parts.push(plural(m.syncRefused, report.rejected.length));
  if (parts.length === 0) return m.syncNothing;
  return parts.map((p) => `${p}.`).join(" ");
}

/** A shared day as it travelled: a whole day, or only its month when shared without a name. */
export function sharedDay(day: string): string {
  if (/^\d{4}-\d{2}$/.test(day)) return monthYear(day);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return longDate(day);
  return day;
}

/** "marts 2026" / "March 2026" for "2026-03". */
export function monthYear(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number);
  if (!y || !m) return yearMonth;
  return new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A backend error from a team call, in words: the folder, a card, a name and a member are
 * told in the team area's own terms; everything else as elsewhere (`errorText`). */
export function teamErrorText(err: IpcError): string {
  const e = i18n.m.team.errors;
  if (err.kind === "unwritable") return e.folder;
  if (err.kind === "not_found") return e.notFound;
  if (err.kind !== "invalid_input") return errorText(err);
  switch (err.field) {
    case "card":
      return e.card;
    case "name":
      return e.name;
    case "member":
      return err.problem === "duplicate" ? e.sameName : e.member;
    case "space":
      return e.space;
    case "scope":
      return e.scope;
    case "folder":
      return e.folder;
    case "lead":
      return err.problem === "malformed" ? e.leadShape : e.leadOther;
    default:
      return errorText(err);
  }
}
