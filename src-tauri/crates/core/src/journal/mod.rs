//! The journal's whole life, in one place for both shells: create, unlock, open, recover,
//! change the passphrase, lock, back up, rotate and restore.
//!
//! A journal is a data directory holding the key file (`eftertanke.key.json`), the encrypted
//! database (`eftertanke.sqlite3`, with its WAL) and `backups/`. A [`Journal`] value is an
//! unlocked journal: it holds the key (which never leaves the core), the shared lock on the
//! directory, and — once [`Journal::open`] succeeded — the [`Store`].
//!
//! Architecture invariant: a key file and its database appear together or not at all. The
//! first run happens under the exclusive lock and commits by writing the key file last (see
//! [`create`]); a key file whose database is missing, empty or cut short is a *damaged*
//! journal — the person is offered the newest good backup — and never a new one: nothing
//! creates a database beside an existing key file.
//!
//! Architecture invariant: every process that opens a journal holds the data directory's lock
//! ([`crate::journal::lock`]) for as long as it works on it: shared for work, exclusive for
//! the first run and for a restore. So a restore never puts aside a copy that someone is still
//! writing to.
//!
//! Architecture invariant: a database copy that Eftertanke moves or makes is self-contained:
//! the WAL is folded into the file (checkpointed) before the file is put aside or brought in,
//! and a WAL that cannot be folded travels with its file.

mod backups;
mod create;
pub mod journals;
mod legacy;
pub mod lock;
pub(crate) mod restore;
pub(crate) mod wal;

pub use backups::{BackupJob, BackupList, Rotation};
pub use restore::restore_database;

use crate::error::{Error, Problem, Result};
use crate::journal::lock::{DataDirLock, LockKind};
use crate::store::{OpenOptions, Store};
use crate::vault::keyfile::{KEY_FILE, KeyFile};
use crate::vault::secret::Secret;
use crate::vault::{DatabaseKey, KdfParams, Vault, VaultState};
use std::path::{Path, PathBuf};

/// The shortest passphrase accepted (the UI reads it through the bindings).
pub const MIN_PASSPHRASE_CHARS: usize = crate::vault::MIN_PASSPHRASE_CHARS;

/// Where a journal lives: its data directory (key file, lock, backups) and its database file —
/// `eftertanke.sqlite3` there, unless a tool names another file in it (the CLI's `--db`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub dir: PathBuf,
    pub database: PathBuf,
}

impl Place {
    /// The journal in a data directory.
    pub fn dir(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            database: crate::data_dir::database_path(dir),
        }
    }

    /// A database file, with its key file and backups beside it.
    pub fn file(database: &Path) -> Self {
        let dir = database
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Self {
            dir: dir.to_path_buf(),
            database: database.to_path_buf(),
        }
    }
}

impl From<&Path> for Place {
    fn from(dir: &Path) -> Self {
        Self::dir(dir)
    }
}

impl From<&PathBuf> for Place {
    fn from(dir: &PathBuf) -> Self {
        Self::dir(dir)
    }
}

/// What a data directory holds, before any passphrase is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JournalState {
    /// Nothing yet (or only what an interrupted first run left): the first run sets a
    /// passphrase.
    New,
    /// A key file: ask for the passphrase.
    Locked,
}

/// An unlocked journal. Dropping it (or [`Journal::lock`]) closes the store, forgets the key
/// and releases the lock.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    db: PathBuf,
    kdf: KdfParams,
    key: DatabaseKey,
    lock: DataDirLock,
    store: Option<Store>,
}

impl Journal {
    /// Where `dir` stands. Reads only; creates nothing.
    pub fn state(place: impl Into<Place>) -> Result<JournalState> {
        let Place { dir, .. } = place.into();
        let dir = dir.as_path();
        if create::interrupted(dir) && !dir.join(KEY_FILE).exists() {
            return Ok(JournalState::New);
        }
        Ok(match Vault::new(dir).state()? {
            VaultState::New => JournalState::New,
            VaultState::Locked => JournalState::Locked,
        })
    }

    /// First run: makes the key, the recovery code, the key file and the database, under the
    /// exclusive lock; either all of them appear or none. Refused when a journal exists (see
    /// [`Journal::open_or_create`] for a caller that races another first run).
    pub fn create(
        place: impl Into<Place>,
        passphrase: &Secret,
        kdf: KdfParams,
    ) -> Result<(Journal, crate::vault::RecoveryCode)> {
        match create::create(&place.into(), passphrase, kdf)? {
            create::Created::New(journal, code) => Ok((*journal, code)),
            create::Created::Existing(_) => Err(Error::invalid(
                "passphrase",
                Problem::UnknownValue,
                "a passphrase is already set for this journal; unlock it instead",
            )),
        }
    }

    /// Unlocks the journal, or makes it on the first run: when another process made it a
    /// moment earlier, this one unlocks what that one made. Returns the recovery code when this
    /// call made the journal. The journal is opened.
    pub fn open_or_create(
        place: impl Into<Place>,
        passphrase: &Secret,
        kdf: KdfParams,
    ) -> Result<(Journal, Option<crate::vault::RecoveryCode>)> {
        let place = place.into();
        if Self::state(&place.dir)? == JournalState::Locked {
            return Ok((Self::open_with(place, passphrase, kdf)?, None));
        }
        match create::create(&place, passphrase, kdf)? {
            create::Created::New(journal, code) => Ok((*journal, Some(code))),
            create::Created::Existing(lock) => {
                drop(lock);
                Ok((Self::open_with(place, passphrase, kdf)?, None))
            }
        }
    }

