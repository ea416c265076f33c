// The interface language: follows the OS locale unless the person chose one in Settings.
import type { Language } from "../ipc";
import { da } from "./da";
import { en, type Messages } from "./en";

export type Lang = "da" | "en";

/** The language to show for a preference and the OS locale (e.g. "da-DK", "en_US.UTF-8"). */
export function resolveLang(preference: Language, osLocale: string): Lang {
  if (preference === "da" || preference === "en") return preference;
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
