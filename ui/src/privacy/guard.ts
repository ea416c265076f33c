// How a text field reaches the reflection it belongs to: the wizard provides a guard that
// previews and makes a replacement across all of the entry's texts; a field outside a
// reflection has none and only shows its findings.
import { getContext, setContext } from "svelte";
import type { Finding } from "../ipc";

export interface Guard {
  /** The label a replacement of `finding` would use now (nothing changes). */
  preview(finding: Finding): Promise<string>;
  /** Replaces `finding` everywhere in the entry; resolves to the label used. */
  replace(finding: Finding): Promise<string>;
}

const KEY = Symbol("personal-data-guard");

export const provideGuard = (guard: Guard) => setContext(KEY, guard);
export const useGuard = () => getContext<Guard | undefined>(KEY);
