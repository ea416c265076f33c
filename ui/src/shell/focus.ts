// Moves keyboard focus to a screen's heading when the screen opens, so screen-reader and
// keyboard users start at the top of what just appeared.
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}
