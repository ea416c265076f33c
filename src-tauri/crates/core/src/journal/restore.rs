//! Restoring a backup: verify it, put the current journal aside *with everything in its WAL*,
//! bring the backup in (with its WAL, if one travelled with it), and reopen. Undoing a restore
//! is restoring the "before restore" copy: the same steps, nothing lost either way.

use super::Journal;
use super::wal::{self, fold, rename_with_wal, side};
use crate::backup::{self, BackupInfo, BackupReason};
use crate::error::{Error, Result};
use crate::journal::lock::{LockKind, Queue, WAIT};
use crate::time;
use crate::vault::DatabaseKey;
use std::path::Path;

impl Journal {
    /// Replaces the journal with the backup at `from` (verified first; a file that is not one
    /// of this journal's backups is refused and nothing changes). Waits for the exclusive lock
    /// — every other process must have finished its work — then puts the current journal aside
    /// as a "before restore" backup, brings the backup in and reopens. Returns the copy put
    /// aside, if there was a journal to put aside.
    pub fn restore(&mut self, from: &Path) -> Result<Option<BackupInfo>> {
        let dir = self.dir.clone();
        // First in line before anything else: work that starts after the restore was asked for
        // waits for it (or is told the journal is busy), and never lands in the journal about
        // to be put aside — however long verifying a large backup takes.
        let queue = Queue::join(&dir, WAIT)?;
        crate::store::verify_backup(from, Some(&self.key))?;
        if let Err(err) = self.lock.change_holding_queue(LockKind::Exclusive, WAIT, &dir) {
            // A refused upgrade may have dropped the shared lock on the way (flock's
            // conversion is not atomic): take it again.
            self.lock.change_to(LockKind::Shared, WAIT, &dir)?;
            return Err(err);
        }
        if let Some(store) = self.store.take() {
            let _ = store.checkpoint();
        }
        let restored = restore_files(&self.database(), from, &self.key);
        let back = self.lock.change_to(LockKind::Shared, WAIT, &dir);
        drop(queue);
        // Whatever happened, open what is there now; a refused restore changed nothing.
        let reopened = self.open();
        let aside = restored?;
        back?;
        reopened?;
        Ok(aside)
    }

    /// Restores the backup named `file_name` in the backups folder (the only names the app's
    /// webview may give).
    pub fn restore_named(&mut self, file_name: &str) -> Result<Option<BackupInfo>> {
        let path = self.backup_path(file_name)?;
        self.restore(&path)
    }
}

/// Replaces the database with a backup. The store must be closed and no other process may use
/// it (a [`crate::journal::Journal`] restores under the exclusive lock). The backup is verified
/// first — a file that is not one of this journal's backups is refused and nothing changes —
/// and the current database is kept aside as a "before restore" backup, its WAL folded in.
pub fn restore_database(database: &Path, from: &Path, key: Option<&DatabaseKey>) -> Result<Option<BackupInfo>> {
    let key = key.ok_or_else(|| Error::internal("only an encrypted journal is restored"))?;
    restore_files(database, from, key)
}

