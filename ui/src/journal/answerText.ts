// One answer of an entry's document in words, as the entry view and its history show it.
import type { DocumentAnswer } from "../ipc";
import { fill, i18n } from "../i18n/i18n.svelte";
import { longDate } from "../format";

export function show(a: DocumentAnswer): string {
  switch (a.type) {
    case "text":
      return a.text;
    case "choice":
      return a.choice.label;
    case "choices":
      return a.choices.map((c) => c.label).join(", ");
    case "scale":
      return fill(i18n.m.wizard.scaleOf, { n: a.value });
    case "date":
      return longDate(a.date);
    case "roles":
      return a.roles.join(", ");
    case "participation":
      return a.parts.map((p) => `${p.label} ${p.choice.label}`).join(" · ");
    case "actions":
      return a.actions.map((x) => [x.text, x.owner, x.reviewOn ? longDate(x.reviewOn) : ""].filter(Boolean).join(" — ")).join("; ");
  }
}
