// What was searched for last: kept while the app is open, so coming back from a result shows
// the same results. Never written to disk.
import type { TimelineFilter } from "../ipc";

const emptyFilter = (): TimelineFilter => ({ initiative: null, outcome: null, phase: null, role: null, from: null, to: null, tag: null });

export const searchState = $state({ text: "", foldAa: false, filter: emptyFilter() });

/** Forgets the search (when the journal is locked). */
export function forgetSearch() {
  searchState.text = "";
  searchState.foldAa = false;
  searchState.filter = emptyFilter();
}
