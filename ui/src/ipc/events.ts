// Events the backend sends the window on its own (not answers to a call). Part of the one door
// to the backend: only this folder imports @tauri-apps/api. Outside Tauri (the tests, a plain
// browser) nothing is listened to, so a view can subscribe without asking where it runs.
import { listen } from "@tauri-apps/api/event";

/** Sent after a read of the spaces' folders brought something new (the folder watch or the
 * half-minute rescan); the payload is how much was read. Named in `src-tauri/src/background.rs`. */
export const SPACES_READ = "spaces-read";

function inTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** Calls `cb` with each `event`'s payload until the returned function is called. Listening is
 * set up asynchronously; stopping before it is set up still stops it, as soon as it is. */
export function onBackendEvent<T>(event: string, cb: (payload: T) => void): () => void {
  if (!inTauri()) return () => {};
  let stopped = false;
  let unlisten: (() => void) | null = null;
  listen<T>(event, (e) => {
    // An event already queued when the view stopped listening is not delivered to it.
    if (!stopped) cb(e.payload);
  }).then(
    (fn) => {
      if (stopped) fn();
      else unlisten = fn;
    },
    // Not hearing events only means the view is read again on the next change made in it or
    // on "Read the folder now"; nothing to tell the person.
    () => {},
  );
  return () => {
    stopped = true;
    unlisten?.();
    unlisten = null;
  };
}
