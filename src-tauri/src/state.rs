//! The shell's one piece of state: the store, or why it could not be opened.

use crate::ipc_error::IpcError;
use eftertanke_core::{OpenOptions, Store, data_dir};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// The data directory: `EFTERTANKE_DATA_DIR` if set, else the OS data directory that Tauri's
/// path resolver gives the app.
pub fn data_dir(default: Option<PathBuf>) -> Option<PathBuf> {
    let env = std::env::var(data_dir::DATA_DIR_ENV).ok();
    data_dir::resolve(env.as_deref(), || default)
}

#[derive(Debug)]
pub struct AppState {
    dir: Option<PathBuf>,
    store: Mutex<Result<Store, IpcError>>,
}

impl AppState {
    /// Opens the store in `dir`. Failure is kept, not raised: the UI shows it on a screen that
    /// says what happened and what to do, and can ask to try again.
    pub fn open(dir: Option<PathBuf>) -> Self {
        let store = Self::try_open(dir.as_ref());
        Self {
            dir,
            store: Mutex::new(store),
        }
    }

    fn try_open(dir: Option<&PathBuf>) -> Result<Store, IpcError> {
        let dir = dir.ok_or_else(|| IpcError::internal("the OS gave no data directory; set EFTERTANKE_DATA_DIR"))?;
        Store::open_in_dir(dir, &OpenOptions::default()).map_err(IpcError::from)
    }

    /// Tries to open the store again if it failed before (after the person closed the program
    /// that held the lock, say). An open store is left as it is.
    pub fn retry(&self) -> Result<(), IpcError> {
        let mut slot = self.lock();
        if slot.is_err() {
            *slot = Self::try_open(self.dir.as_ref());
        }
        slot.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.dir.as_ref()
    }

    /// Runs `f` on the store, or returns why there is none.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> eftertanke_core::Result<T>) -> Result<T, IpcError> {
        match &mut *self.lock() {
            Ok(store) => f(store).map_err(IpcError::from),
            Err(err) => Err(err.clone()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Result<Store, IpcError>> {
        // A panic while holding the lock cannot leave the store half-written (SQLite rolls the
        // transaction back), so the poisoned value is still safe to use.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
