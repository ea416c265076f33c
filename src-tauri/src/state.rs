//! The shell's one piece of state: where the journal stands — first run, locked, open, or
//! why it could not be opened — holding the core's [`Journal`] once unlocked.
//!
//! Architecture invariant: the store is open only between an unlock and the next lock; locking
//! drops the journal, which closes the store, wipes the key and lets go of the data directory's
//! lock, so a locked window holds nothing readable. Everything the journal's life involves
//! (the lock, the first run, damage, restore) is the core's; this file only keeps the slot.

use crate::ipc_error::IpcError;
use eftertanke_core::backup::{BackupInfo, BackupReason};
use eftertanke_core::journal::Rotation;
use eftertanke_core::journal::journals::{Choices, MAX_NAME_CHARS};
use eftertanke_core::progress::{OnProgress, Progress};
use eftertanke_core::search::{SearchRequest, SearchResults};
use eftertanke_core::vault::KdfParams;
use eftertanke_core::{Home, Journal, JournalInfo, JournalState, Searcher, Secret, Settings, Store, data_dir};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use ts_rs::TS;

/// Where the journals are: the one folder `EFTERTANKE_DATA_DIR` names, else the journals under
/// the OS data directory that Tauri's path resolver gives the app.
pub fn home(default_root: Option<PathBuf>) -> Option<Home> {
    let env = std::env::var(data_dir::DATA_DIR_ENV).ok();
    Home::resolve(env.as_deref(), || default_root)
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

#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub version: String,
    /// The OS locale, e.g. `da-DK`; the UI follows it unless Settings say otherwise.
    pub os_locale: String,
    pub data_dir: Option<String>,
    /// Setup, locked, open or failed: which screen the UI shows.
    pub phase: Phase,
    /// The saved preferences; `null` when the store could not be opened.
    pub settings: Option<Settings>,
    /// Why the store could not be opened; `null` when it is open.
    pub error: Option<IpcError>,
    /// The shortest passphrase the core accepts (the setup and change forms check it early).
    pub passphrase_min_chars: u32,
    /// The journals the unlock screen offers; `null` if they could not be listed (see `error`).
    pub choices: Option<Choices>,
    /// The unlocked journal, so the window can show whose journal is open.
    pub journal: Option<JournalInfo>,
    /// The longest name a journal can have.
    pub journal_name_max_chars: u32,
}

#[derive(Debug)]
enum Slot {
    Setup,
    Locked,
    Open(Box<Journal>),
    /// Unlocked, but the database would not open (damaged, say): the journal is kept so the
    /// recovery screen can verify and restore a backup.
    Failed(IpcError, Option<Box<Journal>>),
}

impl Slot {
    /// The unlocked journal, open or failed to open.
    fn journal(&self) -> Option<&Journal> {
        match self {
            Slot::Open(journal) | Slot::Failed(_, Some(journal)) => Some(journal),
            _ => None,
        }
    }

    /// Which screen the window shows, and why the journal could not open.
    fn phase(&self) -> (Phase, Option<IpcError>) {
        match self {
            Slot::Setup => (Phase::Setup, None),
            Slot::Locked => (Phase::Locked, None),
            Slot::Open(_) => (Phase::Open, None),
            Slot::Failed(err, _) => (Phase::Failed, Some(err.clone())),
        }
    }
}

#[derive(Debug)]
pub struct AppState {
    home: Option<Home>,
    kdf: KdfParams,
    slot: Mutex<Slot>,
    /// Set by "Cancel" while long work (an export, an import) runs; read at each step.
    cancel: AtomicBool,
    /// The open journal's connection for searching as the person types, with the `opened`
    /// count it was made at: made at the first search, made again when the journal has
    /// changed since (opened, closed or restored), dropped when it closes. Searches never wait
    /// for `slot` (a save, a sync) once it is made.
    searcher: Mutex<Option<(u64, Arc<Searcher>)>>,
    /// Counts the times `slot` changed journal or file, bumped while `slot` is held.
    opened: AtomicU64,
}

impl AppState {
    /// Looks at `home`: set up, locked, or unusable. Nothing is opened before the passphrase.
    pub fn open(home: Option<Home>) -> Self {
        Self::with_kdf(home, KdfParams::default())
    }

    /// As [`AppState::open`], with a chosen key-derivation cost (tests use a cheap one).
    pub fn with_kdf(home: Option<Home>, kdf: KdfParams) -> Self {
        let slot = Self::initial(home.as_ref());
        Self {
            home,
            kdf,
            slot: Mutex::new(slot),
            cancel: AtomicBool::new(false),
            searcher: Mutex::new(None),
            opened: AtomicU64::new(0),
        }
    }

    fn initial(home: Option<&Home>) -> Slot {
        match home.map(Home::state) {
            None => Slot::Failed(no_dir(), None),
            Some(Ok(JournalState::New)) => Slot::Setup,
            Some(Ok(JournalState::Locked)) => Slot::Locked,
            Some(Err(err)) => Slot::Failed(err.into(), None),
        }
    }

    fn home(&self) -> Result<&Home, IpcError> {
        self.home.as_ref().ok_or_else(no_dir)
    }

