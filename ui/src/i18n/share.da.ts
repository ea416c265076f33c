// Deling af flere refleksioner på én gang (udvalget i journalen og delingsdialogen), på dansk.
import type { Messages } from "./en";

export const shareDa: Messages["share"] = {
  select: "Vælg refleksioner at dele",
  selectHint: "Sæt flueben ved de refleksioner, du vil dele med teamet, og vælg så »Del de valgte«.",
  selected: { one: "{n} refleksion valgt", other: "{n} refleksioner valgt" },
  noneSelected: "Ingen valgt endnu.",
  shareSelected: "Del de valgte",
  cancelSelect: "Stop med at vælge",
  choose: "Vælg {title}",
  loadFailed: "De valgte refleksioner kunne ikke åbnes til deling.",
  introMany: {
    one: "Vælg, hvordan den valgte refleksion skal deles. Herunder ser du præcis, hvad der forlader computeren.",
    other: "Vælg, hvordan de {n} refleksioner skal deles – alle på samme måde. Herunder ser du præcis, hvad der forlader computeren, én refleksion ad gangen.",
  },
  previewOf: "Det forlader computeren fra {title}",
  sharedMany: { one: "{n} refleksion delt i {space}.", other: "{n} refleksioner delt i {space}." },
  foundInEntry: "I {title}:",
};
