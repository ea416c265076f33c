// Picks the current language's text out of a guide's {da, en} texts.
import type { LocalText } from "../ipc";
import { i18n } from "./i18n.svelte";

export function tx(text: LocalText | null | undefined): string {
  if (!text) return "";
  return i18n.lang === "da" ? text.da : text.en;
}
