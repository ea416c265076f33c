// Formatting for the backups list.
import { dateTime } from "../format";

/** When a backup was made, in local time, e.g. "27. nov. 2026 kl. 10.15". */
export function backupDate(iso: string, lang: string): string {
  return dateTime(iso, lang === "da" ? "da-DK" : "en-GB");
}

/** A file size in KB or MB. */
export function sizeText(bytes: number, lang: string): string {
  const fmt = (n: number) => n.toLocaleString(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${fmt(Math.max(1, Math.round(bytes / 1024)))} KB` : `${fmt(bytes / 1024 / 1024)} MB`;
}
