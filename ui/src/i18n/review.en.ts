// The facilitator's review queue, in English.
export const reviewEn = {
  title: "To review",
  firstTime: "Everything colleagues have shared, newest first. When you have gone through it, mark it: then only what arrives after shows here.",
  since: "What arrived since you last went through the space ({time}), newest first.",
  none: "Nothing new to review.",
  noneFiltered: "Nothing new matches the choice.",
  filters: "Show only",
  initiative: "Initiative",
  outcome: "Outcome",
  level: "Participation level",
  any: "All",
  arrived: "arrived {time}",
  arrivedOn: "arrived on {date} (without a name, only the day)",
  markDone: "Mark as gone through",
  marked: "Gone through. What arrives from now on, or what was not on the screen, shows here.",
  count: { one: "{n} reflection to review", other: "{n} reflections to review" },
};
