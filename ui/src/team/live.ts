// Keeping the team area current while it is open: hearing that the app read something new
// from the spaces' folders on its own, and reading a view again without piling reads up.
import { SPACES_READ, onBackendEvent } from "../ipc";

/** Calls `cb` each time a read of the spaces' folders brought something new (the folder watch
 * or the periodic rescan). Returns the function that stops it; outside Tauri it does nothing. */
export function onSpacesRead(cb: () => void): () => void {
  return onBackendEvent<number>(SPACES_READ, () => cb());
}

/** `run` wrapped so that calls never overlap: a call while a run is under way asks for one
 * more run after it (however many calls came), and resolves when that one is done, so the
 * caller sees what was there after its call. */
export function oneAtATime(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
