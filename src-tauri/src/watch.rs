//! Watching the spaces' shared folders, so what a colleague shares shows within seconds of its
//! file arriving. A burst of changes (a sync engine bringing many files) becomes one read,
//! once the folder has been quiet for a moment. Network folders (SMB, some OneDrive set-ups)
//! send no notifications: the half-minute rescan in `background` reads those, and a system
//! that offers no watching at all is left to it too.

use crate::state::AppState;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, Runtime};

/// A burst has ended when nothing changed for this long…
const QUIET: Duration = Duration::from_millis(400);
/// …or, under a steady stream of changes, after this long: the read still happens.
const AT_MOST: Duration = Duration::from_secs(3);
/// How often the set of folders to watch is looked at again: a space created, joined or moved,
/// a stick plugged back in, the journal locked.
const LOOK_AGAIN: Duration = Duration::from_secs(3);

type Events = Receiver<notify::Result<notify::Event>>;

/// Starts the watching thread. It runs for the app's lifetime and watches nothing while locked.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::Builder::new()
        .name("spaces-watch".into())
        .spawn(move || run(&app))
        .ok();
}

fn run<R: Runtime>(app: &AppHandle<R>) {
    let (tx, rx) = mpsc::channel();
    let Ok(mut watcher) = notify::recommended_watcher(tx) else {
        eprintln!("Eftertanke: this system offers no folder watching; the spaces are read every half minute");
        return;
    };
    let mut watched = BTreeSet::new();
    loop {
        if rewatch(&mut watcher, &mut watched, wanted(app)) {
            crate::background::read_spaces(app);
        }
        match rx.recv_timeout(LOOK_AGAIN) {
            Ok(Ok(event)) if changes_files(&event.kind) => {
                settle(&rx);
                crate::background::read_spaces(app);
            }
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Reading a file is no change; anything else (created, renamed, written, removed) may be.
fn changes_files(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// Waits for the burst to end, taking in its events.
fn settle(rx: &Events) {
    let start = Instant::now();
    while start.elapsed() < AT_MOST {
        match rx.recv_timeout(QUIET) {
            Ok(_) => continue,
            Err(_) => return,
        }
    }
}

/// The open journal's space folders that are there now; none while locked.
fn wanted<R: Runtime>(app: &AppHandle<R>) -> BTreeSet<PathBuf> {
    let Some(state) = app.try_state::<AppState>() else {
        return BTreeSet::new();
    };
    state
        .with_store(|s| s.space_folders())
        .unwrap_or_default()
        .into_iter()
        .filter(|dir| dir.is_dir())
        .collect()
}

/// Watches what is wanted and not watched yet, and lets go of the rest (a folder that went
/// away is watched again when it is back).
/// Says whether a folder was newly watched: what arrived before the watch began is read then.
fn rewatch(watcher: &mut RecommendedWatcher, watched: &mut BTreeSet<PathBuf>, wanted: BTreeSet<PathBuf>) -> bool {
    for gone in watched.difference(&wanted).cloned().collect::<Vec<_>>() {
        // The system may have dropped the watch itself when the folder went.
        let _ = watcher.unwatch(&gone);
        watched.remove(&gone);
    }
    let mut began = false;
    for dir in wanted {
        if !watched.contains(&dir) && watcher.watch(&dir, RecursiveMode::Recursive).is_ok() {
            watched.insert(dir);
            began = true;
        }
    }
    began
}