    /// What the first screen needs, read under one hold of the slot (so the phase, the
    /// settings and the journal shown are of one moment); `os_locale` is the OS's language.
    pub fn status(&self, os_locale: Option<String>) -> AppStatus {
        let choices = self.choices().ok();
        let mut slot = self.lock();
        let data_dir = self.folder_of(slot.journal());
        let described = self.home.as_ref().zip(slot.journal()).map(|(home, j)| home.describe(j));
        let (phase, error) = slot.phase();
        let settings = match &mut *slot {
            Slot::Open(journal) => journal.store().and_then(|s| s.settings()).ok(),
            _ => None,
        };
        AppStatus {
            version: eftertanke_core::about::VERSION.to_owned(),
            os_locale: os_locale.unwrap_or_else(|| "en".to_owned()),
            data_dir: data_dir.map(|d| d.display().to_string()),
            phase,
            settings,
            error,
            passphrase_min_chars: eftertanke_core::journal::MIN_PASSPHRASE_CHARS as u32,
            choices,
            journal: described,
            journal_name_max_chars: MAX_NAME_CHARS as u32,
        }
    }

    /// The open journal's folder, or, before one is open, where the journals are.
    fn folder_of(&self, journal: Option<&Journal>) -> Option<PathBuf> {
        match journal {
            Some(journal) => Some(journal.dir().to_path_buf()),
            None => self.home.as_ref().map(|h| h.folder().to_path_buf()),
        }
    }

    /// The journals the unlock screen offers (none to choose under `EFTERTANKE_DATA_DIR`).
    pub fn choices(&self) -> Result<Choices, IpcError> {
        Ok(self.home()?.choices()?)
    }

    /// The data folder this window's journal lives in (or the journals' folder, before one is
    /// unlocked), if there is one.
    pub fn data_folder(&self) -> Option<PathBuf> {
        self.folder_of(self.lock().journal())
    }

    /// The About view's facts, with this window's data folder.
    pub fn about(&self) -> eftertanke_core::about::About {
        let folder = self.folder_of(self.lock().journal());
        eftertanke_core::about::about(folder.as_deref())
    }

    /// First run, or a new journal beside the others: makes it and returns the recovery code
    /// (shown once).
    pub fn create(&self, name: Option<&str>, passphrase: &Secret) -> Result<String, IpcError> {
        let (journal, code) = self.home()?.create(name, passphrase, self.kdf)?;
        self.forget_searcher();
        let mut slot = self.lock();
        *slot = Slot::Open(Box::new(journal));
        self.opened.fetch_add(1, Ordering::SeqCst);
        Ok(code.as_str().to_owned())
    }

    /// Unlocks and opens. A database that will not open keeps the journal unlocked for the
    /// recovery screen, and the error is returned.
    pub fn unlock(&self, journal: Option<&str>, passphrase: &Secret, remember: bool) -> Result<(), IpcError> {
        let journal = self.home()?.unlock(journal, passphrase, self.kdf, remember)?;
        self.keep_opened(journal)
    }

    /// Forgotten passphrase: the recovery code sets a new one and opens.
    pub fn recover(&self, journal: Option<&str>, code: &Secret, new_passphrase: &Secret) -> Result<(), IpcError> {
        let journal = self.home()?.recover(journal, code, new_passphrase, self.kdf)?;
        self.keep_opened(journal)
    }

    fn keep_opened(&self, mut journal: Journal) -> Result<(), IpcError> {
        let opened = journal.open();
        self.forget_searcher();
        let mut slot = self.lock();
        self.opened.fetch_add(1, Ordering::SeqCst);
        match opened {
            Ok(()) => {
                *slot = Slot::Open(Box::new(journal));
                Ok(())
            }
            Err(err) => {
                let err = IpcError::from(err);
                *slot = Slot::Failed(err.clone(), Some(Box::new(journal)));
                Err(err)
            }
        }
    }

    /// Closes the journal and forgets the key.
    pub fn lock_now(&self) {
        self.forget_searcher();
        let mut slot = self.lock();
        self.opened.fetch_add(1, Ordering::SeqCst);
        match std::mem::replace(&mut *slot, Slot::Locked) {
            Slot::Open(journal) | Slot::Failed(_, Some(journal)) => journal.lock(),
            // Nothing unlocked: the first-run or failure screen stays.
            other => *slot = other,
        }
    }

    /// Tries again after a failure: reopens an unlocked journal, or looks at the data
    /// directory again. An open journal is left as it is.
    pub fn retry(&self) -> Result<(), IpcError> {
        self.forget_searcher();
        let mut slot = self.lock();
        self.opened.fetch_add(1, Ordering::SeqCst);
        let next = match std::mem::replace(&mut *slot, Slot::Locked) {
            Slot::Failed(_, Some(mut journal)) => match journal.open() {
                Ok(()) => Slot::Open(journal),
                Err(err) => Slot::Failed(err.into(), Some(journal)),
            },
            Slot::Failed(_, None) => Self::initial(self.home.as_ref()),
            other => other,
        };
        *slot = next;
        match &*slot {
            Slot::Failed(err, _) => Err(err.clone()),
            _ => Ok(()),
        }
    }

