// Sharing several reflections at once (the journal's selection and the share dialog), in English.
export const shareEn = {
  select: "Choose reflections to share",
  selectHint: "Tick the reflections to share with the team, then choose “Share the chosen”.",
  selected: { one: "{n} reflection chosen", other: "{n} reflections chosen" },
  noneSelected: "None chosen yet.",
  shareSelected: "Share the chosen",
  cancelSelect: "Stop choosing",
  choose: "Choose {title}",
  loadFailed: "The chosen reflections could not be opened for sharing.",
  introMany: {
    one: "Choose how to share the chosen reflection. Below you see exactly what leaves this computer.",
    other: "Choose how to share these {n} reflections, all in the same way. Below you see exactly what leaves this computer, one reflection at a time.",
  },
  previewOf: "What leaves this computer from {title}",
  sharedMany: { one: "{n} reflection shared in {space}.", other: "{n} reflections shared in {space}." },
  foundInEntry: "In {title}:",
};
