//! The shell's one piece of state: the vault's lock state and the store once unlocked, or why
//! it could not be opened.
//!
//! Architecture invariant: the store is open only between an unlock and the next lock; locking
//! drops it and the key, so a locked window holds nothing readable.

use crate::ipc_error::IpcError;
use eftertanke_core::data_dir_lock::DataDirLock;
use eftertanke_core::vault::{KdfParams, Vault, VaultState};
use eftertanke_core::{DatabaseKey, OpenOptions, Store, data_dir};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use ts_rs::TS;

/// The data directory: `EFTERTANKE_DATA_DIR` if set, else the OS data directory that Tauri's
/// path resolver gives the app.
pub fn data_dir(default: Option<PathBuf>) -> Option<PathBuf> {
    let env = std::env::var(data_dir::DATA_DIR_ENV).ok();
    data_dir::resolve(env.as_deref(), || default)
}

/// Where the app stands, for the UI to pick its screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// First run: choose a passphrase.
    Setup,
    /// The unlock screen.
    Locked,
    /// The journal is open.
    Open,
    /// The journal could not be opened; see the error.
    Failed,
}

#[derive(Debug)]
enum Slot {
    Setup,
    Locked,
    Open(Box<Store>),
    /// Unlocked, but the database would not open (damaged, say): the key is kept so the
    /// recovery screen can verify and restore a backup.
    Failed(IpcError, Option<DatabaseKey>),
}

#[derive(Debug)]
pub struct AppState {
    dir: Option<PathBuf>,
    kdf: KdfParams,
    slot: Mutex<Slot>,
    /// Held for the app's lifetime: a second Eftertanke (or a CLI restore) cannot work on the
    /// same data directory meanwhile.
    dir_lock: Mutex<Option<DataDirLock>>,
}

impl AppState {
    /// Looks at `dir`: set up, locked, or unusable. Nothing is opened before the passphrase.
    pub fn open(dir: Option<PathBuf>) -> Self {
        Self::with_kdf(dir, KdfParams::default())
    }

    /// As [`AppState::open`], with a chosen key-derivation cost (tests use a cheap one).
    pub fn with_kdf(dir: Option<PathBuf>, kdf: KdfParams) -> Self {
        let (slot, lock) = match &dir {
            None => (
                Slot::Failed(
                    IpcError::internal("the OS gave no data directory; set EFTERTANKE_DATA_DIR"),
                    None,
                ),
                None,
            ),
            Some(dir) => match DataDirLock::acquire(dir) {
                Err(err) => (Slot::Failed(err.into(), None), None),
                Ok(lock) => (Self::initial(&Vault::with_kdf(dir, kdf)), Some(lock)),
            },
        };
        Self {
            dir,
            kdf,
            slot: Mutex::new(slot),
            dir_lock: Mutex::new(lock),
        }
    }

    fn initial(vault: &Vault) -> Slot {
        match vault.state() {
            Ok(VaultState::New) => Slot::Setup,
            Ok(VaultState::Locked) => Slot::Locked,
            Err(err) => Slot::Failed(err.into(), None),
        }
    }

    pub fn vault(&self) -> Result<Vault, IpcError> {
        let dir = self.dir()?;
        Ok(Vault::with_kdf(dir, self.kdf))
    }

    fn dir(&self) -> Result<&PathBuf, IpcError> {
        self.dir
            .as_ref()
            .ok_or_else(|| IpcError::internal("the OS gave no data directory; set EFTERTANKE_DATA_DIR"))
    }

    pub fn database(&self) -> Result<PathBuf, IpcError> {
        Ok(data_dir::database_path(self.dir()?))
    }

    pub fn phase(&self) -> (Phase, Option<IpcError>) {
        match &*self.lock() {
            Slot::Setup => (Phase::Setup, None),
            Slot::Locked => (Phase::Locked, None),
            Slot::Open(_) => (Phase::Open, None),
            Slot::Failed(err, _) => (Phase::Failed, Some(err.clone())),
        }
    }

