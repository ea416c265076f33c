// Dates and times in the interface language.
import { locale } from "./i18n/i18n.svelte";

// Creating an Intl formatter is slow (a timeline page formats a thousand dates), so each
// locale-and-options pair is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions, at = locale()): Intl.DateTimeFormat {
  const key = `${at}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(at, options);
    formatters.set(key, f);
  }
  return f;
}

const danish = (at: string) => at.startsWith("da");

/** A time of day: "kl. 14.05" in Danish (as Danish writes a clock time), "14:05" in English. */
function clock(at: Date, loc: string): string {
  const time = formatter({ hour: "2-digit", minute: "2-digit" }, loc).format(at);
  return danish(loc) ? `kl. ${time}` : time;
}

/** "12. marts 2026" / "12 March 2026" for an ISO day. */
export function longDate(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  if (!y || !m || !d) return isoDay;
  return formatter({ dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant, shortly: "kl. 10.42" today and "12. mar. kl. 10.42" otherwise in Danish;
 * "10:42" and "12 Mar, 10:42" in English. */
export function shortTime(instant: string | Date): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const loc = locale();
  if (at.toDateString() === new Date().toDateString()) return clock(at, loc);
  if (danish(loc)) return `${formatter({ day: "numeric", month: "short" }, loc).format(at)} ${clock(at, loc)}`;
  return formatter({ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }, loc).format(at);
}

/** An instant with its year, in local time: "27. nov. 2026 kl. 10.15" / "27 Nov 2026, 10:15". */
export function dateTime(instant: string | Date, loc = locale()): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (danish(loc)) return `${formatter({ day: "numeric", month: "short", year: "numeric" }, loc).format(at)} ${clock(at, loc)}`;
  return formatter({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }, loc).format(at);
}

/**
 * A day as typed, in the ISO form the backend takes ("2026-03-12"), or null when it is not a day
 * that exists. Accepts ISO (2026-03-12, also 2026-3-12) and the Danish way of writing a date,
 * day first: 12.3.2026, 12-3-2026, 12. 3. 2026. Slashes are not accepted: 3/12/2026 means
 * different days in different countries.
 */
export function parseDay(typed: string): string | null {
  const text = typed.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$|^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) {
    const [dd, mm, yyyy] = dayFirst[1] ? dayFirst.slice(1, 4) : dayFirst.slice(4, 7);
    [y, m, d] = [Number(yyyy), Number(mm), Number(dd)];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

/** What to send for a typed day: its ISO form when it is one, else the text as typed, so the
 * backend names the problem. */
export function typedDay(typed: string): string {
  return parseDay(typed) ?? typed;
}

/** Today as YYYY-MM-DD in local time (the day the worker is living in). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
