//! Work the app does on its own: the backup rotation, daily and after an erasure; and reading
//! the reflection spaces' folders, on unlock and every half minute (a rescan, which works on
//! network folders too, where file-system notifications do not arrive).

use crate::state::AppState;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{RwLock, RwLockReadGuard};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Lets the app end only between two pieces of background work: each holds a pass while it
/// runs, and [`Gate::close`] waits for the passes out and lets no new one in. A process that
/// exits while a thread still has the journal open tears SQLCipher's crypto down under it.
#[derive(Debug, Default)]
pub struct Gate {
    closed: AtomicBool,
    work: RwLock<()>,
}

impl Gate {
    /// A pass for one piece of work, or none once the app is closing.
    fn pass(&self) -> Option<RwLockReadGuard<'_, ()>> {
        let pass = self.work.read().unwrap_or_else(|p| p.into_inner());
        (!self.closed.load(Ordering::SeqCst)).then_some(pass)
    }

    /// Waits for the work under way (a backup in its last seconds included) and starts no more.
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        drop(self.work.write().unwrap_or_else(|p| p.into_inner()));
    }
}

/// How often the spaces' folders are read while the journal is open.
const READ_SPACES_EVERY: Duration = Duration::from_secs(30);

/// The event the window hears when a read brought something new.
pub const SPACES_READ: &str = "spaces-read";

/// How often the app looks whether a rotation is due (a cheap check: a folder listing).
const CHECK_EVERY: Duration = Duration::from_secs(5 * 60);

/// Starts the periodic check. It runs for the app's lifetime and does nothing while locked.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("backups".into())
        .spawn(move || {
            loop {
                // Its own thread, which has nothing else to do between checks.
                #[allow(clippy::disallowed_methods)]
                std::thread::sleep(CHECK_EVERY);
                rotate_if_due(&app);
            }
        })
        .ok();
}

/// Right after unlocking: a rotation and a read of the spaces, off the UI's path.
pub fn rotate_soon<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("backup-now".into())
        .spawn(move || {
            rotate_if_due(&app);
            read_spaces(&app);
        })
        .ok();
}

/// Starts the periodic read of the spaces' folders.
pub fn start_spaces<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("spaces".into())
        .spawn(move || {
            loop {
                #[allow(clippy::disallowed_methods)]
                std::thread::sleep(READ_SPACES_EVERY);
                read_spaces(&app);
            }
        })
        .ok();
}

pub(crate) fn read_spaces<R: Runtime>(app: &AppHandle<R>) {
    let (Some(state), Some(gate)) = (app.try_state::<AppState>(), app.try_state::<Gate>()) else {
        return;
    };
    let Some(_pass) = gate.pass() else {
        return;
    };
    match state.with_store(|s| s.sync_all_spaces()) {
        Ok(0) => {}
        Ok(n) => {
            let _ = app.emit(SPACES_READ, n);
        }
        Err(err) if err.kind == eftertanke_core::ErrorKind::VaultLocked => {}
        // The team area shows each space's state in words; the next read tries again.
        Err(err) => eprintln!("Eftertanke: reading the spaces' folders failed: {}", err.message),
    }
}

fn rotate_if_due<R: Runtime>(app: &AppHandle<R>) {
    let (Some(state), Some(gate)) = (app.try_state::<AppState>(), app.try_state::<Gate>()) else {
        return;
    };
    let Some(_pass) = gate.pass() else {
        return;
    };
    // Decided under the state's lock (cheap); the copy runs on a connection of its own, since
    // a backup of a large journal takes seconds and the window must not wait for it.
    let result = state
        .rotation()
        .and_then(|due| due.map(|r| r.run().map_err(Into::into)).transpose());
    if let Err(err) = result
        && err.kind != eftertanke_core::ErrorKind::VaultLocked
    {
        // The next check tries again; Settings shows the backups' dates, so a failing rotation
        // is visible there too.
        eprintln!("Eftertanke: the backup rotation failed: {}", err.message);
    }
}
