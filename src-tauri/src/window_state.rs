//! The window remembers itself: its size, place and maximised state are kept in the OS user's
//! config folder (`.window-state.json`, the Tauri window-state plugin) and restored at the next
//! launch. Not its visibility or decorations: the window always opens shown and framed. A place
//! on a screen that is no longer there is not restored (the plugin checks the monitors).
//!
//! The plugin writes the file as the app exits. A shared PC's logout, a crash or a power cut
//! ends the process without that, so the state is also written once the window has been still
//! for half a second after being moved or resized. The webview is granted none of the plugin's
//! commands: only the shell restores and saves.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// How long the window stays still before its state is written.
const STILL: Duration = Duration::from_millis(500);

fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// The plugin, restoring every window as it opens and saving as the app exits.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(flags())
        .build()
}

/// Where a window's moves and resizes are told, to be written once it is still.
struct Changes(Mutex<Sender<()>>);

/// Starts the writer of the window's state: one thread, waiting for changes.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<()>();
    let handle = app.clone();
    let started = std::thread::Builder::new().name("window-state".into()).spawn(move || {
        while rx.recv().is_ok() {
            loop {
                match rx.recv_timeout(STILL) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // Not kept this time (a read-only config folder): the window still works, and
            // the plugin tries again as the app exits.
            let _ = handle.save_window_state(flags());
        }
    });
    if started.is_ok() {
        app.manage(Changes(Mutex::new(tx)));
    }
}

/// Tells the writer that the window moved or changed size.
pub fn on_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_)) {
        return;
    }
    if let Some(changes) = window.try_state::<Changes>()
        && let Ok(tx) = changes.0.lock()
    {
        let _ = tx.send(());
    }
}