    /// Unlocks the key with the passphrase, holding the shared lock. The database is not opened
    /// yet: [`Journal::open`] does that, and when it fails the journal stays unlocked, so a
    /// backup can be verified and restored.
    pub fn unlock(place: impl Into<Place>, passphrase: &Secret, kdf: KdfParams) -> Result<Journal> {
        let place = place.into();
        let lock = Self::lock_for_work(&place.dir)?;
        let key = Vault::with_kdf(&place.dir, kdf).unlock(passphrase.expose())?;
        Ok(Self::unlocked(&place, kdf, key, lock))
    }

    /// Unlocks and opens: what a command that works on entries needs.
    pub fn open_with(place: impl Into<Place>, passphrase: &Secret, kdf: KdfParams) -> Result<Journal> {
        let mut journal = Self::unlock(place, passphrase, kdf)?;
        journal.open()?;
        Ok(journal)
    }

    /// Forgotten passphrase: the recovery code unwraps the key and `new_passphrase` replaces
    /// the old one. The database is not opened yet (see [`Journal::unlock`]).
    pub fn recover(place: impl Into<Place>, code: &Secret, new_passphrase: &Secret, kdf: KdfParams) -> Result<Journal> {
        let place = place.into();
        let lock = Self::lock_for_work(&place.dir)?;
        let key = Vault::with_kdf(&place.dir, kdf).recover(code.expose(), new_passphrase.expose())?;
        Ok(Self::unlocked(&place, kdf, key, lock))
    }

    fn lock_for_work(dir: &Path) -> Result<DataDirLock> {
        // The lock first: a first run in another process finishes before the state is read.
        let lock = DataDirLock::shared(dir)?;
        if Self::state(dir)? == JournalState::New {
            return Err(Error::invalid(
                "passphrase",
                Problem::UnknownValue,
                "this journal has no passphrase yet; set one up first",
            ));
        }
        // An older version made the folder and its files readable by every local user.
        crate::files::private_files::tighten_dir(dir)?;
        crate::files::private_files::tighten_files_in(dir)?;
        crate::files::private_files::tighten_dir(&dir.join(crate::backup::BACKUP_DIR))?;
        crate::files::private_files::tighten_files_in(&dir.join(crate::backup::BACKUP_DIR))?;
        create::forget_finished(dir);
        Ok(lock)
    }

    fn unlocked(place: &Place, kdf: KdfParams, key: DatabaseKey, lock: DataDirLock) -> Journal {
        Journal {
            dir: place.dir.clone(),
            db: place.database.clone(),
            kdf,
            key,
            lock,
            store: None,
        }
    }

    /// Opens (or reopens) the database. A database that is missing, empty or cut short beside
    /// the key file is [`Error::JournalMissing`]; nothing is created in its place.
    pub fn open(&mut self) -> Result<()> {
        self.store = None;
        let db = self.database();
        // Before the store opens: the lock may be let go for a moment on the way.
        backups::tidy_after_interruption(&mut self.lock, &self.dir, &db)?;
        wal::check_present_and_whole(&db)?;
        let store = Store::open(&db, &OpenOptions::with_key(self.key.clone())).map_err(|e| self.explain(e))?;
        wal::probe(&store)?;
        for file in wal::files_of(&db) {
            crate::files::private_files::tighten_file(&file)?;
        }
        self.store = Some(store);
        Ok(())
    }

    /// A database this key cannot read is either damaged or another journal's: the key file
    /// tells which when the copy kept with the backups holds a different journal's key.
    fn explain(&self, err: Error) -> Error {
        if err.kind() != crate::ErrorKind::Corrupt {
            return err;
        }
        let here = self.dir.join(KEY_FILE);
        let kept = crate::backup::backup_dir(&self.database()).join(KEY_FILE);
        match (KeyFile::read(&here), KeyFile::read(&kept)) {
            (Ok(a), Ok(b)) if !a.same_journal(&b) => Error::KeyFileOfAnotherJournal { path: here },
            _ => err,
        }
    }

    /// The open store, or why there is none.
    pub fn store(&mut self) -> Result<&mut Store> {
        let path = &self.db;
        self.store.as_mut().ok_or_else(|| Error::JournalMissing {
            path: path.clone(),
            what: "not open",
        })
    }

    /// Is the database open?
    pub fn is_open(&self) -> bool {
        self.store.is_some()
    }

    /// Changes the passphrase (checked against the old one). Only the key file is rewritten.
    pub fn change_passphrase(&self, old: &Secret, new: &Secret) -> Result<()> {
        Vault::with_kdf(&self.dir, self.kdf).change_passphrase(old.expose(), new.expose())
    }

    /// Locks: the WAL goes into the file (best effort), the store closes, the key is wiped and
    /// the directory lock released.
    pub fn lock(self) {
        if let Some(store) = &self.store {
            let _ = store.checkpoint();
        }
        drop(self);
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The database file.
    pub fn database(&self) -> PathBuf {
        self.db.clone()
    }

    /// Which lock this journal holds now (shared, except during a restore).
    pub fn lock_kind(&self) -> LockKind {
        self.lock.kind()
    }
}
