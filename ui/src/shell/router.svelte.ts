// Which screen is showing. The app has few screens and no URLs to share, so a small state
// value is all the routing it needs.
export type View =
  | { name: "journal" }
  | { name: "entry"; id: string; justSaved?: boolean }
  | { name: "guides" }
  | { name: "reflect"; guideId?: string; draftId?: string; entryId?: string; step?: number; followsUp?: string }
  | { name: "timeline" }
  | { name: "search" }
  | { name: "charts"; initiative: string | null }
  // The team's reflection spaces: the list, or one space when `space` is its id.
  | { name: "team"; space?: string }
  | { name: "settings" };

let view = $state<View>({ name: "journal" });

export const router = {
  get view(): View {
    return view;
  },
  go(next: View) {
    view = next;
  },
};
