// The interface language: follows the OS locale unless the person chose one in Settings.
import type { IpcError, Locale } from "../ipc";
import { da } from "./da";
import { en, type Messages } from "./en";

export type Lang = Locale;

/** The language to show for a preference (`null`: follow the OS) and the OS locale (e.g.
 * "da-DK", "en_US.UTF-8"). */
export function resolveLang(preference: Locale | null, osLocale: string): Lang {
  if (preference) return preference;
  return osLocale.toLowerCase().startsWith("da") ? "da" : "en";
}

let current = $state<Lang>("en");

export const i18n = {
  get lang(): Lang {
    return current;
  },
  get m(): Messages {
    return current === "da" ? da : en;
  },
  set(lang: Lang) {
    current = lang;
    document.documentElement.lang = lang;
  },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The BCP 47 locale for dates and numbers in the current language. */
export function locale(): string {
  return current === "da" ? "da-DK" : "en-GB";
}

/** A message that depends on a count: one form per plural category of the language. Danish and
 * English need `one` and `other`; the others are there for languages that have them. */
export type Plural = { one: string; other: string } & Partial<Record<"zero" | "two" | "few" | "many", string>>;

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of `message` for `n`, chosen by the language's own plural rules (Intl.PluralRules),
 * with `{n}` (written as the language writes numbers) and any other `values` filled in. */
export function plural(message: Plural, n: number, values: Record<string, string | number> = {}): string {
  const at = locale();
  let rules = pluralRules.get(at);
  if (!rules) {
    rules = new Intl.PluralRules(at);
    pluralRules.set(at, rules);
  }
  const form = rules.select(n) as keyof Plural;
  return fill(message[form] ?? message.other, { n: n.toLocaleString(at), ...values });
}

/** What went wrong, in the interface language, for an error from the backend. The backend's own
 * `message` is English and meant for logs and the technical details, not for the screen. */
export function errorText(err: IpcError): string {
  const m = i18n.m;
  if (err.kind === "invalid_input" && err.problem) {
    const problem = (m.form.problems as Record<string, string>)[err.problem];
    if (problem) return problem;
  }
  const kind = m.errors.kinds[err.kind] ?? m.errors.kinds.internal;
  return `${kind.what} ${kind.todo}`;
}