    /// Opens the store with `key`. A failure is kept (with the key) for the recovery screen
    /// and returned.
    pub fn open_with(&self, key: DatabaseKey) -> Result<(), IpcError> {
        let dir = self.dir()?.clone();
        let opened = Store::open_in_dir(&dir, &OpenOptions::with_key(key.clone()));
        let mut slot = self.lock();
        match opened {
            Ok(store) => {
                *slot = Slot::Open(Box::new(store));
                Ok(())
            }
            Err(err) => {
                let err = IpcError::from(err);
                *slot = Slot::Failed(err.clone(), Some(key));
                Err(err)
            }
        }
    }

    /// A second store on the same database and key, for long reads (a backup) that must not
    /// hold up the window's commands. Only while the journal is open.
    pub fn side_store(&self) -> Result<Store, IpcError> {
        let (path, key) = match &*self.lock() {
            Slot::Open(store) => (store.path().to_path_buf(), store.key().cloned()),
            Slot::Failed(err, _) => return Err(err.clone()),
            Slot::Setup | Slot::Locked => return Err(locked()),
        };
        let options = OpenOptions {
            key,
            ..OpenOptions::default()
        };
        Ok(Store::open(&path, &options)?)
    }

    /// Closes the store and forgets the key.
    pub fn lock_now(&self) {
        let mut slot = self.lock();
        if matches!(*slot, Slot::Open(_) | Slot::Failed(_, Some(_))) {
            if let Slot::Open(store) = &*slot {
                // The WAL goes into the file before the store closes; best effort.
                let _ = store.checkpoint();
            }
            *slot = Slot::Locked;
        }
    }

    /// The key while unlocked (open, or failed to open after unlocking).
    pub fn key(&self) -> Result<DatabaseKey, IpcError> {
        match &*self.lock() {
            Slot::Open(store) => store
                .key()
                .cloned()
                .ok_or_else(|| IpcError::internal("the store has no key")),
            Slot::Failed(_, Some(key)) => Ok(key.clone()),
            _ => Err(locked()),
        }
    }

    /// Tries again after a failure: takes the data-directory lock if another Eftertanke held
    /// it, looks at the vault again, and reopens the store if it was unlocked. An open store is
    /// left as it is.
    pub fn retry(&self) -> Result<(), IpcError> {
        let key = match &*self.lock() {
            Slot::Failed(_, key) => key.clone(),
            _ => return Ok(()),
        };
        if let Some(key) = key {
            return self.open_with(key);
        }
        let dir = self.dir()?.clone();
        {
            let mut held = self.dir_lock.lock().unwrap_or_else(|p| p.into_inner());
            if held.is_none() {
                *held = Some(DataDirLock::acquire(&dir).map_err(IpcError::from)?);
            }
        }
        let next = Self::initial(&Vault::with_kdf(&dir, self.kdf));
        let mut slot = self.lock();
        *slot = next;
        match &*slot {
            Slot::Failed(err, _) => Err(err.clone()),
            _ => Ok(()),
        }
    }

    /// Replaces the store (closed first) by running `f` with the store closed, then opens
    /// it again with the same key. Used by restore.
    pub fn with_store_closed<T>(
        &self,
        f: impl FnOnce(&DatabaseKey) -> eftertanke_core::Result<T>,
    ) -> Result<T, IpcError> {
        let key = self.key()?;
        {
            let mut slot = self.lock();
            if let Slot::Open(store) = &*slot {
                let _ = store.checkpoint();
            }
            *slot = Slot::Failed(IpcError::internal("restoring"), Some(key.clone()));
        }
        let result = f(&key).map_err(IpcError::from);
        // Whatever happened, open what is there now; a refused restore changed nothing.
        let reopened = self.open_with(key);
        let value = result?;
        reopened?;
        Ok(value)
    }

    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.dir.as_ref()
    }

    /// Runs `f` on the store, or returns why there is none.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> eftertanke_core::Result<T>) -> Result<T, IpcError> {
        match &mut *self.lock() {
            Slot::Open(store) => f(store).map_err(IpcError::from),
            Slot::Failed(err, _) => Err(err.clone()),
            Slot::Setup | Slot::Locked => Err(locked()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock cannot leave the store half-written (SQLite rolls the
        // transaction back), so the poisoned value is still safe to use.
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn locked() -> IpcError {
    eftertanke_core::Error::VaultLocked.into()
}
