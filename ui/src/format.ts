// Dates and times in the interface language.
import { locale } from "./i18n/i18n.svelte";

// Creating an Intl formatter is slow (a timeline page formats a thousand dates), so each
// locale-and-options pair is made once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), options);
    formatters.set(key, f);
  }
  return f;
}

/** "12. marts 2026" / "12 March 2026" for an ISO day. */
export function longDate(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  if (!y || !m || !d) return isoDay;
  return formatter({ dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "10:42" for an instant today; "12. mar. 10:42" otherwise. */
export function shortTime(instant: string | Date): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const today = new Date();
  const sameDay = at.toDateString() === today.toDateString();
  const opts: Intl.DateTimeFormatOptions = sameDay
    ? { hour: "2-digit", minute: "2-digit" }
    : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return formatter(opts).format(at);
}

/** Today as YYYY-MM-DD in local time (the day the worker is living in). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