/// The file work of a restore, with no process using `database` (the caller holds the
/// exclusive lock, or is a test with nothing open).
pub(crate) fn restore_files(database: &Path, from: &Path, key: &DatabaseKey) -> Result<Option<BackupInfo>> {
    crate::store::verify_backup(from, Some(key))?;
    let dir = backup::backup_dir(database);
    crate::files::private_files::create_dir(&dir)?;
    // 1. The incoming copy, self-contained: the backup and any WAL that travelled with it,
    //    folded together, verified again.
    let incoming = database.with_extension("sqlite3.restoring");
    for file in wal::files_of(&incoming) {
        let _ = std::fs::remove_file(file);
    }
    copy_private(from, &incoming)?;
    if side(from, "-wal").exists() {
        copy_private(&side(from, "-wal"), &side(&incoming, "-wal"))?;
    }
    if !fold(&incoming, key) {
        return Err(Error::NotABackup {
            path: from.to_path_buf(),
            reason: "its write-ahead log could not be read into it".into(),
        });
    }
    sync_file(&incoming)?;
    if let Err(err) = crate::store::verify_backup(&incoming, Some(key)) {
        let _ = std::fs::remove_file(&incoming);
        return Err(err);
    }
    // The plan, written once the incoming copy is whole: a restore killed from here on is
    // finished by the next opening (see [`finish_interrupted`]).
    let aside_name = database
        .exists()
        .then(|| BackupInfo::file_name_for(time::now(), BackupReason::BeforeRestore));
    let plan = side(database, PLAN_SUFFIX);
    crate::files::atomic_file::write(&plan, aside_name.as_deref().unwrap_or_default().as_bytes())?;
    kill_point(1)?;
    // 2. The current journal aside, with its WAL folded in (or, if it will not fold because
    //    the file is damaged, with the WAL beside it under the same name).
    let mut aside = None;
    if let Some(name) = aside_name {
        let folded = fold(database, key);
        let target = dir.join(&name);
        rename_with_wal(database, &target)?;
        kill_point(2)?;
        if !folded {
            let _ = fold(&target, key);
        }
        let _ = std::fs::remove_file(side(&target, "-shm"));
        crate::files::atomic_file::sync_dir(&dir)?;
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        aside = BackupInfo::parse(&name, size);
    } else {
        keep_orphaned_wal(database, &dir)?;
    }
    // 3. The swap.
    std::fs::rename(&incoming, database).map_err(|e| Error::from_io(database, &e))?;
    let folder = database.parent().unwrap_or(Path::new("."));
    crate::files::atomic_file::sync_dir(folder)?;
    kill_point(3)?;
    std::fs::remove_file(&plan).map_err(|e| Error::from_io(&plan, &e))?;
    crate::files::atomic_file::sync_dir(folder)?;
    Ok(aside)
}

/// Beside the database while a restore swaps files: the name of the copy put aside (empty if
/// there was no journal to put aside).
const PLAN_SUFFIX: &str = ".restore-plan";

/// A WAL without its database must not be replayed into the incoming file: it is kept with the
/// backups, as evidence, under a name nothing opens.
fn keep_orphaned_wal(database: &Path, backups: &Path) -> Result<()> {
    let orphan = side(database, "-wal");
    if orphan.exists() {
        let kept = backups.join(format!(
            "orphaned-{}.sqlite3-wal",
            time::now().format("%Y%m%dT%H%M%S%.3fZ")
        ));
        std::fs::rename(&orphan, &kept).map_err(|e| Error::from_io(&kept, &e))?;
    }
    let _ = std::fs::remove_file(side(database, "-shm"));
    Ok(())
}

/// Finishes a restore that was killed while it swapped files (its plan is still there): if
/// the current journal was not yet put aside, the restore never happened and the incoming copy
/// goes; if it was, the swap is completed. Either way no journal is left missing. Only under
/// the exclusive lock, so no restore is running.
pub(super) fn finish_interrupted(database: &Path) -> Result<()> {
    let plan = side(database, PLAN_SUFFIX);
    let aside = match std::fs::read_to_string(&plan) {
        Ok(name) => name.trim().to_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::from_io(&plan, &e)),
    };
    let incoming = database.with_extension("sqlite3.restoring");
    let backups = backup::backup_dir(database);
    match (database.exists(), incoming.exists()) {
        // Killed before the journal was put aside: it is as it was; the copy is dropped.
        (true, true) => {
            for file in wal::files_of(&incoming) {
                let _ = std::fs::remove_file(file);
            }
        }
        // Put aside, not yet swapped: the put-aside copy gets any WAL the kill left behind (the
        // rename moves the file first), and the incoming copy comes in.
        (false, true) => {
            let target = backups.join(&aside);
            if !aside.is_empty() && target.exists() {
                for suffix in ["-wal", "-shm"] {
                    let left = side(database, suffix);
                    if left.exists() {
                        std::fs::rename(&left, side(&target, suffix)).map_err(|e| Error::from_io(&left, &e))?;
                    }
                }
            } else {
                keep_orphaned_wal(database, &backups)?;
            }
            std::fs::rename(&incoming, database).map_err(|e| Error::from_io(database, &e))?;
        }
        // Swapped already, or nothing to finish (opening then says what is missing).
        _ => {}
    }
    let folder = database.parent().unwrap_or(Path::new("."));
    crate::files::atomic_file::sync_dir(folder)?;
    std::fs::remove_file(&plan).map_err(|e| Error::from_io(&plan, &e))?;
    crate::files::atomic_file::sync_dir(folder)
}

fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = std::fs::File::open(from).map_err(|e| Error::from_io(from, &e))?;
    let mut dst = crate::files::private_files::create_new(to)?;
    std::io::copy(&mut src, &mut dst).map_err(|e| {
        let _ = std::fs::remove_file(to);
        Error::from_io(to, &e)
    })?;
    dst.sync_all().map_err(|e| Error::from_io(to, &e))
}

fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| Error::from_io(path, &e))
}

#[cfg(test)]
thread_local! {
    /// The point at which the restore of the test in this thread "is killed" (0: none).
    static KILLED_AT: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// Where a test stops a restore as a SIGKILL would: files stay exactly as they are. Nothing in
/// a build that ships.
fn kill_point(n: u8) -> Result<()> {
    #[cfg(test)]
    if KILLED_AT.get() == n {
        return Err(Error::internal(format!("killed at point {n}")));
    }
    let _ = n;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;
    use crate::vault::KdfParams;
    use crate::vault::secret::Secret;

    fn quick(title: &str) -> crate::EntryInput {
        let mut answers = crate::reflection::answers::Answers::new();
        answers.insert("occurred_on".into(), "2026-03-02".into());
        answers.insert("headline".into(), title.into());
        answers.insert("outcome".into(), "partly".into());
        crate::EntryInput {
            guide_id: "co-production".into(),
            guide_version: None,
            answers,
            complete: false,
            tags: Vec::new(),
            override_personal_data: false,
            follows_up: None,
        }
    }

    fn count(journal: &mut Journal) -> usize {
        journal.store().unwrap().list_entries(None, 200).unwrap().entries.len()
    }

    /// A journal with a backup of 3 entries and 5 entries now; returns it (closed) and the
    /// backup's path.
    fn journal_with_backup(dir: &Path) -> (Journal, std::path::PathBuf) {
        let (mut journal, _) = Journal::create(
            dir,
            &Secret::from("a passphrase for tests"),
            KdfParams::insecure_for_tests(),
        )
        .unwrap();
        for n in 0..3 {
            journal
                .store()
                .unwrap()
                .create_entry(&quick(&format!("before {n}")), None)
                .unwrap();
        }
        let made = journal.back_up(BackupReason::Manual).unwrap();
        for n in 0..2 {
            journal
                .store()
                .unwrap()
                .create_entry(&quick(&format!("after {n}")), None)
                .unwrap();
        }
        let path = backup::backup_dir(&journal.database()).join(made.file_name);
        // The writer's WAL stays, as a crash would leave it: the connection is never closed.
        std::mem::forget(journal.store.take());
        assert!(side(&journal.database(), "-wal").exists());
        (journal, path)
    }

    #[test]
    fn a_restore_killed_at_any_point_of_its_swap_leaves_a_journal_that_opens_whole() {
        // Point 0 is the whole restore; 1: plan written; 1.5: the file put aside but not its
        // WAL (made by hand below); 2: put aside; 3: swapped, plan not yet removed.
        for (point, half_moved) in [(0, false), (1, false), (1, true), (2, false), (3, false)] {
            let tmp = tempfile::tempdir().unwrap();
            let (mut journal, from) = journal_with_backup(tmp.path());
            let database = journal.database();
            KILLED_AT.set(point);
            let result = restore_files(&database, &from, &journal.key);
            KILLED_AT.set(0);
            assert_eq!(result.is_err(), point != 0, "point {point}");
            if half_moved {
                let aside = std::fs::read_to_string(side(&database, PLAN_SUFFIX)).unwrap();
                std::fs::rename(&database, backup::backup_dir(&database).join(aside.trim())).unwrap();
                assert!(
                    side(&database, "-wal").exists(),
                    "the WAL is left behind, as a kill would leave it"
                );
            }
            journal
                .open()
                .unwrap_or_else(|e| panic!("point {point} (half moved: {half_moved}): {e}"));
            let now = count(&mut journal);
            assert!(
                !side(&database, PLAN_SUFFIX).exists(),
                "point {point}: the plan is done with"
            );
            assert!(!database.with_extension("sqlite3.restoring").exists(), "point {point}");
            let restored = point != 1 || half_moved;
            assert_eq!(
                now,
                if restored { 3 } else { 5 },
                "point {point} (half moved: {half_moved})"
            );
            if restored {
                // The journal as it was is the "before restore" copy, with all 5: undo gives them back.
                let copies = backup::list(&database).unwrap();
                let aside = copies.iter().find(|b| b.reason == BackupReason::BeforeRestore).unwrap();
                journal.restore_named(&aside.file_name.clone()).unwrap();
                assert_eq!(count(&mut journal), 5, "point {point}: undone");
            }
        }
    }
}
