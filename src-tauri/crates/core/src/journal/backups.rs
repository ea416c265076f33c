//! The journal's backups: listing, making, verifying, the daily rotation (on a connection of
//! its own, so a long copy never holds up the window), the newest backup that opens, and the
//! partial copies an interrupted backup leaves behind.

use super::Journal;
use crate::backup::{self, BackupCheck, BackupInfo, BackupReason};
use crate::error::{Error, Result};
use crate::journal::lock::{DataDirLock, LockKind, WAIT};
use crate::progress::{OnProgress, Progress};
use crate::store::backups::BackupWatch;
use crate::store::{OpenOptions, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::RecvTimeoutError;
use ts_rs::TS;

/// A backup as Settings lists it: whether it opened is checked on request only (it costs a
/// read of the whole file).
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub backups: Vec<BackupInfo>,
    pub folder: String,
}

/// A rotation that is due, with its own connection: run it off the caller's thread.
#[derive(Debug)]
pub struct Rotation {
    side: Store,
    keep: usize,
}

impl Rotation {
    /// Makes the backup and removes the ones rotated out. Returns the backup made, if any.
    pub fn run(self) -> Result<Option<BackupInfo>> {
        self.side.rotate_backups(self.keep)
    }
}

/// A backup to make on a connection of its own, off the caller's lock.
#[derive(Debug)]
pub struct BackupJob {
    side: Store,
    reason: BackupReason,
}

impl BackupJob {
    /// Makes the verified backup.
    pub fn run(self) -> Result<BackupInfo> {
        self.side.back_up(self.reason)
    }

    /// Makes the verified backup on a thread of its own, reporting every tenth of a second how
    /// many bytes of the database are copied; then, at `done == total`, while the copy is
    /// checked. When `on_progress` answers `false`, SQLite is interrupted, the partial copy is
    /// removed and the error is [`Error::Cancelled`]: no backup is added.
    pub fn run_with(self, on_progress: &mut OnProgress<'_>) -> Result<BackupInfo> {
        let total = self.side.database_bytes()?.max(1);
        let watch = Arc::new(BackupWatch::default());
        let (done, result) = std::sync::mpsc::channel();
        let (side, reason, w) = (self.side, self.reason, Arc::clone(&watch));
        std::thread::Builder::new()
            .name("backup".into())
            .spawn(move || {
                let _ = done.send(side.back_up_watched(reason, &w));
            })
            .map_err(|e| Error::caused("starting the backup", e))?;
        loop {
            match result.recv_timeout(std::time::Duration::from_millis(100)) {
                Ok(made) => return made,
                Err(RecvTimeoutError::Timeout) => {
                    let copied = if watch.verifying.load(Ordering::SeqCst) {
                        total
                    } else {
                        watch.written().min(total - 1)
                    };
                    if !on_progress(Progress { done: copied, total }) {
                        watch.stop.store(true, Ordering::SeqCst);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(Error::internal("the backup stopped without a result"));
                }
            }
        }
    }
}

impl Journal {
    /// A backup to make now, on its own connection (see [`BackupJob::run`]): the app's window
    /// need not wait the seconds a large journal takes.
    pub fn backup_job(&self, reason: BackupReason) -> Result<BackupJob> {
        Ok(BackupJob {
            side: self.side_store()?,
            reason,
        })
    }

    /// The backups, newest first, and the folder they are in.
    pub fn backup_list(&self) -> Result<BackupList> {
        let db = self.database();
        Ok(BackupList {
            backups: backup::list(&db)?,
            folder: backup::backup_dir(&db).display().to_string(),
        })
    }

    /// A verified backup now, on a connection of its own (the journal's store stays free).
    pub fn back_up(&self, reason: BackupReason) -> Result<BackupInfo> {
        self.side_store()?.back_up(reason)
    }

    /// Opens the backup named `file_name` and checks it is whole.
    pub fn verify_backup(&self, file_name: &str) -> Result<BackupCheck> {
        crate::store::verify_backup(&self.backup_path(file_name)?, Some(&self.key))
    }

    /// Checks any file as a backup of this journal (the CLI accepts paths).
    pub fn verify_file(&self, path: &Path) -> Result<BackupCheck> {
        crate::store::verify_backup(path, Some(&self.key))
    }

    /// The newest backup that opens and is whole, for the recovery screen.
    pub fn newest_good_backup(&self) -> Result<Option<BackupInfo>> {
        let db = self.database();
        let dir = backup::backup_dir(&db);
        Ok(backup::list(&db)?
            .into_iter()
            .find(|b| crate::store::verify_backup(&dir.join(&b.file_name), Some(&self.key)).is_ok()))
    }

    /// Is a rotation due (a day since the newest backup, or an erasure since)?
    pub fn rotation_due(&mut self) -> Result<bool> {
        self.store()?.rotation_due()
    }

    /// The rotation, if one is due: decided now (cheap), made by [`Rotation::run`] on a
    /// connection of its own.
    pub fn rotation(&mut self) -> Result<Option<Rotation>> {
        let store = self.store()?;
        if !store.rotation_due()? {
            return Ok(None);
        }
        let keep = store.settings()?.backups_keep as usize;
        Ok(Some(Rotation {
            side: self.side_store()?,
            keep,
        }))
    }

    /// Rotates now, on the journal's own connection (the CLI, which has nothing else to do).
    pub fn rotate(&mut self, keep: usize) -> Result<Option<BackupInfo>> {
        self.store()?.rotate_backups(keep)
    }

    /// A second connection to the open journal, for long reads.
    fn side_store(&self) -> Result<Store> {
        let Some(store) = &self.store else {
            return Err(Error::JournalMissing {
                path: self.database(),
                what: "not open",
            });
        };
        Store::open(store.path(), &OpenOptions::with_key(self.key.clone()))
    }

    /// A file name in the backups folder — never a path: the webview names no files.
    pub fn backup_path(&self, file_name: &str) -> Result<PathBuf> {
        if BackupInfo::parse(file_name, 0).is_none() || file_name.contains(['/', '\\']) {
            return Err(Error::NotABackup {
                path: file_name.into(),
                reason: "it is not in the backups folder".into(),
            });
        }
        Ok(backup::backup_dir(&self.database()).join(file_name))
    }
}

/// Finishes a restore that was killed while it swapped files, then removes the partial copies
/// of backups that were interrupted (a window closed mid-backup, a crash) and what an
/// interrupted restore left. Only when no other process has the journal
/// open — the exclusive lock is free — since another one may be writing its partial now. The
/// interrupted backup itself is simply made again at the next rotation: it was never listed.
pub(super) fn tidy_after_interruption(lock: &mut DataDirLock, dir: &Path, database: &Path) -> Result<()> {
    if !lock.try_exclusive(dir)? {
        return Ok(());
    }
    // First: a restore killed while it swapped files needs its incoming copy.
    if let Err(err) = super::restore::finish_interrupted(database) {
        lock.change_to(LockKind::Shared, WAIT, dir)?;
        return Err(err);
    }
    let backups = dir.join(backup::BACKUP_DIR);
    for folder in [dir, backups.as_path()] {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stale = name.contains(".sqlite3.partial")
                || name.contains(".sqlite3.restoring")
                || (name.starts_with('.') && name.ends_with(".tmp"));
            if stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    lock.change_to(LockKind::Shared, WAIT, dir)
}
