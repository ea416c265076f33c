// Søgning, på dansk.
export const searchDa = {
  nav: "Søg",
  navLabel: "Søg (Ctrl+K)",
  title: "Søg i dine refleksioner",
  label: "Søg efter",
  placeholder: "Et ord, en del af et ord eller flere ord",
  hint: "Finder ordene, som de er skrevet, og deres andre former (»forsøget« finder »forsøg«), og dele af ord (»forening« finder »beboerforeningen«). Ctrl+K eller Ctrl+F søger, hvor du end er.",
  foldAa: "Læs »aa« som »å« (Aarhus finder Århus)",
  filters: "Filtre",
  found: { one: "{n} refleksion fundet", other: "{n} refleksioner fundet" },
  shownOf: "Viser de {shown} bedste af {total}.",
  none: "Ingen refleksion indeholder {terms}.",
  noWords: "Skriv et ord at søge efter.",
  inQuestion: "I »{question}«",
  inTags: "I emneordene",
  failed: "Søgningen virkede ikke: {error}",
};
