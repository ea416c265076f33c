// Search, in English.
export const searchEn = {
  nav: "Search",
  navLabel: "Search (Ctrl+K)",
  title: "Search your reflections",
  label: "Search for",
  placeholder: "A word, part of a word, or several words",
  hint: "Finds the words as written and their other forms (“forsøget” finds “forsøg”), and parts of words (“forening” finds “beboerforeningen”). Ctrl+K or Ctrl+F searches from anywhere.",
  foldAa: "Read “aa” as “å” (Aarhus finds Århus)",
  filters: "Filters",
  found: { one: "{n} reflection found", other: "{n} reflections found" },
  shownOf: "Showing the best {shown} of {total}.",
  none: "No reflection holds {terms}.",
  noWords: "Type a word to search for.",
  inQuestion: "In “{question}”",
  inTags: "In the tags",
  failed: "The search did not work: {error}",
};
