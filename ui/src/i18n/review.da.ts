// Tovholderens liste over det, der venter på gennemsyn, på dansk.
import type { Messages } from "./en";

export const reviewDa: Messages["review"] = {
  title: "Til gennemsyn",
  firstTime: "Alt, hvad kollegerne har delt, nyeste først. Når du har gennemgået det, så marker det: Så står kun det, der kommer bagefter, her.",
  since: "Det, der er kommet, siden du sidst gennemså rummet ({time}), nyeste først.",
  none: "Intet nyt til gennemsyn.",
  noneFiltered: "Intet nyt passer til valget.",
  filters: "Vis kun",
  initiative: "Initiativ",
  outcome: "Udfald",
  level: "Deltagelsesniveau",
  any: "Alle",
  arrived: "kom {time}",
  goTo: "Kommenter eller tag med på mødet",
  goToLabel: "Kommenter eller tag med på mødet: {title}",
  arrivedOn: "kom den {date} (uden navn, kun dagen)",
  markDone: "Marker som gennemset",
  marked: "Gennemset. Det, der kommer fra nu af, eller som ikke stod på skærmen, står her.",
  count: { one: "{n} refleksion til gennemsyn", other: "{n} refleksioner til gennemsyn" },
};