    /// Runs `f` on the unlocked journal — open, or failed to open (the recovery screen's
    /// backups need no open store) — and reopens state as the journal now is.
    pub fn with_journal<T>(&self, f: impl FnOnce(&mut Journal) -> eftertanke_core::Result<T>) -> Result<T, IpcError> {
        // A restore replaces the database: the search connection is made again afterwards.
        self.forget_searcher();
        let mut slot = self.lock();
        self.opened.fetch_add(1, Ordering::SeqCst);
        let result = match &mut *slot {
            Slot::Open(journal) | Slot::Failed(_, Some(journal)) => f(journal).map_err(IpcError::from),
            Slot::Failed(err, None) => return Err(err.clone()),
            Slot::Setup | Slot::Locked => return Err(locked()),
        };
        // A restore may have mended the store (or, refused half-way, not reopened it).
        let next = match std::mem::replace(&mut *slot, Slot::Locked) {
            Slot::Failed(_, Some(j)) if j.is_open() => Slot::Open(j),
            Slot::Open(j) if !j.is_open() => {
                let err = result
                    .as_ref()
                    .err()
                    .cloned()
                    .unwrap_or_else(|| IpcError::internal("the journal closed"));
                Slot::Failed(err, Some(j))
            }
            other => other,
        };
        *slot = next;
        result
    }

    /// Runs `f` on the open store, or returns why there is none.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> eftertanke_core::Result<T>) -> Result<T, IpcError> {
        match &mut *self.lock() {
            Slot::Open(journal) => f(journal.store()?).map_err(IpcError::from),
            Slot::Failed(err, _) => Err(err.clone()),
            Slot::Setup | Slot::Locked => Err(locked()),
        }
    }

    /// Runs long work on the open store: each step's progress goes to `send` (which says
    /// whether the window still listens), and the work stops, changing nothing, when the
    /// window is gone or [`AppState::cancel_long_work`] was called.
    pub fn with_progress<T>(
        &self,
        send: impl Fn(Progress) -> bool,
        f: impl FnOnce(&mut Store, &mut OnProgress<'_>) -> eftertanke_core::Result<T>,
    ) -> Result<T, IpcError> {
        self.cancel.store(false, Ordering::SeqCst);
        self.with_store(|s| f(s, &mut |p| send(p) && !self.cancel.load(Ordering::SeqCst)))
    }

    /// A backup asked for in Settings: made on a connection of its own, off the state's lock
    /// (the window's other commands go on), with its progress to `send`; stopped, adding no
    /// backup, when the window is gone or [`AppState::cancel_long_work`] was called.
    pub fn back_up_now(&self, send: impl Fn(Progress) -> bool) -> Result<BackupInfo, IpcError> {
        self.cancel.store(false, Ordering::SeqCst);
        let job = self.with_journal(|j| j.backup_job(BackupReason::Manual))?;
        Ok(job.run_with(&mut |p| send(p) && !self.cancel.load(Ordering::SeqCst))?)
    }

    /// Asks the long work running now to stop.
    pub fn cancel_long_work(&self) -> Result<(), IpcError> {
        self.cancel.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// The rotation, if one is due, to run off the state's lock (a backup takes seconds).
    pub fn rotation(&self) -> Result<Option<Rotation>, IpcError> {
        match &mut *self.lock() {
            Slot::Open(journal) => Ok(journal.rotation()?),
            Slot::Failed(err, _) => Err(err.clone()),
            Slot::Setup | Slot::Locked => Err(locked()),
        }
    }

    /// Searches the open journal on its searching connection; a newer search ends this one
    /// (its answer is then `cancelled`, which the window drops).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, IpcError> {
        let searcher = {
            let mut kept = self.searcher.lock().unwrap_or_else(|p| p.into_inner());
            let now = self.opened.load(Ordering::SeqCst);
            match &*kept {
                Some((at, s)) if *at == now => Arc::clone(s),
                _ => {
                    // Made for a journal or file that has changed since: never searched again.
                    *kept = None;
                    let (at, made) =
                        self.with_store(|s| Ok((self.opened.load(Ordering::SeqCst), Arc::new(s.searcher()?))))?;
                    *kept = Some((at, Arc::clone(&made)));
                    made
                }
            }
        };
        Ok(searcher.search(request)?)
    }

    /// Closes the searching connection early (never while holding `slot`: `search` takes the
    /// two locks in the other order). A search that made one again before `slot` changed finds
    /// it stale by the `opened` count and makes it anew.
    fn forget_searcher(&self) {
        self.searcher.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    fn lock(&self) -> MutexGuard<'_, Slot> {
        // A panic while holding the lock cannot leave the store half-written (SQLite rolls the
        // transaction back), so the poisoned value is still safe to use.
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn no_dir() -> IpcError {
    IpcError::internal("the OS gave no data directory; set EFTERTANKE_DATA_DIR")
}

fn locked() -> IpcError {
    eftertanke_core::Error::VaultLocked.into()
}
