// A Svelte action for the team area's dialogs: focus moves into the dialog when it opens (to
// the element marked `data-autofocus`, else the dialog itself), Tab and Shift+Tab stay inside,
// Escape closes, and focus goes back to where it was when the dialog closes.
const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/** The Tab stops inside `node`, in document order (some selector engines do not keep it for a
 * selector list). A group of radio buttons is one stop, as browsers tab: its checked button,
 * or its first when none is checked. */
function tabStops(node: HTMLElement): HTMLElement[] {
  const all = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const radios = all.filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === "radio" && el.name !== "");
  const stop = new Map<string, HTMLInputElement>();
  for (const r of radios) if (!stop.has(r.name) || (r.checked && !stop.get(r.name)?.checked)) stop.set(r.name, r);
  return all.filter((el) => !(el instanceof HTMLInputElement && el.type === "radio" && el.name !== "") || stop.get(el.name) === el);
}

export function modal(node: HTMLElement, onclose: () => void) {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let close = onclose;
  queueMicrotask(() => (node.querySelector<HTMLElement>("[data-autofocus]") ?? node).focus());

  function keydown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "Tab") {
      const items = tabStops(node);
      const [first, last] = [items[0], items[items.length - 1]];
      if (!first || !last) {
        e.preventDefault();
      } else if (e.shiftKey && (document.activeElement === first || document.activeElement === node)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }
  node.addEventListener("keydown", keydown);

  return {
    update(next: () => void) {
      close = next;
    },
    destroy() {
      node.removeEventListener("keydown", keydown);
      if (before?.isConnected) before.focus();
    },
  };
}
